import * as z from 'zod/mini';
import { LOCALES } from './locales.js';
import { IDEMPOTENCY_KEY_MAX, IDEMPOTENCY_KEY_MIN, isStorableText, PAGE_LIMIT_MAX, UNSTORABLE_TEXT_MESSAGE } from './rules.js';

export const Locale = z.enum(LOCALES);
export type Locale = z.infer<typeof Locale>;

/**
 * The one check every text of the contract carries: characters PostgreSQL cannot store (NUL,
 * lone surrogates) are a 422 naming the field, never a 500 from the database.
 */
export const storable = z.refine<string>(isStorableText, { message: UNSTORABLE_TEXT_MESSAGE });

/** A string the server can store as sent, with `checks` after the storability check. */
export function plainText(...checks: z.core.$ZodCheck<string>[]) {
  return z.string().check(storable, ...checks);
}
/** Any text field of the contract: storable, otherwise unbounded here. */
export const PlainText = plainText();

/** A text a council gives in some of its locales; readers fall back to the default locale. */
export const LocalizedText = z.partialRecord(Locale, plainText(z.maxLength(4000)));
export type LocalizedText = z.infer<typeof LocalizedText>;

/** Council slugs appear in URLs: lower-case letters, digits and single hyphens. */
export const Slug = z.string().check(z.minLength(2), z.maxLength(63), z.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/));

/** IDs are opaque to clients; only their length is bounded. */
export const Id = plainText(z.minLength(1), z.maxLength(64));

/** RFC 3339 timestamp in UTC. */
export const Timestamp = z.iso.datetime();

/** The `{council}` path parameter shared by every tenant-scoped route. */
export const CouncilParams = z.object({ council: Slug.check(z.meta({ description: "The council's slug, e.g. `warszawa`." })) });

/** Cursor pagination query: `?limit=&cursor=`. */
export const PageQuery = z.object({
  limit: z.optional(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(PAGE_LIMIT_MAX))).check(
    z.meta({ description: `Items per page, 1 to ${PAGE_LIMIT_MAX}.` }),
  ),
  cursor: z.optional(plainText(z.maxLength(200))).check(
    z.meta({
      description:
        'The `nextCursor` of the previous page of this list; absent for the first page. A value this server could not ' +
        'have issued for this list (not its base64url form, or one forged to hold NUL) is refused: 422 `validation-failed` naming `/cursor`.',
    }),
  ),
});

/** Wraps an item schema in the `{items, nextCursor}` list envelope. */
export function page<T extends z.core.$ZodType>(item: T) {
  return z.object({
    items: z.array(item).check(z.meta({ description: 'This page of items, in a stable order.' })),
    nextCursor: z.nullable(z.string()).check(
      z.meta({ description: 'Send as `cursor` to read the next page; null on the last page.' }),
    ),
  });
}

/** The `Idempotency-Key` header (CONTRACT.md). */
export const IdempotencyKey = z.string().check(z.minLength(IDEMPOTENCY_KEY_MIN), z.maxLength(IDEMPOTENCY_KEY_MAX));
