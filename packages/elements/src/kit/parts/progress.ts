import { css, html, type TemplateResult } from 'lit';

/** "Step 2 of 3", shown above a step's heading (GOV.UK's caption), for a form of several steps. */
export function progress(o: { text: string }): TemplateResult {
  return html`<p part="progress" class="progress">${o.text}</p>`;
}

/** Its styles, for the elements that show steps (a one-page form's page does not pay for them). */
export const progressStyles = css`
  .progress {
    color: var(--_muted);
    margin: 0 0 0.25rem;
  }
`;
