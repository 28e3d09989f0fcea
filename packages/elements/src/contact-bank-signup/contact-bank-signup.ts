import type { Locale } from '@civicloop/contract';
import { msg, str } from '@lit/localize';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { CivicElement } from '../internal/civic-element.js';
import { define } from '../internal/define.js';
import { messages } from '../generated/locales/bank.js';
import { StoreController } from '../internal/store-controller.js';
import { StateChanges } from '../kit/controllers/changes.js';
import { FocusController } from '../kit/controllers/focus.js';
import { KeepInView } from '../kit/controllers/keep-in-view.js';
import { WindowListener } from '../kit/controllers/window-listener.js';
import { dateFormat, numberFormat } from '../kit/format.js';
import { StatusController } from '../kit/controllers/status.js';
import { ownName } from '../kit/parts/language.js';
import { emailField, safeUrl, selectField, textField } from '../kit/parts/controls.js';
import { confirmPanel } from '../kit/parts/erase.js';
import { buttonRow, honeypot, submitButton } from '../kit/parts/sending.js';
import { checkboxGroup, copyReceipt, errorSummary, field, heading, kitStyles, notice, radioGroup, setupNotice } from '../kit/parts/index.js';
import { describedByAttr } from '../kit/parts/field.js';
import { localizedText, serviceOptions } from '../kit/stores/council.js';
import {
  ACCESSIBILITY_NEEDS,
  CONTACT_KINDS,
  CONTACT_PURPOSES,
  createContactBankFlow,
  shareUrl,
  type ContactBankConfig,
  type FieldError,
  type FieldName,
  type SignupDraft,
  type SignupState,
  type TaskState,
} from '../stores/contact-bank.js';
import { pageUrl } from '../kit/stores/form.js';
import { contactBankStyles } from './contact-bank-signup.styles.js';
import * as s from './strings.js';

/** Detail of `cocreate-signed-up`. */
export interface CocreateSignedUpDetail {
  /** True when the sign-up was first kept on the device and delivered later. */
  queued: boolean;
}

/**
 * The council's contact bank: residents, associations and businesses who agree to be asked when
 * the council wants to co-create. The form asks who they are, how to reach them, what they are
 * interested in and how they like to take part, shows the council's consent text, and asks for
 * consent per purpose. After sending, the resident confirms from an email (double opt-in) and is
 * invited to pass the page on.
 *
 * The same element opens the links in the bank's emails, from the page address's fragment:
 * `#token=` confirms a sign-up, `#manage=` shows what they signed up for (change it, download it
 * as JSON, or withdraw), `#invitation=` shows an activity to answer yes or no.
 *
 * ```html
 * <contact-bank-signup api="https://api.council.example" council="testborough"></contact-bank-signup>
 * ```
 *
 * @summary The contact bank: sign-up with double opt-in, consent per purpose, manage and withdraw, invitations and pass-it-on.
 *
 * @event {CustomEvent<CocreateSignedUpDetail>} cocreate-signed-up - The council received the sign-up; the resident confirms it from an email.
 * @event {CustomEvent<{ key: string }>} cocreate-queued - The sign-up could not be delivered now and is kept on this device; it is sent later.
 * @event {CustomEvent<{ status?: number; problemType?: string; message: string }>} cocreate-error - Sending failed in a way the resident is told about; their answers are kept.
 *
 * @csspart base - The wrapper of everything the element shows.
 * @csspart form - The sign-up form (and the form to change it).
 * @csspart error-summary - The list of problems shown when the form is sent with errors.
 * @csspart field - Each question of the form.
 * @csspart consent - The council's consent text, privacy notice and how long consent lasts.
 * @csspart button - Every button.
 * @csspart submit - The send button.
 * @csspart notice - Messages about sending, links from emails, and a wrong setup.
 * @csspart check-email - The confirmation after sending ("check your email").
 * @csspart share - The pass-it-on link and its button.
 * @csspart task - What a link from an email opened (confirm, manage, invitation).
 * @csspart status - The visually hidden live region that announces changes.
 * @csspart language - The language switcher (shown when the council has more than one language).
 *
 * @cssproperty [--contact-bank-signup-min-block-size=102rem] - Height reserved before and while the form renders (128rem below 40rem viewport width, 140rem below 21rem).
 * The theme's custom properties (`--cocreate-accent`, ...) apply too; they are documented once, in src/registry.ts.
 */
