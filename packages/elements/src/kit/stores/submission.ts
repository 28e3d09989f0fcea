// The life of one form's submissions over the SDK outbox:
//
//   idle -> sending -> sent                          (delivered now)
//                   -> queued -> sent | refused      (kept on the device, delivered or refused later)
//                   -> refused                       (the server or browser refused it for good)
//                   -> error                         (nothing could be kept: the resident is told)
//
// The outbox owns queued, delivered and refused records (IndexedDB) and their events; this store
// only shows the outcomes of its own scope, acknowledges each once shown, and lets the resident
// discard a waiting input (its words given back) or start a new one at any time. Nothing here
// depends on timer ordering: an outcome is shown by whoever owns its scope, now or when that
// form is next on screen.
import { atom, type ReadableAtom } from 'nanostores';
import { deviceStorage } from './form.js';
import { randomKey } from '@civicloop/sdk';

export type RecordState = 'queued' | 'delivered' | 'refused';

/** What a refusal says, as the outbox records it. */
export interface Refusal {
  status?: number | undefined;
  problemType?: string | undefined;
  message: string;
  /** The browser may not read the server's answer (this page's origin is not allowed). */
  blocked?: boolean | undefined;
  /** The page's own Content Security Policy forbids reaching the council's service. */
  csp?: boolean | undefined;
  /** The server's 422 `errors`, when it gave them. */
  issues?: readonly { path: string; message?: string }[] | undefined;
  /** Milliseconds to wait before sending again (429). */
  retryAfter?: number | undefined;
}

/** The part of the SDK's outbox record this store reads. */
export interface OutboxRecordLike {
  key: string;
  operation: string;
  scope: string | undefined;
  state: RecordState;
  body: unknown;
  result: unknown;
  error: { status?: number; problemType?: string; message: string; blocked?: boolean } | undefined;
}

/** The part of the SDK's Outbox this store uses (structural, so any conforming outbox fits). */
export interface OutboxLike {
  send(
    operation: string,
    body: unknown,
    options?: { idempotencyKey?: string; scope?: string },
  ): Promise<{ state: 'delivered'; key: string; result: unknown } | { state: 'queued'; key: string; error: unknown } | { state: 'refused'; key: string; error: unknown }>;
  records(filter?: { scope?: string; state?: RecordState }): Promise<OutboxRecordLike[]>;
  acknowledge(key: string): Promise<void>;
  discard(key: string): Promise<OutboxRecordLike | undefined>;
  subscribe(listener: (event: { type: RecordState; record: OutboxRecordLike }) => void): () => void;
}

/**
 * Why an input waits on this device: the device says it is offline; the council's service could
 * not be reached though the device is online (the service is down, or the connection is worse
 * than the device knows); it did not answer in time; or it answered with a fault.
 */
export type QueuedReason = 'offline' | 'unreachable' | 'timeout' | 'server';

export type SubmissionState<R, B> =
  | { state: 'idle' }
  | { state: 'sending'; body: B }
  | { state: 'sent'; key: string; result: R; body: B | undefined; later: boolean }
  | { state: 'queued'; key: string; reason: QueuedReason; body: B }
  | { state: 'refused'; key: string; refusal: Refusal; body: B | undefined; later: boolean }
  | { state: 'error'; message: string; cause: unknown };

export interface SubmissionOptions<B> {
  /** The outbox; undefined while the element is not configured. */
  outbox(): OutboxLike | undefined;
  /** The operation this form sends, e.g. 'createFeedback'. */
  operation: string;
  /** Whose outcomes these are: one form instance (e.g. 'feedback:riverside:libraries:0'). */
  scope(): string | undefined;
  /** Why a retriable failure happened, from the SDK's error. */
  reasonOf(error: unknown): QueuedReason;
  /** A refusal from the SDK's error (the live answer of a first send). */
  refusalOf(error: unknown): Refusal;
  /** The resident's words in a body, for giving them back (never a reply address). */
  wordsOf?(body: unknown): B | undefined;
  /**
   * Where this form notes the key of the input it is waiting for, so the next page with this
   * form shows that outcome (and only that one: a device may hold older records of the scope).
   * @default localStorage; without storage every record of the scope is this form's
   */
  storage?: Storage | undefined;
}

const PENDING_PREFIX = 'civicloop:pending:';

/** The state of a send that got no answer to show: nothing could be kept, or a programming error. */
const errorState = (cause: unknown) => ({ state: 'error', message: cause instanceof Error ? cause.message : String(cause), cause }) as const;

