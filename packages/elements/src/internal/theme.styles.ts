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
 * - `--cocreate-error-color`: error messages and borders (default: a red derived from the text
 *   colour: `#b42318`-like on light pages, a light red on dark pages; 4.5:1 or more on both).
 * - `--cocreate-success-color`: confirmation accents (default: a green derived the same way).
 * - `--cocreate-focus-color`: outer focus ring (default: the inherited text colour, which
 *   contrasts with the page by construction).
 * - `--cocreate-radius`: corner radius (default `0.25rem`).
 * - `--cocreate-space`: base spacing unit (default `1rem`).
 * - `--cocreate-max-inline-size`: widest the element grows (default `40rem`).
 *
 * Isolation: a page rule that matches the host element wins over `:host` (page styles come
 * first in the cascade for normal declarations), so the host only says `display: block`; the
 * layout lives on the `.base` wrapper every element renders, where no page rule reaches.
 */
export const themeStyles = css`
  :host {
    display: block;
  }

  :host([hidden]) {
    /* Important: a page rule such as "* { display: block }" would otherwise show a hidden element. */
    display: none !important;
  }

  /* A div in the shadow root: no page rule reaches it, so only what differs from its defaults. */
  .base {
    max-inline-size: var(--cocreate-max-inline-size, 40rem);
    font: var(--cocreate-font, inherit);
    color: var(--cocreate-text-color, inherit);
    text-align: start;
    --_space: var(--cocreate-space, 1rem);
    --_radius: var(--cocreate-radius, 0.25rem);
    --_accent: var(--cocreate-accent, #0b57d0);
    --_on-accent: var(--cocreate-on-accent, #ffffff);
    --_muted: var(--cocreate-muted-color, color-mix(in srgb, currentColor 78%, transparent));
    --_border: var(--cocreate-border-color, color-mix(in srgb, currentColor 70%, transparent));
    --_background: var(--cocreate-background, transparent);
    /* Where relative colours are missing (before Safari 18, Firefox 128): the classic colours. */
    --_error: var(--cocreate-error-color, #b42318);
    --_success: var(--cocreate-success-color, #0a6b3d);
    /*
     * The focus ring is two-tone: an outer ring in the text colour and, in the 2px gap
     * between it and the control, the opposite of the text colour (black or white). The text
     * colour contrasts with the page; where the control sits on something else (the accent, a
     * tinted panel), the inner ring contrasts with the outer one. Buttons keep the inherited
     * text colour as their currentColor (their label is painted with -webkit-text-fill-color)
     * so the ring never takes a button's own label colour.
     */
    --_focus: var(--cocreate-focus-color, currentColor);
    --_focus-gap: transparent;
  }

  /*
   * Error and success colours follow the text colour's lightness: dark text means a light page,
   * which gets the classic dark red and green (oklch lightness about 0.5); light text means a
   * dark page, which gets light ones (about 0.78). Either keeps 4.5:1 against the page the text
   * colour was chosen for. (A custom property cannot fall back by repeating it: the last value
   * always wins, so the derived values are applied only where they parse.)
   */
  @supports (color: oklch(from red l c h)) {
    .base {
      --_error: var(--cocreate-error-color, oklch(from currentColor calc(0.5 + 0.28 * clamp(0, (l - 0.55) * 1000, 1)) 0.17 28));
      --_success: var(--cocreate-success-color, oklch(from currentColor calc(0.48 + 0.32 * clamp(0, (l - 0.55) * 1000, 1)) 0.12 155));
      --_focus-gap: oklch(from currentColor clamp(0, (0.6 - l) * 1000, 1) 0 0);
    }
  }

  /* Without relative colours, the scheme the ColorSchemeController found picks light ones on dark pages. */
  @supports not (color: oklch(from red l c h)) {
    .base[data-scheme='dark'] {
      --_error: var(--cocreate-error-color, #ff9a8f);
      --_success: var(--cocreate-success-color, #7ad6a4);
    }
  }

  /* Native controls (select lists, radios, checkboxes) drawn for the page's scheme: set by the ColorSchemeController from the text colour. */
  .base[data-scheme='dark'] {
    color-scheme: dark;
  }

  .base[data-scheme='light'] {
    color-scheme: light;
  }

  *,
  *::before,
  *::after {
    /* Not "inherit": a page rule "* { box-sizing: content-box }" matches the host and would flow in. */
    box-sizing: border-box;
  }

  /* And a region or summary that takes focus to say what changed: the same ring. */
  :focus-visible,
  [tabindex='-1']:focus {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
    box-shadow: 0 0 0 2px var(--_focus-gap);
  }

  [tabindex='-1']:focus:not(:focus-visible) {
    outline: none;
    box-shadow: none;
  }

  button,
  input,
  select,
  textarea {
    font: inherit;
    color: inherit;
    letter-spacing: inherit;
    margin: 0;
  }

  /* Text-like inputs (text, email, tel, url, search, password, number, date): all but ticks and hidden ones. */
  input:not([type='checkbox'], [type='radio'], [type='hidden']),
  select,
  textarea {
    display: block;
    inline-size: 100%;
    max-inline-size: 100%;
    padding: calc(var(--_space) * 0.5);
    border: 2px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_background);
    line-height: 1.4;
  }

  select {
    min-block-size: max(2.75rem, 24px);
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
    justify-content: center;
    gap: 0.5em;
    min-block-size: max(2.75rem, 24px);
    min-inline-size: max(2.75rem, 24px);
    margin: 0;
    padding: calc(var(--_space) * 0.5) var(--_space);
    border: 2px solid var(--_accent);
    border-radius: var(--_radius);
    background: var(--_accent);
    /* The label's colour; "color" stays the inherited text colour, which the focus ring uses. */
    color: inherit;
    -webkit-text-fill-color: var(--_on-accent);
    font-weight: 600;
    /* A page's tall line height would push labels off centre (WebKit draws them high). */
    line-height: 1.25;
    text-align: center;
    text-decoration: none;
    cursor: pointer;
  }

  .button.secondary {
    background: transparent;
    -webkit-text-fill-color: currentColor;
    border-color: var(--_border);
  }

  .button[aria-disabled='true'],
  .button:disabled {
    cursor: progress;
    opacity: 0.75;
  }

  /*
   * Every link and text button is at least 24 by 24 CSS px (WCAG 2.2, 2.5.8) whatever line
   * height the page sets: inline-flex boxes with a minimum size, the text centred in them.
   */
  a,
  .link {
    display: inline-flex;
    align-items: center;
    min-block-size: 24px;
    min-inline-size: 24px;
  }

  .link {
    color: inherit;
    -webkit-text-fill-color: currentColor;
    font: inherit;
    text-decoration: underline;
    text-underline-offset: 0.15em;
    background: none;
    border: 0;
    margin: 0;
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
      -webkit-text-fill-color: ButtonText;
    }
    :focus-visible,
    [tabindex='-1']:focus {
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
