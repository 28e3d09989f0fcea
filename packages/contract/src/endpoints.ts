// The route table without schemas: method, path, auth, retry class. Kept free of zod so that
// browser code (the SDK's transport, the elements) can address every operation and apply the
// contract's retry rules without shipping a validator. `routes.ts` adds the schemas, and the
// OpenAPI document is generated from both; the key of each entry is its `operationId`.

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

function endpoint<const E extends Endpoint>(e: E): E {
  return e;
}

// Each endpoint is its own export, so a bundle keeps only the ones it calls (`@__PURE__` tells
// bundlers the call has no side effect, so an unused one is dropped).
export const health = /* @__PURE__ */ endpoint({ method: 'get', path: '/healthz', tag: 'meta', auth: 'public', retry: 'safe' });
export const getCouncil = /* @__PURE__ */ endpoint({ method: 'get', path: '/v1/councils/{council}', tag: 'council', auth: 'public', retry: 'safe', cacheable: true });
export const listServices = /* @__PURE__ */ endpoint({ method: 'get', path: '/v1/councils/{council}/services', tag: 'council', auth: 'public', retry: 'safe', cacheable: true });
export const createFeedback = /* @__PURE__ */ endpoint({ method: 'post', path: '/v1/councils/{council}/feedback', tag: 'feedback', auth: 'public', retry: 'keyed', idempotent: true });
export const getFeedbackReceipt = /* @__PURE__ */ endpoint({ method: 'get', path: '/v1/councils/{council}/feedback/{receipt}', tag: 'feedback', auth: 'public', retry: 'safe', cacheable: true });
export const deleteFeedback = /* @__PURE__ */ endpoint({ method: 'delete', path: '/v1/councils/{council}/feedback/{receipt}', tag: 'feedback', auth: 'public', retry: 'safe' });
export const createChallenge = /* @__PURE__ */ endpoint({ method: 'post', path: '/v1/councils/{council}/challenges', tag: 'feedback', auth: 'public', retry: 'cheap' });
export const createStaffFeedback = /* @__PURE__ */ endpoint({ method: 'post', path: '/v1/councils/{council}/staff/feedback', tag: 'feedback', auth: 'staff', retry: 'keyed', idempotent: true });

