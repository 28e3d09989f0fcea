// <cocreate-feedback> in real Chromium against the real reference server (through the fault
// proxy of web-test-runner.config.mjs). No mocked fetch: the offline, timeout and refusal
// states are the network and the server really failing.
import { aTimeout, expect, fixture, fixtureCleanup, html, oneEvent } from '@open-wc/testing';
import { waitUntil } from '../kit/testing/wait.js';
import { sendKeys } from '@web/test-runner-commands';
import { ifDefined } from 'lit/directives/if-defined.js';
import { LOCALES } from '@civicloop/contract/locales';
import './cocreate-feedback.js';
import type { CocreateFeedback, CocreateErrorDetail, CocreateQueuedDetail, CocreateSubmittedDetail } from './cocreate-feedback.js';

interface TestEnv {
  apiUrl: string;
  directApiUrl: string;
  council: string;
  staffToken: string;
  services: { id: string }[];
  powCouncil: string;
  proxyControl: string;
}

let env: TestEnv;

before(async () => {
  env = (await (await fetch('/__test-env.json')).json()) as TestEnv;
});

/** The device says it is offline (`navigator.onLine`), as browsers do when the network goes; the returned function undoes it. */
function deviceOffline(): () => void {
  Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => false });
  return () => void delete (navigator as { onLine?: boolean }).onLine;
}

async function proxy(mode: 'pass' | 'down' | 'delay' | 'drop' | 'status', options: Record<string, unknown> = {}): Promise<Response> {
  return fetch(env.proxyControl, { method: 'POST', body: JSON.stringify({ mode, ...options }) });
}

afterEach(async () => {
  await proxy('pass');
  fixtureCleanup();
  localStorage.clear();
  document.documentElement.removeAttribute('lang');
});

/** A text no other test sends, so assertions about stored inputs find exactly this one. */
const unique = (label: string) => `${label} ${crypto.randomUUID()}`;

function $<T extends Element = HTMLElement>(el: CocreateFeedback, selector: string): T {
  const found = el.shadowRoot!.querySelector<T>(selector);
  if (!found) throw new Error(`no ${selector} in <cocreate-feedback>`);
  return found;
}

const maybe = <T extends Element = HTMLElement>(el: CocreateFeedback, selector: string) => el.shadowRoot!.querySelector<T>(selector);
const active = (el: CocreateFeedback) => el.shadowRoot!.activeElement as HTMLElement | null;
const text = (node: Element | null) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();

async function render(attrs: { service?: string | null; council?: string; lang?: string; compact?: boolean } = {}): Promise<CocreateFeedback> {
  const service = attrs.service === null ? undefined : (attrs.service ?? env.services[0]!.id);
  const el = await fixture<CocreateFeedback>(html`
    <cocreate-feedback
      api=${env.apiUrl}
      council=${attrs.council ?? env.council}
      service=${ifDefined(service)}
      lang=${ifDefined(attrs.lang)}
      ?compact=${attrs.compact ?? false}
      follow-url="/you-said-we-did?page=1"
      contact-bank-url="https://council.example/get-involved"
    ></cocreate-feedback>
  `);
  // The council's configuration arrives from the server; the form is usable before that.
  await waitUntil(() => el.shadowRoot!.querySelector('#text, .compact'), 'form did not render');
  return el;
}

async function fill(el: CocreateFeedback, body: { kind?: string; text?: string }): Promise<void> {
  if (body.kind) {
    $<HTMLInputElement>(el, `input[name="kind"][value="${body.kind}"]`).click();
  }
  if (body.text !== undefined) {
    const area = $<HTMLTextAreaElement>(el, '#text');
    area.value = body.text;
    area.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
  }
  await el.updateComplete;
}

async function submit(el: CocreateFeedback): Promise<void> {
  $<HTMLButtonElement>(el, 'button[type="submit"]').click();
  await el.updateComplete;
}

const receiptOf = async (el: CocreateFeedback) => {
  await waitUntil(() => maybe(el, '[part~="receipt-code"]'), 'no receipt was shown', { timeout: 15_000 });
  return text($(el, '[part~="receipt-code"]'));
};

