// The full client for npm users: the transport plus the contract's zod schemas, which check
// every 2xx body (`validate`, on by default), today's named methods and `request(id, input)`.
// It is the only part of the SDK that imports zod; browser bundles that want none use
// `createTransport` and the per-operation functions instead.
import {
  routes,
  toValidationIssues,
  type Challenge,
  type CouncilConfig,
  type FeedbackCreate,
  type FeedbackCreated,
  type FeedbackReceipt,
  type RouteDef,
  type RouteId,
  type ServiceList,
  type StaffFeedbackCreate,
} from '@civicloop/contract';
import { endpoints, type EndpointId } from '@civicloop/contract/endpoints';
import * as z from 'zod/mini';
import * as council from './operations/council.js';
import * as feedback from './operations/feedback.js';
import { createStaffFeedback } from './operations/staff.js';
import {
  createTransport,
  type ApiResponse,
  type CallOptions,
  type CreateOptions,
  type StaffCallOptions,
  type Transport,
  type TransportInput,
  type TransportOptions,
} from './transport.js';

/** Options of `createClient`: the transport's, with `validate` as a switch. */
export interface ClientOptions extends Omit<TransportOptions, 'validate'> {
  /**
   * Check every 2xx body against the contract's schema (a `ContractError` when it breaks it).
   * `false` skips the check: the body is returned as parsed JSON.
   * @default true
   */
  validate?: boolean;
}

type Schema = z.core.$ZodType;
type SuccessStatus = 200 | 201 | 202 | 204;
type Routes = typeof routes;
type SuccessSchema<R extends RouteDef> = {
  [S in keyof R['responses'] & SuccessStatus]: R['responses'][S] extends { schema: infer Z extends Schema } ? Z : never;
}[keyof R['responses'] & SuccessStatus];

/** What a successful call of a route resolves to (`undefined` for bodiless answers). */
export type RouteOutput<Id extends RouteId> = [SuccessSchema<Routes[Id]>] extends [never] ? undefined : z.output<SuccessSchema<Routes[Id]>>;

type BodyInput<R> = R extends { body: infer B extends Schema } ? { body: z.input<B> } : { body?: never };
type QueryInput<R> = R extends { query: infer Q extends Schema } ? { query?: z.input<Q> } : { query?: never };
type ParamsInput<R> = R extends { params: infer P extends Schema }
  ? keyof Omit<z.input<P>, 'council'> extends never
    ? { params?: never }
    : { params: Omit<z.input<P>, 'council'> }
  : { params?: never };

/** Input of the generic `client.request(id, input)`: path params (besides the council), query, body. */
export type RouteInput<Id extends RouteId> = StaffCallOptions & BodyInput<Routes[Id]> & QueryInput<Routes[Id]> & ParamsInput<Routes[Id]>;

/** A typed client of one council's API; being a `Transport`, it works with the per-operation
 *  functions and the outbox too. */
export interface CivicLoopClient extends Transport {
  /** The council's public configuration: name, locales, texts, limits. */
  getCouncil(options?: CallOptions): Promise<CouncilConfig>;
  /** One page of the council's services; pass `nextCursor` back as `cursor` for the next. */
  listServices(query?: council.PageQuery, options?: CallOptions): Promise<ServiceList>;
  /** Sends a resident's input; keep the `receipt` of the answer. */
  createFeedback(body: FeedbackCreate, options?: CreateOptions): Promise<FeedbackCreated>;
  /** Where one input stands, by its receipt code (any case, hyphens optional); never its text. */
  getFeedback(receipt: string, options?: CallOptions): Promise<FeedbackReceipt>;
  /** The author erases their input's text and contact (it still counts). Erasing twice is fine. */
  deleteFeedback(receipt: string, options?: CallOptions): Promise<void>;
  /** A fresh proof-of-work challenge, to solve and send as `proof` with the next input. */
  createChallenge(options?: CallOptions): Promise<Challenge>;
  /** Assisted entry by staff (phone, desk, paper, email, outreach); needs a staff token. */
  createStaffFeedback(body: StaffFeedbackCreate, options?: StaffCallOptions): Promise<FeedbackCreated>;
  /**
   * Any operation of the route table by its `operationId`, resolving to the parsed body and
   * the response metadata. The named methods are shorthands for it.
   */
  request<Id extends RouteId>(id: Id, input: RouteInput<Id>): Promise<ApiResponse<RouteOutput<Id>>>;
}

/**
 * Creates a client of one council's API. Responses are checked against the contract's
 * schemas (unless `validate: false`); failures are typed errors (`ApiError`, `NetworkError`,
 * `TimeoutError`, `ContractError`); retries follow each endpoint's retry class: network
 * errors, 429 and 503 are retried, creating POSTs included, because each carries an
 * `Idempotency-Key` that every retry reuses.
 */
export function createClient(options: ClientOptions): CivicLoopClient {
  const { validate = true, ...rest } = options;
  const transport = createTransport({ ...rest, ...(validate ? { validate: checkResponse } : {}) });
  return {
    baseUrl: transport.baseUrl,
    council: transport.council,
    call: transport.call,
    request: (id, input) => transport.call(id, endpoints[id], input as TransportInput),
    getCouncil: (callOptions) => council.getCouncil(transport, callOptions),
    listServices: (query, callOptions) => council.listServices(transport, query, callOptions),
    createFeedback: (body, createOptions) => feedback.createFeedback(transport, body, createOptions),
    getFeedback: (receipt, callOptions) => feedback.getFeedback(transport, receipt, callOptions),
    deleteFeedback: (receipt, callOptions) => feedback.deleteFeedback(transport, receipt, callOptions),
    createChallenge: (callOptions) => feedback.createChallenge(transport, callOptions),
    createStaffFeedback: (body, staffOptions) => createStaffFeedback(transport, body, staffOptions),
  };
}

/** The transport's `validate` hook with the contract's response schemas. */
function checkResponse(id: EndpointId, status: number, body: unknown): unknown {
  const route: RouteDef = routes[id];
  const def = route.responses[status] ?? Object.entries(route.responses).find(([code]) => Number(code) < 300)?.[1];
  if (!def?.schema || status === 204) return undefined;
  const parsed = z.safeParse(def.schema, body);
  if (parsed.success) return parsed.data;
  // The transport turns `issues` into a ContractError naming the request.
  throw Object.assign(new Error('The body breaks the contract', { cause: parsed.error }), { issues: toValidationIssues(parsed.error.issues) });
}
