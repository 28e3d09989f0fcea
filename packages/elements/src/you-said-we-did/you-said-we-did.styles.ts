import { css } from 'lit';

// Only what is particular to this element; notices, fields and headings are the kit's parts
// (kit/parts/parts.styles.ts), colours and focus the theme.
export const loopStyles = css`
  /* The size the element settles at with the demo council's figures and first themes, kept from
     the first render until the resident first acts in it (internal/civic-element.ts), so the host page does not move while the data arrives. The same sizes as the
     loader's :not(:defined) reservation (reserve in src/registry.ts; bench/cls.mjs measures). */
  :host([reserving]) {
    min-block-size: var(--you-said-we-did-min-block-size, 83rem);
  }

  @media (max-width: 39.99rem) {
    :host([reserving]) {
      min-block-size: var(--you-said-we-did-min-block-size, 107rem);
    }
  }

  @media (max-width: 21rem) {
    :host([reserving]) {
      min-block-size: var(--you-said-we-did-min-block-size, 113rem);
    }
  }

  /* Loading placeholders at the size of what replaces them. */
  .skeleton {
    background: color-mix(in srgb, currentColor 6%, transparent);
  }

  .skeleton-figures {
    display: flex;
    flex-direction: column;
    gap: calc(var(--_space) * 0.75);
  }

  .skeleton-figures dd {
    color: var(--_muted);
  }

  /* The chart's caption takes its place unseen: its lines depend on the width and the language. */
  .skeleton-caption {
    visibility: hidden;
  }

  /* The chart (6rem) and its "Show the figures as a table" line (24px and 0.5rem above and below). */
  .chart-skeleton {
    block-size: calc(6rem + 24px + 1rem);
    border-radius: var(--_radius);
  }

  .card.skeleton {
    margin: 0;
    block-size: 21rem;
  }

  /* The cards put "You said" and "We did" side by side when the element, not the window, is wide enough. */
  .base {
    gap: calc(var(--_space) * 1.5);
    container-type: inline-size;
  }

  .heading {
    margin: 0;
  }

  .numbers {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(10rem, 1fr));
    gap: var(--_space);
    margin: 0;
  }

  .numbers dt {
    color: var(--_muted);
  }

  .numbers dd {
    margin: 0;
    font-size: 1.5em;
    font-weight: 700;
  }

  .filters {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
  }

  .filters > * {
    flex: 1 1 12rem;
  }

  .card {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: var(--_space);
  }

  .card p,
  .replies p,
  .timeline p {
    margin: 0.25rem 0;
  }

  .meta {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem 1rem;
    color: var(--_muted);
  }

  /* The status says itself in words; the border only repeats it. */
  .badge {
    color: var(--cocreate-text-color, inherit);
    font-weight: 600;
    border: 2px solid var(--_border);
    border-radius: 999px;
    padding: 0 0.5em;
  }

  .badge.done {
    border-color: var(--_success);
  }

  .said-did {
    display: grid;
    gap: var(--_space);
  }

  @container (min-width: 34rem) {
    .said-did {
      grid-template-columns: 1fr 1fr;
    }

    .card.skeleton {
      block-size: 14rem;
    }
  }

  .said-did .heading {
    font-size: 1em;
  }

  .text {
    white-space: pre-wrap;
    overflow-wrap: anywhere;
  }

  .replies,
  .timeline ol {
    margin: 0;
    padding-inline-start: 1.25rem;
  }
`;
