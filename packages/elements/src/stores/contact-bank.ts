// The flow of <contact-bank-signup>: the kit's form flow for signing up, and the three tasks a
// link in the bank's emails opens in the same element (the page URL's fragment says which).
//
//   signup:     editing -> invalid <-> editing
//                       -> sending -> sent ("check your email") | queued -> sent | rejected | consent-changed
//                                  -> rejected | error                (answers kept, back to editing)
//                                  -> consent-changed                 (the council's consent text has a new
//                                     version: the new text is fetched, consent unticked, the rest kept)
//   confirm:    #token=       working -> done | failed
//   manage:     #manage=      working -> ready -> (changing -> saving -> ready) | (withdrawing -> withdrawn) | failed
//   invitation: #invitation=  working -> ready -> answering -> answered | failed
//
// A draft keeps what the resident chose, never who they are: email, phone, contact person,
// accessibility needs and age band stay off the device, and consent is ticked afresh each time.
import type { Locale, ServiceCategory } from '@civicloop/contract';
import { PROBLEM_TYPES } from '@civicloop/contract/rules';
import { isApiError, isNetworkError, isTimeoutError, type Transport } from '@civicloop/sdk';
import { atom, computed, type ReadableAtom } from 'nanostores';
import { keepSame, outcomeOf, type OutcomeState } from '../kit/stores/compose.js';
import type { ElementScope } from '../kit/stores/connection.js';
import { setupProblem, type SetupProblem } from '../kit/stores/answers.js';
import { readyConfig, settled } from '../kit/stores/council.js';
import { createErase } from '../kit/stores/erase.js';
import { createFormFlow, type FlowHost } from '../kit/stores/flow.js';
import type { SubmissionState } from '../kit/stores/submission.js';
import { check, createForm, pageUrl, type FieldIssue } from '../kit/stores/form.js';
import {
  ACCESSIBILITY_NEEDS,
  AGE_BANDS,
  CONTACT_FORMATS,
  CONTACT_KINDS,
  CONTACT_NAME_MAX,
  CONTACT_NOTE_MAX,
  CONTACT_PHONE_MAX,
  CONTACT_PURPOSES,
  contactBankApi,
  type AccessibilityNeed,
  type AgeBand,
  type ContactAccepted,
  type ContactBankApi,
  type ContactBankConfig,
  type ContactCreate,
  type ContactFormat,
  type ContactKind,
  type ContactPurpose,
  type Invitation,
  type MyContact,
  type MyContactPatch,
} from './contact-bank-api.js';

export type { AccessibilityNeed, AgeBand, ContactBankConfig, ContactFormat, ContactKind, ContactPurpose, Invitation, MyContact, SetupProblem };
export { ACCESSIBILITY_NEEDS, CONTACT_KINDS, CONTACT_PURPOSES };

/** What the resident has chosen and typed so far; `trap` is the honeypot. */
export interface SignupDraft {
  kind: ContactKind | undefined;
  organisation: string;
  name: string;
  email: string;
  phone: string;
  district: string;
  categories: ServiceCategory[];
  services: string[];
  formats: ContactFormat[];
  languages: string[];
  accessibility: AccessibilityNeed[];
  accessibilityNote: string;
  ageBand: AgeBand | '';
  /** The purposes ticked (the server's `consent.purposes`: its 422 points at `/consent`). */
  consent: ContactPurpose[];
  trap: string;
}

export type FieldName = 'kind' | 'organisation' | 'name' | 'email' | 'phone' | 'district' | 'categories' | 'services' | 'formats' | 'languages' | 'accessibility' | 'accessibilityNote' | 'ageBand' | 'consent';
const FIELDS: readonly FieldName[] = ['kind', 'organisation', 'name', 'email', 'phone', 'district', 'categories', 'services', 'formats', 'languages', 'accessibility', 'accessibilityNote', 'ageBand', 'consent'];

export type FieldErrorCode =
  | 'kind-missing'
  | 'organisation-missing'
  | 'name-missing'
  | 'email-missing'
  | 'email-invalid'
  | 'phone-invalid'
  | 'languages-missing'
  | 'consent-missing'
  | 'consent-unseen'
  | 'too-long'
  | 'server-invalid';
