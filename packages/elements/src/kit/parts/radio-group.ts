import { html, nothing, type TemplateResult } from 'lit';
import { errorId, errorMessage, hintId } from './field.js';

/**
 * A question answered by one radio: fieldset and legend, hint and error. The fieldset (id =
 * `name`, the error summary's link target) is described by the hint and the error, as GOV.UK
 * does; each radio is also marked `aria-invalid` and described by the error, because a screen
 * reader moving between radios with the arrow keys hears the radio, not the group. Invalid
 * state and message both follow `error`: fixing the answer clears them at once.
 */
export function radioGroup<V extends string | number>(o: {
  name: string;
  legend: string;
  hint?: string | undefined;
  error?: string | undefined;
  options: readonly { value: V; label: string }[];
  value: V | undefined;
  onChange: (v: V) => void;
  part?: string | undefined;
  /** Rendered after the options, inside the fieldset (e.g. "Remove my rating"). */
  after?: unknown;
  /** A choice the form needs: each radio says so (`required`; the forms validate themselves, `novalidate`). */
  required?: boolean;
}): TemplateResult {
  const invalid = Boolean(o.error);
  const groupDescribedBy = [o.hint ? hintId(o.name) : '', invalid ? errorId(o.name) : ''].filter(Boolean).join(' ');
  return html`
    <fieldset part=${o.part ?? 'field'} class="field ${invalid ? 'invalid' : ''}" id=${o.name} aria-describedby=${groupDescribedBy || nothing}>
      <legend>${o.legend}</legend>
      ${o.hint ? html`<p class="hint" id=${hintId(o.name)}>${o.hint}</p>` : nothing} ${errorMessage(errorId(o.name), o.error)}
      <div class="options">
        ${o.options.map(
          (option) => html`
            <label class="option">
              <input
                type="radio"
                name=${o.name}
                value=${String(option.value)}
                ?required=${o.required}
                .checked=${o.value === option.value}
                aria-invalid=${invalid ? 'true' : nothing}
                aria-describedby=${invalid ? errorId(o.name) : nothing}
                @change=${() => o.onChange(option.value)}
              />
              <span>${option.label}</span>
            </label>
          `,
        )}
      </div>
      ${o.after ?? nothing}
    </fieldset>
  `;
}
