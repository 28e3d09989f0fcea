// A council's configuration and services, fetched once per page whatever the number of
// elements showing them (keyed by API and council), and read in each element's own language.
import type { CouncilConfig, Service } from '@civicloop/contract';
import { getCouncil, listServices } from '@civicloop/contract/endpoints';
import type { Locale } from '@civicloop/contract/locales';
import { PAGE_LIMIT_MAX } from '@civicloop/contract/rules';
import { atom, type ReadableAtom } from 'nanostores';
import { collator } from '../format.js';

/** `error` is why it failed (the SDK's error), so a setup fault can be told from a lost connection. */
export type CouncilState = { status: 'loading' } | { status: 'ready'; config: CouncilConfig } | { status: 'failed'; error?: unknown };
export type ServicesState = { status: 'loading' } | { status: 'ready'; services: Service[] } | { status: 'failed' };

/** How to fetch; the elements pass the SDK's per-operation functions on their transport. */
export interface CouncilSource {
  /** `fresh`: past the browser's HTTP cache (the server revalidates), for a config known to have changed. */
  getCouncil(fresh?: boolean): Promise<CouncilConfig>;
  /** One page of services. */
  listServices(query: { limit: number; cursor?: string }): Promise<{ items: Service[]; nextCursor?: string | null | undefined }>;
}

export interface CouncilStore {
  readonly $council: ReadableAtom<CouncilState>;
  readonly $services: ReadableAtom<ServicesState>;
  /** Starts (once) fetching the service list, for forms that let the resident choose. */
  loadServices(): void;
  /** After a failure, asks again (the next element to need it calls this). */
  retry(): void;
  /**
   * Asks the server again for a configuration known to have changed (e.g. a 409 said the consent
   * text has a new version). The current one stays shown meanwhile, so the form does not empty;
   * a failure keeps it. Every element of the council gets the new one. Concurrent calls share one request.
   */
  reload(): Promise<void>;
}

// Per page (per copy of this module): every element of one council shares one entry.
const stores = new Map<string, CouncilStore>();

/**
 * Where the loader (civicloop.js) leaves the council requests it starts beside the elements' code,
 * keyed by URL, so the settings arrive in parallel with the code rather than after it has run. A
 * global, not a module variable: the loader imports nothing.
 */
export const EARLY_COUNCILS = Symbol.for('civicloop.councils');
type Early = Map<string, Promise<Response | undefined>>;

type ServicePage = Awaited<ReturnType<CouncilSource['listServices']>>;

/** Services are asked for a whole page at a time; the loader (scripts/registry.ts) asks for the first page the same way. */
const SERVICES_PAGE = { limit: PAGE_LIMIT_MAX } as const;

/**
 * The loader's request for `path` (the council's, or its first page of services) at `api`, parsed,
 * once (a retry asks the server again); undefined when there is none or it did not succeed.
 */
function takeEarly<T>(api: string, path: string, council: string): Promise<T> | undefined {
  const early = (globalThis as { [EARLY_COUNCILS]?: Early })[EARLY_COUNCILS];
  const url = api + path.replace('{council}', encodeURIComponent(council));
  const answer = early?.get(url);
  early?.delete(url);
  return answer?.then((r) => (r?.ok ? (r.json() as Promise<T>) : Promise.reject(new Error('no early answer'))));
}

/** The loader's early answer when it is a good one; anything else asks again through the SDK, whose errors tell a setup fault from a lost connection. */
const earlyOr = <T>(early: Promise<T> | undefined, ask: () => Promise<T>): Promise<T> => (early ? early.catch(ask) : ask());

