import { FEEDBACK_KINDS, STAFF_CHANNELS, type FeedbackKind, type StaffChannel } from '@civicloop/contract';
import { msg, str } from '@lit/localize';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { CivicElement } from '../internal/civic-element.js';
import { ColorSchemeController } from '../kit/controllers/color-scheme.js';
import { FocusController } from '../kit/controllers/focus.js';
import { StatusController } from '../kit/controllers/status.js';
import { charCount } from '../kit/parts/char-count.js';
import { errorSummary } from '../kit/parts/error-summary.js';
import { errorId, errorMessage, hintId } from '../kit/parts/field.js';
import { notice } from '../kit/parts/notice.js';
import { kitStyles } from '../kit/parts/parts.styles.js';
import { radioGroup } from '../kit/parts/radio-group.js';
import { rating } from '../kit/parts/rating.js';
import { copyReceipt, receiptCode, receiptLength, spellReceipt } from '../kit/parts/receipt.js';
import type { ResolvedConfig } from '../internal/config.js';
import { define } from '../internal/define.js';
import { StoreController } from '../internal/store-controller.js';
import {
  councilText,
  createFeedbackFlow,
  serviceName,
  type FeedbackFlowEvent,
  type FeedbackFlowState,
  type FieldError,
  type FieldName,
} from '../stores/feedback.js';
import { feedbackStyles } from './cocreate-feedback.styles.js';

/** Detail of `cocreate-submitted`. */
export interface CocreateSubmittedDetail {
  /** The receipt code the resident keeps to follow their input. */
  receipt: string;
  /** The input's id. */
  id: string;
  /** True when the input was first kept on the device and delivered later. */
  queued: boolean;
}

/** Detail of `cocreate-queued`. */
export interface CocreateQueuedDetail {
  /** The outbox key (also the Idempotency-Key) the input is kept under. */
  key: string;
}

/** Detail of `cocreate-error`. */
export interface CocreateErrorDetail {
  /** HTTP status, when the server answered. */
  status?: number;
  /** RFC 9457 problem `type`, when the server answered with one. */
  problemType?: string;
  /** Technical description for logs; not shown to residents. */
  message: string;
}

/** Values of the honeypot field name the server checks. */
const TRAP_FIELD = 'website';

