import { html, type TemplateResult } from 'lit';

/** "Step 2 of 3", shown above a step's heading (GOV.UK's caption). */
export function progress(o: { text: string }): TemplateResult {
  return html`<p part="progress" class="progress">${o.text}</p>`;
}
