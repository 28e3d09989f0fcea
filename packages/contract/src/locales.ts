// Kept apart from the schemas (and zod) so that code needing only the list, such as the
// page-level <civicloop-config> element, does not pull zod into a page.

/** The locales every user-visible string exists in. The first is the source locale. */
export const LOCALES = ['en', 'pl', 'sv', 'da', 'de', 'fr', 'pt', 'ro'] as const;

/** One of `LOCALES`. */
export type Locale = (typeof LOCALES)[number];
