// The console's co-creation activities (the contact bank's invitations): the list with each
// activity's invitation counts, creating one, inviting the contacts who match (the bank's own
// filters; the activity's format and consent to invitations are the API's), and one activity
// opened with its answers: the contact details of those who accepted (audited on the server).
//
//   list:   loading -> ready (more: idle|loading|failed) | failed
//   open:   none | loading -> ready | failed
//   action: idle -> invalid | saving -> done | failed      (one create or invite at a time)
import type { Activity, ActivityCreate, ActivityDetail, InvitationsCreate } from '@civicloop/contract';
import { ACTIVITY_PLACE_MAX, ACTIVITY_TEXT_MAX, ACTIVITY_TITLE_MAX, type ContactFormat, type Locale } from '@civicloop/contract/rules';
import { createActivity, createInvitations, getActivity, isApiError, listActivities } from '@civicloop/sdk';
import { atom, type ReadableAtom } from 'nanostores';
import { pagedList, type PagedListState } from '../kit/stores/paged-list.js';
import { staffFailed, staffListFailures, type StaffAccess, type StaffFailure } from './staff-access.js';

export type ActivityList = PagedListState<Activity, StaffFailure>;
export type OpenActivity = { status: 'none' } | { status: 'loading'; id: string } | { status: 'ready'; detail: ActivityDetail } | { status: 'failed'; id: string; reason: StaffFailure };

export type ActivityField = 'title' | 'format' | 'startsAt' | 'endsAt' | 'place' | 'url' | 'text';
/** `server`: the API refused the value (its words in `message`). */
export type ActivityProblem = 'empty' | 'too-long' | 'not-a-date' | 'ends-before' | 'not-a-link' | 'server';

/** What the create form holds: `startsAt` and `endsAt` as a `datetime-local` input gives them (the browser's time zone). */
export interface ActivityDraft {
  title: string;
  format: ContactFormat | '';
  startsAt: string;
  endsAt: string;
  place: string;
  url: string;
  text: string;
  locale: Locale;
}

/** Whom to invite: the bank search's filters an invitation takes ('' for any). */
export interface InviteFilters {
  interest: string;
  district: string;
}

export type ActivityAction =
  | { state: 'idle' }
  | { state: 'saving'; what: 'create' | 'invite' }
  | { state: 'done'; what: 'create'; activity: Activity }
  | { state: 'done'; what: 'invite'; invited: number; alreadyInvited: number }
  | { state: 'failed'; what: 'create' | 'invite'; reason: StaffFailure }
  | { state: 'invalid'; what: 'create'; problems: Partial<Record<ActivityField, { problem: ActivityProblem; message?: string }>> };

const LIMITS: Partial<Record<ActivityField, number>> = { title: ACTIVITY_TITLE_MAX, text: ACTIVITY_TEXT_MAX, place: ACTIVITY_PLACE_MAX };

/** A `datetime-local` value as the API's RFC 3339 UTC moment, or undefined when it is none. */
const moment = (local: string): string | undefined => {
  const at = local ? new Date(local) : undefined;
  return at && !Number.isNaN(at.getTime()) ? at.toISOString() : undefined;
};

const isWebLink = (value: string) => {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
};

/** The contract's rules for a new activity, checked before sending; the body to send when none is broken. */
export function checkActivity(d: ActivityDraft): { problems: Partial<Record<ActivityField, { problem: ActivityProblem }>>; body?: ActivityCreate } {
  const problems: Partial<Record<ActivityField, { problem: ActivityProblem }>> = {};
  const [title, text, place, url] = [d.title.trim(), d.text.trim(), d.place.trim(), d.url.trim()];
  for (const [f, v, required] of [['title', title, true], ['text', text, true], ['place', place, false]] as const) {
    if (!v && required) problems[f] = { problem: 'empty' };
    else if (v.length > LIMITS[f]!) problems[f] = { problem: 'too-long' };
  }
  if (!d.format) problems.format = { problem: 'empty' };
  const startsAt = moment(d.startsAt);
  const endsAt = moment(d.endsAt);
  if (!d.startsAt) problems.startsAt = { problem: 'empty' };
  else if (!startsAt) problems.startsAt = { problem: 'not-a-date' };
  if (d.endsAt && !endsAt) problems.endsAt = { problem: 'not-a-date' };
  else if (startsAt && endsAt && endsAt < startsAt) problems.endsAt = { problem: 'ends-before' };
  if (url && (!isWebLink(url) || url.length > 2048)) problems.url = { problem: 'not-a-link' };
  if (Object.keys(problems).length) return { problems };
  return {
    problems,
    body: { title, format: d.format as ContactFormat, startsAt: startsAt!, ...(endsAt ? { endsAt } : {}), ...(place ? { place } : {}), ...(url ? { url } : {}), text, locale: d.locale },
  };
}

