import { FEEDBACK_KINDS, type FeedbackKind } from '@civicloop/contract/rules';
import { msg, str } from '@lit/localize';
import { html, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import { CivicElement } from '../internal/civic-element.js';
import { define } from '../internal/define.js';
import { messages } from '../generated/locales/feedback.js';
import { StoreController } from '../internal/store-controller.js';
import { StateChanges } from '../kit/controllers/changes.js';
import { FocusController } from '../kit/controllers/focus.js';
import { WindowListener } from '../kit/controllers/window-listener.js';
import { StatusController } from '../kit/controllers/status.js';
import { checkField, emailField, safeUrl, selectField } from '../kit/parts/controls.js';
import { eraseControl, eraseWords } from '../kit/parts/erase.js';
import { buttonRow, councilNote, honeypot, submitButton, yesNo } from '../kit/parts/sending.js';
import { charCount, copyAndTell, errorSummary, field, kitStyles, notice, radioGroup, rating, receiptCode, setupNotice } from '../kit/parts/index.js';
import { councilText, serviceOptions } from '../kit/stores/council.js';
import { issueOf } from '../kit/stores/form.js';
import { createFeedbackFlow, type FeedbackDraft, type FeedbackFlowState, type FieldName } from '../stores/feedback.js';
import { feedbackStyles } from './cocreate-feedback.styles.js';
import type { staffEntry } from '../cocreate-console/staff-entry.js';
import { dispatchFlowEvent, type CocreateErasedDetail, type CocreateErrorDetail, type CocreateQueuedDetail, type CocreateSubmittedDetail } from './events.js';
import * as s from './strings.js';

export type { CocreateErasedDetail, CocreateErrorDetail, CocreateQueuedDetail, CocreateSubmittedDetail } from './events.js';

// Staff mode's part (channel, source link), imported once a staff token is set: public pages never load it.
let staffPart: typeof staffEntry | undefined;

/**
 * A low-barrier way for residents to tell the council something about a service: praise, a
 * problem, an idea or a question, with an optional rating and an optional reply address.
 * After sending, the resident gets a receipt code to follow what happens with it. Nothing
 * typed is lost: the draft survives a reload, and an input that cannot be delivered (offline,
 * timeout, server error) is kept on the device and sent when the connection is back.
 *
 * ```html
 * <cocreate-feedback api="https://api.council.example" council="testborough" service="libraries"
 *   follow-url="/you-said-we-did" contact-bank-url="/get-involved"></cocreate-feedback>
 * ```
 *
 * Assisted entry: set the `staffToken` property (from script, never as an attribute, so the
 * token is not in the page's markup) and the form records input received by phone, in
 * person, on paper, by email or in outreach, or seen in public (a petition, a campaign, a
 * protest, social media, the press, an artwork) with the address where it can be seen.
 *
 * The element keeps the size it settles at (`--cocreate-feedback-min-block-size`) from its
 * first render, before the council's data arrives, until the resident first acts in it; the CDN
 * loader reserves the same size before the element is defined, so the page below does not move.
 *
 * @summary Resident feedback with a receipt, an offline outbox and assisted entry.
 *
 * @event {CustomEvent<CocreateSubmittedDetail>} cocreate-submitted - The server stored the input; `detail.receipt` is the code the resident keeps.
 * @event {CustomEvent<CocreateQueuedDetail>} cocreate-queued - The input could not be delivered now and is kept on this device; it is sent later.
 * @event {CustomEvent<CocreateErasedDetail>} cocreate-erased - The resident erased the input's text on the server; a `<you-said-we-did>` showing its receipt looks it up again.
 * @event {CustomEvent<CocreateErrorDetail>} cocreate-error - Sending (or erasing) failed in a way the resident is told about; the text is kept.
 *
 * @csspart base - The wrapper of everything the element shows.
 * @csspart compact - The "Was this page useful?" question of the compact variant.
 * @csspart form - The form.
 * @csspart error-summary - The list of problems shown when the form is sent with errors.
 * @csspart field - Each question of the form (label or legend, hint, error, control).
 * @csspart textarea - The message field.
 * @csspart input-use - The council's "what happens with your input" text.
 * @csspart button - Every button.
 * @csspart submit - The send button.
 * @csspart notice - Messages about the sending (saved on this device, refused, failed), and about a wrong setup.
 * @csspart setup - The notice, shown as soon as the element loads, that the page's setup stops every input (an unknown council or preset service, or a page the council does not accept).
 * @csspart receipt - The confirmation after sending, with the receipt code.
 * @csspart receipt-code - The receipt code itself.
 * @csspart copy - The "Copy code" button.
 * @csspart status - The visually hidden live region that announces changes.
 * @csspart count - The characters-remaining counter.
 * @csspart language - The language switcher (shown when the council has more than one language).
 *
 * @cssproperty [--cocreate-feedback-min-block-size=44rem] - Height reserved before and while the form renders (55rem below 40rem viewport width, 64rem below 21rem, 7rem in the compact variant).
 * The theme's custom properties (`--cocreate-accent`, ...) apply too; they are documented once, in src/registry.ts.
 */
export class CocreateFeedback extends CivicElement {
  // Its own strings (`feedback.*`), fetched per language; the kit's come with every element.
  protected static override messages = [messages];

  static override styles = [...CivicElement.styles, kitStyles, feedbackStyles];

  static override properties: PropertyDeclarations = {
    compact: { type: Boolean, reflect: true },
    followUrl: { attribute: 'follow-url' },
    contactBankUrl: { attribute: 'contact-bank-url' },
    staffToken: { attribute: false },
  };

  /** Show only "Was this page useful? Yes / No" until the resident answers. */
  compact = false;
  /** Page that shows what happened with an input (holds `<you-said-we-did>`); `#receipt=<code>` is added. The emails that answer the resident link there too. */
  followUrl?: string;
  /** Page where residents join the contact bank, offered after sending. */
  contactBankUrl?: string;
  /** Staff token for assisted entry; a property only, so it never appears in the markup. */
  staffToken?: string;

  #instance = '0';
  #flow = createFeedbackFlow({
    scope: () => ({ ...this.config, locale: this.locale, instance: this.#instance }),
    staffToken: () => this.staffToken,
    // Without its fragment: the server adds the receipt (#receipt=) to the link in its emails.
    followUrl: () => safeUrl(this.followUrl)?.replace(/#.*$/, ''),
    staffEntry: () => staffPart,
    notify: (event) => dispatchFlowEvent(this, event),
  });
  #state = new StoreController(this, this.#flow.$flow);
  #draft = new StoreController(this, this.#flow.$draft);
  #council = new StoreController(this, this.#flow.$council);
  protected override get councilState() {
    return this.#flow.$council.get();
  }
  #services = new StoreController(this, this.#flow.$services);
  #setup = new StoreController(this, this.#flow.$setup);
  #status = new StatusController(this);
  #focus = new FocusController(this);
  #changes = new StateChanges<FeedbackFlowState>(this.#focus, this.#status);
  // Erased from a <you-said-we-did> lookup on this page: shown as erased here too, without saying
  // it again (the lookup did) or moving focus. Its own erasing fires the same event: nothing to do.
  #erasedThere = false;
  #erased = new WindowListener(this, 'cocreate-erased', (e) => {
    if (e.target !== this && this.#flow.erasedElsewhere(e.detail.receipt)) this.#erasedThere = true;
  });

  protected override scopeChanged(): void {
    this.#instance = this.instance;
    void this.#flow.load();
  }

  protected override released(): void {
    this.#flow.dispose();
  }

  #staffLoad: Promise<unknown> | undefined;
  #staffReady = false;
  // In staff mode, an update is complete once the staff part is there and rendered.
  protected override async getUpdateComplete(): Promise<boolean> {
    const done = await super.getUpdateComplete();
    return this.#staffLoad ? (await this.#staffLoad, super.getUpdateComplete()) : done;
  }

  // Each state change is told once (StateChanges): the region that explains it takes focus, or the status region says it.
  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    // Staff mode's words are the console's: loaded with the part, in this element's language, before it shows.
    if (this.staffToken)
      this.#staffLoad ??= import('../cocreate-console/staff-entry.js').then(async (m) => {
        await this.addMessages(m.messages);
        staffPart = m.staffEntry;
        this.#staffReady = true;
        this.requestUpdate();
      });
    if (changed.has('compact')) this.#flow.setCompact(this.compact);
    const state = this.#state.value;
    const change = this.#changes.next(state);
    if (!change) return;
    const { previous, submitting } = change;
    this.#focus.fallback(state.state === 'invalid' ? '#error-summary' : state.state === 'idle' ? '[part~="compact"] button' : state.state === 'editing' || state.state === 'sending' ? 'form' : '#outcome');
    if (state.state === 'invalid') return void (submitting && this.#focus.moveTo('#error-summary'));
    if (state.state === 'sending') return this.#status.announce(msg('Sending your message…', { id: 'feedback.status.sending' }));
    // Kept on an earlier visit (not this page's Send): it may go at once, and then only that is said.
    if (state.state === 'queued') return this.#changes.tell(msg('Your message is saved on this device', { id: 'feedback.queued.title' }), '#outcome', previous.state !== 'sending');
    if (state.state === 'rejected' || state.state === 'error') return this.#changes.tell(msg('Your message was not sent', { id: 'feedback.rejected.title' }));
    if (state.state !== 'sent') return this.#status.clear();
    if (this.#erasedThere) return void (this.#erasedThere = false);
    if (state.erase === 'erasing') return this.#status.announce(msg('Erasing your message…', { id: 'feedback.status.erasing' }));
    if (previous.state !== 'sent' || state.erase === 'erased') return this.#changes.tell(this.#sentTitle(state));
    if (state.erase === 'failed') this.#status.clear(); // its inline alert says it
  }

  #error = (field: FieldName) => {
    const error = issueOf(this.#state.value, field);
    if (!error) return undefined;
    const limit = this.formatNumber(this.#flow.textLimit());
    // Staff mode in staff's words; a public form on the same page keeps the resident's.
    return (this.staffToken ? staffPart?.errorText(error, limit) : undefined) ?? s.errorText(error, limit);
  };

  override render(): TemplateResult {
    const state = this.#state.value;
    const council = this.#council.value;
    const level = this.level;
    const notSent = state.state === 'rejected' || state.state === 'error';
    const setup = this.#setup.value;
    return html`
      <div part="base" class="base" lang=${this.renderedLocale}>
        ${this.#status.render()}
        ${setup && !notSent && state.state !== 'sent' && state.state !== 'queued' ? setupNotice({ problem: setup, council: this.config.council ?? '', service: this.config.service ?? '', api: this.config.api ?? '', level }) : nothing}
        ${state.state === 'idle'
          ? yesNo({ ...s.compactWords(), onYes: this.#focus.act(() => this.#flow.open(true), '#text'), onNo: this.#focus.act(() => this.#flow.open(false), '#text') })
          : state.state === 'sent'
            ? this.#renderSent(state, level)
            : state.state === 'queued'
              ? notice({
                  id: 'outcome',
                  level,
                  tone: 'info',
                  title: msg('Your message is saved on this device', { id: 'feedback.queued.title' }),
                  body: html`<p>${s.queuedWhy(state)}</p>
                    <p>${msg('It will be sent automatically when the connection is back, even if you close this page and open it again later. You will then see your receipt code here.', { id: 'feedback.queued.body' })}</p>
                    ${buttonRow([
                      { label: msg('Do not send it', { id: 'feedback.queued.discard' }), onClick: this.#focus.act(() => this.#flow.discard(), '#text') },
                      { label: msg('Send another message', { id: 'feedback.again' }), onClick: this.#focus.act(() => this.#flow.again(), 'form') },
                    ])}`,
                })
              : html`
                  ${state.state === 'invalid'
                    ? errorSummary({ title: msg('There is a problem', { id: 'feedback.summary.title' }), errors: state.errors.map((e) => ({ field: e.field, text: this.#error(e.field)! })), level })
                    : nothing}
                  ${notSent
                    ? notice({
                        id: 'outcome',
                        level,
                        tone: state.state === 'rejected' ? 'warning' : 'error',
                        title: msg('Your message was not sent', { id: 'feedback.rejected.title' }),
                        body: html`<p>${s.notSentText(state, this.renderedLocale)}</p>
                          <p>${msg('Your text is still in the form below.', { id: 'feedback.kept' })}</p>`,
                      })
                    : nothing}
                  ${this.#renderForm(state.state === 'sending', council.status === 'ready' ? councilText(council.config, 'inputUse', this.renderedLocale) : undefined)}
                `}
        ${
          // Staff mode lives in a staff tool (the console) whose own language picker governs.
          this.staffToken ? nothing : this.renderLanguagePicker(msg('Your feedback', { id: 'feedback.form.label' }))
        }
      </div>
    `;
  }

  #renderForm(sending: boolean, inputUse: { text: string; lang: string } | undefined): TemplateResult {
    const d = this.#draft.value;
    const staff = Boolean(this.staffToken);
    // Staff mode's fields and words come with its part: no form in the resident's words meanwhile.
    if (staff && !this.#staffReady) return html``;
    const update = (patch: Partial<FeedbackDraft>) => this.#flow.update(patch);
    const remaining = this.#flow.textLimit() - d.text.trim().length;
    const limitText = this.formatNumber(this.#flow.textLimit());
    // The resident chooses a service only when the page presets none. The list is there (with
    // its "not sure" choice) while the services load, so nothing below it moves when they arrive.
    const options = this.config.service ? [] : serviceOptions(this.#services.value, this.#council.value, this.renderedLocale);
    const choose = !this.config.service && (options.length > 0 || this.#services.value.status === 'loading');
    // Staff mode asks in staff's words (the staff part's, loaded with it), the public form in the resident's.
    const ask = staff ? staffPart?.words(d.channel) : undefined;
    return html`
      <form part="form" novalidate tabindex="-1" @submit=${this.#onSubmit} aria-label=${ask?.formLabel ?? (this.compact ? s.compactWords().question : msg('Your feedback', { id: 'feedback.form.label' }))}>
        ${staff ? staffPart?.render({ draft: d, error: this.#error, update }) : nothing}
        ${radioGroup<FeedbackKind>({
          name: 'kind',
          legend: ask?.kind ?? msg('What would you like to tell us?', { id: 'feedback.kind.legend' }),
          error: this.#error('kind'),
          options: FEEDBACK_KINDS.map((kind) => ({ value: kind, label: s.kindLabel(kind) })),
          value: d.kind,
          required: true,
          onChange: (kind) => update({ kind }),
        })}
        ${ask && !ask.rating ? nothing : rating({
          name: 'rating',
          legend: ask?.rating ?? msg('How would you rate the service? (optional)', { id: 'feedback.rating.legend' }),
          labels: s.ratingLabels(),
          value: d.rating,
          clearLabel: ask?.clearRating ?? msg('Remove my rating', { id: 'feedback.rating.clear' }),
          // Removing takes the button away: focus returns to the radios, not to <body>.
          onChange: (rating) => (rating === undefined ? this.#focus.act(() => update({ rating }), 'input[name="rating"]')() : update({ rating })),
        })}
        ${field({
          id: 'text',
          label: ask?.text ?? msg('Your message', { id: 'feedback.text.label' }),
          hint: ask?.hint ?? msg('Please do not include personal details such as your name, address or health information.', { id: 'feedback.text.hint' }),
          error: this.#error('text'),
          control: (a) => html`
            <textarea part="textarea" id="text" name="text" rows="6" spellcheck="true" aria-required="true" aria-describedby="${a.describedBy} text-limit" aria-invalid=${a.invalid ? 'true' : 'false'} .value=${d.text} @input=${this.#onTextInput}></textarea>
            ${charCount({ id: 'text-limit', limitText: msg(str`You can enter up to ${limitText} characters.`, { id: 'feedback.text.limit' }), remainingText: s.countText(remaining, this.formatNumber), over: remaining < 0 })}
          `,
        })}
        ${choose
          ? selectField({ id: 'service', label: msg('Which service is it about? (optional)', { id: 'feedback.service.label' }), error: this.#error('service'), value: d.service, none: msg('None, or not sure', { id: 'feedback.service.none' }), options, onChange: (service) => update({ service }) })
          : nothing}
        ${checkField({
          id: 'wants-reply',
          label: ask?.replyLabel ?? msg('I would like a reply', { id: 'feedback.reply.label' }),
          hint: ask?.replyHint ?? msg('We ask for an email address only to answer this message. It is deleted if the message is erased.', { id: 'feedback.reply.hint' }),
          checked: d.wantsReply,
          onChange: (wantsReply) => update({ wantsReply }),
          then: emailField({ id: 'contact', label: msg('Email address', { id: 'feedback.contact.label' }), error: this.#error('contact'), value: d.contact, required: true, onInput: (contact) => update({ contact }) }),
        })}
        ${honeypot({ name: 'website', value: d.trap, onInput: (trap) => update({ trap }) })}
        ${submitButton({ sending, sendingLabel: msg('Sending…', { id: 'feedback.sendingButton' }), label: ask?.send ?? msg('Send', { id: 'feedback.send' }) })}
        ${
          // Below the button, in space the element reserves: the council's text arrives after the
          // first render, and anything it pushed down would be a layout shift, whatever its length.
          councilNote({ title: msg('What happens with your message', { id: 'feedback.inputUse.title' }), note: inputUse })
        }
      </form>
    `;
  }

  #onTextInput = (event: Event) => {
    this.#flow.update({ text: (event.target as HTMLTextAreaElement).value });
    // The visible counter is hidden from screen readers; a polite summary follows once the
    // resident pauses, instead of one on every keystroke. Sending cancels it.
    const remaining = this.#flow.textLimit() - this.#flow.$draft.get().text.trim().length;
    this.#status.announceLater(this.localized(() => s.countText(remaining, this.formatNumber)), 1000);
  };

  #onSubmit = (event: Event) => {
    event.preventDefault();
    this.#changes.submitted();
    this.#focus.act(() => this.#flow.submit())();
  };

  #sentTitle(state: Extract<FeedbackFlowState, { state: 'sent' }>): string {
    return (state.staff ? staffPart?.words(state.staff).sentTitle : undefined) ?? s.sentTitle(state);
  }

  #renderSent(state: Extract<FeedbackFlowState, { state: 'sent' }>, level: number): TemplateResult {
    // "Send another" goes with the outcome: focus goes to the new form, named "Your feedback".
    const ask = state.staff ? staffPart?.words(state.staff) : undefined;
    const again = buttonRow([{ label: ask?.again ?? msg('Send another message', { id: 'feedback.again' }), onClick: this.#focus.act(() => this.#flow.again(), 'form'), disabled: state.erase === 'erasing' }]);
    const panel = (body: unknown) => notice({ id: 'outcome', part: 'receipt', level, tone: 'success', title: this.#sentTitle(state), body });
    if (state.erase === 'erased') return panel(html`<p>${msg('Its text and any email address are deleted. Only the fact that a message was sent is still counted.', { id: 'feedback.erased.body' })}</p>${again}`);
    const follow = safeUrl(this.followUrl, state.receipt);
    const contactBank = safeUrl(this.contactBankUrl);
    const erase = eraseWords();
    // Erasing is the author's right, with the receipt they keep: not offered to staff who recorded the input.
    return panel(html`
      <p>${ask?.code ?? msg('Your receipt code. Keep it to follow what happens with your message:', { id: 'feedback.sent.code' })}</p>
      ${receiptCode({ code: state.receipt, locale: this.renderedLocale, copyLabel: msg('Copy code', { id: 'feedback.sent.copy' }), onCopy: () => void copyAndTell(state.receipt, this.shadowRoot, () => msg('Receipt code copied', { id: 'feedback.status.copied' }), (text) => this.#status.announce(this.localized(text))) })}
      ${follow ? html`<p><a part="follow-link" href=${follow}>${msg('See what happens with your message', { id: 'feedback.sent.follow' })}</a></p>` : nothing}
      ${state.text ? html`<p>${ask?.echo ?? msg('What you wrote:', { id: 'feedback.sent.echo' })}</p><p class="echo">${state.text}</p>` : nothing}
      ${contactBank ? html`<p>${msg('Would you like to help improve the council’s services?', { id: 'feedback.sent.invite' })} <a href=${contactBank}>${msg('Join the contact bank', { id: 'feedback.sent.contactBank' })}</a></p>` : nothing}
      ${state.staff ? nothing : eraseControl({
        ...erase,
        state: state.erase,
        confirm: { ...erase.confirm, onConfirm: this.#focus.act(() => this.#flow.confirmErase()), onCancel: this.#focus.act(() => this.#flow.cancelErase(), '#erase') },
        onRequest: this.#focus.act(() => this.#flow.requestErase(), '#erase-cancel'),
      })}
      ${again}
    `);
  }
}

define('cocreate-feedback', CocreateFeedback);

declare global {
  interface HTMLElementTagNameMap {
    'cocreate-feedback': CocreateFeedback;
  }
  interface GlobalEventHandlersEventMap {
    'cocreate-submitted': CustomEvent<CocreateSubmittedDetail>;
    'cocreate-queued': CustomEvent<CocreateQueuedDetail>;
    'cocreate-erased': CustomEvent<CocreateErasedDetail>;
    'cocreate-error': CustomEvent<CocreateErrorDetail>;
  }
}
