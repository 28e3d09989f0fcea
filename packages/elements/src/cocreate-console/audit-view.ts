// The console's audit log view: who did what, when, and the fields before and after, newest
// first, page by page, filtered by action. State is in stores/console-audit.ts.
import type { AuditEntry } from '@civicloop/contract';
import { AUDIT_ACTIONS, type AuditAction, type Locale } from '@civicloop/contract/rules';
import { msg, str } from '@lit/localize';
import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { StoreController } from '../internal/store-controller.js';
import { selectField } from '../kit/parts/controls.js';
import { heading } from '../kit/parts/index.js';
import { moreTeller, type MoreTeller } from '../kit/parts/more-button.js';
import type { AuditListState, ConsoleAudit } from '../stores/console-audit.js';
import { listFailed, loadMore, staffFailureText, type ViewContext } from './views.js';

export function actionLabel(action: AuditAction): string {
  switch (action) {
    case 'feedback.create':
      return msg('Message recorded', { id: 'console.audit.feedbackCreate' });
    case 'feedback.update':
      return msg('Message changed', { id: 'console.audit.feedbackUpdate' });
    case 'feedback.reply':
      return msg('Reply sent', { id: 'console.audit.feedbackReply' });
    case 'theme.create':
      return msg('Theme created', { id: 'console.audit.themeCreate' });
    case 'theme.update':
      return msg('Theme changed', { id: 'console.audit.themeUpdate' });
    case 'theme.publish':
      return msg('Theme published', { id: 'console.audit.themePublish' });
    case 'theme.add-update':
      return msg('Timeline update added', { id: 'console.audit.themeAddUpdate' });
    case 'contact.search':
      return msg('Contact bank searched', { id: 'console.audit.contactSearch' });
    case 'contact.export':
      return msg('Contact bank exported', { id: 'console.audit.contactExport' });
    case 'contact.view':
      return msg('Contact details viewed', { id: 'console.audit.contactView' });
    case 'activity.create':
      return msg('Activity created', { id: 'console.audit.activityCreate' });
    case 'activity.invite':
      return msg('Invitations sent', { id: 'console.audit.activityInvite' });
    case 'council.update':
      return msg('Council settings changed', { id: 'console.audit.councilUpdate' });
    case 'service.save':
      return msg('Service saved', { id: 'console.audit.serviceSave' });
  }
}

function subjectLabel(type: AuditEntry['subject']['type']): string {
  switch (type) {
    case 'feedback':
      return msg('Message', { id: 'console.audit.subjectFeedback' });
    case 'theme':
      return msg('Theme', { id: 'console.audit.subjectTheme' });
    case 'contact':
      return msg('Contact', { id: 'console.audit.subjectContact' });
    case 'activity':
      return msg('Activity', { id: 'console.audit.subjectActivity' });
    case 'contact-bank':
      return msg('Contact bank', { id: 'console.audit.subjectBank' });
    case 'council':
      return msg('Council', { id: 'console.audit.subjectCouncil' });
    case 'service':
      return msg('Service', { id: 'console.audit.subjectService' });
  }
}

/**
 * Who acted, as the log names them. The single sign-on work adds `actor.person` (subject, name;
 * null for staff tokens): its name comes first once that lands, then the token's label.
 */
export function actorName(actor: AuditEntry['actor']): string {
  const person = (actor as { person?: { name?: string | null } | null }).person;
  return person?.name || actor.label || actor.tokenId;
}

/** A field's value as text: strings as they are, anything else as JSON; never markup. */
const shown = (value: unknown): string => (value === undefined ? '' : typeof value === 'string' ? value : JSON.stringify(value));

/**
 * The fields of an entry that hold text staff wrote, by the type of its subject: written in the
 * subject's language (a theme's, an activity's; a reply in its message's), not the console's.
 */
const WRITTEN: Partial<Record<AuditEntry['subject']['type'], ReadonlySet<string>>> = {
  theme: new Set(['title', 'youSaid', 'weDid', 'statusReason', 'text']),
  feedback: new Set(['text']),
  activity: new Set(['title']),
};

/** What the audit view needs of the console besides a view's context. */
export interface AuditContext extends ViewContext {
  /** The languages of these themes, by id, as far as known (asked for when not). */
  themeLocales(ids: readonly string[]): Readonly<Record<string, Locale>>;
  /**
   * The language of a message or an activity the console holds, if it does. Not asked for: the
   * API reads no single message, and reading an activity shows its contacts (itself audited).
   */
  heldLocale(type: 'feedback' | 'activity', id: string): Locale | undefined;
}

export class AuditView implements ReactiveController {
  #list: StoreController<AuditListState>;
  #action: StoreController<AuditAction | ''>;

