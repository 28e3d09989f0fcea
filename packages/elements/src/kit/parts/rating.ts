import { html, nothing, type TemplateResult } from 'lit';
import { radioGroup } from './radio-group.js';

/**
 * A 1..n rating as radios whose labels are words ("4 – good"), so it is spoken as words, with a
 * "Remove my rating" button once one is chosen (radios cannot be unchecked by keyboard). The
 * caller moves focus back to the radios after removing (FocusController), since the button goes.
 */
export function rating(o: {
  name: string;
  legend: string;
  labels: readonly string[];
  value: number | undefined;
  onChange: (v: number | undefined) => void;
  clearLabel: string;
  error?: string | undefined;
}): TemplateResult {
  return radioGroup<number>({
    ...o,
    options: o.labels.map((label, i) => ({ value: i + 1, label })),
    after:
      o.value !== undefined
        ? html`<button class="link target" type="button" id="${o.name}-clear" @click=${() => o.onChange(undefined)}>${o.clearLabel}</button>`
        : nothing,
  });
}
