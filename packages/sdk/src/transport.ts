// The HTTP layer every operation goes through: ky, typed errors, and retries decided by each
// endpoint's retry class in the contract. Zod-free on purpose (only the contract's plain
// endpoint table and rules, plus type-only imports): browser bundles pay for no validator
// unless a caller passes `validate`.
import type { ValidationIssue } from '@civicloop/contract';
import { getCouncil, type Endpoint, type EndpointId } from '@civicloop/contract/endpoints';
import { IDEMPOTENCY_KEY_MAX, IDEMPOTENCY_KEY_MIN, isRetriableStatus } from '@civicloop/contract/rules';
import ky, { HTTPError, TimeoutError as KyTimeoutError } from 'ky';
import { ApiError } from './errors/api-error.js';
import { ContractError } from './errors/contract-error.js';
import { NetworkError } from './errors/network-error.js';
import { isSdkError } from './errors/guards.js';
import type { RequestInfo } from './errors/sdk-error.js';
import { TimeoutError } from './errors/timeout-error.js';
import { isIssue, parseRetryAfter, randomKey, toProblem } from './http.js';

/** When and how often a failed attempt is tried again. */
export interface RetryOptions {
  /**
   * Retries after the first attempt (so `2` means at most three attempts). `0` disables retries.
   * Endpoints whose retry class is `never` are never retried, whatever the limit.
   * @default 2
   */
  limit?: number;
  /**
   * Response statuses worth another attempt. Network errors are always retried; timeouts never
   * are (the server may still be working on the request, and the caller has waited enough).
   * A status the contract calls final (`isRetriableStatus` is false: every 4xx but 408, 429
   * and a 409 in flight) is never retried, even if listed.
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

/** Options of `createTransport` (and of `createClient`, which adds `validate: boolean`). */
export interface TransportOptions {
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
  /**
   * Checks a 2xx body and returns it (possibly transformed); throws to reject it. A thrown
   * value with `issues` (the contract's `ValidationIssue[]`) becomes a `ContractError` with
   * those issues; any other throw becomes a `ContractError` with its message. `createClient`
   * passes the contract's zod schemas here; the elements pass nothing.
   * @default undefined (2xx bodies are parsed as JSON, not checked)
   */
  validate?: (id: EndpointId, status: number, body: unknown) => unknown;
}

/** Options every operation accepts. */
export interface CallOptions {
  /**
   * Cancels the call, including waits between retries. The promise then rejects with the
   * signal's `reason` (an `AbortError` by default), not with an SDK error.
   * @default undefined
   */
  signal?: AbortSignal;
  /**
   * Extra headers for this call only; they override the transport's.
   * @default {}
   */
  headers?: Record<string, string>;
  /**
   * The browser's HTTP cache mode for this call, e.g. `'no-cache'` to ask the server again
   * (revalidating with the ETag) for an answer the cache would otherwise serve for a minute.
   * @default undefined (the fetch default)
   */
  // RequestCache's values, spelt out: a Node program's TypeScript has no DOM lib to name them.
  cache?: 'default' | 'force-cache' | 'no-cache' | 'no-store' | 'only-if-cached' | 'reload';
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
   * @default the transport's `token`
   */
  token?: string;
}

/** Options of a contact's own calls: the token from their email, sent as `Authorization: Bearer`. */
export interface ContactCallOptions extends CallOptions {
  /** The manage token (`#manage=`) or invitation token (`#invitation=`) from the email. */
  token: string;
}

/** What `Transport.call` sends besides the endpoint. */
export interface TransportInput extends StaffCallOptions {
  /** Path parameters besides `council`, e.g. `{ receipt }`. */
  params?: Record<string, string>;
  /** Query parameters; undefined ones are left out. */
  query?: Record<string, string | number | boolean | undefined>;
  /** JSON body, for endpoints that take one. */
  body?: unknown;
}

/** A successful answer with its metadata. */
export interface ApiResponse<T> {
  /** The body: parsed JSON (checked by `validate` when given); `undefined` when there is none. */
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

/** One council's API over HTTP. Operations (`getCouncil(t)`, ...) and the outbox use it. */
export interface Transport {
  /** The API base URL, without a trailing slash. */
  readonly baseUrl: string;
  /** The council slug every call addresses. */
  readonly council: string;
  /**
   * Sends one operation of the contract (named `call`, not `request`, so that a full client,
   * whose `request(id, input)` looks the endpoint up, is a transport too). `id` is its `operationId` (the key in the endpoint
   * table), `endpoint` its entry: passing the entry, not looking it up, is what lets a bundle
   * keep only the endpoints it calls. Rejects with `ApiError`, `NetworkError`, `TimeoutError`
   * or `ContractError`, or with the signal's reason on abort.
   */
  call<T = unknown>(id: EndpointId, endpoint: Endpoint, input?: TransportInput): Promise<ApiResponse<T>>;
}

/** How long the CORS probe may take: it only tells "reachable" from "not", so it is short. */
const PROBE_TIMEOUT_MS = 5_000;

/**
 * Creates the transport of one council's API: ky with typed errors, retries decided by each
 * endpoint's retry class (`safe` and `cheap` freely, `keyed` with the same Idempotency-Key,
 * `never` not at all), 429 and 503 honouring `Retry-After`. No response validation unless
 * `validate` is given.
 */
export function createTransport(options: TransportOptions): Transport {
  const baseUrl = new URL(String(options.baseUrl)).href.replace(/\/+$/, '');
  const council = options.council;
  const timeout = options.timeout ?? 10_000;
  const retry: RetryOptions = typeof options.retry === 'number' ? { limit: options.retry } : (options.retry ?? {});
  // The defaults that differ from ky's (its limit is 2 too, and it drops options given as undefined).
  const statusCodes = (retry.statusCodes ?? [429, 503]) as number[];
  const maxRetryAfter = retry.maxRetryAfter ?? 30_000;
  const fetchImpl = options.fetch;
  const councilUrl = baseUrl + getCouncil.path.replace('{council}', encodeURIComponent(council));
  const origin = new URL(baseUrl).origin;

  // Why a call got no answer, asked once for all the calls of this transport (one per API and
  // council on a page) that fail together, and kept once it is "refused": a refused page then
  // neither retries nor sends again (no answer will ever come), so a page with four elements does
  // not fill the editor's console with failed requests. Any other answer is asked afresh at the
  // next failure.
  let diagnosis: Promise<NoAnswer> | undefined;
  let refused: 'refused' | 'csp' | undefined;
  const diagnose = (url: string): Promise<NoAnswer> =>
    (diagnosis ??= whyNoAnswer(url, baseUrl, councilUrl, fetchImpl ?? globalThis.fetch).then((why) => {
      refused = why === 'refused' || why === 'csp' ? why : undefined;
      if (!refused) diagnosis = undefined;
      return why;
    }));
  const failed = (info: RequestInfo, why: NoAnswer | undefined, cause?: unknown) =>
    new NetworkError(info, { cause, blocked: why === 'refused', csp: why === 'csp' });
  watchConnectPolicy();

  async function call<T>(id: EndpointId, endpoint: Endpoint, input: TransportInput = {}): Promise<ApiResponse<T>> {
    const { signal } = input;
    const params: Record<string, string> = { ...input.params, council };
    const url = baseUrl + endpoint.path.replace(/\{(\w+)\}/g, (_, name: string) => {
      const value = params[name];
      if (value === undefined) throw new TypeError(`${id}: missing path parameter "${name}"`);
      return encodeURIComponent(value);
    });
    const method = endpoint.method.toUpperCase();
    const info: RequestInfo = { method, url };

    const headers = new Headers(options.headers);
    for (const [name, value] of Object.entries(input.headers ?? {})) headers.set(name, value);
    headers.set('accept', 'application/json, application/problem+json');
    let idempotencyKey: string | undefined;
    if (endpoint.retry === 'keyed') {
      idempotencyKey = input.idempotencyKey ?? randomKey();
      if (idempotencyKey.length < IDEMPOTENCY_KEY_MIN || idempotencyKey.length > IDEMPOTENCY_KEY_MAX) {
        throw new RangeError(`idempotencyKey must be ${IDEMPOTENCY_KEY_MIN} to ${IDEMPOTENCY_KEY_MAX} characters`);
      }
      headers.set('idempotency-key', idempotencyKey);
    }
    if (endpoint.auth === 'staff') {
      const token = input.token ?? options.token;
      if (token) headers.set('authorization', `Bearer ${token}`);
    } else if (endpoint.auth === 'contact' && input.token) {
      // A contact's own token from an email (manage, invitation); never the transport's staff token.
      headers.set('authorization', `Bearer ${input.token}`);
    }

    // Only what differs from ky's defaults (an undefined option is the same as none to ky, and
    // ky leaves out undefined query parameters).
    const send = (limit: number | undefined) =>
      ky(url, {
        method,
        headers,
        json: input.body,
        searchParams: input.query,
        signal,
        cache: input.cache,
        fetch: fetchImpl,
        timeout,
        retry: {
          limit,
          methods: [endpoint.method],
          statusCodes,
          afterStatusCodes: statusCodes,
          backoffLimit: retry.backoffLimit ?? 10_000,
          shouldRetry: async ({ error }) => {
            if (signal?.aborted) return false;
            if (error instanceof HTTPError) {
              // One policy for the transport and the outbox: a final status is never retried.
              if (!isRetriableStatus(error.response.status)) return false;
              const wait = parseRetryAfter(error.response.headers.get('retry-after'));
              return wait !== undefined && wait > maxRetryAfter ? false : undefined;
            }
            // fetch rejects with a TypeError when no HTTP answer came; anything else (a ky
            // timeout included) is a bug or an abort, and repeating it would not help. Nor does
            // repeating a request the council refuses to this page.
            if (!isFetchFailure(error)) return false;
            const why = await diagnose(url);
            return why === 'refused' || why === 'csp' ? false : undefined;
          },
        },
      });

    const response = await obtain().catch(async (error: unknown) => {
      // An abort is the caller's own decision, not a failure: hand back what fetch would.
      if (signal?.aborted) throw signal.reason;
      if (error instanceof HTTPError) {
        const answer = error.response;
        let text = '';
        try {
          text = await answer.text();
        } catch {
          // The body was lost with the connection; the status still says enough.
        }
        throw new ApiError(info, answer.status, toProblem(answer.status, answer.statusText, text), {
          cause: error,
          retryAfter: parseRetryAfter(answer.headers.get('retry-after')),
        });
      }
      throw error instanceof KyTimeoutError ? new TimeoutError(info, timeout || 0, { cause: error }) : error;
    });

    /** The response; when no answer came, a NetworkError that says whether the browser withheld it. */
    async function obtain(): Promise<Response> {
      if (refused) throw failed(info, refused);
      if (forbidden.has(origin)) throw failed(info, 'csp');
      try {
        return await send(endpoint.retry === 'never' ? 0 : retry.limit);
      } catch (error) {
        if (!isFetchFailure(error) || signal?.aborted) throw error;
        let why = await diagnose(url);
        // The server answers and this page may read it: the connection dropped. Once more (with
        // the same Idempotency-Key), and if that fails too, the reason is asked again.
        if (why === 'answering' && endpoint.retry !== 'never') {
          try {
            return await send(0);
          } catch (again) {
            if (!isFetchFailure(again) || signal?.aborted) throw again;
            why = await diagnose(url);
          }
        }
        throw failed(info, why, error);
      }
    }

    const data = await readBody(response, info);
    let checked = data;
    if (options.validate) {
      try {
        checked = options.validate(id, response.status, data);
      } catch (cause) {
        throw isSdkError(cause) ? cause : new ContractError(info, response.status, issuesOf(cause), data, { cause });
      }
    }
    return {
      data: checked as T,
      status: response.status,
      headers: response.headers,
      idempotencyKey,
      replayed: response.headers.get('idempotency-replayed') === 'true',
    };
  }

  return { baseUrl, council, call };
}

/** Where this code runs: a page with a real origin, one with an opaque origin, or no page (Node). */
function pageOrigin(): 'web' | 'opaque' | 'none' {
  const { location, origin } = globalThis as { location?: { origin: string; protocol: string }; origin?: string };
  if (!location) return 'none';
  // A sandboxed frame's `location.origin` is its URL's; its own (`self.origin`) is 'null'. `file:`
  // pages send `Origin: null` too, whatever `location.origin` says in a given browser.
  return origin === 'null' || location.origin === 'null' || location.protocol === 'file:' ? 'opaque' : 'web';
}

/**
 * Whether the server answers at all, asked in two ways that CORS cannot stop: a `no-cors`
 * request to the failed URL resolves (with an opaque response) whenever the server answers,
 * unless it sends `Cross-Origin-Resource-Policy: same-origin`; and a `HEAD` of the contract's
 * OpenAPI document, which every origin may read (`Access-Control-Allow-Origin: *`).
 * Either answering is enough.
 */
async function reachable(url: string, baseUrl: string, fetchImpl: typeof globalThis.fetch): Promise<boolean> {
  const init: RequestInit = { credentials: 'omit', cache: 'no-store', signal: AbortSignal.timeout(PROBE_TIMEOUT_MS) };
  try {
    await Promise.any([fetchImpl(url, { ...init, mode: 'no-cors' }), fetchImpl(`${baseUrl}/v1/openapi.json`, { ...init, method: 'HEAD', mode: 'cors' })]);
    return true;
  } catch {
    return false;
  }
}

/**
 * Why a call got no answer: `refused` when the browser withheld it because the council does not
 * allow this page's origin (CORS); `csp` when the page's own Content Security Policy forbade it;
 * `offline` when the server cannot be reached; `answering` when the server answers and this page
 * may read it (the connection dropped once).
 */
type NoAnswer = 'refused' | 'csp' | 'offline' | 'answering';

/**
 * Origins this page's Content Security Policy forbade connecting to, as the browser reported
 * them. A request the policy stops fails like one sent offline (a TypeError, and the probes that
 * would tell them apart are stopped too); only the browser's `securitypolicyviolation` event
 * says why, and some browsers (Chromium) fire it only after the request has failed. So the
 * first failure may be told "offline"; every call after the report is refused at once as `csp`,
 * without a request. One listener per page, added with the first transport.
 */
const forbidden = new Set<string>();

/**
 * Whether this page's Content Security Policy was reported to forbid connecting to `url`'s
 * origin (see `NetworkError.csp`). The report comes a moment after the request that failed: a
 * page that saw a call fail as offline can ask again on the page's `securitypolicyviolation`
 * event, and a call then made fails at once as `csp`. Always false outside browsers.
 */
export function policyForbids(url: string | URL): boolean {
  return forbidden.has(new URL(url).origin);
}

let watching = false;
function watchConnectPolicy(): void {
  if (watching || typeof document === 'undefined') return;
  watching = true;
  document.addEventListener('securitypolicyviolation', (event) => {
    if (event.disposition !== 'enforce' || event.effectiveDirective !== 'connect-src') return;
    try {
      forbidden.add(new URL(event.blockedURI).origin);
    } catch {
      // Not a URL ("inline", "eval"): not a connection.
    }
  });
}

/**
 * A page with an opaque origin (a file, a sandboxed frame) is refused by every council; outside a
 * browser nothing is (no CORS there), and no probe is sent. A server no probe reaches is `csp`
 * when the page's policy was reported to forbid its origin, else offline. Otherwise: refused only when the
 * server answers a probe CORS cannot stop, a read of the council's configuration (which every page
 * the council allows may make) gets no answer either, and the server still answers after that: a
 * flaky link must never be called a refusal for good.
 */
async function whyNoAnswer(url: string, baseUrl: string, councilUrl: string, fetchImpl: typeof globalThis.fetch): Promise<NoAnswer> {
  const page = pageOrigin();
  if (page !== 'web') return page === 'opaque' ? 'refused' : 'offline';
  if (!(await reachable(url, baseUrl, fetchImpl))) return forbidden.has(new URL(url).origin) ? 'csp' : 'offline';
  try {
    await fetchImpl(councilUrl, { credentials: 'omit', cache: 'no-store', signal: AbortSignal.timeout(PROBE_TIMEOUT_MS) });
    return 'answering';
  } catch (error) {
    return isFetchFailure(error) && (await reachable(url, baseUrl, fetchImpl)) ? 'refused' : 'offline';
  }
}

/** fetch rejects with a TypeError when no HTTP answer came (or CORS withheld it). */
function isFetchFailure(error: unknown): boolean {
  // ky's own errors are named HTTPError and TimeoutError, so the name alone tells them apart.
  return error instanceof Error && error.name === 'TypeError';
}

function issuesOf(thrown: unknown): ValidationIssue[] {
  const issues = (thrown as { issues?: unknown } | null)?.issues;
  // The same check as a problem's `errors`: only `ValidationIssue`s are passed on as issues.
  if (Array.isArray(issues) && issues.every(isIssue)) return issues;
  return [{ path: '', message: thrown instanceof Error ? thrown.message : String(thrown), code: 'invalid' }];
}

/**
 * The 2xx body as JSON; `undefined` when there is none (an empty body: a 204 or 205 always has
 * one, since a Response with a null-body status cannot be given a body).
 */
async function readBody(response: Response, info: RequestInfo): Promise<unknown> {
  let text: string;
  try {
    text = await response.text();
  } catch (cause) {
    throw new NetworkError(info, { cause });
  }
  if (text === '') return undefined;
  // The contract's text documents (a CSV export, the Atom feed) are the body as it is; any other
  // non-JSON body (a captive portal's page) stays a contract breach below.
  if (/^\s*(text\/csv|application\/atom\+xml)\s*(;|$)/i.test(response.headers.get('content-type') ?? '')) return text;
  try {
    return JSON.parse(text) as unknown;
  } catch (cause) {
    throw new ContractError(info, response.status, [{ path: '', message: 'The body is not JSON', code: 'invalid_json' }], text, { cause });
  }
}
