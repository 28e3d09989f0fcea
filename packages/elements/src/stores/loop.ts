// The state of <you-said-we-did>: the council's loop figures, one filtered list of published
// themes read page by page, each theme's timeline fetched when it is opened, and the lookup of
// one input by its receipt code. Reads only: nothing is kept on the device.
//
//   figures: loading -> ready | failed          list: loading -> ready (more: idle|loading|failed) | failed
//   lookup:  idle -> invalid | loading -> found | not-found | failed;  found -> found (again: changed on this page)
//   erase (of the input found, by its author: the code is their key): none -> confirming -> erasing -> erased | failed
import type { FeedbackReceipt, LoopStats, Theme, ThemeDetail, ThemeStatus } from '@civicloop/contract';
import { normalizeReceipt, THEME_STATUSES } from '@civicloop/contract/rules';
import { deleteFeedback, feedUrl, getFeedback, getStats, getTheme, isApiError, isNetworkError, isTimeoutError, listThemes, type Transport } from '@civicloop/sdk';
import { atom, type ReadableAtom } from 'nanostores';
import { councilView, transportFor } from '../kit/stores/connection.js';
import type { CouncilState, ServicesState } from '../kit/stores/council.js';
import { createErase } from '../kit/stores/erase.js';
import { pagedList, type PagedListState } from '../kit/stores/paged-list.js';

/**
 * Why something could not load: no connection to the service; a fault of the service; the element
 * lacks its api or council; or the council does not accept this page's origin (\`blocked\`: no
 * answer will ever come, so there is nothing to try again).
 */
export type LoadFailure = 'offline' | 'error' | 'not-configured' | 'unknown-council' | 'unknown-service' | 'blocked' | 'csp';

export type StatsState = { status: 'loading' } | { status: 'ready'; stats: LoopStats } | { status: 'failed'; reason: LoadFailure };

export type ListState = PagedListState<Theme, LoadFailure>;

export type TimelineState = { status: 'loading' } | { status: 'ready'; theme: ThemeDetail } | { status: 'failed'; reason: LoadFailure };

export type LookupState =
  | { state: 'idle' }
  | { state: 'invalid'; input: string }
  | { state: 'loading'; code: string }
  | { state: 'found'; code: string; receipt: FeedbackReceipt; again?: boolean }
  | { state: 'not-found'; code: string }
  | { state: 'failed'; code: string; reason: LoadFailure };

export interface LoopFilters {
  /** Service id, '' for all. */
  service: string;
  /** Theme status, '' for all. */
  status: ThemeStatus | '';
}

export interface LoopViewOptions {
  /** The element's API and council, read at every use. */
  scope(): { api: string | undefined; council: string | undefined };
  /** Themes per page. @default 10 */
  pageSize?: number;
}

export const isThemeStatus = (v: unknown): v is ThemeStatus => (THEME_STATUSES as readonly unknown[]).includes(v);

function failure(error: unknown): LoadFailure {
  if (isNetworkError(error) && error.blocked) return error.csp ? 'csp' : 'blocked';
  return isNetworkError(error) || isTimeoutError(error) ? 'offline' : 'error';
}

/**
 * Why nothing can ever load here, if so: a setup fault no retry mends (the council's configuration
 * answered 404: no such council; or the element names a service the council does not have, which
 * would show empty figures as if nobody had said anything).
 */
// The unknown-service condition is also the forms' (kit/stores/answers.ts setupProblem), kept
// here on purpose: importing it would pull that forms-only module into this read-only element's
// chunk (tests/node/cdn.test.ts holds the chunk to that).
export function loadFault(council: CouncilState, list: ListState, services?: ServicesState, service?: string): LoadFailure | undefined {
  if (council.status === 'failed' && isApiError(council.error) && council.error.status === 404) return 'unknown-council';
  if (service && council.status === 'ready' && services?.status === 'ready' && !services.services.some((s) => s.id === service)) return 'unknown-service';
  return list.status === 'failed' && (list.reason === 'blocked' || list.reason === 'csp' || list.reason === 'not-configured') ? list.reason : undefined;
}

/** The receipt code a page address carries in its fragment (`#receipt=K7MX-2QPA-9R`), if any. */
export function receiptFromHash(hash: string): string | undefined {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const code = params.get('receipt');
  return code ? code : undefined;
}

/** The fragment without its receipt code: '' when the code was all it held. */
export function hashWithoutReceipt(hash: string): string {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  params.delete('receipt');
  const rest = params.toString();
  return rest ? `#${rest}` : '';
}

