import { css } from 'lit';

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

  form {
    display: flex;
    flex-direction: column;
    gap: var(--_space);
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

  .options {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem 1rem;
  }

  .option {
    display: inline-flex;
    align-items: center;
    gap: 0.5rem;
    min-block-size: 2.75rem;
    cursor: pointer;
  }

  .option input {
    inline-size: 1.25rem;
    block-size: 1.25rem;
    margin: 0;
    accent-color: var(--_accent);
  }

  .check {
    display: flex;
    align-items: center;
    gap: 0.5rem;
    min-block-size: 2.75rem;
  }

  .check input {
    inline-size: 1.25rem;
    block-size: 1.25rem;
    margin: 0;
    accent-color: var(--_accent);
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

  .error-summary:focus-visible,
  .notice:focus-visible,
  .receipt:focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }

  .error-summary h2,
  .notice h2,
  .receipt h2 {
    font-size: 1.15em;
    margin: 0 0 0.5rem;
  }

  .error-summary ul {
    margin: 0;
    padding-inline-start: 1.25rem;
  }

  .error-summary a {
    color: var(--_error);
    font-weight: 600;
  }

  .notice,
  .receipt,
  .input-use {
    border-inline-start: 4px solid var(--_border);
    padding: calc(var(--_space) * 0.5) var(--_space);
  }

  .notice.warning,
  .notice.error {
    border-color: var(--_error);
  }

  .receipt {
    border-color: var(--_success);
  }

  .notice p,
  .receipt p,
  .input-use p {
    margin: 0.25rem 0;
  }

  .code {
    font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
    font-size: 1.25em;
    font-weight: 700;
    letter-spacing: 0.08em;
  }

  .row {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem 1rem;
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
