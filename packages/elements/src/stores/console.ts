// The state of <cocreate-console>: the staff member's session (a staff token, checked against
// the API and kept for this browser tab only) and the inbox (a filtered list read page by page,
// the input open in the reading pane, its status change and personal reply).
//
//   session: signed-out -> checking -> signed-in | signed-out (refused: wrong | offline | error)
//            signed-in -> signed-out (sign-out, or the API refusing the token later: ended)
//            single sign-on (console-sso.ts): signed-out -> the provider -> checking (the code
//            exchanged) -> signed-in (a session with a person and an expiry) | signed-out (sso: no-role | failed)
//            signed-in (a session) -> signed-out (refused: ended) when it expires, by the page's clock
//   list:    loading -> ready (more: idle|loading|failed) | failed
//   action:  idle -> saving -> done | failed        (status change and reply, one at a time)
import type { FeedbackChannel, FeedbackKind, FeedbackStatus, StaffFeedback, StaffSession } from '@civicloop/contract';
import { REPLY_TEXT_MAX, type StaffRole } from '@civicloop/contract/rules';
import { createReply, createStaffSession, deleteStaffSession, isApiError, isNetworkError, isTimeoutError, getStaffMe, listStaffFeedback, updateStaffFeedback, type Transport } from '@civicloop/sdk';
import { atom, type ReadableAtom } from 'nanostores';
import { councilView, transportFor } from '../kit/stores/connection.js';
import { pagedList, type PagedListState } from '../kit/stores/paged-list.js';
import { beginSignIn, finishSignIn, pendingKey } from './console-sso.js';

/** Why something failed: the token is not (or no longer) accepted, no connection, the service failed, or the element has no API or council. */
export type ConsoleFailure = 'wrong' | 'offline' | 'error' | 'not-configured';

/** A single sign-on session: who, and until when (absent for a staff token). */
export type SessionInfo = Pick<StaffSession, 'person' | 'role' | 'expiresAt'>;

export type SessionState =
  /**
   * `refused`: why the last sign-in failed or the session ended; `left`: the staff member just
   * signed out; `sso`: why single sign-on failed (`no-role`: the person has no role here;
   * `busy`: too many sign-ins from this connection or for this council, to try again at `retryAt`).
   */
  | { state: 'signed-out'; refused?: ConsoleFailure | 'ended'; left?: boolean; sso?: 'no-role' | 'failed' | 'busy'; retryAt?: number }
  | { state: 'checking' }
  | { state: 'signed-in'; session?: SessionInfo };

export type InboxList = PagedListState<StaffFeedback, ConsoleFailure>;

export interface InboxFilters {
  status: FeedbackStatus | '';
  service: string;
  kind: FeedbackKind | '';
  channel: FeedbackChannel | '';
  /** Full-text search (the API's `q`); '' for none. */
  q: string;
  /** Received on or after this day (`YYYY-MM-DD`, UTC); '' for any. */
  from: string;
  /** Received on or before this day (`YYYY-MM-DD`, UTC); '' for any. */
  to: string;
}

/** What the last status change or reply on the open input came to. */
export type ActionState =
  | { state: 'idle' }
  | { state: 'saving'; what: 'status' | 'reply' }
  | { state: 'done'; what: 'status'; status: FeedbackStatus }
  | { state: 'done'; what: 'reply'; emailed: boolean }
  | { state: 'failed'; what: 'status' | 'reply'; reason: ConsoleFailure }
  | { state: 'invalid'; what: 'reply'; problem: 'empty' | 'too-long' };

export interface ConsoleOptions {
  /** The element's API and council, read at every use. */
  scope(): { api: string | undefined; council: string | undefined };
  /** Where the token is kept: the tab's sessionStorage (never localStorage). @default sessionStorage */
  storage?: Storage;
  /** Inputs per page. @default 20 */
  pageSize?: number;
  /** The page's address, where the provider sends the browser back to. @default location.href */
  href?(): string;
  /** Sends the browser to the provider. @default location.assign */
  navigate?(url: string): void;
  /** Replaces the address without a reload (the provider's parameters taken out). @default history.replaceState */
  replaceUrl?(url: string): void;
}

export const EMPTY_FILTERS: InboxFilters = { status: '', service: '', kind: '', channel: '', q: '', from: '', to: '' };

