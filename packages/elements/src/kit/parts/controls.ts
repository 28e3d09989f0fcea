// Small form controls every form element needs, built on `field()` so label, hint, error and
// control stay together and the invalid state follows the error.
import { html, nothing, type TemplateResult } from 'lit';
import { describedByAttr, field } from './field.js';

/** A select with a "none" first option; `value` '' selects it. */
export function selectField(o: {
  id: string;
  label: string;
  error?: string | undefined;
  value: string;
  none: string;
  options: readonly { value: string; label: string }[];
  onChange: (value: string) => void;
}): TemplateResult {
  return field({
    id: o.id,
    label: o.label,
    error: o.error,
    control: (a) => html`
      <select id=${o.id} aria-describedby=${describedByAttr(a.describedBy)} aria-invalid=${a.invalid ? 'true' : 'false'} @change=${(e: Event) => o.onChange((e.target as HTMLSelectElement).value)}>
        <option value="" ?selected=${!o.value}>${o.none}</option>
        ${o.options.map((opt) => html`<option value=${opt.value} ?selected=${o.value === opt.value}>${opt.label}</option>`)}
      </select>
    `,
  });
}

/** A checkbox with its label after it and a hint under it; `then` is shown while it is ticked. */
export function checkField(o: { id: string; label: string; hint?: string; checked: boolean; onChange: (checked: boolean) => void; then?: unknown }): TemplateResult {
  return html`
    <div part="field" class="field">
      <div class="check">
        <input type="checkbox" id=${o.id} aria-describedby=${describedByAttr(o.hint ? `${o.id}-hint` : '')} .checked=${o.checked} @change=${(e: Event) => o.onChange((e.target as HTMLInputElement).checked)} />
        <label for=${o.id}>${o.label}</label>
      </div>
      ${o.hint ? html`<p class="hint" id="${o.id}-hint">${o.hint}</p>` : nothing} ${o.checked ? (o.then ?? nothing) : nothing}
    </div>
  `;
}

/**
 * The honeypot the server checks (`name`): for bots only, so out of the tab order, hidden from
 * assistive technology and from sight, never autofilled. Its label is not localized: no person reads it.
 */
export function honeypot(o: { name: string; value: string; onInput: (value: string) => void }): TemplateResult {
  return html`
    <div class="visually-hidden" aria-hidden="true">
      <label for="trap">Leave this field empty</label>
      <input type="text" id="trap" name=${o.name} tabindex="-1" autocomplete="off" .value=${o.value} @input=${(e: Event) => o.onInput((e.target as HTMLInputElement).value)} />
    </div>
  `;
}

/**
 * "Are you sure?" inside an outcome, for an action that cannot be undone: a group named by its
 * question; the confirm button stays focusable while busy (aria-disabled), so focus never drops.
 */
export function confirmPanel(o: { id: string; question: string; warning: string; confirmLabel: string; cancelLabel: string; busy: boolean; onConfirm: () => void; onCancel: () => void }): TemplateResult {
  return html`
    <div class="notice warning" role="group" aria-labelledby="${o.id}-question">
      <p id="${o.id}-question"><strong>${o.question}</strong></p>
      <p>${o.warning}</p>
      <div class="row">
        <button part="button" class="button" type="button" id="${o.id}-confirm" aria-disabled=${o.busy ? 'true' : 'false'} @click=${() => !o.busy && o.onConfirm()}>${o.confirmLabel}</button>
        <button part="button" class="button secondary" type="button" @click=${o.onCancel}>${o.cancelLabel}</button>
      </div>
    </div>
  `;
}

/**
 * `value` as a link target only when it is http(s): an attribute must never run script. With
 * `receipt`, the code goes in the fragment, never the query: it can erase the input, and a
 * fragment never reaches the council's server logs, analytics or a Referer header.
 */
export function safeUrl(value: string | undefined, receipt?: string): string | undefined {
  if (!value) return undefined;
  try {
    const url = new URL(value, document.baseURI);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
    if (receipt) url.hash = `receipt=${encodeURIComponent(receipt)}`;
    return url.href;
  } catch {
    return undefined;
  }
}
