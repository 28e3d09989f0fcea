// <cocreate-console> in real browsers against the real reference server: the "desk" council of
// tests/support/browser-env.ts, with inputs this suite records through the staff API (each run
// marks its own with a word of its own, as the three engines share one server). What the console
// changes is checked through the API and the resident's receipt view, never only on screen.
import { expect, fixture, fixtureCleanup, html } from '@open-wc/testing';
import { waitUntil } from '../kit/testing/wait.js';
import { executeServerCommand, sendKeys } from '@web/test-runner-commands';
import { typeKeys } from '../kit/testing/keys.js';
import { focusDropped, holdTimers, smallTargets } from '../kit/testing/a11y-suite.js';
import { sessionKey, tokenKey } from '../stores/console.js';
import type { CocreateConsole } from './cocreate-console.js';
import { $, active, all, button, choose, maybe, status, text, type } from './console-testing.js';

interface TestEnv {
  apiUrl: string;
  directApiUrl: string;
  desk: { council: string; editor: string; services: { id: string }[] };
}

let env: TestEnv;
// A word of this run's own: the search finds only this run's inputs.
const marker = `mark${Math.random().toString(36).slice(2, 10)}`;
const FILLERS = 19;
const seeded: Record<'lamp' | 'benches' | 'library' | 'pool', { id: string; receipt: string }> = {} as never;