export const listThemes = /* @__PURE__ */ endpoint({ method: 'get', path: '/v1/councils/{council}/themes', tag: 'loop', auth: 'public', retry: 'safe', cacheable: true });
export const getTheme = /* @__PURE__ */ endpoint({ method: 'get', path: '/v1/councils/{council}/themes/{id}', tag: 'loop', auth: 'public', retry: 'safe', cacheable: true });
export const getStats = /* @__PURE__ */ endpoint({ method: 'get', path: '/v1/councils/{council}/stats', tag: 'loop', auth: 'public', retry: 'safe', cacheable: true });
export const getFeed = /* @__PURE__ */ endpoint({ method: 'get', path: '/v1/councils/{council}/feed.atom', tag: 'loop', auth: 'public', retry: 'safe', cacheable: true });
export const getOpenDataThemes = /* @__PURE__ */ endpoint({ method: 'get', path: '/v1/councils/{council}/open-data/themes.json', tag: 'loop', auth: 'public', retry: 'safe', cacheable: true });
export const getOpenDataThemesCsv = /* @__PURE__ */ endpoint({ method: 'get', path: '/v1/councils/{council}/open-data/themes.csv', tag: 'loop', auth: 'public', retry: 'safe', cacheable: true });
export const getOpenDataStats = /* @__PURE__ */ endpoint({ method: 'get', path: '/v1/councils/{council}/open-data/stats.json', tag: 'loop', auth: 'public', retry: 'safe', cacheable: true });
export const getOpenDataStatsCsv = /* @__PURE__ */ endpoint({ method: 'get', path: '/v1/councils/{council}/open-data/stats.csv', tag: 'loop', auth: 'public', retry: 'safe', cacheable: true });
export const listStaffFeedback = /* @__PURE__ */ endpoint({ method: 'get', path: '/v1/councils/{council}/staff/feedback', tag: 'staff', auth: 'staff', retry: 'safe' });
// PATCH bodies hold absolute values (a status, a set of links), so sending one twice changes nothing more.
export const updateStaffFeedback = /* @__PURE__ */ endpoint({ method: 'patch', path: '/v1/councils/{council}/staff/feedback/{id}', tag: 'staff', auth: 'staff', retry: 'safe' });
export const createReply = /* @__PURE__ */ endpoint({ method: 'post', path: '/v1/councils/{council}/staff/feedback/{id}/replies', tag: 'staff', auth: 'staff', retry: 'keyed', idempotent: true });
export const listStaffThemes = /* @__PURE__ */ endpoint({ method: 'get', path: '/v1/councils/{council}/staff/themes', tag: 'staff', auth: 'staff', retry: 'safe' });
export const createTheme = /* @__PURE__ */ endpoint({ method: 'post', path: '/v1/councils/{council}/staff/themes', tag: 'staff', auth: 'staff', retry: 'keyed', idempotent: true });
export const updateTheme = /* @__PURE__ */ endpoint({ method: 'patch', path: '/v1/councils/{council}/staff/themes/{id}', tag: 'staff', auth: 'staff', retry: 'safe' });
// Publishing a published theme changes nothing (and sends no mail again): safe to repeat.
export const publishTheme = /* @__PURE__ */ endpoint({ method: 'post', path: '/v1/councils/{council}/staff/themes/{id}/publish', tag: 'staff', auth: 'staff', admin: true, retry: 'safe' });
export const createThemeUpdate = /* @__PURE__ */ endpoint({ method: 'post', path: '/v1/councils/{council}/staff/themes/{id}/updates', tag: 'staff', auth: 'staff', retry: 'keyed', idempotent: true });
// An authorization code is good for one exchange: a repeated request can only fail.
export const createStaffSession = /* @__PURE__ */ endpoint({ method: 'post', path: '/v1/councils/{council}/staff/sessions', tag: 'staff', auth: 'public', retry: 'never' });
export const deleteStaffSession = /* @__PURE__ */ endpoint({ method: 'delete', path: '/v1/councils/{council}/staff/sessions/current', tag: 'staff', auth: 'staff', retry: 'safe' });
export const listAudit = /* @__PURE__ */ endpoint({ method: 'get', path: '/v1/councils/{council}/staff/audit', tag: 'staff', auth: 'staff', admin: true, retry: 'safe' });
// Council settings: editors read them (the embed builder warns with the allowed origins), admins change them.
export const getCouncilSettings = /* @__PURE__ */ endpoint({ method: 'get', path: '/v1/councils/{council}/staff/settings', tag: 'staff', auth: 'staff', retry: 'safe' });
// A PATCH carries absolute values, so sending it twice changes nothing more.
export const updateCouncilSettings = /* @__PURE__ */ endpoint({ method: 'patch', path: '/v1/councils/{council}/staff/settings', tag: 'staff', auth: 'staff', admin: true, retry: 'safe' });
export const saveService = /* @__PURE__ */ endpoint({ method: 'put', path: '/v1/councils/{council}/staff/services/{service}', tag: 'staff', auth: 'staff', admin: true, retry: 'safe' });