/** Only these schemes may become link targets: an attribute must never run script. */
function safeUrl(value: string | undefined, receipt?: string): string | undefined {
  if (!value) return undefined;
  try {
    const url = new URL(value, document.baseURI);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
    // In the fragment, not the query: the code can erase the input, and a fragment never
    // reaches the council's web server logs, analytics or a Referer header.
    if (receipt) url.hash = `receipt=${encodeURIComponent(receipt)}`;
    return url.href;
  } catch {
    return undefined;
  }
}

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
 * person, on paper, by email or in outreach.
 *
 * The element reserves `--cocreate-feedback-min-block-size` before it renders. Pages that
 * load it lazily can reserve the same space before it is defined with
 * `cocreate-feedback:not(:defined) { display: block; min-block-size: 30rem }`.
 *
 * @summary Resident feedback with a receipt, an offline outbox and assisted entry.
 *
 * @event {CustomEvent<CocreateSubmittedDetail>} cocreate-submitted - The server stored the input; `detail.receipt` is the code the resident keeps.
 * @event {CustomEvent<CocreateQueuedDetail>} cocreate-queued - The input could not be delivered now and is kept on this device; it is sent later.
 * @event {CustomEvent<CocreateErrorDetail>} cocreate-error - Sending (or erasing) failed in a way the resident is told about; the text is kept.
 *
 * @csspart base - The wrapper of everything the element shows.
 * @csspart compact - The "Was this page useful?" question of the compact variant.
 * @csspart form - The form.
 * @csspart error-summary - The list of problems shown when the form is sent with errors.
 * @csspart field - Each question of the form (label or legend, hint, error, control).
 * @csspart textarea - The message field.
 * @csspart count - The characters-remaining counter.
 * @csspart input-use - The council's "what happens with your input" text.
 * @csspart button - Every button.
 * @csspart submit - The send button.
 * @csspart notice - Messages about the sending (saved on this device, refused, failed).
 * @csspart receipt - The confirmation after sending, with the receipt code.
 * @csspart receipt-code - The receipt code itself.
 *
 * @cssproperty [--cocreate-feedback-min-block-size=30rem] - Height reserved before and while the form renders (3rem in the compact variant).
 * @cssproperty [--cocreate-accent=#0b57d0] - Primary buttons and selected options.
 * @cssproperty [--cocreate-on-accent=#ffffff] - Text on the accent colour.
 * @cssproperty [--cocreate-text-color=inherit] - Text colour; the host page's by default.
 * @cssproperty [--cocreate-font=inherit] - Font; the host page's by default.
 * @cssproperty [--cocreate-muted-color] - Hints and the counter.
 * @cssproperty [--cocreate-background=transparent] - Background of fields (the page shows through).
 * @cssproperty [--cocreate-border-color] - Borders of fields.
 * @cssproperty [--cocreate-error-color=#b42318] - Error messages and borders (6.1:1 on white).
 * @cssproperty [--cocreate-success-color=#0a6b3d] - The confirmation's accent.
 * @cssproperty [--cocreate-focus-color=currentColor] - The 3px focus ring.
 * @cssproperty [--cocreate-radius=0.25rem] - Corner radius.
 * @cssproperty [--cocreate-space=1rem] - Base spacing.
 * @cssproperty [--cocreate-max-inline-size=40rem] - Widest the element grows.
 */
export class CocreateFeedback extends CivicElement {
  static override styles = [...CivicElement.styles, kitStyles, feedbackStyles];

  /** Level of the element's top heading (1–6), to fit the page's outline; headings inside follow. */
  @property({ attribute: 'heading-level', type: Number }) headingLevel = 2;

  /** Show only "Was this page useful? Yes / No" until the resident answers. */
  @property({ type: Boolean, reflect: true }) compact = false;

  /** Page that shows what happened with an input (holds `<you-said-we-did>`); `#receipt=<code>` is added. */
  @property({ attribute: 'follow-url' }) followUrl?: string;

  /** Page where residents join the contact bank, offered after sending. */
  @property({ attribute: 'contact-bank-url' }) contactBankUrl?: string;

  /** Staff token for assisted entry; a property only, so it never appears in the markup. */
  @property({ attribute: false }) staffToken?: string;

  #flow = createFeedbackFlow({
    client: () => this.client,
    scope: () => ({ council: this.config.council, service: this.config.service, locale: this.locale }),
    staffToken: () => this.staffToken,
    notify: (event) => this.#dispatch(event),
  });
  #state = new StoreController(this, this.#flow.$flow);
  #draft = new StoreController(this, this.#flow.$draft);
  #council = new StoreController(this, this.#flow.$council);
  #services = new StoreController(this, this.#flow.$services);
  #status = new StatusController(this);
  #focus = new FocusController(this);
  #scheme = new ColorSchemeController(this);
  /** The resident pressed Send: the next invalid state takes focus to the error summary. */
  #submitting = false;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#flow.dispose();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // A reconnect (moved in the DOM) keeps the same configuration, so configChanged does not
    // run again; the outbox subscription dropped on disconnect must come back.
    if (this.hasUpdated) void this.#flow.load();
  }

  protected override configChanged(previous: ResolvedConfig | undefined): void {
    // A language change only re-renders: the council and its services are the same.
    const c = this.config;
    if (previous && previous.api === c.api && previous.council === c.council && previous.service === c.service) return;
    void this.#flow.load();
  }

  // Each state change is told once: by focus moving to the region that explains it (after the
  // resident's own action, or when focus was inside the element), or else through the status
  // region, in the element's language. A change that announces nothing clears the region, so
  // a count scheduled before it is never read after it.
  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('compact')) this.#flow.setCompact(this.compact);
    const state = this.#state.value;
    const previous = this.#lastState;
    if (state === previous) return;
    this.#lastState = state;
    if (!previous) return;
    const submitting = this.#submitting;
    this.#submitting = false;
    switch (state.state) {
      case 'invalid':
        this.#focus.fallback('#error-summary');
        // Fixing a field shrinks the summary; only a send takes the resident back to it.
        if (submitting) this.#focus.moveTo('#error-summary');
        return;
      case 'sending':
        this.#status.announce(msg('Sending your message…', { id: 'feedback.status.sending' }));
        return;
      case 'sent': {
        this.#focus.fallback('#outcome');
        if (state.erase === 'erasing') return this.#status.announce(msg('Erasing your message…', { id: 'feedback.status.erasing' }));
        const fresh = previous.state !== 'sent';
        if (fresh || state.erase === 'erased') return this.#tell(this.#sentTitle(state));
        if (state.erase === 'failed') return this.#status.clear(); // the inline alert says it
        return;
      }
      case 'queued':
        this.#focus.fallback('#outcome');
        return this.#tell(msg('Your message is saved on this device', { id: 'feedback.queued.title' }));
      case 'rejected':
      case 'error':
        this.#focus.fallback('#outcome');
        return this.#tell(msg('Your message was not sent', { id: 'feedback.rejected.title' }));
      default:
        this.#focus.fallback(state.state === 'editing' ? 'form' : '[part~="compact"] button');
        this.#status.clear();
    }
  }

  /** Focus to the outcome, or, when focus stays where it is, the outcome's title said once. */
  #tell(title: string): void {
    if (this.#focus.moveTo('#outcome')) this.#status.clear();
    else this.#status.announce(title);
  }

  #lastState: FeedbackFlowState | undefined;

  #dispatch(event: FeedbackFlowEvent): void {
    const init = { bubbles: true, composed: true };
    if (event.type === 'submitted') {
      this.dispatchEvent(new CustomEvent<CocreateSubmittedDetail>('cocreate-submitted', { ...init, detail: { receipt: event.receipt, id: event.id, queued: event.queued } }));
    } else if (event.type === 'queued') {
      this.dispatchEvent(new CustomEvent<CocreateQueuedDetail>('cocreate-queued', { ...init, detail: { key: event.key } }));
    } else {
      const detail: CocreateErrorDetail = { message: event.message };
      if (event.status !== undefined) detail.status = event.status;
      if (event.problemType !== undefined) detail.problemType = event.problemType;
      this.dispatchEvent(new CustomEvent<CocreateErrorDetail>('cocreate-error', { ...init, detail }));
    }
  }

  // ---- strings --------------------------------------------------------------------------

  #kindLabel(kind: FeedbackKind): string {
    switch (kind) {
      case 'praise':
        return msg('Praise: something works well', { id: 'feedback.kind.praise' });
      case 'problem':
        return msg('A problem', { id: 'feedback.kind.problem' });
      case 'idea':
        return msg('An idea', { id: 'feedback.kind.idea' });
      case 'question':
        return msg('A question', { id: 'feedback.kind.question' });
    }
  }

  #ratingLabel(value: number): string {
    switch (value) {
      case 1:
        return msg('1 – very poor', { id: 'feedback.rating.1' });
      case 2:
        return msg('2 – poor', { id: 'feedback.rating.2' });
      case 3:
        return msg('3 – fair', { id: 'feedback.rating.3' });
      case 4:
        return msg('4 – good', { id: 'feedback.rating.4' });
      default:
        return msg('5 – very good', { id: 'feedback.rating.5' });
    }
  }

  #channelLabel(channel: StaffChannel): string {
    switch (channel) {
      case 'phone':
        return msg('By phone', { id: 'feedback.channel.phone' });
      case 'in-person':
        return msg('In person', { id: 'feedback.channel.inPerson' });
      case 'paper':
        return msg('On paper', { id: 'feedback.channel.paper' });
      case 'email':
        return msg('By email', { id: 'feedback.channel.email' });
      case 'outreach':
        return msg('In outreach work', { id: 'feedback.channel.outreach' });
    }
  }

  #errorText(error: FieldError): string {
    switch (error.code) {
      case 'channel-missing':
        return msg('Choose how you received this input', { id: 'feedback.error.channelMissing' });
      case 'kind-missing':
        return msg('Choose what kind of message this is', { id: 'feedback.error.kindMissing' });
      case 'text-missing':
        return msg('Write your message', { id: 'feedback.error.textMissing' });
      case 'text-too-long': {
        const limit = this.#number(this.#flow.textLimit());
        return msg(str`Your message must be ${limit} characters or fewer`, { id: 'feedback.error.textTooLong' });
      }
      case 'contact-missing':
        return msg('Enter your email address, or untick “I would like a reply”', { id: 'feedback.error.contactMissing' });
      case 'contact-invalid':
        return msg('Enter an email address in the right format, like name@example.com', { id: 'feedback.error.contactInvalid' });
      case 'service-unknown':
        return msg('Choose a service from the list', { id: 'feedback.error.serviceUnknown' });
      case 'server-invalid':
        return this.#fieldInvalidText(error.field);
    }
  }

  #fieldInvalidText(field: FieldName): string {
    switch (field) {
      case 'text':
        return msg('The council could not accept this message. Check it and try again', { id: 'feedback.error.textRejected' });
      case 'contact':
        return msg('The council could not accept this email address. Check it and try again', { id: 'feedback.error.contactRejected' });
      default:
        return msg('Check this answer and try again', { id: 'feedback.error.fieldRejected' });
    }
  }

  #number(n: number): string {
    return new Intl.NumberFormat(this.renderedLocale).format(n);
  }

  // ---- rendering ------------------------------------------------------------------------

  override render(): TemplateResult {
    const state = this.#state.value;
    return html`
      <div part="base" class="base" lang=${this.renderedLocale}>
        ${this.#status.render()}
        ${state.state === 'idle'
          ? this.#renderCompact()
          : state.state === 'sent'
            ? this.#renderSent(state)
            : state.state === 'queued'
              ? this.#renderQueued(state)
              : html`${this.#renderProblem(state)}${this.#renderForm(state)}`}
      </div>
    `;
  }

  #renderCompact(): TemplateResult {
    return html`
      <div part="compact" class="compact" role="group" aria-labelledby="useful">
        <p id="useful">${msg('Was this page useful?', { id: 'feedback.compact.question' })}</p>
        <button part="button" class="button secondary" type="button" @click=${() => this.#open(true)}>${msg('Yes', { id: 'feedback.compact.yes' })}</button>
        <button part="button" class="button secondary" type="button" @click=${() => this.#open(false)}>${msg('No', { id: 'feedback.compact.no' })}</button>
      </div>
    `;
  }

  #open(useful: boolean): void {
    // Keyboard and screen reader users continue where the form begins, not at the page top.
    this.#focus.acted();
    this.#flow.open(useful);
    this.#focus.moveTo('#text');
  }

  #renderProblem(state: FeedbackFlowState): TemplateResult | typeof nothing {
    if (state.state === 'invalid') {
      return errorSummary({
        title: msg('There is a problem', { id: 'feedback.summary.title' }),
        errors: state.errors.map((e) => ({ field: e.field, text: this.#errorText(e) })),
        level: this.headingLevel,
        root: () => this.shadowRoot,
      });
    }
    if (state.state === 'rejected' || state.state === 'error') {
      const text =
        state.state === 'rejected'
          ? this.#rejectedText(state)
          : state.reason === 'not-configured'
            ? msg('This form is not set up yet: it needs the address of the council’s service. Please tell the council.', { id: 'feedback.error.notConfigured' })
            : state.reason === 'not-saved'
              ? msg('We could not reach the council, and this browser could not save your message to send later. Please try again in a moment.', { id: 'feedback.error.notSaved' })
              : msg('Something went wrong while sending. Please try again.', { id: 'feedback.error.unexpected' });
      return notice({
        id: 'outcome',
        level: this.headingLevel,
        tone: state.state === 'rejected' ? 'warning' : 'error',
        title: msg('Your message was not sent', { id: 'feedback.rejected.title' }),
        body: html`<p>${text}</p>
          <p>${msg('Your text is still in the form below.', { id: 'feedback.kept' })}</p>`,
      });
    }
    return nothing;
  }

  #rejectedText(state: Extract<FeedbackFlowState, { state: 'rejected' }>): string {
    switch (state.reason) {
      case 'rate-limited': {
        if (state.retryAt) {
          const time = new Intl.DateTimeFormat(this.renderedLocale, { hour: 'numeric', minute: '2-digit' }).format(new Date(state.retryAt + 30_000));
          return msg(str`Many messages have been sent from this connection in a short time. Please send yours again after ${time}.`, { id: 'feedback.rejected.rateLimitedUntil' });
        }
        return msg('Many messages have been sent from this connection in a short time. Please send yours again in a few minutes.', { id: 'feedback.rejected.rateLimited' });
      }
      case 'spam':
        return msg('Our automatic check mistook your message for junk mail. Please wait a moment and send it again.', { id: 'feedback.rejected.spam' });
      case 'not-found':
        return msg('This form is not set up correctly: the council or service was not found. Please tell the council.', { id: 'feedback.rejected.notFound' });
      case 'unauthorized':
        return msg('Your staff access was refused. Sign in again, then record the input again.', { id: 'feedback.rejected.unauthorized' });
      default: {
        const status = String(state.status);
        return msg(str`The council’s service could not accept your message (error ${status}).`, { id: 'feedback.rejected.other' });
      }
    }
  }

  #errorFor(state: FeedbackFlowState, field: FieldName): FieldError | undefined {
    return state.state === 'invalid' ? state.errors.find((e) => e.field === field) : undefined;
  }

  #renderError(id: string, error: FieldError | undefined): TemplateResult | typeof nothing {
    return errorMessage(id, error ? this.#errorText(error) : undefined);
  }

  #renderForm(state: FeedbackFlowState): TemplateResult {
    const council = this.#council.value;
    const staff = Boolean(this.staffToken);
    const sending = state.state === 'sending';
    const inputUse = council.status === 'ready' ? councilText(council.config, 'inputUse', this.locale) : undefined;
    return html`
      <form part="form" novalidate tabindex="-1" @submit=${this.#onSubmit} aria-label=${staff ? msg('Record a resident’s input', { id: 'feedback.form.staffLabel' }) : msg('Your feedback', { id: 'feedback.form.label' })}>
        ${staff ? this.#renderChannel(state) : nothing} ${this.#renderKind(state)} ${this.#renderRating()} ${this.#renderText(state)}
        ${this.#renderService(state)} ${this.#renderReply(state)} ${this.#renderTrap()}
        ${inputUse
          ? html`<div part="input-use" class="input-use">
              <p><strong>${msg('What happens with your message', { id: 'feedback.inputUse.title' })}</strong></p>
              <p>${inputUse}</p>
            </div>`
          : nothing}
        <div class="row">
          <button part="button submit" class="button" type="submit" aria-disabled=${sending ? 'true' : 'false'}>
            ${sending
              ? msg('Sending…', { id: 'feedback.sendingButton' })
              : staff
                ? msg('Record input', { id: 'feedback.staffSend' })
                : msg('Send', { id: 'feedback.send' })}
          </button>
        </div>
      </form>
    `;
  }

  #renderChannel(state: FeedbackFlowState): TemplateResult {
    const error = this.#errorFor(state, 'channel');
    const draft = this.#draft.value;
    return html`
      <div part="field" class="field ${error ? 'invalid' : ''}">
        <label class="field-label" for="channel">${msg('How did you receive this input?', { id: 'feedback.channel.label' })}</label>
        ${this.#renderError('channel-error', error)}
        <select id="channel" aria-describedby=${error ? 'channel-error' : nothing} aria-invalid=${error ? 'true' : 'false'} @change=${(e: Event) => this.#flow.update({ channel: (e.target as HTMLSelectElement).value as StaffChannel | '' })}>
          <option value="" ?selected=${!draft.channel}>${msg('Choose…', { id: 'feedback.choose' })}</option>
          ${STAFF_CHANNELS.map((c) => html`<option value=${c} ?selected=${draft.channel === c}>${this.#channelLabel(c)}</option>`)}
        </select>
      </div>
    `;
  }

  #renderKind(state: FeedbackFlowState): TemplateResult {
    const error = this.#errorFor(state, 'kind');
    return radioGroup<FeedbackKind>({
      name: 'kind',
      legend: msg('What would you like to tell us?', { id: 'feedback.kind.legend' }),
      error: error ? this.#errorText(error) : undefined,
      options: FEEDBACK_KINDS.map((kind) => ({ value: kind, label: this.#kindLabel(kind) })),
      value: this.#draft.value.kind,
      onChange: (kind) => this.#flow.update({ kind }),
    });
  }

  #renderRating(): TemplateResult {
    return rating({
      name: 'rating',
      legend: msg('How would you rate the service? (optional)', { id: 'feedback.rating.legend' }),
      labels: [1, 2, 3, 4, 5].map((v) => this.#ratingLabel(v)),
      value: this.#draft.value.rating,
      clearLabel: msg('Remove my rating', { id: 'feedback.rating.clear' }),
      onChange: (value) => {
        if (value === undefined) {
          // The button goes with the rating: focus returns to the radios, not to <body>.
          this.#focus.acted();
          this.#focus.moveTo('input[name="rating"]');
        }
        this.#flow.update({ rating: value });
      },
    });
  }

  #renderText(state: FeedbackFlowState): TemplateResult {
    const error = this.#errorFor(state, 'text');
    const draft = this.#draft.value;
    const limit = this.#flow.textLimit();
    const remaining = limit - draft.text.trim().length;
    const describedBy = [hintId('text'), 'text-limit', error ? errorId('text') : ''].filter(Boolean).join(' ');
    const limitText = this.#number(limit);
    return html`
      <div part="field" class="field ${error ? 'invalid' : ''}">
        <label class="field-label" for="text">${msg('Your message', { id: 'feedback.text.label' })}</label>
        <p class="hint" id="text-hint">
          ${msg('Please do not include personal details such as your name, address or health information.', { id: 'feedback.text.hint' })}
        </p>
        ${this.#renderError('text-error', error)}
        <textarea
          part="textarea"
          id="text"
          name="text"
          rows="6"
          spellcheck="true"
          aria-describedby=${describedBy}
          aria-invalid=${error ? 'true' : 'false'}
          .value=${draft.text}
          @input=${this.#onTextInput}
        ></textarea>
        ${charCount({
          id: 'text-limit',
          limitText: msg(str`You can enter up to ${limitText} characters.`, { id: 'feedback.text.limit' }),
          remainingText: this.#countText(remaining),
          over: remaining < 0,
        })}
      </div>
    `;
  }

  #countText(remaining: number): string {
    if (remaining >= 0) {
      const n = this.#number(remaining);
      return msg(str`Characters remaining: ${n}`, { id: 'feedback.text.remaining' });
    }
    const n = this.#number(-remaining);
    return msg(str`Characters too many: ${n}`, { id: 'feedback.text.tooMany' });
  }

  #onTextInput = (event: Event) => {
    this.#flow.update({ text: (event.target as HTMLTextAreaElement).value });
    // The visible counter is hidden from screen readers; a polite summary follows once the
    // resident pauses, instead of an announcement on every keystroke. Sending cancels it.
    const remaining = this.#flow.textLimit() - this.#flow.$draft.get().text.trim().length;
    this.#status.announceLater(this.#countText(remaining), 1000);
  };

  #renderService(state: FeedbackFlowState): TemplateResult | typeof nothing {
    if (this.config.service) return nothing;
    const services = this.#services.value;
    if (services.status !== 'ready' || services.services.length === 0) return nothing;
    const error = this.#errorFor(state, 'service');
    const draft = this.#draft.value;
    const council = this.#council.value;
    const fallback = council.status === 'ready' ? council.config.defaultLocale : undefined;
    const collator = new Intl.Collator(this.locale);
    const options = services.services
      .map((s) => ({ id: s.id, name: serviceName(s, this.locale, fallback) }))
      .sort((a, b) => collator.compare(a.name, b.name));
    return html`
      <div part="field" class="field ${error ? 'invalid' : ''}">
        <label class="field-label" for="service">${msg('Which service is it about? (optional)', { id: 'feedback.service.label' })}</label>
        ${this.#renderError('service-error', error)}
        <select
          id="service"
          aria-describedby=${error ? 'service-error' : nothing}
          aria-invalid=${error ? 'true' : 'false'}
          @change=${(e: Event) => this.#flow.update({ service: (e.target as HTMLSelectElement).value })}
        >
          <option value="" ?selected=${!draft.service}>${msg('Not about one service, or not sure', { id: 'feedback.service.none' })}</option>
          ${options.map((o) => html`<option value=${o.id} ?selected=${draft.service === o.id}>${o.name}</option>`)}
        </select>
      </div>
    `;
  }

  #renderReply(state: FeedbackFlowState): TemplateResult {
    const error = this.#errorFor(state, 'contact');
    const draft = this.#draft.value;
    const staff = Boolean(this.staffToken);
    return html`
      <div part="field" class="field ${error ? 'invalid' : ''}">
        <div class="check">
          <input
            type="checkbox"
            id="wants-reply"
            aria-describedby="reply-hint"
            .checked=${draft.wantsReply}
            @change=${(e: Event) => this.#flow.update({ wantsReply: (e.target as HTMLInputElement).checked })}
          />
          <label for="wants-reply">
            ${staff ? msg('The resident would like a reply', { id: 'feedback.reply.staffLabel' }) : msg('I would like a reply', { id: 'feedback.reply.label' })}
          </label>
        </div>
        <p class="hint" id="reply-hint">
          ${msg('We ask for an email address only to answer this message. It is deleted if the message is erased.', { id: 'feedback.reply.hint' })}
        </p>
        ${draft.wantsReply
          ? html`
              <label class="field-label" for="contact">${msg('Email address', { id: 'feedback.contact.label' })}</label>
              ${this.#renderError('contact-error', error)}
              <input
                type="email"
                id="contact"
                name="email"
                autocomplete="email"
                inputmode="email"
                spellcheck="false"
                aria-describedby=${error ? 'contact-error' : nothing}
                aria-invalid=${error ? 'true' : 'false'}
                .value=${draft.contact}
                @input=${(e: Event) => this.#flow.update({ contact: (e.target as HTMLInputElement).value })}
              />
            `
          : nothing}
      </div>
    `;
  }

  // The honeypot is for bots only: out of the tab order, hidden from assistive technology and
  // from sight, and never autofilled. Its label is not localized because no person reads it.
  #renderTrap(): TemplateResult {
    return html`
      <div class="visually-hidden" aria-hidden="true">
        <label for="trap">Leave this field empty</label>
        <input
          type="text"
          id="trap"
          name=${TRAP_FIELD}
          tabindex="-1"
          autocomplete="off"
          .value=${this.#draft.value.trap}
          @input=${(e: Event) => this.#flow.update({ trap: (e.target as HTMLInputElement).value })}
        />
      </div>
    `;
  }

  #onSubmit = (event: Event) => {
    event.preventDefault();
    this.#focus.acted();
    this.#submitting = true;
    void this.#flow.submit();
  };

  #again = () => {
    // The button the resident pressed goes with the outcome: focus goes to the new form,
    // named "Your feedback", instead of dropping to <body>.
    this.#focus.acted();
    this.#flow.again();
    this.#focus.moveTo('form');
  };

  #sentTitle(state: Extract<FeedbackFlowState, { state: 'sent' }>): string {
    if (state.erase === 'erased') return msg('Your message has been erased', { id: 'feedback.erased.title' });
    return state.staff
      ? msg('The input is recorded', { id: 'feedback.sent.staffTitle' })
      : state.queuedFirst
        ? msg('Your saved message has now been sent', { id: 'feedback.sent.laterTitle' })
        : msg('Thank you, your message has been sent', { id: 'feedback.sent.title' });
  }

  #renderQueued(state: Extract<FeedbackFlowState, { state: 'queued' }>): TemplateResult {
    const why =
      state.reason === 'offline'
        ? msg('This device seems to be offline.', { id: 'feedback.queued.offline' })
        : state.reason === 'timeout'
          ? msg('The council’s service is taking too long to answer.', { id: 'feedback.queued.timeout' })
          : msg('The council’s service has a problem right now.', { id: 'feedback.queued.server' });
    return notice({
      id: 'outcome',
      level: this.headingLevel,
      tone: 'info',
      title: msg('Your message is saved on this device', { id: 'feedback.queued.title' }),
      body: html`<p>${why}</p>
        <p>
          ${msg('It will be sent automatically when the connection is back, even if you close this page and open it again later. You will then see your receipt code here.', { id: 'feedback.queued.body' })}
        </p>`,
    });
  }

  #renderSent(state: Extract<FeedbackFlowState, { state: 'sent' }>): TemplateResult {
    const again = html`<div class="row">
      <button part="button" class="button secondary" type="button" ?disabled=${state.erase === 'erasing'} @click=${this.#again}>
        ${msg('Send another message', { id: 'feedback.again' })}
      </button>
    </div>`;
    if (state.erase === 'erased') {
      return notice({
        id: 'outcome',
        part: 'receipt',
        level: this.headingLevel,
        tone: 'success',
        title: this.#sentTitle(state),
        body: html`<p>${msg('Its text and any email address are deleted. Only the fact that a message was sent is still counted.', { id: 'feedback.erased.body' })}</p>
          ${again}`,
      });
    }
    const follow = safeUrl(this.followUrl, state.receipt);
    const contactBank = safeUrl(this.contactBankUrl);
    const count = this.#number(receiptLength(state.receipt));
    const spelled = spellReceipt(state.receipt);
    return notice({
      id: 'outcome',
      part: 'receipt',
      level: this.headingLevel,
      tone: 'success',
      title: this.#sentTitle(state),
      body: html`
        <p>
          ${state.staff
            ? msg('Give the resident this receipt code so they can follow what happens with it:', { id: 'feedback.sent.staffCode' })
            : msg('Your receipt code. Keep it to follow what happens with your message:', { id: 'feedback.sent.code' })}
        </p>
        ${receiptCode({
          code: state.receipt,
          spelledLabel: msg(str`Receipt code, ${count} characters: ${spelled}`, { id: 'kit.receipt.spelled' }),
          copyLabel: msg('Copy code', { id: 'feedback.sent.copy' }),
          onCopy: () => void this.#copy(state.receipt),
        })}
        ${follow ? html`<p><a part="follow-link" href=${follow}>${msg('See what happens with your message', { id: 'feedback.sent.follow' })}</a></p>` : nothing}
        ${state.text
          ? html`<p>${msg('What you wrote:', { id: 'feedback.sent.echo' })}</p>
              <p class="echo">${state.text}</p>`
          : nothing}
        ${contactBank
          ? html`<p>
              ${msg('Would you like to help improve the council’s services?', { id: 'feedback.sent.invite' })}
              <a href=${contactBank}>${msg('Join the contact bank', { id: 'feedback.sent.contactBank' })}</a>
            </p>`
          : nothing}
        ${this.#renderErase(state)} ${again}
      `,
    });
  }

  #renderErase(state: Extract<FeedbackFlowState, { state: 'sent' }>): TemplateResult {
    if (state.erase === 'confirming' || state.erase === 'erasing') {
      return html`
        <div class="notice warning" role="group" aria-labelledby="erase-question">
          <p id="erase-question"><strong>${msg('Erase your message?', { id: 'feedback.erase.question' })}</strong></p>
          <p>${msg('Its text and any email address will be deleted. This cannot be undone.', { id: 'feedback.erase.warning' })}</p>
          <div class="row">
            <button
              part="button"
              class="button"
              type="button"
              id="erase-confirm"
              aria-disabled=${state.erase === 'erasing' ? 'true' : 'false'}
              @click=${() => {
                if (state.erase !== 'confirming') return;
                this.#focus.acted();
                this.#flow.confirmErase();
              }}
            >
              ${msg('Yes, erase it', { id: 'feedback.erase.confirm' })}
            </button>
            <button part="button" class="button secondary" type="button" @click=${this.#cancelErase}>${msg('No, keep it', { id: 'feedback.erase.cancel' })}</button>
          </div>
        </div>
      `;
    }
    return html`
      ${state.erase === 'failed'
        ? html`<p class="error-message" role="alert">${msg('We could not erase your message. Please try again.', { id: 'feedback.erase.failed' })}</p>`
        : nothing}
      <p><button class="link" type="button" id="erase" @click=${this.#requestErase}>${msg('Erase my message', { id: 'feedback.erase.button' })}</button></p>
    `;
  }

  #requestErase = () => {
    this.#focus.acted();
    this.#flow.requestErase();
    this.#focus.moveTo('#erase-confirm');
  };

  #cancelErase = () => {
    this.#focus.acted();
    this.#flow.cancelErase();
    this.#focus.moveTo('#erase');
  };

  async #copy(receipt: string): Promise<void> {
    const result = await copyReceipt(receipt, this.shadowRoot);
    this.#status.announce(
      result === 'copied'
        ? msg('Receipt code copied', { id: 'feedback.status.copied' })
        : msg('The code could not be copied for you. It is selected: press Ctrl+C to copy it.', { id: 'kit.receipt.copyFallback' }),
    );
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
    'cocreate-error': CustomEvent<CocreateErrorDetail>;
  }
}
