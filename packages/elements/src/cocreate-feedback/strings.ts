// The words of <cocreate-feedback>, apart from its markup. Every function calls msg(), so it
// answers in the language of the element rendering (or of `localized()` in an event handler).
import type { FeedbackKind } from '@civicloop/contract/rules';
import { msg, str } from '@lit/localize';
import { dateFormat } from '../kit/format.js';
import type { FeedbackFlowState, FieldError } from '../stores/feedback.js';

type State<S extends FeedbackFlowState['state']> = Extract<FeedbackFlowState, { state: S }>;

export function kindLabel(kind: FeedbackKind): string {
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

export function ratingLabels(): string[] {
  return [
    msg('1 – very poor', { id: 'feedback.rating.1' }),
    msg('2 – poor', { id: 'feedback.rating.2' }),
    msg('3 – fair', { id: 'feedback.rating.3' }),
    msg('4 – good', { id: 'feedback.rating.4' }),
    msg('5 – very good', { id: 'feedback.rating.5' }),
  ];
}

/** A field's error; `limit` is the text limit already formatted for the element's locale. */
export function errorText(error: FieldError, limit: string): string {
  switch (error.code) {
    case 'kind-missing':
      return msg('Choose what kind of message this is', { id: 'feedback.error.kindMissing' });
    case 'text-missing':
      return msg('Write your message', { id: 'feedback.error.textMissing' });
    case 'text-too-long':
      return msg(str`Your message must be ${limit} characters or fewer`, { id: 'feedback.error.textTooLong' });
    case 'contact-missing':
      return msg('Enter your email address, or untick “I would like a reply”', { id: 'feedback.error.contactMissing' });
    case 'contact-invalid':
      return msg('Enter an email address in the right format, like name@example.com', { id: 'feedback.error.contactInvalid' });
    case 'service-unknown':
      return msg('Choose a service from the list', { id: 'feedback.error.serviceUnknown' });
    // Staff mode's own (cocreate-console/staff-entry.ts says them); the API's refusal otherwise.
    case 'channel-missing':
    case 'source-missing':
    case 'source-invalid':
    case 'server-invalid':
      return error.field === 'text'
        ? msg('The council could not accept this message. Check it and try again', { id: 'feedback.error.textRejected' })
        : error.field === 'contact'
          ? msg('The council could not accept this email address. Check it and try again', { id: 'feedback.error.contactRejected' })
          : msg('Check this answer and try again', { id: 'feedback.error.fieldRejected' });
  }
}

/** Why the input was not sent, for the refusal and error notices. */
export function notSentText(state: State<'rejected'> | State<'error'>, locale: string): string {
  if (state.state === 'error') {
    if (state.reason === 'not-configured')
      return msg('This form is not set up correctly, so it cannot send from here. Please tell the council.', { id: 'feedback.error.notConfigured' });
    if (state.reason === 'not-saved')
      return msg('We could not reach the council, and this browser could not save your message to send later. Please try again in a moment.', { id: 'feedback.error.notSaved' });
    return msg('Something went wrong while sending. Please try again.', { id: 'feedback.error.unexpected' });
  }
  switch (state.reason) {
    case 'rate-limited': {
      if (state.retryAt) {
        const time = dateFormat(locale, { hour: 'numeric', minute: '2-digit' }).format(new Date(state.retryAt + 30_000));
        return msg(str`Many messages have been sent from this connection in a short time. Please send yours again after ${time}.`, { id: 'feedback.rejected.rateLimitedUntil' });
      }
      return msg('Many messages have been sent from this connection in a short time. Please send yours again in a few minutes.', { id: 'feedback.rejected.rateLimited' });
    }
    case 'spam':
      return msg('Our automatic check mistook your message for junk mail. Please wait a moment and send it again.', { id: 'feedback.rejected.spam' });
    case 'not-found':
      return msg('This form is not set up correctly: the council or service was not found. Please tell the council.', { id: 'feedback.rejected.notFound' });
    case 'blocked':
      return msg('The council’s service does not accept messages from this page, so it cannot be sent from here. Please tell the council.', { id: 'feedback.rejected.blocked' });
    case 'csp':
      return msg('This page’s security policy does not let the form reach the council’s service, so it cannot be sent from here. Please tell the council.', { id: 'feedback.rejected.csp' });
    case 'unauthorized':
      return msg('Your staff access was refused. Sign in again, then record the input again.', { id: 'feedback.rejected.unauthorized' });
    default: {
      const status = String(state.status);
      return msg(str`The council’s service could not accept your message (error ${status}).`, { id: 'feedback.rejected.other' });
    }
  }
}

export function queuedWhy(state: State<'queued'>): string {
  return state.reason === 'offline'
    ? msg('This device seems to be offline.', { id: 'feedback.queued.offline' })
    : state.reason === 'unreachable'
      ? msg('The council’s service cannot be reached right now.', { id: 'feedback.queued.unreachable' })
      : state.reason === 'timeout'
        ? msg('The council’s service is taking too long to answer.', { id: 'feedback.queued.timeout' })
        : msg('The council’s service has a problem right now.', { id: 'feedback.queued.server' });
}

/** The outcome's title (staff mode has its own: cocreate-console/staff-entry.ts). */
export function sentTitle(state: State<'sent'>): string {
  if (state.erase === 'erased') return msg('Your message has been erased', { id: 'feedback.erased.title' });
  return state.queuedFirst
    ? msg('Your saved message has now been sent', { id: 'feedback.sent.laterTitle' })
    : msg('Thank you, your message has been sent', { id: 'feedback.sent.title' });
}

/** The visible counter (and its polite announcement after a pause). */
export function countText(remaining: number, format: (n: number) => string): string {
  if (remaining >= 0) {
    const n = format(remaining);
    return msg(str`Characters remaining: ${n}`, { id: 'feedback.text.remaining' });
  }
  const n = format(-remaining);
  return msg(str`Characters too many: ${n}`, { id: 'feedback.text.tooMany' });
}

/** The question of the compact variant and its two answers. */
export function compactWords() {
  return {
    question: msg('Was this page useful?', { id: 'feedback.compact.question' }),
    yes: msg('Yes', { id: 'feedback.compact.yes' }),
    no: msg('No', { id: 'feedback.compact.no' }),
  };
}
