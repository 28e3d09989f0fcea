// Small form controls, built on `field()` so label, hint, error and control stay together and
// the invalid state follows the error, and `safeUrl` for links an attribute names. What only a
// form that sends needs (buttons, honeypot, erasing) is in sending.ts.
import { html, nothing, type TemplateResult } from 'lit';
import { describedByAttr, field, hintId } from './field.js';

/** A select with a "none" first option; `value` '' selects it. */
export function selectField(o: {
  id: string;
  label: string;
  error?: string | undefined;
  value: string;
  none: string;
  options: readonly { value: string; label: string; lang?: string | undefined }[];
  onChange: (value: string) => void;
}): TemplateResult {
  return field({
    id: o.id,
    label: o.label,
    error: o.error,
    control: (a) => html`
      <select id=${o.id} aria-describedby=${describedByAttr(a.describedBy)} aria-invalid=${a.invalid ? 'true' : 'false'} @change=${(e: Event) => o.onChange((e.target as HTMLSelectElement).value)}>
        <option value="" ?selected=${!o.value}>${o.none}</option>
        ${o.options.map((opt) => html`<option value=${opt.value} ?selected=${o.value === opt.value} lang=${opt.lang ?? nothing}>${opt.label}</option>`)}
      </select>
    `,
  });
}

/**
 * A one-line text field (a name, a phone number), with its label, hint and error; `autocomplete`
 * names what it holds (WCAG 1.3.5) and `type` picks the keyboard on phones.
 */
export function textField(o: { id: string; label: string; hint?: string | undefined; error?: string | undefined; value: string; autocomplete: string; type?: 'text' | 'tel'; required?: boolean; onInput: (value: string) => void }): TemplateResult {
  return field({
    ...o,
    control: (a) => html`<input type=${o.type ?? 'text'} id=${o.id} name=${o.id} autocomplete=${o.autocomplete} aria-required=${o.required ? 'true' : nothing} aria-describedby=${describedByAttr(a.describedBy)} aria-invalid=${a.invalid ? 'true' : 'false'} .value=${o.value} @input=${(e: Event) => o.onInput((e.target as HTMLInputElement).value)} />`,
  });
}

/**
 * An email address field (`name="email"`, autocompleted), with its label and error. A field the
 * form needs says so to assistive technology (`required`: `aria-required`, as the forms validate
 * themselves); the optional ones say "(optional)" in their label for everyone.
 */
export function emailField(o: { id: string; label: string; error?: string | undefined; value: string; required?: boolean; onInput: (value: string) => void }): TemplateResult {
  return field({
    ...o,
    control: (a) => html`<input type="email" id=${o.id} name="email" autocomplete="email" inputmode="email" spellcheck="false" aria-required=${o.required ? 'true' : nothing} aria-describedby=${describedByAttr(a.describedBy)} aria-invalid=${a.invalid ? 'true' : 'false'} .value=${o.value} @input=${(e: Event) => o.onInput((e.target as HTMLInputElement).value)} />`,
  });
}

/** A checkbox with its label after it and a hint under it; `then` is shown while it is ticked. */
export function checkField(o: { id: string; label: string; hint?: string; checked: boolean; onChange: (checked: boolean) => void; then?: unknown }): TemplateResult {
  return html`
    <div part="field" class="field">
      <div class="check">
        <input type="checkbox" id=${o.id} aria-describedby=${o.hint ? hintId(o.id) : nothing} .checked=${o.checked} @change=${(e: Event) => o.onChange((e.target as HTMLInputElement).checked)} />
        <label for=${o.id}>${o.label}</label>
      </div>
      ${o.hint ? html`<p class="hint" id=${hintId(o.id)}>${o.hint}</p>` : nothing} ${o.checked ? (o.then ?? nothing) : nothing}
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
