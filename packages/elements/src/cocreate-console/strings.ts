// The words of <cocreate-console>, apart from its markup. Every function calls msg(), so it
// answers in the language of the element rendering (or of `localized()` in an event handler).
import type { FeedbackChannel, FeedbackKind, FeedbackStatus } from '@civicloop/contract/rules';
import { msg, str } from '@lit/localize';
import type { ConsoleFailure } from '../stores/console.js';

export function kindLabel(kind: FeedbackKind): string {
  switch (kind) {
    case 'praise':
      return msg('Praise', { id: 'console.kind.praise' });
    case 'problem':
      return msg('Problem', { id: 'console.kind.problem' });
    case 'idea':
      return msg('Idea', { id: 'console.kind.idea' });
    case 'question':
      return msg('Question', { id: 'console.kind.question' });
  }
}

export function statusLabel(status: FeedbackStatus): string {
  switch (status) {
    case 'received':
      return msg('Received', { id: 'console.status.received' });
    case 'in-review':
      return msg('In review', { id: 'console.status.inReview' });
    case 'answered':
      return msg('Answered', { id: 'console.status.answered' });
    case 'closed':
      return msg('Closed', { id: 'console.status.closed' });
  }
}

export function channelLabel(channel: FeedbackChannel): string {
  switch (channel) {
    case 'web':
      return msg('Web form', { id: 'console.channel.web' });
    case 'phone':
      return msg('Phone', { id: 'console.channel.phone' });
    case 'in-person':
      return msg('In person', { id: 'console.channel.inPerson' });
    case 'paper':
      return msg('Paper', { id: 'console.channel.paper' });
    case 'email':
      return msg('Email', { id: 'console.channel.email' });
    case 'outreach':
      return msg('Outreach', { id: 'console.channel.outreach' });
    case 'petition':
      return msg('Petition', { id: 'console.channel.petition' });
    case 'campaign':
      return msg('Campaign', { id: 'console.channel.campaign' });
    case 'protest':
      return msg('Protest', { id: 'console.channel.protest' });
    case 'social-media':
      return msg('Social media', { id: 'console.channel.socialMedia' });
    case 'press':
      return msg('Press', { id: 'console.channel.press' });
    case 'artwork':
      return msg('Artwork', { id: 'console.channel.artwork' });
  }
}

export function failureText(reason: ConsoleFailure | 'ended'): string {
  switch (reason) {
    case 'wrong':
      return msg('This token was not accepted. Check that you pasted all of it, or ask an administrator for a new one.', { id: 'console.error.wrong' });
    case 'ended':
      return msg('Your session has ended. Sign in again.', { id: 'console.error.ended' });
    case 'not-configured':
      return msg('This page is not set up yet: it needs the address of the council’s service and the council.', { id: 'console.error.notConfigured' });
    case 'offline':
      return msg('We could not reach the council’s service. Check your connection and try again.', { id: 'console.error.offline' });
    default:
      return msg('The council’s service has a problem right now. Please try again later.', { id: 'console.error.server' });
  }
}

export function shown(count: string): string {
  return msg(str`Messages shown: ${count}`, { id: 'console.list.shown' });
}

export function moreLoaded(count: string): string {
  return msg(str`More messages shown: ${count}`, { id: 'console.list.moreLoaded' });
}

export function paneTitle(receipt: string): string {
  return msg(str`Message ${receipt}`, { id: 'console.pane.title' });
}

export function ratingText(rating: string): string {
  return msg(str`${rating} of 5`, { id: 'console.pane.rating' });
}

export function statusChanged(status: string): string {
  return msg(str`Status changed to ${status}`, { id: 'console.status.changed' });
}

export function replyTooLong(limit: string): string {
  return msg(str`Your reply must be ${limit} characters or fewer`, { id: 'console.reply.tooLong' });
}

export function ssoButton(provider: string): string {
  return msg(str`Sign in with ${provider}`, { id: 'console.sso.button' });
}

/** Why single sign-on failed; `retryAt` is when a `busy` refusal ends, as the page shows times. */
export function ssoFailure(reason: 'no-role' | 'failed' | 'busy', retryAt = ''): string {
  if (reason === 'busy') return msg(str`There have been too many sign-in attempts. Try again after ${retryAt}.`, { id: 'console.sso.busy' });
  return reason === 'no-role'
    ? msg('You signed in, but your account has no role in this council’s console. Ask an administrator for access.', { id: 'console.sso.noRole' })
    : msg('Signing in with your organisation’s account did not work. Try again.', { id: 'console.sso.failed' });
}

export function signedInAs(name: string, until: string): string {
  return msg(str`Signed in as ${name}, until ${until}.`, { id: 'console.sso.signedInAs' });
}