export function createLoopView(options: LoopViewOptions) {
  const pageSize = options.pageSize ?? 10;
  const council = councilView();
  const $stats = atom<StatsState>({ status: 'loading' });
  const $filters = atom<LoopFilters>({ service: '', status: '' });
  const $timelines = atom<ReadonlyMap<string, TimelineState>>(new Map());
  const $open = atom<ReadonlySet<string>>(new Set());
  const $lookup = atom<LookupState>({ state: 'idle' });
  // Answers to an earlier question (filters changed, element moved) are dropped, not shown.
  let statsSerial = 0;
  let lookupSerial = 0;

  const target = (): Transport | undefined => {
    const { api, council: slug } = options.scope();
    return api && slug ? transportFor({ baseUrl: api, council: slug }) : undefined;
  };
  const query = () => {
    const f = $filters.get();
    return { ...(f.service ? { service: f.service } : {}), ...(f.status ? { status: f.status } : {}) };
  };

  function loadStats(t: Transport | undefined): void {
    const serial = ++statsSerial;
    if (!t) return $stats.set({ status: 'failed', reason: 'not-configured' });
    $stats.set({ status: 'loading' });
    const service = $filters.get().service;
    getStats(t, service ? { service } : {}).then(
      (stats) => serial === statsSerial && $stats.set({ status: 'ready', stats }),
      (error: unknown) => serial === statsSerial && $stats.set({ status: 'failed', reason: failure(error) }),
    );
  }

  const list = pagedList<Theme, LoadFailure>({
    fetch: (cursor) => {
      const t = target();
      return t ? listThemes(t, { ...query(), limit: pageSize, ...(cursor ? { cursor } : {}) }) : undefined;
    },
    failure,
    unavailable: 'not-configured',
    id: (theme) => theme.id,
  });

  // Its author erases the input found, as after sending it (the receipt code is what lets them);
  // the lookup then asks again, and says it was erased.
  const erase = createErase<LookupState>({
    shown: () => $lookup.get(),
    erase: (shown): Promise<void> | undefined => {
      const t = target();
      if (shown.state !== 'found' || shown.receipt.erased || !t) return undefined;
      return deleteFeedback(t, shown.code).then(() => view.changed(shown.code));
    },
    failed: () => undefined, // the element shows `failed` (kit/parts/erase.ts)
  });

  const view = {
    $council: council.$council,
    $erase: erase.$erase,
    requestErase: erase.request,
    cancelErase: erase.cancel,
    confirmErase: erase.confirm,
    $services: council.$services,
    $stats: $stats as ReadableAtom<StatsState>,
    $list: list.$list,
    $filters: $filters as ReadableAtom<LoopFilters>,
    $timelines: $timelines as ReadableAtom<ReadonlyMap<string, TimelineState>>,
    $open: $open as ReadableAtom<ReadonlySet<string>>,
    $lookup: $lookup as ReadableAtom<LookupState>,

    /** (Re)loads everything for the current scope; `filters` are the page's presets. */
    load(filters: LoopFilters): void {
      const t = target();
      council.follow(t, true);
      $filters.set(filters);
      $timelines.set(new Map());
      $open.set(new Set());
      loadStats(t);
      list.load();
    },

    /** The resident changed a filter: a new first page (and the figures, when the service changed). */
    filter(patch: Partial<LoopFilters>): void {
      const before = $filters.get();
      const next = { ...before, ...patch };
      if (next.service === before.service && next.status === before.status) return;
      $filters.set(next);
      const t = target();
      if (next.service !== before.service) loadStats(t);
      list.load();
    },

    /** Tries again whatever failed. */
    retry(): void {
      const t = target();
      if ($stats.get().status === 'failed') loadStats(t);
      list.retry();
    },

    /** The next page, appended; `firstNew` says where it starts (for focus). */
    more(): void {
      list.more();
    },

    /** Opens or closes a theme's timeline, fetching it the first time it opens. */
    toggle(id: string): void {
      const open = new Set($open.get());
      if (open.has(id)) {
        open.delete(id);
        return $open.set(open);
      }
      open.add(id);
      $open.set(open);
      const known = $timelines.get().get(id);
      if (known && known.status !== 'failed') return;
      const t = target();
      if (!t) return;
      const set = (s: TimelineState) => $timelines.set(new Map($timelines.get()).set(id, s));
      set({ status: 'loading' });
      getTheme(t, id).then(
        (theme) => set({ status: 'ready', theme }),
        (error: unknown) => set({ status: 'failed', reason: failure(error) }),
      );
    },

    /** Looks up one input by what the resident typed; a code that cannot be a receipt is not sent. */
    lookup(input: string): void {
      const serial = ++lookupSerial;
      erase.cancel();
      const code = normalizeReceipt(input);
      if (!code) return $lookup.set({ state: 'invalid', input });
      const t = target();
      if (!t) return $lookup.set({ state: 'failed', code, reason: 'not-configured' });
      $lookup.set({ state: 'loading', code });
      getFeedback(t, code).then(
        (receipt) => serial === lookupSerial && $lookup.set({ state: 'found', code, receipt }),
        (error: unknown) => {
          if (serial !== lookupSerial) return;
          if (isApiError(error) && error.status === 404) $lookup.set({ state: 'not-found', code });
          else $lookup.set({ state: 'failed', code, reason: failure(error) });
        },
      );
    },

    /**
     * The input with this receipt changed on this page (its author erased it in
     * <cocreate-feedback>): a lookup showing it asks again, keeping what it shows until the
     * answer comes (marked `again`, so the element does not tell it as the resident's own lookup).
     */
    changed(receipt: string): void {
      const shown = $lookup.get();
      const t = target();
      if (shown.state !== 'found' || shown.code !== normalizeReceipt(receipt) || !t) return;
      const serial = ++lookupSerial;
      getFeedback(t, shown.code).then(
        (found) => serial === lookupSerial && $lookup.set({ state: 'found', code: shown.code, receipt: found, again: true }),
        // What it showed stays: the resident can look it up again.
        () => undefined,
      );
    },

    /** The Atom feed's address, for the subscribe link (`?service=` when a service is chosen). */
    feed(): string | undefined {
      const t = target();
      const service = $filters.get().service;
      return t ? feedUrl(t, service ? { service } : {}) : undefined;
    },

    dispose(): void {
      council.stop();
      list.drop();
      statsSerial++;
      lookupSerial++;
    },
  };
  return view;
}

export type LoopView = ReturnType<typeof createLoopView>;
