// How a form and its submission work together, the same for every form element: a refusal
// gives the resident's words back and shows the server's 422 on the fields it names, and each
// outcome is reported once, for the element's events.
import { PROBLEM_TYPES } from '@civicloop/contract/rules';
import { isNetworkError, isTimeoutError } from '@civicloop/sdk';
import { refusalReason, type RefusalReason } from './answers.js';
import type { Form } from './form.js';
import type { QueuedReason, Refusal, Submission, SubmissionState } from './submission.js';

/** The cause of an error when the element has no API or council: a setup error, told as one. */
export const NOT_CONFIGURED = Symbol('not configured');

/** What a form element shows while an input is on its way, kept or refused (sent is its own). */
export type OutcomeState =
  | { state: 'sending' }
  | { state: 'queued'; key: string; reason: QueuedReason }
  | { state: 'rejected'; reason: RefusalReason; status: number; problemType: string | undefined; retryAt: number | undefined }
  | { state: 'error'; reason: 'not-configured' | 'not-saved' | 'unexpected'; message: string };

/**
 * The shown state of a submission that is sending, queued, refused or failed (else undefined).
 * A 422 about a field the page preset (`preset(path)`, e.g. `/service`) is a setup error, told
 * as "not found" rather than as the resident's mistake.
 */
export function outcomeOf(s: SubmissionState<unknown, unknown>, now: () => number, preset: (path: string) => boolean = () => false): OutcomeState | undefined {
  if (s.state === 'sending') return { state: 'sending' };
  if (s.state === 'queued') return { state: 'queued', key: s.key, reason: s.reason };
  if (s.state === 'error') return { state: 'error', reason: s.cause === NOT_CONFIGURED ? 'not-configured' : isNetworkError(s.cause) || isTimeoutError(s.cause) ? 'not-saved' : 'unexpected', message: s.message };
  if (s.state !== 'refused') return undefined;
  const r = s.refusal;
  const setup = r.status === 422 && (r.issues ?? []).some((i) => preset(i.path));
  return { state: 'rejected', reason: setup ? 'not-found' : refusalReason(r), status: r.status ?? 0, problemType: r.problemType, retryAt: r.retryAfter !== undefined ? now() + r.retryAfter : undefined };
}

/**
 * Keeps the last object while the next has the same fields: a derived state that did not change
 * stays the same object, so an element announces each state the resident can tell apart once.
 */
export function keepSame<T extends object>(): (next: T) => T {
  let last: T | undefined;
  const same = (a: object, b: object) => Object.keys(a).length === Object.keys(b).length && Object.entries(a).every(([k, v]) => (b as Record<string, unknown>)[k] === v);
  return (next) => (last = last && same(last, next) ? last : next);
}

/** What a form's flow reports, for the element's events (`cocreate-submitted`, `-queued`, `-error`); `result` is the server's answer. */
export type FlowEvent<R = { receipt: string; id: string }> =
  | { type: 'submitted'; result: R; queued: boolean }
  | { type: 'queued'; key: string }
  | { type: 'erased'; result: R }
  | { type: 'error'; status: number | undefined; problemType: string | undefined; message: string };

export function composeForm<V extends object, F extends string, R, B>(
  form: Form<V, F>,
  submission: Submission<R, B>,
  options: {
    /** The form values to give back from a body's words. */
    giveBack(words: B): Partial<V>;
    /** The error code of a field the server refused. */
    serverCode(field: F): string;
    /** Whether the resident can fix `field` (a value the page preset is a setup error instead). */
    fixable(field: F): boolean;
    notify(event: FlowEvent<R>): void;
  },
): void {
  submission.$state.listen((s) => {
    if (s.state === 'sent') options.notify({ type: 'submitted', result: s.result, queued: s.later });
    else if (s.state === 'queued') options.notify({ type: 'queued', key: s.key });
    else if (s.state === 'error') options.notify({ type: 'error', status: undefined, problemType: undefined, message: s.message });
    if (s.state !== 'refused') return;
    const r: Refusal = s.refusal;
    options.notify({ type: 'error', status: r.status, problemType: r.problemType, message: r.message });
    // A kept input's draft was cleared when it was kept: its words come back to the form.
    if (s.later && s.body) form.update(options.giveBack(s.body));
    const issues = r.status === 422 && r.problemType !== PROBLEM_TYPES.spam ? (r.issues ?? []) : [];
    if (form.serverErrors(issues, options.serverCode, options.fixable).shown) submission.again();
  });
}
