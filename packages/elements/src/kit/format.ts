// Number and date formatters and collators, built once per language and options for the whole page. Building
// an Intl formatter is the costly part (the first one loads the engine's locale data: tens of
// milliseconds on a slow phone); formatting with one is cheap, and lists format many values.
// Formats that only some elements use live beside this (format-stats.ts), not here: this module
// is in the chunk every public page loads, <cocreate-feedback>'s too.
const formatters = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat | Intl.Collator>();

function cached<F extends Intl.NumberFormat | Intl.DateTimeFormat | Intl.Collator>(kind: string, locale: string, options: object, make: () => F): F {
  const key = `${kind} ${locale} ${JSON.stringify(options)}`;
  let f = formatters.get(key) as F | undefined;
  if (!f) formatters.set(key, (f = make()));
  return f;
}

/** `new Intl.NumberFormat(locale, options)`, shared. */
export const numberFormat = (locale: string, options: Intl.NumberFormatOptions = {}): Intl.NumberFormat =>
  cached('n', locale, options, () => new Intl.NumberFormat(locale, options));

/** `new Intl.DateTimeFormat(locale, options)`, shared. */
export const dateFormat = (locale: string, options: Intl.DateTimeFormatOptions = {}): Intl.DateTimeFormat =>
  cached('d', locale, options, () => new Intl.DateTimeFormat(locale, options));

/** `new Intl.Collator(locale)`, shared: sorts as that language sorts. */
export const collator = (locale: string): Intl.Collator => cached('c', locale, {}, () => new Intl.Collator(locale));