  constructor(
    host: ReactiveControllerHost,
    private readonly audit: ConsoleAudit,
    private readonly ctx: AuditContext,
  ) {
    host.addController(this);
    this.#list = new StoreController(host, audit.$list);
    this.#action = new StoreController(host, audit.$action);
    // "Load more": focus on the first new entry (or, focus elsewhere, the status region says it).
    this.#tellMore = moreTeller(ctx, 'entry', (added) => {
      const count = ctx.formatNumber(added);
      return msg(str`More entries shown: ${count}`, { id: 'console.audit.moreLoaded' });
    });
  }

  readonly #tellMore: MoreTeller<AuditListState>;

  hostUpdate(): void {
    this.#tellMore(this.#list.value);
  }

  /** Shows the view: the log asked again, newest first. */
  show(): void {
    this.audit.load();
  }

  render(level: number): TemplateResult {
    const list = this.#list.value;
    const { act } = this.ctx;
    return html`<section part="audit" class="audit-view" id="audit" tabindex="-1" aria-labelledby="audit-title">
      ${heading(level, msg('Audit log', { id: 'console.audit.title' }), { id: 'audit-title' })}
      <p class="hint">${msg('Every change staff made, newest first: who, what, when, and the fields before and after. Administrators only.', { id: 'console.audit.intro' })}</p>
      ${selectField({
        id: 'audit-action',
        label: msg('Action', { id: 'console.audit.action' }),
        value: this.#action.value,
        none: msg('All actions', { id: 'console.audit.all' }),
        options: AUDIT_ACTIONS.map((a) => ({ value: a, label: actionLabel(a) })),
        onChange: (v) => this.audit.filter((AUDIT_ACTIONS as readonly string[]).includes(v) ? (v as AuditAction) : ''),
      })}
      ${list.status === 'loading'
        ? html`<p class="hint">${msg('Loading…', { id: 'console.list.loading' })}</p>`
        : list.status === 'failed'
          ? listFailed({
              id: 'audit-error',
              level: level + 1,
              title: msg('The audit log could not be loaded', { id: 'console.audit.failed' }),
              reason: staffFailureText(list.reason),
              ...(list.reason === 'forbidden' ? {} : { retry: act(() => this.audit.retry()) }),
            })
          : list.items.length === 0
            ? html`<p id="audit-empty">${msg('Nothing recorded yet.', { id: 'console.audit.none' })}</p>`
            : html`<ol class="entries stack" role="list">
                  ${list.items.map((entry, i) => this.#renderEntry(entry, i, level + 1, this.#themeLocales(list.items)))}
                </ol>
                ${loadMore(list, act(() => this.audit.more()))}`}
    </section>`;
  }

  // A theme's texts are in its language: named by the entry when it says (a creation, a change of
  // language), else the theme's as it stands; a reply's and an activity's, as the console holds them.
  #themeLocales(items: readonly AuditEntry[]): Readonly<Record<string, Locale>> {
    return this.ctx.themeLocales([...new Set(items.filter((e) => e.subject.type === 'theme').map((e) => e.subject.id))]);
  }

  #renderEntry(entry: AuditEntry, i: number, level: number, themeLocales: Readonly<Record<string, Locale>>): TemplateResult {
    const who = actorName(entry.actor);
    const role = entry.actor.role === 'admin' ? msg('administrator', { id: 'console.audit.admin' }) : msg('editor', { id: 'console.audit.editor' });
    const fields = [...new Set([...Object.keys(entry.before ?? {}), ...Object.keys(entry.after ?? {})])];
    const id = `entry-${i}`;
    const what = actionLabel(entry.action);
    const { subject } = entry;
    const subjectLocale =
      subject.type === 'theme' ? themeLocales[subject.id] : subject.type === 'feedback' || subject.type === 'activity' ? this.ctx.heldLocale(subject.type, subject.id) : undefined;
    return html`<li>
      <article part="entry" class="entry" id=${id} tabindex="-1" aria-labelledby="${id}-title">
        ${heading(level, what, { id: `${id}-title` })}
        <p class="hint">
          <time datetime=${entry.at}>${this.ctx.date(entry.at)}</time> · <span class="who">${msg(str`By ${who} (${role})`, { id: 'console.audit.by' })}</span> ·
          <span>${subjectLabel(entry.subject.type)} <code>${entry.subject.id}</code></span>
        </p>
        ${fields.length
          ? html`<table class="changes">
              <caption class="visually-hidden">${msg(str`Fields before and after: ${what}`, { id: 'console.audit.caption' })}</caption>
              <thead>
                <tr>
                  <th scope="col">${msg('Field', { id: 'console.audit.field' })}</th>
                  <th scope="col">${msg('Before', { id: 'console.audit.before' })}</th>
                  <th scope="col">${msg('After', { id: 'console.audit.after' })}</th>
                </tr>
              </thead>
              <tbody>
                ${fields.map((f) => {
                  const lang = (side: AuditEntry['before']) =>
                    WRITTEN[subject.type]?.has(f) && typeof side?.[f] === 'string' ? ((side.locale as Locale | undefined) ?? subjectLocale ?? nothing) : nothing;
                  return html`<tr><th scope="row">${f}</th><td lang=${lang(entry.before)}>${shown(entry.before?.[f])}</td><td lang=${lang(entry.after)}>${shown(entry.after?.[f])}</td></tr>`;
                })}
              </tbody>
            </table>`
          : nothing}
      </article>
    </li>`;
  }
}
