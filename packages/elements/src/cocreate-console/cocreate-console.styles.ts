import { css } from 'lit';

// Only what is particular to the console; notices, fields and headings are the kit's parts
// (kit/parts/parts.styles.ts), colours and focus the theme.
export const consoleStyles = css`
  .base,
  section,
  form {
    display: flex;
    flex-direction: column;
    gap: calc(var(--_space) * 0.75);
  }

  /* A desk tool: wider than the public elements by default, so the list and the pane fit side by side. */
  .base {
    max-inline-size: var(--cocreate-max-inline-size, 72rem);
    gap: calc(var(--_space) * 1.25);
    container-type: inline-size;
  }

  .heading,
  .council {
    margin: 0;
  }

  /* The theme styles text-like fields by type; these two are the console's own. */
  input[type='password'],
  input[type='search'] {
    display: block;
    inline-size: 100%;
    max-inline-size: 100%;
    padding: calc(var(--_space) * 0.5);
    border: 2px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_background);
    line-height: 1.4;
  }

  .sign-in {
    max-inline-size: 32rem;
  }

  .session {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: var(--_space);
  }

  .session p {
    margin: 0;
  }

  /* The list and the reading pane side by side when the element (not the window) is wide enough. */
  .panes {
    display: grid;
    gap: calc(var(--_space) * 1.5);
  }

  @container (min-width: 48rem) {
    .panes {
      grid-template-columns: minmax(0, 2fr) minmax(0, 3fr);
      align-items: start;
    }
  }

  .filters {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(9rem, 1fr));
    gap: calc(var(--_space) * 0.5);
  }

  .items,
  .replies {
    list-style: none;
    margin: 0;
    padding: 0;
    display: flex;
    flex-direction: column;
    gap: calc(var(--_space) * 0.5);
  }

  .item {
    display: flex;
    flex-direction: column;
    gap: 0.25rem;
    inline-size: 100%;
    min-block-size: 2.75rem;
    padding: calc(var(--_space) * 0.5);
    border: 2px solid var(--_border);
    border-radius: var(--_radius);
    background: transparent;
    text-align: start;
    cursor: pointer;
  }

  .item[aria-current='true'] {
    border-color: var(--_accent);
    box-shadow: inset 0.25rem 0 0 var(--_accent);
  }

  .item-text {
    display: -webkit-box;
    -webkit-line-clamp: 2;
    -webkit-box-orient: vertical;
    overflow: hidden;
    overflow-wrap: anywhere;
  }

  .facts {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(9rem, 1fr));
    gap: calc(var(--_space) * 0.5);
    margin: 0;
  }

  .facts dt {
    color: var(--_muted);
  }

  .facts dd {
    margin: 0;
  }

  .text {
    white-space: pre-wrap;
    overflow-wrap: anywhere;
    margin: 0;
  }

  .replies li {
    border-inline-start: 0.25rem solid var(--_border);
    padding-inline-start: calc(var(--_space) * 0.5);
  }
`;
