// The outbox owns submissions and their outcomes. A submission that cannot go now for a reason
// a retry can fix is kept (`queued`) in IndexedDB under its Idempotency-Key and re-sent later;
// what happened to it (`delivered` with the answer, or `refused` with the resident's words) is
// kept too, under the `scope` of whoever shows it, until that one `acknowledge`s it. Order never
// depends on timers: a form that starts listening late reads the outcome from `records()`.
// Zod-free: it talks through a `Transport` and reads the queue policy from the contract's rules.
import type { ContactAccepted, ContactCreate, FeedbackCreate, FeedbackCreated, StaffFeedbackCreate } from '@civicloop/contract';
import { createContact, createFeedback, createStaffFeedback, type Endpoint, type KeyedEndpointId } from '@civicloop/contract/endpoints';
import { isRetriableStatus } from '@civicloop/contract/rules';
import { createStore, del, get, set, values, type UseStore } from 'idb-keyval';
import { isApiError, isContractError, isNetworkError, isSdkError, isTimeoutError } from './errors/guards.js';
import type { SdkError } from './errors/sdk-error.js';
import { randomKey } from './http.js';
import { createTransport, type Transport } from './transport.js';

/** Where a record stands: waiting on this device, delivered, or refused for good. */
export type RecordState = 'queued' | 'delivered' | 'refused';

/** Where a record goes: the API and the council. */
export interface OutboxTarget {
  baseUrl: string;
  council: string;
}

/** Why a record was refused (or, while queued, why the last attempt failed). */
export interface RecordError {
  /** HTTP status of the refusal, if the server gave one. */
  status?: number;
  /** RFC 9457 problem `type`, e.g. `urn:civicloop:problem:validation-failed`. */
  problemType?: string;
  /** The SDK error's message (for logs, not for residents). */
  message: string;
  /** The browser refused to let this page read the answer (CORS, opaque origin), or to send it (`csp`). */
  blocked?: boolean;
  /** The page's own Content Security Policy forbade connecting to the API (`NetworkError.csp`). */
  csp?: boolean;
}

/** One submission and, once settled, its outcome. */
export interface OutboxRecord<Op extends KeyedEndpointId = KeyedEndpointId> extends OutboxTarget {
  /** The Idempotency-Key, sent with every attempt; also the record's id. */
  key: string;
  operation: Op;
  /** Who shows the outcome, e.g. `feedback:riverside:libraries:form-1`. */
  scope: string | undefined;
  state: RecordState;
  /**
   * What was sent: kept while queued and when refused (the resident's words, to show or copy);
   * dropped once delivered, so the device keeps no more of it than needed.
   */
  body: BodyOf<Op> | undefined;
  /** Delivered: the 2xx body (for `createFeedback`, the receipt). */
  result: ResultOf<Op> | undefined;
  /** Delivered: the server answered from its idempotency store (an earlier attempt had arrived). */
  replayed?: boolean;
  /** Refused: why. Queued: why the last attempt failed. */
  error: RecordError | undefined;
  /** When it was first kept, epoch ms from the outbox's clock; records go oldest first. */
  queuedAt: number;
  /** When it was delivered or refused. */
  settledAt: number | undefined;
  /** Attempts made so far, the first one included. */
  attempts: number;
}

/** Body and answer of each keyed operation. */
interface Operations {
  createFeedback: { body: FeedbackCreate; result: FeedbackCreated };
  createStaffFeedback: { body: StaffFeedbackCreate; result: FeedbackCreated };
  createContact: { body: ContactCreate; result: ContactAccepted };
}
type BodyOf<Op extends KeyedEndpointId> = Op extends keyof Operations ? Operations[Op]['body'] : unknown;
type ResultOf<Op extends KeyedEndpointId> = Op extends keyof Operations ? Operations[Op]['result'] : unknown;

/** A record reached a state: kept (`queued`), `delivered` or `refused` for good. */
export interface OutboxEvent {
  type: RecordState;
  record: OutboxRecord;
}

