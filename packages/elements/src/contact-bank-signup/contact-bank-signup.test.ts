// <contact-bank-signup> against the real server (through the fault proxy) and a real SMTP server
// (tests/support/browser-env.ts): the kit's shared form suite, then what is its own: the
// questions an association answers, axe in every state of every mode, the draft that never keeps
// who someone is, pass-it-on, and the links from the emails (confirm, manage, invitation).
import { expect, fixture, fixtureCleanup, html, oneEvent } from '@open-wc/testing';
import { waitUntil } from '../kit/testing/wait.js';
import { formSuite, type TestEnv } from '../kit/testing/form-suite.js';
import { errorProblems, focusDropped, focusRingContrast, smallTargets, useDemoTheme, watchAnnouncements, type DemoTheme } from '../kit/testing/a11y-suite.js';
import { forgetCouncils } from '../kit/stores/council.js';
import './contact-bank-signup.js';
import type { ContactBankSignup } from './contact-bank-signup.js';

interface BankEnv extends TestEnv {
  bank: { council: string; editor: string };
}

const $ = <T extends Element = HTMLElement>(el: HTMLElement, s: string) => el.shadowRoot!.querySelector<T>(s);
const text = (n: Element | null | undefined) => (n?.textContent ?? '').replace(/\s+/g, ' ').trim();
const unique = (label: string) => `${label} ${crypto.randomUUID()}`;
const address = () => `${crypto.randomUUID()}@example.org`;

function input(el: HTMLElement, selector: string, value: string): void {
  const i = $<HTMLInputElement>(el, selector)!;
  i.value = value;
  i.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
}

function tick(el: HTMLElement, selector: string): void {
  $<HTMLInputElement>(el, selector)!.click();
}

/** A valid sign-up of an association named `organisation`. */
async function fill(el: HTMLElement, organisation: string, email = address()): Promise<void> {
  // The council's bank settings (its formats, districts, consent text), unless the council is unknown.
  if (el.getAttribute('council') === env.bank.council) await waitUntil(() => $(el, '[part~="consent"] a'), 'the bank settings did not arrive');
  tick(el, 'input[name="kind"][value="association"]');
  await (el as ContactBankSignup).updateComplete;
  input(el, '#organisation', organisation);
  input(el, '#name', 'Kim Example');
  input(el, '#email', email);
  tick(el, 'input[name="languages"]');
  tick(el, 'input[name="consent"][value="invitations"]');
  await (el as ContactBankSignup).updateComplete;
}

async function render(env: BankEnv, attrs: Record<string, string | undefined> = {}, parent?: HTMLElement): Promise<ContactBankSignup> {
  const el = document.createElement('contact-bank-signup');
  const all = { api: env.apiUrl, council: env.bank.council, ...attrs };
  for (const [name, value] of Object.entries(all)) if (value !== undefined) el.setAttribute(name, value);
  (parent ?? (await fixture<HTMLDivElement>(html`<div></div>`))).append(el);
  await waitUntil(() => $(el, 'input[name="kind"]') || $(el, '[part~="notice"]'), 'the element did not render');
  return el;
}

/** The token of the newest mail to `to` whose link carries `#kind=`, from the test SMTP server. */
async function mailToken(to: string, kind: 'token' | 'manage' | 'invitation'): Promise<string> {
  let token = '';
  await waitUntil(async () => {
    const res = await fetch(`/__bank/mail?to=${encodeURIComponent(to)}&kind=${kind}`);
    if (res.ok) token = ((await res.json()) as { token: string }).token;
    return Boolean(token);
  }, `no mail with #${kind}= to ${to}`, { timeout: 15_000 });
  return token;
}

/** Opens the element as a link from an email does: the page address carries the token. */
async function openLink(env: BankEnv, fragment: string): Promise<ContactBankSignup> {
  history.replaceState(null, '', `${location.pathname}${location.search}#${fragment}`);
  const el = await render(env);
  await waitUntil(() => $(el, '#task') && !text($(el, '#task-title')).endsWith('…'), 'the task did not settle', { timeout: 15_000 });
  return el;
}

let env: BankEnv;
before(async () => {
  env = (await (await fetch('/__test-env.json')).json()) as BankEnv;
});
afterEach(() => {
  fixtureCleanup();
  localStorage.clear();
  history.replaceState(null, '', location.pathname + location.search);
});