export function createConsoleActivities(options: { access: StaffAccess; pageSize?: number }) {
  const { access } = options;
  const $open = atom<OpenActivity>({ status: 'none' });
  const $action = atom<ActivityAction>({ state: 'idle' });
  let openSerial = 0;

  /** A failure to show, or undefined when the session ended (401). */
  const failed = (error: unknown): StaffFailure | undefined => staffFailed(access, error);

  const list = pagedList<Activity, StaffFailure>({
    fetch: (cursor) => {
      const a = access.staff();
      return a ? listActivities(a.t, { limit: options.pageSize ?? 20, ...(cursor ? { cursor } : {}) }, { token: a.token }) : undefined;
    },
    ...staffListFailures(access),
    id: (activity) => activity.id,
  });

  /** Asks for one activity with its answers (each look at the accepted contacts is audited). */
  async function read(id: string): Promise<void> {
    const mine = ++openSerial;
    const a = access.staff();
    if (!a) return;
    if ($open.get().status !== 'ready') $open.set({ status: 'loading', id });
    try {
      const detail = await getActivity(a.t, id, { token: a.token });
      if (mine !== openSerial) return;
      $open.set({ status: 'ready', detail });
      // The list shows the counts as they now stand.
      const { acceptedContacts: _people, ...activity } = detail;
      list.put(activity);
    } catch (error) {
      const reason = failed(error);
      if (mine === openSerial && reason) $open.set({ status: 'failed', id, reason });
    }
  }

  return {
    $list: list.$list,
    $open: $open as ReadableAtom<OpenActivity>,
    $action: $action as ReadableAtom<ActivityAction>,
    more: list.more,
    retry: list.retry,

    load(): void {
      list.load();
    },

    /** Opens an activity (undefined goes back to the list). */
    open(id: string | undefined): void {
      $action.set({ state: 'idle' });
      openSerial++;
      $open.set({ status: 'none' });
      if (id) void read(id);
    },

    /** Creates an activity from the form; it heads the list and opens, to invite people to it. */
    async create(draft: ActivityDraft): Promise<Activity | undefined> {
      const a = access.staff();
      if (!a || $action.get().state === 'saving') return undefined;
      const { problems, body } = checkActivity(draft);
      if (!body) return void $action.set({ state: 'invalid', what: 'create', problems });
      $action.set({ state: 'saving', what: 'create' });
      try {
        const activity = await createActivity(a.t, body, { token: a.token });
        list.put(activity, true);
        openSerial++;
        $open.set({ status: 'ready', detail: { ...activity, acceptedContacts: [] } });
        $action.set({ state: 'done', what: 'create', activity });
        return activity;
      } catch (error) {
        // A value the API refuses is said on its field, in the API's words.
        if (isApiError(error) && error.status === 422 && Array.isArray(error.problem?.errors)) {
          const named: Partial<Record<ActivityField, { problem: ActivityProblem; message?: string }>> = {};
          for (const e of error.problem.errors as { path: string; message: string }[]) {
            const f = e.path.slice(1) as ActivityField;
            if (['title', 'format', 'startsAt', 'endsAt', 'place', 'url', 'text'].includes(f)) named[f] = { problem: 'server', message: e.message };
          }
          if (Object.keys(named).length) return void $action.set({ state: 'invalid', what: 'create', problems: named });
        }
        const reason = failed(error);
        $action.set(reason ? { state: 'failed', what: 'create', reason } : { state: 'idle' });
        return undefined;
      }
    },

    /** Invites the contacts who match to the open activity; those invited before are not invited again. */
    async invite(filters: InviteFilters): Promise<void> {
      const a = access.staff();
      const open = $open.get();
      if (!a || open.status !== 'ready' || $action.get().state === 'saving') return;
      const body: InvitationsCreate = { ...(filters.interest ? { interest: filters.interest } : {}), ...(filters.district ? { district: filters.district } : {}) };
      $action.set({ state: 'saving', what: 'invite' });
      try {
        const created = await createInvitations(a.t, open.detail.id, body, { token: a.token });
        $action.set({ state: 'done', what: 'invite', invited: created.invited, alreadyInvited: created.alreadyInvited });
        await read(open.detail.id);
      } catch (error) {
        const reason = failed(error);
        $action.set(reason ? { state: 'failed', what: 'invite', reason } : { state: 'idle' });
      }
    },

    /** The open activity's answers asked again (people answer by email at any time). */
    refresh(): Promise<void> {
      const open = $open.get();
      return open.status === 'ready' ? read(open.detail.id) : Promise.resolve();
    },

    /** Forgets what was shown (signed out). */
    reset(): void {
      list.reset();
      openSerial++;
      $open.set({ status: 'none' });
      $action.set({ state: 'idle' });
    },
    dispose: list.drop,
  };
}

export type ConsoleActivities = ReturnType<typeof createConsoleActivities>;