/** What `send` resolves to. */
export type SendResult<Op extends KeyedEndpointId = KeyedEndpointId> =
  /** The server has it; nothing is kept. */
  | { state: 'delivered'; key: string; result: ResultOf<Op>; replayed: boolean }
  /** Kept on this device; a later `flush` sends it. `error` says why it could not go now. */
  | { state: 'queued'; key: string; error: SdkError }
  /**
   * Refused for good (a 4xx other than 408, a 409 in flight and 429; a council that does not
   * exist; a page the council does not allow: `NetworkError.blocked`; 429 on this first send,
   * with `ApiError.retryAfter` to show). Nothing is kept: the caller still holds the body.
   */
  | { state: 'refused'; key: string; error: SdkError };

/** What one `flush` did. */
export interface FlushReport {
  delivered: number;
  refused: number;
  /** Still queued (their target failed again for a reason a retry may fix). */
  remaining: number;
}

/** Options of `createOutbox`. */
export interface OutboxOptions {
  /**
   * The transport `send` uses (a `CivicLoopClient` is one), or a function returning the current
   * one, read at every `send` (an element whose `api` attribute changes keeps working).
   */
  transport: Transport | (() => Transport);
  /**
   * Makes a transport for a record whose target is not the current transport's, e.g. one kept
   * on another page of the same site.
   * @default target => createTransport(target) (no response validation)
   */
  transportFor?: (target: OutboxTarget) => Transport;
  /**
   * IndexedDB database name. Records of every outbox with the same name are delivered by
   * whichever flushes first, and every outbox of the page on it hears the events.
   * @default 'civicloop-outbox'
   */
  database?: string;
  /**
   * Flush at creation (leftovers of an earlier page), when the browser comes back `online`
   * and when the page becomes visible again.
   * @default true
   */
  autoFlush?: boolean;
  /**
   * While something waits, try again after this many milliseconds even without an `online`
   * or `visibilitychange` event (a server that was down comes back without the browser
   * noticing). A server's `Retry-After` lengthens the wait. `false` turns it off.
   * @default 30000
   */
  retryInterval?: number | false;
  /**
   * Called before each re-send of a kept record; returns the body to send this time, e.g. with
   * a fresh proof of work in place of one that expired while the device was offline. It must
   * not change what the record says (the server matches the Idempotency-Key against the body,
   * anti-abuse fields aside). If it throws, the body is sent as kept.
   * @default undefined (sent as kept)
   */
  prepare?: (record: OutboxRecord, transport: Transport) => Promise<unknown> | unknown;
  /**
   * The clock, in epoch milliseconds: `queuedAt`, `settledAt` and the outcome TTL read it.
   * @default Date.now
   */
  now?: () => number;
  /**
   * Outcomes (`delivered`, `refused`) nobody acknowledged are purged this long after they
   * settled. Queued records are never purged.
   * @default 2592000000 (30 days, the reference server's Idempotency-Key retention)
   */
  outcomeTtlMs?: number;
}

/** The outbox: nothing a resident sends is lost, stored twice, or called "will be sent" when it never can be. */
export interface Outbox {
  /**
   * Sends now. `delivered`: the answer (nothing kept). `queued`: kept, after a failure a retry
   * can fix (network, timeout, 5xx, 408, 409 in flight). `refused`: refused for good (nothing
   * kept; see `SendResult`). Never rejects for HTTP or network outcomes; rejects on programming
   * errors, with the signal's reason on abort, and with the delivery error when IndexedDB
   * cannot keep a submission that should be queued.
   */
  send<Op extends KeyedEndpointId>(
    operation: Op,
    body: BodyOf<Op>,
    options?: { idempotencyKey?: string; scope?: string; signal?: AbortSignal },
  ): Promise<SendResult<Op>>;
  /**
   * Re-sends queued records oldest first, one at a time, each with its own key. A record
   * refused for good moves to `refused` and never holds back the others; a retriable failure
   * holds back only later records of the same target (API and council). Flushes never overlap
   * (in the page, and across tabs with Web Locks).
   */
  flush(): Promise<FlushReport>;
  /** Records, oldest first, filtered by scope and/or state (expired outcomes purged first). */
  records(filter?: { scope?: string; state?: RecordState }): Promise<OutboxRecord[]>;
  /** Whoever shows an outcome saw it: the delivered or refused record is removed (a queued one stays). */
  acknowledge(key: string): Promise<void>;
  /** The resident chose not to send it (or dismissed a refusal): removed, and returned so its text can be copied. */
  discard(key: string): Promise<OutboxRecord | undefined>;
  /** Events of every outbox of this page on the same database; returns the unsubscribe function. */
  subscribe(listener: (event: OutboxEvent) => void): () => void;
  /** Removes this outbox's listeners, DOM event handlers and timer; what is stored stays stored. */
  close(): void;
}

