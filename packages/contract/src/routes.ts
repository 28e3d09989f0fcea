import { z } from 'zod/mini';
import { CouncilParams, PageQuery } from './common.js';
import { CouncilConfig } from './council.js';
import { FeedbackCreate, FeedbackCreated } from './feedback.js';
import { Health } from './health.js';
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
} as const satisfies Record<string, RouteDef>;

export type RouteId = keyof typeof routes;
