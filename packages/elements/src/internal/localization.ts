// Each element renders wholly in its own language. Runtime lit-localize has one active locale
// per page, so instead of `configureLocalization` this module installs ONE msg()
// implementation that reads the templates of "the locale currently rendering" from a slot, and
// CivicElement fills that slot while it updates (render is synchronous inside an update), so two
// elements with lang="pl" and lang="sv" on one page each speak their own language. Components
// keep calling msg(). Messages come in parts, one per string owner and language (the kit's,
// shared, and each element's own): an element waits for the kit's part and its own, so a page
// never fetches the strings of elements it does not show.
//
// @lit/localize has no `exports` map, so its installer and helpers are deep-imported.
import { _installMsgImplementation } from '@lit/localize/init/install.js';
import { isStrTagged, joinStringsAndValues } from '@lit/localize/internal/str-tag.js';
import type { TemplateLike } from '@lit/localize/internal/types.js';
import type { Locale } from './locales.js';
import { SOURCE_LOCALE } from './locales.js';

type TargetLocale = Exclude<Locale, 'en'>;
type Templates = { [id: string]: TemplateLike };

type Loader = () => Promise<{ templates: Templates }>;

/**
 * One string owner's messages (the kit's, or one element's own; see scripts/locale-parts.ts),
 * one static import() per language in the generated module: bundlers must see each file to
 * split it into its own chunk, fetched only when that language is shown by an element that
 * needs those strings. English is in the msg() calls themselves, except where a build took it
 * out of them and loads it like the others: the CDN's (scripts/cdn-english.mjs adds `en`).
 */
export type LocaleMessages = Record<TargetLocale, Loader> & { en?: Loader };

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
  // A part not (yet) in the language rendering, or msg() outside any element's update, answers in
  // English: loaded, where the build took it out of the code (scripts/cdn-english.mjs), so empty
  // while no element has loaded it, as on a page in another language. Code outside an update (a
  // handler, after an await) wraps its msg() in CivicElement's `localized()`
  // (tests/node/msg-outside-update.test.ts).
  const localized = options?.id === undefined ? undefined : (slot.templates?.[options.id] ?? merged.get(SOURCE_LOCALE)?.[options.id]);
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

// Per language, the messages of every part loaded so far, merged: ids never collide across
// owners (each owner has its own prefix), so one table per language serves every element in it.
const merged = new Map<Locale, Templates>();
// Per part and language (its loader), the load that has finished or is under way.
interface Load {
  done: boolean;
  promise: Promise<void>;
}
const loads = new Map<Loader, Load>();
// Per loader, how many of its fetches have failed. Browsers that keep a failed module fetch in
// their module map (Firefox and Safari until they follow whatwg/html#10327) fail every import()
// of that URL again, without asking the network: so a retry asks for the same file under a new
// fragment (`#retry-1`), a new module map entry for the same request. The CDN build reads the
// fragment from `civicloopRetry`, a global that holds it only while the loader's import() runs
// (scripts/cdn-english.mjs); locale modules import nothing and do nothing on import, so a
// second instance is harmless.
const failures = new Map<Loader, number>();
type RetrySlot = { civicloopRetry?: string };

/** Whether `locale`'s messages of every one of `parts` are here (English in the code always is). */
export function isLoaded(locale: Locale, parts: readonly LocaleMessages[]): boolean {
  return parts.every((p) => (p[locale] ? loads.get(p[locale])?.done : locale === SOURCE_LOCALE));
}

/** Loads `locale`'s messages of each of `parts` once per page; resolves when they can all be rendered. */
export function loadLocale(locale: Locale, parts: readonly LocaleMessages[]): Promise<void> {
  return Promise.all(
    parts.map((part) => {
      const loader = part[locale];
      // English in the code itself: nothing to load.
      if (!loader) return;
      let load = loads.get(loader);
      if (!load) {
        const failed = failures.get(loader) ?? 0;
        if (failed) (globalThis as RetrySlot).civicloopRetry = `#retry-${failed}`;
        let fetched: ReturnType<Loader>;
        try {
          fetched = loader();
        } finally {
          delete (globalThis as RetrySlot).civicloopRetry;
        }
        const entry: Load = {
          done: false,
          promise: fetched.then(
            (m) => {
              merged.set(locale, Object.assign(merged.get(locale) ?? {}, m.templates));
              entry.done = true;
            },
            (error: unknown) => {
              // A failed fetch may succeed later (the network came back): the next call retries.
              loads.delete(loader);
              failures.set(loader, failed + 1);
              throw error;
            },
          ),
        };
        loads.set(loader, (load = entry));
      }
      return load.promise;
    }),
  ).then(() => undefined);
}

/**
 * Loads `locale`'s messages of `parts` or, that failing, English's, and resolves with the one
 * loaded. While neither can load, it waits (untilRetry: 1 s doubling to 30 s, or until the browser says it
 * is online again) and tries again, as long as `wanted()` holds; once it does not, it resolves
 * with undefined. So an element never shows empty texts: it waits for words it can show.
 */
export async function loadOrEnglish(locale: Locale, parts: readonly LocaleMessages[], wanted: () => boolean = () => true): Promise<Locale | undefined> {
  for (let delay = RETRY_FIRST; wanted(); delay = Math.min(delay * 2, RETRY_MAX)) {
    try {
      return await loadLocale(locale, parts).then(
        () => locale,
        () => loadLocale(SOURCE_LOCALE, parts).then(() => SOURCE_LOCALE),
      );
    } catch {
      await untilRetry(delay);
    }
  }
  return undefined;
}

/** The first and the longest wait (ms) before asking again for strings that failed to load. */
export const RETRY_FIRST = 1000;
export const RETRY_MAX = 30_000;

/** Resolves after `delay` ms, or as soon as the browser says it is online again. */
export function untilRetry(delay: number): Promise<void> {
  return new Promise<void>((resolve) => {
    const again = () => {
      removeEventListener('online', again);
      clearTimeout(timer);
      resolve();
    };
    const timer = setTimeout(again, delay);
    addEventListener('online', again);
  });
}

/**
 * Runs `fn` with msg() answering in `locale` (which must be loaded; otherwise the source
 * locale). Restores the previous slot, so nested calls and other elements are unaffected.
 */
export function inLocale<T>(locale: Locale, fn: () => T): T {
  const previous = slot.templates;
  slot.templates = merged.get(locale);
  try {
    return fn();
  } finally {
    slot.templates = previous;
  }
}
