// Keyboard and screen-reader behaviour of <cocreate-feedback> (issue 14, and issue 7's "readable
// on any theme", "targets and line height", "CSS isolation"), checked with the kit's shared
// a11y helpers on the demo pages' light, tinted and dark themes, in English and Polish, against
// the real server. Each `describe` names the row of the issue's table it covers.
import { expect, fixture, fixtureCleanup, html, oneEvent } from '@open-wc/testing';
import { waitUntil } from '../kit/testing/wait.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import {
  contrast,
  backgroundBehind,
  controlInk,
  errorProblems,
  focusDropped,
  focusedIn,
  focusRingContrast,
  holdTimers,
  HOSTILE_CSS,
  parseColor,
  smallTargets,
  textContrast,
  useDemoTheme,
  useStylesheet,
  watchAnnouncements,
  withoutRelativeColor,
  type DemoTheme,
} from '../kit/testing/a11y-suite.js';
import { FOUND_SETTLE_MS } from '../kit/controllers/changes.js';
import './cocreate-feedback.js';
import type { CocreateFeedback } from './cocreate-feedback.js';

interface TestEnv {
  apiUrl: string;
  council: string;
  services: { id: string }[];
  proxyControl: string;
}

let env: TestEnv;
const cleanups: (() => void)[] = [];

before(async () => {
  env = (await (await fetch('/__test-env.json')).json()) as TestEnv;
});

const proxy = (mode: 'pass' | 'down', options: Record<string, unknown> = {}) =>
  fetch(env.proxyControl, { method: 'POST', body: JSON.stringify({ mode, ...options }) });

afterEach(async () => {
  await proxy('pass');
  while (cleanups.length) cleanups.pop()!();
  fixtureCleanup();
  localStorage.clear();
});

const THEMES: DemoTheme[] = ['light', 'tinted', 'dark'];
const unique = (label: string) => `${label} ${crypto.randomUUID()}`;
const $ = <T extends Element = HTMLElement>(el: CocreateFeedback, selector: string): T => {
  const found = el.shadowRoot!.querySelector<T>(selector);
  if (!found) throw new Error(`no ${selector} in <cocreate-feedback>`);
  return found;
};
const maybe = (el: CocreateFeedback, selector: string) => el.shadowRoot!.querySelector<HTMLElement>(selector);
const text = (node: Element | null) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
const buttonNamed = (el: CocreateFeedback, name: string) => {
  const b = [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('button')].find((x) => text(x) === name);
  if (!b) throw new Error(`no button "${name}"`);
  return b;
};

async function theme(name: DemoTheme): Promise<void> {
  cleanups.push(await useDemoTheme(name));
}

/** `shows`: what the element is waited for to show (the form, unless an outcome kept from before replaces it). */
async function render(o: { lang?: string; service?: string | null; headingLevel?: number; before?: boolean; shows?: string } = {}): Promise<CocreateFeedback> {
  const service = o.service === null ? undefined : (o.service ?? env.services[0]!.id);
  // <main>: the demo pages' content column (their site.css pads it), so rings are not cut by the window's edge.
  const wrapper = await fixture<HTMLElement>(html`
    <main>
      <h2>Page section</h2>
      <button id="outside">Somewhere else on the page</button>
      <cocreate-feedback
        api=${env.apiUrl}
        council=${env.council}
        service=${ifDefined(service)}
        lang=${ifDefined(o.lang)}
        heading-level=${ifDefined(o.headingLevel)}
        follow-url="/you-said-we-did"
        contact-bank-url="https://council.example/get-involved"
      ></cocreate-feedback>
    </main>
  `);
  const el = wrapper.querySelector('cocreate-feedback')!;
  await waitUntil(() => maybe(el, o.shows ?? '#text'), `${o.shows ?? 'the form'} did not render`);
  if (o.lang && o.lang !== 'en') await waitUntil(() => text(maybe(el, 'legend')) !== 'What would you like to tell us?', 'messages not localized');
  return el;
}