formSuite({
  tag: 'contact-bank-signup',
  events: { submitted: 'cocreate-signed-up', queued: 'cocreate-queued' },
  render: (e, attrs, parent) => render(e as BankEnv, attrs, parent),
  fill: (el, words) => fill(el, words),
  textField: (el) => $<HTMLInputElement>(el, '#organisation')!,
  selectors: { submit: 'button[type="submit"]', errorSummary: '[part~="error-summary"]', receiptCode: '[part~="check-email"]', notice: '[part~="notice"]' },
  landmarkText: { en: 'Who is signing up?', pl: 'Kto się zapisuje?', sv: 'Vem anmäler sig?' },
  council: (e) => (e as BankEnv).bank.council,
  stored: async (organisation) => ((await (await fetch(`/__bank/stored?organisation=${encodeURIComponent(organisation)}`)).json()) as { count: number }).count,
  keyboard(focused, words) {
    if (focused.id === 'organisation' && !(focused as HTMLInputElement).value) return { type: words.slice(0, 40) };
    if (focused.id === 'name' && !(focused as HTMLInputElement).value) return { type: 'Kim Keyboard' };
    if (focused.id === 'email' && !(focused as HTMLInputElement).value) return { type: `keyboard.${Date.now()}@example.org` };
    const box = focused as HTMLInputElement;
    // The first language and the first purpose: Space ticks a box (' ': Firefox over BiDi knows no 'Space').
    if (box.type === 'checkbox' && !box.checked && ['languages', 'consent'].includes(box.name) && !box.closest('fieldset')!.querySelector('input:checked')) return { press: ' ' };
    return undefined;
  },
});