export type FieldError = FieldIssue<FieldName> & { code: FieldErrorCode };

// The contract's pattern for a phone number: digits with the usual separators, an optional +.
const PHONE = /^\+?[0-9][0-9 ()./-]{2,}$/;

const organised = (kind: ContactKind | undefined) => kind === 'association' || kind === 'business';

/**
 * Every problem with `d`, in form order; `manage` leaves out the email (it cannot change).
 * `consentShown`: whether the council's consent text is on screen; no one consents to a text they
 * could not read (its configuration did not load), not even to have it sent later.
 */
export function validateSignup(d: SignupDraft, manage = false, consentShown = true): FieldError[] {
  const issues: FieldError[] = [];
  if (!check.oneOf(CONTACT_KINDS, d.kind)) issues.push({ field: 'kind', code: 'kind-missing' });
  if (organised(d.kind)) {
    if (check.missing(d.organisation)) issues.push({ field: 'organisation', code: 'organisation-missing' });
    else if (check.tooLong(d.organisation, CONTACT_NAME_MAX)) issues.push({ field: 'organisation', code: 'too-long' });
    if (check.missing(d.name)) issues.push({ field: 'name', code: 'name-missing' });
    else if (check.tooLong(d.name, CONTACT_NAME_MAX)) issues.push({ field: 'name', code: 'too-long' });
  }
  if (!manage) {
    if (check.missing(d.email)) issues.push({ field: 'email', code: 'email-missing' });
    else if (check.notEmail(d.email)) issues.push({ field: 'email', code: 'email-invalid' });
  }
  const digits = d.phone.replace(/\D/g, '').length;
  if (d.phone.trim() && (!PHONE.test(d.phone.trim()) || check.tooLong(d.phone, CONTACT_PHONE_MAX) || digits < 6)) issues.push({ field: 'phone', code: 'phone-invalid' });
  if (!d.languages.length) issues.push({ field: 'languages', code: 'languages-missing' });
  if (check.tooLong(d.accessibilityNote, CONTACT_NOTE_MAX)) issues.push({ field: 'accessibilityNote', code: 'too-long' });
  if (!consentShown) issues.push({ field: 'consent', code: 'consent-unseen' });
  else if (!d.consent.length) issues.push({ field: 'consent', code: 'consent-missing' });
  return issues;
}

const EMPTY: SignupDraft = {
  kind: undefined, organisation: '', name: '', email: '', phone: '', district: '', categories: [], services: [], formats: [], languages: [],
  accessibility: [], accessibilityNote: '', ageBand: '', consent: [], trap: '',
};

const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
const within = <T extends string>(values: readonly T[], v: unknown): T[] => strings(v).filter((x): x is T => values.includes(x as T));

/** Which task the page's address opens: a link from one of the bank's emails, or signing up. */
export type Mode = { mode: 'signup'; via: string | undefined } | { mode: 'confirm' | 'manage' | 'invitation'; token: string };