const DEFAULT_DATABASE = 'civicloop-outbox';
// The object store of the first outbox, kept so that what an earlier version queued is still sent.
const STORE = 'submissions';
const DEFAULT_OUTCOME_TTL_MS = 30 * 24 * 3600_000;

/** The keyed endpoints by id: all an outbox can hold. */
const KEYED: Record<KeyedEndpointId, Endpoint> = { createFeedback, createStaffFeedback, createContact };

/**
 * Whether sending the same request again later could succeed: no answer (but not `blocked`),
 * a timeout, a status `isRetriableStatus` accepts, or a 2xx that was not JSON (a captive
 * portal's page: the request never reached the API). Everything else is final.
 */
export function isRetriable(error: unknown): boolean {
  if (isNetworkError(error)) return !error.blocked;
  if (isTimeoutError(error)) return true;
  if (isApiError(error)) return isRetriableStatus(error.status, error.problem.type);
  if (isContractError(error)) return error.issues.some((issue) => issue.code === 'invalid_json');
  return false;
}

// The last flush per database in this realm, shared by every outbox of the page: the next one
// runs after it, so flushes never overlap.
const running = new Map<string, Promise<unknown>>();
// Listeners per database, shared by every outbox of the page: whichever outbox delivers a
// record, the form waiting for it hears it, even through another outbox.
const buses = new Map<string, Set<(event: OutboxEvent) => void>>();
// Keeps `queuedAt` strictly increasing within a page, so order survives two sends in one ms.
let lastQueuedAt = 0;

