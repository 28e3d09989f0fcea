// "You said, we did" themes: rules.ts re-exports them, and in their own module only the pages
// that show or edit themes load them.

/** Where a "you said, we did" theme stands. */
export const THEME_STATUSES = ['listening', 'considering', 'planned', 'done', 'not-possible'] as const;
export type ThemeStatus = (typeof THEME_STATUSES)[number];

/** A theme is a draft (staff only) until published; then it is public for good. */
export const THEME_STATES = ['draft', 'published'] as const;
export type ThemeState = (typeof THEME_STATES)[number];

/** Bounds of what staff write for the public: a theme's title, its texts, a timeline update, a reply. */
export const THEME_TITLE_MAX = 200;
export const THEME_TEXT_MAX = 4000;
export const THEME_UPDATE_TEXT_MAX = 2000;
export const REPLY_TEXT_MAX = 4000;
/** Inputs one request may link to a theme. */
export const THEME_LINKS_MAX = 100;
