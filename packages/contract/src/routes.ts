import { z } from 'zod/mini';
import { CouncilParams, PageQuery } from './common.js';
import { CouncilConfig } from './council.js';
import { FeedbackCreate, FeedbackCreated, FeedbackReceipt, ReceiptParams, StaffFeedbackCreate } from './feedback.js';
import { Health } from './health.js';
import { Challenge } from './pow.js';
import { ServiceList } from './services.js';

type Schema = z.core.$ZodType;

export interface ResponseDef {
  readonly description: string;
  /** Absent for bodiless responses (204, 304). */
  readonly schema?: Schema;
}

/**
 * One operation of the REST contract. The server binds a handler to each `operationId`
 * and validates with these schemas; the SDK parses responses with them; the OpenAPI
 * document is generated from them.
 */
export interface RouteDef {
  readonly operationId: string;
  readonly method: 'get' | 'post' | 'patch' | 'put' | 'delete';
  /** OpenAPI-style template, e.g. `/v1/councils/{council}/feedback`. */
  readonly path: string;
  readonly summary: string;
  readonly tag: 'meta' | 'council' | 'feedback';
  readonly auth: 'public' | 'staff';
  readonly params?: z.ZodMiniObject;
  readonly query?: z.ZodMiniObject;
  readonly body?: Schema;
  /** Creating POSTs accept `Idempotency-Key`. */
  readonly idempotent?: boolean;
  /** Public GETs send `ETag` and `Cache-Control`. */
  readonly cacheable?: boolean;
  /** Success responses by status. */
  readonly responses: Readonly<Record<number, ResponseDef>>;
  /** Problem statuses this operation can answer with, besides 5xx. */
  readonly problems: readonly number[];
}

function route<const R extends RouteDef>(def: R): R {
  return def;
}

/** The route table: every operation of contract v1 that is implemented. */
export const routes = {
  health: route({
    operationId: 'health',
    method: 'get',
    path: '/healthz',
    summary: 'Liveness and database reachability',
    tag: 'meta',
    auth: 'public',
    responses: { 200: { description: 'Up', schema: Health }, 503: { description: 'Database unreachable', schema: Health } },
    problems: [],
  }),
  getCouncil: route({
    operationId: 'getCouncil',
    method: 'get',
    path: '/v1/councils/{council}',
    summary: "A council's public configuration",
    tag: 'council',
    auth: 'public',
    params: CouncilParams,
    cacheable: true,
    responses: { 200: { description: 'The council', schema: CouncilConfig }, 304: { description: 'Not modified' } },
    problems: [404],
  }),
  listServices: route({
    operationId: 'listServices',
    method: 'get',
    path: '/v1/councils/{council}/services',
    summary: "The council's services",
    tag: 'council',
    auth: 'public',
    params: CouncilParams,
    query: PageQuery,
    cacheable: true,
    responses: { 200: { description: 'Services', schema: ServiceList }, 304: { description: 'Not modified' } },
    problems: [404],
  }),
  createFeedback: route({
    operationId: 'createFeedback',
    method: 'post',
    path: '/v1/councils/{council}/feedback',
    summary: "Send a resident's input",
    tag: 'feedback',
    auth: 'public',
    params: CouncilParams,
    body: FeedbackCreate,
    idempotent: true,
    responses: { 201: { description: 'Stored; keep the receipt', schema: FeedbackCreated } },
    problems: [400, 404, 409, 413, 415, 422, 429],
  }),
  getFeedbackReceipt: route({
    operationId: 'getFeedbackReceipt',
    method: 'get',
    path: '/v1/councils/{council}/feedback/{receipt}',
    summary: 'Where one input stands, by its receipt (never its text or contact)',
    tag: 'feedback',
    auth: 'public',
    params: ReceiptParams,
    cacheable: true,
    responses: { 200: { description: 'The input as its receipt shows it', schema: FeedbackReceipt }, 304: { description: 'Not modified' } },
    problems: [404],
  }),
  deleteFeedback: route({
    operationId: 'deleteFeedback',
    method: 'delete',
    path: '/v1/councils/{council}/feedback/{receipt}',
    summary: "The author erases their input's text and contact; it still counts. Erasing again is 204 too",
    tag: 'feedback',
    auth: 'public',
    params: ReceiptParams,
    responses: { 204: { description: 'Erased (or already erased)' } },
    problems: [404],
  }),
  createChallenge: route({
    operationId: 'createChallenge',
    method: 'post',
    path: '/v1/councils/{council}/challenges',
    summary: 'A fresh proof-of-work challenge for one submission (no body needed)',
    tag: 'feedback',
    auth: 'public',
    params: CouncilParams,
    responses: { 201: { description: 'Solve it and send it as `proof` with the input', schema: Challenge } },
    problems: [404],
  }),
  createStaffFeedback: route({
    operationId: 'createStaffFeedback',
    method: 'post',
    path: '/v1/councils/{council}/staff/feedback',
    summary: 'Assisted entry: input received by phone, in person, on paper, by email or in outreach',
    tag: 'feedback',
    auth: 'staff',
    params: CouncilParams,
    body: StaffFeedbackCreate,
    idempotent: true,
    responses: { 201: { description: 'Stored; give the receipt to the resident', schema: FeedbackCreated } },
    problems: [400, 401, 403, 404, 409, 413, 415, 422],
  }),
} as const satisfies Record<string, RouteDef>;

export type RouteId = keyof typeof routes;
