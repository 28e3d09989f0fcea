// <cocreate-feedback> runs the kit's shared form suite (kit/testing/form-suite.ts) against the
// real server through the fault proxy.
import { fixture, html } from '@open-wc/testing';
import { waitUntil } from '../kit/testing/wait.js';
import { formSuite, type TestEnv } from '../kit/testing/form-suite.js';
import './cocreate-feedback.js';
import type { CocreateFeedback } from './cocreate-feedback.js';

formSuite({
  tag: 'cocreate-feedback',
  events: { submitted: 'cocreate-submitted', queued: 'cocreate-queued' },
  async render(env: TestEnv, attrs = {}, parent?: HTMLElement) {
    const el = document.createElement('cocreate-feedback') as CocreateFeedback;
    const all = { api: env.apiUrl, council: env.council, service: env.services[0]!.id, ...attrs };
    for (const [name, value] of Object.entries(all)) if (value !== undefined) el.setAttribute(name, value);
    (parent ?? (await fixture<HTMLDivElement>(html`<div></div>`))).append(el);
    await waitUntil(() => el.shadowRoot?.querySelector('#text'), 'form did not render');
    return el;
  },
  async fill(el, text) {
    el.shadowRoot!.querySelector<HTMLInputElement>('input[name="kind"][value="idea"]')!.click();
    const area = el.shadowRoot!.querySelector<HTMLTextAreaElement>('#text')!;
    area.value = text;
    area.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
    await (el as CocreateFeedback).updateComplete;
  },
  textField: (el) => el.shadowRoot!.querySelector<HTMLTextAreaElement>('#text')!,
  selectors: { submit: 'button[type="submit"]', errorSummary: '[part~="error-summary"]', receiptCode: '[part~="receipt-code"]', notice: '[part~="notice"]' },
  landmarkText: { en: 'What would you like to tell us?', pl: 'Co chcesz nam przekazać?', sv: 'Vad vill du berätta för oss?' },
});
