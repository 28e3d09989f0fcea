// A list read a page at a time (cursor pagination): the first page, "more" appended without
// duplicates, a failure on the first page or on a later one, and answers to an earlier question
// (filters changed, signed out, element moved) dropped. Shared by <you-said-we-did>'s themes and
// the console's inbox, themes and audit log.
//
//   loading -> ready (more: idle|loading|failed) | failed
import { atom, type ReadableAtom } from 'nanostores';

export type PagedListState<T, F> =
  | { status: 'loading' }
  | { status: 'ready'; items: T[]; nextCursor: string | null; more: 'idle' | 'loading' | 'failed'; firstNew: number }
  | { status: 'failed'; reason: F };

/**
 * How many items "more" just added, when `list` is the answer to the "more" `previous` was
 * waiting for; undefined otherwise. Views move focus to the first new item (`firstNew`) then.
 */
export function moreAdded<T, F>(list: PagedListState<T, F>, previous: PagedListState<T, F> | undefined): number | undefined {
  return list !== previous && list.status === 'ready' && previous?.status === 'ready' && previous.more === 'loading' && list.more === 'idle' ? list.items.length - list.firstNew : undefined;
}

export interface Page<T> {
  items: T[];
  nextCursor?: string | null;
}

export interface PagedListOptions<T, F> {
  /**
   * Fetches one page (`cursor` undefined for the first); undefined when it cannot be asked
   * (not configured, not signed in): the list then fails with `unavailable`.
   */
  fetch(cursor: string | undefined): Promise<Page<T>> | undefined;
  /** Why a failed fetch failed, as the list says it. */
  failure(error: unknown): F;
  /** The reason when `fetch` cannot be asked. */
  unavailable: F;
  /** Called instead of failing when the answer means the caller must act (a session ended); true when handled. */
  intercept?(error: unknown): boolean;
  /** Each item's identity, so a page overlapping the last one adds nothing twice. */
  id(item: T): string;
}

export function pagedList<T, F>(options: PagedListOptions<T, F>) {
  const $list = atom<PagedListState<T, F>>({ status: 'loading' });
  let serial = 0;

  const list = {
    $list: $list as ReadableAtom<PagedListState<T, F>>,

    /** A new first page (filters changed, signed in). */
    load(): void {
      const mine = ++serial;
      const asked = options.fetch(undefined);
      if (!asked) return $list.set({ status: 'failed', reason: options.unavailable });
      $list.set({ status: 'loading' });
      asked.then(
        (page) => mine === serial && list.fill(page),
        (error: unknown) => {
          if (mine !== serial || options.intercept?.(error)) return;
          $list.set({ status: 'failed', reason: options.failure(error) });
        },
      );
    },

    /** Shows `page` as the first page (a page fetched for another reason, e.g. checking a token). */
    fill(page: Page<T>): void {
      $list.set({ status: 'ready', items: page.items, nextCursor: page.nextCursor ?? null, more: 'idle', firstNew: 0 });
    },

    /** The next page, appended; `firstNew` says where it starts (for focus). */
    more(): void {
      const l = $list.get();
      if (l.status !== 'ready' || !l.nextCursor || l.more === 'loading') return;
      const asked = options.fetch(l.nextCursor);
      if (!asked) return;
      const mine = serial;
      $list.set({ ...l, more: 'loading' });
      asked.then(
        (page) => {
          if (mine !== serial) return;
          const seen = new Set(l.items.map(options.id));
          $list.set({ status: 'ready', items: [...l.items, ...page.items.filter((i) => !seen.has(options.id(i)))], nextCursor: page.nextCursor ?? null, more: 'idle', firstNew: l.items.length });
        },
        (error: unknown) => {
          if (mine !== serial || options.intercept?.(error)) return;
          $list.set({ ...l, more: 'failed' });
        },
      );
    },

    /** Tries again what failed: the first page, or the next one. */
    retry(): void {
      const l = $list.get();
      if (l.status === 'failed') list.load();
      else if (l.status === 'ready' && l.more === 'failed') list.more();
    },

    /** Puts an item as the API now has it in the list, in place (or first, with `prepend`, when new). */
    put(item: T, prepend = false): void {
      const l = $list.get();
      if (l.status !== 'ready') return;
      const known = l.items.some((i) => options.id(i) === options.id(item));
      if (known) $list.set({ ...l, items: l.items.map((i) => (options.id(i) === options.id(item) ? item : i)) });
      else if (prepend) $list.set({ ...l, items: [item, ...l.items] });
    },

    /** Drops answers still on their way and shows the list as loading. */
    reset(): void {
      serial++;
      $list.set({ status: 'loading' });
    },

    /** Drops answers still on their way (the element was moved or removed). */
    drop(): void {
      serial++;
    },
  };
  return list;
}

export type PagedList<T, F> = ReturnType<typeof pagedList<T, F>>;
