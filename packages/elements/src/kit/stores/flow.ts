// What every form element's flow is made of, wired once: its target and scope, the council it
// belongs to, the form (with its draft kept per form instance), the submission over the page's
// outbox, the anti-abuse fields, and the rules that join them (composeForm). An element's store
// adds only its own fields, body and states.
import { wallClock } from '../clock.js';
import type { ReadableAtom } from 'nanostores';
import { councilAntiAbuse, queuedReason, refusalOf, scopeOf } from './answers.js';
import { councilView, type ElementScope } from './connection.js';
import { outboxFor } from './outbox.js';
import { composeForm, NOT_CONFIGURED, type FlowEvent } from './compose.js';
import { createErase } from './erase.js';
import { createForm, type DraftOptions, type FormOptions } from './form.js';
import { createSubmission } from './submission.js';
import type { CouncilState } from './council.js';
import type { Transport } from '@civicloop/sdk';

export type { FlowEvent };

/** What an element gives its form's flow. */
export interface FlowHost<R = { receipt: string; id: string }> {
  /** The element's API and scope, read at every use. */
  scope(): ElementScope;
  notify(event: FlowEvent<R>): void;
  /** Where drafts and pending keys are kept. @default localStorage, when usable */
  storage?: Storage | undefined;
  /** Wall clock for fill time and retry times. @default Date.now, looked up at each call (kit/clock.ts) */
  now?: (() => number) | undefined;
}

export interface FormFlowOptions<V extends object, F extends string, R, B> extends FlowHost<R> {
  /** Prefix of the scope key (drafts, outcomes), e.g. 'feedback'. */
  name: string;
  /** The keyed operation the form sends, e.g. 'createFeedback'. */
  operation: string;
  form: Omit<FormOptions<V, F>, 'draft' | 'now'> & { draft: Omit<DraftOptions<V>, 'key' | 'storage'> };
  /** The resident's words in a sent body (never a reply address), and the values they give back. */
  wordsOf(body: unknown): B;
  giveBack(words: B): Partial<V>;
  /** See composeForm. */
  serverCode(field: F): string;
  fixable(field: F): boolean;
  /** Whether the input is recorded by staff (no proof of work). */
  staff(): boolean;
  /** Erases a sent input on the server (by its answer, e.g. its receipt), for elements that let the author erase. */
  erase?(target: Transport, result: R): Promise<unknown>;
}

export function createFormFlow<V extends object, F extends string, R, B>(o: FormFlowOptions<V, F, R, B>) {
  const now = o.now ?? wallClock;
  const { target, key } = scopeOf(o.scope, o.name);
  const council = councilView();
  const form = createForm<V, F>({ ...o.form, now, draft: { ...o.form.draft, key, storage: o.storage } });
  const submission = createSubmission<R, B>({ outbox: () => (target() ? outboxFor(target()!) : undefined), operation: o.operation, scope: key, reasonOf: queuedReason, refusalOf, wordsOf: o.wordsOf });
  const failed = (r: { status?: number | undefined; problemType?: string | undefined; message: string }) => o.notify({ type: 'error', status: r.status, problemType: r.problemType, message: r.message });
  composeForm(form, submission, o);
  const antiAbuse = councilAntiAbuse({ $council: council.$council, target, staff: o.staff, since: form.since, now });
  const flow = {
    now,
    target,
    council,
    $council: council.$council as ReadableAtom<CouncilState>,
    form,
    submission,
    antiAbuse,
    /** Erasing the sent input on the server: only the outcome shown when the resident confirmed is marked. */
    erase: createErase({
      shown: () => submission.$state.get(),
      erase: (s) => (s.state === 'sent' && target() && o.erase ? o.erase(target()!, s.result).then(() => o.notify({ type: 'erased', result: s.result })) : undefined),
      failed: (error) => failed(refusalOf(error)),
    }),

    /**
     * Starts sending `body` (undefined without an API or council: a setup error is shown). The
     * same `words` sent again after a failure whose fate is unknown reuse the last key and wire
     * body (with its anti-abuse fields), so the server stores them once.
     */
    async start(body: B, words: unknown, trap: string): Promise<{ target: Transport; key: string; wire: unknown } | undefined> {
      const t = target();
      if (!t) return void submission.settle({ state: 'error', message: 'The element has no api or council attribute', cause: NOT_CONFIGURED });
      submission.settle({ state: 'sending', body });
      const { key, body: wire } = await submission.attempt(JSON.stringify(words), async () => ({ ...body, ...(await antiAbuse.fields(trap)) }));
      return { target: t, key, wire };
    },

    /** (Re)loads what depends on the scope: the council (its services when asked) and outcomes waiting for this form. */
    async load(services: boolean): Promise<void> {
      flow.dispose();
      council.follow(target(), services);
      await submission.connect().catch(() => undefined);
    },

    /** The resident chose not to wait for a kept input: its words come back to the form. */
    async discard(): Promise<void> {
      const words = await submission.discard();
      if (words) form.update(o.giveBack(words));
    },

    dispose(): void {
      council.stop();
      submission.disconnect();
    },
  };
  return flow;
}
