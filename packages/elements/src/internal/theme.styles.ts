import { css } from 'lit';

/**
 * Shared look of every Civic Loop element. By default an element inherits the host page's
 * font and text colour so it looks native inside any CMS theme; councils adjust it only
 * through these custom properties (and each element's `::part()`s):
 *
 * - `--cocreate-font`: font shorthand of the element (default: inherit the page's).
 * - `--cocreate-text-color`: text colour (default: inherit the page's).
 * - `--cocreate-muted-color`: hints and counters (default: text colour at reduced strength,
 *   still at least 4.5:1 on white for the default black text).
 * - `--cocreate-background`: background of fields (default: transparent, so fields sit on the
 *   page's own background with the page's text colour, on light and dark themes alike).
 * - `--cocreate-border-color`: borders of fields (default: text colour mixed to keep 3:1).
 * - `--cocreate-accent`: primary buttons and selected options (default `#0b57d0`, 6.4:1 on white).
 * - `--cocreate-on-accent`: text on the accent colour (default `#ffffff`).
 * - `--cocreate-error-color`: error messages and borders (default `#b42318`, 6.1:1 on white).
 * - `--cocreate-success-color`: confirmation accents (default `#0a6b3d`, 6.7:1 on white).
 * - `--cocreate-focus-color`: focus ring (default: the text colour, which already contrasts
 *   with the page). The ring is 3px solid with a 2px offset: thicker than a 2px perimeter and
 *   separated from the control, as WCAG 2.2 focus appearance (2.4.13) asks.
 * - `--cocreate-radius`: corner radius (default `0.25rem`).
 * - `--cocreate-space`: base spacing unit (default `1rem`).
 * - `--cocreate-max-inline-size`: widest the element grows (default `40rem`).
 */
export const themeStyles = css`
  :host {
    display: block;
    box-sizing: border-box;
    max-inline-size: var(--cocreate-max-inline-size, 40rem);
    font: var(--cocreate-font, inherit);
    color: var(--cocreate-text-color, inherit);
    --_space: var(--cocreate-space, 1rem);
    --_radius: var(--cocreate-radius, 0.25rem);
    --_accent: var(--cocreate-accent, #0b57d0);
    --_on-accent: var(--cocreate-on-accent, #ffffff);
    --_error: var(--cocreate-error-color, #b42318);
    --_success: var(--cocreate-success-color, #0a6b3d);
    --_muted: var(--cocreate-muted-color, color-mix(in srgb, currentColor 78%, transparent));
    --_border: var(--cocreate-border-color, color-mix(in srgb, currentColor 70%, transparent));
    --_background: var(--cocreate-background, transparent);
    --_focus: var(--cocreate-focus-color, currentColor);
  }

  :host([hidden]) {
    display: none;
  }

  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }

  :focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }

  button,
  input,
  select,
  textarea {
    font: inherit;
    color: inherit;
  }

  input[type='text'],
  input[type='email'],
  select,
  textarea {
    display: block;
    inline-size: 100%;
    padding: calc(var(--_space) * 0.5);
    border: 2px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_background);
  }

  /* The open list of a select is drawn by the browser, not on the page: system colours keep it readable. */
  option {
    background-color: Canvas;
    color: CanvasText;
  }

  textarea {
    resize: vertical;
    min-block-size: 6rem;
  }

  [aria-invalid='true'] {
    border-color: var(--_error);
  }

  .button {
    display: inline-flex;
    align-items: center;
    gap: 0.5em;
    min-block-size: 2.75rem;
    min-inline-size: 2.75rem;
    padding: calc(var(--_space) * 0.5) var(--_space);
    border: 2px solid var(--_accent);
    border-radius: var(--_radius);
    background: var(--_accent);
    color: var(--_on-accent);
    font-weight: 600;
    cursor: pointer;
  }

  .button.secondary {
    background: transparent;
    color: inherit;
    border-color: var(--_border);
  }

  .button[aria-disabled='true'],
  .button:disabled {
    cursor: progress;
    opacity: 0.75;
  }

  .link {
    color: inherit;
    text-decoration: underline;
    text-underline-offset: 0.15em;
    background: none;
    border: 0;
    padding: 0;
    cursor: pointer;
  }

  .hint {
    color: var(--_muted);
    margin-block: 0.25rem;
  }

  .error-message {
    color: var(--_error);
    font-weight: 600;
    margin-block: 0.25rem;
  }

  /* Read by screen readers, not shown: the live region and the honeypot's label. */
  .visually-hidden {
    position: absolute !important;
    inline-size: 1px !important;
    block-size: 1px !important;
    margin: -1px !important;
    padding: 0 !important;
    overflow: hidden !important;
    clip-path: inset(50%) !important;
    white-space: nowrap !important;
    border: 0 !important;
  }

  @media (forced-colors: active) {
    .button {
      border-color: ButtonText;
    }
    :focus-visible {
      outline-color: Highlight;
    }
  }

  @media (prefers-reduced-motion: reduce) {
    * {
      transition: none !important;
      animation: none !important;
    }
  }
`;
