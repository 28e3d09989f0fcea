import { html, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';

/** A heading level that exists in HTML: whole numbers 1–6 (anything else is clamped; not a number gives 2). */
export function clampLevel(level: number): 1 | 2 | 3 | 4 | 5 | 6 {
  if (!Number.isFinite(level)) return 2;
  return Math.min(6, Math.max(1, Math.round(level))) as 1 | 2 | 3 | 4 | 5 | 6;
}

/**
 * A heading that fits the host page: the page says at which level the element sits (its
 * `heading-level`), and headings inside follow from it (`level + 1`, …), so a screen reader's
 * heading list keeps the page's outline. Six literal templates instead of a static tag, so the
 * markup stays plain lit `html` (no unsafe static values).
 */
export function heading(level: number, content: unknown, attrs: { id?: string; part?: string } = {}): TemplateResult {
  const id = ifDefined(attrs.id);
  const part = ifDefined(attrs.part);
  switch (clampLevel(level)) {
    case 1:
      return html`<h1 class="heading" id=${id} part=${part}>${content}</h1>`;
    case 2:
      return html`<h2 class="heading" id=${id} part=${part}>${content}</h2>`;
    case 3:
      return html`<h3 class="heading" id=${id} part=${part}>${content}</h3>`;
    case 4:
      return html`<h4 class="heading" id=${id} part=${part}>${content}</h4>`;
    case 5:
      return html`<h5 class="heading" id=${id} part=${part}>${content}</h5>`;
    default:
      return html`<h6 class="heading" id=${id} part=${part}>${content}</h6>`;
  }
}
