import { css } from 'lit';

// Only what is particular to this element; fields, notices and the error summary are the kit's
// parts (kit/parts/parts.styles.ts), colours and focus the theme.
export const contactBankStyles = css`
  /* The size the form settles at once the council's data is in, kept from the first render until
     the resident first acts in the element (internal/civic-element.ts), so the host page does not move while the data arrives: the same sizes as the loader's
     :not(:defined) reservation (reserve in src/registry.ts; bench/cls.mjs measures). */
  :host([reserving]) {
    min-block-size: var(--contact-bank-signup-min-block-size, 102rem);
  }

  @media (max-width: 39.99rem) {
    :host([reserving]) {
      min-block-size: var(--contact-bank-signup-min-block-size, 128rem);
    }
  }

  @media (max-width: 21rem) {
    :host([reserving]) {
      min-block-size: var(--contact-bank-signup-min-block-size, 140rem);
    }
  }

  .base {
    display: flex;
    flex-direction: column;
    gap: var(--_space);
  }

  /* The sign-up form grows questions as the council's settings and services arrive (districts,
     topics, formats, age bands, consent text): laid out but not shown until they are in, so
     nothing moves under the resident's eyes (bench/cls.mjs), and no half form is read out. */
  .base.settling {
    visibility: hidden;
  }

  .consent {
    border-inline-start: 4px solid var(--_border);
    padding: calc(var(--_space) * 0.5) var(--_space);
  }

  .consent p,
  .share p {
    margin: 0.25rem 0;
  }

  .link,
  .text {
    overflow-wrap: anywhere;
  }

  .text {
    white-space: pre-wrap;
  }

  .entry {
    display: grid;
    grid-template-columns: minmax(8rem, auto) 1fr;
    gap: 0.25rem 1rem;
    margin: 0.5rem 0;
  }

  .entry dt {
    font-weight: 600;
  }

  .entry dd {
    margin: 0;
    overflow-wrap: anywhere;
  }

  @media (max-width: 30rem) {
    .entry {
      grid-template-columns: 1fr;
    }
  }
`;
