// The flow of <cocreate-feedback>: a thin composition of the kit's form, submission, council,
// erase and anti-abuse pieces, so the element only renders.
//
//   idle (compact, closed) -> editing -> invalid <-> editing
//                                     -> sending -> sent | queued -> sent | rejected
//                                                -> rejected | error   (text kept, back to editing)
import type { FeedbackCreate, FeedbackCreated, Locale } from '@civicloop/contract';
import { FEEDBACK_KINDS, FEEDBACK_TEXT_MAX, normalizeReceipt, RATING_MAX, RATING_MIN, type FeedbackKind, type StaffEntryChannel } from '@civicloop/contract/rules';
import { deleteFeedback, type Transport } from '@civicloop/sdk';
import { atom, computed, type ReadableAtom } from 'nanostores';
import { setupProblem, type SetupProblem } from '../kit/stores/answers.js';
import type { ElementScope } from '../kit/stores/connection.js';
import { readyConfig, type CouncilState, type ServicesState } from '../kit/stores/council.js';
import { keepSame, outcomeOf, type OutcomeState } from '../kit/stores/compose.js';
import type { EraseState } from '../kit/stores/erase.js';
import type { OutboxLike } from '../kit/stores/submission.js';
import { createFormFlow, type FlowEvent, type FlowHost } from '../kit/stores/flow.js';
import { check, pageUrl, type FieldIssue } from '../kit/stores/form.js';

/**
 * What the resident has typed and chosen so far. `service` is '' for "not about one service"
 * (ignored when the page presets one), `channel` and `sourceUrl` are for staff only, and `trap` is the
 * honeypot: people never see it, so anything in it was typed by a bot.
 */
export interface FeedbackDraft {
  kind: FeedbackKind | undefined;
  rating: number | undefined;
  text: string;
  service: string;
  wantsReply: boolean;
  contact: string;
  channel: StaffEntryChannel | '';
  /** Where input seen in public can be seen (a petition's page, a post). */
  sourceUrl: string;
  trap: string;
}

export type FieldName = 'channel' | 'sourceUrl' | 'kind' | 'text' | 'service' | 'contact';
const FIELDS: readonly FieldName[] = ['channel', 'sourceUrl', 'kind', 'text', 'service', 'contact'];

export type FieldErrorCode = 'channel-missing' | 'source-missing' | 'source-invalid' | 'kind-missing' | 'text-missing' | 'text-too-long' | 'contact-missing' | 'contact-invalid' | 'service-unknown' | 'server-invalid';
export type FieldError = FieldIssue<FieldName> & { code: FieldErrorCode };

export type FeedbackFlowState =
  | { state: 'idle' }
  | { state: 'editing' }
  | { state: 'invalid'; errors: FieldError[] }
  /** `staff`: how staff received the input they recorded (its channel, which changes the words), undefined for a resident's own. */
  | { state: 'sent'; receipt: string; id: string; text: string; staff: string | undefined; erase: EraseState; queuedFirst: boolean }
  | OutcomeState;

export type { CouncilState, EraseState, ServicesState, SetupProblem };
export { councilText, serviceName } from '../kit/stores/council.js';

export type { FlowEvent as FeedbackFlowEvent };

export interface FeedbackFlowOptions extends FlowHost {
  /** The element's API and scope: council, preset service, locale, form instance. Read at every use. */
  scope(): ElementScope & { locale: Locale };
  staffToken(): string | undefined;
  /** Where the resident follows the input (an absolute http(s) address): the emails that answer it link there. */
  followUrl?(): string | undefined;
  /** Staff mode's own checks and fields, once its module is here (cocreate-console/staff-entry.ts). */
  staffEntry?(): StaffEntry | undefined;
}

/** What staff mode adds to the flow: the channel, for input seen in public its source link, and sending through the staff endpoint. */
export interface StaffEntry {
  issues(d: FeedbackDraft): FieldError[];
  fields(d: FeedbackDraft): { channel: StaffEntryChannel; sourceUrl?: string; rating?: undefined };
  /** Sends directly with the staff token (nothing is kept on a shared desk's device): delivered, refused (an HTTP answer), or it throws. */
  sender(target: Transport, token: string): Pick<OutboxLike, 'send'>;
}

