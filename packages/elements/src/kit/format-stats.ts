// The loop figures' formats (kit/format.ts's shared formatters): a share as a percentage and the
// contract's calendar days and months. Used by <you-said-we-did> and the console's figures view; a
// module of its own so that none of it lands in the chunk <cocreate-feedback>'s page loads.
import { dateFormat, numberFormat } from './format.js';

/** A share (0 to 1) as a whole percentage. */
export const formatPercent = (locale: string, share: number): string => numberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(share);

/** A calendar day (`YYYY-MM-DD`, UTC in the contract), as a medium date. */
export const formatDay = (locale: string, day: string): string => dateFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${day}T00:00:00Z`));

/** A calendar month (`YYYY-MM`, UTC in the contract), as a short month and year. */
export const formatMonth = (locale: string, month: string): string =>
  dateFormat(locale, { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${month}-01T00:00:00Z`));
