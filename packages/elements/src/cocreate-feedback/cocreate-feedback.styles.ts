import { css } from 'lit';

// Only what is particular to this element; fields, notices, the receipt and the error summary
// are the kit's parts (kit/parts/parts.styles.ts), colours and focus the theme.
export const feedbackStyles = css`
  /* The size the form settles at once the council's data is in, kept from the first render
     until the resident first acts in the element (internal/civic-element.ts), so the host page does not move while the data arrives. The same sizes as the loader's
     :not(:defined) reservation (reserve in src/registry.ts; bench/cls.mjs measures). */
  :host([reserving]) {
    min-block-size: var(--cocreate-feedback-min-block-size, 44rem);
  }

  @media (max-width: 39.99rem) {
    :host([reserving]) {
      min-block-size: var(--cocreate-feedback-min-block-size, 55rem);
    }
  }

  @media (max-width: 21rem) {
    :host([reserving]) {
      min-block-size: var(--cocreate-feedback-min-block-size, 64rem);
    }
  }

  /* With the list of services (src/registry.ts). */
  :host([reserving]:not([service])) {
    min-block-size: var(--cocreate-feedback-min-block-size, 50rem);
  }

  @media (max-width: 39.99rem) {
    :host([reserving]:not([service])) {
      min-block-size: var(--cocreate-feedback-min-block-size, 61rem);
    }
  }

  @media (max-width: 21rem) {
    :host([reserving]:not([service])) {
      min-block-size: var(--cocreate-feedback-min-block-size, 70rem);
    }
  }

  :host([reserving][compact]) {
    min-block-size: var(--cocreate-feedback-min-block-size, 7rem);
  }

  .base {
    display: flex;
    flex-direction: column;
    gap: var(--_space);
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