/** Creates the outbox (IndexedDB through idb-keyval). Browser only. */
export function createOutbox(options: OutboxOptions): Outbox {
  const database = options.database ?? DEFAULT_DATABASE;
  const retryInterval = options.retryInterval ?? 30_000;
  const now = options.now ?? Date.now;
  const ttl = options.outcomeTtlMs ?? DEFAULT_OUTCOME_TTL_MS;
  const current = typeof options.transport === 'function' ? options.transport : () => options.transport as Transport;
  const transportFor = options.transportFor ?? ((target: OutboxTarget) => createTransport(target));
  // This page's listeners on the database, and which of them subscribed through this outbox.
  const bus = buses.get(database) ?? new Set();
  buses.set(database, bus);
  const listeners = new Set<(event: OutboxEvent) => void>();
  let store: UseStore | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let closed = false;

  // Opened on first use, so that importing the SDK where there is no IndexedDB costs nothing.
  const db = () => (store ??= createStore(database, STORE));
  const read = async (key: string) => normalize(await get(key, db()));
  // Flushes started by an event or a timer: a failure is the next one's to retry.
  const flushSoon = () => void flush().catch(() => undefined);

  function emit(type: RecordState, record: OutboxRecord) {
    const event: OutboxEvent = { type, record };
    for (const listener of [...bus]) {
      try {
        listener(event);
      } catch (error) {
        // One faulty listener must not stop deliveries or other listeners; report it unhandled.
        queueMicrotask(() => {
          throw error;
        });
      }
    }
  }

  function schedule(after: number | undefined) {
    if (closed || retryInterval === false) return;
    clearTimeout(timer);
    timer = setTimeout(flushSoon, Math.max(retryInterval, after ?? 0));
  }

  /** Every record, oldest first, after purging outcomes older than the TTL. */
  async function all(): Promise<OutboxRecord[]> {
    const stored = (await values<unknown>(db())).map(normalize).filter((r): r is OutboxRecord => r !== undefined);
    const kept: OutboxRecord[] = [];
    const at = now();
    for (const record of stored) {
      if (record.state !== 'queued' && at - (record.settledAt ?? record.queuedAt) > ttl) await del(record.key, db());
      else kept.push(record);
    }
    return kept.sort((a, b) => a.queuedAt - b.queuedAt || a.key.localeCompare(b.key));
  }

  function transportOf(target: OutboxTarget): Transport {
    const transport = current();
    return transport.baseUrl === target.baseUrl && transport.council === target.council ? transport : transportFor(target);
  }

  /** Writes `next` unless the record was discarded (or settled elsewhere) meanwhile. */
  async function settle(next: OutboxRecord): Promise<boolean> {
    if ((await read(next.key))?.state !== 'queued') return false;
    await set(next.key, next, db());
    return true;
  }

  async function flushOnce(): Promise<FlushReport> {
    const report: FlushReport = { delivered: 0, refused: 0, remaining: 0 };
    const heldBack = new Set<string>();
    let wait: number | undefined;
    for (const record of await all()) {
      if (record.state !== 'queued') continue;
      const target = `${record.baseUrl} ${record.council}`;
      if (heldBack.has(target)) {
        // The same API just failed for a reason a retry may fix: keep this one's order behind it.
        report.remaining++;
        continue;
      }
      const attempts = record.attempts + 1;
      try {
        const transport = transportOf(record);
        let body: unknown = record.body;
        if (options.prepare) {
          try {
            body = await options.prepare(record, transport);
          } catch {
            // Sent as kept; if that is refused, the resident is told and keeps their text.
          }
        }
        const response = await transport.call(record.operation, KEYED[record.operation], { body, idempotencyKey: record.key });
        const delivered: OutboxRecord = {
          ...record,
          state: 'delivered',
          body: undefined,
          result: response.data as OutboxRecord['result'],
          replayed: response.replayed,
          error: undefined,
          settledAt: now(),
          attempts,
        };
        report.delivered++;
        // Discarded while in flight: the server has it all the same, so say so, keep nothing.
        await settle(delivered);
        emit('delivered', delivered);
      } catch (error) {
        // Anything else (an SDK error a retry cannot fix, or a record no transport can send,
        // e.g. a stored base URL that is not one) is refused: it must not hold back the rest.
        if (isRetriable(error)) {
          await settle({ ...record, attempts, error: describe(error) });
          heldBack.add(target);
          report.remaining++;
          if (isApiError(error) && error.retryAfter !== undefined) wait = Math.max(wait ?? 0, error.retryAfter);
          continue;
        }
        const refused: OutboxRecord = { ...record, state: 'refused', error: describe(error), settledAt: now(), attempts };
        report.refused++;
        if (await settle(refused)) emit('refused', refused);
      }
    }
    if (report.remaining > 0) schedule(wait);
    return report;
  }

  function flush(): Promise<FlushReport> {
    // A flush that is already running may have read the list before a newer record was kept;
    // chain one more run after it rather than returning its report.
    const next = (running.get(database) ?? Promise.resolve()).then(() => withLock(`civicloop-outbox:${database}`, flushOnce));
    // What the next flush waits for: this one, settled either way (its caller hears its failure).
    running.set(database, next.catch(() => undefined));
    return next;
  }

  async function send<Op extends KeyedEndpointId>(
    operation: Op,
    body: BodyOf<Op>,
    sendOptions: { idempotencyKey?: string; scope?: string; signal?: AbortSignal } = {},
  ): Promise<SendResult<Op>> {
    const endpoint = KEYED[operation];
    if (!endpoint) throw new TypeError(`The outbox sends keyed operations only, not "${String(operation)}"`);
    const transport = current();
    const key = sendOptions.idempotencyKey ?? randomKey();
    try {
      const response = await transport.call<ResultOf<Op>>(operation, endpoint, { body, idempotencyKey: key, signal: sendOptions.signal });
      return { state: 'delivered', key, result: response.data, replayed: response.replayed };
    } catch (error) {
      // An abort (the caller's own decision) and programming errors are not outcomes.
      if (!isSdkError(error)) throw error;
      // A rate limit refuses this sender, not the network: kept, it would only be re-sent into
      // the same limit. The caller shows `retryAfter`. (Kept records that meet one simply wait.)
      if (!isRetriable(error) || (isApiError(error) && error.status === 429)) return { state: 'refused', key, error };
      lastQueuedAt = Math.max(now(), lastQueuedAt + 1);
      const record: OutboxRecord<Op> = {
        key,
        operation,
        scope: sendOptions.scope,
        baseUrl: transport.baseUrl,
        council: transport.council,
        state: 'queued',
        body,
        result: undefined,
        error: describe(error),
        queuedAt: lastQueuedAt,
        settledAt: undefined,
        attempts: 1,
      };
      try {
        await set(key, record, db());
      } catch {
        // Could not keep it (no IndexedDB, private mode, quota): the caller must know it is not sent.
        throw error;
      }
      emit('queued', record as OutboxRecord);
      schedule(isApiError(error) ? error.retryAfter : undefined);
      return { state: 'queued', key, error };
    }
  }

  const onVisible = () => {
    if (document.visibilityState === 'visible') flushSoon();
  };
  if (options.autoFlush ?? true) {
    // Outside a page (Node) there is neither: `globalThis` is no event target there.
    globalThis.addEventListener?.('online', flushSoon);
    globalThis.document?.addEventListener('visibilitychange', onVisible);
    // No need to wait for listeners: an outcome is kept until acknowledged, so whoever shows it
    // finds it with `records({ scope })`, whenever it starts looking.
    flushSoon();
  }

  return {
    send,
    flush,
    async records(filter = {}) {
      return (await all()).filter((r) => (!('scope' in filter) || r.scope === filter.scope) && (filter.state === undefined || r.state === filter.state));
    },
    async acknowledge(key) {
      const record = await read(key);
      if (record && record.state !== 'queued') await del(key, db());
    },
    async discard(key) {
      const record = await read(key);
      if (record) await del(key, db());
      return record;
    },
    subscribe(listener) {
      // Wrapped, so that one function subscribed twice has two independent unsubscribes.
      const entry = (event: OutboxEvent) => listener(event);
      bus.add(entry);
      listeners.add(entry);
      return () => {
        bus.delete(entry);
        listeners.delete(entry);
      };
    },
    close() {
      closed = true;
      clearTimeout(timer);
      globalThis.removeEventListener?.('online', flushSoon);
      globalThis.document?.removeEventListener('visibilitychange', onVisible);
      for (const entry of listeners) bus.delete(entry);
      listeners.clear();
    },
  };
}