describe('<contact-bank-signup>', () => {
  it('asks an association for its name and contact person, with errors that name each field', async () => {
    const el = await render(env);
    expect($(el, '#organisation')).to.equal(null);
    tick(el, 'input[name="kind"][value="business"]');
    await el.updateComplete;
    expect($(el, '#organisation')!.getAttribute('autocomplete')).to.equal('organization');
    expect($(el, '#name')!.getAttribute('autocomplete')).to.equal('name');
    // What the form needs is said to assistive technology before anyone sends; "(optional)" says the rest.
    expect([...el.shadowRoot!.querySelectorAll<HTMLInputElement>('input[name="kind"]')].every((r) => r.required)).to.equal(true);
    for (const id of ['#organisation', '#name', '#email']) expect($(el, id)!.getAttribute('aria-required'), id).to.equal('true');
    expect($(el, '#phone')!.hasAttribute('aria-required')).to.equal(false);
    $<HTMLButtonElement>(el, 'button[type="submit"]')!.click();
    await el.updateComplete;
    const errors = [...el.shadowRoot!.querySelectorAll('[part~="error-summary"] a')].map((a) => a.getAttribute('href'));
    expect(errors).to.deep.equal(['#organisation', '#name', '#email', '#languages', '#consent']);
    expect(focusDropped()).to.equal(false);
    await expect(el).to.be.accessible();
    expect(smallTargets(el)).to.deep.equal([]);
  });

  it('shows the council’s consent text, its version, how long consent lasts and the privacy notice', async () => {
    const el = await render(env);
    await waitUntil(() => $(el, '[part~="consent"] a'), 'no privacy link');
    const consent = text($(el, '[part~="consent"]'));
    expect(consent).to.include('I agree that the council may contact me');
    expect(consent).to.include('24 months');
    expect(consent).to.include('v1');
    expect($<HTMLAnchorElement>(el, '[part~="consent"] a')!.href).to.equal('https://council.example/privacy');
    // One checkbox per purpose, none ticked for them.
    const purposes = [...el.shadowRoot!.querySelectorAll<HTMLInputElement>('input[name="consent"]')];
    expect(purposes.map((p) => [p.value, p.checked])).to.deep.equal([['invitations', false], ['news', false]]);
  });

  it('says how long consent lasts with the plural its language needs (the browser\'s), not one fixed word', async () => {
    for (const [lang, before] of [['pl', 'Twoja zgoda obowiązuje przez'], ['ro', 'este valabil']] as const) {
      const el = await render(env, { lang });
      await waitUntil(() => $(el, '[part~="consent"] a'), 'no privacy link');
      const months = new Intl.NumberFormat(lang, { style: 'unit', unit: 'month', unitDisplay: 'long' }).format(24);
      expect(text($(el, '[part~="consent"]'))).to.include(`${before} ${months}.`);
      fixtureCleanup();
    }
  });

  it('keeps the resident’s choices as a draft, never their name, email, phone, needs, age or consent', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div></div>`);
    let el = await render(env, {}, wrapper);
    const organisation = unique('Draft Allotments');
    await fill(el, organisation, 'draft.person@example.org');
    input(el, '#phone', '+44 20 7946 0000');
    tick(el, 'input[name="accessibility"][value="step-free-access"]');
    await el.updateComplete;
    const stored = JSON.stringify({ ...localStorage });
    for (const personal of ['Kim Example', 'draft.person@example.org', '7946', 'step-free-access', 'invitations']) expect(stored, personal).to.not.include(personal);
    fixtureCleanup();
    el = await render(env, {}, await fixture<HTMLDivElement>(html`<div></div>`));
    expect($<HTMLInputElement>(el, '#organisation')!.value).to.equal(organisation);
    expect($<HTMLInputElement>(el, '#email')!.value).to.equal('');
    expect($<HTMLInputElement>(el, 'input[name="consent"][value="invitations"]')!.checked).to.equal(false);
  });

  it('after sending: "check your email", and a pass-it-on link with an opaque code, no address', async () => {
    const el = await render(env);
    const email = address();
    await fill(el, unique('Pass-it-on Club'), email);
    const sent = oneEvent(el, 'cocreate-signed-up');
    $<HTMLButtonElement>(el, 'button[type="submit"]')!.click();
    await sent;
    await waitUntil(() => $(el, '[part~="check-email"]'), 'no check-your-email panel');
    await expect(el).to.be.accessible();
    const link = text($(el, '#share-link'));
    const url = new URL(link);
    expect(url.origin + url.pathname).to.equal(location.origin + location.pathname);
    expect(url.search).to.equal('');
    expect(url.hash).to.match(/^#via=[A-Za-z0-9._~-]+$/);
    expect(link).to.not.include(email);
    expect($(el, '[part~="share"] button')).to.not.equal(null);
    // The confirmation email came, with a link back to this page.
    expect(await mailToken(email, 'token')).to.not.equal('');
  });

  it('a passed-on link counts the join as pass-it-on; the confirm link activates it; manage shows it', async () => {
    // Someone signs up and passes the page on.
    const first = await render(env);
    await fill(first, unique('First Society'));
    const sent = oneEvent(first, 'cocreate-signed-up');
    $<HTMLButtonElement>(first, 'button[type="submit"]')!.click();
    await sent;
    await waitUntil(() => $(first, '#share-link'), 'no share link');
    const via = new URL(text($(first, '#share-link'))).hash.slice(1);
    fixtureCleanup();

    // A friend opens the passed-on link and signs up.
    history.replaceState(null, '', `${location.pathname}#${via}`);
    const friend = await render(env);
    expect(location.hash, 'the code leaves the address once read').to.equal('');
    const email = address();
    await fill(friend, unique('Friend Society'), email);
    const friendSent = oneEvent(friend, 'cocreate-signed-up');
    $<HTMLButtonElement>(friend, 'button[type="submit"]')!.click();
    await friendSent;
    fixtureCleanup();

    // The confirm link: "you are in", said once, then on to manage.
    const confirm = await openLink(env, `token=${await mailToken(email, 'token')}`);
    expect(text($(confirm, '#task-title'))).to.equal('You are in the contact bank');
    // Not the sign-up form's size: no gap under this short view.
    expect(confirm.hasAttribute('reserving')).to.equal(false);
    expect(confirm.getBoundingClientRect().height - $(confirm, '[part~="base"]')!.getBoundingClientRect().height).to.be.below(1);
    expect(location.hash).to.equal('');
    await expect(confirm).to.be.accessible();
    $<HTMLButtonElement>(confirm, '#manage')!.click();
    await waitUntil(() => $(confirm, 'dl.entry'), 'manage did not open');
    const entry = text($(confirm, 'dl.entry'));
    expect(entry).to.include(email);
    expect(entry).to.include('Friend Society');
    await expect(confirm).to.be.accessible();
    // The download is everything held about them, joined through pass-it-on.
    const json = await confirmDownload(confirm);
    expect(json.email).to.equal(email);
    expect(json.joinedVia).to.equal('pass-it-on');
    expect(json.status).to.equal('active');
  });

  it('under the page’s own heading, its headings go one level down at a time (heading-level)', async () => {
    const page = await fixture<HTMLDivElement>(html`<div><h2>Take part</h2></div>`);
    const el = await render(env, { 'heading-level': '3' }, page);
    await waitUntil(() => $(el, '[part~="consent"] a'), 'the bank settings did not arrive');
    const levels = [...el.shadowRoot!.querySelectorAll('h1, h2, h3, h4, h5, h6, [role="heading"]')].map((h) => Number(h.getAttribute('aria-level') ?? h.localName.slice(1)));
    expect(levels[0], 'the first heading is at heading-level').to.equal(3);
    await expect(page).to.be.accessible();
  });

  it('a link from an email brings its view into sight, far down a long page, as a fragment link would', async () => {
    const page = await fixture<HTMLDivElement>(html`<div></div>`);
    const above = document.createElement('div');
    above.style.blockSize = '400vh';
    page.append(above);
    history.replaceState(null, '', `${location.pathname}${location.search}#token=${'A'.repeat(43)}`);
    const el = await render(env, {}, page);
    await waitUntil(() => $(el, '#task') && !text($(el, '#task-title')).endsWith('…'), 'the task did not settle', { timeout: 15_000 });
    await waitUntil(() => {
      const { top } = $(el, '#task')!.getBoundingClientRect();
      return top >= 0 && top < innerHeight;
    }, 'the view from the link stayed out of sight');
    scrollTo(0, 0);
  });

  it('manage: change what they signed up for, then withdraw; the link is dead afterwards', async () => {
    const email = address();
    const manageToken = await signUpAndConfirm(email);
    const el = await openLink(env, `manage=${manageToken}`);
    // Questions left unanswered (no area, no service) say so in words, not a bare dash.
    await waitUntil(() => $(el, 'dl.entry'), 'the entry is not shown', { timeout: 15_000 });
    expect(text($(el, 'dl.entry'))).to.include('None chosen');
    expect(text($(el, 'dl.entry'))).to.not.include('—');
    const log = watchAnnouncements(el);
    // A download said in the status region is not left there for the next view.
    await confirmDownload(el);
    await waitUntil(() => text($(el, '[part~="status"]')) === 'Your data is downloaded as contact-bank.json', 'the download was not said');
    $<HTMLButtonElement>(el, '#change')!.click();
    await el.updateComplete;
    expect(text($(el, '[part~="status"]'))).to.equal('');
    expect(el.shadowRoot!.activeElement?.matches('form'), 'focus moves to the form').to.equal(true);
    expect($(el, '#email'), 'the email cannot change').to.equal(null);
    tick(el, 'input[name="consent"][value="news"]');
    tick(el, 'input[name="formats"][value="workshop"]');
    await el.updateComplete;
    await expect(el).to.be.accessible();
    $<HTMLButtonElement>(el, 'button[type="submit"]')!.click();
    await waitUntil(() => text($(el, '#task-title')) === 'Your changes are saved', 'not saved');
    expect(text($(el, 'dl.entry'))).to.include('Workshops');
    expect(text($(el, 'dl.entry'))).to.include('send me news of what came out of them');

    $<HTMLButtonElement>(el, '#withdraw')!.click();
    await waitUntil(() => el.shadowRoot!.activeElement?.id === 'withdraw-cancel', 'focus did not move to the confirmation');
    await expect(el).to.be.accessible();
    $<HTMLButtonElement>(el, '#withdraw-confirm')!.click();
    await waitUntil(() => text($(el, '#task-title')) === 'You have left the contact bank', 'not withdrawn');
    expect(focusDropped()).to.equal(false);
    // Said once: by focus landing on the outcome or by the status region, never both.
    expect(log.said.filter((t) => t.includes('You have left the contact bank')).length).to.equal(1);
    log.stop();
    fixtureCleanup();

    const dead = await openLink(env, `manage=${manageToken}`);
    expect(text($(dead, '#task-title'))).to.equal('This link did not work');
    expect(text($(dead, '#task'))).to.include('no longer works');
    await expect(dead).to.be.accessible();
  });

  it('an invitation: the activity, then yes; an unknown invitation link says it does not work', async () => {
    const email = address();
    // The only contact of the south district, open to workshops: the one invited.
    const manageToken = await signUpAndConfirm(email, { district: 'south', format: 'workshop' });
    try {
      const invited = await fetch('/__bank/invite', { method: 'POST', body: JSON.stringify({ district: 'south' }) });
      const sent = (await invited.json()) as { invited: number };
      expect(sent.invited, JSON.stringify(sent)).to.equal(1);
      const el = await openLink(env, `invitation=${await mailToken(email, 'invitation')}`);
      expect(text($(el, '#task-title'))).to.equal('Library opening hours workshop');
      expect(text($(el, '#task'))).to.include('Workshops');
      await expect(el).to.be.accessible();
      $<HTMLButtonElement>(el, '[role="group"] button')!.click();
      await waitUntil(() => text($(el, '#task-title')) === 'Thank you, see you there', 'not answered');
      expect(((await (await fetch(`/__bank/accepted?email=${encodeURIComponent(email)}`)).json()) as { accepted: boolean }).accepted).to.equal(true);
      fixtureCleanup();
    } finally {
      // The server outlives this engine's run: the next engine's run must find the south district empty again.
      await fetch(`${env.apiUrl}/v1/councils/${env.bank.council}/contacts/me`, { method: 'DELETE', headers: { authorization: `Bearer ${manageToken}` } });
    }

    const unknown = await openLink(env, 'invitation=no-such-token');
    expect(text($(unknown, '#task-title'))).to.equal('This link did not work');
    await expect(unknown).to.be.accessible();
  });

  for (const theme of ['light', 'tinted', 'dark'] as DemoTheme[]) {
    it(`on the ${theme} demo theme: focus rings of 3:1 or more, errors true, axe clean`, async () => {
      const off = await useDemoTheme(theme);
      try {
        const el = await render(env);
        tick(el, 'input[name="kind"][value="association"]');
        await el.updateComplete;
        $<HTMLButtonElement>(el, 'button[type="submit"]')!.click();
        await el.updateComplete;
        expect(errorProblems(el)).to.deep.equal([]);
        const rings: Record<string, number> = {};
        for (const [name, selector] of [['Send', 'button[type="submit"]'], ['checkbox', 'input[name="formats"]'], ['radio', 'input[name="kind"]'], ['organisation', '#organisation'], ['summary link', '[part~="error-summary"] a']] as const)
          rings[name] = (await focusRingContrast($(el, selector)!)).contrast;
        for (const [name, c] of Object.entries(rings)) expect(c, `${name} focus ring on ${theme}`).to.be.at.least(3);
        await expect(el).to.be.accessible();
      } finally {
        off();
      }
    });
  }

  describe('when the council changes its consent text while the form is open', () => {
    let previous: unknown;
    /** The council's new consent (as an operator gives with `council update --contact-bank`). */
    async function changeConsent(version: string, en: string): Promise<void> {
      const answer = (await (await fetch('/__bank/consent', { method: 'POST', body: JSON.stringify({ version, text: en }) })).json()) as { previous: unknown };
      previous ??= answer.previous;
    }
    const proxy = (mode: 'pass' | 'down') => fetch(env.proxyControl, { method: 'POST', body: JSON.stringify({ mode }) });
    const consentBoxes = (el: HTMLElement) => [...el.shadowRoot!.querySelectorAll<HTMLInputElement>('input[name="consent"]')].map((b) => b.checked);
    const stored = async (organisation: string) => ((await (await fetch(`/__bank/stored?organisation=${encodeURIComponent(organisation)}`)).json()) as { count: number }).count;

    afterEach(async () => {
      await proxy('pass');
      if (previous) await fetch('/__bank/consent-restore', { method: 'POST', body: JSON.stringify({ consent: previous }) });
      previous = undefined;
      // The page's copy of the council (and the browser's HTTP cache of it) back to the restored text, for the tests after these.
      await fetch(`${env.apiUrl}/v1/councils/${env.bank.council}`, { cache: 'reload', credentials: 'omit', headers: { accept: 'application/json, application/problem+json' } });
      forgetCouncils();
    });

    /** What the resident typed is still there, their consent is not. */
    function expectKeptButUnticked(el: ContactBankSignup, organisation: string, email: string): void {
      expect($<HTMLInputElement>(el, 'input[name="kind"][value="association"]')!.checked).to.equal(true);
      expect($<HTMLInputElement>(el, '#organisation')!.value).to.equal(organisation);
      expect($<HTMLInputElement>(el, '#name')!.value).to.equal('Kim Example');
      expect($<HTMLInputElement>(el, '#email')!.value).to.equal(email);
      expect($<HTMLInputElement>(el, 'input[name="languages"]')!.checked).to.equal(true);
      expect(consentBoxes(el), 'consent is given afresh, to the new text').to.deep.equal([false, false]);
    }

    it('says so plainly, shows the new text, unticks consent and keeps the rest; sent again, it goes', async () => {
      const el = await render(env);
      const organisation = unique('Consent Changed Society');
      const email = address();
      await fill(el, organisation, email);
      expect(text($(el, '[part~="consent"]'))).to.include('v1');
      await changeConsent('v2', 'I agree, under the council’s new rules, that the council may contact me.');
      const log = watchAnnouncements(el);
      const refused = oneEvent(el, 'cocreate-error');
      $<HTMLButtonElement>(el, 'button[type="submit"]')!.click();
      expect(((await refused) as CustomEvent<{ status: number }>).detail.status).to.equal(409);
      await waitUntil(() => text($(el, '[part~="consent"]')).includes('new rules'), 'the new consent text was not shown');
      expect(text($(el, '#outcome-title'))).to.equal('The council’s consent text has changed');
      expect(text($(el, '#outcome'))).to.include('tick again what you agree to');
      expect(text($(el, '[part~="consent"]'))).to.include('v2');
      expectKeptButUnticked(el, organisation, email);
      expect(log.said.filter((t) => t.includes('consent text has changed')).length, 'told once').to.equal(1);
      log.stop();
      expect(focusDropped()).to.equal(false);
      await expect(el).to.be.accessible();
      expect(await stored(organisation)).to.equal(0);

      // Sent without ticking again: the consent question says what is missing.
      $<HTMLButtonElement>(el, 'button[type="submit"]')!.click();
      await waitUntil(() => $(el, '[part~="error-summary"]'), 'no error summary');
      expect([...el.shadowRoot!.querySelectorAll('[part~="error-summary"] a')].map((a) => a.getAttribute('href'))).to.deep.equal(['#consent']);
      tick(el, 'input[name="consent"][value="invitations"]');
      await el.updateComplete;
      const sent = oneEvent(el, 'cocreate-signed-up');
      $<HTMLButtonElement>(el, 'button[type="submit"]')!.click();
      await sent;
      expect(await stored(organisation)).to.equal(1);
    });

    it('opened offline, its consent text never shown: joining is refused on the spot, nothing is kept to send later', async () => {
      await proxy('down');
      // A council this page never asked for: nothing of it in any cache.
      const el = await render(env, { council: `never-loaded-${Math.random().toString(36).slice(2, 8)}` });
      await fill(el, unique('Unseen Consent Society'));
      let kept = false;
      el.addEventListener('cocreate-queued', () => (kept = true));
      $<HTMLButtonElement>(el, 'button[type="submit"]')!.click();
      await waitUntil(() => $(el, '[part~="error-summary"]'), 'no error summary');
      expect(text($(el, '[part~="error-summary"]'))).to.include('The council’s consent text has not loaded, so you cannot join the contact bank yet');
      expect([...el.shadowRoot!.querySelectorAll('[part~="error-summary"] a')].map((a) => a.getAttribute('href'))).to.deep.equal(['#consent']);
      expect(kept, 'not kept to be sent later').to.equal(false);
      await expect(el).to.be.accessible();
    });

    it('a sign-up kept offline and refused for the new text later comes back as not sent, words kept, consent unticked', async () => {
      const el = await render(env);
      const organisation = unique('Offline Consent Society');
      const email = address();
      await fill(el, organisation, email);
      await proxy('down');
      const kept = oneEvent(el, 'cocreate-queued');
      $<HTMLButtonElement>(el, 'button[type="submit"]')!.click();
      await kept;
      await changeConsent('v3', 'I agree, as from this spring, that the council may contact me.');
      await proxy('pass');
      const refused = oneEvent(el, 'cocreate-error');
      window.dispatchEvent(new Event('online'));
      expect(((await refused) as CustomEvent<{ status: number }>).detail.status).to.equal(409);
      await waitUntil(() => text($(el, '[part~="consent"]')).includes('as from this spring'), 'the new consent text was not shown', { timeout: 15_000 });
      expect(text($(el, '#outcome-title'))).to.equal('The council’s consent text has changed');
      expect(text($(el, '#outcome'))).to.include('kept on this device, was not sent');
      expect(text(el.shadowRoot!), 'not "it will be sent"').to.not.include('sent automatically');
      expectKeptButUnticked(el, organisation, email);
      await expect(el).to.be.accessible();
      expect(await stored(organisation)).to.equal(0);
      tick(el, 'input[name="consent"][value="news"]');
      await el.updateComplete;
      const sent = oneEvent(el, 'cocreate-signed-up');
      $<HTMLButtonElement>(el, 'button[type="submit"]')!.click();
      await sent;
      expect(await stored(organisation)).to.equal(1);
    });
  });

  it('shows the form whole, once the council’s settings and services are in, so nothing in it moves', async () => {
    forgetCouncils();
    await fetch(env.proxyControl, { method: 'POST', body: JSON.stringify({ mode: 'delay', ms: 1500 }) });
    try {
      // The same server by another name: nothing of it in this page's stores or the browser's HTTP cache.
      const el = await render(env, { api: env.apiUrl.replace('127.0.0.1', 'localhost') });
      const base = $(el, '[part~="base"]')!;
      expect($(el, '#district'), 'the settings are still on their way').to.equal(null);
      expect(getComputedStyle(base).visibility, 'a half form is not shown').to.equal('hidden');
      await waitUntil(() => $(el, '#district') && $(el, 'input[name="categories"]'), 'the settings did not arrive', { timeout: 15_000 });
      await el.updateComplete;
      expect(getComputedStyle(base).visibility).to.equal('visible');
      await expect(el).to.be.accessible();
    } finally {
      await fetch(env.proxyControl, { method: 'POST', body: JSON.stringify({ mode: 'pass' }) });
    }
  });

  it('says so, without a form, when the council runs no contact bank', async () => {
    const el = await render(env, { council: env.council });
    await waitUntil(() => $(el, '[part~="setup"]'), 'no notice');
    expect(text($(el, '[part~="setup"]'))).to.include('This council has no contact bank');
    expect($(el, 'form')).to.equal(null);
    await expect(el).to.be.accessible();
  });
});

