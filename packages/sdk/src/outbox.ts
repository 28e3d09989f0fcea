import { PROBLEM_TYPES, type RouteId, type routes } from '@civicloop/contract';
import { createStore, del, get, set, values, type UseStore } from 'idb-keyval';
import { createClient, type CivicLoopClient, type RouteInput, type RouteOutput } from './client.js';
import { isApiError, isNetworkError, isSdkError, isTimeoutError } from './errors/guards.js';
import type { SdkError } from './errors/sdk-error.js';
import { randomKey } from './http.js';

/** Operations the outbox can hold: creating POSTs, whose Idempotency-Key makes re-sending safe. */
export type OutboxOperation = {
  [K in RouteId]: (typeof routes)[K] extends { idempotent: true } ? K : never;
}[RouteId];

/** Where a stored submission goes. */
export interface OutboxTarget {
  baseUrl: string;
  council: string;
}

/** A submission kept on this device until the server has it. */
export interface QueuedSubmission<Op extends OutboxOperation = OutboxOperation> extends OutboxTarget {
  /** The Idempotency-Key, sent with every attempt; also the submission's id. */
  key: string;
  operation: Op;
  body: RouteInput<Op>['body'];
  /** When it was first kept, in epoch milliseconds; the outbox delivers in this order. */
  queuedAt: number;
  /** Attempts made so far, the first (failed) one included. */
  attempts: number;
  /** Message of the last failure. */
  lastError: string;
}

/** What `send` resolves to. */
export type SendResult<Op extends OutboxOperation = OutboxOperation> =
  | { state: 'delivered'; key: string; result: RouteOutput<Op>; replayed: boolean }
  /** Kept on this device; it will be sent by a later `flush`. `error` says why it could not go now. */
  | { state: 'queued'; key: string; error: SdkError };

/** What a subscriber hears about submissions that were queued. */
export type OutboxEvent =
  | { type: 'queued'; key: string; submission: QueuedSubmission }
  /** A queued submission reached the server (`replayed`: it had already arrived before). */
  | { type: 'delivered'; key: string; result: unknown; replayed: boolean; submission: QueuedSubmission }
  /**
   * The server refused a queued submission for good (a 4xx a retry cannot fix). It is no longer
   * kept; `submission.body` still holds what the resident wrote, so it can be shown to them.
   */
  | { type: 'failed'; key: string; error: unknown; submission: QueuedSubmission };

/** What one `flush` did. */
export interface FlushReport {
  delivered: number;
  failed: number;
  /** Still waiting (the first of them failed again for a reason a retry may fix). */
  remaining: number;
}

/** Options of `createOutbox`. */
export interface OutboxOptions {
  /**
   * The client `send` uses, or a function returning the current one (read at every `send`, so
   * an element whose `api` attribute changes keeps working).
   */
  client: CivicLoopClient | (() => CivicLoopClient);
  /**
   * Makes a client for a stored submission whose target (base URL and council) is not the
   * current client's, e.g. one queued on another page of the same site.
   * @default target => createClient(target)
   */
  clientFor?: (target: OutboxTarget) => CivicLoopClient;
  /**
   * IndexedDB database name. Submissions of every outbox with the same name are delivered
   * by whichever flushes first.
   * @default 'civicloop-outbox'
   */
  database?: string;
  /**
   * Flush on creation (a previous page's leftovers), when the browser comes back `online` and
   * when the page becomes visible again.
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
   * Called before each re-send of a kept submission; returns the body to send this time, e.g.
   * with a fresh proof of work in place of one that expired while the device was offline. It
   * must not change what the submission says: the server matches the Idempotency-Key against
   * the body (anti-abuse fields aside). It gets the client the re-send goes through. If it
   * throws, the body is sent as it was kept.
   */
  prepare?: (submission: QueuedSubmission, client: CivicLoopClient) => Promise<QueuedSubmission['body']> | QueuedSubmission['body'];
}

