// The contract's rules as plain values, with no zod: limits, enums, formats and retention.
// The schemas (feedback.ts, council.ts, ...) are built from these, the server and its SQL are
// held to them by tests, and browser code reads them here without paying for a validator.
export { LOCALES, type Locale } from './locales.js';

/** Stable problem type URIs (RFC 9457 `type`). Absolute URNs: they never move with a domain. */
export const PROBLEM_TYPES = {
  malformedJson: 'urn:civicloop:problem:malformed-json',
  badRequest: 'urn:civicloop:problem:bad-request',
  methodNotAllowed: 'urn:civicloop:problem:method-not-allowed',
  tooLarge: 'urn:civicloop:problem:body-too-large',
  unsupportedMediaType: 'urn:civicloop:problem:unsupported-media-type',
  validation: 'urn:civicloop:problem:validation-failed',
  notFound: 'urn:civicloop:problem:not-found',
  unauthorized: 'urn:civicloop:problem:unauthorized',
  forbidden: 'urn:civicloop:problem:forbidden',
  conflict: 'urn:civicloop:problem:conflict',
  idempotencyMismatch: 'urn:civicloop:problem:idempotency-key-reused',
  idempotencyInFlight: 'urn:civicloop:problem:idempotency-key-in-flight',
  rateLimited: 'urn:civicloop:problem:rate-limited',
  spam: 'urn:civicloop:problem:rejected-as-spam',
  internal: 'urn:civicloop:problem:internal-error',
  unavailable: 'urn:civicloop:problem:service-unavailable',
} as const;

/** Upper bound of a feedback text; a council may set a lower one in its config. */
export const FEEDBACK_TEXT_MAX = 2000;

export const FEEDBACK_KINDS = ['praise', 'problem', 'idea', 'question'] as const;
export type FeedbackKind = (typeof FEEDBACK_KINDS)[number];

/** The largest page a list gives (`?limit=`); elements read a council's services a whole page at a time. */
export const PAGE_LIMIT_MAX = 100;

/** Origins one council may list (a bound on what a settings change may carry). */
export const SETTINGS_ORIGINS_MAX = 100;

/** A council's open-data licence unless it sets another (an SPDX identifier). */
export const OPEN_LICENCE_DEFAULT = 'CC-BY-4.0';

/**
 * PostgreSQL text-search configuration by locale, for full-text search of inputs in the
 * resident's language; `simple` (no stemming) where PostgreSQL has none (Polish) or the locale
 * is unknown. Migration 004 holds the same mapping; db/schema.test.ts compares them.
 */
export const TEXT_SEARCH_CONFIGS = {
  en: 'english',
  pl: 'simple',
  sv: 'swedish',
  da: 'danish',
  de: 'german',
  fr: 'french',
  pt: 'portuguese',
  ro: 'romanian',
} as const;

/** A rating of a service: 1 (very poor) to 5 (very good). */
export const RATING_MIN = 1;
export const RATING_MAX = 5;

/** Longest email address (RFC 5321 path limit). */
export const EMAIL_MAX = 254;

/**
 * What counts as an email address: one `@`, no spaces, a dot in the domain. Deliberately
 * loose (people's real addresses vary more than any pattern); the schema and forms share it.
 */
export const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** `Idempotency-Key` header bounds (CONTRACT.md). */
export const IDEMPOTENCY_KEY_MIN = 1;
export const IDEMPOTENCY_KEY_MAX = 255;

/**
 * How long a server keeps an `Idempotency-Key` and its first answer. The contract asks for at
 * least 24 hours; the reference server keeps 30 days so that an outbox re-send days later is
 * still answered with the first receipt.
 */
export const IDEMPOTENCY_KEY_MIN_RETENTION_MS = 24 * 3600_000;
export const IDEMPOTENCY_KEY_RETENTION_MS = 30 * 24 * 3600_000;

/**
 * Receipt codes are read aloud over the phone and typed from paper: no 0/O, 1/I/L.
 * 31 symbols ^ 10 = about 49.5 bits of randomness.
 */
export const RECEIPT_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const RECEIPT_LENGTH = 10;
/** Symbols per group when a receipt is shown to people (`K7MX-2QPA-9R`). */
export const RECEIPT_GROUPS = [4, 4, 2] as const;

/** A receipt as the server returns it and people see it: `K7MX-2QPA-9R`. */
// Built in a pure call, so a bundle that never tests a receipt drops the building too.
export const RECEIPT_PATTERN = /* @__PURE__ */ (() => new RegExp(`^${RECEIPT_GROUPS.map((n) => `[${RECEIPT_ALPHABET}]{${n}}`).join('-')}$`))();

/** Grouped for people: `K7MX-2QPA-9R`. */
export function formatReceipt(stored: string): string {
  const groups: string[] = [];
  let at = 0;
  for (const size of RECEIPT_GROUPS) {
    groups.push(stored.slice(at, at + size));
    at += size;
  }
  return groups.filter(Boolean).join('-');
}

/** Stored form of what someone typed (any case, hyphens or spaces), or undefined if it cannot be a receipt. */
export function normalizeReceipt(input: string): string | undefined {
  const code = input.toUpperCase().replace(/[\s-]/g, '');
  if (code.length !== RECEIPT_LENGTH) return undefined;
  for (const ch of code) if (!RECEIPT_ALPHABET.includes(ch)) return undefined;
  return code;
}

/**
 * Whether PostgreSQL can store a text as sent: it refuses NUL (U+0000) in `text` and `jsonb`,
 * and a lone UTF-16 surrogate (what `"\ud800"` in JSON decodes to) is no character at all and
 * would be silently replaced. Every text field of the contract is checked with this.
 */
export function isStorableText(text: string): boolean {
  return !UNSTORABLE.test(text);
}
// With the `u` flag, `\p{Cs}` matches only surrogates that are not half of a pair.
const UNSTORABLE = /\0|\p{Cs}/u;
export const UNSTORABLE_TEXT_MESSAGE = 'Contains a character that cannot be stored: NUL (U+0000) or an unpaired surrogate';

/** Proof of work: leading zero bits asked for by default, and the range a council may set. */
export const POW_DIFFICULTY_DEFAULT = 16;
export const POW_DIFFICULTY_MAX = 32;
/** How long a proof-of-work challenge may be used. */
export const POW_CHALLENGE_TTL_MS = 15 * 60_000;

/** Minimum fill time a council may ask for, at most (10 minutes). */
export const MIN_FILL_MS_MAX = 600_000;

/**
 * Whether an HTTP status (with its problem type) means "the same request may succeed later":
 * 5xx, 408, 429 and a 409 for a key still in flight. Every other 4xx is a refusal for good.
 */
export function isRetriableStatus(status: number, problemType?: string): boolean {
  return status >= 500 || status === 408 || status === 429 || (status === 409 && problemType === PROBLEM_TYPES.idempotencyInFlight);
}

// The contact bank's rules have their own module, so a page without <contact-bank-signup> never loads them.
export * from './contact-rules.js';
// Likewise the staff tools' rules and the themes' (only the pages that show them load them).
export * from './staff-rules.js';
export * from './theme-rules.js';