async function fill(el: CocreateFeedback, body: { kind?: string; text?: string }): Promise<void> {
  if (body.kind) $<HTMLInputElement>(el, `input[name="kind"][value="${body.kind}"]`).click();
  if (body.text !== undefined) {
    const area = $<HTMLTextAreaElement>(el, '#text');
    area.value = body.text;
    area.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
  }
  await el.updateComplete;
}

/** Presses Send the way a keyboard user does: focus on it, then activate it. */
async function send(el: CocreateFeedback): Promise<void> {
  const button = $<HTMLButtonElement>(el, 'button[type="submit"]');
  button.focus();
  button.click();
  await el.updateComplete;
}

async function press(el: CocreateFeedback, button: HTMLElement): Promise<void> {
  button.focus();
  button.click();
  await el.updateComplete;
  await el.updateComplete;
}

const receiptShown = (el: CocreateFeedback) => waitUntil(() => maybe(el, '[part~="receipt-code"]'), 'no receipt', { timeout: 15_000 });

/** Counts how often `what` was said (live region or focus landing), ignoring case and spacing. */
const times = (said: readonly string[], what: string) => said.filter((s) => s.includes(what)).length;

function stubClipboard(result: 'refuse' | 'allow'): void {
  Object.defineProperty(navigator, 'clipboard', {
    configurable: true,
    value: { writeText: () => (result === 'allow' ? Promise.resolve() : Promise.reject(new DOMException('Write permission denied.', 'NotAllowedError'))) },
  });
  cleanups.push(() => delete (navigator as unknown as { clipboard?: unknown }).clipboard);
}

