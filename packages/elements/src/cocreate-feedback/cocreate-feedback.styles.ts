import { css } from 'lit';

// Only what is particular to this element; fields, notices, the receipt and the error summary
// are the kit's parts (kit/parts/parts.styles.ts), colours and focus the theme.
export const feedbackStyles = css`
  :host {
    /* Reserved before anything loads, so the host page does not jump when the form appears. */
    min-block-size: var(--cocreate-feedback-min-block-size, 30rem);
  }

  :host([compact]) {
    min-block-size: var(--cocreate-feedback-min-block-size, 3rem);
  }

  .base {
    display: flex;
    flex-direction: column;
    gap: var(--_space);
  }

  .compact {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem 1rem;
  }

  .compact p {
    margin: 0;
    font-weight: 600;
  }

  .echo {
    white-space: pre-wrap;
    overflow-wrap: anywhere;
    margin: 0.25rem 0;
    padding: 0.5rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
`;