/** The offline outbox: nothing a resident sends is lost, nothing is stored twice. */
export interface Outbox {
  /**
   * Sends now. If it cannot be delivered for a reason a retry can fix (no network, timeout,
   * 5xx, the same key still in flight) it is kept on this device with its Idempotency-Key
   * and `{state: 'queued'}` is returned. Any other failure (a 4xx, a 429 rate limit whose
   * `retryAfter` the caller can show, a contract violation, an abort) is thrown and nothing
   * is kept. If the device cannot store it, the delivery error is
   * thrown, so the caller still knows it was not sent.
   */
  send<Op extends OutboxOperation>(
    operation: Op,
    body: RouteInput<Op>['body'],
    options?: { idempotencyKey?: string; signal?: AbortSignal },
  ): Promise<SendResult<Op>>;
  /**
   * Re-sends every kept submission, oldest first, one at a time, each with its original key.
   * Stops at the first that fails again for a reason a retry can fix. Calls made while a flush
   * runs (in this page, or with Web Locks in another tab) wait for it instead of sending twice.
   */
  flush(): Promise<FlushReport>;
  /** The submissions waiting on this device, oldest first. */
  pending(): Promise<QueuedSubmission[]>;
  /** Forgets a waiting submission (the resident chose not to send it after all). */
  discard(key: string): Promise<void>;
  /**
   * Listens to `queued`, `delivered` and `failed` of every outbox of this page on the same
   * database (filter by `key`); returns the function that stops listening.
   */
  subscribe(listener: (event: OutboxEvent) => void): () => void;
  /** Removes this outbox's listeners, DOM event handlers and timer; what is stored stays stored. */
  close(): void;
}

const DEFAULT_DATABASE = 'civicloop-outbox';
const STORE = 'submissions';

/** Whether sending the same request again later could succeed. */
export function isRetriable(error: unknown): boolean {
  if (isNetworkError(error) || isTimeoutError(error)) return true;
  if (!isApiError(error)) return false;
  const { status } = error;
  return status >= 500 || status === 429 || status === 408 || (status === 409 && error.problem.type === PROBLEM_TYPES.idempotencyInFlight);
}

// One flush at a time per database in this realm, shared by every outbox of the page.
const running = new Map<string, Promise<FlushReport>>();
// Listeners per database, shared by every outbox of the page: whichever outbox delivers a
// submission, the form that is waiting for it hears it, even through another outbox.
const buses = new Map<string, Set<(event: OutboxEvent) => void>>();
// Keeps `queuedAt` strictly increasing within a page, so order survives two sends in one ms.
let lastQueuedAt = 0;