// The contact bank. A contact's own routes take the token from their email as a Bearer token, never in the URL.
export const createContact = /* @__PURE__ */ endpoint({ method: 'post', path: '/v1/councils/{council}/contacts', tag: 'contacts', auth: 'public', retry: 'keyed', idempotent: true });
// Confirming twice leaves the entry active: safe to repeat.
export const confirmContact = /* @__PURE__ */ endpoint({ method: 'post', path: '/v1/councils/{council}/contacts/confirm', tag: 'contacts', auth: 'public', retry: 'safe' });
export const getMyContact = /* @__PURE__ */ endpoint({ method: 'get', path: '/v1/councils/{council}/contacts/me', tag: 'contacts', auth: 'contact', retry: 'safe' });
export const updateMyContact = /* @__PURE__ */ endpoint({ method: 'patch', path: '/v1/councils/{council}/contacts/me', tag: 'contacts', auth: 'contact', retry: 'safe' });
export const deleteMyContact = /* @__PURE__ */ endpoint({ method: 'delete', path: '/v1/councils/{council}/contacts/me', tag: 'contacts', auth: 'contact', retry: 'safe' });
export const getInvitation = /* @__PURE__ */ endpoint({ method: 'get', path: '/v1/councils/{council}/contacts/invitation', tag: 'contacts', auth: 'contact', retry: 'safe' });
// The answer is an absolute value: sending it twice changes nothing more.
export const answerInvitation = /* @__PURE__ */ endpoint({ method: 'post', path: '/v1/councils/{council}/contacts/invitation', tag: 'contacts', auth: 'contact', retry: 'safe' });
// RFC 8058 one-click: mail clients POST here; the token must be in the URL since they send nothing else.
export const unsubscribeContact = /* @__PURE__ */ endpoint({ method: 'post', path: '/v1/councils/{council}/contacts/unsubscribe/{token}', tag: 'contacts', auth: 'public', retry: 'safe' });
export const searchContacts = /* @__PURE__ */ endpoint({ method: 'get', path: '/v1/councils/{council}/staff/contacts', tag: 'contacts', auth: 'staff', retry: 'safe' });
export const exportContacts = /* @__PURE__ */ endpoint({ method: 'get', path: '/v1/councils/{council}/staff/contacts.csv', tag: 'contacts', auth: 'staff', retry: 'safe' });
export const getContactReach = /* @__PURE__ */ endpoint({ method: 'get', path: '/v1/councils/{council}/staff/contacts/reach', tag: 'contacts', auth: 'staff', retry: 'safe' });
export const createActivity = /* @__PURE__ */ endpoint({ method: 'post', path: '/v1/councils/{council}/staff/activities', tag: 'contacts', auth: 'staff', retry: 'keyed', idempotent: true });
export const listActivities = /* @__PURE__ */ endpoint({ method: 'get', path: '/v1/councils/{council}/staff/activities', tag: 'contacts', auth: 'staff', retry: 'safe' });
export const getActivity = /* @__PURE__ */ endpoint({ method: 'get', path: '/v1/councils/{council}/staff/activities/{id}', tag: 'contacts', auth: 'staff', retry: 'safe' });
export const createInvitations = /* @__PURE__ */ endpoint({ method: 'post', path: '/v1/councils/{council}/staff/activities/{id}/invitations', tag: 'contacts', auth: 'staff', retry: 'keyed', idempotent: true });

/** Every operation of contract v1, by `operationId`. */
export const endpoints = {
  health,
  getCouncil,
  listServices,
  createFeedback,
  getFeedbackReceipt,
  deleteFeedback,
  createChallenge,
  createStaffFeedback,
  listThemes,
  getTheme,
  getStats,
  getFeed,
  getOpenDataThemes,
  getOpenDataThemesCsv,
  getOpenDataStats,
  getOpenDataStatsCsv,
  listStaffFeedback,
  updateStaffFeedback,
  createReply,
  listStaffThemes,
  createTheme,
  updateTheme,
  publishTheme,
  createThemeUpdate,
  listAudit,
  getCouncilSettings,
  updateCouncilSettings,
  saveService,
  createStaffSession,
  deleteStaffSession,
  createContact,
  confirmContact,
  getMyContact,
  updateMyContact,
  deleteMyContact,
  getInvitation,
  answerInvitation,
  unsubscribeContact,
  searchContacts,
  exportContacts,
  getContactReach,
  createActivity,
  listActivities,
  getActivity,
  createInvitations,
} as const;

export type EndpointId = keyof typeof endpoints;

/**
 * Operations that create an input under an `Idempotency-Key`: what an outbox may hold. Staff
 * operations on the loop (replies, themes) are keyed too, but address a resource by `{id}` and
 * are sent at once from a staff tool, never queued in a resident's browser. A contact-bank
 * sign-up is a resident's input too (<contact-bank-signup> sends it through the outbox).
 */
export type KeyedEndpointId = { [K in EndpointId]: (typeof endpoints)[K] extends { idempotent: true; tag: 'feedback' } ? K : never }[EndpointId] | 'createContact';

/** Every HTTP method the contract uses, upper case (CORS `Access-Control-Allow-Methods`). */
export function contractMethods(): string[] {
  return [...new Set(Object.values(endpoints).map((e) => e.method.toUpperCase()))];
}
