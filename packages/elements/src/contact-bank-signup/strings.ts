// The words of <contact-bank-signup>, apart from its markup. Every function calls msg(), so it
// answers in the language of the element rendering (or of `localized()` in an event handler).
import { msg, str } from '@lit/localize';
import type { ServiceCategory } from '@civicloop/contract';
import type { AccessibilityNeed, AgeBand, ContactFormat, ContactKind, ContactPurpose, FieldError, SignupState, TaskFailure } from '../stores/contact-bank.js';

type State<S extends SignupState['state']> = Extract<SignupState, { state: S }>;

export function kindLabel(kind: ContactKind): string {
  switch (kind) {
    case 'resident':
      return msg('A resident', { id: 'bank.kind.resident' });
    case 'association':
      return msg('An association or group', { id: 'bank.kind.association' });
    case 'business':
      return msg('A business', { id: 'bank.kind.business' });
  }
}

export function formatLabel(format: ContactFormat): string {
  switch (format) {
    case 'workshop':
      return msg('Workshops', { id: 'bank.format.workshop' });
    case 'survey':
      return msg('Surveys', { id: 'bank.format.survey' });
    case 'interview':
      return msg('Interviews', { id: 'bank.format.interview' });
    case 'online-meeting':
      return msg('Online meetings', { id: 'bank.format.online' });
    case 'in-person':
      return msg('Meetings in person', { id: 'bank.format.inPerson' });
    case 'service-testing':
      return msg('Testing a service', { id: 'bank.format.testing' });
    case 'advisory-group':
      return msg('An advisory group', { id: 'bank.format.advisory' });
  }
}

export function ageBandLabel(band: AgeBand): string {
  if (band === 'under-18') return msg('Under 18', { id: 'bank.age.under18' });
  if (band === '75-plus') return msg('75 or older', { id: 'bank.age.75plus' });
  return band.replace('-', '–');
}

export function purposeLabel(purpose: ContactPurpose): string {
  return purpose === 'invitations'
    ? msg('invite me to activities that match what I chose', { id: 'bank.purpose.invitations' })
    : msg('send me news of what came out of them', { id: 'bank.purpose.news' });
}

export function categoryLabel(category: ServiceCategory): string {
  switch (category) {
    case 'education':
      return msg('Education', { id: 'bank.category.education' });
    case 'health':
      return msg('Health and care', { id: 'bank.category.health' });
    case 'culture':
      return msg('Culture and leisure', { id: 'bank.category.culture' });
    case 'communal':
      return msg('Housing, streets and waste', { id: 'bank.category.communal' });
    case 'transport':
      return msg('Transport', { id: 'bank.category.transport' });
    case 'social':
      return msg('Social services', { id: 'bank.category.social' });
    default:
      return msg('Other services', { id: 'bank.category.other' });
  }
}

export function needLabel(need: AccessibilityNeed): string {
  switch (need) {
    case 'step-free-access':
      return msg('Step-free access', { id: 'bank.need.stepFree' });
    case 'hearing-loop':
      return msg('A hearing loop', { id: 'bank.need.hearingLoop' });
    case 'sign-language':
      return msg('A sign language interpreter', { id: 'bank.need.signLanguage' });
    case 'easy-read':
      return msg('Easy-read material', { id: 'bank.need.easyRead' });
    case 'large-print':
      return msg('Large print', { id: 'bank.need.largePrint' });
    case 'screen-reader':
      return msg('Material that works with a screen reader', { id: 'bank.need.screenReader' });
    case 'interpreter':
      return msg('A language interpreter', { id: 'bank.need.interpreter' });
    case 'quiet-space':
      return msg('A quiet space', { id: 'bank.need.quietSpace' });
    case 'childcare':
      return msg('Childcare', { id: 'bank.need.childcare' });
  }
}

