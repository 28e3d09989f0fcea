import { msg } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';

/** Ids a field's parts take, from the control's id: `text` → `text-hint`, `text-error`. */
export const hintId = (id: string) => `${id}-hint`;
export const errorId = (id: string) => `${id}-error`;

/**
 * The error under a label: "Error:" is read before it (hidden from sight, the colour and the
 * bar say it there), so a screen reader hears the message is an error, not a hint.
 */
export function errorMessage(id: string, text: string | undefined): TemplateResult | typeof nothing {
  if (!text) return nothing;
  return html`<p class="error-message" id=${id}><span class="visually-hidden">${msg('Error:', { id: 'kit.errorPrefix' })} </span>${text}</p>`;
}

/**
 * Label, hint, error and control kept together (GOV.UK). The control is rendered by a callback
 * given the ids it must name in `aria-describedby` and whether it is invalid: the error and the
 * invalid state come from the same `error` value, so fixing a field clears both at once.
 */
export function field(o: {
  id: string;
  label: string;
  hint?: string | undefined;
  error?: string | undefined;
  part?: string | undefined;
  control: (a: { describedBy: string; invalid: boolean }) => TemplateResult;
}): TemplateResult {
  const invalid = Boolean(o.error);
  const describedBy = [o.hint ? hintId(o.id) : '', invalid ? errorId(o.id) : ''].filter(Boolean).join(' ');
  return html`
    <div part=${o.part ?? 'field'} class="field ${invalid ? 'invalid' : ''}">
      <label class="field-label" for=${o.id}>${o.label}</label>
      ${o.hint ? html`<p class="hint" id=${hintId(o.id)}>${o.hint}</p>` : nothing} ${errorMessage(errorId(o.id), o.error)}
      ${o.control({ describedBy, invalid })}
    </div>
  `;
}

/** `aria-describedby` value, or no attribute when there is nothing to name. */
export const describedByAttr = (ids: string) => ifDefined(ids.trim() ? ids.trim() : undefined);
