import { html, nothing, type TemplateResult } from 'lit';
import { errorId, errorMessage, hintId } from './field.js';

/**
 * A question answered by ticking any number of boxes (topics, formats, languages, consent
 * purposes): fieldset and legend, hint and error, as `radioGroup`. Each box is described by the
 * error too, since a screen reader tabbing between boxes hears the box, not the group. The
 * fieldset's id is `name` (the error summary's link target); an option may carry its own `lang`
 * (a language named in that language).
 */
export function checkboxGroup<V extends string>(o: {
  name: string;
  legend: string;
  hint?: string | undefined;
  error?: string | undefined;
  options: readonly { value: V; label: string; lang?: string | undefined }[];
  value: readonly V[];
  onChange: (v: V[]) => void;
  part?: string | undefined;
}): TemplateResult {
  const invalid = Boolean(o.error);
  const describedBy = [o.hint ? hintId(o.name) : '', invalid ? errorId(o.name) : ''].filter(Boolean).join(' ');
  const toggle = (value: V, on: boolean) => o.onChange(on ? [...o.value.filter((v) => v !== value), value] : o.value.filter((v) => v !== value));
  return html`
    <fieldset part=${o.part ?? 'field'} class="field ${invalid ? 'invalid' : ''}" id=${o.name} aria-describedby=${describedBy || nothing}>
      <legend>${o.legend}</legend>
      ${o.hint ? html`<p class="hint" id=${hintId(o.name)}>${o.hint}</p>` : nothing} ${errorMessage(errorId(o.name), o.error)}
      <div class="options">
        ${o.options.map(
          (option) => html`
            <label class="check option" lang=${option.lang ?? nothing}>
              <input
                type="checkbox"
                name=${o.name}
                value=${option.value}
                .checked=${o.value.includes(option.value)}
                aria-invalid=${invalid ? 'true' : nothing}
                aria-describedby=${invalid ? errorId(o.name) : nothing}
                @change=${(e: Event) => toggle(option.value, (e.target as HTMLInputElement).checked)}
              />
              <span>${option.label}</span>
            </label>
          `,
        )}
      </div>
    </fieldset>
  `;
}
