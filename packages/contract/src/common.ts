import { z } from 'zod/mini';
import { LOCALES } from './locales.js';

export { LOCALES };
export const Locale = z.enum(LOCALES);
export type Locale = z.infer<typeof Locale>;

/** A text a council gives in some of its locales; readers fall back to the default locale. */
export const LocalizedText = z.partialRecord(Locale, z.string().check(z.maxLength(4000)));
export type LocalizedText = z.infer<typeof LocalizedText>;

/** Council slugs appear in URLs: lower-case letters, digits and single hyphens. */
export const Slug = z.string().check(z.minLength(2), z.maxLength(63), z.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/));

/** IDs are opaque to clients; only their length is bounded. */
export const Id = z.string().check(z.minLength(1), z.maxLength(64));

/** RFC 3339 timestamp in UTC. */
export const Timestamp = z.iso.datetime();

/** The `{council}` path parameter shared by every tenant-scoped route. */
export const CouncilParams = z.object({ council: Slug });

/** Cursor pagination query: `?limit=&cursor=`. */
export const PageQuery = z.object({
  limit: z.optional(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(100))),
  cursor: z.optional(z.string().check(z.maxLength(200))),
});

/** Wraps an item schema in the `{items, nextCursor}` list envelope. */
export function page<T extends z.core.$ZodType>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.nullable(z.string()) });
}

/** `Idempotency-Key` header bounds (CONTRACT.md). */
export const IDEMPOTENCY_KEY_MAX = 255;
export const IdempotencyKey = z.string().check(z.minLength(1), z.maxLength(IDEMPOTENCY_KEY_MAX));