describe('<cocreate-feedback>', () => {
  describe('accessibility in every state', () => {
    it('empty', async () => {
      const el = await render();
      await waitUntil(() => el.shadowRoot!.querySelector('[part~="input-use"]'), 'council text did not load');
      await expect(el).to.be.accessible();
    });

    it('invalid: focus moves to an error summary that links to each field', async () => {
      const el = await render();
      await submit(el);
      await el.updateComplete;
      const summary = $(el, '[part~="error-summary"]');
      expect(active(el)).to.equal(summary);
      expect(text(summary)).to.contain('There is a problem');
      const links = [...summary.querySelectorAll('a')].map((a) => a.getAttribute('href'));
      expect(links).to.deep.equal(['#kind', '#text']);
      const area = $<HTMLTextAreaElement>(el, '#text');
      expect(area.getAttribute('aria-invalid')).to.equal('true');
      expect(area.getAttribute('aria-describedby')!.split(' ')).to.include('text-error');
      expect(text($(el, '#text-error'))).to.contain('Write your message');
      expect($(el, 'fieldset').getAttribute('aria-describedby')).to.equal('kind-error');
      await expect(el).to.be.accessible();

      // A summary link takes the resident to its field.
      (summary.querySelectorAll('a')[1] as HTMLAnchorElement).click();
      expect(active(el)).to.equal(area);
    });

    it('sending', async () => {
      const el = await render();
      await fill(el, { kind: 'idea', text: unique('sending state') });
      await proxy('delay', { ms: 3000 });
      await submit(el);
      const button = $(el, 'button[type="submit"]');
      expect(button.getAttribute('aria-disabled')).to.equal('true');
      expect(text(button)).to.equal('Sending…');
      expect(text($(el, '[role="status"]'))).to.equal('Sending your message…');
      await expect(el).to.be.accessible();
      await receiptOf(el);
    });

    it('sent: receipt, follow link with the receipt, contact bank invitation', async () => {
      const el = await render();
      const message = unique('sent state');
      await fill(el, { kind: 'praise', text: message });
      const submitted = oneEvent(document, 'cocreate-submitted') as Promise<CustomEvent<CocreateSubmittedDetail>>;
      await submit(el);
      const event = await submitted;
      const receipt = await receiptOf(el);
      expect(event.detail.receipt).to.equal(receipt);
      expect(event.detail.queued).to.equal(false);
      expect(event.detail.id).to.be.a('string').and.not.empty;
      expect(event.bubbles && event.composed).to.equal(true);
      const follow = new URL($<HTMLAnchorElement>(el, '[part~="follow-link"]').href);
      expect(follow.pathname).to.equal('/you-said-we-did');
      expect(follow.searchParams.get('page')).to.equal('1');
      expect(follow.searchParams.get('receipt')).to.equal(null);
      expect(follow.hash).to.equal(`#receipt=${receipt}`);
      expect(text($(el, '.echo'))).to.equal(message);
      expect(maybe(el, 'a[href="https://council.example/get-involved"]')).to.exist;
      expect(active(el)).to.equal($(el, '[part~="receipt"]'));
      await expect(el).to.be.accessible();
    });

    it('queued offline: saved on this device, then delivered once with its receipt', async () => {
      const el = await render();
      const message = unique('offline');
      await fill(el, { kind: 'problem', text: message });
      await proxy('down');
      const online = deviceOffline();
      const queued = oneEvent(document, 'cocreate-queued') as Promise<CustomEvent<CocreateQueuedDetail>>;
      await submit(el);
      const { detail } = await queued;
      expect(detail.key).to.be.a('string').and.not.empty;
      await el.updateComplete;
      const notice = $(el, '[part~="notice"]');
      expect(text(notice)).to.contain('Your message is saved on this device');
      expect(text(notice)).to.contain('This device seems to be offline.');
      expect(active(el)).to.equal(notice);
      await expect(el).to.be.accessible();

      // Back online: the outbox sends it with the same Idempotency-Key.
      online();
      await proxy('pass');
      const submitted = oneEvent(document, 'cocreate-submitted') as Promise<CustomEvent<CocreateSubmittedDetail>>;
      window.dispatchEvent(new Event('online'));
      const delivered = await submitted;
      expect(delivered.detail.queued).to.equal(true);
      const receipt = await receiptOf(el);
      expect(receipt).to.equal(delivered.detail.receipt);
      expect(text($(el, '[part~="receipt"] h2'))).to.equal('Your saved message has now been sent');

      // Exactly one input holds this text on the server, under the receipt shown.
      const stored = (await (await fetch(`/__stored?text=${encodeURIComponent(message)}`)).json()) as { count: number; receipts: string[] };
      expect(stored.count).to.equal(1);
      expect(stored.receipts[0]).to.equal(receipt.replaceAll('-', ''));
    });

    it('the council’s service down while the device is online: kept, and the form blames the service, not the device', async () => {
      const el = await render();
      await fill(el, { kind: 'problem', text: unique('service down') });
      await proxy('down');
      const queued = oneEvent(document, 'cocreate-queued');
      await submit(el);
      await queued;
      await el.updateComplete;
      const notice = $(el, '[part~="notice"]');
      expect(text(notice)).to.contain('Your message is saved on this device');
      expect(text(notice)).to.contain('The council’s service cannot be reached right now.');
      expect(text(notice)).to.not.contain('offline');
      // Not sent after all, so no later test meets it in this browser's outbox.
      [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part~="notice"] button')].find((b) => text(b) === 'Do not send it')!.click();
      await waitUntil(() => !maybe(el, '[part~="notice"]'), 'the kept input was not discarded');
    });

    it('queued on one page, delivered from another: its form shows the receipt when it is back', async () => {
      const first = await render();
      const message = unique('cross page');
      await fill(first, { kind: 'idea', text: message });
      await proxy('down');
      const queued = oneEvent(document, 'cocreate-queued');
      await submit(first);
      await queued;
      fixtureCleanup(); // the resident leaves for another page of the site

      await proxy('pass');
      await render({ service: env.services[1]!.id });
      window.dispatchEvent(new Event('online'));
      let stored = { count: 0, receipts: [] as string[] };
      for (let i = 0; i < 100 && stored.count === 0; i++) {
        await aTimeout(100);
        stored = (await (await fetch(`/__stored?text=${encodeURIComponent(message)}`)).json()) as typeof stored;
      }
      expect(stored.count).to.equal(1);
      await aTimeout(50);
      fixtureCleanup();

      const back = await render(); // back on the first page
      const receipt = await receiptOf(back);
      expect(receipt.replaceAll('-', '')).to.equal(stored.receipts[0]);
      // Once delivered, the words are not kept on the device: only the receipt was.
      expect(maybe(back, '.echo')).to.equal(null);
      expect(JSON.stringify(localStorage)).to.not.contain(message);
    });

    it('without a council: said from the first render, naming what the page lacks (not after the resident has written)', async () => {
      const el = await render({ council: '' });
      await waitUntil(() => maybe(el, '[part~="setup"]'), 'no setup notice');
      expect(text($(el, '[part~="setup"]'))).to.contain('it does not say which council it is for (its council attribute)');
      const message = unique('no council');
      await fill(el, { kind: 'idea', text: message });
      await submit(el);
      await waitUntil(() => maybe(el, '#outcome'), 'no outcome');
      expect(text($(el, '#outcome'))).to.contain('This form is not set up correctly, so it cannot send from here.');
      expect($<HTMLTextAreaElement>(el, '#text').value).to.equal(message);
    });

    it('rejected (4xx): a clear message, the text kept', async () => {
      const el = await render({ council: 'no-such-council' });
      const message = unique('rejected');
      await fill(el, { kind: 'question', text: message });
      const failed = oneEvent(document, 'cocreate-error') as Promise<CustomEvent<CocreateErrorDetail>>;
      await submit(el);
      const { detail } = await failed;
      expect(detail.status).to.equal(404);
      await el.updateComplete;
      const notice = $(el, '[part~="notice"]');
      // A region named by its heading, which takes focus: focus is its one announcement (an
      // alert as well would be read twice; see cocreate-feedback.a11y.test.ts).
      expect(notice.getAttribute('role')).to.equal('region');
      expect(text(el.shadowRoot!.getElementById(notice.getAttribute('aria-labelledby')!))).to.equal('Your message was not sent');
      expect(active(el)).to.equal(notice);
      expect(text(notice)).to.contain('the council or service was not found');
      expect(text(notice)).to.contain('Your text is still in the form below.');
      expect($<HTMLTextAreaElement>(el, '#text').value).to.equal(message);
      expect(active(el)).to.equal(notice);
      await expect(el).to.be.accessible();
    });

    it('rejected: a service preset by the page that the council lacks is a setup error, not the resident’s', async () => {
      const el = await render({ service: 'no-such-service' });
      const message = unique('preset service');
      await fill(el, { kind: 'idea', text: message });
      const failed = oneEvent(document, 'cocreate-error') as Promise<CustomEvent<CocreateErrorDetail>>;
      await submit(el);
      expect((await failed).detail.status).to.equal(422);
      await el.updateComplete;
      expect(maybe(el, '[part~="error-summary"]')).to.equal(null);
      expect(text($(el, '[part~="notice"]'))).to.contain('the council or service was not found');
      expect($<HTMLTextAreaElement>(el, '#text').value).to.equal(message);
    });

    it('server error (5xx): kept on this device and said so', async () => {
      await proxy('status', { status: 503 });
      const el = await render();
      await fill(el, { kind: 'problem', text: unique('server error') });
      await submit(el);
      await waitUntil(() => maybe(el, '[part~="notice"]'), 'no notice', { timeout: 15_000 });
      expect(text($(el, '[part~="notice"]'))).to.contain('The council’s service has a problem right now.');
      await expect(el).to.be.accessible();
    });

    it('compact: "Was this page useful?" opens the full form', async () => {
      const el = await render({ compact: true });
      expect(maybe(el, 'form')).to.equal(null);
      expect(text($(el, '[part~="compact"]'))).to.contain('Was this page useful?');
      await expect(el).to.be.accessible();
      const no = [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part~="compact"] button')].find((b) => text(b) === 'No')!;
      no.click();
      await waitUntil(() => maybe(el, 'form'), 'form did not open');
      await el.updateComplete;
      expect($<HTMLInputElement>(el, 'input[name="kind"][value="problem"]').checked).to.equal(true);
      expect(active(el)).to.equal($(el, '#text'));
      // Named by the question it answers: a full form on the same page is "Your feedback" (two landmarks, two names).
      expect($(el, 'form').getAttribute('aria-label')).to.equal('Was this page useful?');
      await expect(el).to.be.accessible();
    });
  });

  describe('keyboard', () => {
    it('the whole flow works by keyboard alone', async () => {
      const wrapper = await fixture<HTMLDivElement>(html`
        <div>
          <button id="before">before</button>
          <cocreate-feedback api=${env.apiUrl} council=${env.council} service=${env.services[0]!.id}></cocreate-feedback>
        </div>
      `);
      const el = wrapper.querySelector('cocreate-feedback')!;
      await waitUntil(() => el.shadowRoot!.querySelector('#text'));
      wrapper.querySelector<HTMLButtonElement>('#before')!.focus();

      await sendKeys({ press: 'Tab' }); // kind: first radio
      expect(active(el)?.getAttribute('name')).to.equal('kind');
      await sendKeys({ press: 'ArrowRight' }); // problem
      await sendKeys({ press: 'ArrowRight' }); // idea
      expect($<HTMLInputElement>(el, 'input[name="kind"][value="idea"]').checked).to.equal(true);
      await sendKeys({ press: 'Tab' }); // rating: first radio
      expect(active(el)?.getAttribute('name')).to.equal('rating');
      await sendKeys({ press: 'ArrowRight' }); // 2
      await sendKeys({ press: 'ArrowRight' }); // 3
      await sendKeys({ press: 'Tab' }); // "Remove my rating"
      await sendKeys({ press: 'Tab' }); // message
      expect(active(el)?.id).to.equal('text');
      const message = unique('typed by keyboard');
      await sendKeys({ type: message });
      await sendKeys({ press: 'Tab' }); // I would like a reply
      expect(active(el)?.id).to.equal('wants-reply');
      await sendKeys({ press: 'Tab' }); // the honeypot is skipped: next is Send
      expect(active(el)?.getAttribute('type')).to.equal('submit');
      const submitted = oneEvent(document, 'cocreate-submitted');
      await sendKeys({ press: 'Enter' });
      await submitted;
      const receipt = await receiptOf(el);
      expect(receipt).to.not.equal('');
      expect(active(el)).to.equal($(el, '[part~="receipt"]'));

      // Erase it, still by keyboard: Tab to "Erase my message"; the question lands on "No, keep it"
      // (Enter twice erases nothing), Escape keeps it; then Tab to "Yes, erase it" and Enter.
      for (let i = 0; i < 10 && active(el)?.id !== 'erase'; i++) await sendKeys({ press: 'Tab' });
      expect(active(el)?.id).to.equal('erase');
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect(active(el)?.id).to.equal('erase-cancel');
      await sendKeys({ press: 'Escape' });
      await el.updateComplete;
      expect(active(el)?.id, 'Escape keeps it').to.equal('erase');
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      await sendKeys({ press: 'Tab' });
      expect(active(el)?.id).to.equal('erase-confirm');
      const erased = oneEvent(document, 'cocreate-erased');
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => text(maybe(el, '[part~="receipt"] h2')) === 'Your message has been erased', 'not erased', { timeout: 10_000 });
      // The page hears it (a <you-said-we-did> showing this receipt looks it up again).
      expect((await erased).detail).to.deep.equal({ receipt });
      const status = await fetch(`${env.directApiUrl}/v1/councils/${env.council}/feedback/${encodeURIComponent(receipt)}`);
      // The receipt still answers (the input counts), but it says the words are gone.
      expect(status.status).to.equal(200);
      expect(((await status.json()) as { erased: boolean }).erased).to.equal(true);
    });
  });

  it('erased from a <you-said-we-did> lookup on the same page: the form shows it erased, with no "Erase" left, without speaking or moving focus', async () => {
    await import('../you-said-we-did/you-said-we-did.js');
    const el = await render();
    await fill(el, { kind: 'idea', text: unique('erased from the lookup') });
    await submit(el);
    const receipt = await receiptOf(el);
    const loop = await fixture<HTMLElement>(html`<you-said-we-did api=${env.apiUrl} council=${env.council}></you-said-we-did>`);
    await waitUntil(() => loop.shadowRoot!.querySelector('#receipt'), 'the lookup did not render', { timeout: 15_000 });
    const code = loop.shadowRoot!.querySelector<HTMLInputElement>('#receipt')!;
    code.value = receipt;
    code.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
    loop.shadowRoot!.querySelector<HTMLFormElement>('.follow form')!.requestSubmit();
    await waitUntil(() => loop.shadowRoot!.querySelector('#erase'), 'the lookup offers no erasing', { timeout: 15_000 });
    const said = text(maybe(el, '[part~="status"]'));
    const erased = oneEvent(document, 'cocreate-erased');
    loop.shadowRoot!.querySelector<HTMLButtonElement>('#erase')!.click();
    await waitUntil(() => loop.shadowRoot!.querySelector('#erase-confirm'), 'no confirmation');
    loop.shadowRoot!.querySelector<HTMLButtonElement>('#erase-confirm')!.click();
    expect((await erased).target, 'fired by the lookup').to.equal(loop);
    await waitUntil(() => text(maybe(el, '[part~="receipt"] h2')) === 'Your message has been erased', 'the form still shows the message as sent', { timeout: 15_000 });
    expect(maybe(el, '#erase'), 'nothing left to erase').to.equal(null);
    expect(text(maybe(el, '[part~="status"]')), 'the form says nothing more').to.equal(said);
    expect(el.shadowRoot!.activeElement).to.equal(null);
  });

  describe('attributes and configuration', () => {
    it('the character count follows the text and the limit', async () => {
      const el = await render();
      await fill(el, { text: 'hello' });
      const count = text($(el, '[part~="count"]'));
      expect(count).to.match(/^Characters remaining: [\d,]+$/);
      const remaining = Number(count.replace(/\D/g, ''));
      await fill(el, { text: 'x'.repeat(remaining + 5 + 5) });
      expect(text($(el, '[part~="count"]'))).to.equal('Characters too many: 5');
      // The visible counter is not read out on every keystroke.
      expect($(el, '[part~="count"]').getAttribute('aria-hidden')).to.equal('true');
    });

    it('offers the council services with localized names when no service is preset', async () => {
      const el = await render({ service: null, lang: 'pl' });
      await waitUntil(() => maybe(el, '#service'), 'no service list', { timeout: 10_000 });
      const names = [...$<HTMLSelectElement>(el, '#service').options].map((o) => o.textContent!.trim());
      expect(names).to.include('Biblioteki');
      expect(names).to.include('Linie autobusowe');
    });

    it("a service name shown in the council's language, not the form's, is marked as such (WCAG 3.1.2)", async () => {
      const el = await render({ service: null, lang: 'de' });
      await waitUntil(() => maybe(el, '#service'), 'no service list', { timeout: 10_000 });
      const options = [...$<HTMLSelectElement>(el, '#service').options].filter((o) => o.value);
      // No German names: English, the council's default, tagged; the "none" choice is German and untagged.
      expect(options.map((o) => [o.textContent!.trim(), o.lang])).to.deep.equal([
        ['Bus lines', 'en'],
        ['Libraries', 'en'],
      ]);
      expect($<HTMLSelectElement>(el, '#service').options[0]!.lang).to.equal('');
      const pl = await render({ service: null, lang: 'pl' });
      await waitUntil(() => maybe(pl, '#service'), 'no service list', { timeout: 10_000 });
      expect([...$<HTMLSelectElement>(pl, '#service').options].map((o) => o.lang)).to.deep.equal(['', '', '']);
    });

    it('on a 320 px phone the closed service list shows its "none" choice whole, in every language (WCAG 1.4.10)', async () => {
      const el = await render({ service: null });
      // A 320 px screen less the page's usual 16 px margins. A native select cannot wrap its
      // chosen option: a longer text is cut, mid-word, before the arrow.
      el.style.inlineSize = '288px';
      const select = () => maybe<HTMLSelectElement>(el, '#service');
      await waitUntil(select, 'no service list', { timeout: 10_000 });
      const ctx = document.createElement('canvas').getContext('2d')!;
      const cut: string[] = [];
      for (const locale of LOCALES) {
        el.setAttribute('lang', locale);
        await waitUntil(() => $(el, '[part~="base"]').getAttribute('lang') === locale && select(), `no ${locale}`, { timeout: 10_000 });
        await el.updateComplete;
        const s = select()!;
        const style = getComputedStyle(s);
        ctx.font = style.font;
        const none = s.options[0]!.textContent!.trim();
        // 24 px for the arrow the browser draws inside the box.
        const room = s.clientWidth - parseFloat(style.paddingInlineStart) - parseFloat(style.paddingInlineEnd) - 24;
        const width = ctx.measureText(none).width;
        if (width > room) cut.push(`${locale}: "${none}" needs ${Math.ceil(width)} px, has ${Math.floor(room)}`);
      }
      expect(cut).to.deep.equal([]);
    });

    it('switches language with lang on the element, an ancestor and region variants', async () => {
      const el = await render({ lang: 'en' });
      const legend = () => text(el.shadowRoot!.querySelector('legend'));
      expect(legend()).to.equal('What would you like to tell us?');
      el.setAttribute('lang', 'pl-PL');
      await waitUntil(() => legend() === 'Co chcesz nam przekazać?', `still "${legend()}"`);
      expect($(el, '[part~="base"]').getAttribute('lang')).to.equal('pl');
      el.setAttribute('lang', 'pt-BR');
      await waitUntil(() => legend() === 'O que nos quer dizer?', `still "${legend()}"`);
      el.removeAttribute('lang');
      const wrapper = document.createElement('div');
      wrapper.lang = 'sv';
      el.replaceWith(wrapper);
      wrapper.append(el);
      await waitUntil(() => legend() === 'Vad vill du berätta för oss?', `still "${legend()}"`);
      wrapper.lang = 'xx';
      el.remove();
      wrapper.append(el);
      await waitUntil(() => legend() === 'What would you like to tell us?', `unknown languages fall back to English, got "${legend()}"`);
      wrapper.remove();
    });

    it('takes api and council from <civicloop-config> when the element has none', async () => {
      const wrapper = await fixture<HTMLDivElement>(html`
        <div>
          <civicloop-config api=${env.apiUrl} council=${env.council} lang="de"></civicloop-config>
          <cocreate-feedback service=${env.services[0]!.id}></cocreate-feedback>
        </div>
      `);
      const el = wrapper.querySelector('cocreate-feedback')!;
      await waitUntil(() => text(el.shadowRoot!.querySelector('legend')) === 'Was möchten Sie uns mitteilen?', 'not German');
      await fill(el, { kind: 'idea', text: unique('page config') });
      await submit(el);
      expect(await receiptOf(el)).to.not.equal('');
    });

    it('keeps the draft across a reload and forgets it once sent', async () => {
      const message = unique('draft');
      let el = await render();
      await fill(el, { kind: 'idea', text: message });
      el.remove();
      el = await render();
      expect($<HTMLTextAreaElement>(el, '#text').value).to.equal(message);
      expect($<HTMLInputElement>(el, 'input[name="kind"][value="idea"]').checked).to.equal(true);
      await submit(el);
      await receiptOf(el);
      el.remove();
      el = await render();
      expect($<HTMLTextAreaElement>(el, '#text').value).to.equal('');
    });

    it('asks for a valid email only when a reply is wanted', async () => {
      const el = await render();
      await fill(el, { kind: 'question', text: unique('reply') });
      expect(maybe(el, '#contact')).to.equal(null);
      $<HTMLInputElement>(el, '#wants-reply').click();
      await el.updateComplete;
      const email = $<HTMLInputElement>(el, '#contact');
      email.value = 'not an address';
      email.dispatchEvent(new InputEvent('input'));
      await submit(el);
      expect(text($(el, '#contact-error'))).to.contain('Enter an email address in the right format');
      expect(email.getAttribute('aria-describedby')).to.equal('contact-error');
      email.value = 'resident@example.com';
      email.dispatchEvent(new InputEvent('input'));
      await submit(el);
      expect(await receiptOf(el)).to.not.equal('');
    });

    it('the honeypot is out of reach of keyboards and screen readers', async () => {
      const el = await render();
      const trap = $<HTMLInputElement>(el, `input[name="website"]`);
      expect(trap.tabIndex).to.equal(-1);
      expect(trap.autocomplete).to.equal('off');
      expect(trap.closest('[aria-hidden="true"]')).to.exist;
      // The input keeps its own size; the container clips it to one pixel.
      expect(trap.closest(".visually-hidden")!.getBoundingClientRect().width).to.be.at.most(1);
    });

    it('reserves its height before the council configuration arrives', async () => {
      await proxy('delay', { ms: 2000 });
      const el = await render();
      expect(el.getBoundingClientRect().height).to.be.at.least(parseFloat(getComputedStyle(document.documentElement).fontSize) * 30 - 1);
    });
  });

  describe('spam protection', () => {
    it('solves the council proof-of-work challenge without the resident noticing', async () => {
      const el = await render({ council: env.powCouncil, service: null });
      const message = unique('proof of work');
      await fill(el, { kind: 'idea', text: message });
      await submit(el);
      expect(await receiptOf(el)).to.match(/^[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{2}$/);
      const stored = (await (await fetch(`/__stored?text=${encodeURIComponent(message)}`)).json()) as { count: number };
      expect(stored.count).to.equal(1);
    });

    it('an input kept offline before any challenge could be fetched gets one when it is re-sent', async () => {
      await proxy('down');
      const el = await render({ council: env.powCouncil, service: null });
      const message = unique('offline proof of work');
      await fill(el, { kind: 'problem', text: message });
      const queued = oneEvent(document, 'cocreate-queued');
      await submit(el);
      await queued;
      await proxy('pass');
      const submitted = oneEvent(document, 'cocreate-submitted') as Promise<CustomEvent<CocreateSubmittedDetail>>;
      window.dispatchEvent(new Event('online'));
      const { detail } = await submitted;
      expect(detail.queued).to.equal(true);
      const stored = (await (await fetch(`/__stored?text=${encodeURIComponent(message)}`)).json()) as { count: number; receipts: string[] };
      expect(stored.count).to.equal(1);
      expect(stored.receipts[0]).to.equal(detail.receipt.replaceAll('-', ''));
    });

    it('a refused robot check keeps the text and says what to do', async () => {
      const el = await render();
      const message = unique('autofilled');
      await fill(el, { kind: 'idea', text: message });
      const trap = $<HTMLInputElement>(el, 'input[name="website"]');
      trap.value = 'https://spam.example';
      trap.dispatchEvent(new InputEvent('input'));
      const failed = oneEvent(document, 'cocreate-error') as Promise<CustomEvent<CocreateErrorDetail>>;
      await submit(el);
      expect((await failed).detail.status).to.equal(422);
      await el.updateComplete;
      const notice = $(el, '[part~="notice"]');
      // A region named by its heading, which takes focus: focus is its one announcement (an
      // alert as well would be read twice; see cocreate-feedback.a11y.test.ts).
      expect(notice.getAttribute('role')).to.equal('region');
      expect(text(el.shadowRoot!.getElementById(notice.getAttribute('aria-labelledby')!))).to.equal('Your message was not sent');
      expect(active(el)).to.equal(notice);
      expect($<HTMLTextAreaElement>(el, '#text').value).to.equal(message);
      await expect(el).to.be.accessible();
    });
  });

  describe('assisted entry', () => {
    it('a staff token adds the channel and records through the staff endpoint', async () => {
      const el = await render();
      el.staffToken = env.staffToken;
      await el.updateComplete;
      expect(el.hasAttribute('staff-token')).to.equal(false);
      await fill(el, { kind: 'problem', text: unique('by phone') });
      await submit(el);
      expect(text($(el, '#channel-error'))).to.contain('Choose how you received this input');
      const select = $<HTMLSelectElement>(el, '#channel');
      select.value = 'phone';
      select.dispatchEvent(new Event('change'));
      await submit(el);
      await receiptOf(el);
      expect(text($(el, '[part~="receipt"] h2'))).to.equal('The input is recorded');
      // Staff recorded it for someone else: erasing "my" message is the resident's, with their receipt.
      expect(maybe(el, '#erase'), 'no erase control in staff mode').to.equal(null);
      await expect(el).to.be.accessible();
    });

    it('says its errors in staff words, while a public form on the same page keeps the resident’s', async () => {
      const staff = await render();
      staff.staffToken = env.staffToken;
      await staff.updateComplete;
      const resident = await render();
      for (const el of [staff, resident]) {
        const reply = $<HTMLInputElement>(el, '#wants-reply');
        reply.checked = true;
        reply.dispatchEvent(new Event('change'));
        await el.updateComplete;
        await submit(el);
      }
      expect(text($(staff, '#kind-error'))).to.contain('Choose what kind of input this is');
      expect(text($(staff, '#text-error'))).to.contain('Write the input');
      expect(text($(staff, '#contact-error'))).to.contain('Enter the resident’s email address');
      expect(text($(staff, '#error-summary'))).to.contain('Write the input');
      expect(text($(resident, '#kind-error'))).to.contain('Choose what kind of message this is');
      expect(text($(resident, '#text-error'))).to.contain('Write your message');
      expect(text($(resident, '#contact-error'))).to.contain('Enter your email address');
      await expect(staff).to.be.accessible();
    });
  });

  describe('inert markup', () => {
    it('shows script and markup payloads as text after sending', async () => {
      const w = window as unknown as { __xss?: number };
      delete w.__xss;
      const payload = `<img src=x onerror="window.__xss=1"><script>window.__xss=2</script> & "quotes" ${crypto.randomUUID()}`;
      const el = await render();
      await fill(el, { kind: 'idea', text: payload });
      await submit(el);
      await receiptOf(el);
      expect(text($(el, '.echo'))).to.equal(payload.replace(/\s+/g, ' '));
      expect(el.shadowRoot!.querySelector('img, script')).to.equal(null);
      await aTimeout(100);
      expect(w.__xss).to.equal(undefined);
    });
  });

  describe('definition', () => {
    it('a second definition of the tag does not throw', async () => {
      const { define } = await import('../internal/define.js');
      expect(() => define('cocreate-feedback', class extends HTMLElement {})).not.to.throw();
      expect(customElements.get('cocreate-feedback')!.name).to.equal('CocreateFeedback');
    });
  });
});
