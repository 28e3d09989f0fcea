// What a form shows around sending: its send button, rows of buttons under an outcome, the
// compact variant's question, the council's note and the honeypot (erasing is in erase.ts).
// Apart from controls.ts, so a page without a form (a reading element) loads none of it.
import { html, nothing, type TemplateResult } from 'lit';

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

/**
 * The honeypot the server checks (`name`): for bots only, so out of the tab order, hidden from
 * assistive technology and from sight, never autofilled. Its label is not localized, since no person
 * reads it, but says which language it is in, so the page's markup stays true.
 */
export function honeypot(o: { name: string; value: string; onInput: (value: string) => void }): TemplateResult {
  return html`
    <div class="visually-hidden" aria-hidden="true" lang="en">
      <label for="trap">Leave this field empty</label>
      <input type="text" id="trap" name=${o.name} tabindex="-1" autocomplete="off" .value=${o.value} @input=${(e: Event) => o.onInput((e.target as HTMLInputElement).value)} />
    </div>
  `;
}
