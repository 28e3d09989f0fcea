// The route table without schemas: method, path, auth, retry class. Kept free of zod so that
// browser code (the SDK's transport, the elements) can address every operation and apply the
// contract's retry rules without shipping a validator. `routes.ts` adds the schemas, and the
// OpenAPI document is generated from both; the key of each entry is its `operationId`.
// The entries are declared in one module per area (`endpoints/`): each is its own export, so a
// bundle keeps only the ones it calls (`@__PURE__` tells bundlers the call has no side effect),
// and a CDN chunk holds only the areas its elements use.
import * as contactsStaff from './endpoints/contacts-staff.js';
import * as contacts from './endpoints/contacts.js';
import * as council from './endpoints/council.js';
import * as feedback from './endpoints/feedback.js';
import * as loop from './endpoints/loop.js';
import * as staff from './endpoints/staff.js';

export { TAGS, type Endpoint, type HttpMethod, type RetryClass, type Tag } from './endpoints/endpoint.js';
export * from './endpoints/council.js';
export * from './endpoints/feedback.js';
export * from './endpoints/loop.js';
export * from './endpoints/staff.js';
export * from './endpoints/contacts.js';
export * from './endpoints/contacts-staff.js';

/** Every operation of contract v1, by `operationId`. */
export const endpoints = { ...council, ...feedback, ...loop, ...staff, ...contacts, ...contactsStaff } as const;

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
