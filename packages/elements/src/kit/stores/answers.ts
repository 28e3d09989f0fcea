// What a form needs of the connection beyond the council view (connection.ts): its scope's
// transport and the key its drafts and outcomes are kept under, its anti-abuse for the council,
// and what the server's refusals and the page's setup faults mean for the resident.
import { PROBLEM_TYPES } from '@civicloop/contract/rules';
import { createChallenge, isApiError, isNetworkError, isTimeoutError, type Transport } from '@civicloop/sdk';
import type { ReadableAtom } from 'nanostores';
import { createAntiAbuse } from '../controllers/anti-abuse.js';
import { transportFor, type ElementScope } from './connection.js';
import { readyConfig, settled, type CouncilState, type ServicesState } from './council.js';
import type { QueuedReason, Refusal } from './submission.js';

/**
 * The transport an element's scope addresses (undefined until it has an API and a council), and
 * the key its drafts and outcomes are kept under, e.g. `feedback:riverside:libraries:0`.
 */
export function scopeOf(scope: () => ElementScope, name: string) {
  return {
    target: (): Transport | undefined => {
      const { api, council } = scope();
      return api && council ? transportFor({ baseUrl: api, council }) : undefined;
    },
    key: (): string | undefined => {
      const { council, service, instance } = scope();
      return council ? `${name}:${council}:${service ?? '-'}:${instance}` : undefined;
    },
  };
}

/**
 * A form's anti-abuse fields for its council: proof of work when the council asks for it (known
 * once its configuration arrived or failed) and its minimum fill time, never for staff, whose
 * token proves enough.
 */
export function councilAntiAbuse(o: { $council: ReadableAtom<CouncilState>; target(): Transport | undefined; staff(): boolean; since(): number; now(): number }) {
  return createAntiAbuse({
    now: o.now,
    since: o.since,
    proofRequired: () => (o.$council.get().status === 'loading' ? undefined : Boolean(readyConfig(o.$council)?.antiAbuse?.proofOfWork.required) && !o.staff()),
    proofKnown: () => settled(o.$council),
    minFillMs: () => (o.staff() ? 0 : readyConfig(o.$council)?.antiAbuse?.minFillMs),
    challenge: () => createChallenge(o.target()!),
  });
}

/** Why a kept input could not go at once, for the resident. */
export function queuedReason(error: unknown): QueuedReason {
  // A failed request alone cannot tell a device offline from a service down: the device's own word decides.
  if (isNetworkError(error)) return typeof navigator !== 'undefined' && navigator.onLine === false ? 'offline' : 'unreachable';
  return isTimeoutError(error) ? 'timeout' : 'server';
}

/** A refusal as the resident is told it, from the SDK's error. */
export function refusalOf(error: unknown): Refusal {
  if (isApiError(error)) return { status: error.status, problemType: error.problem.type, message: error.message, issues: error.problem.errors, retryAfter: error.retryAfter };
  const { blocked, csp } = (error ?? {}) as { blocked?: boolean; csp?: boolean };
  return { message: error instanceof Error ? error.message : String(error), blocked, csp };
}

export type RefusalReason = 'rate-limited' | 'spam' | 'not-found' | 'blocked' | 'csp' | 'unauthorized' | 'other';

/** Why the server (or browser) refused, in the terms residents are told. */
export function refusalReason(r: Refusal): RefusalReason {
  if (r.status === 429) return 'rate-limited';
  if (r.problemType === PROBLEM_TYPES.spam) return 'spam';
  if (r.status === 404) return 'not-found';
  // The page's origin is not one the council allows (or it has none): no answer will ever come.
  if (r.csp) return 'csp';
  if (r.blocked) return 'blocked';
  if (r.status === 401 || r.status === 403) return 'unauthorized';
  return 'other';
}

/**
 * A fault of the page's setup, which no resident can fix and which stops every input from this
 * page: an element that does not say which council it is for (`not-configured`), a council the server does not know, a preset service the council does not have, a page
 * whose origin the council does not allow (`blocked`), a page with no origin at all
 * (`no-origin`: opened from a file, or in a sandboxed frame), or a page whose own Content
 * Security Policy forbids reaching the council's service (`csp`). A lost connection is none of these.
 */
export type SetupProblem = 'not-configured' | 'unknown-council' | 'unknown-service' | 'blocked' | 'no-origin' | 'csp';

/** The setup fault the council's answers (or their absence) show, if any. */
export function setupProblem(council: CouncilState, services: ServicesState, service: string | undefined): SetupProblem | undefined {
  if (council.status === 'failed') {
    const e = council.error;
    // Failed without asking: the element lacks its council (or, rarely, the service's address).
    if (e === undefined) return 'not-configured';
    if (isApiError(e) && e.status === 404) return 'unknown-council';
    // `self.origin`, not `location.origin`: a sandboxed frame's URL has an origin, the frame has none.
    if (isNetworkError(e) && e.csp) return 'csp';
    if (isNetworkError(e) && e.blocked) return self.origin === 'null' || location.protocol === 'file:' ? 'no-origin' : 'blocked';
    return undefined;
  }
  if (service && council.status === 'ready' && services.status === 'ready' && !services.services.some((s) => s.id === service)) return 'unknown-service';
  return undefined;
}
