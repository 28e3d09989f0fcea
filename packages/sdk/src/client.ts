import {
  IdempotencyKey,
  routes,
  toValidationIssues,
  type Challenge,
  type CouncilConfig,
  type FeedbackCreate,
  type FeedbackCreated,
  type FeedbackReceipt,
  type PageQuery,
  type RouteDef,
  type RouteId,
  type ServiceList,
  type StaffFeedbackCreate,
} from '@civicloop/contract';
import ky, { HTTPError, TimeoutError as KyTimeoutError } from 'ky';
import { z } from 'zod/mini';
import { ApiError } from './errors/api-error.js';
import { ContractError } from './errors/contract-error.js';
import { NetworkError } from './errors/network-error.js';
import type { RequestInfo } from './errors/sdk-error.js';
import { TimeoutError } from './errors/timeout-error.js';
import { parseRetryAfter, randomKey, toProblem } from './http.js';

/** When and how often a failed attempt is tried again. */
export interface RetryOptions {
  /**
   * Retries after the first attempt (so `2` means at most three attempts). `0` disables retries.
   * @default 2
   */
  limit?: number;
  /**
   * Response statuses worth another attempt. Network errors are always retried; timeouts never
   * are (the server may still be working on the request, and the caller has waited enough).
   * @default [429, 503]
   */
  statusCodes?: readonly number[];
  /**
   * Longest `Retry-After` (in milliseconds) the client waits for on its own. A longer wait gives
   * up at once with an `ApiError` whose `retryAfter` says how long, so the caller (or the
   * outbox) can decide.
   * @default 30000
   */
  maxRetryAfter?: number;
  /**
   * Upper bound of the exponential backoff between attempts (0.3 s, 0.6 s, 1.2 s ...), in
   * milliseconds. Does not cap a server's `Retry-After`.
   * @default 10000
   */
  backoffLimit?: number;
}

/** Options of `createClient`. */
export interface ClientOptions {
  /**
   * Origin (and optional path prefix) of the council's API, e.g. `https://api.example.org`.
   * Paths of the contract (`/v1/...`) are appended to it.
   */
  baseUrl: string | URL;
  /** Slug of the council every tenant-scoped call addresses, e.g. `demo`. */
  council: string;
  /**
   * Milliseconds one attempt may take until the response headers arrive; `false` for no limit.
   * Each retry gets the full time again.
   * @default 10000
   */
  timeout?: number | false;
  /**
   * Retry policy, or just the retry limit as a number.
   * @default { limit: 2, statusCodes: [429, 503], maxRetryAfter: 30000, backoffLimit: 10000 }
   */
  retry?: number | RetryOptions;
  /**
   * The `fetch` to use, e.g. one that adds tracing. Must behave like the standard one.
   * @default globalThis.fetch
   */
  fetch?: typeof globalThis.fetch;
  /**
   * Extra headers sent with every request. Keep them CORS-safelisted on public calls from
   * a browser, or every call costs a preflight.
   * @default {}
   */
  headers?: Record<string, string>;
  /**
   * Staff bearer token sent on staff operations only (never on public ones, so that a
   * resident's browser never leaks it and public calls stay preflight-free).
   * @default undefined
   */
  token?: string;
}

/** Options every method accepts. */
export interface CallOptions {
  /**
   * Cancels the call, including waits between retries. The promise then rejects with the
   * signal's `reason` (an `AbortError` by default), not with an SDK error.
   * @default undefined
   */
  signal?: AbortSignal;
  /**
   * Extra headers for this call only; they override the client's.
   * @default {}
   */
  headers?: Record<string, string>;
}

/** Options of creating calls (POSTs that accept an `Idempotency-Key`). */
export interface CreateOptions extends CallOptions {
  /**
   * The `Idempotency-Key` (1–255 chars) to send. Every retry of this call reuses it, so the
   * server stores the input once however often it is sent. Give your own to make a later
   * re-send (e.g. after a reload) exactly-once too.
   * @default crypto.randomUUID()
   */
  idempotencyKey?: string;
}

