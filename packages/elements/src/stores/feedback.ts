// The flow of <cocreate-feedback>: a thin composition of the kit's form, submission, council and
// anti-abuse pieces, so the element only renders.
//
//   idle (compact, closed) -> editing -> invalid <-> editing
//                                     -> sending -> sent | queued -> sent | rejected
//                                                -> rejected | error   (text kept, back to editing)
import type { FeedbackCreate, FeedbackCreated, Locale } from '@civicloop/contract';
import { FEEDBACK_KINDS, FEEDBACK_TEXT_MAX, RATING_MAX, RATING_MIN, type FeedbackKind, type StaffChannel } from '@civicloop/contract/rules';
import { createChallenge, createStaffFeedback, deleteFeedback, isApiError, isNetworkError, isTimeoutError } from '@civicloop/sdk';
import { atom, computed, type ReadableAtom } from 'nanostores';
import { createAntiAbuse } from '../kit/controllers/anti-abuse.js';
import { councilView, outboxFor, queuedReason, refusalOf, refusalReason, setupProblem, transportFor, type RefusalReason, type SetupProblem } from '../kit/stores/connection.js';
import { settled, type CouncilState, type ServicesState } from '../kit/stores/council.js';
import { composeForm } from '../kit/stores/compose.js';
import { check, createForm, type FieldIssue } from '../kit/stores/form.js';
import { createSubmission } from '../kit/stores/submission.js';

/**
 * What the resident has typed and chosen so far. `service` is '' for "not about one service"
 * (ignored when the page presets one), `channel` is for assisted entry only, and `trap` is the
 * honeypot: people never see it, so anything in it was typed by a bot.
 */
export interface FeedbackDraft {
  kind: FeedbackKind | undefined;
  rating: number | undefined;
  text: string;
  service: string;
  wantsReply: boolean;
  contact: string;
  channel: StaffChannel | '';
  trap: string;
}

export type FieldName = 'channel' | 'kind' | 'text' | 'service' | 'contact';
const FIELDS: readonly FieldName[] = ['channel', 'kind', 'text', 'service', 'contact'];

export type FieldErrorCode = 'channel-missing' | 'kind-missing' | 'text-missing' | 'text-too-long' | 'contact-missing' | 'contact-invalid' | 'service-unknown' | 'server-invalid';
export type FieldError = FieldIssue<FieldName> & { code: FieldErrorCode };
export type QueuedReason = 'offline' | 'timeout' | 'server';
export type RejectedReason = RefusalReason;
export type EraseState = 'none' | 'confirming' | 'erasing' | 'erased' | 'failed';

export type FeedbackFlowState =
  | { state: 'idle' }
  | { state: 'editing' }
  | { state: 'invalid'; errors: FieldError[] }
  | { state: 'sending' }
  | { state: 'sent'; receipt: string; id: string; text: string; staff: boolean; erase: EraseState; queuedFirst: boolean }
  | { state: 'queued'; key: string; reason: QueuedReason }
  | { state: 'rejected'; reason: RejectedReason; status: number; problemType: string | undefined; retryAt: number | undefined }
  | { state: 'error'; reason: 'not-configured' | 'not-saved' | 'unexpected'; message: string };

export type { CouncilState, ServicesState, SetupProblem };
export { councilText, serviceName } from '../kit/stores/council.js';

export type FeedbackFlowEvent =
  | { type: 'submitted'; receipt: string; id: string; queued: boolean }
  | { type: 'queued'; key: string }
  | { type: 'error'; status: number | undefined; problemType: string | undefined; message: string };

export interface FeedbackFlowOptions {
  /** The element's API and scope: council, preset service, locale, form instance. Read at every use. */
  scope(): { api: string | undefined; council: string | undefined; service: string | undefined; locale: Locale; instance: string };
  staffToken(): string | undefined;
  notify(event: FeedbackFlowEvent): void;
  storage?: Storage | undefined;
  /** Wall clock for fill time and retry times. @default Date.now */
  now?: () => number;
}