/** The resident's words in a sent body: what comes back to them, never the reply address. */
type Words = Pick<FeedbackCreate, 'kind' | 'text' | 'rating' | 'service'>;
const EMPTY: FeedbackDraft = { kind: undefined, rating: undefined, text: '', service: '', wantsReply: false, contact: '', channel: '', sourceUrl: '', trap: '' };
export function createFeedbackFlow(options: FeedbackFlowOptions) {
  const $compact = atom(false);
  // The channel of the shown receipt when staff recorded it (assisted entry, or seen in public), which changes its wording.
  const $staffChannel = atom<string | undefined>(undefined);
  const textLimit = () => readyConfig(base.$council)?.limits.feedbackTextMax ?? FEEDBACK_TEXT_MAX;
  // The words as wordsOf picked them: text and service as the form holds them.
  const giveBack = (w: Words) => ({ ...w, text: w.text ?? '', service: w.service ?? '' });

  const base = createFormFlow<FeedbackDraft, FieldName, FeedbackCreated, Words>({
    ...options,
    name: 'feedback',
    operation: 'createFeedback',
    erase: (t, created) => deleteFeedback(t, created.receipt),
    staff: () => Boolean(options.staffToken()),
    form: {
      initial: EMPTY,
      fields: FIELDS,
      validate: (d) => {
        const issues: FieldError[] = [];
        if (options.staffToken()) issues.push(...(options.staffEntry?.()?.issues(d) ?? [{ field: 'channel', code: 'channel-missing' } as const]));
        if (!check.oneOf(FEEDBACK_KINDS, d.kind)) issues.push({ field: 'kind', code: 'kind-missing' });
        if (check.missing(d.text)) issues.push({ field: 'text', code: 'text-missing' });
        else if (check.tooLong(d.text, textLimit())) issues.push({ field: 'text', code: 'text-too-long' });
        if (d.wantsReply && check.missing(d.contact)) issues.push({ field: 'contact', code: 'contact-missing' });
        else if (d.wantsReply && check.notEmail(d.contact)) issues.push({ field: 'contact', code: 'contact-invalid' });
        return issues;
      },
      draft: {
        // A draft outlives the visit on a shared device: a reply address is never kept, nor the channel or the honeypot.
        never: ['contact', 'wantsReply', 'channel', 'sourceUrl', 'trap'],
        worthKeeping: (d) => Boolean(d.kind || d.rating || d.text.trim()),
        restore: (s) => ({
          kind: check.oneOf(FEEDBACK_KINDS, s['kind']) ? s['kind'] : undefined,
          rating: check.intIn(s['rating'], RATING_MIN, RATING_MAX) ? s['rating'] : undefined,
          text: typeof s['text'] === 'string' ? s['text'] : '',
          service: typeof s['service'] === 'string' ? s['service'] : '',
        }),
      },
    },
    wordsOf: (b) => (({ kind, text, rating, service }: FeedbackCreate) => ({ kind, text, rating, service }))(b as FeedbackCreate),
    giveBack,
    serverCode: (f) => (f === 'service' ? 'service-unknown' : 'server-invalid'),
    fixable: (f) => f !== 'service' || !options.scope().service,
  });
  const { form, submission, now, erase } = base;
  // Nothing chosen or written yet: the compact variant may stay closed.
  const untouched = () => !form.$values.get().kind && !form.$values.get().text.trim();
  // The preset service as of the last load, so a change of it alone re-checks the setup.
  const $service = atom<string | undefined>(undefined);
  const $setup = computed([base.$council, base.council.$services, $service], setupProblem);

  // One object per state the resident can tell apart: the element announces each new one once.
  const same = keepSame<FeedbackFlowState>();
  const $flow = computed([form.$errors, submission.$state, $compact, erase.$erase, $staffChannel], (errors, s, compact, erased, staff): FeedbackFlowState => {
    // A service preset by the page that the council lacks is a setup error, not the resident's.
    const outcome = outcomeOf(s, now, (path) => path === '/service');
    if (outcome) return same(outcome);
    if (s.state === 'sent') return same({ state: 'sent', receipt: s.result.receipt, id: s.result.id, text: s.body?.text ?? '', staff, erase: erased, queuedFirst: s.later });
    if (errors.length) return same({ state: 'invalid', errors: errors as FieldError[] });
    return same(compact ? { state: 'idle' } : { state: 'editing' });
  });

  function buildBody(d: FeedbackDraft): FeedbackCreate {
    const { service, locale } = options.scope();
    const chosen = service ?? (d.service || undefined);
    const body: FeedbackCreate = { kind: d.kind!, text: d.text.trim(), locale };
    if (chosen) body.service = chosen;
    if (d.rating) body.rating = d.rating;
    if (d.wantsReply && d.contact.trim()) body.contact = d.contact.trim();
    const page = pageUrl();
    if (page) body.pageUrl = page;
    const follow = options.followUrl?.();
    if (follow) body.followUrl = follow;
    return body;
  }

  return {
    $draft: form.$values as ReadableAtom<FeedbackDraft>,
    $flow: $flow as ReadableAtom<FeedbackFlowState>,
    $council: base.$council,
    $services: base.council.$services,
    /** A fault of the page's setup that stops every input (said at once, before anyone writes). */
    $setup: $setup as ReadableAtom<SetupProblem | undefined>,
    textLimit,

    /** (Re)loads what depends on the configuration: council, services, the draft, outcomes waiting for this form. */
    async load(): Promise<void> {
      if (!form.$values.get().text) form.restore();
      if (!untouched()) $compact.set(false);
      // The services are the resident's choices, or the check of the one the page presets.
      $service.set(options.scope().service);
      await base.load(true);
    },

    update(patch: Partial<FeedbackDraft>): void {
      base.antiAbuse.prepare();
      form.update(patch);
      $compact.set(false);
    },

    /** Follows `compact`: closed on "Was this page useful?" until the resident answers or has a draft. */
    setCompact(compact: boolean): void {
      $compact.set(compact && untouched());
    },

    open(useful: boolean | undefined): void {
      if (useful !== undefined && !form.$values.get().kind) form.update({ kind: useful ? 'praise' : 'problem' });
      $compact.set(false);
    },

    async submit(): Promise<void> {
      if (submission.$state.get().state === 'sending' || !form.attempt()) return;
      const [d, token] = [form.$values.get(), options.staffToken()];
      const body = buildBody(d);
      // With a token the staff part is here: without it, validate() stopped at the channel.
      const entry = token ? options.staffEntry?.() : undefined;
      const staff = entry?.fields(d);
      const started = await base.start(body, [body, staff], d.trap);
      if (!started) return;
      const { target, key, wire } = started;
      $staffChannel.set(entry ? d.channel : undefined);
      const s = entry ? await submission.send({ ...(wire as FeedbackCreate), ...staff }, key, entry.sender(target, token!)) : await submission.send(wire, key);
      if (s.state === 'sent' || s.state === 'queued') form.reset({ channel: d.channel });
    },

    discard: base.discard,

    /** After an outcome, or while one waits: a new input (the form was emptied when the last one went). */
    again(): void {
      erase.cancel();
      submission.again();
    },

    requestErase: erase.request,
    cancelErase: erase.cancel,
    confirmErase: erase.confirm,

    /**
     * Its author erased the input with this receipt elsewhere on the page (a `<you-said-we-did>`
     * lookup): if it is the one this form shows as sent, it is shown as erased, not with its text
     * and an "Erase" that would do it again. Whether it was: the element then says nothing more.
     */
    erasedElsewhere(receipt: string): boolean {
      const shown = $flow.get();
      if (shown.state !== 'sent' || shown.erase === 'erased' || normalizeReceipt(shown.receipt) !== normalizeReceipt(receipt)) return false;
      erase.elsewhere();
      return true;
    },

    dispose: base.dispose,
  };
}

export type FeedbackFlow = ReturnType<typeof createFeedbackFlow>;
