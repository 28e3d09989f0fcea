// One transport per council API and page, shared by every element of that council (the outbox
// is in outbox.ts: read-only elements do not load it).
// Elements never validate responses (the conformance kit proves servers right): no zod here.
import { PROBLEM_TYPES } from '@civicloop/contract/rules';
import { createChallenge, createTransport, getCouncil, isApiError, isNetworkError, isTimeoutError, listServices, type Transport } from '@civicloop/sdk';
import { atom, type ReadableAtom } from 'nanostores';
import { createAntiAbuse } from '../controllers/anti-abuse.js';
import { councilStore, readyConfig, settled, type CouncilState, type ServicesState } from './council.js';
import type { QueuedReason, Refusal } from './submission.js';

const transports = new Map<string, Transport>();

/** What an element's scope says (read at every use: its attributes may change). */
export interface ElementScope {
  api: string | undefined;
  council: string | undefined;
  service: string | undefined;
  /** Which form of its kind and scope on the page (see CivicElement's `instance`). */
  instance: string;
}

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
 * once its configuration arrived or failed), never for staff, whose token proves enough.
 */
export function councilAntiAbuse(o: { $council: ReadableAtom<CouncilState>; target(): Transport | undefined; staff(): boolean; since(): number; now(): number }) {
  return createAntiAbuse({
    now: o.now,
    since: o.since,
    proofRequired: () => (o.$council.get().status === 'loading' ? undefined : Boolean(readyConfig(o.$council)?.antiAbuse?.proofOfWork.required) && !o.staff()),
    proofKnown: () => settled(o.$council),
    challenge: () => createChallenge(o.target()!),
  });
}

/** The transport of `council` at `api` (relative URLs against the page). */
export function transportFor(target: { baseUrl: string; council: string }): Transport {
  const key = `${target.baseUrl}\n${target.council}`;
  let t = transports.get(key);
  if (!t) transports.set(key, (t = createTransport({ baseUrl: new URL(target.baseUrl, document.baseURI), council: target.council })));
  return t;
}

/** Why a kept input could not go at once, for the resident. */
export function queuedReason(error: unknown): QueuedReason {
  return isNetworkError(error) ? 'offline' : isTimeoutError(error) ? 'timeout' : 'server';
}

/** A refusal as the resident is told it, from the SDK's error. */
export function refusalOf(error: unknown): Refusal {
  if (isApiError(error)) return { status: error.status, problemType: error.problem.type, message: error.message, issues: error.problem.errors, retryAfter: error.retryAfter };
  return { message: error instanceof Error ? error.message : String(error), blocked: (error as { blocked?: boolean } | undefined)?.blocked };
}

export type RefusalReason = 'rate-limited' | 'spam' | 'not-found' | 'blocked' | 'unauthorized' | 'other';

/** Why the server (or browser) refused, in the terms residents are told. */
export function refusalReason(r: Refusal): RefusalReason {
  if (r.status === 429) return 'rate-limited';
  if (r.problemType === PROBLEM_TYPES.spam) return 'spam';
  if (r.status === 404) return 'not-found';
  // The page's origin is not one the council allows (or it has none): no answer will ever come.
  if (r.blocked) return 'blocked';
  if (r.status === 401 || r.status === 403) return 'unauthorized';
  return 'other';
}

/**
 * A fault of the page's setup, which no resident can fix and which stops every input from this
 * page: a council the server does not know, a preset service the council does not have, a page
 * whose origin the council does not allow (`blocked`), or a page with no origin at all
 * (`no-origin`: opened from a file, or in a sandboxed frame). A lost connection is none of these.
 */
export type SetupProblem = 'unknown-council' | 'unknown-service' | 'blocked' | 'no-origin';

/** The setup fault the council's answers (or their absence) show, if any. */
export function setupProblem(council: CouncilState, services: ServicesState, service: string | undefined): SetupProblem | undefined {
  if (council.status === 'failed') {
    const e = council.error;
    if (isApiError(e) && e.status === 404) return 'unknown-council';
    // `self.origin`, not `location.origin`: a sandboxed frame's URL has an origin, the frame has none.
    if (isNetworkError(e) && e.blocked) return self.origin === 'null' || location.protocol === 'file:' ? 'no-origin' : 'blocked';
    return undefined;
  }
  if (service && council.status === 'ready' && services.status === 'ready' && !services.services.some((s) => s.id === service)) return 'unknown-service';
  return undefined;
}

/**
 * An element's view of its council: atoms that follow the page's one shared store (one fetch
 * per page) for the element's current API and council, and stop following on disconnect.
 */
export function councilView() {
  const $council = atom<CouncilState>({ status: 'loading' });
  const $services = atom<ServicesState>({ status: 'loading' });
  let off: (() => void)[] = [];
  const view = {
    $council: $council as ReadableAtom<CouncilState>,
    $services: $services as ReadableAtom<ServicesState>,
    /** Follows `t`'s council (none: not configured, so failed); its services only when asked. */
    follow(t: Transport | undefined, services: boolean): void {
      view.stop();
      if (!t) return void $council.set({ status: 'failed' });
      const store = councilStore(t.baseUrl, t.council, () => ({ getCouncil: () => getCouncil(t), listServices: (q) => listServices(t, q) }));
      if (services) store.loadServices();
      off = [store.$council.subscribe((c) => $council.set(c)), ...(services ? [store.$services.subscribe((s) => $services.set(s))] : [])];
    },
    stop(): void {
      for (const f of off) f();
      off = [];
    },
  };
  return view;
}