export class ContactBankSignup extends CivicElement {
  // Its own strings (`bank.*`), fetched per language; the kit's come with every element.
  protected static override messages = [messages];
  static override styles = [...CivicElement.styles, kitStyles, contactBankStyles];

  #instance = '0';
  #flow = createContactBankFlow({
    scope: () => ({ ...this.config, locale: this.locale, instance: this.#instance }),
    forgetHash: () => history.replaceState(history.state, '', location.pathname + location.search),
    notify: (e) => {
      const init = { bubbles: true, composed: true };
      if (e.type === 'submitted') this.dispatchEvent(new CustomEvent<CocreateSignedUpDetail>('cocreate-signed-up', { ...init, detail: { queued: e.queued } }));
      else if (e.type === 'queued') this.dispatchEvent(new CustomEvent('cocreate-queued', { ...init, detail: { key: e.key } }));
      else if (e.type === 'error') this.dispatchEvent(new CustomEvent('cocreate-error', { ...init, detail: { status: e.status, problemType: e.problemType, message: e.message } }));
    },
  });
  #mode = new StoreController(this, this.#flow.$mode);
  #state = new StoreController(this, this.#flow.$flow);
  #task = new StoreController(this, this.#flow.$task);
  #draft = new StoreController(this, this.#flow.$draft);
  #change = new StoreController(this, this.#flow.$change);
  #council = new StoreController(this, this.#flow.$council);
  protected override get councilState() {
    return this.#flow.$council.get();
  }
  #services = new StoreController(this, this.#flow.$services);
  #setup = new StoreController(this, this.#flow.$setup);
  #status = new StatusController(this);
  #focus = new FocusController(this);
  #changes = new StateChanges<SignupState | TaskState | undefined>(this.#focus, this.#status);
  #inView = new KeepInView(this);

  // A link from an email opened while the page is open (a second one) loads its task.
  #hash = new WindowListener(this, 'hashchange', () => void this.#flow.load());

  protected override scopeChanged(): void {
    this.#instance = this.instance;
    void this.#flow.load();
  }

  protected override released(): void {
    this.#flow.dispose();
  }

  #taskMode: TaskState['mode'] | undefined;