/** The resident's words in a sent body: what comes back to them, never the reply address. */
type Words = Pick<FeedbackCreate, 'kind' | 'text' | 'rating' | 'service'>;
const NOT_CONFIGURED = Symbol('not configured');
const EMPTY: FeedbackDraft = { kind: undefined, rating: undefined, text: '', service: '', wantsReply: false, contact: '', channel: '', trap: '' };
export function createFeedbackFlow(options: FeedbackFlowOptions) {
  const now = options.now ?? Date.now;
  const target = () => {
    const { api, council } = options.scope();
    return api && council ? transportFor({ baseUrl: api, council }) : undefined;
  };
  const scopeKey = () => {
    const { council, service, instance } = options.scope();
    return council ? `feedback:${council}:${service ?? '-'}:${instance}` : undefined;
  };
  const council = councilView();
  const { $council } = council;
  const $compact = atom(false);
  // The preset service as of the last load, so a change of it alone re-checks the setup.
  const $service = atom<string | undefined>(undefined);
  const $setup = computed([$council, council.$services, $service], setupProblem);
  const $erase = atom<EraseState>('none');
  // Whether the shown receipt was recorded by staff (assisted entry), which changes its wording.
  const $staffSent = atom(false);
  const ready = () => ($council.get().status === 'ready' ? ($council.get() as Extract<CouncilState, { status: 'ready' }>).config : undefined);
  const textLimit = () => ready()?.limits.feedbackTextMax ?? FEEDBACK_TEXT_MAX;

  const form = createForm<FeedbackDraft, FieldName>({
    initial: EMPTY,
    fields: FIELDS,
    now,
    validate: (d) => {
      const issues: FieldError[] = [];
      if (options.staffToken() && !d.channel) issues.push({ field: 'channel', code: 'channel-missing' });
      if (!check.oneOf(FEEDBACK_KINDS, d.kind)) issues.push({ field: 'kind', code: 'kind-missing' });
      if (check.missing(d.text)) issues.push({ field: 'text', code: 'text-missing' });
      else if (check.tooLong(d.text, textLimit())) issues.push({ field: 'text', code: 'text-too-long' });
      if (d.wantsReply && check.missing(d.contact)) issues.push({ field: 'contact', code: 'contact-missing' });
      else if (d.wantsReply && check.notEmail(d.contact)) issues.push({ field: 'contact', code: 'contact-invalid' });
      return issues;
    },
    draft: {
      key: scopeKey,
      // A draft outlives the visit on a shared device: a reply address is never kept, nor the channel or the honeypot.
      never: ['contact', 'wantsReply', 'channel', 'trap'],
      storage: options.storage,
      worthKeeping: (d) => Boolean(d.kind || d.rating || d.text.trim()),
      restore: (s) => ({
        kind: check.oneOf(FEEDBACK_KINDS, s['kind']) ? s['kind'] : undefined,
        rating: check.intIn(s['rating'], RATING_MIN, RATING_MAX) ? s['rating'] : undefined,
        text: typeof s['text'] === 'string' ? s['text'] : '',
        service: typeof s['service'] === 'string' ? s['service'] : '',
      }),
    },
  });

  const submission = createSubmission<FeedbackCreated, Words>({
    outbox: () => (target() ? outboxFor(target()!) : undefined),
    operation: 'createFeedback',
    scope: scopeKey,
    reasonOf: queuedReason,
    refusalOf,
    wordsOf: (b) => {
      const { kind, text, rating, service } = b as FeedbackCreate;
      return { kind, text, rating, service };
    },
  });

  const antiAbuse = createAntiAbuse({
    now,
    since: form.since,
    proofRequired: () => ($council.get().status === 'loading' ? undefined : Boolean(ready()?.antiAbuse?.proofOfWork.required) && !options.staffToken()),
    proofKnown: () => settled($council),
    challenge: () => createChallenge(target()!),
  });

  const giveBack = (w: Words) => ({ kind: w.kind, text: w.text ?? '', rating: w.rating, service: w.service ?? '' });
  composeForm(form, submission, {
    giveBack,
    serverCode: (f) => (f === 'service' ? 'service-unknown' : 'server-invalid'),
    fixable: (f) => f !== 'service' || !options.scope().service,
    onOutcome: (o) =>
      options.notify(o.type === 'sent' ? { type: 'submitted', receipt: o.result.receipt, id: o.result.id, queued: o.later } : o.type === 'queued' ? o : { ...o, type: 'error' }),
  });

  // One object per state the resident can tell apart: the element announces each new one once.
  let last: FeedbackFlowState | undefined;
  const same = (a: object, b: object) => Object.keys(a).length === Object.keys(b).length && Object.entries(a).every(([k, v]) => (b as Record<string, unknown>)[k] === v);
  const $flow = computed([form.$errors, submission.$state, $compact, $erase, $staffSent], (errors, s, compact, erase, staff) => {
    const next = derive(errors, s, compact, erase, staff);
    return (last = last && same(last, next) ? last : next);
  });
  function derive(errors: FieldIssue<FieldName>[], s: ReturnType<typeof submission.$state.get>, compact: boolean, erase: EraseState, staff: boolean): FeedbackFlowState {
    switch (s.state) {
      case 'sending':
        return { state: 'sending' };
      case 'sent':
        return { state: 'sent', receipt: s.result.receipt, id: s.result.id, text: s.body?.text ?? '', staff, erase, queuedFirst: s.later };
      case 'queued':
        return { state: 'queued', key: s.key, reason: s.reason };
      case 'refused': {
        const r = s.refusal;
        // A service preset by the page that the council lacks is a setup error, not the resident's.
        const serviceUnknown = r.status === 422 && (r.issues ?? []).some((i) => i.path === '/service');
        const retryAt = r.retryAfter !== undefined ? now() + r.retryAfter : undefined;
        return { state: 'rejected', reason: serviceUnknown ? 'not-found' : refusalReason(r), status: r.status ?? 0, problemType: r.problemType, retryAt };
      }
      case 'error':
        return { state: 'error', reason: s.cause === NOT_CONFIGURED ? 'not-configured' : isNetworkError(s.cause) || isTimeoutError(s.cause) ? 'not-saved' : 'unexpected', message: s.message };
    }
    if (errors.length) return { state: 'invalid', errors: errors as FieldError[] };
    return compact ? { state: 'idle' } : { state: 'editing' };
  }

  function buildBody(d: FeedbackDraft): FeedbackCreate {
    const { service, locale } = options.scope();
    const chosen = service ?? (d.service || undefined);
    const body: FeedbackCreate = { kind: d.kind!, text: d.text.trim(), locale };
    if (chosen) body.service = chosen;
    if (d.rating) body.rating = d.rating;
    if (d.wantsReply && d.contact.trim()) body.contact = d.contact.trim();
    // Origin and path only: a query string may carry someone's session or search terms.
    if (typeof location !== 'undefined' && /^https?:$/.test(location.protocol)) body.pageUrl = location.origin + location.pathname;
    return body;
  }

  const flow = {
    $draft: form.$values as ReadableAtom<FeedbackDraft>,
    $flow: $flow as ReadableAtom<FeedbackFlowState>,
    $council,
    $services: council.$services,
    /** A fault of the page's setup that stops every input (said at once, before anyone writes). */
    $setup: $setup as ReadableAtom<SetupProblem | undefined>,
    textLimit,

    /** (Re)loads what depends on the configuration: council, services, the draft, outcomes waiting for this form. */
    async load(): Promise<void> {
      flow.dispose();
      const t = target();
      if (!form.$values.get().text) form.restore();
      if (form.$values.get().text.trim() || form.$values.get().kind) $compact.set(false);
      // The services are the resident's choices, or the check of the one the page presets.
      $service.set(options.scope().service);
      council.follow(t, true);
      await submission.connect().catch(() => undefined);
    },

    update(patch: Partial<FeedbackDraft>): void {
      antiAbuse.prepare();
      form.update(patch);
      $compact.set(false);
    },

    /** Follows `compact`: closed on "Was this page useful?" until the resident answers or has a draft. */
    setCompact(compact: boolean): void {
      const d = form.$values.get();
      $compact.set(compact && !d.kind && !d.text.trim());
    },

    open(useful: boolean | undefined): void {
      if (useful !== undefined && !form.$values.get().kind) form.update({ kind: useful ? 'praise' : 'problem' });
      $compact.set(false);
    },

    async submit(): Promise<void> {
      if (submission.$state.get().state === 'sending' || !form.complete()) return;
      const t = target();
      if (!t) return submission.settle({ state: 'error', message: 'The element has no api or council attribute', cause: NOT_CONFIGURED });
      const d = form.$values.get();
      const body = buildBody(d);
      const token = options.staffToken();
      submission.settle({ state: 'sending', body });
      const { key, body: wire } = await submission.attempt(JSON.stringify([body, token && d.channel]), async () => ({ ...body, ...(await antiAbuse.fields(d.trap)) }));
      $staffSent.set(Boolean(token));
      // Staff record directly: nothing is kept on a shared desk's device.
      const s = token
        ? await submission.direct(key, body, () => createStaffFeedback(t, { ...(wire as FeedbackCreate), channel: d.channel as StaffChannel }, { token, idempotencyKey: key }), (e) => (isApiError(e) ? refusalOf(e) : undefined))
        : await submission.send(wire, key);
      if (s.state === 'sent' || s.state === 'queued') form.reset({ channel: d.channel });
    },

    /** The resident chose not to wait for a kept input: its words come back to the form. */
    async discard(): Promise<void> {
      const words = await submission.discard();
      if (words) form.giveBack(giveBack(words));
    },

    /** After an outcome, or while one waits: a new input (the form was emptied when the last one went). */
    again(): void {
      $erase.set('none');
      submission.again();
    },

    requestErase: () => $erase.get() === 'none' && $erase.set('confirming'),
    cancelErase: () => $erase.set('none'),

    /** Erases the sent input on the server: its text and contact go, only counts remain. */
    async confirmErase(): Promise<void> {
      const s = submission.$state.get();
      const t = target();
      if (s.state !== 'sent' || !t) return;
      $erase.set('erasing');
      try {
        await deleteFeedback(t, s.result.receipt);
        if (submission.$state.get() === s) $erase.set('erased');
      } catch (error) {
        if (submission.$state.get() === s) $erase.set('failed');
        const r = refusalOf(error);
        options.notify({ type: 'error', status: r.status, problemType: r.problemType, message: r.message });
      }
    },

    dispose(): void {
      council.stop();
      submission.disconnect();
    },
  };
  return flow;
}

export type FeedbackFlow = ReturnType<typeof createFeedbackFlow>;