/** The store of `council` at `api`; the first caller's `source` fetches for everyone. */
export function councilStore(api: string, council: string, source: () => CouncilSource): CouncilStore {
  const key = `${api}\n${council}`;
  const existing = stores.get(key);
  if (existing) {
    existing.retry();
    return existing;
  }
  const $council = atom<CouncilState>({ status: 'loading' });
  const $services = atom<ServicesState>({ status: 'loading' });
  let servicesWanted = false;
  let reloading: Promise<void> | undefined;

  const fetchCouncil = (early?: Promise<CouncilConfig>) => {
    $council.set({ status: 'loading' });
    earlyOr(early, () => source().getCouncil()).then(
      (config) => $council.set({ status: 'ready', config }),
      (error: unknown) => $council.set({ status: 'failed', error }),
    );
  };
  const fetchServices = (early?: Promise<ServicePage>) => {
    $services.set({ status: 'loading' });
    listAll(source(), early).then(
      (services) => $services.set({ status: 'ready', services }),
      () => $services.set({ status: 'failed' }),
    );
  };

  const store: CouncilStore = {
    $council,
    $services,
    loadServices() {
      if (servicesWanted) return;
      servicesWanted = true;
      fetchServices(takeEarly(api, `${listServices.path}?limit=${SERVICES_PAGE.limit}`, council));
    },
    retry() {
      if ($council.get().status === 'failed') fetchCouncil();
      if (servicesWanted && $services.get().status === 'failed') fetchServices();
    },
    reload() {
      reloading ??= source()
        .getCouncil(true)
        .then(
          (config) => $council.set({ status: 'ready', config }),
          () => undefined,
        )
        .finally(() => (reloading = undefined));
      return reloading;
    },
  };
  stores.set(key, store);
  fetchCouncil(takeEarly(api, getCouncil.path, council));
  return store;
}

/** Forgets every council (tests, or a page that changed API address). */
export function forgetCouncils(): void {
  stores.clear();
}

/** Every service, following cursors; a council has tens of services, not thousands. */
async function listAll(source: CouncilSource, first?: Promise<ServicePage>): Promise<Service[]> {
  const all: Service[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < 10; page++) {
    const result = await (page === 0 ? earlyOr(first, () => source.listServices(SERVICES_PAGE)) : source.listServices({ ...SERVICES_PAGE, cursor: cursor! }));
    all.push(...result.items);
    if (!result.nextCursor) break;
    cursor = result.nextCursor;
  }
  return all;
}

/**
 * A service's name in `locale`, else in `fallback` (the council's default), else in any language
 * it has, else its id; with that language when it is not `locale` (for `lang`, so a screen reader
 * reads "Biblioteki" as Polish in a German form).
 */
export function serviceName(service: Service, locale: Locale, fallback: Locale | undefined): { text: string; lang?: Locale } {
  const names = service.name as Partial<Record<Locale, string>>;
  const lang = names[locale] ? locale : fallback && names[fallback] ? fallback : (Object.keys(names) as Locale[]).find((l) => names[l]);
  if (!lang) return { text: service.id };
  return lang === locale ? { text: names[lang]! } : { text: names[lang]!, lang };
}

/**
 * A council text in `locale`, else in its default locale (with that locale, for the text's
 * `lang`, so a screen reader reads it right); undefined when it has none.
 */
export function councilText(config: CouncilConfig, text: keyof CouncilConfig['texts'], locale: Locale): { text: string; lang: Locale } | undefined {
  return localizedText(config.texts[text], locale, config.defaultLocale);
}

/** Any text a council wrote per locale (a consent text, a district's name): as `councilText`. */
export function localizedText(texts: Partial<Record<Locale, string>>, locale: Locale, fallback: Locale): { text: string; lang: Locale } | undefined {
  const lang = texts[locale] ? locale : fallback;
  const text = texts[lang];
  return text ? { text, lang } : undefined;
}

/** The council's configuration once it arrived, else undefined. */
export function readyConfig($council: ReadableAtom<CouncilState>): CouncilConfig | undefined {
  const c = $council.get();
  return c.status === 'ready' ? c.config : undefined;
}

/** Resolves once `$state` is no longer loading (arrived or failed); the SDK's timeout bounds the wait. */
export function settled($state: ReadableAtom<{ status: string }>): Promise<void> {
  if ($state.get().status !== 'loading') return Promise.resolve();
  return new Promise((resolve) => {
    const off = $state.listen((s) => {
      if (s.status !== 'loading') {
        off();
        resolve();
      }
    });
  });
}

/** The council's services as choices in `locale`, sorted as that language sorts. */
export function serviceOptions(state: ServicesState, council: CouncilState, locale: Locale): { value: string; label: string; lang?: Locale }[] {
  if (state.status !== 'ready') return [];
  const fallback = council.status === 'ready' ? council.config.defaultLocale : undefined;
  const sort = collator(locale);
  return state.services
    .map((s) => {
      const { text, lang } = serviceName(s, locale, fallback);
      return lang ? { value: s.id, label: text, lang } : { value: s.id, label: text };
    })
    .sort((a, b) => sort.compare(a.label, b.label));
}