export function createSubmission<R, B>(options: SubmissionOptions<B>) {
  const $state = atom<SubmissionState<R, B>>({ state: 'idle' });
  let unsubscribe: (() => void) | undefined;
  const words = (body: unknown) => (options.wordsOf ? options.wordsOf(body) : (body as B | undefined));
  const storage = deviceStorage(options.storage);
  // The last attempt whose fate is unknown, for `attempt()`.
  let last: { words: string; key: string; body: unknown } | undefined;

  /** The key this form waits for (per scope, across pages); `null` forgets it. */
  function pending(key?: string | null): string | undefined {
    const scope = options.scope();
    if (!storage || !scope) return undefined;
    try {
      if (key === null) storage.removeItem(PENDING_PREFIX + scope);
      else if (key) storage.setItem(PENDING_PREFIX + scope, key);
      return storage.getItem(PENDING_PREFIX + scope) ?? undefined;
    } catch {
      return undefined; // Without storage the outcome shows only on this page view.
    }
  }

  /** Whether `record` is this form's to show. */
  function mine(record: OutboxRecordLike): boolean {
    if (record.scope !== options.scope() || record.operation !== options.operation) return false;
    const current = $state.get();
    if (current.state === 'queued' && current.key === record.key) return true;
    return storage ? pending() === record.key : true;
  }

  /** Shows an outcome of this form's scope, and tells the outbox it was seen. */
  function show(record: OutboxRecordLike): void {
    const now = $state.get();
    // Heard twice (this page's outbox and another tab's): shown once.
    if ((now.state === 'sent' || now.state === 'refused') && now.key === record.key) return;
    if (record.state === 'queued') {
      // A waiting input is shown while the form is free (not while another is being sent or shown).
      if (now.state === 'idle') $state.set({ state: 'queued', key: record.key, reason: 'offline', body: words(record.body) as B });
      return;
    }
    if (record.state === 'delivered') {
      $state.set({ state: 'sent', key: record.key, result: record.result as R, body: undefined, later: true });
    } else {
      $state.set({ state: 'refused', key: record.key, refusal: { ...record.error, message: record.error?.message ?? 'refused' }, body: words(record.body), later: true });
    }
    pending(null);
    void options.outbox()?.acknowledge(record.key).catch(() => undefined);
  }

  const submission = {
    $state: $state as ReadableAtom<SubmissionState<R, B>>,

    /** Listens to the outbox and shows what it kept or settled for this scope meanwhile. */
    async connect(): Promise<void> {
      submission.disconnect();
      const outbox = options.outbox();
      const scope = options.scope();
      if (!outbox || !scope) return;
      unsubscribe = outbox.subscribe(({ record }) => {
        if (record.state !== 'queued' && mine(record)) show(record);
      });
      const records = (await outbox.records({ scope })).filter(mine);
      // A settled outcome first (the latest), else the input still waiting.
      const shown = records.filter((r) => r.state !== 'queued').at(-1) ?? records.find((r) => r.state === 'queued');
      if (shown) show(shown);
    },

    disconnect(): void {
      unsubscribe?.();
      unsubscribe = undefined;
    },

    /**
     * Sends through the outbox, or through a sender of the same shape (staff entry sends
     * directly: nothing is kept on a shared desk, so it answers delivered or refused, or throws);
     * never throws.
     */
    async send(body: unknown, idempotencyKey?: string, outbox: Pick<OutboxLike, 'send'> | undefined = options.outbox()): Promise<SubmissionState<R, B>> {
      const scope = options.scope();
      if (!outbox) {
        $state.set(errorState(new Error('The element has no api or council attribute')));
        return $state.get();
      }
      if ($state.get().state !== 'sending') $state.set({ state: 'sending', body: words(body) as B });
      try {
        const result = await outbox.send(options.operation, body, {
          ...(idempotencyKey ? { idempotencyKey } : {}),
          ...(scope ? { scope } : {}),
        });
        // Answered (either way) or kept: the next send is a new request.
        last = undefined;
        if (result.state === 'delivered') $state.set({ state: 'sent', key: result.key, result: result.result as R, body: words(body), later: false });
        else if (result.state === 'queued') {
          pending(result.key);
          $state.set({ state: 'queued', key: result.key, reason: options.reasonOf(result.error), body: words(body) as B });
        }
        else $state.set({ state: 'refused', key: result.key, refusal: options.refusalOf(result.error), body: words(body), later: false });
      } catch (cause) {
        // Only when nothing could be kept (no IndexedDB) or a programming error.
        $state.set(errorState(cause));
      }
      return $state.get();
    },

    /** Shows an outcome reached without the outbox (e.g. while preparing a send). */
    settle(next: SubmissionState<R, B>): void {
      $state.set(next);
    },

    /**
     * The key and body for sending `words` (the resident's input as sent): the same words
     * again after a failure whose fate is unknown reuse the last attempt's key and exact body,
     * so the server stores them once; other words get a fresh key and `build()`'s body.
     */
    async attempt(words: string, build: () => Promise<unknown>): Promise<{ key: string; body: unknown }> {
      const again = last?.words === words ? last : undefined;
      last = { words, key: again?.key ?? randomKey(), body: again?.body ?? (await build()) };
      return last;
    },

    /**
     * The resident chose not to send the waiting input: it leaves the outbox and its words come
     * back (to copy, change or send again). Undefined when it was delivered meanwhile.
     */
    async discard(): Promise<B | undefined> {
      const current = $state.get();
      if (current.state !== 'queued') return undefined;
      const record = await options.outbox()?.discard(current.key);
      pending(null);
      // Delivered or refused meanwhile: that outcome is shown instead.
      if ($state.get() !== current) return undefined;
      $state.set({ state: 'idle' });
      return record ? words(record.body) : current.body;
    },

    /** Back to a form: after an outcome, or to write a new input while one waits. */
    again(): void {
      $state.set({ state: 'idle' });
    },
  };
  return submission;
}

export type Submission<R, B> = ReturnType<typeof createSubmission<R, B>>;