  // Each change is told once: the region that explains it takes focus after the resident's own
  // action (or when focus was inside), else the status region says it.
  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const task = this.#task.value;
    // A link from an email shows its own, shorter view: the sign-up form's size is not held for it.
    if (task) this.releaseReservedSize();
    // It is what the resident came for, wherever the element sits on the page: brought into sight,
    // as a browser scrolls to a fragment's target (the element's own fragments have none), and
    // kept there while the page above it settles.
    if (task && task.mode !== this.#taskMode) this.#inView.show(() => this.renderRoot.querySelector('#task'));
    this.#taskMode = task?.mode;
    const state = task ?? this.#state.value;
    const change = this.#changes.next(state);
    if (!change) return;
    if (task) {
      this.#focus.fallback('#task');
      // What the status region said last (e.g. "Your data is downloaded") belongs to the view just left.
      if (task.state === 'changing' || task.state === 'withdrawing') this.#status.clear();
      if (task.state === 'changing') return void this.#focus.moveTo(task.errors.length ? '#error-summary' : 'form');
      if (task.state === 'withdrawing') return void this.#focus.moveTo('#withdraw-cancel');
      return this.#changes.tell(this.#taskTitle(task), '#task');
    }
    const signup = state as SignupState;
    this.#focus.fallback(signup.state === 'invalid' ? '#error-summary' : signup.state === 'editing' || signup.state === 'sending' ? 'form' : '#outcome');
    if (signup.state === 'invalid') return void (change.submitting && this.#focus.moveTo('#error-summary'));
    if (signup.state === 'sending') return this.#status.announce(msg('Sending your sign-up…', { id: 'bank.status.sending' }));
    if (signup.state === 'editing') return this.#status.clear();
    this.#changes.tell(this.#outcomeTitle(signup), '#outcome', signup.state === 'queued' && (change.previous as SignupState).state !== 'sending');
  }

  override render(): TemplateResult {
    const council = this.#council.value;
    const task = this.#task.value;
    // Until the council's settings and services are in (or failed: the form then works without them).
    const settling = !task && (council.status === 'loading' || (council.status === 'ready' && this.#services.value.status === 'loading'));
    return html`
      <div part="base" class="base ${settling ? 'settling' : ''}" lang=${this.renderedLocale}>
        ${this.#status.render()} ${task ? this.#renderTask(task) : this.#renderSignup()}
        ${this.renderLanguagePicker(msg('Join the contact bank', { id: 'bank.form.label' }))}
      </div>
    `;
  }

  // ---- sign-up -------------------------------------------------------------------------

  #outcomeTitle(state: SignupState): string {
    if (state.state === 'sent') return msg('Check your email', { id: 'bank.sent.title' });
    if (state.state === 'queued') return msg('Your sign-up is saved on this device', { id: 'bank.queued.title' });
    if (state.state === 'consent-changed') return msg('The council’s consent text has changed', { id: 'bank.consentChanged.title' });
    return msg('Your sign-up was not sent', { id: 'bank.rejected.title' });
  }

  #renderSignup(): TemplateResult {
    const state = this.#state.value;
    const level = this.level;
    if (state.state === 'sent') return this.#renderSent(state, level);
    if (state.state === 'queued')
      return notice({
        id: 'outcome',
        level,
        tone: 'info',
        title: this.#outcomeTitle(state),
        body: html`<p>${s.queuedWhy(state)}</p>
          <p>${msg('It will be sent automatically when the connection is back, even if you close this page and open it again later.', { id: 'bank.queued.body' })}</p>
          ${buttonRow([{ label: msg('Do not send it', { id: 'bank.queued.discard' }), onClick: this.#focus.act(() => this.#flow.discard(), 'form') }])}`,
      });
    const notSent = state.state === 'rejected' || state.state === 'error' || state.state === 'consent-changed';
    const setup = this.#setup.value;
    const council = this.#council.value;
    // A council that runs no contact bank: nothing to sign up to, said before anyone writes.
    if (!setup && council.status === 'ready' && !council.config.contactBank)
      return notice({ id: 'setup', part: 'notice setup', level, tone: 'info', title: msg('This council has no contact bank', { id: 'bank.noBank.title' }), body: html`<p>${msg('You cannot sign up here. Please ask the council how to take part.', { id: 'bank.noBank.body' })}</p>` });
    return html`
      ${setup && !notSent ? setupNotice({ problem: setup, council: this.config.council ?? '', service: '', api: this.config.api ?? '', level }) : nothing}
      ${state.state === 'invalid' ? this.#summary(state.errors) : nothing}
      ${state.state === 'consent-changed'
        ? notice({
            id: 'outcome',
            level,
            tone: 'warning',
            title: this.#outcomeTitle(state),
            body: html`<p>${s.consentChangedText(state)}</p>
              <p>${msg('Your other answers are still in the form below.', { id: 'bank.consentChanged.kept' })}</p>`,
          })
        : notSent
        ? notice({
            id: 'outcome',
            level,
            tone: state.state === 'rejected' ? 'warning' : 'error',
            title: this.#outcomeTitle(state),
            body: html`<p>${s.notSentText(state)}</p>
              <p>${msg('Your answers are still in the form below.', { id: 'bank.kept' })}</p>`,
          })
        : nothing}
      <form part="form" novalidate tabindex="-1" @submit=${this.#onSubmit} aria-label=${msg('Join the contact bank', { id: 'bank.form.label' })}>
        ${this.#fields(this.#draft.value, (p) => this.#flow.update(p), (f) => this.#error(state.state === 'invalid' ? state.errors : [], f), false)}
        ${honeypot({ name: 'website', value: this.#draft.value.trap, onInput: (trap) => this.#flow.update({ trap }) })}
        ${submitButton({ sending: state.state === 'sending', sendingLabel: msg('Sending…', { id: 'bank.sendingButton' }), label: msg('Join the contact bank', { id: 'bank.send' }) })}
      </form>
    `;
  }

  #summary(errors: readonly FieldError[]): TemplateResult {
    return errorSummary({ title: msg('There is a problem', { id: 'bank.summary.title' }), errors: errors.map((e) => ({ field: e.field, text: s.errorText(e) })), level: this.level });
  }

