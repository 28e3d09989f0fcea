// What the console's views (inbox, themes, audit log) share: how a view reaches its host
// element's focus, status region, language and council, and the words of its failures.
import type { Locale } from '@civicloop/contract/rules';
import { msg, str } from '@lit/localize';
import { html, nothing } from 'lit';
import type { FocusController } from '../kit/controllers/focus.js';
import type { StatusController } from '../kit/controllers/status.js';
import { notice } from '../kit/parts/index.js';
import { moreButton } from '../kit/parts/more-button.js';
import type { StaffFailure } from '../stores/staff-access.js';
import { failureText } from './strings.js';

export interface ViewContext {
  focus: FocusController;
  status: StatusController;
  /** The language the console renders in. */
  locale(): Locale;
  /** The council's languages (its default first), once known. */
  locales(): readonly Locale[];
  formatNumber(n: number): string;
  /** A moment (RFC 3339), as date and time in the console's language. */
  date(at: string): string;
  /** Wraps a click handler: the staff member acted, so focus may follow what changes. */
  act(fn: () => unknown): () => void;
  /**
   * Runs `fn` with msg() answering in the console's language: for words built outside its update
   * (in a handler, after an await), which would otherwise be English, or empty where the CDN build
   * loads English like any language.
   */
  localized<T>(fn: () => T): T;
}

export function staffFailureText(reason: StaffFailure): string {
  return reason === 'forbidden' ? msg('Your role may not do this: ask an administrator.', { id: 'console.error.forbidden' }) : failureText(reason);
}

/** A console list that could not be loaded: why, and "Try again" (left out, without `retry`, where trying again cannot help). */
export const listFailed = (o: { id: string; level: number; title: string; reason: string; retry?: () => void }) =>
  notice({
    id: o.id,
    level: o.level,
    tone: 'error',
    title: o.title,
    body: html`<p>${o.reason}</p>
      ${o.retry ? html`<div class="row"><button part="button" class="button secondary" type="button" @click=${o.retry}>${msg('Try again', { id: 'console.retry' })}</button></div>` : nothing}`,
  });

/** "Load more" under a console list read a page at a time (inbox, themes, audit log, contact bank). */
export const loadMore = (list: { nextCursor: string | null; more: 'idle' | 'loading' | 'failed' }, onClick: () => void) =>
  moreButton({ next: Boolean(list.nextCursor), state: list.more, label: msg('Load more', { id: 'console.list.more' }), loadingLabel: msg('Loading…', { id: 'console.list.loading' }), failedText: staffFailureText('offline'), onClick });

export const tooLong = (limit: string) => msg(str`Use ${limit} characters or fewer`, { id: 'console.field.tooLong' });

/**
 * The message for a count `n`, by the language's plural rules. lit-localize has no plural forms,
 * so each form is a message of its own: `one` where the language's rules say "one" (1 in English,
 * 0 and 1 in French), `other` for every other form, whose translations are worded to fit all of them.
 */
export const byCount = (locale: string, n: number, forms: { one: () => string; other: () => string }): string => (new Intl.PluralRules(locale).select(n) === 'one' ? forms.one() : forms.other());
