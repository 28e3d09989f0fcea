import { html, type TemplateResult } from 'lit';
import { heading } from './heading.js';

/**
 * GOV.UK's error summary: a list of what to fix, each a link that moves focus to its field.
 *
 * It takes focus after the resident sends (the element asks the FocusController), and focus is
 * the one announcement: no `role="alert"` as well, which would make screen readers read it twice.
 * It is a region named by its title, so landing on it says "There is a problem, region" and the
 * list follows, instead of a name made of every link.
 */
export function errorSummary(o: {
  title: string;
  errors: readonly { field: string; text: string }[];
  level: number;
}): TemplateResult {
  return html`
    <div part="error-summary" class="error-summary" id="error-summary" tabindex="-1" role="region" aria-labelledby="error-summary-title">
      ${heading(o.level, o.title, { id: 'error-summary-title' })}
      <ul>
        ${o.errors.map((e) => html`<li><a class="target" href="#${e.field}" @click=${(ev: Event) => focusField(ev, e.field)}>${e.text}</a></li>`)}
      </ul>
    </div>
  `;
}

/**
 * Fragment links cannot reach into a shadow root: move focus ourselves, as GOV.UK does, to the
 * field in the link's own root. A radio group's id is on its fieldset; its checked radio (or the
 * first one) takes focus.
 */
function focusField(event: Event, field: string): void {
  event.preventDefault();
  const target = ((event.currentTarget as Element).getRootNode() as ShadowRoot | Document).getElementById(field);
  if (!target) return;
  const control =
    target instanceof HTMLFieldSetElement
      ? (target.querySelector<HTMLElement>('input:checked') ?? target.querySelector<HTMLElement>('input, select, textarea, button'))
      : target;
  control?.focus();
  (target.closest('.field') ?? target).scrollIntoView({ block: 'start' });
}