  #error(errors: readonly FieldError[], field: FieldName): string | undefined {
    const e = errors.find((x) => x.field === field);
    return e && s.errorText(e);
  }

  /** The questions, for signing up and (without email and consent text) for changing an entry. */
  #fields(d: SignupDraft, update: (p: Partial<SignupDraft>) => void, error: (f: FieldName) => string | undefined, manage: boolean): TemplateResult {
    const bank = this.#flow.bank();
    const council = this.#council.value;
    const fallback: Locale = council.status === 'ready' ? council.config.defaultLocale : this.renderedLocale;
    const services = this.#services.value;
    const serviceChoices = serviceOptions(services, council, this.renderedLocale);
    const categories = services.status === 'ready' ? [...new Set(services.services.map((x) => x.category))] : [];
    const organised = d.kind === 'association' || d.kind === 'business';
    const optional = (label: string) => msg(str`${label} (optional)`, { id: 'bank.optional' });
    return html`
      ${radioGroup({
        name: 'kind',
        legend: msg('Who is signing up?', { id: 'bank.kind.legend' }),
        error: error('kind'),
        options: CONTACT_KINDS.map((k) => ({ value: k, label: s.kindLabel(k) })),
        value: d.kind,
        required: true,
        onChange: (kind) => update({ kind }),
      })}
      ${organised
        ? html`${textField({ id: 'organisation', label: msg('Name of the organisation', { id: 'bank.organisation.label' }), error: error('organisation'), value: d.organisation, autocomplete: 'organization', required: true, onInput: (organisation) => update({ organisation }) })}
          ${textField({ id: 'name', label: msg('Contact person', { id: 'bank.person.label' }), hint: msg('The person the council should ask for.', { id: 'bank.person.hint' }), error: error('name'), value: d.name, autocomplete: 'name', required: true, onInput: (name) => update({ name }) })}`
        : nothing}
      ${manage
        ? nothing
        : emailField({ id: 'email', label: msg('Email address', { id: 'bank.email.label' }), error: error('email'), value: d.email, required: true, onInput: (email) => update({ email }) })}
      ${textField({ id: 'phone', type: 'tel', label: optional(msg('Phone number', { id: 'bank.phone.label' })), hint: msg('Only if you would rather be called than emailed.', { id: 'bank.phone.hint' }), error: error('phone'), value: d.phone, autocomplete: 'tel', onInput: (phone) => update({ phone }) })}
      ${bank?.districts.length
        ? selectField({
            id: 'district',
            label: optional(msg('Your district', { id: 'bank.district.label' })),
            value: d.district,
            none: msg('Not in one district, or rather not say', { id: 'bank.district.none' }),
            options: bank.districts.map((x) => ({ value: x.id, label: localizedText(x.name, this.renderedLocale, fallback)?.text ?? x.id })),
            onChange: (district) => update({ district }),
          })
        : nothing}
      ${categories.length
        ? checkboxGroup({
            name: 'categories',
            legend: optional(msg('Areas you would like to be asked about', { id: 'bank.categories.legend' })),
            options: categories.map((c) => ({ value: c, label: s.categoryLabel(c) })),
            value: d.categories.filter((c) => categories.includes(c)),
            onChange: (c) => update({ categories: c }),
          })
        : nothing}
      ${serviceChoices.length
        ? checkboxGroup({ name: 'services', legend: optional(msg('Services you would like to be asked about', { id: 'bank.services.legend' })), options: serviceChoices, value: d.services, onChange: (x) => update({ services: x }) })
        : nothing}
      ${bank
        ? checkboxGroup({
            name: 'formats',
            legend: optional(msg('How would you like to take part?', { id: 'bank.formats.legend' })),
            options: bank.formats.map((f) => ({ value: f, label: s.formatLabel(f) })),
            value: d.formats,
            onChange: (formats) => update({ formats }),
          })
        : nothing}
      ${checkboxGroup({
        name: 'languages',
        legend: msg('Languages you can take part in', { id: 'bank.languages.legend' }),
        error: error('languages'),
        options: (bank?.languages ?? (council.status === 'ready' ? council.config.locales : [this.renderedLocale])).map((l) => ({ value: l, label: ownName(l), lang: l })),
        value: d.languages,
        onChange: (languages) => update({ languages }),
      })}
      ${checkboxGroup({
        name: 'accessibility',
        legend: optional(msg('Anything that would help you take part', { id: 'bank.accessibility.legend' })),
        hint: msg('We ask so that activities can be arranged for you. Only the staff who invite you see it.', { id: 'bank.accessibility.hint' }),
        options: ACCESSIBILITY_NEEDS.map((n) => ({ value: n, label: s.needLabel(n) })),
        value: d.accessibility,
        onChange: (accessibility) => update({ accessibility }),
      })}
      ${textField({ id: 'accessibilityNote', label: optional(msg('Any other need', { id: 'bank.accessibilityNote.label' })), error: error('accessibilityNote'), value: d.accessibilityNote, autocomplete: 'off', onInput: (accessibilityNote) => update({ accessibilityNote }) })}
      ${bank?.ageBands.length
        ? field({
            id: 'ageBand',
            label: optional(msg('Your age', { id: 'bank.age.label' })),
            hint: msg('We ask to see which ages the contact bank does not reach yet. It is only counted, never used to choose whom to invite.', { id: 'bank.age.hint' }),
            control: (a) => html`<select id="ageBand" aria-describedby=${describedByAttr(a.describedBy)} @change=${(e: Event) => update({ ageBand: (e.target as HTMLSelectElement).value as SignupDraft['ageBand'] })}>
              <option value="" ?selected=${!d.ageBand}>${msg('Rather not say', { id: 'bank.age.none' })}</option>
              ${bank.ageBands.map((b) => html`<option value=${b} ?selected=${d.ageBand === b}>${s.ageBandLabel(b)}</option>`)}
            </select>`,
          })
        : nothing}
      ${manage ? nothing : this.#consent(bank, fallback)}
      ${checkboxGroup({
        name: 'consent',
        legend: msg('I agree that the council may:', { id: 'bank.purposes.legend' }),
        hint: msg('Tick each one you agree to. You can change this or withdraw at any time, from the link in our emails.', { id: 'bank.purposes.hint' }),
        error: error('consent'),
        options: CONTACT_PURPOSES.map((p) => ({ value: p, label: s.purposeLabel(p) })),
        value: d.consent,
        onChange: (consent) => update({ consent }),
      })}
    `;
  }

  /** The council's consent text (its version), the privacy notice and how long consent lasts. */
  #consent(bank: ContactBankConfig | undefined, fallback: Locale): TemplateResult {
    const text = bank && localizedText(bank.consent.text, this.renderedLocale, fallback);
    const privacy = safeUrl(bank?.privacyNoticeUrl);
    const version = bank?.consent.version ?? '';
    return html`<div part="consent" class="consent">
      ${
        // The form has no heading of its own (its name is its label): this one is at the element's top level.
        heading(this.level, msg('How the council uses your details', { id: 'bank.consent.title' }))
      }
      ${text ? html`<p lang=${text.lang}>${text.text}</p>` : html`<p>${msg('Loading the council’s consent text…', { id: 'bank.consent.loading' })}</p>`}
      ${bank ? html`<p>${s.consentLasts(numberFormat(this.renderedLocale, { style: 'unit', unit: 'month', unitDisplay: 'long' }).format(bank.consent.months))}</p><p class="hint">${msg(str`Consent text version ${version}`, { id: 'bank.consent.version' })}</p>` : nothing}
      ${privacy ? html`<p><a href=${privacy}>${msg('Read the council’s privacy notice', { id: 'bank.consent.privacy' })}</a></p>` : nothing}
    </div>`;
  }

  #onSubmit = (event: Event) => {
    event.preventDefault();
    this.#changes.submitted();
    this.#focus.act(() => this.#flow.submit())();
  };

  #renderSent(state: Extract<SignupState, { state: 'sent' }>, level: number): TemplateResult {
    const link = shareUrl(pageUrl(), state.shareCode);
    const canShare = typeof navigator.share === 'function';
    return notice({
      id: 'outcome',
      part: 'check-email',
      level,
      tone: 'success',
      title: this.#outcomeTitle(state),
      body: html`<p>${msg('We have sent you an email with a link. Open it to confirm that you want to join; until then you are not in the contact bank. The link works for 7 days. If the email does not come, look in your spam folder.', { id: 'bank.sent.body' })}</p>
        ${link
          ? html`<div part="share" class="share">
              ${heading(level + 1, msg('Pass it on', { id: 'bank.share.title' }))}
              <p>${msg('Do you know someone the council should ask too, someone who is rarely asked? Send them this page.', { id: 'bank.share.body' })}</p>
              <p class="link" id="share-link">${link}</p>
              ${buttonRow([{ label: canShare ? msg('Share this page', { id: 'bank.share.share' }) : msg('Copy the link', { id: 'bank.share.copy' }), onClick: () => void this.#share(link, canShare) }])}
            </div>`
          : nothing}`,
    });
  }

  async #share(url: string, canShare: boolean): Promise<void> {
    if (canShare) {
      try {
        return await navigator.share({ url });
      } catch (e) {
        // The resident closed the share sheet: nothing to say. Otherwise copy instead.
        if ((e as Error).name === 'AbortError') return;
      }
    }
    const result = await copyReceipt(url, this.shadowRoot, 'share-link');
    this.#status.announce(
      this.localized(() => (result === 'copied' ? msg('Link copied', { id: 'bank.share.copied' }) : msg('The link could not be copied for you. It is selected: press Ctrl+C to copy it.', { id: 'bank.share.selected' }))),
    );
  }

  // ---- links from emails -----------------------------------------------------------------

  #taskTitle(task: TaskState): string {
    if (task.state === 'failed') return msg('This link did not work', { id: 'bank.task.failedTitle' });
    if (task.mode === 'confirm')
      return task.state === 'done' ? msg('You are in the contact bank', { id: 'bank.confirm.doneTitle' }) : msg('Confirming your sign-up…', { id: 'bank.confirm.working' });
    if (task.mode === 'manage') {
      if (task.state === 'working') return msg('Loading your details…', { id: 'bank.manage.working' });
      if (task.state === 'withdrawn') return msg('You have left the contact bank', { id: 'bank.manage.withdrawnTitle' });
      if (task.state === 'saved') return msg('Your changes are saved', { id: 'bank.manage.savedTitle' });
      if (task.state === 'renewed') return msg('Your consent is renewed', { id: 'bank.manage.renewedTitle' });
      if (task.state === 'changing' || task.state === 'saving') return msg('Change what you signed up for', { id: 'bank.manage.changeTitle' });
      return msg('What you signed up for', { id: 'bank.manage.title' });
    }
    if (task.state === 'working') return msg('Loading the invitation…', { id: 'bank.invitation.working' });
    if (task.state === 'answered') return task.answer === 'yes' ? msg('Thank you, see you there', { id: 'bank.invitation.yesTitle' }) : msg('Thank you for letting us know', { id: 'bank.invitation.noTitle' });
    return task.invitation?.activity.title ?? '';
  }

  #renderTask(task: TaskState): TemplateResult {
    const level = this.level;
    const title = this.#taskTitle(task);
    const panel = (tone: 'info' | 'success' | 'warning', body: unknown) => notice({ id: 'task', part: 'notice task', level, tone, title, body });
    if (task.state === 'failed')
      return panel('warning', html`<p>${s.taskFailureText(task.reason)}</p>${task.reason === 'offline' ? buttonRow([{ label: msg('Try again', { id: 'bank.task.retry' }), onClick: this.#focus.act(() => this.#flow.retry()) }]) : nothing}`);
    if (task.state === 'working') return panel('info', nothing);
    if (task.mode === 'confirm')
      return panel(
        'success',
        html`<p>${msg('Thank you. When the council plans an activity that matches what you chose, you will get an invitation by email. Every email has a link to change what you signed up for or to withdraw.', { id: 'bank.confirm.doneBody' })}</p>
          ${task.manageToken ? html`<p><button part="button" class="button secondary" type="button" id="manage" @click=${this.#focus.act(() => this.#flow.manageAfterConfirm())}>${msg('See or change what you signed up for', { id: 'bank.confirm.manage' })}</button></p>` : nothing}`,
      );
    if (task.mode === 'manage') return this.#renderManage(task, panel);
    return this.#renderInvitation(task, panel);
  }

  #renderManage(task: Extract<TaskState, { mode: 'manage'; record: unknown }>, panel: (tone: 'info' | 'success' | 'warning', body: unknown) => TemplateResult): TemplateResult {
    if (task.state === 'withdrawn')
      return panel('success', html`<p>${msg('Your name, email address, phone number and answers are erased. Only anonymous counts remain. You will not be contacted again.', { id: 'bank.manage.withdrawnBody' })}</p>`);
    const r = task.record!;
    if (task.state === 'changing' || task.state === 'saving') {
      const d = this.#change.value;
      return html`${task.errors.length ? this.#summary(task.errors) : nothing}
        <form part="form" novalidate tabindex="-1" aria-label=${this.#taskTitle(task)} @submit=${(e: Event) => (e.preventDefault(), this.#focus.act(() => this.#flow.saveChange())())}>
          ${this.#fields(d, (p) => this.#flow.updateChange(p), (f) => this.#error(task.errors, f), true)}
          ${submitButton({ sending: task.state === 'saving', sendingLabel: msg('Saving…', { id: 'bank.manage.saving' }), label: msg('Save changes', { id: 'bank.manage.save' }) })}
          ${buttonRow([{ label: msg('Cancel', { id: 'bank.manage.cancel' }), onClick: this.#focus.act(() => this.#flow.cancelChange(), '#task') }])}
        </form>`;
    }
    const date = (iso: string) => dateFormat(this.renderedLocale, { dateStyle: 'long' }).format(new Date(iso));
    const until = r.consent.expiresAt ? date(r.consent.expiresAt) : '';
    // An empty answer in words: a bare dash is silence, or "dash", to a screen reader.
    const none = msg('None chosen', { id: 'bank.manage.none' });
    const list = (values: readonly string[], label: (v: string) => string) => (values.length ? values.map(label).join(', ') : none);
    const services = serviceOptions(this.#services.value, this.#council.value, this.renderedLocale);
    const row = (term: string, value: string) => html`<dt>${term}</dt><dd>${value}</dd>`;
    return panel(
      task.state === 'saved' || task.state === 'renewed' ? 'success' : 'info',
      html`<dl class="entry">
          ${row(msg('Who is signing up?', { id: 'bank.kind.legend' }), s.kindLabel(r.kind))}
          ${r.organisation ? row(msg('Name of the organisation', { id: 'bank.organisation.label' }), r.organisation) : nothing}
          ${r.name ? row(msg('Contact person', { id: 'bank.person.label' }), r.name) : nothing}
          ${row(msg('Email address', { id: 'bank.email.label' }), r.email)} ${r.phone ? row(msg('Phone number', { id: 'bank.phone.label' }), r.phone) : nothing}
          ${row(msg('Areas you would like to be asked about', { id: 'bank.categories.legend' }), list(r.categories, (c) => s.categoryLabel(c as never)))}
          ${row(msg('Services you would like to be asked about', { id: 'bank.services.legend' }), list(r.services, (t) => services.find((x) => x.value === t)?.label ?? t))}
          ${row(msg('How would you like to take part?', { id: 'bank.formats.legend' }), list(r.formats, (f) => s.formatLabel(f as never)))}
          ${row(msg('Languages you can take part in', { id: 'bank.languages.legend' }), list(r.languages, (l) => ownName(l)))}
          ${row(msg('I agree that the council may:', { id: 'bank.purposes.legend' }), list(r.consent.purposes, (p) => s.purposeLabel(p as never)))}
        </dl>
        ${until ? html`<p>${msg(str`Your consent lasts until ${until}.`, { id: 'bank.manage.until' })}</p>` : nothing}
        ${task.state === 'withdrawing'
          ? confirmPanel({
              id: 'withdraw',
              question: msg('Leave the contact bank?', { id: 'bank.manage.withdrawQuestion' }),
              warning: msg('Your details will be erased at once. This cannot be undone.', { id: 'bank.manage.withdrawWarning' }),
              confirmLabel: msg('Yes, erase my details', { id: 'bank.manage.withdrawConfirm' }),
              cancelLabel: msg('No, stay', { id: 'bank.manage.withdrawCancel' }),
              busy: false,
              onConfirm: this.#focus.act(() => this.#flow.confirmWithdraw()),
              onCancel: this.#focus.act(() => this.#flow.cancelWithdraw(), '#withdraw'),
            })
          : html`${task.state === 'withdraw-failed' ? html`<p class="error-message" role="alert">${msg('We could not erase your details. Please try again.', { id: 'bank.manage.withdrawFailed' })}</p>` : nothing}
              <div class="row">
                <button part="button" class="button secondary" type="button" id="change" @click=${this.#focus.act(() => this.#flow.startChange())}>${msg('Change', { id: 'bank.manage.change' })}</button>
                <button part="button" class="button secondary" type="button" id="renew" @click=${this.#focus.act(() => this.#flow.renew())}>${msg('Renew my consent', { id: 'bank.manage.renew' })}</button>
                <button part="button" class="button secondary" type="button" id="download" @click=${() => void this.#download()}>${msg('Download my data', { id: 'bank.manage.download' })}</button>
                <button part="button" class="button secondary" type="button" id="withdraw" @click=${this.#focus.act(() => this.#flow.requestWithdraw())}>${msg('Leave the contact bank', { id: 'bank.manage.withdraw' })}</button>
              </div>`}`,
    );
  }

  /** Everything the council holds about them, as a JSON file (GDPR art. 15 and 20). */
  async #download(): Promise<void> {
    const json = await this.#flow.download();
    if (json === undefined) return;
    const url = URL.createObjectURL(new Blob([json], { type: 'application/json' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = 'contact-bank.json';
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
    this.#status.announce(this.localized(() => msg('Your data is downloaded as contact-bank.json', { id: 'bank.manage.downloaded' })));
  }

  #renderInvitation(task: Extract<TaskState, { mode: 'invitation' }>, panel: (tone: 'info' | 'success' | 'warning', body: unknown) => TemplateResult): TemplateResult {
    const i = task.invitation?.activity;
    if (task.state === 'answered')
      return panel(
        'success',
        html`<p>${task.answer === 'yes' ? msg('The organisers know you are coming. They will contact you before the activity.', { id: 'bank.invitation.yesBody' }) : msg('You stay in the contact bank and may be invited to other activities.', { id: 'bank.invitation.noBody' })}</p>`,
      );
    if (!i) return panel('info', nothing);
    const when = dateFormat(this.renderedLocale, { dateStyle: 'full', timeStyle: 'short' }).format(new Date(i.startsAt));
    const link = safeUrl(i.url ?? undefined);
    return panel(
      'info',
      html`<dl class="entry">
          <dt>${msg('How', { id: 'bank.invitation.format' })}</dt><dd>${s.formatLabel(i.format)}</dd>
          <dt>${msg('When', { id: 'bank.invitation.when' })}</dt><dd>${when}</dd>
          ${i.place ? html`<dt>${msg('Where', { id: 'bank.invitation.where' })}</dt><dd>${i.place}</dd>` : nothing}
          ${link ? html`<dt>${msg('Link', { id: 'bank.invitation.link' })}</dt><dd><a href=${link}>${link}</a></dd>` : nothing}
        </dl>
        ${i.text ? html`<p class="text">${i.text}</p>` : nothing}
        <div class="row" role="group" aria-labelledby="answer-question">
          <p id="answer-question"><strong>${msg('Will you take part?', { id: 'bank.invitation.question' })}</strong></p>
          <button part="button" class="button" type="button" aria-disabled=${task.state === 'answering' ? 'true' : 'false'} @click=${this.#focus.act(() => this.#flow.answer('yes'))}>${msg('Yes, I will take part', { id: 'bank.invitation.yes' })}</button>
          <button part="button" class="button secondary" type="button" aria-disabled=${task.state === 'answering' ? 'true' : 'false'} @click=${this.#focus.act(() => this.#flow.answer('no'))}>${msg('No, not this time', { id: 'bank.invitation.no' })}</button>
        </div>`,
    );
  }
}

define('contact-bank-signup', ContactBankSignup);

declare global {
  interface HTMLElementTagNameMap {
    'contact-bank-signup': ContactBankSignup;
  }
  interface GlobalEventHandlersEventMap {
    'cocreate-signed-up': CustomEvent<CocreateSignedUpDetail>;
  }
}