/** The mode a URL fragment asks for (`#token=`, `#manage=`, `#invitation=`, or `#via=` on a passed-on link). */
export function modeFromHash(hash: string): Mode {
  const p = new URLSearchParams(hash.replace(/^#/, ''));
  for (const [key, mode] of [['token', 'confirm'], ['manage', 'manage'], ['invitation', 'invitation']] as const) {
    const token = p.get(key)?.trim();
    if (token) return { mode, token };
  }
  return { mode: 'signup', via: p.get('via')?.trim() || undefined };
}

/**
 * The address to pass on: this page without its query (it may carry someone's session) or
 * fragment, plus the opaque `via` code, which counts joins through passing on and names nobody.
 */
export function shareUrl(page: string | undefined, via: string | undefined): string | undefined {
  if (!page) return undefined;
  return via ? `${page}#via=${encodeURIComponent(via)}` : page;
}

/** Why a task could not be done, in the terms residents are told. */
export type TaskFailure = 'offline' | 'expired' | 'not-configured' | 'error';

export function taskFailure(error: unknown): TaskFailure {
  if (isNetworkError(error) || isTimeoutError(error)) return 'offline';
  // An unknown, used or expired token: the link no longer works.
  if (isApiError(error) && [401, 403, 404, 410].includes(error.status)) return 'expired';
  return 'error';
}

export type SignupState =
  | { state: 'editing' }
  | { state: 'invalid'; errors: FieldError[] }
  | { state: 'sent'; shareCode: string | undefined; queuedFirst: boolean }
  /** Refused because the council changed its consent text meanwhile; `queuedFirst`: it was kept on the device first. */
  | { state: 'consent-changed'; queuedFirst: boolean }
  | OutcomeState;

export type ManageState = 'working' | 'ready' | 'changing' | 'saving' | 'saved' | 'renewed' | 'withdrawing' | 'withdrawn' | 'withdraw-failed';
export type TaskState =
  | { mode: 'confirm'; state: 'working' | 'done'; manageToken: string | undefined }
  | { mode: 'manage'; state: ManageState; record: MyContact | undefined; errors: FieldError[] }
  | { mode: 'invitation'; state: 'working' | 'ready' | 'answering' | 'answered'; invitation: Invitation | undefined; answer: 'yes' | 'no' | undefined }
  | { mode: 'failed'; task: Exclude<Mode['mode'], 'signup'>; state: 'failed'; reason: TaskFailure };

export interface ContactBankFlowOptions extends FlowHost<ContactAccepted> {
  scope(): ElementScope & { locale: Locale };
  /** The page address's fragment, read at each load. @default location.hash */
  hash?(): string;
  /** Removes the fragment from the page's address once read. @default none (the element passes history.replaceState) */
  forgetHash?(): void;
  /** The server's operations. @default the SDK's */
  api?: ContactBankApi;
}

function restore(s: Record<string, unknown>): Partial<SignupDraft> {
  return {
    kind: check.oneOf(CONTACT_KINDS, s['kind']) ? s['kind'] : undefined,
    organisation: typeof s['organisation'] === 'string' ? s['organisation'] : '',
    district: typeof s['district'] === 'string' ? s['district'] : '',
    // Checked against the council's services when shown: an unknown one is never rendered or sent.
    categories: strings(s['categories']) as ServiceCategory[],
    services: strings(s['services']),
    formats: within(CONTACT_FORMATS, s['formats']),
    languages: strings(s['languages']),
  };
}

/** The form's values from a stored entry (manage mode), or from a sign-up given back after a refusal (in memory; the draft keeps what it may). */
function draftOf(r: MyContact | ContactCreate): SignupDraft {
  return {
    ...EMPTY,
    kind: r.kind,
    organisation: r.organisation ?? '',
    name: r.name ?? '',
    email: r.email,
    phone: r.phone ?? '',
    district: r.district ?? '',
    categories: [...(r.categories ?? [])],
    services: [...(r.services ?? [])],
    formats: [...(r.formats ?? [])],
    languages: [...(r.languages ?? [])],
    accessibility: [...(r.accessibility ?? [])],
    accessibilityNote: r.accessibilityNote ?? '',
    ageBand: r.ageBand ?? '',
    consent: [...r.consent.purposes],
  };
}

/** The profile a sign-up sends, trimmed, without empty optional fields. */
function profileOf(d: SignupDraft, locale: Locale) {
  const org = organised(d.kind);
  return {
    kind: d.kind!,
    ...(org ? { organisation: d.organisation.trim(), name: d.name.trim() } : {}),
    ...(d.phone.trim() ? { phone: d.phone.trim() } : {}),
    ...(d.district ? { district: d.district } : {}),
    categories: d.categories,
    services: d.services,
    formats: d.formats,
    languages: d.languages,
    accessibility: d.accessibility,
    ...(d.accessibilityNote.trim() ? { accessibilityNote: d.accessibilityNote.trim() } : {}),
    ...(d.ageBand ? { ageBand: d.ageBand } : {}),
    locale,
  };
}

/** A change of one's entry: every field, cleared ones as null. */
function patchOf(d: SignupDraft, version: string | undefined, locale: Locale): MyContactPatch {
  const org = organised(d.kind);
  return {
    ...profileOf(d, locale),
    organisation: org ? d.organisation.trim() : null,
    name: org ? d.name.trim() : null,
    phone: d.phone.trim() || null,
    district: d.district || null,
    accessibilityNote: d.accessibilityNote.trim() || null,
    ageBand: d.ageBand || null,
    ...(version ? { consent: { version, purposes: d.consent } } : {}),
  };
}

export function createContactBankFlow(options: ContactBankFlowOptions) {
  const api = options.api ?? contactBankApi;
  const hash = options.hash ?? (() => (typeof location === 'undefined' ? '' : location.hash));
  const $mode = atom<Mode>(modeFromHash(hash()));
  const $task = atom<TaskState | undefined>(undefined);

  const base = createFormFlow<SignupDraft, FieldName, ContactAccepted, ContactCreate>({
    ...options,
    name: 'contact-bank',
    operation: 'createContact',
    staff: () => false,
    form: {
      initial: EMPTY,
      fields: FIELDS,
      // Called on edits and on sending, once `base` exists. A page that cannot send at all (a setup
      // fault: an unknown council, a refused site) says so in its own notice, and the server refuses.
      validate: (d) => validateSignup(d, false, Boolean(bank() || $setup.get())),
      draft: {
        // Kept: what they chose. Never: who they are, their needs and age, and consent (ticked afresh each visit).
        never: ['name', 'email', 'phone', 'accessibility', 'accessibilityNote', 'ageBand', 'consent', 'trap'],
        worthKeeping: (d) => Boolean(d.kind || d.organisation.trim() || d.district || d.categories.length || d.services.length || d.formats.length || d.languages.length),
        restore,
      },
    },
    wordsOf: (b) => b as ContactCreate,
    giveBack: draftOf,
    serverCode: () => 'server-invalid',
    fixable: () => true,
  });
  const { form, submission, now, target } = base;
  /** The council's bank settings (consent text, districts, choices), once its configuration is in. */
  const bank = (): ContactBankConfig | undefined => readyConfig(base.$council)?.contactBank;
  // The manage task's own form: no draft (the entry is the council's copy, not the device's).
  const change = createForm<SignupDraft, FieldName>({ initial: EMPTY, fields: FIELDS, validate: (d) => validateSignup(d, true), now });
  const $setup: ReadableAtom<SetupProblem | undefined> = computed([base.$council, base.council.$services], (c, s) => setupProblem(c, s, undefined));

  // The server's 409 when the consent version sent is not the council's current one (live, or
  // for a sign-up kept on the device and delivered later): the resident consents to the new text.
  const consentChanged = (s: SubmissionState<ContactAccepted, ContactCreate>): s is Extract<typeof s, { state: 'refused' }> =>
    s.state === 'refused' && s.refusal.status === 409 && s.refusal.problemType === PROBLEM_TYPES.conflict;
  // The new configuration on its way, awaited by the next send so it carries the new version.
  let refreshing: Promise<void> = Promise.resolve();
  submission.$state.listen((s) => {
    if (!consentChanged(s)) return;
    // After composeForm gave the words back (it listens first): consent alone is unticked.
    form.update({ consent: [] });
    refreshing = base.council.refresh();
  });

  const same = keepSame<SignupState>();
  const $flow = computed([form.$errors, submission.$state], (errors, s): SignupState => {
    if (consentChanged(s)) return same({ state: 'consent-changed', queuedFirst: s.later });
    const outcome = outcomeOf(s, now);
    if (outcome) return same(outcome);
    if (s.state === 'sent') return same({ state: 'sent', shareCode: s.result?.shareCode, queuedFirst: s.later });
    if (errors.length) return same({ state: 'invalid', errors: errors as FieldError[] });
    return same({ state: 'editing' });
  });

  let generation = 0;
  // A send waiting for the council's configuration (a second press does nothing).
  let waiting = false;

  /** Runs a task's server call, unless the element was reloaded meanwhile; failures become `failed`. */
  async function run<T>(task: Exclude<Mode['mode'], 'signup'>, call: (t: Transport) => Promise<T>): Promise<T | undefined> {
    const t = target();
    if (!t) return void $task.set({ mode: 'failed', task, state: 'failed', reason: 'not-configured' });
    const mine = generation;
    try {
      const result = await call(t);
      return mine === generation ? result : undefined;
    } catch (error) {
      if (mine === generation) $task.set({ mode: 'failed', task, state: 'failed', reason: taskFailure(error) });
      return undefined;
    }
  }

  // The manage token: from the link, or given back by confirming (the page goes on to manage).
  let manageToken = '';
  const manage = () => $task.get() as Extract<TaskState, { mode: 'manage' }>;
  const erase = createErase({
    shown: () => manage().record,
    erase: () => {
      const t = target();
      return t ? api.withdraw(t, manageToken) : undefined;
    },
    failed: () => undefined,
  });
  erase.$erase.listen((e) => {
    const task = $task.get();
    if (task?.mode !== 'manage') return;
    const state: ManageState = e === 'confirming' || e === 'erasing' ? 'withdrawing' : e === 'erased' ? 'withdrawn' : e === 'failed' ? 'withdraw-failed' : 'ready';
    $task.set({ ...task, state, ...(state === 'withdrawn' ? { record: undefined } : {}) });
  });

  async function openManage(): Promise<void> {
    erase.cancel();
    $task.set({ mode: 'manage', state: 'working', record: undefined, errors: [] });
    const record = await run('manage', (t) => api.me(t, manageToken));
    if (record) $task.set({ mode: 'manage', state: 'ready', record, errors: [] });
  }

  async function startTask(): Promise<void> {
    const m = $mode.get();
    if (m.mode === 'signup') return void $task.set(undefined);
    if (m.mode === 'confirm') {
      $task.set({ mode: 'confirm', state: 'working', manageToken: undefined });
      const confirmed = await run('confirm', (t) => api.confirm(t, m.token));
      if (confirmed) $task.set({ mode: 'confirm', state: 'done', manageToken: confirmed.manageToken });
    } else if (m.mode === 'manage') {
      manageToken = m.token;
      await openManage();
    } else {
      $task.set({ mode: 'invitation', state: 'working', invitation: undefined, answer: undefined });
      const invitation = await run('invitation', (t) => api.invitation(t, m.token));
      if (invitation) $task.set({ mode: 'invitation', state: 'ready', invitation, answer: invitation.answer ?? undefined });
    }
  }

  const flow = {
    $mode: $mode as ReadableAtom<Mode>,
    $flow: $flow as ReadableAtom<SignupState>,
    $task: $task as ReadableAtom<TaskState | undefined>,
    $draft: form.$values as ReadableAtom<SignupDraft>,
    $change: change.$values as ReadableAtom<SignupDraft>,
    $council: base.$council,
    $services: base.council.$services,
    $setup: $setup as ReadableAtom<SetupProblem | undefined>,
    bank,

    /** (Re)loads for the element's scope and the page address: council, services, the task a link asks for. */
    async load(): Promise<void> {
      generation++;
      // A token read from the address leaves it at once (BANK-CONTRACT.md): it must not stay in
      // the history or travel in a shared link. The task stays open until the address asks for another.
      const asked = modeFromHash(hash());
      if (asked.mode !== 'signup' || asked.via) {
        $mode.set(asked);
        options.forgetHash?.();
      }
      if ($mode.get().mode === 'signup' && !form.$values.get().kind) form.restore();
      const loading = base.load(true);
      await startTask();
      await loading;
    },

    update(patch: Partial<SignupDraft>): void {
      base.antiAbuse.prepare();
      form.update(patch);
    },

    async submit(): Promise<void> {
      if (waiting || submission.$state.get().state === 'sending') return;
      if (!form.attempt()) {
        // After a refusal, the form's own problems come first (consent to tick again, say); else they would stay hidden behind it.
        if (submission.$state.get().state === 'refused') submission.again();
        return;
      }
      // Consent is to the text of one version: wait for the council's (its fetch is bounded by the SDK's timeout).
      waiting = true;
      await Promise.all([settled(base.$council), refreshing]).finally(() => (waiting = false));
      const d = form.$values.get();
      const m = $mode.get();
      // Without the council's consent text there is no consent to give: the server refuses the
      // sign-up (404 for a council without a bank), and the resident is told so.
      const body: ContactCreate = {
        ...profileOf(d, options.scope().locale),
        email: d.email.trim(),
        consent: { version: bank()?.consent.version ?? '', purposes: d.consent },
        pageUrl: pageUrl() ?? '',
        ...(m.mode === 'signup' && m.via ? { via: m.via } : {}),
      };
      const started = await base.start(body, body, d.trap);
      if (!started) return;
      const s = await submission.send(started.wire, started.key);
      if (s.state === 'sent' || s.state === 'queued') form.reset();
    },

    discard: base.discard,
    again(): void {
      submission.again();
    },

    /** After confirming: on to what they signed up for, with the manage token the server gave. */
    async manageAfterConfirm(): Promise<void> {
      const task = $task.get();
      if (task?.mode !== 'confirm' || !task.manageToken) return;
      manageToken = task.manageToken;
      await openManage();
    },

    /** Manage: the form with what they signed up for, to change it. */
    startChange(): void {
      const task = manage();
      if (task?.mode !== 'manage' || !task.record) return;
      change.reset(draftOf(task.record));
      $task.set({ ...task, state: 'changing', errors: [] });
    },
    updateChange(patch: Partial<SignupDraft>): void {
      change.update(patch);
      const task = manage();
      if (task.state === 'changing' && task.errors.length) $task.set({ ...task, errors: change.$errors.get() as FieldError[] });
    },
    cancelChange(): void {
      $task.set({ ...manage(), state: 'ready', errors: [] });
    },
    async saveChange(): Promise<void> {
      const task = manage();
      if (task.state !== 'changing') return;
      if (!change.attempt()) return void $task.set({ ...task, errors: change.$errors.get() as FieldError[] });
      $task.set({ ...task, state: 'saving', errors: [] });
      const d = change.$values.get();
      // Consent is given again only when the purposes changed (or the council's text did): it is then recorded as changed.
      const version = bank()?.consent.version;
      const purposesChanged = version !== task.record!.consent.version || d.consent.join() !== task.record!.consent.purposes.join();
      const record = await run('manage', (t) => api.update(t, manageToken, patchOf(d, purposesChanged ? version : undefined, task.record!.locale)));
      if (record) $task.set({ mode: 'manage', state: 'saved', record, errors: [] });
    },

    /** Manage, after the re-consent email: the same consent again, so it lasts another period. */
    async renew(): Promise<void> {
      const task = manage();
      const version = bank()?.consent.version;
      if (task.state !== 'ready' && task.state !== 'saved') return;
      if (!task.record || !version) return;
      const record = await run('manage', (t) => api.update(t, manageToken, { consent: { version, purposes: task.record!.consent.purposes } }));
      if (record) $task.set({ mode: 'manage', state: 'renewed', record, errors: [] });
    },

    /** Manage: everything the council holds about them, as JSON (a file they download). */
    async download(): Promise<string | undefined> {
      const data = await run('manage', (t) => api.me(t, manageToken));
      return data === undefined ? undefined : JSON.stringify(data, null, 2);
    },

    requestWithdraw: erase.request,
    cancelWithdraw: erase.cancel,
    confirmWithdraw: erase.confirm,

    /** Invitation: yes or no. */
    async answer(answer: 'yes' | 'no'): Promise<void> {
      const task = $task.get();
      const m = $mode.get();
      if (task?.mode !== 'invitation' || task.state === 'answering' || m.mode !== 'invitation') return;
      $task.set({ ...task, state: 'answering', answer });
      if ((await run('invitation', (t) => api.answer(t, m.token, answer))) !== undefined) $task.set({ ...task, state: 'answered', answer });
    },

    /** A failed task, tried again (e.g. back online). */
    retry: () => void startTask(),

    dispose(): void {
      generation++;
      base.dispose();
    },
  };
  return flow;
}

export type ContactBankFlow = ReturnType<typeof createContactBankFlow>;
export { AGE_BANDS, CONTACT_FORMATS };
