// The flow of <cocreate-feedback>, kept out of the element so that the element only renders.
//
//   idle (compact, closed) -> editing -> invalid <-> editing
//                                     -> sending -> sent | queued -> sent
//                                                -> rejected | error   (text kept, back to editing)
//
// One flow per element instance: two forms on one page must not share a draft.
import {
  FEEDBACK_TEXT_MAX,
  FeedbackCreate,
  PROBLEM_TYPES,
  solveChallenge,
  type CouncilConfig,
  type FeedbackCreated,
  type FeedbackKind,
  type Locale,
  type ProofOfWork,
  type Service,
  type StaffChannel,
} from '@civicloop/contract';
import {
  createOutbox,
  isApiError,
  isContractError,
  isNetworkError,
  isSdkError,
  isTimeoutError,
  randomKey,
  type CivicLoopClient,
  type Outbox,
  type OutboxEvent,
  type QueuedSubmission,
} from '@civicloop/sdk';
import { atom, type ReadableAtom } from 'nanostores';
import { z } from 'zod/mini';

/** What the resident has typed and chosen so far. */
export interface FeedbackDraft {
  kind: FeedbackKind | undefined;
  rating: number | undefined;
  text: string;
  /** Chosen service id; '' for "not about one service". Ignored when the element presets one. */
  service: string;
  wantsReply: boolean;
  contact: string;
  /** Assisted entry only: how the council received the input. */
  channel: StaffChannel | '';
  /** The honeypot: people never see it, so anything in it was typed by a bot. */
  trap: string;
}

export type FieldName = 'channel' | 'kind' | 'text' | 'service' | 'contact';

/** Why a field is invalid; the element turns codes into localized messages. */
export type FieldErrorCode =
  | 'channel-missing'
  | 'kind-missing'
  | 'text-missing'
  | 'text-too-long'
  | 'contact-missing'
  | 'contact-invalid'
  | 'service-unknown'
  | 'server-invalid';

export interface FieldError {
  field: FieldName;
  code: FieldErrorCode;
}

/** Why a queued input could not go at once; the element words it for the resident. */
export type QueuedReason = 'offline' | 'timeout' | 'server';

/** Why the server refused an input; retrying the same request would not help. */
export type RejectedReason = 'rate-limited' | 'spam' | 'not-found' | 'unauthorized' | 'other';

export type EraseState = 'none' | 'confirming' | 'erasing' | 'erased' | 'failed';

export type FeedbackFlowState =
  | { state: 'idle' }
  | { state: 'editing' }
  | { state: 'invalid'; errors: FieldError[] }
  | { state: 'sending' }
  | {
      state: 'sent';
      receipt: string;
      id: string;
      /** What was sent, shown back as the resident's own record (as plain text). */
      text: string;
      staff: boolean;
      erase: EraseState;
      queuedFirst: boolean;
    }
  | { state: 'queued'; key: string; reason: QueuedReason }
  | { state: 'rejected'; reason: RejectedReason; status: number; problemType: string | undefined; retryAt: number | undefined }
  | { state: 'error'; reason: 'not-configured' | 'not-saved' | 'unexpected'; message: string };

export type CouncilState =
  | { status: 'loading' }
  | { status: 'ready'; config: CouncilConfig }
  | { status: 'failed' };

export type ServicesState =
  | { status: 'none' }
  | { status: 'loading' }
  | { status: 'ready'; services: Service[] }
  | { status: 'failed' };

/** What the element dispatches, as the flow reports it. */
export type FeedbackFlowEvent =
  | { type: 'submitted'; receipt: string; id: string; queued: boolean }
  | { type: 'queued'; key: string }
  | { type: 'error'; status: number | undefined; problemType: string | undefined; message: string };

export interface FeedbackFlowOptions {
  /** The current SDK client; undefined while `api` or `council` is missing. */
  client(): CivicLoopClient | undefined;
  /** The element's scope: council, preset service, locale. Read at every use. */
  scope(): { council: string | undefined; service: string | undefined; locale: Locale };
  /** Assisted entry: a staff token switches to staff mode. */
  staffToken(): string | undefined;
  /** Hears about submissions, queued inputs and errors. */
  notify(event: FeedbackFlowEvent): void;
  /** Where drafts are kept. @default globalThis.localStorage */
  storage?: Storage | undefined;
}

