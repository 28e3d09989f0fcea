// What an entry of the route table is. The entries live in one module per area (this folder), so
// that a bundle (and each chunk of the CDN build) carries only the areas its code calls: a public
// element's page never carries the staff routes. Each is a plain object `as const satisfies
// Endpoint`, which a bundle drops when unused, with no call to wrap it (or to mark pure).

/**
 * What a client may do when an answer is lost or says "try again":
 * - `safe`: repeating cannot change the outcome (GET, DELETE); retry freely.
 * - `keyed`: a creating POST with an `Idempotency-Key`; retry with the same key only.
 * - `cheap`: a POST without a key whose repetition costs the server a little and nothing else
 *   (a proof-of-work challenge); retry freely.
 * - `never`: repetition could apply a change twice; never retried automatically.
 */
export type RetryClass = 'safe' | 'keyed' | 'cheap' | 'never';

export type HttpMethod = 'get' | 'post' | 'patch' | 'put' | 'delete';

/** Groups of operations in the OpenAPI document, with their descriptions. */
export const TAGS = {
  meta: 'Health and this document',
  council: 'Public council configuration and services',
  feedback: "Residents' input and its receipts",
  loop: '"You said, we did": published themes, loop figures, the feed and open data',
  staff: 'Staff: single sign-on sessions, the inbox, personal replies, themes, the audit log and council settings (Bearer staff token or session token)',
  contacts:
    'The contact bank: sign-up with double opt-in, a contact\'s own entry and invitations (Bearer token from the email), ' +
    'and for staff search, export, activities, invitations and reach (Bearer staff token)',
} as const;
export type Tag = keyof typeof TAGS;

export interface Endpoint {
  readonly method: HttpMethod;
  /** OpenAPI-style template, e.g. `/v1/councils/{council}/feedback`. */
  readonly path: string;
  readonly tag: Tag;
  /** `contact`: a token from a contact-bank email (manage or invitation), as `Authorization: Bearer`. */
  readonly auth: 'public' | 'staff' | 'contact';
  /** Staff routes only an `admin` token may call (an `editor` gets 403). */
  readonly admin?: true;
  readonly retry: RetryClass;
  /** Creating POSTs accept `Idempotency-Key` (true exactly when `retry` is `keyed`). */
  readonly idempotent?: true;
  /** Public GETs send `ETag` and `Cache-Control`. */
  readonly cacheable?: true;
}


