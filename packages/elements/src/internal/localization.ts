// Each element renders wholly in its own language. Runtime lit-localize has one active locale
// per page, so instead of `configureLocalization` this module installs ONE msg()
// implementation that reads the templates of "the locale currently rendering" from a slot, and
// CivicElement fills that slot while it updates (render is synchronous inside an update), so two
// elements with lang="pl" and lang="sv" on one page each speak their own language. Components
// keep calling msg().
//
// @lit/localize has no `exports` map, so its installer and helpers are deep-imported.
import { _installMsgImplementation } from '@lit/localize/init/install.js';
import { isStrTagged, joinStringsAndValues } from '@lit/localize/internal/str-tag.js';
import type { TemplateLike } from '@lit/localize/internal/types.js';
import type { Locale } from './locales.js';
import { SOURCE_LOCALE } from './locales.js';

type TargetLocale = Exclude<Locale, 'en'>;
type Templates = { [id: string]: TemplateLike };

// One static import() per locale, no template-literal paths: bundlers must see each file to
// split it into its own chunk, fetched only when that language is shown.
const loaders: Record<TargetLocale, () => Promise<{ templates: Templates }>> = {
  pl: () => import('../generated/locales/pl.js'),
  sv: () => import('../generated/locales/sv.js'),
  da: () => import('../generated/locales/da.js'),
  de: () => import('../generated/locales/de.js'),
  fr: () => import('../generated/locales/fr.js'),
  pt: () => import('../generated/locales/pt.js'),
  ro: () => import('../generated/locales/ro.js'),
};

/**
 * The templates msg() reads right now, on a global symbol: two Civic Loop copies on a page that
 * share one copy of @lit/localize share one msg() implementation (the second install throws),
 * and that implementation must read whatever the element rendering at this moment put here.
 */
const SLOT = Symbol.for('civicloop.localization.rendering');
interface Slot {
  templates: Templates | undefined;
}
const slot: Slot = ((globalThis as { [SLOT]?: Slot })[SLOT] ??= { templates: undefined });

/**
 * lit's runtime lookup (internal/runtime-msg.js) without its fallback to ids hashed from the
 * source text, whose hashing code a page would otherwise load: every msg() here names its id
 * (tests/node/cdn-locales.test.ts holds the XLIFF to explicit ids).
 */
function lookup(template: TemplateLike, options?: { id?: string }): TemplateLike {
  const localized = options?.id === undefined ? undefined : slot.templates?.[options.id];
  // The source text itself (what lit's defaultMsg does; not called by name, or lit-localize's
  // extractor would take the call for a message).
  if (!localized) return isStrTagged(template) ? joinStringsAndValues(template.strings, template.values) : template;
  if (typeof localized === 'string') return localized;
  // Translations hold the index of each source value in place of the value (their order may differ).
  const values = (template as { values: unknown[] }).values;
  if (isStrTagged(localized)) return joinStringsAndValues(localized.strings, values, localized.values as number[]);
  return { ...localized, values: (localized.values as number[]).map((i) => values[i]) };
}

try {
  _installMsgImplementation(lookup as Parameters<typeof _installMsgImplementation>[0]);
} catch {
  // Installed already by another Civic Loop copy bundling the same @lit/localize: it reads the
  // same slot. (A page that calls configureLocalization on that copy itself keeps its own msg().)
}

const loaded = new Map<Locale, Templates | undefined>([[SOURCE_LOCALE, undefined]]);
const loading = new Map<Locale, Promise<void>>();

/** Whether `locale`'s messages are here (the source locale always is). */
export function isLoaded(locale: Locale): boolean {
  return loaded.has(locale);
}

/** Loads `locale`'s messages once per page; resolves when they can be rendered. */
export function loadLocale(locale: Locale): Promise<void> {
  if (loaded.has(locale)) return Promise.resolve();
  let pending = loading.get(locale);
  if (!pending) {
    pending = loaders[locale as TargetLocale]()
      .then((m) => void loaded.set(locale, m.templates))
      .finally(() => loading.delete(locale));
    loading.set(locale, pending);
  }
  return pending;
}

/**
 * Runs `fn` with msg() answering in `locale` (which must be loaded; otherwise the source
 * locale). Restores the previous slot, so nested calls and other elements are unaffected.
 */
export function inLocale<T>(locale: Locale, fn: () => T): T {
  const previous = slot.templates;
  slot.templates = loaded.get(locale);
  try {
    return fn();
  } finally {
    slot.templates = previous;
  }
}
