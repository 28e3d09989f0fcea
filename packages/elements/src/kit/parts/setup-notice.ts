import { msg, str } from '@lit/localize';
import { html, type TemplateResult } from 'lit';
import type { SetupProblem } from '../stores/answers.js';
import { notice } from './notice.js';

/** What is wrong with the page's setup, for the council's web editor; names what the page says. */
function setupText(problem: SetupProblem, council: string, service: string, api: string): string {
  switch (problem) {
    case 'not-configured':
      return council
        ? msg('This form is not set up correctly: it does not say where the council’s service is (its api attribute).', { id: 'kit.setup.noApi' })
        : msg('This form is not set up correctly: it does not say which council it is for (its council attribute).', { id: 'kit.setup.noCouncil' });
    case 'unknown-council':
      return msg(str`This form is not set up correctly: the council “${council}” is not known to the council’s service.`, { id: 'kit.setup.unknownCouncil' });
    case 'unknown-service':
      return msg(str`This form is not set up correctly: “${service}” is not one of the council’s services.`, { id: 'kit.setup.unknownService' });
    case 'blocked': {
      const origin = location.origin;
      return msg(str`This form is not set up correctly: the council’s service does not accept this website (${origin}).`, { id: 'kit.setup.blocked' });
    }
    case 'csp': {
      const origin = new URL(api, document.baseURI).origin;
      return msg(str`This form is not set up correctly: this page’s security policy (Content-Security-Policy) does not allow it to reach the council’s service (${origin}).`, { id: 'kit.setup.csp' });
    }
    case 'no-origin':
      return msg('This page cannot send anything to the council: it is opened from a file or inside a sandboxed frame, which the council’s service never accepts.', { id: 'kit.setup.noOrigin' });
  }
}

/**
 * The notice (part `notice setup`), shown from the first render, that the page's setup stops
 * every input: an unknown council or preset service, a page the council does not accept, or a
 * page whose own policy forbids reaching the council.
 * Every form element shows the same one (kit/stores/connection.ts finds the problem).
 */
export function setupNotice(o: { problem: SetupProblem; council: string; service: string; api: string; level: number }): TemplateResult {
  return notice({
    id: 'setup',
    part: 'notice setup',
    level: o.level,
    tone: 'error',
    title: msg('This form cannot send anything', { id: 'kit.setup.title' }),
    body: html`<p>${setupText(o.problem, o.council, o.service, o.api)}</p>
      <p>${msg('Nothing can be sent from this page until the council fixes it. Please tell the council, or contact them another way.', { id: 'kit.setup.body' })}</p>`,
  });
}
