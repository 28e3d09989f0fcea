import { css } from 'lit';

// Only what is particular to the console; notices, fields and headings are the kit's parts
// (kit/parts/parts.styles.ts), colours and focus the theme.
export const consoleStyles = css`
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
    /* A source link is one long word. */
    overflow-wrap: anywhere;
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

  /* The views' navigation: the current view marked as the accent's underline, not by colour alone. */
  .nav ul {
    list-style: none;
    margin: 0;
    padding: 0;
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_space) * 0.5);
    border-block-end: 2px solid var(--_border);
  }

  .nav-button {
    min-block-size: 2.75rem;
    padding: calc(var(--_space) * 0.5) var(--_space);
    border: 0;
    border-block-end: 0.25rem solid transparent;
    background: transparent;
    color: inherit;
    font: inherit;
    cursor: pointer;
  }

  .nav-button[aria-current='page'] {
    border-block-end-color: var(--_accent);
    font-weight: 700;
  }

  /*
   * Forced colours paint every border in the text colour (a transparent one too) and drop box
   * shadows: the open view and the message in the reading pane keep their mark in system colours.
   */
  @media (forced-colors: active) {
    .nav-button {
      border-block-end-color: Canvas;
    }
    .nav-button[aria-current='page'] {
      border-block-end-color: Highlight;
    }
    .item[aria-current='true'] {
      border-color: Highlight;
      border-inline-start-width: 0.5rem;
    }
  }

  /* The reading pane's linked themes: one title a line. */
  .pane-themes {
    margin: 0;
    padding: 0;
    list-style: none;
  }

  /* Each message's checkbox beside its button. */
  .pickable {
    display: grid;
    grid-template-columns: auto minmax(0, 1fr);
    align-items: start;
    gap: calc(var(--_space) * 0.5);
  }

  .pick {
    inline-size: 1.5rem;
    block-size: 1.5rem;
    margin-block-start: calc(var(--_space) * 0.5);
  }

  .selection,
  .link-panel,
  .confirm {
    display: flex;
    flex-direction: column;
    gap: calc(var(--_space) * 0.5);
    padding: calc(var(--_space) * 0.75);
    border: 2px solid var(--_accent);
    border-radius: var(--_radius);
  }

  .selection p {
    margin: 0;
  }

  .keys {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(14rem, 1fr));
    gap: calc(var(--_space) * 0.25);
    margin: 0;
  }

  .keys div {
    display: flex;
    gap: calc(var(--_space) * 0.5);
  }

  .keys dd {
    margin: 0;
  }

  kbd {
    display: inline-block;
    min-inline-size: 1.5em;
    padding: 0 0.25em;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    text-align: center;
    font-family: ui-monospace, monospace;
  }

  .editor,
  .theme-fields,
  .settings-fields,
  .timeline,
  .preview,
  .publish {
    display: flex;
    flex-direction: column;
    gap: calc(var(--_space) * 0.75);
  }

  .editor {
    max-inline-size: 48rem;
  }

  .embed-form,
  .settings-form,
  .services,
  .new-service,
  .service-list {
    display: flex;
    flex-direction: column;
    gap: calc(var(--_space) * 0.75);
    max-inline-size: 48rem;
  }

  .service-list {
    list-style: none;
    margin: 0;
    padding: 0;
  }

  /* A service: its names (one per language) and its Rename button on one line where they fit (the shared layout makes every form a column). */
  .service-list fieldset {
    margin: 0;
    padding: 0;
    border: 0;
    min-inline-size: 0;
  }

  .service-list legend {
    padding: 0;
    font-weight: 600;
  }

  .service-list .names {
    display: flex;
    flex-direction: row;
    flex-wrap: wrap;
    align-items: end;
    gap: calc(var(--_space) * 0.5);
  }

  #embed-snippet {
    font-family: ui-monospace, monospace;
    inline-size: 100%;
  }

  /* The element as residents will see it: framed as a preview, inert, without its load-time reservation. */
  .embed-preview {
    padding: var(--_space);
    border: 2px dashed var(--_border);
    border-radius: var(--_radius);
    --cocreate-feedback-min-block-size: 0;
    --you-said-we-did-min-block-size: 0;
    --contact-bank-signup-min-block-size: 0;
  }

  .figures-view,
  .figures-group {
    display: flex;
    flex-direction: column;
    gap: calc(var(--_space) * 0.75);
  }

  .ok {
    font-weight: 600;
  }

  /* The public element as it will look, framed so it reads as a preview; its load-time reservation does not apply here. */
  .preview-frame {
    padding: var(--_space);
    border: 2px dashed var(--_border);
    border-radius: var(--_radius);
  }

  .preview-frame you-said-we-did {
    --you-said-we-did-min-block-size: 0;
  }

  .entry {
    display: flex;
    flex-direction: column;
    gap: calc(var(--_space) * 0.25);
    padding-block-end: calc(var(--_space) * 0.5);
    border-block-end: 1px solid var(--_border);
  }

  .entry .hint {
    margin: 0;
  }

  .changes {
    border-collapse: collapse;
    inline-size: 100%;
  }

  .changes th,
  .changes td {
    padding: 0.25rem 0.5rem;
    border: 1px solid var(--_border);
    text-align: start;
    vertical-align: top;
    white-space: pre-wrap;
    overflow-wrap: anywhere;
  }

  /* The council's "what happens with your message" speaks to residents; staff recording someone
     else's input are not who it tells (the public form keeps it, and pays nothing for this). */
  .record-view cocreate-feedback::part(input-use) {
    display: none;
  }

  /* Bars by service and by channel (share-bars.ts): name, bar, share, one row per group. */
  .share-bars {
    display: grid;
    grid-template-columns: minmax(0, max-content) minmax(4rem, 1fr) max-content;
    gap: 0.25rem 0.75rem;
    align-items: center;
  }

  .share-bar {
    display: contents;
  }

  .share-bars svg {
    display: block;
    inline-size: 100%;
    block-size: 1rem;
  }

  .share-bars .track {
    fill: var(--_border);
  }

  .share-bars .share {
    font-variant-numeric: tabular-nums;
    text-align: end;
  }
`;