const staff = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
  const res = await fetch(`${env.directApiUrl}/v1/councils/${env.desk.council}/${path}`, {
    method,
    headers: { authorization: `Bearer ${env.desk.editor}`, ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${method} ${path} failed with ${res.status}: ${await res.text()}`);
  return (await res.json()) as T;
};
const record = (body: Record<string, unknown>) => staff<{ id: string; receipt: string }>('POST', 'staff/feedback', body);

before(async () => {
  env = (await (await fetch('/__test-env.json')).json()) as TestEnv;
  const [lighting, parks] = env.desk.services.map((s) => s.id);
  // Oldest first: fillers, then the four the tests open (the lamp is the newest).
  for (let i = 0; i < FILLERS; i++) await record({ kind: 'problem', channel: 'phone', text: `${marker} filler number ${i}`, service: parks });
  seeded.pool = await record({ kind: 'question', channel: 'petition', sourceUrl: 'https://petitions.example/pool', text: `${marker} when does the swimming pool open` });
  seeded.library = await record({ kind: 'praise', channel: 'email', rating: 5, text: `${marker} friendly staff at the library` });
  seeded.benches = await record({ kind: 'idea', channel: 'paper', service: parks, text: `${marker} more benches by the river` });
  seeded.lamp = await record({ kind: 'problem', channel: 'phone', service: lighting, rating: 2, contact: 'resident@example.org', locale: 'en', text: `${marker} broken lamp on Elm Street <img src=x onerror=alert(1)>` });
});

afterEach(() => {
  fixtureCleanup();
  sessionStorage.clear();
});

const items = (el: CocreateConsole) => all(el, '[part~="item"] .item-text').map(text);
const key = () => tokenKey(env.apiUrl, env.desk.council);

async function render(o: { lang?: string } = {}): Promise<CocreateConsole> {
  const wrapper = await fixture<HTMLElement>(html`
    <main>
      <cocreate-console api=${env.apiUrl} council=${env.desk.council} heading-level="1" lang=${o.lang ?? 'en'}></cocreate-console>
    </main>
  `);
  const el = wrapper.querySelector('cocreate-console')!;
  await waitUntil(() => maybe(el, '#sign-in, #inbox'), 'the console did not render', { timeout: 15_000 });
  return el;
}

/** Waits until the inbox shows a settled list (items, or the empty message). */
async function listed(el: CocreateConsole): Promise<void> {
  await waitUntil(() => maybe(el, '#inbox') && (maybe(el, '[part~="item"]') || maybe(el, '#empty') || maybe(el, '#list-error')) && !text(maybe(el, '#inbox')).includes('Loading…'), 'the inbox did not load', { timeout: 15_000 });
  await el.updateComplete;
}

/** Signed in as this tab would be after a sign-in: the token kept in sessionStorage. */
async function signedIn(): Promise<CocreateConsole> {
  sessionStorage.setItem(key(), env.desk.editor);
  const el = await render();
  await listed(el);
  return el;
}

async function search(el: CocreateConsole, words: string): Promise<void> {
  type(el, '#q', words);
  button(el, 'Search').click();
  // The click starts loading at once: the next render shows it, and listed() waits for its end.
  await el.updateComplete;
  await listed(el);
}

describe('<cocreate-console>', () => {
  it('refuses a wrong token with a message on the field, then signs in with the right one, kept for this tab only', async () => {
    const el = await render();
    expect(maybe(el, '#inbox')).to.equal(null);
    expect($<HTMLInputElement>(el, '#token').type).to.equal('password');
    await expect(el).to.be.accessible();

    type(el, '#token', 'not-a-real-token-0000000000');
    button(el, 'Sign in').click();
    await waitUntil(() => maybe(el, '#token-error'), 'no error for a wrong token', { timeout: 15_000 });
    expect(text($(el, '#token-error'))).to.equal('Error: This token was not accepted. Check that you pasted all of it, or ask an administrator for a new one.');
    expect($(el, '#token').getAttribute('aria-invalid')).to.equal('true');
    expect($(el, '#token').getAttribute('aria-describedby')).to.include('token-error');
    expect(active(el)?.id).to.equal('token');
    expect(sessionStorage.getItem(key())).to.equal(null);
    await expect(el).to.be.accessible();

    // By keyboard: the token typed (with the spaces a paste may bring), Enter to sign in.
    type(el, '#token', '');
    await typeKeys(`  ${env.desk.editor}  `);
    await sendKeys({ press: 'Enter' });
    await listed(el);
    expect(active(el)?.id, 'focus moves to the inbox').to.equal('inbox');
    expect(sessionStorage.getItem(key())).to.equal(env.desk.editor);
    expect(Object.values({ ...localStorage }).some((v) => v.includes(env.desk.editor)), 'never in localStorage').to.equal(false);
    expect([...el.attributes].some((a) => a.value.includes(env.desk.editor)), 'never in an attribute').to.equal(false);
    expect(el.shadowRoot!.innerHTML.includes(env.desk.editor), 'never in the DOM').to.equal(false);
    expect(maybe(el, '#token')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('says the refusal in the element’s language', async () => {
    const el = await render({ lang: 'pl' });
    type(el, '#token', 'wrong');
    $<HTMLButtonElement>(el, '[part~="sign-in"] button[type="submit"]').click();
    await waitUntil(() => maybe(el, '#token-error'), 'no error for a wrong token', { timeout: 15_000 });
    expect(text($(el, '#token-error'))).to.equal('Błąd: Ten token nie został przyjęty. Sprawdź, czy wklejono go w całości, albo poproś administratora o nowy.');
    expect($(el, '.base').getAttribute('lang')).to.equal('pl');
  });

  it('lists newest first, filters by status, service, kind and channel, searches, and loads more by cursor', async () => {
    const el = await signedIn();
    await search(el, marker);
    await waitUntil(() => status(el) === 'Messages shown: 20', 'the list was not announced');
    const first = items(el);
    expect(first).to.have.length(20);
    expect(first.slice(0, 4)).to.deep.equal([
      `${marker} broken lamp on Elm Street <img src=x onerror=alert(1)>`,
      `${marker} more benches by the river`,
      `${marker} friendly staff at the library`,
      `${marker} when does the swimming pool open`,
    ]);
    expect(maybe(el, 'img'), 'residents’ text is text').to.equal(null);
    await expect(el).to.be.accessible();

    button(el, 'Load more').click();
    await waitUntil(() => items(el).length === 4 + FILLERS, 'the next page did not load', { timeout: 15_000 });
    await el.updateComplete;
    expect(active(el)?.id, 'focus on the first new message').to.equal('item-20');
    expect(all(el, 'button').some((b) => text(b) === 'Load more'), 'no cursor left').to.equal(false);
    expect(new Set(items(el)).size).to.equal(4 + FILLERS);

    await choose(el, '#filter-kind', 'idea');
    await waitUntil(() => items(el).length === 1, 'kind filter', { timeout: 15_000 });
    expect(items(el)).to.deep.equal([`${marker} more benches by the river`]);
    expect(status(el)).to.equal('Messages shown: 1');
    expect(active(el)?.id, 'focus stays on the filter').to.equal('filter-kind');

    await choose(el, '#filter-kind', '');
    await choose(el, '#filter-channel', 'petition');
    await waitUntil(() => items(el).length === 1 && items(el)[0]!.includes('pool'), 'channel filter', { timeout: 15_000 });

    await choose(el, '#filter-channel', '');
    await waitUntil(() => all(el, '#filter-service option').length === 3, 'the services did not load', { timeout: 15_000 });
    await choose(el, '#filter-service', env.desk.services[0]!.id);
    await waitUntil(() => items(el).length === 1 && items(el)[0]!.includes('lamp'), 'service filter', { timeout: 15_000 });

    await choose(el, '#filter-service', '');
    // Nothing of this run is closed (yet 20 are shown without the filter).
    await choose(el, '#filter-status', 'closed');
    await waitUntil(() => maybe(el, '#empty'), 'status filter', { timeout: 15_000 });
    expect(text($(el, '#empty'))).to.equal('No messages match');
    await waitUntil(() => status(el) === 'No messages match', 'the empty result was not announced');
    await expect(el).to.be.accessible();

    await choose(el, '#filter-status', '');
    await search(el, `${marker} benches`);
    expect(items(el)).to.deep.equal([`${marker} more benches by the river`]);
  });

  it('opens a message in the reading pane, changes its status (the API agrees) and replies (the receipt shows it, emailed)', async () => {
    const el = await signedIn();
    await search(el, `${marker} lamp`);
    expect(items(el)).to.have.length(1);
    $(el, '#item-0').click();
    await waitUntil(() => text(maybe(el, '#pane-title')).startsWith('Message '), 'the pane did not open', { timeout: 15_000 });
    await el.updateComplete;
    expect(active(el)?.id, 'focus moves to the pane').to.equal('pane');
    expect($(el, '#item-0').getAttribute('aria-current')).to.equal('true');
    expect(text($(el, '#pane-title'))).to.equal(`Message ${seeded.lamp.receipt}`);
    const facts = all(el, '.facts > div').map((d) => `${text(d.querySelector('dt'))}: ${text(d.querySelector('dd'))}`);
    expect(facts.slice(0, 5)).to.deep.equal(['Kind: Problem', 'Status: Received', 'Rating: 2 of 5', 'Service: Street lighting', 'Channel: Phone']);
    expect(facts[5]).to.match(/^Received: \S/);
    expect(text($(el, '#pane .text'))).to.equal(`${marker} broken lamp on Elm Street <img src=x onerror=alert(1)>`);
    expect(text($(el, '#reply-hint'))).to.include('They left an address, so it is also emailed to them');
    expect(smallTargets(el), 'every target 24 px or more (WCAG 2.2, 2.5.8)').to.deep.equal([]);
    await expect(el).to.be.accessible();

    await choose(el, '#new-status', 'in-review');
    button(el, 'Change status').click();
    await waitUntil(() => status(el) === 'Status changed to In review', 'no announcement of the status change', { timeout: 15_000 });
    const afterStatus = await staff<{ items: { id: string; status: string }[] }>('GET', `staff/feedback?q=${marker}%20lamp`);
    expect(afterStatus.items.find((i) => i.id === seeded.lamp.id)?.status).to.equal('in-review');
    expect(text($(el, '#pane-status'))).to.equal('In review');
    expect(focusDropped()).to.equal(false);

    // An empty reply is not sent: the field says why and takes focus.
    $<HTMLTextAreaElement>(el, '#reply').focus();
    button(el, 'Send reply').click();
    await waitUntil(() => maybe(el, '#reply-error'), 'no error for an empty reply');
    expect(text($(el, '#reply-error'))).to.equal('Error: Write your reply');
    await expect(el).to.be.accessible();

    const reply = `Thank you, ${marker}: the lamp is fixed on Friday.`;
    type(el, '#reply', reply);
    button(el, 'Send reply').click();
    await waitUntil(() => status(el) === 'Reply sent and emailed to the resident.', 'no announcement of the reply', { timeout: 15_000 });
    expect($<HTMLTextAreaElement>(el, '#reply').value).to.equal('');
    expect(maybe(el, '#reply-error')).to.equal(null);
    expect(text($(el, '#pane-status'))).to.equal('Answered');
    expect(text($(el, '#pane .replies'))).to.include(reply);
    const receipt = (await (await fetch(`${env.apiUrl}/v1/councils/${env.desk.council}/feedback/${seeded.lamp.receipt}`)).json()) as { status: string; replies: { text: string }[] };
    expect(receipt.status).to.equal('answered');
    expect(receipt.replies.map((r) => r.text)).to.deep.equal([reply]);
    const afterReply = await staff<{ items: { id: string; replies: { emailed: boolean }[] }[] }>('GET', `staff/feedback?q=${marker}%20lamp`);
    expect(afterReply.items.find((i) => i.id === seeded.lamp.id)?.replies.map((r) => r.emailed)).to.deep.equal([true]);
    await expect(el).to.be.accessible();

    button(el, 'Back to the list').click();
    await el.updateComplete;
    await waitUntil(() => active(el)?.id === 'item-0', 'focus did not go back to the message in the list');
  });

  it('in forced colours the open view and the message in the reading pane keep a mark of their own [chromium]', async function () {
    const el = await signedIn();
    await search(el, `${marker} lamp`);
    $(el, '#item-0').click();
    await waitUntil(() => maybe(el, '#pane-title') && $(el, '#item-0').getAttribute('aria-current') === 'true', 'the pane did not open', { timeout: 15_000 });
    if (!(await executeServerCommand<boolean, { active: boolean }>('civicloop-forced-colors', { active: true }))) this.skip();
    try {
      expect(matchMedia('(forced-colors: active)').matches).to.equal(true);
      const edge = (node: Element) => getComputedStyle(node).borderBlockEndColor;
      const current = $(el, '.nav-button[aria-current="page"]');
      const others = all(el, '.nav-button:not([aria-current="page"])');
      expect(others.length).to.be.greaterThan(0);
      for (const other of others) expect(edge(other), text(other)).to.not.equal(edge(current));
      // The open message against one that is not: another border colour and a wider start edge.
      const open = getComputedStyle($(el, '#item-0'));
      const shut = all(el, '[part~="item"]').find((item) => item.getAttribute('aria-current') !== 'true');
      if (shut) {
        expect(open.borderInlineStartColor).to.not.equal(getComputedStyle(shut).borderInlineStartColor);
        expect(parseFloat(open.borderInlineStartWidth)).to.be.greaterThan(parseFloat(getComputedStyle(shut).borderInlineStartWidth));
      } else expect(parseFloat(open.borderInlineStartWidth)).to.be.greaterThan(4);
    } finally {
      await executeServerCommand('civicloop-forced-colors', { active: false });
    }
  });

  it('says when no address was left: the reply is not emailed', async () => {
    const el = await signedIn();
    await search(el, `${marker} benches`);
    $(el, '#item-0').click();
    await waitUntil(() => maybe(el, '#reply-hint'), 'the pane did not open', { timeout: 15_000 });
    expect(text($(el, '#reply-hint'))).to.include('They left no address, so it is not emailed.');
    type(el, '#reply', `Noted, ${marker}.`);
    button(el, 'Send reply').click();
    await waitUntil(() => status(el) === 'Reply sent.', 'no announcement of the reply', { timeout: 15_000 });
  });

  it('signs out: the token is forgotten in this tab, and the form is back', async () => {
    const el = await signedIn();
    await search(el, `${marker} benches`);
    button(el, 'Sign out').click();
    await waitUntil(() => maybe(el, '#signed-out'), 'no signed-out notice', { timeout: 15_000 });
    await el.updateComplete;
    expect(sessionStorage.getItem(key())).to.equal(null);
    expect(sessionStorage.length).to.equal(0);
    expect(maybe(el, '#inbox')).to.equal(null);
    expect(active(el)?.id, 'focus on the notice').to.equal('signed-out');
    expect(text($(el, '#signed-out-title'))).to.equal('You are signed out.');
    await expect(el).to.be.accessible();

    // Signing in again starts from the whole inbox, with an empty search box.
    type(el, '#token', env.desk.editor);
    button(el, 'Sign in').click();
    await listed(el);
    expect($<HTMLInputElement>(el, '#q').value).to.equal('');
    expect(items(el).length).to.be.greaterThan(1);
    button(el, 'Sign out').click();
    await waitUntil(() => maybe(el, '#signed-out'), 'no signed-out notice', { timeout: 15_000 });

    // A new element in this tab starts signed out.
    fixtureCleanup();
    const again = await render();
    expect(maybe(again, '#token')).to.not.equal(null);
    expect(maybe(again, '#inbox')).to.equal(null);
  });

  it('a kept token the API no longer accepts is forgotten, with a notice', async () => {
    sessionStorage.setItem(key(), 'revoked-token-0000000000');
    const el = await render();
    await waitUntil(() => maybe(el, '#ended'), 'no notice that the session ended', { timeout: 15_000 });
    expect(sessionStorage.getItem(key())).to.equal(null);
    expect(maybe(el, '#token-error'), 'not the field’s error: nothing was typed').to.equal(null);
    await expect(el).to.be.accessible();
  });

  /** What the console keeps about a single sign-on session in the tab, expiring at `expiresAt`. */
  const info = (expiresAt: string) => JSON.stringify({ person: { subject: 'ewa', name: 'Ewa Kowalska' }, role: 'editor', expiresAt });

  it('a kept single sign-on session names the person; one past its expiry is not tried again, and said to have ended', async () => {
    // The desk's token stands in for a session token: the API takes it, so only the kept expiry decides.
    sessionStorage.setItem(key(), env.desk.editor);
    sessionStorage.setItem(sessionKey(key()), info(new Date(Date.now() + 3_600_000).toISOString()));
    const el = await render();
    await listed(el);
    expect(text($(el, '[part~="session"] p'))).to.match(/^Signed in as Ewa Kowalska, until /);
    await expect(el).to.be.accessible();

    fixtureCleanup();
    sessionStorage.setItem(key(), env.desk.editor);
    sessionStorage.setItem(sessionKey(key()), info(new Date(Date.now() - 1).toISOString()));
    const ended = await render();
    await waitUntil(() => maybe(ended, '#ended'), 'no notice that the session ended', { timeout: 15_000 });
    expect(maybe(ended, '#inbox')).to.equal(null);
    expect(sessionStorage.getItem(key())).to.equal(null);
    expect(sessionStorage.getItem(sessionKey(key()))).to.equal(null);
  });

  it('a single sign-on session ends by the page\'s clock at its expiry, without waiting for a refused call', async () => {
    // The page's clock stands still while the console reads it, so the expiry timer's delay is
    // exactly the hour left; that timer is held, then run as the hour passes.
    const at = Date.now();
    const realNow = Date.now;
    Date.now = () => at;
    const hour = holdTimers(3_600_000);
    try {
      sessionStorage.setItem(key(), env.desk.editor);
      sessionStorage.setItem(sessionKey(key()), info(new Date(at + 3_600_000).toISOString()));
      const el = await render();
      await listed(el);
      expect(hour.held()).to.equal(1, 'one timer, for the session\'s end');
      hour.flush();
      await waitUntil(() => maybe(el, '#ended'), 'no notice that the session ended');
      expect(maybe(el, '#inbox')).to.equal(null);
      expect(sessionStorage.getItem(key())).to.equal(null);
      expect(sessionStorage.getItem(sessionKey(key()))).to.equal(null);
    } finally {
      hour.restore();
      Date.now = realNow;
    }
  });
});
