// What the console's browser suites share: reading and driving its shadow DOM as a person would
// (text, buttons by their label, typing and choosing), and a console signed in with a token.
import { expect, fixture, fixtureCleanup, html } from '@open-wc/testing';
import { waitUntil } from '../kit/testing/wait.js';
import { tokenKey } from '../stores/console.js';
import type { CocreateConsole } from './cocreate-console.js';
import './cocreate-console.js';

/** What tests/support/browser-env.ts gives the browser suites for the console: its councils and tokens. */
export interface ConsoleTestEnv {
  apiUrl: string;
  directApiUrl: string;
  /** The council whose settings the console's suites change. */
  office: { council: string; editor: string; admin: string };
  /** A council without a contact bank. */
  desk: { council: string; editor: string };
}

/** Read once per page (each test file is a page). */
export const env = (await (await fetch('/__test-env.json')).json()) as ConsoleTestEnv;

/** Each test of the suite leaves no fixture and no token kept in the tab. */
export function cleanUpAfterEach(): void {
  afterEach(() => {
    fixtureCleanup();
    sessionStorage.clear();
  });
}

/** A staff call of `council`'s API, straight to the server, with `token`; its JSON answer (a failure names the server's answer). */
export async function councilApi<T>(council: string, token: string, method: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(`${env.directApiUrl}/v1/councils/${council}/${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${method} ${path} failed with ${res.status}: ${await res.text()}`);
  return (await res.json()) as T;
}

/** A staff call of the office council's API, straight to the server, with `token`; its JSON answer. */
export async function officeApi<T>(token: string, method: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(`${env.directApiUrl}/v1/councils/${env.office.council}/${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json', 'idempotency-key': crypto.randomUUID() } : {}) },
    body: body === undefined ? null : JSON.stringify(body),
    cache: 'no-store',
  });
  if (!res.ok) throw new Error(`${method} ${path} failed with ${res.status}`);
  return (await res.json()) as T;
}

export const text = (node: Element | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
export const maybe = <T extends Element = HTMLElement>(el: CocreateConsole, selector: string) => el.shadowRoot!.querySelector<T>(selector);
export function $<T extends Element = HTMLElement>(el: CocreateConsole, selector: string): T {
  const found = maybe<T>(el, selector);
  if (!found) throw new Error(`no ${selector} in <cocreate-console>`);
  return found;
}
export const all = (el: CocreateConsole, selector: string) => [...el.shadowRoot!.querySelectorAll<HTMLElement>(selector)];
export const active = (el: CocreateConsole) => el.shadowRoot!.activeElement as HTMLElement | null;
export const status = (el: CocreateConsole) => text(maybe(el, '[part~="status"]'));
export function button(el: CocreateConsole, label: string): HTMLElement {
  const found = all(el, 'button').find((b) => text(b) === label);
  if (!found) throw new Error(`no button "${label}" (${all(el, 'button').map(text).join(' | ')})`);
  return found;
}

export function type(el: CocreateConsole, selector: string, value: string): void {
  const input = $<HTMLInputElement | HTMLTextAreaElement>(el, selector);
  input.focus();
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
}

/** Sets a field and fires `change` (a select, or a field the view reads when it is left). */
export async function choose(el: CocreateConsole, selector: string, value: string): Promise<void> {
  const control = $<HTMLSelectElement | HTMLInputElement>(el, selector);
  control.focus();
  control.value = value;
  control.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
  await el.updateComplete;
}

/** A console of `council` at `api`, signed in with `token` as this tab would be after a sign-in. */
export async function signedIn(o: { api: string; council: string; token: string; lang?: string }): Promise<CocreateConsole> {
  sessionStorage.setItem(tokenKey(o.api, o.council), o.token);
  const wrapper = await fixture<HTMLElement>(html`<main><cocreate-console api=${o.api} council=${o.council} heading-level="1" lang=${o.lang ?? 'en'}></cocreate-console></main>`);
  const el = wrapper.querySelector('cocreate-console')!;
  await waitUntil(() => maybe(el, '#inbox'), 'the console did not sign in', { timeout: 15_000 });
  return el;
}

/** Opens a view from the console's navigation; focus moves to its region. */
export async function view(el: CocreateConsole, name: string, region: string): Promise<void> {
  button(el, name).click();
  await el.updateComplete;
  await waitUntil(() => active(el)?.id === region, `focus did not move to #${region}`);
  expect($(el, `#nav-${region}`).getAttribute('aria-current')).to.equal('page');
}
