// One transport per council API and page, shared by every element of that council, and an
// element's view of its council: what every element needs, reading ones included. What only
// forms need (their scope's keys, anti-abuse, refusals, setup faults) is in answers.ts, and the
// outbox in outbox.ts, so a page without a form loads neither.
// Elements never validate responses (the conformance kit proves servers right): no zod here.
import { createTransport, getCouncil, listServices, type Transport } from '@civicloop/sdk';
import { atom, type ReadableAtom } from 'nanostores';
import { councilStore, type CouncilState, type ServicesState } from './council.js';

const transports = new Map<string, Transport>();

/** What an element's scope says (read at every use: its attributes may change). */
export interface ElementScope {
  api: string | undefined;
  council: string | undefined;
  service: string | undefined;
  /** Which form of its kind and scope on the page (see CivicElement's `instance`). */
  instance: string;
}

/** The transport of `council` at `api` (relative URLs against the page). */
export function transportFor(target: { baseUrl: string; council: string }): Transport {
  const key = `${target.baseUrl}\n${target.council}`;
  let t = transports.get(key);
  if (!t) transports.set(key, (t = createTransport({ baseUrl: new URL(target.baseUrl, document.baseURI), council: target.council })));
  return t;
}

/**
 * An element's view of its council: atoms that follow the page's one shared store (one fetch
 * per page) for the element's current API and council, and stop following on disconnect.
 */
export function councilView() {
  const $council = atom<CouncilState>({ status: 'loading' });
  const $services = atom<ServicesState>({ status: 'loading' });
  let off: (() => void)[] = [];
  let followed: ReturnType<typeof councilStore> | undefined;
  const view = {
    $council: $council as ReadableAtom<CouncilState>,
    $services: $services as ReadableAtom<ServicesState>,
    /** Follows `t`'s council (none: not configured, so failed); its services only when asked. */
    follow(t: Transport | undefined, services: boolean): void {
      view.stop();
      if (!t) return void $council.set({ status: 'failed' });
      const store = councilStore(t.baseUrl, t.council, () => ({ getCouncil: (fresh) => getCouncil(t, fresh ? { cache: 'no-cache' } : {}), listServices: (q) => listServices(t, q) }));
      followed = store;
      if (services) store.loadServices();
      off = [store.$council.subscribe((c) => $council.set(c)), ...(services ? [store.$services.subscribe((s) => $services.set(s))] : [])];
    },
    /** The council's configuration asked for again (see CouncilStore.reload); nothing without a council. */
    refresh(): Promise<void> {
      return followed?.reload() ?? Promise.resolve();
    },
    stop(): void {
      for (const f of off) f();
      off = [];
      followed = undefined;
    },
  };
  return view;
}