/** What a record keeps of an error: plain data, storable in IndexedDB. */
function describe(error: unknown): RecordError {
  const out: RecordError = { message: error instanceof Error ? error.message : String(error) };
  if (isApiError(error)) {
    out.status = error.status;
    out.problemType = error.problem.type;
  }
  if (isNetworkError(error) && error.blocked) out.blocked = true;
  if (isNetworkError(error) && error.csp) out.csp = true;
  return out;
}

/**
 * A stored value as a record. Submissions queued by the first outbox (before records had a
 * state) are queued records: they are still sent.
 */
function normalize(value: unknown): OutboxRecord | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const v = value as Partial<OutboxRecord> & { lastError?: string };
  if (typeof v.key !== 'string' || typeof v.operation !== 'string' || !(v.operation in KEYED)) return undefined;
  if (v.state !== undefined) return v as OutboxRecord;
  return {
    key: v.key,
    operation: v.operation,
    scope: undefined,
    baseUrl: String(v.baseUrl),
    council: String(v.council),
    state: 'queued',
    body: v.body,
    result: undefined,
    error: v.lastError ? { message: v.lastError } : undefined,
    queuedAt: Number(v.queuedAt) || 0,
    settledAt: undefined,
    attempts: Number(v.attempts) || 1,
  };
}

/** Runs `fn` holding a Web Lock when the browser has them, so two tabs never flush at once. */
async function withLock<T>(name: string, fn: () => Promise<T>): Promise<T> {
  const locks = typeof navigator !== 'undefined' ? (navigator as Navigator & { locks?: LockManager }).locks : undefined;
  if (!locks) return fn();
  return locks.request(name, fn) as Promise<T>;
}
