import { css } from 'lit';

/**
 * CSS of the kit's render parts (fields, radio options, counts, error summary, notices,
 * receipt). Colours, the focus ring, buttons, links and `.visually-hidden` come
 * from the theme (internal/theme.styles.ts), which every element includes first.
 */
export const kitStyles = css`
  form {
    display: flex;
    flex-direction: column;
    gap: var(--_space);
    margin: 0;
  }

  fieldset {
    margin: 0;
    padding: 0;
    border: 0;
    min-inline-size: 0;
  }

  legend,
  label.field-label {
    display: block;
    font-weight: 600;
    margin-block-end: 0.25rem;
    padding: 0;
  }

  .heading {
    font-size: 1.15em;
    line-height: 1.3;
    margin: 0 0 0.5rem;
  }

  .options {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem 1rem;
  }

  .option,
  .check {
    display: inline-flex;
    align-items: center;
    gap: 0.5rem;
    min-block-size: max(2.75rem, 24px);
    cursor: pointer;
  }

  .check {
    display: flex;
  }

  .option input,
  .check input {
    /* At least 24 CSS px whatever the root font size (some CMS themes set it to 10px). */
    inline-size: max(24px, 1.25em);
    block-size: max(24px, 1.25em);
    flex: none;
    margin: 0;
    accent-color: var(--_accent);
  }

  /* Unticked, engines edge these in a faint grey (WebKitGTK 1.6:1, Firefox 3.0:1 on white): the fields' border instead. */
  .option input:not(:checked),
  .check input:not(:checked) {
    appearance: none;
    border: 2px solid var(--_border);
    border-radius: 50%;
    background: var(--_background);
  }

  .check input:not(:checked) {
    border-radius: 15%;
  }

  .field.invalid {
    border-inline-start: 4px solid var(--_error);
    padding-inline-start: calc(var(--_space) * 0.75);
  }

  .count.over {
    color: var(--_error);
    font-weight: 600;
  }

  .error-summary {
    border: 4px solid var(--_error);
    border-radius: var(--_radius);
    padding: var(--_space);
  }

  .error-summary ul {
    margin: 0;
    padding-inline-start: 1.25rem;
  }

  .error-summary a {
    /* The label, underline (currentColor) and ring in the error colour, whatever text fill the page inherits. */
    color: var(--_error);
    -webkit-text-fill-color: var(--_error);
    font-weight: 600;
  }

  .notice,
  .input-use {
    border-inline-start: 4px solid var(--_border);
    padding: calc(var(--_space) * 0.5) var(--_space);
  }

  .notice.warning,
  .notice.error {
    border-color: var(--_error);
  }

  .notice.success {
    border-color: var(--_success);
  }

  .notice p,
  .input-use p {
    margin: 0.25rem 0;
  }

  .code {
    font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
    font-size: 1.25em;
    font-weight: 700;
    letter-spacing: 0.08em;
  }

  /* A row of buttons; yesNo(): the question and its two buttons on one line where they fit. */
  .row,
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
`;
