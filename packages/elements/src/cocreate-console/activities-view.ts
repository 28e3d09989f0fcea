// The console's co-creation activities, shown when the council runs a contact bank: the list with
// each activity's invitation counts, a form to create one, and one activity opened: invite the
// contacts who match (by the bank search's interest and district; the API adds the activity's
// format and consent to invitations), and the answers, with the contact details of those who
// accepted (the API records each look in the audit log). State is in stores/console-activities.ts.
import type { AcceptedContact, Activity, ActivityDetail } from '@civicloop/contract';
import type { AccessibilityNeed } from '@civicloop/contract/rules';
import { ACTIVITY_PLACE_MAX, ACTIVITY_TEXT_MAX, ACTIVITY_TITLE_MAX, CONTACT_FORMATS, SERVICE_CATEGORIES, type ContactFormat, type Locale } from '@civicloop/contract/rules';
import { msg, str } from '@lit/localize';
import { css, html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { StoreController } from '../internal/store-controller.js';
import { selectField } from '../kit/parts/controls.js';
import { describedByAttr, field, heading, notice } from '../kit/parts/index.js';
import { ownName } from '../kit/parts/language.js';
import { moreTeller, type MoreTeller } from '../kit/parts/more-button.js';
import { tableScroll } from '../kit/parts/share-chart.js';
import type { ActivityAction, ActivityDraft, ActivityField, ActivityList, ActivityProblem, ConsoleActivities, InviteFilters, OpenActivity } from '../stores/console-activities.js';
import { formatLabel, kindLabel } from './bank-view.js';
import { categoryLabel } from './settings-view.js';
import { listFailed, loadMore, staffFailureText, tooLong, type ViewContext } from './views.js';

export const activitiesStyles = css`
  .accepted {
    border-collapse: collapse;
    inline-size: 100%;
  }

  .accepted th,
  .accepted td {
    padding: 0.25rem 0.5rem;
    border: 1px solid var(--_border);
    text-align: start;
    vertical-align: top;
    overflow-wrap: anywhere;
  }
`;

const LIMITS: Partial<Record<ActivityField, number>> = { title: ACTIVITY_TITLE_MAX, text: ACTIVITY_TEXT_MAX, place: ACTIVITY_PLACE_MAX };
const FIELDS: readonly ActivityField[] = ['title', 'format', 'startsAt', 'endsAt', 'place', 'url', 'text'];

function problemText(f: ActivityField, p: { problem: ActivityProblem; message?: string } | undefined, formatNumber: (n: number) => string): string | undefined {
  if (!p) return undefined;
  switch (p.problem) {
    case 'too-long':
      return tooLong(formatNumber(LIMITS[f] ?? 0));
    case 'not-a-date':
      return msg('Enter a date and time', { id: 'console.activities.notADate' });
    case 'ends-before':
      return msg('Choose an end on or after the start', { id: 'console.activities.endsBefore' });
    case 'not-a-link':
      return msg('Enter a web address starting with https:// or http://', { id: 'console.activities.notALink' });
    case 'server': {
      const said = p.message ?? '';
      return msg(str`The service refused this value: ${said}`, { id: 'console.activities.refused' });
    }
    case 'empty':
      return f === 'title'
        ? msg('Give the activity a title', { id: 'console.activities.titleEmpty' })
        : f === 'format'
          ? msg('Choose a format', { id: 'console.activities.formatEmpty' })
          : f === 'startsAt'
            ? msg('Say when it starts', { id: 'console.activities.startsEmpty' })
            : msg('Say what it is about', { id: 'console.activities.textEmpty' });
  }
}

function needLabel(need: AccessibilityNeed): string {
  switch (need) {
    case 'step-free-access':
      return msg('Step-free access', { id: 'console.need.stepFree' });
    case 'hearing-loop':
      return msg('A hearing loop', { id: 'console.need.hearingLoop' });
    case 'sign-language':
      return msg('A sign language interpreter', { id: 'console.need.signLanguage' });
    case 'easy-read':
      return msg('Easy-read material', { id: 'console.need.easyRead' });
    case 'large-print':
      return msg('Large print', { id: 'console.need.largePrint' });
    case 'screen-reader':
      return msg('Material that works with a screen reader', { id: 'console.need.screenReader' });
    case 'interpreter':
      return msg('A language interpreter', { id: 'console.need.interpreter' });
    case 'quiet-space':
      return msg('A quiet space', { id: 'console.need.quietSpace' });
    case 'childcare':
      return msg('Childcare', { id: 'console.need.childcare' });
  }
}

const EMPTY_DRAFT = (locale: Locale): ActivityDraft => ({ title: '', format: '', startsAt: '', endsAt: '', place: '', url: '', text: '', locale });

export class ActivitiesView implements ReactiveController {
  #list: StoreController<ActivityList>;
  #open: StoreController<OpenActivity>;
  #action: StoreController<ActivityAction>;
  #lastAction: ActivityAction | undefined;
  // What the forms hold, here only.
  #draft: ActivityDraft | undefined;
  #invite: InviteFilters = { interest: '', district: '' };

  constructor(
    host: ReactiveControllerHost,
    private readonly activities: ConsoleActivities,
    private readonly ctx: ViewContext & { serviceOptions(): { value: string; label: string }[]; districts(): { value: string; label: string }[] },
  ) {
    host.addController(this);
    this.#list = new StoreController(host, activities.$list);
    this.#open = new StoreController(host, activities.$open);
    this.#action = new StoreController(host, activities.$action);
    // "Load more": focus on the first new activity (or, focus elsewhere, the status region says it).
    this.#tellMore = moreTeller(ctx, 'activity', (added) => {
      const count = ctx.formatNumber(added);
      return msg(str`More activities shown: ${count}`, { id: 'console.activities.moreLoaded' });
    });
  }

  readonly #tellMore: MoreTeller<ActivityList>;

  hostUpdate(): void {
    this.#tellMore(this.#list.value);
    const [action, previous] = [this.#action.value, this.#lastAction];
    if (action === previous) return;
    this.#lastAction = action;
    const { focus, status, formatNumber } = this.ctx;
    if (action.state === 'invalid') {
      const first = FIELDS.find((f) => action.problems[f]);
      if (first) focus.moveTo(`#activity-${first}`);
    } else if (action.state === 'failed') status.announce(staffFailureText(action.reason));
    else if (action.state === 'done' && action.what === 'create') {
      this.#draft = undefined;
      this.#invite = { interest: '', district: '' };
      if (!focus.moveTo('#activity')) status.announce(msg('Activity created.', { id: 'console.activities.created' }));
    } else if (action.state === 'done' && action.what === 'invite') status.announce(this.#invitedText(formatNumber(action.invited), formatNumber(action.alreadyInvited)));
  }

  #invitedText(now: string, before: string): string {
    return msg(str`Invited now: ${now}. Already invited before: ${before}.`, { id: 'console.activities.invited' });
  }

  show(): void {
    this.activities.open(undefined);
    this.activities.load();
  }

  forget(): void {
    this.#draft = undefined;
    this.#invite = { interest: '', district: '' };
    this.activities.reset();
  }

  render(level: number): TemplateResult {
    const open = this.#open.value;
    return html`<section part="activities" class="activities-view" id="activities" tabindex="-1" aria-labelledby="activities-title">
      ${heading(level, msg('Activities', { id: 'console.activities.title' }), { id: 'activities-title' })}
      <p class="hint">${msg('Workshops, surveys and other co-creation activities. Invite the people in the contact bank who match; their contact details are shown once they accept.', { id: 'console.activities.intro' })}</p>
      ${open.status === 'none' ? html`${this.#renderList(level + 1)} ${this.#renderCreate(level + 1)}` : this.#renderOpen(open, level + 1)}
    </section>`;
  }

  #counts(a: Activity): string {
    const n = this.ctx.formatNumber;
    const [invited, accepted, declined, waiting] = [n(a.invited), n(a.accepted), n(a.declined), n(Math.max(a.invited - a.accepted - a.declined, 0))];
    return msg(str`Invited: ${invited} · accepted: ${accepted} · declined: ${declined} · no answer yet: ${waiting}`, { id: 'console.activities.counts' });
  }

  #renderList(level: number): TemplateResult {
    const list = this.#list.value;
    const { act } = this.ctx;
    return html`<section aria-labelledby="activities-list-title">
      ${heading(level, msg('The council’s activities', { id: 'console.activities.listTitle' }), { id: 'activities-list-title' })}
      ${list.status === 'loading'
        ? html`<p class="hint">${msg('Loading…', { id: 'console.list.loading' })}</p>`
        : list.status === 'failed'
          ? listFailed({
              id: 'activities-error',
              level: level + 1,
              title: msg('The activities could not be loaded', { id: 'console.activities.failed' }),
              reason: staffFailureText(list.reason),
              ...(list.reason === 'forbidden' ? {} : { retry: act(() => this.activities.retry()) }),
            })
          : list.items.length === 0
            ? html`<p id="activities-empty">${msg('No activities yet.', { id: 'console.activities.none' })}</p>`
            : html`<ul class="items" role="list">
                  ${list.items.map(
                    (a, i) => html`<li>
                      <button part="item" class="item" type="button" id="activity-${i}" @click=${act(() => this.#openActivity(a.id))}>
                        <span class="item-meta"><strong>${formatLabel(a.format)}</strong> · ${this.ctx.date(a.startsAt)}</span>
                        <span class="item-text" lang=${a.locale}>${a.title}</span>
                        <span class="item-meta">${this.#counts(a)}</span>
                      </button>
                    </li>`,
                  )}
                </ul>
                ${loadMore(list, act(() => this.activities.more()))}`}
    </section>`;
  }

  #openActivity(id: string | undefined): void {
    const back = this.#open.value;
    this.#invite = { interest: '', district: '' };
    this.activities.open(id);
    if (id) return void this.ctx.focus.moveTo('#activity');
    const backId = back.status === 'ready' ? back.detail.id : back.status === 'none' ? undefined : back.id;
    const l = this.#list.value;
    const i = l.status === 'ready' ? l.items.findIndex((a) => a.id === backId) : -1;
    if (!this.ctx.focus.moveTo(i >= 0 ? `#activity-${i}` : '#activities')) this.ctx.focus.moveTo('#activities');
  }

  #renderCreate(level: number): TemplateResult {
    const locales = this.ctx.locales();
    const draft = (this.#draft ??= EMPTY_DRAFT(locales[0] ?? this.ctx.locale()));
    const action = this.#action.value;
    const problems = action.state === 'invalid' ? action.problems : {};
    const saving = action.state === 'saving' && action.what === 'create';
    const failed = action.state === 'failed' && action.what === 'create' ? staffFailureText(action.reason) : undefined;
    const error = (f: ActivityField) => problemText(f, problems[f], this.ctx.formatNumber);
    const input = (f: 'title' | 'place' | 'url', label: string, hint?: string) =>
      field({
        id: `activity-${f}`,
        label,
        hint,
        error: error(f),
        control: (a) =>
          html`<input type=${f === 'url' ? 'url' : 'text'} id="activity-${f}" name=${f} autocomplete="off" lang=${f === 'url' ? nothing : draft.locale} aria-describedby=${describedByAttr(a.describedBy)} aria-invalid=${a.invalid ? 'true' : 'false'} .value=${draft[f]} @input=${(e: Event) => (draft[f] = (e.target as HTMLInputElement).value)} />`,
      });
    const when = (f: 'startsAt' | 'endsAt', label: string, hint?: string) =>
      field({
        id: `activity-${f}`,
        label,
        hint,
        error: error(f),
        control: (a) =>
          html`<input type="datetime-local" id="activity-${f}" name=${f} aria-describedby=${describedByAttr(a.describedBy)} aria-invalid=${a.invalid ? 'true' : 'false'} .value=${draft[f]} @change=${(e: Event) => (draft[f] = (e.target as HTMLInputElement).value)} @input=${(e: Event) => (draft[f] = (e.target as HTMLInputElement).value)} />`,
      });
    const submit = (event: Event) => {
      event.preventDefault();
      if (saving) return;
      this.ctx.focus.acted();
      void this.activities.create(draft);
    };
    return html`<form class="activity-form" id="activity-form" novalidate @submit=${submit} aria-labelledby="activity-form-title">
      ${heading(level, msg('Create an activity', { id: 'console.activities.create' }), { id: 'activity-form-title' })}
      ${input('title', msg('Title', { id: 'console.themes.titleLabel' }))}
      ${selectField({
        id: 'activity-format',
        label: msg('Format', { id: 'console.activities.format' }),
        error: error('format'),
        value: draft.format,
        none: msg('Choose…', { id: 'console.activities.choose' }),
        options: CONTACT_FORMATS.map((v) => ({ value: v, label: formatLabel(v) })),
        onChange: (v) => (draft.format = (CONTACT_FORMATS as readonly string[]).includes(v) ? (v as ContactFormat) : ''),
      })}
      ${when('startsAt', msg('Starts', { id: 'console.activities.starts' }), msg('In your time zone.', { id: 'console.activities.timeZone' }))}
      ${when('endsAt', msg('Ends (optional)', { id: 'console.activities.ends' }))}
      ${input('place', msg('Place (optional)', { id: 'console.activities.place' }))}
      ${input('url', msg('Link (optional)', { id: 'console.activities.url' }), msg('An online meeting or a survey.', { id: 'console.activities.urlHint' }))}
      ${field({
        id: 'activity-text',
        label: msg('What it is about', { id: 'console.activities.text' }),
        hint: msg('Sent in the invitation email, as plain text.', { id: 'console.activities.textHint' }),
        error: error('text'),
        control: (a) =>
          html`<textarea id="activity-text" name="text" rows="4" lang=${draft.locale} aria-describedby=${describedByAttr(a.describedBy)} aria-invalid=${a.invalid ? 'true' : 'false'} .value=${draft.text} @input=${(e: Event) => (draft.text = (e.target as HTMLTextAreaElement).value)}></textarea>`,
      })}
      ${locales.length > 1
        ? field({
            id: 'activity-locale',
            label: msg('Written in', { id: 'console.link.locale' }),
            control: () => html`<select id="activity-locale" @change=${(e: Event) => (draft.locale = (e.target as HTMLSelectElement).value as Locale)}>
              ${locales.map((l) => html`<option value=${l} lang=${l} ?selected=${l === draft.locale}>${ownName(l)}</option>`)}
            </select>`,
          })
        : nothing}
      ${failed ? html`<p class="error-message" role="alert">${failed}</p>` : nothing}
      <div class="row">
        <button part="button" class="button" type="submit" aria-disabled=${saving ? 'true' : 'false'}>${saving ? msg('Saving…', { id: 'console.saving' }) : msg('Create the activity', { id: 'console.activities.submit' })}</button>
      </div>
    </form>`;
  }

  // One article while the activity loads and once it is there: focus, moved to it on opening, stays.
  #renderOpen(open: Exclude<OpenActivity, { status: 'none' }>, level: number): TemplateResult {
    const back = html`<p><button class="link" type="button" @click=${this.ctx.act(() => this.#openActivity(undefined))}>${msg('Back to the activities', { id: 'console.activities.back' })}</button></p>`;
    const a = open.status === 'ready' ? open.detail : undefined;
    return html`<article class="editor" id="activity" tabindex="-1" aria-labelledby="activity-heading">
      ${heading(level, a ? html`<span lang=${a.locale}>${a.title}</span>` : msg('Activity', { id: 'console.activities.one' }), { id: 'activity-heading' })} ${back}
      ${a
        ? this.#renderDetail(a, level)
        : open.status === 'loading'
          ? html`<p class="hint">${msg('Loading…', { id: 'console.list.loading' })}</p>`
          : open.status === 'failed'
            ? notice({ id: 'activity-error', level: level + 1, tone: 'error', title: msg('The activity could not be loaded', { id: 'console.activities.oneFailed' }), body: html`<p>${staffFailureText(open.reason)}</p>` })
            : nothing}
    </article>`;
  }

  #renderDetail(a: ActivityDetail, level: number): TemplateResult {
    const none = msg('None', { id: 'console.pane.none' });
    const link = a.url && /^https?:/i.test(a.url) ? a.url : undefined;
    return html`<dl class="facts">
        <div><dt>${msg('Format', { id: 'console.activities.format' })}</dt><dd>${formatLabel(a.format)}</dd></div>
        <div><dt>${msg('Starts', { id: 'console.activities.starts' })}</dt><dd>${this.ctx.date(a.startsAt)}</dd></div>
        <div><dt>${msg('Ends', { id: 'console.activities.endsShort' })}</dt><dd>${a.endsAt ? this.ctx.date(a.endsAt) : none}</dd></div>
        <div><dt>${msg('Place', { id: 'console.activities.placeShort' })}</dt><dd lang=${a.place ? a.locale : nothing}>${a.place ?? none}</dd></div>
        <div><dt>${msg('Link', { id: 'console.activities.urlShort' })}</dt><dd>${link ? html`<a href=${link} rel="noopener noreferrer">${link}</a>` : (a.url ?? none)}</dd></div>
      </dl>
      <p class="text" lang=${a.locale}>${a.text}</p>
      <p id="activity-counts">${this.#counts(a)}</p>
      ${this.#renderInvite(a, level + 1)} ${this.#renderAnswers(a, level + 1)}`;
  }

  #renderInvite(a: ActivityDetail, level: number): TemplateResult {
    const action = this.#action.value;
    const inviting = action.state === 'saving' && action.what === 'invite';
    const interests = [...this.ctx.serviceOptions(), ...SERVICE_CATEGORIES.map((c) => ({ value: c, label: categoryLabel(c) }))];
    const f = this.#invite;
    const submit = (event: Event) => {
      event.preventDefault();
      if (inviting) return;
      this.ctx.focus.acted();
      void this.activities.invite({ ...f });
    };
    const format = formatLabel(a.format);
    return html`<form class="filters-form" novalidate @submit=${submit} aria-labelledby="invite-title">
      ${heading(level, msg('Invite people', { id: 'console.activities.inviteTitle' }), { id: 'invite-title' })}
      <p class="hint" id="invite-hint">${msg(str`Everyone in the contact bank who agreed to invitations, is open to “${format}” and matches these filters gets an email in their language. No one is invited twice.`, { id: 'console.activities.inviteHint' })}</p>
      <div class="filters">
        ${selectField({ id: 'invite-interest', label: msg('Interested in', { id: 'console.bank.interest' }), value: f.interest, none: msg('Anything', { id: 'console.bank.anything' }), options: interests, onChange: (v) => (f.interest = v) })}
        ${selectField({ id: 'invite-district', label: msg('District', { id: 'console.bank.district' }), value: f.district, none: msg('Any district', { id: 'console.bank.anyDistrict' }), options: this.ctx.districts(), onChange: (v) => (f.district = v) })}
      </div>
      ${action.state === 'failed' && action.what === 'invite' ? html`<p class="error-message" role="alert">${staffFailureText(action.reason)}</p>` : nothing}
      ${action.state === 'done' && action.what === 'invite' ? html`<p id="invite-result">${this.#invitedText(this.ctx.formatNumber(action.invited), this.ctx.formatNumber(action.alreadyInvited))}</p>` : nothing}
      <div class="row">
        <button part="button" class="button" type="submit" id="invite-submit" aria-describedby="invite-hint" aria-disabled=${inviting ? 'true' : 'false'}>
          ${inviting ? msg('Inviting…', { id: 'console.activities.inviting' }) : msg('Invite everyone who matches', { id: 'console.activities.inviteSubmit' })}
        </button>
      </div>
    </form>`;
  }

  #renderAnswers(a: ActivityDetail, level: number): TemplateResult {
    const none = '–';
    const who = (c: AcceptedContact) => html`${c.name ?? kindLabel(c.kind)}${c.organisation ? html` (<span>${c.organisation}</span>)` : nothing}`;
    const caption = msg(str`People who accepted: ${this.ctx.formatNumber(a.acceptedContacts.length)}`, { id: 'console.activities.acceptedCaption' });
    return html`<section aria-labelledby="answers-title">
      ${heading(level, msg('Who accepted', { id: 'console.activities.answers' }), { id: 'answers-title' })}
      <p class="hint">${msg('Contact details of the people who accepted, to write to them about this activity only. Each look is recorded in the audit log.', { id: 'console.activities.answersHint' })}</p>
      ${a.acceptedContacts.length
        ? tableScroll(caption, html`<table class="accepted" id="accepted">
            <caption>${caption}</caption>
            <thead>
              <tr>
                <th scope="col">${msg('Who', { id: 'console.bank.who' })}</th>
                <th scope="col">${msg('Email', { id: 'console.activities.email' })}</th>
                <th scope="col">${msg('Phone', { id: 'console.activities.phone' })}</th>
                <th scope="col">${msg('Needs', { id: 'console.activities.needs' })}</th>
                <th scope="col">${msg('Accepted', { id: 'console.activities.acceptedAt' })}</th>
              </tr>
            </thead>
            <tbody>
              ${a.acceptedContacts.map(
                (c) => html`<tr>
                  <th scope="row">${who(c)}</th>
                  <td><a href="mailto:${c.email}">${c.email}</a></td>
                  <td>${c.phone ?? none}</td>
                  <td>${[...c.accessibility.map(needLabel), ...(c.accessibilityNote ? [c.accessibilityNote] : [])].join(', ') || none}</td>
                  <td>${this.ctx.date(c.answeredAt)}</td>
                </tr>`,
              )}
            </tbody>
          </table>`)
        : html`<p id="accepted-none">${msg('No one has accepted yet.', { id: 'console.activities.noneAccepted' })}</p>`}
      <div class="row">
        <button part="button" class="button secondary" type="button" id="answers-refresh" @click=${this.ctx.act(() => this.#refresh())}>${msg('Check for new answers', { id: 'console.activities.refresh' })}</button>
      </div>
    </section>`;
  }

  async #refresh(): Promise<void> {
    await this.activities.refresh();
    const open = this.#open.value;
    if (open.status === 'ready') this.ctx.status.announce(this.ctx.localized(() => this.#counts(open.detail)));
  }
}
