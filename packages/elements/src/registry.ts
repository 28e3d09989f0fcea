// The one list of Civic Loop elements. The loader's map (civicloop.ts), index.ts, the package's
// `exports` and `sideEffects` are generated from it by scripts/registry.ts (run by the build),
// which also completes custom-elements.json (tag names, published paths, the theme's custom
// properties) and writes VS Code's html-custom-data.json from that manifest. A node test
// (registry.node.test.ts) fails when they drift apart. Nothing in the browser imports it.
//
// Adding an element: its folder `<tag>/<tag>.ts` (class = PascalCase of the tag, calling
// `define(tag, Class)` and declaring the tag in HTMLElementTagNameMap), its strings (ids under its own
// prefix, `strings` below), and one entry here.

export interface ElementEntry {
  /** Tag = folder = file stem. */
  readonly tag: string;
  /** One line for the README and editors (the class JSDoc's `@summary` is the long form). */
  readonly summary: string;
  /**
   * Its name for web editors in a CMS's menus, a few words ("Feedback form"): the WordPress
   * plugin's block title (translated in its languages/ files). Goes into custom-elements.json as
   * the declaration's `title`; without it a CMS shows the tag.
   */
  readonly title?: string;
  /** Whether the loader defines it on demand when the tag appears in the page. */
  readonly lazy: boolean;
  /**
   * The block size the element settles at, with its council's data, reserved before it is
   * defined so the content below it does not move (CLS). The loader puts these in the page as
   * `tag:not(:defined)` rules; the element's own `:host` styles keep the same sizes until and
   * after its data arrives. Later rules win: narrower media after wider ones. Pages tune them
   * with `--<tag>-min-block-size`. Measured with bench/cls.mjs.
   */
  readonly reserve?: readonly { readonly size: string; readonly media?: string; readonly selector?: string }[];
  /**
   * The prefix of the element's own message ids (`feedback` for `feedback.kind.praise`). The
   * build puts those messages in the element's own locale modules (scripts/locale-parts.ts), so
   * a page loads only the strings of the elements it shows; the kit's (`kit.*`) are shared.
   * The element passes them to CivicElement as `static messages`; its folder uses no other
   * element's ids (registry.node.test.ts).
   */
  readonly strings?: string;
}

export const ELEMENTS: readonly ElementEntry[] = [
  { tag: 'civicloop-config', summary: 'Once-per-page configuration: API address, council and language.', lazy: false },
  {
    tag: 'cocreate-feedback',
    title: 'Feedback form',
    summary: 'Resident feedback with a receipt, an offline outbox and assisted entry.',
    lazy: true,
    strings: 'feedback',
    // The form with the demo councils' "what happens with your input" text and language picker:
    // 700 px wide from 640 px up, 876 px from 337 px, 1016 px at 320 px; with the list of
    // services (no `service` attribute) 782, 958 and 1098 px (bench/cls.mjs). Compact last: it wins.
    reserve: [
      { size: '44rem' },
      { size: '55rem', media: '(max-width: 39.99rem)' },
      { size: '64rem', media: '(max-width: 21rem)' },
      { size: '50rem', selector: ':not([service])' },
      { size: '61rem', media: '(max-width: 39.99rem)', selector: ':not([service])' },
      { size: '70rem', media: '(max-width: 21rem)', selector: ':not([service])' },
      { size: '7rem', selector: '[compact]' },
    ],
  },
  {
    tag: 'you-said-we-did',
    title: 'You said, we did',
    summary: 'Published themes ("you said, we did"), loop figures and the receipt lookup.',
    lazy: true,
    strings: 'loop',
    // The figures, the receipt lookup and the demo council's first two themes (riverside):
    // 1303 px high at 1280 px, 1321 px at 640 px (the chart's caption on two lines), 1706 px at
    // 360 px, 1807 px at 320 px (bench/cls.mjs). More
    // themes make it taller below the fold; "Show more" is the resident's own doing.
    reserve: [
      { size: '83rem' },
      { size: '107rem', media: '(max-width: 39.99rem)' },
      { size: '113rem', media: '(max-width: 21rem)' },
    ],
  },
  {
    tag: 'contact-bank-signup',
    title: 'Contact bank sign-up',
    summary: 'The contact bank: sign-up with double opt-in and consent per purpose, manage and withdraw, invitations, pass-it-on.',
    lazy: true,
    strings: 'bank',
    // The sign-up form of a council with two districts, two services in two categories, three
    // languages and its consent text, settled: 98 rem high at 1280 px, 102 at 640, 121 at 400, 127
    // at 360, 139 at 320 (measured in Chromium). A link from an email (confirm, manage, invitation) is shorter.
    // The demo council's (four districts, six services, eight age bands) is taller: 105, 142 and 157 rem
    // at 1280, 360 and 320 px (bench/cls.mjs); the form shows whole once its data is in, so only content
    // below it on a page taller than that would move.
    reserve: [
      { size: '102rem' },
      { size: '128rem', media: '(max-width: 39.99rem)' },
      { size: '140rem', media: '(max-width: 21rem)' },
    ],
  },
  {
    tag: 'cocreate-console',
    title: 'Staff console',
    summary: 'The staff console: sign-in with a staff token, the inbox (filters, search, reading pane, status, replies, linking to themes, keyboard shortcuts), themes (edit, timeline, preview, publish) and the audit log.',
    lazy: true,
    strings: 'console',
    // No reservation: it sits on a staff page of its own (an intranet page, /console), where
    // nothing below it is read while it loads, and a public page never holds it.
  },
];

/** `cocreate-feedback` -> `CocreateFeedback`. */
export function className(tag: string): string {
  return tag.replace(/(^|-)([a-z])/g, (_, _dash: string, c: string) => c.toUpperCase());
}

/** Module of an element, relative to src/ (and dist/), without extension. */
export function modulePath(tag: string): string {
  return `${tag}/${tag}`;
}

/**
 * The theme's custom properties, documented once: every element honours them (they are read by
 * internal/theme.styles.ts), so the manifest lists them on each element from here.
 */
export const THEME_PROPERTIES: readonly { name: string; default?: string; description: string }[] = [
  { name: '--cocreate-font', default: 'inherit', description: 'Font shorthand; the host page’s by default.' },
  { name: '--cocreate-text-color', default: 'inherit', description: 'Text colour; the host page’s by default.' },
  { name: '--cocreate-muted-color', description: 'Hints and counters (the text colour at reduced strength, still 4.5:1).' },
  { name: '--cocreate-background', default: 'transparent', description: 'Background of fields (the page shows through).' },
  { name: '--cocreate-border-color', description: 'Borders of fields (the text colour mixed to keep 3:1).' },
  { name: '--cocreate-accent', default: '#0b57d0', description: 'Primary buttons and selected options.' },
  { name: '--cocreate-on-accent', default: '#ffffff', description: 'Text on the accent colour.' },
  { name: '--cocreate-error-color', description: 'Error messages and borders; by default a red derived from the text colour (4.5:1 or more on light and dark pages).' },
  { name: '--cocreate-success-color', description: 'Confirmation accents; by default a green derived the same way.' },
  { name: '--cocreate-focus-color', default: 'currentColor', description: 'The 3px outer focus ring (the inner 2px ring is black or white, opposite to the text colour).' },
  { name: '--cocreate-radius', default: '0.25rem', description: 'Corner radius.' },
  { name: '--cocreate-space', default: '1rem', description: 'Base spacing unit.' },
  { name: '--cocreate-max-inline-size', default: '40rem', description: 'Widest the element grows.' },
];