const EMPTY_DRAFT: FeedbackDraft = {
  kind: undefined,
  rating: undefined,
  text: '',
  service: '',
  wantsReply: false,
  contact: '',
  channel: '',
  trap: '',
};

const DRAFT_PREFIX = 'civicloop:feedback:draft:';
const PENDING_PREFIX = 'civicloop:feedback:pending:';
// What became of a kept input delivered (or refused) while its form was not on the page: the
// next page with that form shows the receipt, or gives the words back.
const OUTCOME_PREFIX = 'civicloop:feedback:outcome:';
// Outcomes nobody came back for are forgotten after this long (a refusal holds the text).
const OUTCOME_TTL_MS = 7 * 24 * 3600_000;

type StoredOutcome =
  | { type: 'delivered'; at: number; receipt: string; id: string }
  | { type: 'failed'; at: number; status: number | undefined; problemType: string | undefined; body: Pick<FeedbackCreate, 'kind' | 'text' | 'rating' | 'service'> };

// Keys whose outcome a form on this page has already shown, so other forms do not record it.
const shownHere = new Set<string>();

/**
 * A kept input may wait longer than its proof of work lives (15 minutes), or have been kept
 * before one could be fetched: each re-send gets a fresh one when the council asks for it.
 */
async function freshProof(submission: QueuedSubmission, client: CivicLoopClient): Promise<QueuedSubmission['body']> {
  if (submission.operation !== 'createFeedback') return submission.body;
  const { proof: _stale, ...body } = submission.body as FeedbackCreate;
  const config = await client.getCouncil();
  return config.antiAbuse?.proofOfWork.required ? { ...body, proof: (await solveFor(client)).proof } : body;
}

/** Asks the council's server for a challenge and solves it. */
async function solveFor(client: CivicLoopClient): Promise<{ proof: ProofOfWork; expiresAt: number }> {
  const { challenge, difficulty, expiresAt } = await client.createChallenge();
  return { proof: { challenge, nonce: await solveChallenge(challenge, difficulty) }, expiresAt: Date.parse(expiresAt) };
}

/** One outbox per API target and page, so that every form of that council hears its deliveries. */
const outboxes = new Map<string, Outbox>();

function outboxFor(client: CivicLoopClient): Outbox {
  const key = `${client.baseUrl}\n${client.council}`;
  let outbox = outboxes.get(key);
  if (!outbox) {
    outbox = createOutbox({ client, prepare: freshProof });
    outboxes.set(key, outbox);
  }
  return outbox;
}

/** The readable text of a service in `locale`, else in the council's default, else any. */
export function serviceName(service: Service, locale: Locale, fallback: Locale | undefined): string {
  const names = service.name;
  return names[locale] ?? (fallback && names[fallback]) ?? Object.values(names).find(Boolean) ?? service.id;
}

/** A council text in `locale`, else in its default locale; undefined when it has none. */
export function councilText(config: CouncilConfig, text: keyof CouncilConfig['texts'], locale: Locale): string | undefined {
  const texts = config.texts[text];
  return texts[locale] ?? texts[config.defaultLocale] ?? undefined;
}

function safeStorage(storage: Storage | undefined): Storage | undefined {
  if (storage) return storage;
  try {
    // Throws where storage is disabled (some privacy modes, sandboxed iframes).
    return globalThis.localStorage;
  } catch {
    return undefined;
  }
}

