// The words of <you-said-we-did>, apart from its markup. Every function calls msg(), so it
// answers in the language of the element rendering (or of `localized()` in an event handler).
import type { FeedbackStatus, ThemeStatus } from '@civicloop/contract/rules';
import { msg, str } from '@lit/localize';
import type { LoadFailure } from '../stores/loop.js';

export function themeStatusLabel(status: ThemeStatus): string {
  switch (status) {
    case 'listening':
      return msg('Listening', { id: 'loop.status.listening' });
    case 'considering':
      return msg('Considering', { id: 'loop.status.considering' });
    case 'planned':
      return msg('Planned', { id: 'loop.status.planned' });
    case 'done':
      return msg('Done', { id: 'loop.status.done' });
    case 'not-possible':
      return msg('Not possible', { id: 'loop.status.notPossible' });
  }
}

export function inputStatusLabel(status: FeedbackStatus): string {
  switch (status) {
    case 'received':
      return msg('Received', { id: 'loop.input.received' });
    case 'in-review':
      return msg('Being looked at', { id: 'loop.input.inReview' });
    case 'answered':
      return msg('Answered', { id: 'loop.input.answered' });
    case 'closed':
      return msg('Closed', { id: 'loop.input.closed' });
  }
}

/** How many inputs a theme answers; `formatted` is the number in the element's locale (a label, so no plural forms are needed). */
export function inputCount(formatted: string): string {
  return msg(str`Messages it answers: ${formatted}`, { id: 'loop.card.inputs' });
}

export function updatedOn(date: string): string {
  return msg(str`Last updated ${date}`, { id: 'loop.card.updated' });
}

/** Why nothing could be shown; `scope` is the element's (its api and council, for the setup faults). */
export function failureText(reason: LoadFailure, scope: { api?: string | undefined; council?: string | undefined; service?: string | undefined } = {}): string {
  const { api, council } = scope;
  if (reason === 'not-configured')
    return council
      ? msg('This page is not set up correctly: it does not say where the council’s service is (its api attribute). Please tell the council.', { id: 'loop.error.noApi' })
      : msg('This page is not set up correctly: it does not say which council it is for (its council attribute). Please tell the council.', { id: 'loop.error.notConfigured' });
  if (reason === 'unknown-council')
    return msg(str`This page is not set up correctly: the council “${council}” is not known to the council’s service. Please tell the council.`, { id: 'loop.error.unknownCouncil' });
  if (reason === 'unknown-service') {
    const service = scope.service;
    return msg(str`This page is not set up correctly: “${service}” is not one of the council’s services. Please tell the council.`, { id: 'loop.error.unknownService' });
  }
  if (reason === 'blocked') {
    const origin = location.origin;
    return msg(str`This page is not set up correctly: the council’s service does not accept this website (${origin}). Please tell the council.`, { id: 'loop.error.blocked' });
  }
  if (reason === 'csp') {
    const origin = new URL(api ?? '', document.baseURI).origin;
    return msg(str`This page is not set up correctly: its security policy (Content-Security-Policy) does not allow it to reach the council’s service (${origin}). Please tell the council.`, { id: 'loop.error.csp' });
  }
  if (reason === 'offline') return msg('We could not reach the council’s service. Check your connection and try again.', { id: 'loop.error.offline' });
  return msg('The council’s service has a problem right now. Please try again later.', { id: 'loop.error.server' });
}

export function chartLabel(from: string, to: string): string {
  return msg(str`Share of messages answered in public each month, from ${from} to ${to}`, { id: 'loop.chart.label' });
}

export function periodText(from: string, to: string): string {
  return msg(str`From ${from} to ${to}`, { id: 'loop.figures.period' });
}

export function moreLoaded(count: string): string {
  return msg(str`More themes shown: ${count}`, { id: 'loop.list.moreLoaded' });
}

export function themesShown(count: string): string {
  return msg(str`Themes shown: ${count}`, { id: 'loop.list.shown' });
}