describe('<cocreate-feedback> keyboard and screen readers (issue 14)', () => {
  describe('focus you can always see: the ring measured from pixels, ≥ 3:1 on each demo theme', () => {
    // `fallback`: as an engine without relative colours draws it (the theme's @supports not path).
    for (const [name, fallback] of [...THEMES.map((t) => [t, false] as const), ...THEMES.map((t) => [t, true] as const)]) {
      it(`${name} theme${fallback ? ', without relative colours' : ''}: Send, a radio, the message, a summary link, Copy code and "Yes, erase it"`, async () => {
        await theme(name);
        const el = await render();
        if (fallback) cleanups.push(withoutRelativeColor(el));
        // The council's text arrives after the form and moves Send down: measure once it is there.
        await waitUntil(() => maybe(el, '[part~="input-use"]'), 'council text did not load');
        await el.updateComplete;
        const figures: Record<string, number> = {};
        figures['Send'] = (await focusRingContrast($(el, 'button[type="submit"]'))).contrast;
        figures['radio'] = (await focusRingContrast($(el, 'input[name="kind"]'))).contrast;
        figures['message'] = (await focusRingContrast($(el, '#text'))).contrast;
        await send(el);
        figures['summary link'] = (await focusRingContrast($(el, '[part~="error-summary"] a'))).contrast;
        // The error colours take the same fallback path: still 4.5:1 there.
        if (fallback) expect(textContrast($(el, '.error-message')), 'error text').to.be.at.least(4.5);
        await fill(el, { kind: 'idea', text: unique(`ring ${name}`) });
        await send(el);
        await receiptShown(el);
        figures['Copy code'] = (await focusRingContrast(buttonNamed(el, 'Copy code'))).contrast;
        await press(el, $(el, '#erase'));
        figures['Yes, erase it'] = (await focusRingContrast($(el, '#erase-confirm'))).contrast;
        // The figures for the closing note (npm test prints browser logs).
        console.log(`focus ring contrast, ${name} theme${fallback ? ' without relative colours' : ''}: ${Object.entries(figures).map(([k, v]) => `${k} ${v.toFixed(2)}:1`).join(', ')}`);
        for (const [part, value] of Object.entries(figures)) expect(value, `${part} on the ${name} theme`).to.be.at.least(3);
      });
    }
  });

  for (const lang of ['en', 'pl']) {
    describe(`[${lang}] one announcement per change, focus that never drops`, () => {
      it('an input saved offline and delivered later while focus is outside the element is announced once, focus left alone', async () => {
        const el = await render({ lang });
        await fill(el, { kind: 'problem', text: unique('later') });
        await proxy('down');
        const queued = oneEvent(document, 'cocreate-queued');
        await send(el);
        await queued;
        await el.updateComplete;
        const outside = document.querySelector<HTMLButtonElement>('#outside')!;
        outside.focus(); // the resident reads on elsewhere in the page
        const log = watchAnnouncements(el);
        cleanups.push(() => log.stop());
        await proxy('pass');
        window.dispatchEvent(new Event('online'));
        await receiptShown(el);
        await el.updateComplete;
        const title = text(maybe(el, '[part~="receipt"] :is(h1, h2, h3, h4, h5, h6)'));
        if (lang === 'pl') expect(title).to.not.equal('Your saved message has now been sent');
        expect(log.spoken).to.deep.equal([title]);
        expect(document.activeElement).to.equal(outside);
      });

      it('every state change: where focus goes and what is said, once each', async () => {
        const el = await render({ lang });
        const log = watchAnnouncements(el);
        cleanups.push(() => log.stop());

        // Send with nothing filled in: the error summary, named by its title, takes focus.
        await send(el);
        let f = focusedIn(el);
        expect(f.role).to.equal('region');
        expect(f.element?.getAttribute('part')).to.equal('error-summary');
        const problem = f.name;
        expect(times(log.said, `focus: ${problem}`)).to.equal(1);
        expect(errorProblems(el)).to.deep.equal([]);

        // Fixing a field clears its error and invalid state at once; the summary follows.
        await fill(el, { kind: 'idea' });
        expect(maybe(el, '#kind-error')).to.equal(null);
        expect(el.shadowRoot!.querySelectorAll('[part~="error-summary"] li')).to.have.length(1);
        expect(errorProblems(el)).to.deep.equal([]);
        // The summary goes with the last error; focus (on it) does not drop to <body>.
        await fill(el, { text: unique(`walk ${lang}`) });
        await el.updateComplete;
        expect(maybe(el, '[part~="error-summary"]')).to.equal(null);
        expect(focusDropped(), 'focus dropped to <body> when the summary went').to.equal(false);
        expect(focusedIn(el).role).to.equal('form');

        // Sending is said; the receipt region, named by its heading, takes focus.
        await send(el);
        await receiptShown(el);
        await el.updateComplete;
        f = focusedIn(el);
        expect(f.element?.id).to.equal('outcome');
        expect(f.role).to.equal('region');
        expect(f.name).to.equal(text($(el, '#outcome-title')));
        expect(log.spoken.length, 'sending said once').to.equal(1);
        expect(times(log.said, `focus: ${f.name}`)).to.equal(1);

        // Copy without clipboard permission: the code is selected and the way to copy it is said.
        stubClipboard('refuse');
        const copy = $(el, '[part~="copy"]');
        await press(el, copy);
        await waitUntil(() => log.spoken.length === 2, 'copy fallback not announced');
        expect(log.spoken[1]).to.match(/Ctrl\+C/);
        expect(getSelection()!.toString()).to.equal(text($(el, '[part~="receipt-code"]')));
        // With permission: "copied", said again on a second copy (a new announcement each time).
        cleanups.pop()!();
        stubClipboard('allow');
        await press(el, copy);
        await waitUntil(() => log.spoken.length === 3, 'copy not announced');
        await press(el, copy);
        await waitUntil(() => log.spoken.length === 4, 'second copy not announced');
        expect(log.spoken[3]).to.equal(log.spoken[2]);

        // Erase: the question's least destructive answer takes focus; "No, keep it" returns it; erasing is said; the erased region takes focus.
        await press(el, $(el, '#erase'));
        expect(focusedIn(el).element?.id).to.equal('erase-cancel');
        await press(el, buttonNamed(el, lang === 'en' ? 'No, keep it' : text($(el, '#erase-cancel'))));
        expect(focusedIn(el).element?.id).to.equal('erase');
        await press(el, $(el, '#erase'));
        const said = log.spoken.length;
        await press(el, $(el, '#erase-confirm'));
        await waitUntil(() => !maybe(el, '#erase-confirm') && !maybe(el, '#erase'), 'not erased', { timeout: 10_000 });
        await el.updateComplete;
        f = focusedIn(el);
        expect(f.role).to.equal('region');
        expect(f.name).to.equal(text($(el, '#outcome-title')));
        expect(log.spoken.length, 'erasing said once').to.equal(said + 1);

        // "Send another message": its button goes; focus goes to the new form, named, not to <body>.
        await press(el, $(el, '#outcome .row button'));
        expect(focusDropped(), 'focus dropped to <body>').to.equal(false);
        f = focusedIn(el);
        expect(f.role).to.equal('form');
        expect(f.name).to.equal($(el, 'form').getAttribute('aria-label'));
        expect(el.shadowRoot!.querySelector('[part~="base"]')!.getAttribute('lang')).to.equal(lang);
        // The walk for the closing note: each focus landing and each live-region announcement, in order.
        console.log(`[${lang}] walk: ${log.said.join(' → ')}`);
      });

      it('a character count typed before a quick send is never read after it', async () => {
        const timers = holdTimers(1000); // the count's debounce: run it when the test says, not by sleeping
        cleanups.push(() => timers.restore());
        const el = await render({ lang });
        const log = watchAnnouncements(el);
        cleanups.push(() => log.stop());
        await fill(el, { kind: 'praise', text: unique('quick') });
        const count = text($(el, '[part~="count"]'));
        expect(timers.held(), 'the count was not scheduled').to.be.at.least(1);
        await send(el);
        await receiptShown(el);
        timers.flush(); // "a second later"
        await el.updateComplete;
        expect(log.spoken.filter((s) => s === count || /\d/.test(s) && s.includes(count.split(':')[0]!))).to.deep.equal([]);
        expect(text($(el, '[part="status"]'))).to.not.contain(count.split(':')[0]!);
      });
    });
  }

  describe('focus never drops', () => {
    it('"Send another message" removes the focused button: focus goes to the new form, named, not to <body>', async () => {
      const el = await render();
      await fill(el, { kind: 'idea', text: unique('again') });
      await send(el);
      await receiptShown(el);
      await press(el, buttonNamed(el, 'Send another message'));
      expect(focusDropped(), 'focus dropped to <body>').to.equal(false);
      const f = focusedIn(el);
      expect(f.role).to.equal('form');
      expect(f.name).to.equal('Your feedback');
    });
  });

  describe('an outcome replaced while focus is on it', () => {
    it('"saved on this device" replaced by the receipt: focus moves to the new region, said once, not to <body>', async () => {
      const el = await render();
      await fill(el, { kind: 'problem', text: unique('replaced') });
      await proxy('down');
      const queued = oneEvent(document, 'cocreate-queued');
      await send(el);
      await queued;
      await el.updateComplete;
      expect(focusedIn(el).element?.getAttribute('part')).to.equal('notice');
      const log = watchAnnouncements(el);
      cleanups.push(() => log.stop());
      await proxy('pass');
      window.dispatchEvent(new Event('online'));
      await receiptShown(el);
      await el.updateComplete;
      expect(focusDropped(), 'focus dropped to <body>').to.equal(false);
      const f = focusedIn(el);
      expect(f.role).to.equal('region');
      expect(f.name).to.equal('Your saved message has now been sent');
      expect(log.said).to.deep.equal(['focus: Your saved message has now been sent']);
    });
  });

  describe('an input kept on an earlier visit, found as the form appears', () => {
    /**
     * Queues an input and closes the page's form; then the resident's next visit: a new form that
     * finds it waiting, with what it says recorded and its settle timer held.
     */
    async function foundWaiting() {
      const first = await render();
      await fill(first, { kind: 'problem', text: unique('earlier visit') });
      await proxy('down');
      const queued = oneEvent(document, 'cocreate-queued');
      await send(first);
      await queued;
      fixtureCleanup();
      const timers = holdTimers(FOUND_SETTLE_MS);
      cleanups.push(() => timers.restore());
      const el = await render({ shows: '[part~="notice"]' });
      const log = watchAnnouncements(el);
      cleanups.push(() => log.stop());
      await waitUntil(() => text(maybe(el, '[part~="notice"]')).includes('saved on this device') && timers.held() === 1, 'the kept input is not shown, its words waiting');
      expect(log.said).to.deep.equal([]);
      return { el, log, timers };
    }

    it('sent at once: only "has now been sent" is said, not the stale "saved on this device" first', async () => {
      const { el, log, timers } = await foundWaiting();
      await proxy('pass');
      window.dispatchEvent(new Event('online'));
      await receiptShown(el);
      await el.updateComplete;
      timers.flush();
      await el.updateComplete;
      expect(log.said).to.deep.equal(['Your saved message has now been sent']);
    });

    it('still waiting: "saved on this device" is said once, after the moment', async () => {
      const { el, log, timers } = await foundWaiting();
      timers.flush();
      await el.updateComplete;
      expect(log.said).to.deep.equal(['Your message is saved on this device']);
    });
  });

  describe('copy code is announced', () => {
    for (const lang of ['en', 'pl']) {
      it(`[${lang}] without clipboard permission: the code is selected and "press Ctrl+C" is said once`, async () => {
        const el = await render({ lang });
        await fill(el, { kind: 'idea', text: unique('copy') });
        await send(el);
        await receiptShown(el);
        stubClipboard('refuse');
        const log = watchAnnouncements(el);
        cleanups.push(() => log.stop());
        await press(el, buttonNamed(el, lang === 'en' ? 'Copy code' : 'Kopiuj kod'));
        await waitUntil(() => log.spoken.length > 0, 'nothing was said').catch(() => undefined);
        expect(log.spoken).to.have.length(1);
        expect(log.spoken[0]).to.match(/Ctrl\+C/);
        if (lang === 'pl') expect(log.spoken[0]).to.contain('naciśnij');
        expect(getSelection()!.toString()).to.equal(text($(el, '[part~="receipt-code"]')));
      });
    }
  });

  describe('what the form needs is said before anyone sends', () => {
    it('the kind and the message are required to assistive technology, and the address once a reply is asked for; the rating and service are not', async () => {
      const el = await render({ service: null });
      const kinds = [...el.shadowRoot!.querySelectorAll<HTMLInputElement>('input[name="kind"]')];
      expect(kinds.length).to.be.greaterThan(1);
      expect(kinds.every((r) => r.required)).to.equal(true);
      expect($(el, '#text').getAttribute('aria-required')).to.equal('true');
      expect([...el.shadowRoot!.querySelectorAll<HTMLInputElement>('input[name="rating"]')].some((r) => r.required || r.getAttribute('aria-required'))).to.equal(false);
      await waitUntil(() => maybe(el, '#service'), 'no service list', { timeout: 10_000 });
      expect($(el, '#service').hasAttribute('aria-required')).to.equal(false);
      $<HTMLInputElement>(el, '#wants-reply').click();
      await el.updateComplete;
      expect($(el, '#contact').getAttribute('aria-required')).to.equal('true');
      await expect(el).to.be.accessible();
    });
  });

  describe('errors stay true', () => {
    it('the kind radios are each invalid and described by the error; choosing one clears both', async () => {
      const el = await render();
      await send(el);
      const radios = [...el.shadowRoot!.querySelectorAll<HTMLInputElement>('input[name="kind"]')];
      expect(radios.length).to.be.greaterThan(1);
      for (const r of radios) {
        expect(r.getAttribute('aria-invalid')).to.equal('true');
        expect(r.getAttribute('aria-describedby')).to.equal('kind-error');
      }
      radios[2]!.click();
      await el.updateComplete;
      for (const r of radios) {
        expect(r.getAttribute('aria-invalid')).to.equal(null);
        expect(r.getAttribute('aria-describedby')).to.equal(null);
      }
      expect(maybe(el, '#kind-error')).to.equal(null);
      // The message field still has its error, and says so.
      expect($(el, '#text').getAttribute('aria-invalid')).to.equal('true');
      expect(errorProblems(el)).to.deep.equal([]);
    });
  });

  describe('outcome panels are regions named by their heading', () => {
    it('"saved on this device" takes focus as a region named by its title, not its whole content', async () => {
      const el = await render();
      await fill(el, { kind: 'problem', text: unique('region') });
      await proxy('down');
      const queued = oneEvent(document, 'cocreate-queued');
      await send(el);
      await queued;
      await el.updateComplete;
      const f = focusedIn(el);
      expect(f.element?.getAttribute('part')).to.equal('notice');
      expect(f.role).to.equal('region');
      expect(f.name).to.equal('Your message is saved on this device');
    });
  });

  describe('headings fit the host page', () => {
    it('heading-level sets the top heading level of the summary and the outcome', async () => {
      const el = await render({ headingLevel: 3 });
      await send(el);
      expect($(el, '[part~="error-summary"] :is(h1, h2, h3, h4, h5, h6)').localName).to.equal('h3');
      await fill(el, { kind: 'idea', text: unique('heading level') });
      await send(el);
      await receiptShown(el);
      expect($(el, '[part~="receipt"] :is(h1, h2, h3, h4, h5, h6)').localName).to.equal('h3');
      expect(el.shadowRoot!.querySelector('h2')).to.equal(null);
    });

    it('defaults to level 2', async () => {
      const el = await render();
      await send(el);
      expect($(el, '[part~="error-summary"] :is(h1, h2, h3, h4, h5, h6)').localName).to.equal('h2');
    });
  });

  describe('the receipt code can be heard', () => {
    for (const lang of ['en', 'pl']) {
      it(`[${lang}] spelled group by group with its number of characters`, async () => {
        const el = await render({ lang });
        await fill(el, { kind: 'idea', text: unique('spelled') });
        await send(el);
        await receiptShown(el);
        const shown = text($(el, '[part~="receipt-code"]'));
        expect($(el, '[part~="receipt-code"]').getAttribute('aria-hidden')).to.equal('true');
        const spoken = text($(el, '#receipt-code-spoken'));
        const groups = shown.split('-').map((g) => [...g].join(' ')).join(', ');
        expect(spoken).to.contain(groups);
        expect(spoken).to.contain('10');
        expect($(el, '[part~="copy"]').getAttribute('aria-describedby')).to.equal('receipt-code-spoken');
      });
    }
  });

  describe('readable on any theme (issue 7)', () => {
    for (const name of THEMES) {
      it(`${name} theme: error text and summary links 4.5:1, error borders 3:1`, async () => {
        await theme(name);
        const el = await render();
        await send(el);
        const figures = {
          'error text': textContrast($(el, '.error-message')),
          'summary link': textContrast($(el, '[part~="error-summary"] a')),
          'summary border': contrast(parseColor(getComputedStyle($(el, '[part~="error-summary"]')).borderTopColor), backgroundBehind(el)),
        };
        console.log(`error colour contrast, ${name} theme: ${Object.entries(figures).map(([k, v]) => `${k} ${v.toFixed(2)}:1`).join(', ')}`);
        expect(figures['error text']).to.be.at.least(4.5);
        expect(figures['summary link']).to.be.at.least(4.5);
        expect(figures['summary border']).to.be.at.least(3);
      });
    }

    it('native controls are told the page is dark (color-scheme), and light on a light page', async () => {
      await theme('dark');
      const el = await render({ service: null });
      await waitUntil(() => maybe(el, '#service'), 'no service list', { timeout: 10_000 });
      await el.updateComplete;
      expect(getComputedStyle($(el, '#service')).colorScheme).to.equal('dark');
      expect(getComputedStyle($(el, 'input[name="kind"]')).colorScheme).to.equal('dark');
      cleanups.pop()!();
      await theme('light');
      el.requestUpdate();
      await el.updateComplete;
      expect(getComputedStyle($(el, '#service')).colorScheme).to.equal('light');
    });

    for (const name of ['light', 'dark'] as const) {
      it(`${name} theme: the select's text, the radios and the checkbox are readable as the engine paints them`, async () => {
        await theme(name);
        const el = await render({ service: null });
        await waitUntil(() => maybe(el, '#service option:nth-child(2)'), 'no service list', { timeout: 10_000 });
        const select = $<HTMLSelectElement>(el, '#service');
        select.selectedIndex = 1;
        await el.updateComplete;
        // Inside the 2 px border, the first two thirds: the option's text, not the arrow.
        const list = await controlInk(select, { inset: 3, keep: 0.66 });
        const radio = await controlInk($(el, 'input[name="kind"]'));
        const checkbox = await controlInk($(el, 'input[type="checkbox"]'));
        $<HTMLInputElement>(el, 'input[name="kind"][value="idea"]').click();
        $<HTMLInputElement>(el, 'input[type="checkbox"]').click();
        await el.updateComplete;
        const radioTicked = await controlInk($(el, 'input[name="kind"][value="idea"]'));
        const checkboxTicked = await controlInk($(el, 'input[type="checkbox"]'));
        const figures = { radio, 'radio ticked': radioTicked, checkbox, 'checkbox ticked': checkboxTicked };
        console.log(
          `native controls, ${name} theme: select text ${list.ink.toFixed(2)}:1 on rgb(${list.ground.join(' ')}); against the page: ` +
            Object.entries(figures).map(([k, v]) => `${k} ${v.againstPage.toFixed(2)}:1`).join(', '),
        );
        // Anti-aliased glyphs seldom reach their full colour: 4.5:1 at their darkest pixel is the floor.
        expect(list.ink, 'select text').to.be.at.least(4.5);
        for (const [k, v] of Object.entries(figures)) expect(v.againstPage, k).to.be.at.least(3);
      });
    }

    for (const name of THEMES) {
      it(`${name} theme: button labels sit in the middle of their buttons whatever line height the page sets`, async () => {
        await theme(name);
        cleanups.push(useStylesheet('body { line-height: 2.5 }'));
        const el = await render();
        await waitUntil(() => maybe(el, '[part~="input-use"]'), 'council text did not load');
        const button = $(el, 'button[type="submit"]');
        const range = document.createRange();
        range.selectNodeContents(button);
        const label = range.getBoundingClientRect();
        const box = button.getBoundingClientRect();
        expect(Math.abs(label.top + label.height / 2 - (box.top + box.height / 2))).to.be.at.most(1.5);
        // As painted (WebKit drew labels high while their boxes said otherwise): the label's ink,
        // inside the border, has as much room above it as below, within 2 px.
        const painted = await controlInk(button, { inset: 4 });
        expect(painted.inkRows, 'no label painted').to.not.equal(null);
        const [top, bottom] = painted.inkRows!;
        const above = top;
        const below = painted.height - 1 - bottom;
        console.log(`Send's label, ${name} theme: ${above.toFixed(1)} px above, ${below.toFixed(1)} px below`);
        expect(Math.abs(above - below), `${above} px above the label, ${below} px below`).to.be.at.most(2);
      });
    }
  });

  describe('targets and line height (issue 7)', () => {
    it('every link and button is at least 24×24 px with a page line height of 1', async () => {
      cleanups.push(useStylesheet('body, body * { line-height: 1 !important; font-size: 16px }'));
      const el = await render();
      await send(el);
      expect(smallTargets(el)).to.deep.equal([]);
      await fill(el, { kind: 'idea', text: unique('targets') });
      $<HTMLInputElement>(el, 'input[name="rating"]').click();
      await el.updateComplete;
      expect(smallTargets(el)).to.deep.equal([]);
      await send(el);
      await receiptShown(el);
      expect(smallTargets(el)).to.deep.equal([]);
    });
  });

  describe('CSS isolation against any theme (issue 7)', () => {
    it('a hostile page stylesheet does not push fields past the form or shrink targets', async () => {
      cleanups.push(useStylesheet(HOSTILE_CSS));
      const el = await render({ service: null });
      await waitUntil(() => maybe(el, '#service'), 'no service list', { timeout: 10_000 });
      const base = $(el, '[part~="base"]').getBoundingClientRect();
      for (const selector of ['#text', '#service', 'form', 'button[type="submit"]']) {
        const r = $(el, selector).getBoundingClientRect();
        expect(r.right, `${selector} runs past the element`).to.be.at.most(base.right + 0.5);
        expect(r.left).to.be.at.least(base.left - 0.5);
      }
      expect(smallTargets(el)).to.deep.equal([]);
      // Labels the page hid stay: they are in the shadow root.
      expect($(el, 'label[for="text"]').getBoundingClientRect().height).to.be.greaterThan(0);
    });
  });
});
