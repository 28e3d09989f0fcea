// The zod-free subpath: a page with only <civicloop-config> must not load the schemas.
import { LOCALES, type Locale } from '@civicloop/contract/locales';

export type { Locale };

/** The locale every message is written in; the others are translations of it. */
export const SOURCE_LOCALE: Locale = 'en';

/**
 * Maps a BCP 47 tag to a supported locale by its primary language (`pl-PL` -> `pl`,
 * `pt-BR` -> `pt`, `sv_FI` -> `sv`); undefined when the language is not supported.
 */
export function toLocale(tag: string | null | undefined): Locale | undefined {
  const primary = tag?.trim().toLowerCase().split(/[-_]/)[0];
  return primary && (LOCALES as readonly string[]).includes(primary) ? (primary as Locale) : undefined;
}
