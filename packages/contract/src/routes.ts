// The route table: each operation of `endpoints.ts` (method, path, tag, auth, retry class)
// with its schemas, summary, responses and problems. The server binds one handler to each key,
// the SDK parses with these schemas, and the OpenAPI document is generated from them.
import type * as z from 'zod/mini';
import { CouncilParams, PageQuery } from './common.js';
import { CouncilConfig } from './council.js';
import { endpoints, type Endpoint, type EndpointId } from './endpoints.js';
import { feedbackCreateFor, FeedbackCreate, FeedbackCreated, FeedbackReceipt, ReceiptParams, StaffFeedbackCreate, staffFeedbackCreateFor } from './feedback.js';
import * as examples from './examples.js';
import { Health } from './health.js';
import { Challenge } from './pow.js';
import { ServiceList } from './services.js';
import type { CouncilConfig as CouncilConfigType } from './council.js';

type Schema = z.core.$ZodType;

export interface ResponseDef {
  readonly description: string;
  /** Absent for bodiless responses (204, 304). */
  readonly schema?: Schema;
  /** A worked example of the body, published in the OpenAPI document (required with `schema`). */
  readonly example?: unknown;
}

/** What `routes.ts` adds to an endpoint. */
export interface RouteSpec {
  readonly summary: string;
  readonly params?: z.ZodMiniObject;
  readonly query?: z.ZodMiniObject;
  /** The request body as the contract publishes it (with the contract's widest limits). */
  readonly body?: Schema;
  /** A worked example of the body (required with `body`). */
  readonly bodyExample?: unknown;
  /** The body as one council accepts it (its own limits); servers validate with this when present. */
  readonly bodyFor?: (config: Pick<CouncilConfigType, 'limits'>) => Schema;
  /** Success responses by status. */
  readonly responses: Readonly<Record<number, ResponseDef>>;
  /** Problem statuses this operation can answer with, besides 5xx. */
  readonly problems: readonly number[];
}

/** One operation of the REST contract: its endpoint, its schemas, and its key as `operationId`. */
export interface RouteDef extends Endpoint, RouteSpec {
  readonly operationId: string;
}

type Routes<S> = { readonly [K in EndpointId]: (typeof endpoints)[K] & (K extends keyof S ? S[K] : never) & { readonly operationId: K } };

/** Joins each endpoint with its spec; a missing spec is a compile error, and `operationId` is the key. */
function defineRoutes<const S extends { readonly [K in EndpointId]: RouteSpec }>(specs: S): Routes<S> {
  const out: Record<string, RouteDef> = {};
  for (const id of Object.keys(endpoints) as EndpointId[]) out[id] = { ...endpoints[id], ...specs[id], operationId: id };
  return out as Routes<S>;
}

/** The route table: every operation of contract v1, by `operationId`. */
export const routes = defineRoutes({
  health: {
    summary: 'Liveness and database reachability',
    responses: { 200: { description: 'Up', schema: Health, example: examples.healthUp }, 503: { description: 'Database unreachable', schema: Health, example: examples.healthDown } },
    problems: [],
  },
  getCouncil: {
    summary: "A council's public configuration",
    params: CouncilParams,
    responses: { 200: { description: 'The council', schema: CouncilConfig, example: examples.council }, 304: { description: 'Not modified' } },
    problems: [404],
  },
  listServices: {
    summary: "The council's services",
    params: CouncilParams,
    query: PageQuery,
    responses: { 200: { description: 'Services', schema: ServiceList, example: examples.services }, 304: { description: 'Not modified' } },
    problems: [404, 422],
  },
  createFeedback: {
    summary: "Send a resident's input",
    params: CouncilParams,
    body: FeedbackCreate,
    bodyExample: examples.feedback,
    bodyFor: feedbackCreateFor,
    responses: { 201: { description: 'Stored; keep the receipt', schema: FeedbackCreated, example: examples.created } },
    problems: [400, 404, 409, 413, 415, 422, 429],
  },
  getFeedbackReceipt: {
    summary: 'Where one input stands, by its receipt (never its text or contact)',
    params: ReceiptParams,
    responses: { 200: { description: 'The input as its receipt shows it', schema: FeedbackReceipt, example: examples.receipt }, 304: { description: 'Not modified' } },
    problems: [404],
  },
  deleteFeedback: {
    summary: "The author erases their input's text and contact; it still counts. Erasing again is 204 too",
    params: ReceiptParams,
    responses: { 204: { description: 'Erased (or already erased)' } },
    problems: [404],
  },
  createChallenge: {
    summary: 'A fresh proof-of-work challenge for one submission (no body needed)',
    params: CouncilParams,
    responses: { 201: { description: 'Solve it and send it as `proof` with the input', schema: Challenge, example: examples.challenge } },
    problems: [404],
  },
  createStaffFeedback: {
    summary: 'Assisted entry: input received by phone, in person, on paper, by email or in outreach',
    params: CouncilParams,
    body: StaffFeedbackCreate,
    bodyExample: examples.staffFeedback,
    bodyFor: staffFeedbackCreateFor,
    responses: { 201: { description: 'Stored; give the receipt to the resident', schema: FeedbackCreated, example: examples.created } },
    problems: [400, 401, 403, 404, 409, 413, 415, 422],
  },
});

export type RouteId = keyof typeof routes;
