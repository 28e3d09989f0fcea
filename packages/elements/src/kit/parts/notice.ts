import { html, type TemplateResult } from 'lit';
import { heading } from './heading.js';

export type NoticeTone = 'info' | 'success' | 'warning' | 'error';

/**
 * An outcome or notice panel: a region named by its heading (not by its whole content, buttons
 * included), which can take focus (`tabindex="-1"`) when it replaces what the resident was on.
 * It never has `role="alert"`: the change it reports is announced once, either by focus moving
 * to it or, when focus is elsewhere, through the element's StatusController.
 */
export function notice(o: {
  id: string;
  level: number;
  title: string;
  tone: NoticeTone;
  body: unknown;
  part?: string | undefined;
}): TemplateResult {
  const titleId = `${o.id}-title`;
  return html`
    <div part=${o.part ?? 'notice'} class="notice ${o.tone}" id=${o.id} tabindex="-1" role="region" aria-labelledby=${titleId}>
      ${heading(o.level, o.title, { id: titleId })} ${o.body}
    </div>
  `;
}