/** Options of staff calls. */
export interface StaffCallOptions extends CreateOptions {
  /**
   * Staff bearer token for this call.
   * @default the client's `token`
   */
  token?: string;
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

/** A successful answer with the metadata that `client.request` exposes. */
export interface ApiResponse<T> {
  /** The body parsed with the route's response schema. */
  data: T;
  /** HTTP status, e.g. 201. */
  status: number;
  /** Response headers (only CORS-exposed ones are visible in a browser). */
  headers: Headers;
  /** The `Idempotency-Key` sent, for creating calls. */
  idempotencyKey: string | undefined;
  /** True when the server answered from its idempotency store (`Idempotency-Replayed: true`). */
  replayed: boolean;
}

/** A typed client of one council's API. */
export interface CivicLoopClient {
  /** The API base URL, without a trailing slash. */
  readonly baseUrl: string;
  /** The council slug every call addresses. */
  readonly council: string;
  /** The council's public configuration: name, locales, texts, limits. */
  getCouncil(options?: CallOptions): Promise<CouncilConfig>;
  /** One page of the council's services; pass `nextCursor` back as `cursor` for the next. */
  listServices(query?: z.output<typeof PageQuery>, options?: CallOptions): Promise<ServiceList>;
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

const RETRY_DEFAULTS: Required<RetryOptions> = { limit: 2, statusCodes: [429, 503], maxRetryAfter: 30_000, backoffLimit: 10_000 };

/** Methods whose repetition cannot change the outcome, so a lost answer may be asked again. */
const SAFE_METHODS = new Set(['get', 'put', 'delete']);

/**
 * Creates a client of one council's API. Responses are checked against the contract's
 * schemas; failures are typed errors (`ApiError`, `NetworkError`, `TimeoutError`,
 * `ContractError`); network errors, 429 and 503 are retried, creating POSTs included,
 * because each carries an `Idempotency-Key` that every retry reuses.
 */
export function createClient(options: ClientOptions): CivicLoopClient {
  const baseUrl = new URL(String(options.baseUrl)).href.replace(/\/+$/, '');
  const council = options.council;
  const timeout = options.timeout ?? 10_000;
  const retry: Required<RetryOptions> =
    typeof options.retry === 'number' ? { ...RETRY_DEFAULTS, limit: options.retry } : { ...RETRY_DEFAULTS, ...stripUndefined(options.retry ?? {}) };

  async function request<Id extends RouteId>(id: Id, input: RouteInput<Id>, harmless = false): Promise<ApiResponse<RouteOutput<Id>>> {
    const route: RouteDef = routes[id];
    const { signal } = input;
    const params: Record<string, string> = { ...(input.params as Record<string, string> | undefined), council };
    const url = baseUrl + route.path.replace(/\{(\w+)\}/g, (_, name: string) => {
      const value = params[name];
      if (value === undefined) throw new TypeError(`${id}: missing path parameter "${name}"`);
      return encodeURIComponent(value);
    });
    const method = route.method.toUpperCase();
    const info: RequestInfo = { method, url };

    const headers = new Headers(options.headers);
    for (const [name, value] of Object.entries(input.headers ?? {})) headers.set(name, value);
    headers.set('accept', 'application/json, application/problem+json');
    let idempotencyKey: string | undefined;
    if (route.idempotent) {
      idempotencyKey = input.idempotencyKey ?? randomKey();
      if (!z.safeParse(IdempotencyKey, idempotencyKey).success) throw new RangeError('idempotencyKey must be 1 to 255 characters');
      headers.set('idempotency-key', idempotencyKey);
    }
    if (route.auth === 'staff') {
      const token = input.token ?? options.token;
      if (token) headers.set('authorization', `Bearer ${token}`);
    }

    const retriable = harmless || route.idempotent === true || SAFE_METHODS.has(route.method);
    let response: Response;
    try {
      response = await ky(url, {
        method,
        headers,
        ...(route.body ? { json: input.body } : {}),
        ...(input.query ? { searchParams: stripUndefined(input.query as Record<string, string | number>) } : {}),
        ...(signal ? { signal } : {}),
        ...(options.fetch ? { fetch: options.fetch } : {}),
        timeout,
        throwHttpErrors: true,
        retry: {
          limit: retriable ? retry.limit : 0,
          methods: [route.method],
          statusCodes: [...retry.statusCodes],
          afterStatusCodes: [...retry.statusCodes],
          backoffLimit: retry.backoffLimit,
          retryOnTimeout: false,
          shouldRetry: ({ error }) => {
            if (signal?.aborted) return false;
            if (error instanceof HTTPError) {
              const wait = parseRetryAfter(error.response.headers.get('retry-after'));
              return wait !== undefined && wait > retry.maxRetryAfter ? false : undefined;
            }
            if (error instanceof KyTimeoutError) return false;
            // fetch rejects with a TypeError when no HTTP answer came; anything else is a bug
            // or an abort, and repeating it would not help.
            return error.name === 'TypeError' ? undefined : false;
          },
        },
      });
    } catch (error) {
      throw await toSdkError(error, info, signal, timeout);
    }
    const data = await readBody(route, response, info);
    return {
      data: data as RouteOutput<Id>,
      status: response.status,
      headers: response.headers,
      idempotencyKey,
      replayed: response.headers.get('idempotency-replayed') === 'true',
    };
  }

  return {
    baseUrl,
    council,
    request: (id, input) => request(id, input),
    async getCouncil(callOptions = {}) {
      return (await request('getCouncil', callOptions)).data;
    },
    async listServices(query = {}, callOptions = {}) {
      return (await request('listServices', { ...callOptions, query })).data;
    },
    async createFeedback(body, createOptions = {}) {
      return (await request('createFeedback', { ...createOptions, body })).data;
    },
    async getFeedback(receipt, callOptions = {}) {
      return (await request('getFeedbackReceipt', { ...callOptions, params: { receipt } })).data;
    },
    async deleteFeedback(receipt, callOptions = {}) {
      await request('deleteFeedback', { ...callOptions, params: { receipt } });
    },
    async createChallenge(callOptions = {}) {
      // A POST without a key, but asking twice only costs the server a signature: retry it.
      return (await request('createChallenge', callOptions, true)).data;
    },
    async createStaffFeedback(body, staffOptions = {}) {
      return (await request('createStaffFeedback', { ...staffOptions, body })).data;
    },
  };
}

function stripUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

async function toSdkError(error: unknown, info: RequestInfo, signal: AbortSignal | undefined, timeout: number | false): Promise<unknown> {
  // An abort is the caller's own decision, not a failure: hand back what fetch would.
  if (signal?.aborted) return signal.reason;
  if (error instanceof HTTPError) {
    const response = error.response;
    let text = '';
    try {
      text = await response.text();
    } catch {
      // The body was lost with the connection; the status still says enough.
    }
    const retryAfter = parseRetryAfter(response.headers.get('retry-after'));
    return new ApiError(info, response.status, toProblem(response.status, response.statusText, text), {
      cause: error,
      ...(retryAfter === undefined ? {} : { retryAfter }),
    });
  }
  if (error instanceof KyTimeoutError) return new TimeoutError(info, timeout === false ? 0 : timeout, { cause: error });
  if (error instanceof Error && error.name === 'TypeError') return new NetworkError(info, { cause: error });
  return error;
}

async function readBody(route: RouteDef, response: Response, info: RequestInfo): Promise<unknown> {
  const def = route.responses[response.status] ?? Object.entries(route.responses).find(([status]) => Number(status) < 300)?.[1];
  if (!def?.schema || response.status === 204) {
    await response.body?.cancel().catch(() => undefined);
    return undefined;
  }
  let text: string;
  try {
    text = await response.text();
  } catch (cause) {
    throw new NetworkError(info, { cause });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (cause) {
    throw new ContractError(info, response.status, [{ path: '', message: 'The body is not JSON', code: 'invalid_json' }], text, { cause });
  }
  const parsed = z.safeParse(def.schema, json);
  if (!parsed.success) {
    throw new ContractError(info, response.status, toValidationIssues(parsed.error.issues), json, { cause: parsed.error });
  }
  return parsed.data;
}
