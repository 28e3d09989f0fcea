// The one module that configures @lit/localize. Elements only call `msg()` and
// `updateWhenLocaleChanges()`; they ask for a locale through `useLocale()`.
import { configureLocalization } from '@lit/localize';
import type { Locale } from './locales.js';
import { SOURCE_LOCALE } from './locales.js';

type TargetLocale = Exclude<Locale, 'en'>;

// One static import() per locale, no template-literal paths: bundlers must see each file to
// split it into its own chunk, fetched only when that language is shown.
const loaders: Record<TargetLocale, () => Promise<unknown>> = {
  pl: () => import('../generated/locales/pl.js'),
  sv: () => import('../generated/locales/sv.js'),
  da: () => import('../generated/locales/da.js'),
  de: () => import('../generated/locales/de.js'),
  fr: () => import('../generated/locales/fr.js'),
  pt: () => import('../generated/locales/pt.js'),
  ro: () => import('../generated/locales/ro.js'),
};

interface Localizer {
  getLocale(): string;
  setLocale(locale: string): Promise<void>;
}

/**
 * Every configured copy of @lit/localize on the page, shared across Civic Loop versions by a
 * global symbol. `configureLocalization` throws on a second call for the same copy of the
 * library, so a second version that shares that copy reuses the first one's localizer; a
 * version that bundles its own copy configures it and joins the list, and `useLocale`
 * switches them all together so every element on the page speaks the same language.
 */
const REGISTRY = Symbol.for('civicloop.localization');

interface Registry {
  localizers: Localizer[];
}

function registry(): Registry {
  const g = globalThis as typeof globalThis & { [REGISTRY]?: Registry };
  return (g[REGISTRY] ??= { localizers: [] });
}

function configure(): void {
  let own: Localizer;
  try {
    own = configureLocalization({
      sourceLocale: SOURCE_LOCALE,
      targetLocales: Object.keys(loaders) as TargetLocale[],
      loadLocale: (locale) => loaders[locale as TargetLocale]() as ReturnType<Parameters<typeof configureLocalization>[0]['loadLocale']>,
    });
  } catch {
    // This copy of @lit/localize was configured by another Civic Loop version: its
    // localizer is already in the registry.
    return;
  }
  registry().localizers.push(own);
}

configure();

/** The locale messages are currently rendered in (the last one `useLocale` finished loading). */
export function activeLocale(): Locale {
  return (registry().localizers[0]?.getLocale() ?? SOURCE_LOCALE) as Locale;
}

/**
 * Switches the page's messages to `locale`, loading its translations on first use. Runtime
 * lit-localize has one active locale per page, so the most recent request wins; elements
 * re-render when it is ready (`updateWhenLocaleChanges`).
 */
export async function useLocale(locale: Locale): Promise<void> {
  await Promise.all(
    registry().localizers.map((l) =>
      l.setLocale(locale).catch(() => {
        // An older Civic Loop version may not know this locale; its elements stay in English.
      }),
    ),
  );
}