export function errorText(error: FieldError): string {
  switch (error.code) {
    case 'kind-missing':
      return msg('Choose who is signing up', { id: 'bank.error.kindMissing' });
    case 'organisation-missing':
      return msg('Enter the name of the organisation', { id: 'bank.error.organisationMissing' });
    case 'name-missing':
      return msg('Enter the name of the contact person', { id: 'bank.error.personMissing' });
    case 'email-missing':
      return msg('Enter your email address', { id: 'bank.error.emailMissing' });
    case 'email-invalid':
      return msg('Enter an email address in the right format, like name@example.com', { id: 'bank.error.emailInvalid' });
    case 'phone-invalid':
      return msg('Enter a phone number, like +44 20 7946 0000, or leave it empty', { id: 'bank.error.phoneInvalid' });
    case 'languages-missing':
      return msg('Choose at least one language you can take part in', { id: 'bank.error.languagesMissing' });
    case 'consent-missing':
      return msg('Tick at least one thing you agree to, or you cannot join the contact bank', { id: 'bank.error.purposesMissing' });
    case 'consent-unseen':
      return msg('The council’s consent text has not loaded, so you cannot join the contact bank yet: check your connection and reload the page', { id: 'bank.error.consentUnseen' });
    case 'too-long':
      return msg('This answer is too long. Please shorten it', { id: 'bank.error.tooLong' });
    case 'server-invalid':
      return msg('The council could not accept this answer. Check it and try again', { id: 'bank.error.rejected' });
  }
}

/** Why the sign-up was not sent, for the refusal and error notices. */
export function notSentText(state: State<'rejected'> | State<'error'>): string {
  if (state.state === 'error')
    return state.reason === 'not-configured'
      ? msg('This form is not set up correctly, so it cannot send from here. Please tell the council.', { id: 'bank.rejected.setup' })
      : state.reason === 'not-saved'
        ? msg('We could not reach the council, and this browser could not keep your sign-up to send later. Please try again in a moment.', { id: 'bank.error.notSaved' })
        : msg('Something went wrong while sending. Please try again.', { id: 'bank.error.unexpected' });
  switch (state.reason) {
    case 'rate-limited':
      return msg('Many sign-ups have been sent from this connection in a short time. Please try again in a few minutes.', { id: 'bank.rejected.rateLimited' });
    case 'spam':
      return msg('Our automatic check mistook your sign-up for junk. Please wait a moment and send it again.', { id: 'bank.rejected.spam' });
    case 'not-found':
    case 'blocked':
    case 'csp':
      return msg('This form is not set up correctly, so it cannot send from here. Please tell the council.', { id: 'bank.rejected.setup' });
    default: {
      if (state.status === 409)
        return msg('The council has changed its consent text since this page was opened. Reload the page, read the new text and send your sign-up again.', { id: 'bank.rejected.consentChanged' });
      const status = String(state.status);
      return msg(str`The council’s service could not accept your sign-up (error ${status}).`, { id: 'bank.rejected.other' });
    }
  }
}

/** The council changed its consent text after the form was opened (the server's 409): what happened and what to do. */
export function consentChangedText(state: State<'consent-changed'>): string {
  return state.queuedFirst
    ? msg('Your sign-up, kept on this device, was not sent: meanwhile the council changed the text you are asked to agree to. Read the new text below, tick again what you agree to, and send it.', { id: 'bank.consentChanged.queued' })
    : msg('The council changed the text you are asked to agree to after you opened this form, so your sign-up was not sent. Read the new text below, tick again what you agree to, and send it.', { id: 'bank.consentChanged.body' });
}

export function queuedWhy(state: State<'queued'>): string {
  return state.reason === 'offline'
    ? msg('This device seems to be offline.', { id: 'bank.queued.offline' })
    : state.reason === 'unreachable'
      ? msg('The council’s service cannot be reached right now.', { id: 'bank.queued.unreachable' })
      : msg('The council’s service is not answering right now.', { id: 'bank.queued.server' });
}

/** Why a link from an email could not be used. */
export function taskFailureText(reason: TaskFailure): string {
  switch (reason) {
    case 'offline':
      return msg('We could not reach the council. Check your connection and try again.', { id: 'bank.task.offline' });
    case 'expired':
      return msg('This link no longer works: it was already used, or it is too old. You can sign up again, or use the newest email from the contact bank.', { id: 'bank.task.expired' });
    case 'not-configured':
      return msg('This page is not set up correctly. Please tell the council.', { id: 'bank.task.notConfigured' });
    case 'error':
      return msg('Something went wrong on the council’s side. Please try again later.', { id: 'bank.task.error' });
  }
}

/** `duration`: the months with their unit in the element's language, whose plural forms the browser knows ("24 months", "24 miesiące", "24 de luni"). */
export function consentLasts(duration: string): string {
  return msg(str`Your consent lasts ${duration}. Before it ends we ask whether you want to stay; if you do not answer, your details are erased.`, { id: 'bank.consent.lasts' });
}