export function createFeedbackFlow(options: FeedbackFlowOptions) {
  const storage = safeStorage(options.storage);
  const $draft = atom<FeedbackDraft>({ ...EMPTY_DRAFT });
  const $flow = atom<FeedbackFlowState>({ state: 'editing' });
  const $council = atom<CouncilState>({ status: 'loading' });
  const $services = atom<ServicesState>({ status: 'none' });
  // Measured from the first render: a bot fills a form in milliseconds, people take seconds.
  let startedAt = performance.now();
  let loadToken = 0;
  // An attempt whose fate is unknown (the network failed in staff mode): sending the same words
  // again resends exactly the same request under the same key, so the server stores it once.
  let lastAttempt: { key: string; body: string; wire: FeedbackCreate } | undefined;
  // The proof of work, started in the background while the resident writes.
  let proof: { expiresAt: number; solved: Promise<ProofOfWork | undefined> } | undefined;
  let unsubscribe: (() => void) | undefined;

  const scopeKey = () => {
    const { council, service } = options.scope();
    return council ? `${council}:${service ?? '-'}` : undefined;
  };

  // The email address is left out on purpose: a draft outlives the visit on a shared device
  // (a library computer), and a reply address is personal data the resident did not ask to keep.
  function saveDraft(draft: FeedbackDraft): void {
    const scope = scopeKey();
    if (!storage || !scope) return;
    const { kind, rating, text, service } = draft;
    try {
      if (!kind && !rating && !text.trim()) storage.removeItem(DRAFT_PREFIX + scope);
      // `since` (when writing began, wall clock) lets a restored draft count its fill time.
      else storage.setItem(DRAFT_PREFIX + scope, JSON.stringify({ kind, rating, text, service, since: Date.now() - (performance.now() - startedAt) }));
    } catch {
      // Quota or disabled storage: the form still works, only without a saved draft.
    }
  }

  function restoreDraft(): void {
    const scope = scopeKey();
    if (!storage || !scope) return;
    try {
      const saved = JSON.parse(storage.getItem(DRAFT_PREFIX + scope) ?? 'null') as (Partial<FeedbackDraft> & { since?: unknown }) | null;
      if (!saved || typeof saved !== 'object') return;
      if (typeof saved.since === 'number' && saved.since <= Date.now()) startedAt = performance.now() - (Date.now() - saved.since);
      $draft.set({
        ...$draft.get(),
        // What another version of this page saved is checked against the contract's rules.
        kind: z.safeParse(FeedbackCreate.shape.kind, saved.kind).data,
        rating: z.safeParse(FeedbackCreate.shape.rating, saved.rating).data,
        text: typeof saved.text === 'string' ? saved.text : '',
        service: typeof saved.service === 'string' ? saved.service : '',
      });
      // A resident who had started writing sees the full form again, not the compact question.
      if ($flow.get().state === 'idle') $flow.set({ state: 'editing' });
    } catch {
      // An unreadable draft is dropped rather than breaking the form.
    }
  }

  function clearDraft(): void {
    const scope = scopeKey();
    $draft.set({ ...EMPTY_DRAFT, channel: $draft.get().channel });
    if (!storage || !scope) return;
    try {
      storage.removeItem(DRAFT_PREFIX + scope);
    } catch {
      // Nothing to clean up where storage is unavailable.
    }
  }

  function rememberPending(key: string | undefined): void {
    const scope = scopeKey();
    if (!storage || !scope) return;
    try {
      if (key) storage.setItem(PENDING_PREFIX + scope, key);
      else storage.removeItem(PENDING_PREFIX + scope);
    } catch {
      // Without storage the receipt of a queued input appears only on this page view.
    }
  }

  function pendingKey(): string | undefined {
    const scope = scopeKey();
    try {
      return (scope && storage?.getItem(PENDING_PREFIX + scope)) || undefined;
    } catch {
      return undefined;
    }
  }

  function textLimit(): number {
    const council = $council.get();
    return council.status === 'ready' ? council.config.limits.feedbackTextMax : FEEDBACK_TEXT_MAX;
  }

  function validate(draft: FeedbackDraft): FieldError[] {
    const errors: FieldError[] = [];
    if (options.staffToken() && !draft.channel) {
      errors.push({ field: 'channel', code: 'channel-missing' });
    }
    if (!draft.kind) errors.push({ field: 'kind', code: 'kind-missing' });
    const text = draft.text.trim();
    if (!text) errors.push({ field: 'text', code: 'text-missing' });
    else if (text.length > textLimit()) errors.push({ field: 'text', code: 'text-too-long' });
    if (draft.wantsReply) {
      const contact = draft.contact.trim();
      if (!contact) errors.push({ field: 'contact', code: 'contact-missing' });
      else if (!z.safeParse(FeedbackCreate.shape.contact, contact).success) errors.push({ field: 'contact', code: 'contact-invalid' });
    }
    return errors;
  }

  function buildBody(draft: FeedbackDraft): FeedbackCreate {
    const { service, locale } = options.scope();
    const chosen = service ?? (draft.service || undefined);
    const body: FeedbackCreate = { kind: draft.kind!, text: draft.text.trim(), locale };
    if (chosen) body.service = chosen;
    if (draft.rating) body.rating = draft.rating;
    if (draft.wantsReply && draft.contact.trim()) body.contact = draft.contact.trim();
    // Origin and path only: a query string may carry someone's session or search terms.
    if (typeof location !== 'undefined' && /^https?:$/.test(location.protocol)) body.pageUrl = location.origin + location.pathname;
    return body;
  }

  /** Anti-abuse fields the server checks; added to the body, never shown. */
  async function antiAbuse(draft: FeedbackDraft): Promise<Partial<FeedbackCreate>> {
    const fields: Partial<FeedbackCreate> = { website: draft.trap, elapsedMs: Math.round(performance.now() - startedAt) };
    const solved = await proveWork();
    if (solved) fields.proof = solved;
    return fields;
  }

  /**
   * When the council asks for proof of work, fetches a challenge and solves it while the
   * resident writes, so sending does not wait. Without WebCrypto (plain-HTTP pages) or when
   * the challenge cannot be had, it sends without one and the server's answer says why.
   */
  function startProof(): void {
    const council = $council.get();
    const client = options.client();
    if (council.status !== 'ready' || !council.config.antiAbuse?.proofOfWork.required || !client || options.staffToken()) return;
    if (proof && proof.expiresAt - Date.now() > 60_000) return;
    if (!globalThis.crypto?.subtle) return;
    const current = { expiresAt: Number.POSITIVE_INFINITY, solved: Promise.resolve<ProofOfWork | undefined>(undefined) };
    current.solved = solveFor(client)
      .then((s) => {
        current.expiresAt = s.expiresAt;
        return s.proof;
      })
      .catch(() => {
        // Asked again at the next keystroke or on sending.
        if (proof === current) proof = undefined;
        return undefined;
      });
    proof = current;
  }

  /** Resolves once the council configuration has arrived or failed (at most 10 s). */
  function councilSettled(): Promise<void> {
    if ($council.get().status !== 'loading') return Promise.resolve();
    return new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        off();
        resolve();
      };
      const timer = setTimeout(done, 10_000);
      const off = $council.listen((c) => {
        if (c.status !== 'loading') done();
      });
    });
  }

  async function proveWork(): Promise<ProofOfWork | undefined> {
    // Sent before the configuration arrived (a slow link): whether proof is needed is in it.
    await councilSettled();
    startProof();
    const current = proof;
    const solved = await current?.solved;
    // A challenge is good for one input: the next one gets a fresh one.
    if (solved && proof === current) proof = undefined;
    return solved;
  }

  function sent(result: FeedbackCreated, text: string, staff: boolean, queuedFirst: boolean): void {
    $flow.set({ state: 'sent', receipt: result.receipt, id: result.id, text, staff, erase: 'none', queuedFirst });
    options.notify({ type: 'submitted', receipt: result.receipt, id: result.id, queued: queuedFirst });
  }

  function fail(error: unknown): void {
    // The server answered: whatever is sent next is a new request, with fresh anti-abuse fields.
    if (isApiError(error)) lastAttempt = undefined;
    const status = isApiError(error) ? error.status : undefined;
    const problemType = isApiError(error) ? error.problem.type : undefined;
    const message = error instanceof Error ? error.message : String(error);
    if (isApiError(error)) {
      const issues = error.problem.errors ?? [];
      if (error.status === 422 && issues.length && problemType !== PROBLEM_TYPES.spam) {
        const fields = new Set<FieldName>();
        for (const issue of issues) {
          const field = issue.path.split('/')[1];
          if (field === 'text' || field === 'contact' || field === 'kind' || field === 'channel') fields.add(field);
          // A service preset by the page is not the resident's to fix: that is a setup error.
          else if (field === 'service' && !options.scope().service) fields.add('service');
        }
        if (fields.size) {
          $flow.set({
            state: 'invalid',
            errors: [...fields].map((field) => ({ field, code: field === 'service' ? 'service-unknown' : 'server-invalid' })),
          });
          options.notify({ type: 'error', status, problemType, message });
          return;
        }
      }
      const serviceUnknown = error.status === 422 && issues.some((i) => i.path === '/service');
      const reason = serviceUnknown ? 'not-found' : reasonOf(error.status, problemType);
      const retryAt = error.retryAfter !== undefined ? Date.now() + error.retryAfter : undefined;
      $flow.set({ state: 'rejected', reason, status: error.status, problemType, retryAt });
    } else if (isSdkError(error) && !isContractError(error)) {
      // Only reached when the outbox could not keep it (no IndexedDB) or in staff mode.
      $flow.set({ state: 'error', reason: 'not-saved', message });
    } else {
      $flow.set({ state: 'error', reason: 'unexpected', message });
    }
    options.notify({ type: 'error', status, problemType, message });
  }

  function recordOutcome(event: OutboxEvent): void {
    if (!storage || event.type === 'queued') return;
    // After the other listeners: the form that owns it, if it is on this page, speaks first.
    setTimeout(() => {
      if (shownHere.has(event.key)) return;
      const body = event.submission.body as FeedbackCreate;
      const outcome: StoredOutcome =
        event.type === 'delivered'
          ? // The words are delivered: only the receipt is kept for the form to show.
            { type: 'delivered', at: Date.now(), receipt: (event.result as FeedbackCreated).receipt, id: (event.result as FeedbackCreated).id }
          : {
              type: 'failed',
              at: Date.now(),
              status: isApiError(event.error) ? event.error.status : undefined,
              problemType: isApiError(event.error) ? event.error.problem.type : undefined,
              // The reply address stays out, as in drafts.
              body: { kind: body.kind, text: body.text, rating: body.rating, service: body.service },
            };
      try {
        storage.setItem(OUTCOME_PREFIX + event.key, JSON.stringify(outcome));
      } catch {
        // Without storage the outcome was only visible on the page that sent it.
      }
    });
  }

  function readOutcome(key: string): StoredOutcome | undefined {
    try {
      const raw = storage?.getItem(OUTCOME_PREFIX + key);
      return raw ? (JSON.parse(raw) as StoredOutcome) : undefined;
    } catch {
      return undefined;
    }
  }

  /** Forgets outcomes older than a week, whichever form they belonged to. */
  function purgeOutcomes(): void {
    if (!storage) return;
    try {
      for (let i = storage.length - 1; i >= 0; i--) {
        const name = storage.key(i);
        if (!name?.startsWith(OUTCOME_PREFIX)) continue;
        const at = (JSON.parse(storage.getItem(name) ?? '{}') as { at?: number }).at ?? 0;
        if (Date.now() - at > OUTCOME_TTL_MS) storage.removeItem(name);
      }
    } catch {
      // Storage went away meanwhile; nothing to forget.
    }
  }

  function giveBack(body: Pick<FeedbackCreate, 'kind' | 'text' | 'rating' | 'service'>): void {
    $draft.set({ ...$draft.get(), kind: body.kind, text: body.text, rating: body.rating, service: body.service ?? '' });
    saveDraft($draft.get());
  }

  function onOutboxEvent(event: OutboxEvent): void {
    if (event.submission.operation !== 'createFeedback') return;
    const current = $flow.get();
    const mine = (current.state === 'queued' && current.key === event.key) || pendingKey() === event.key;
    if (!mine) return recordOutcome(event);
    if (event.type !== 'queued') shownHere.add(event.key);
    if (event.type === 'delivered') {
      rememberPending(undefined);
      sent(event.result as FeedbackCreated, (event.submission.body as FeedbackCreate).text, false, true);
    } else if (event.type === 'failed') {
      rememberPending(undefined);
      // The server refused it for good: give the resident their words back to change or keep.
      giveBack(event.submission.body as FeedbackCreate);
      fail(event.error);
    }
  }

  async function resumePending(client: CivicLoopClient): Promise<void> {
    const key = pendingKey();
    if (!key) return;
    const outbox = outboxFor(client);
    const waiting = await outbox.pending();
    if (waiting.some((s) => s.key === key)) {
      if ($flow.get().state === 'idle' || $flow.get().state === 'editing') $flow.set({ state: 'queued', key, reason: 'offline' });
      return;
    }
    // Delivered or refused meanwhile by another page or tab that did not show it. Shown only
    // where the form is free to show it; otherwise both records stay for the next time.
    const outcome = readOutcome(key);
    const current = $flow.get();
    const free = current.state === 'idle' || current.state === 'editing' || (current.state === 'queued' && current.key === key);
    if (!free) return;
    rememberPending(undefined);
    if (!outcome) return;
    storage?.removeItem(OUTCOME_PREFIX + key);
    if (outcome.type === 'delivered') {
      sent({ receipt: outcome.receipt, id: outcome.id, status: 'received', createdAt: new Date(outcome.at).toISOString() }, '', false, true);
    } else {
      giveBack(outcome.body);
      $flow.set({ state: 'rejected', reason: reasonOf(outcome.status, outcome.problemType), status: outcome.status ?? 0, problemType: outcome.problemType, retryAt: undefined });
    }
  }

  /** Whether the confirmation of this receipt is still on screen (not "Send another"). */
  function stillShowing(receipt: string): boolean {
    const now = $flow.get();
    return now.state === 'sent' && now.receipt === receipt;
  }

  const flow = {
    $draft: $draft as ReadableAtom<FeedbackDraft>,
    $flow: $flow as ReadableAtom<FeedbackFlowState>,
    $council: $council as ReadableAtom<CouncilState>,
    $services: $services as ReadableAtom<ServicesState>,

    /** The character limit in force (the council's, else the contract's). */
    textLimit,

    /**
     * (Re)loads what depends on the configuration: council config, the service list when no
     * service is preset, the saved draft, a submission still waiting in the outbox.
     */
    async load(): Promise<void> {
      const token = ++loadToken;
      purgeOutcomes();
      const client = options.client();
      if (!$draft.get().text) restoreDraft();
      unsubscribe?.();
      unsubscribe = undefined;
      if (!client) {
        $council.set({ status: 'failed' });
        return;
      }
      const outbox = outboxFor(client);
      unsubscribe = outbox.subscribe(onOutboxEvent);
      void resumePending(client).catch(() => undefined);
      $council.set({ status: 'loading' });
      const wantServices = !options.scope().service;
      $services.set(wantServices ? { status: 'loading' } : { status: 'none' });
      const [council, services] = await Promise.allSettled([
        client.getCouncil(),
        wantServices ? listAllServices(client) : Promise.resolve(undefined),
      ]);
      if (token !== loadToken) return;
      $council.set(council.status === 'fulfilled' ? { status: 'ready', config: council.value } : { status: 'failed' });
      if (wantServices) $services.set(services.status === 'fulfilled' && services.value ? { status: 'ready', services: services.value } : { status: 'failed' });
    },

    /** Changes part of the draft; a form that showed errors goes back to editing once touched. */
    update(patch: Partial<FeedbackDraft>): void {
      startProof();
      const next = { ...$draft.get(), ...patch };
      $draft.set(next);
      saveDraft(next);
      const current = $flow.get();
      if (current.state === 'idle') $flow.set({ state: 'editing' });
      // Errors stay true: a field the resident fixed loses its error (and its invalid state)
      // at once, not at the next send; the summary shrinks with it. A server's refusal of a
      // field holds until that field is changed.
      if (current.state === 'invalid') {
        const now = validate(next);
        const errors = current.errors.flatMap((e) =>
          e.code === 'server-invalid' ? (e.field in patch ? [] : [e]) : now.filter((n) => n.field === e.field),
        );
        const same = errors.length === current.errors.length && errors.every((e, i) => e.code === current.errors[i]!.code && e.field === current.errors[i]!.field);
        if (!same) $flow.set(errors.length ? { state: 'invalid', errors } : { state: 'editing' });
      }
    },

    /**
     * Follows the `compact` attribute: closed on "Was this page useful?" until the resident
     * answers or has a draft; open when the attribute goes away.
     */
    setCompact(compact: boolean): void {
      const state = $flow.get().state;
      const draft = $draft.get();
      const untouched = !draft.kind && !draft.text.trim();
      if (compact && state === 'editing' && untouched) $flow.set({ state: 'idle' });
      else if (!compact && state === 'idle') $flow.set({ state: 'editing' });
    },

    /** Compact variant: the resident answered "Was this page useful?"; open the full form. */
    open(useful: boolean | undefined): void {
      if (useful !== undefined && !$draft.get().kind) flow.update({ kind: useful ? 'praise' : 'problem' });
      $flow.set({ state: 'editing' });
    },

    /** Validates, then sends (through the outbox, or as staff). */
    async submit(): Promise<void> {
      const current = $flow.get().state;
      if (current === 'sending') return;
      const draft = $draft.get();
      const errors = validate(draft);
      if (errors.length) {
        $flow.set({ state: 'invalid', errors });
        return;
      }
      const client = options.client();
      if (!client) {
        $flow.set({ state: 'error', reason: 'not-configured', message: 'The element has no api or council attribute' });
        options.notify({ type: 'error', status: undefined, problemType: undefined, message: 'The element has no api or council attribute' });
        return;
      }
      const body = buildBody(draft);
      // The same words sent again after a failure reuse the key: if the first attempt did
      // arrive, the server answers with that one instead of storing a second copy.
      const serialized = JSON.stringify([body, options.staffToken() ? draft.channel : undefined]);
      $flow.set({ state: 'sending' });
      const again = lastAttempt?.body === serialized ? lastAttempt : undefined;
      const key = again?.key ?? randomKey();
      const wire = again?.wire ?? { ...body, ...(await antiAbuse(draft)) };
      lastAttempt = { key, body: serialized, wire };
      const token = options.staffToken();
      try {
        if (token) {
          const result = await client.createStaffFeedback({ ...wire, channel: draft.channel as StaffChannel }, { token, idempotencyKey: key });
          lastAttempt = undefined;
          clearDraft();
          sent(result, body.text, true, false);
          return;
        }
        const outbox = outboxFor(client);
        const result = await outbox.send('createFeedback', wire, { idempotencyKey: key });
        if (result.state === 'delivered') {
          lastAttempt = undefined;
          clearDraft();
          sent(result.result, body.text, false, false);
          return;
        }
        const reason: QueuedReason = isNetworkError(result.error) ? 'offline' : isTimeoutError(result.error) ? 'timeout' : 'server';
        lastAttempt = undefined;
        clearDraft();
        rememberPending(result.key);
        $flow.set({ state: 'queued', key: result.key, reason });
        options.notify({ type: 'queued', key: result.key });
      } catch (error) {
        fail(error);
      }
    },

    /** Back from a refusal or error to the form, text intact. */
    edit(): void {
      $flow.set({ state: 'editing' });
    },

    /** After sending: start a new input. */
    again(): void {
      startedAt = performance.now();
      $flow.set({ state: 'editing' });
    },

    /** Asks to erase the sent input; `confirmErase` does it. */
    requestErase(): void {
      const current = $flow.get();
      if (current.state === 'sent') $flow.set({ ...current, erase: 'confirming' });
    },

    cancelErase(): void {
      const current = $flow.get();
      if (current.state === 'sent') $flow.set({ ...current, erase: 'none' });
    },

    /** Erases the input on the server: its text and contact are removed, only counts remain. */
    async confirmErase(): Promise<void> {
      const current = $flow.get();
      const client = options.client();
      if (current.state !== 'sent' || !client) return;
      $flow.set({ ...current, erase: 'erasing' });
      try {
        await client.deleteFeedback(current.receipt);
        if (stillShowing(current.receipt)) $flow.set({ ...current, erase: 'erased' });
      } catch (error) {
        if (stillShowing(current.receipt)) $flow.set({ ...current, erase: 'failed' });
        options.notify({
          type: 'error',
          status: isApiError(error) ? error.status : undefined,
          problemType: isApiError(error) ? error.problem.type : undefined,
          message: error instanceof Error ? error.message : String(error),
        });
      }
    },

    /** Stops listening to the outbox; the draft stays saved. */
    dispose(): void {
      loadToken++;
      unsubscribe?.();
      unsubscribe = undefined;
    },
  };
  return flow;
}

export type FeedbackFlow = ReturnType<typeof createFeedbackFlow>;

/** Why the server refused, in the terms the resident is told. */
function reasonOf(status: number | undefined, problemType: string | undefined): RejectedReason {
  if (status === 429) return 'rate-limited';
  if (problemType === PROBLEM_TYPES.spam) return 'spam';
  if (status === 404) return 'not-found';
  if (status === 401 || status === 403) return 'unauthorized';
  return 'other';
}

/** Every service, following cursors; a council has tens of services, not thousands. */
async function listAllServices(client: CivicLoopClient): Promise<Service[]> {
  const all: Service[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < 10; page++) {
    const result = await client.listServices(cursor ? { limit: 100, cursor } : { limit: 100 });
    all.push(...result.items);
    if (!result.nextCursor) break;
    cursor = result.nextCursor;
  }
  return all;
}
