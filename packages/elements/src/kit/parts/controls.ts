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

/** The form's send button in its row: it stays focusable while sending (`aria-disabled`), so focus never drops. */
export function submitButton(o: { sending: boolean; label: string; sendingLabel: string }): TemplateResult {
  return html`<div class="row">
    <button part="button submit" class="button" type="submit" aria-disabled=${o.sending ? 'true' : 'false'}>${o.sending ? o.sendingLabel : o.label}</button>
  </div>`;
}

/** A row of secondary buttons under an outcome ("Do not send it", "Send another message"). */
export function buttonRow(buttons: readonly { label: string; onClick: () => void; disabled?: boolean }[]): TemplateResult {
  return html`<div class="row">
    ${buttons.map((b) => html`<button part="button" class="button secondary" type="button" ?disabled=${Boolean(b.disabled)} @click=${b.onClick}>${b.label}</button>`)}
  </div>`;
}

/**
 * A one-line text field (a name, a phone number), with its label, hint and error; `autocomplete`
 * names what it holds (WCAG 1.3.5) and `type` picks the keyboard on phones.
 */
export function textField(o: { id: string; label: string; hint?: string | undefined; error?: string | undefined; value: string; autocomplete: string; type?: 'text' | 'tel'; onInput: (value: string) => void }): TemplateResult {
  return field({
    ...o,
    control: (a) => html`<input type=${o.type ?? 'text'} id=${o.id} name=${o.id} autocomplete=${o.autocomplete} aria-describedby=${describedByAttr(a.describedBy)} aria-invalid=${a.invalid ? 'true' : 'false'} .value=${o.value} @input=${(e: Event) => o.onInput((e.target as HTMLInputElement).value)} />`,
  });
}

/** An email address field (`name="email"`, autocompleted), with its label and error. */
export function emailField(o: { id: string; label: string; error?: string | undefined; value: string; onInput: (value: string) => void }): TemplateResult {
  return field({
    ...o,
    control: (a) => html`<input type="email" id=${o.id} name="email" autocomplete="email" inputmode="email" spellcheck="false" aria-describedby=${describedByAttr(a.describedBy)} aria-invalid=${a.invalid ? 'true' : 'false'} .value=${o.value} @input=${(e: Event) => o.onInput((e.target as HTMLInputElement).value)} />`,
  });
}

/** A question answered by one of two buttons ("Was this page useful? Yes / No"): a group named by the question. */
export function yesNo(o: { question: string; yes: string; no: string; onYes: () => void; onNo: () => void }): TemplateResult {
  return html`<div part="compact" class="compact" role="group" aria-labelledby="useful">
    <p id="useful">${o.question}</p>
    <button part="button" class="button secondary" type="button" @click=${o.onYes}>${o.yes}</button>
    <button part="button" class="button secondary" type="button" @click=${o.onNo}>${o.no}</button>
  </div>`;
}

/**
 * The council's own words on what happens with an input (its `inputUse` text), under a title in
 * the element's language; the text keeps its own `lang` when it is in another.
 */
export function councilNote(o: { title: string; note: { text: string; lang: string } | undefined }): TemplateResult | typeof nothing {
  if (!o.note) return nothing;
  return html`<div part="input-use" class="input-use" lang=${o.note.lang}>
    <p><strong>${o.title}</strong></p>
    <p>${o.note.text}</p>
  </div>`;
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
 * "Erase my input" under a sent input's receipt: a text button (`#erase`), then "Are you sure?"
 * (`confirmPanel`, confirm button `#erase-confirm`) while confirming or erasing, and an alert
 * when erasing failed. The caller moves focus between them (they replace each other).
 */
export function eraseControl(o: {
  state: 'none' | 'confirming' | 'erasing' | 'erased' | 'failed';
  button: string;
  failed: string;
  confirm: Omit<Parameters<typeof confirmPanel>[0], 'id' | 'busy'>;
  onRequest: () => void;
}): TemplateResult {
  if (o.state === 'confirming' || o.state === 'erasing') return confirmPanel({ ...o.confirm, id: 'erase', busy: o.state === 'erasing' });
  return html`${o.state === 'failed' ? html`<p class="error-message" role="alert">${o.failed}</p>` : nothing}
    <p><button class="link" type="button" id="erase" @click=${o.onRequest}>${o.button}</button></p>`;
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