/** The sessionStorage key of a council's token at an API. */
export const tokenKey = (api: string, council: string) => `civicloop.console\n${api}\n${council}`;
/** The sessionStorage key of what a single sign-on session says about itself (who, until when). */
export const sessionKey = (key: string) => `${key}\nsession`;

function failure(error: unknown): ConsoleFailure {
  if (isApiError(error) && (error.status === 401 || error.status === 403)) return 'wrong';
  return isNetworkError(error) || isTimeoutError(error) ? 'offline' : 'error';
}

export function createConsole(options: ConsoleOptions) {
  /** What this tab kept about its single sign-on session, if it has one. */
  const readInfo = (key: string): SessionInfo | undefined => {
    try {
      const raw = storage().getItem(sessionKey(key));
      return raw ? (JSON.parse(raw) as SessionInfo) : undefined;
    } catch {
      return undefined;
    }
  };
  const pageSize = options.pageSize ?? 20;
  const storage = () => options.storage ?? sessionStorage;
  const council = councilView();
  const $session = atom<SessionState>({ state: 'signed-out' });
  const $filters = atom<InboxFilters>(EMPTY_FILTERS);
  const $selected = atom<string | undefined>(undefined);
  const $action = atom<ActionState>({ state: 'idle' });
  // The role, once known: a single sign-on session names it; a staff token's is asked (knowRole).
  const $role = atom<StaffRole | undefined>(undefined);
  let roleAsked = false;
  // The token lives here and in the tab's sessionStorage only: never in an attribute or the DOM.
  let token: string | undefined;
  // Answers to an earlier sign-in (signed out, element moved) are dropped; the list drops its own.
  let sessionSerial = 0;
  let expiry: ReturnType<typeof setTimeout> | undefined;
  const href = () => options.href?.() ?? location.href;

  const target = (): { t: Transport; key: string } | undefined => {
    const { api, council: slug } = options.scope();
    return api && slug ? { t: transportFor({ baseUrl: api, council: slug }), key: tokenKey(api, slug) } : undefined;
  };
  const query = () => {
    const f = $filters.get();
    const q = f.q.trim();
    return {
      ...(f.status ? { status: f.status } : {}),
      ...(f.service ? { service: f.service } : {}),
      ...(f.kind ? { kind: f.kind } : {}),
      ...(f.channel ? { channel: f.channel } : {}),
      ...(q ? { q } : {}),
      ...(f.from ? { from: f.from } : {}),
      ...(f.to ? { to: f.to } : {}),
      limit: pageSize,
    };
  };

  /** The API no longer takes the token (revoked, expired): the session ends and is forgotten. */
  function ended(): void {
    forget();
    $session.set({ state: 'signed-out', refused: 'ended' });
  }

  function forget(): void {
    const tgt = target();
    token = undefined;
    clearTimeout(expiry);
    if (tgt) storage().removeItem(tgt.key);
    if (tgt) storage().removeItem(sessionKey(tgt.key));
    sessionSerial++;
    list.reset();
    $selected.set(undefined);
    $action.set({ state: 'idle' });
    $filters.set(EMPTY_FILTERS);
    $role.set(undefined);
    roleAsked = false;
  }

  const list = pagedList<StaffFeedback, ConsoleFailure>({
    fetch: (cursor) => {
      const tgt = target();
      return tgt && token ? listStaffFeedback(tgt.t, { ...query(), ...(cursor ? { cursor } : {}) }, { token }) : undefined;
    },
    failure,
    unavailable: 'not-configured',
    intercept: (error) => failure(error) === 'wrong' && (ended(), true),
    id: (item) => item.id,
  });

  /** Puts the input as the API now has it in the list, in place. */
  const replace = (item: StaffFeedback) => list.put(item);

  const view = {
    $council: council.$council,
    $services: council.$services,
    $session: $session as ReadableAtom<SessionState>,
    $list: list.$list,
    $filters: $filters as ReadableAtom<InboxFilters>,
    $selected: $selected as ReadableAtom<string | undefined>,
    $action: $action as ReadableAtom<ActionState>,
    /** The signed-in staff member's role; undefined until known (the API decides anyway). */
    $role: $role as ReadableAtom<StaffRole | undefined>,

    /**
     * Learns a staff token's role, once a sign-in (`getStaffMe`). A failure leaves it unknown,
     * to ask again later (the API decides anyway).
     */
    knowRole(): void {
      const tgt = target();
      if ($role.get() || roleAsked || !tgt || !token) return;
      roleAsked = true;
      const serial = sessionSerial;
      getStaffMe(tgt.t, { token }).then(
        (me) => serial === sessionSerial && $role.set(me.role),
        () => {
          if (serial === sessionSerial) roleAsked = false;
        },
      );
    },

    /** Follows the current scope: its council, and a token this tab kept for it (checked again). */
    load(): void {
      const tgt = target();
      council.follow(tgt?.t, true);
      token = undefined;
      list.drop();
      clearTimeout(expiry);
      sessionSerial++;
      // Back from the provider: the code, checked against this tab's state, becomes a session.
      const { api, council: slug } = options.scope();
      if (tgt && api && slug) {
        const back = finishSignIn(href(), storage(), pendingKey(api, slug), options.replaceUrl ?? ((url) => history.replaceState(history.state, '', url)));
        if (back.kind === 'failed') return $session.set({ state: 'signed-out', sso: 'failed' });
        if (back.kind === 'code') {
          const serial = sessionSerial;
          $session.set({ state: 'checking' });
          createStaffSession(tgt.t, back.body).then(
            (s) => serial === sessionSerial && view.signIn(s.token, false, { person: s.person, role: s.role, expiresAt: s.expiresAt }),
            (error: unknown) => {
              if (serial !== sessionSerial) return;
              const reason = failure(error);
              const noRole = isApiError(error) && error.status === 403;
              // The server limits sign-ins per connection and per council (each asks the provider); it says when to come back.
              if (isApiError(error) && error.status === 429) return $session.set({ state: 'signed-out', sso: 'busy', retryAt: Date.now() + (error.retryAfter ?? 3_600_000) });
              $session.set({ state: 'signed-out', ...(noRole ? { sso: 'no-role' as const } : reason === 'wrong' ? { sso: 'failed' as const } : { refused: reason }) });
            },
          );
          return;
        }
      }
      const kept = tgt ? storage().getItem(tgt.key) : null;
      const info = tgt ? readInfo(tgt.key) : undefined;
      // A session that ended while the tab was away is not tried again: it is said to have ended.
      if (kept && info && Date.parse(info.expiresAt) <= Date.now()) return ended();
      if (kept) view.signIn(kept, true, info);
      else $session.set({ state: 'signed-out' });
    },

    /** Single sign-on: sends the browser to the council's provider (the code comes back to this page). */
    async signInWithProvider(): Promise<void> {
      const c = council.$council.get();
      const { api, council: slug } = options.scope();
      if (c.status !== 'ready' || !c.config.sso || !api || !slug) return;
      const url = await beginSignIn(c.config.sso, href(), storage(), pendingKey(api, slug));
      (options.navigate ?? ((u) => location.assign(u)))(url);
    },

    /**
     * Checks `candidate` with a staff call (the inbox's first page, which the signed-in view
     * shows anyway); kept for the tab only once the API accepts it. `restoring` is a token the
     * tab kept: refused, it is forgotten and the sign-in form shows no error.
     */
    signIn(candidate: string, restoring = false, info?: SessionInfo): void {
      const tgt = target();
      const value = candidate.trim();
      if (!tgt) return $session.set({ state: 'signed-out', refused: 'not-configured' });
      if (!value) return $session.set({ state: 'signed-out', refused: 'wrong' });
      const serial = ++sessionSerial;
      list.reset();
      $session.set({ state: 'checking' });
      $filters.set(EMPTY_FILTERS);
      listStaffFeedback(tgt.t, query(), { token: value }).then(
        (page) => {
          if (serial !== sessionSerial) return;
          token = value;
          storage().setItem(tgt.key, value);
          if (info) {
            storage().setItem(sessionKey(tgt.key), JSON.stringify(info));
            // The session ends by the page's clock too: the console says so without waiting for a refused call.
            expiry = setTimeout(ended, Math.min(Math.max(Date.parse(info.expiresAt) - Date.now(), 0), 2 ** 31 - 1));
          }
          list.fill(page);
          $role.set(info?.role);
          roleAsked = false;
          $selected.set(undefined);
          $action.set({ state: 'idle' });
          $session.set({ state: 'signed-in', ...(info ? { session: info } : {}) });
        },
        (error: unknown) => {
          if (serial !== sessionSerial) return;
          const reason = failure(error);
          if (restoring && reason === 'wrong') storage().removeItem(tgt.key);
          $session.set({ state: 'signed-out', ...(restoring && reason === 'wrong' ? { refused: 'ended' as const } : { refused: reason }) });
        },
      );
    },

    /** Forgets the token (this tab's copy too) and shows the sign-in form; a single sign-on session is ended on the server too. */
    signOut(): void {
      const tgt = target();
      if (tgt && token?.startsWith('clss_')) deleteStaffSession(tgt.t, { token }).catch(() => undefined);
      forget();
      $session.set({ state: 'signed-out', left: true });
    },

    /** A changed filter or search: a new first page. */
    filter(patch: Partial<InboxFilters>): void {
      const before = $filters.get();
      const next = { ...before, ...patch };
      if ((Object.keys(next) as (keyof InboxFilters)[]).every((k) => next[k] === before[k]) && list.$list.get().status !== 'failed') return;
      $filters.set(next);
      list.load();
    },

    retry(): void {
      list.retry();
    },

    /** The inbox asked again with the same filters (another view changed its messages). */
    reload(): void {
      list.load();
    },

    /** The next page, appended; `firstNew` says where it starts (for focus). */
    more(): void {
      list.more();
    },

    /** Opens an input in the reading pane (undefined closes it). */
    select(id: string | undefined): void {
      if ($selected.get() === id) return;
      $selected.set(id);
      $action.set({ state: 'idle' });
    },

    /** The open input, as the list has it. */
    selected(): StaffFeedback | undefined {
      const l = list.$list.get();
      const id = $selected.get();
      return l.status === 'ready' && id ? l.items.find((i) => i.id === id) : undefined;
    },

    /** Changes the open input's status. */
    setStatus(status: FeedbackStatus): void {
      const item = view.selected();
      const tgt = target();
      if (!item || !tgt || !token || $action.get().state === 'saving') return;
      $action.set({ state: 'saving', what: 'status' });
      updateStaffFeedback(tgt.t, item.id, { status }, { token }).then(
        (updated) => {
          replace(updated);
          $action.set({ state: 'done', what: 'status', status: updated.status });
        },
        (error: unknown) => (failure(error) === 'wrong' ? ended() : $action.set({ state: 'failed', what: 'status', reason: failure(error) })),
      );
    },

    /** Sends a personal reply to the open input; resolves whether it was sent (the form then empties). */
    reply(text: string): Promise<boolean> {
      const item = view.selected();
      const tgt = target();
      const value = text.trim();
      if (!item || !tgt || !token || $action.get().state === 'saving') return Promise.resolve(false);
      if (!value) return ($action.set({ state: 'invalid', what: 'reply', problem: 'empty' }), Promise.resolve(false));
      if (value.length > REPLY_TEXT_MAX) return ($action.set({ state: 'invalid', what: 'reply', problem: 'too-long' }), Promise.resolve(false));
      $action.set({ state: 'saving', what: 'reply' });
      // One key for this reply, reused by the SDK's retries: a reply is never sent twice.
      return createReply(tgt.t, item.id, { text: value }, { token }).then(
        (reply) => {
          // The API makes the input `answered`; the list shows it without asking again.
          replace({ ...item, status: 'answered', replies: [...item.replies, reply] });
          $action.set({ state: 'done', what: 'reply', emailed: reply.emailed });
          return true;
        },
        (error: unknown) => {
          if (failure(error) === 'wrong') ended();
          else $action.set({ state: 'failed', what: 'reply', reason: failure(error) });
          return false;
        },
      );
    },

    /** The transport and token the console's other views call the API with, while signed in. */
    staff(): { t: Transport; token: string } | undefined {
      const tgt = target();
      return tgt && token ? { t: tgt.t, token } : undefined;
    },

    /** Another view's call was refused (401): the session ends, as it would in the inbox. */
    end(): void {
      ended();
    },

    /** Puts an input another view changed (its theme links) in the list, in place. */
    put(item: StaffFeedback): void {
      replace(item);
    },

    dispose(): void {
      clearTimeout(expiry);
      council.stop();
      list.drop();
      sessionSerial++;
    },
  };
  return view;
}

export type ConsoleView = ReturnType<typeof createConsole>;