/** Creates the offline outbox (IndexedDB through idb-keyval). Browser only. */
export function createOutbox(options: OutboxOptions): Outbox {
  const database = options.database ?? DEFAULT_DATABASE;
  const retryInterval = options.retryInterval ?? 30_000;
  const current = typeof options.client === 'function' ? options.client : () => options.client as CivicLoopClient;
  const clientFor = options.clientFor ?? ((target: OutboxTarget) => createClient(target));
  const listeners = new Set<(event: OutboxEvent) => void>();
  let store: UseStore | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let closed = false;

  // Opened on first use, so that importing the SDK where there is no IndexedDB costs nothing.
  const db = () => (store ??= createStore(database, STORE));

  function emit(event: OutboxEvent) {
    for (const listener of [...(buses.get(database) ?? [])]) {
      try {
        listener(event);
      } catch (error) {
        // One faulty listener must not stop deliveries or other listeners.
        setTimeout(() => {
          throw error;
        });
      }
    }
  }

  function schedule(after: number | undefined) {
    if (closed || retryInterval === false) return;
    clearTimeout(timer);
    timer = setTimeout(() => void flush().catch(() => undefined), Math.max(retryInterval, after ?? 0));
  }

  async function pending(): Promise<QueuedSubmission[]> {
    const all = (await values<QueuedSubmission>(db())).filter(Boolean);
    return all.sort((a, b) => a.queuedAt - b.queuedAt || a.key.localeCompare(b.key));
  }

  function clientOf(target: OutboxTarget): CivicLoopClient {
    const client = current();
    return client.baseUrl === target.baseUrl && client.council === target.council ? client : clientFor(target);
  }

  async function flushOnce(): Promise<FlushReport> {
    const report: FlushReport = { delivered: 0, failed: 0, remaining: 0 };
    const items = await pending();
    for (let i = 0; i < items.length; i++) {
      const item = items[i]!;
      try {
        const client = clientOf(item);
        let body = item.body;
        if (options.prepare) {
          try {
            body = await options.prepare(item, client);
          } catch {
            // Sent as kept; if that is refused, the resident is told and gets their text back.
          }
        }
        const response = await client.request(item.operation, { body, idempotencyKey: item.key } as RouteInput<OutboxOperation>);
        await del(item.key, db());
        report.delivered++;
        emit({ type: 'delivered', key: item.key, result: response.data, replayed: response.replayed, submission: item });
      } catch (error) {
        if (isRetriable(error)) {
          // Unless it was discarded meanwhile, count the attempt.
          if (await get(item.key, db())) await set(item.key, { ...item, attempts: item.attempts + 1, lastError: messageOf(error) }, db());
          report.remaining = items.length - i;
          // Later ones would meet the same outage; keeping order matters more than trying them.
          schedule(isApiError(error) ? error.retryAfter : undefined);
          return report;
        }
        await del(item.key, db());
        report.failed++;
        emit({ type: 'failed', key: item.key, error, submission: item });
      }
    }
    return report;
  }

  function flush(): Promise<FlushReport> {
    const inFlight = running.get(database);
    // A flush that is already running may have read the list before a newer submission was
    // kept; chain one more run after it rather than returning its report.
    const next = (inFlight ?? Promise.resolve()).catch(() => undefined).then(() => withLock(`civicloop-outbox:${database}`, flushOnce));
    running.set(database, next);
    void next.finally(() => {
      if (running.get(database) === next) running.delete(database);
    }).catch(() => undefined);
    return next;
  }

  async function send<Op extends OutboxOperation>(
    operation: Op,
    body: RouteInput<Op>['body'],
    sendOptions: { idempotencyKey?: string; signal?: AbortSignal } = {},
  ): Promise<SendResult<Op>> {
    const client = current();
    const key = sendOptions.idempotencyKey ?? randomKey();
    try {
      const input = { body, idempotencyKey: key, ...(sendOptions.signal ? { signal: sendOptions.signal } : {}) } as unknown as RouteInput<Op>;
      const response = await client.request(operation, input);
      return { state: 'delivered', key, result: response.data, replayed: response.replayed };
    } catch (error) {
      // A rate limit refuses this sender, not the network: kept, it would only be re-sent into
      // the same limit. (Already kept submissions that meet one simply wait, see flushOnce.)
      if (!isRetriable(error) || !isSdkError(error) || (isApiError(error) && error.status === 429)) throw error;
      lastQueuedAt = Math.max(Date.now(), lastQueuedAt + 1);
      const submission: QueuedSubmission<Op> = {
        key,
        operation,
        body,
        baseUrl: client.baseUrl,
        council: client.council,
        queuedAt: lastQueuedAt,
        attempts: 1,
        lastError: error.message,
      };
      try {
        await set(key, submission, db());
      } catch {
        // Could not keep it (no IndexedDB, private mode, quota): the caller must know it is not sent.
        throw error;
      }
      emit({ type: 'queued', key, submission: submission as QueuedSubmission });
      schedule(isApiError(error) ? error.retryAfter : undefined);
      return { state: 'queued', key, error };
    }
  }

  const onOnline = () => void flush().catch(() => undefined);
  const onVisible = () => {
    if (document.visibilityState === 'visible') void flush().catch(() => undefined);
  };
  if (options.autoFlush ?? true) {
    if (typeof window !== 'undefined') window.addEventListener('online', onOnline);
    if (typeof document !== 'undefined') document.addEventListener('visibilitychange', onVisible);
    // After the current task, so callers can subscribe before the first deliveries.
    setTimeout(() => {
      if (!closed) void flush().catch(() => undefined);
    });
  }

  return {
    send,
    flush,
    pending,
    async discard(key) {
      await del(key, db());
    },
    subscribe(listener) {
      // Wrapped, so that one function subscribed twice has two independent unsubscribes.
      const entry = (event: OutboxEvent) => listener(event);
      let bus = buses.get(database);
      if (!bus) buses.set(database, (bus = new Set()));
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
      if (typeof window !== 'undefined') window.removeEventListener('online', onOnline);
      if (typeof document !== 'undefined') document.removeEventListener('visibilitychange', onVisible);
      for (const entry of listeners) buses.get(database)?.delete(entry);
      listeners.clear();
    },
  };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Runs `fn` holding a Web Lock when the browser has them, so two tabs never flush at once. */
async function withLock<T>(name: string, fn: () => Promise<T>): Promise<T> {
  const locks = typeof navigator !== 'undefined' ? (navigator as Navigator & { locks?: LockManager }).locks : undefined;
  if (!locks) return fn();
  return locks.request(name, fn) as Promise<T>;
}