/** Signs `email` up from the element, confirms it from the mail, and returns the manage token. */
async function signUpAndConfirm(email: string, also: { district?: string; format?: string } = {}): Promise<string> {
  const el = await render(env);
  await fill(el, unique('Confirmed Society'), email);
  if (also.format) tick(el, `input[name="formats"][value="${also.format}"]`);
  if (also.district) {
    const select = $<HTMLSelectElement>(el, '#district')!;
    select.value = also.district;
    select.dispatchEvent(new Event('change'));
  }
  await el.updateComplete;
  const sent = oneEvent(el, 'cocreate-signed-up');
  $<HTMLButtonElement>(el, 'button[type="submit"]')!.click();
  await sent;
  fixtureCleanup();
  const confirmed = await fetch(`${env.apiUrl}/v1/councils/${env.bank.council}/contacts/confirm`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ token: await mailToken(email, 'token') }),
  });
  expect(confirmed.status).to.equal(200);
  return ((await confirmed.json()) as { manageToken: string }).manageToken;
}

/** Clicks "Download my data" and reads the JSON file the element offers. */
async function confirmDownload(el: ContactBankSignup): Promise<Record<string, unknown>> {
  const original = URL.createObjectURL;
  let blob: Blob | undefined;
  URL.createObjectURL = (b: Blob | MediaSource) => ((blob = b as Blob), original.call(URL, b));
  // The download itself goes to the browser's download folder: keep the page where it is.
  const click = HTMLAnchorElement.prototype.click;
  HTMLAnchorElement.prototype.click = function () {};
  try {
    $<HTMLButtonElement>(el, '#download')!.click();
    await waitUntil(() => blob, 'nothing downloaded');
  } finally {
    URL.createObjectURL = original;
    HTMLAnchorElement.prototype.click = click;
  }
  expect(blob!.type).to.equal('application/json');
  return JSON.parse(await blob!.text()) as Record<string, unknown>;
}
