// The browser suite every Civic Loop form element runs (like Shoelace's shared form-control
// tests): axe in each state, the error summary taking focus, completion by keyboard alone, and
// sent, queued and refused through the real server and the fault proxy; plus the kit's promises:
// a refusal for good never blocks the form or later inputs, two forms of one scope keep separate
// drafts, and two elements in two languages on one page each speak their own.
// Call `formSuite({...})` inside the element's test file.
import { expect, fixture, fixtureCleanup, html, oneEvent } from '@open-wc/testing';
import { waitUntil } from './wait.js';
import { sendKeys } from '@web/test-runner-commands';
import { focusDropped } from './a11y-suite.js';

export interface TestEnv {
  apiUrl: string;
  directApiUrl: string;
  council: string;
  staffToken: string;
  services: { id: string }[];
  powCouncil: string;
  proxyControl: string;
}

type Mode = 'pass' | 'down' | 'delay' | 'drop' | 'status';

export interface FormSuiteDefinition {
  tag: string;
  /** The element's event for a stored input (detail has `receipt`), and for one kept on the device. */
  events: { submitted: string; queued: string };
  /** Renders the element on the real server; `attrs` become attributes (id, lang, council, ...). */
  render(env: TestEnv, attrs?: Record<string, string | undefined>, parent?: HTMLElement): Promise<HTMLElement>;
  /** Fills a valid input whose free text is `text`. */
  fill(el: HTMLElement, text: string): Promise<void>;
  /** The free-text field, where the resident's words are (and come back). */
  textField(el: HTMLElement): HTMLTextAreaElement | HTMLInputElement;
  /** Selectors of the element's states. */
  selectors: { submit: string; errorSummary: string; receiptCode: string; notice: string };
  /** One visible text of the element in each language, e.g. its first question. */
  landmarkText: Partial<Record<'en' | 'pl' | 'sv', string>>;
  /** The council the element works with when a test moves it off an unknown one. @default env.council */
  council?(env: TestEnv): string;
  /** How many inputs the server stored with the free text `text`. @default GET /__stored?text= (feedback) */
  stored?(text: string): Promise<number>;
  /**
   * Keyboard-only completion: what to do on a focused control the suite does not answer itself
   * (it ticks the first radio of each group, types into text areas and presses Send). Undefined: Tab on.
   */
  keyboard?(focused: HTMLElement, words: string): { type: string } | { press: string } | undefined;
}

const shadow = (el: HTMLElement) => el.shadowRoot!;
const $ = <T extends Element = HTMLElement>(el: HTMLElement, s: string) => shadow(el).querySelector<T>(s);
const active = (el: HTMLElement) => shadow(el).activeElement as HTMLElement | null;
const text = (n: Node | null | undefined) => (n?.textContent ?? '').replace(/\s+/g, ' ').trim();
const unique = (label: string) => `${label} ${crypto.randomUUID()}`;

/**
 * Every visible sentence the element writes in its own language, for comparing languages (no
 * ids, numbers or codes). A council's own text that exists only in another language is shown
 * marked with that `lang` (a screen reader switches voice): it is left out.
 */
function sentences(el: HTMLElement): string[] {
  const out: string[] = [];
  const own = $(el, '[part~="base"]')?.getAttribute('lang');
  const walker = document.createTreeWalker(shadow(el), NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const t = text(n);
    const parent = n.parentElement;
    if (!parent || parent.closest('[aria-hidden="true"], option') || parent.closest('[lang]')?.getAttribute('lang') !== own) continue;
    if (t.length >= 12 && /\p{L}{4}/u.test(t)) out.push(t);
  }
  return out;
}

export function formSuite(def: FormSuiteDefinition): void {
  let env: TestEnv;
  const proxy = (mode: Mode, options: Record<string, unknown> = {}) => fetch(env.proxyControl, { method: 'POST', body: JSON.stringify({ mode, ...options }) });
  const render = (attrs?: Record<string, string | undefined>, parent?: HTMLElement) => def.render(env, attrs, parent);
  const submit = async (el: HTMLElement) => {
    $<HTMLButtonElement>(el, def.selectors.submit)!.click();
    await (el as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
  };
  const receipt = async (el: HTMLElement) => {
    await waitUntil(() => $(el, def.selectors.receiptCode), 'no receipt', { timeout: 15_000 });
    return text($(el, def.selectors.receiptCode));
  };

  describe(`<${def.tag}>: the kit's form suite`, () => {
    before(async () => {
      env = (await (await fetch('/__test-env.json')).json()) as TestEnv;
    });
    afterEach(async () => {
      await proxy('pass');
      fixtureCleanup();
      localStorage.clear();
    });

    it('axe passes in each state: empty, invalid, sent, queued, refused', async () => {
      const el = await render();
      await expect(el).to.be.accessible();
      await submit(el);
      await expect(el).to.be.accessible();
      await def.fill(el, unique('suite sent'));
      await submit(el);
      await receipt(el);
      await expect(el).to.be.accessible();

      const queued = await render({ id: 'queued' });
      await def.fill(queued, unique('suite queued'));
      await proxy('down');
      const kept = oneEvent(queued, def.events.queued);
      await submit(queued);
      await kept;
      await waitUntil(() => $(queued, def.selectors.notice), 'no queued notice');
      await expect(queued).to.be.accessible();
      await proxy('pass');

      const refused = await render({ id: 'refused', council: 'no-such-council' });
      await def.fill(refused, unique('suite refused'));
      await submit(refused);
      await waitUntil(() => $(refused, def.selectors.notice), 'no refusal notice');
      await expect(refused).to.be.accessible();
    });

    it('holds the size it settles at until the resident acts in it; then it is as tall as what it shows, with no gap below', async () => {
      const el = await render();
      expect(el.hasAttribute('reserving')).to.equal(true);
      expect(parseFloat(getComputedStyle(el).minHeight)).to.be.greaterThan(0);
      await def.fill(el, unique('suite size'));
      await submit(el);
      await receipt(el);
      expect(el.hasAttribute('reserving')).to.equal(false);
      const base = $(el, '[part~="base"]')!;
      expect(el.getBoundingClientRect().height - base.getBoundingClientRect().height).to.be.below(1);
    });

    it('sending with errors moves focus to the error summary, whose links reach each field', async () => {
      const el = await render();
      await submit(el);
      const summary = $(el, def.selectors.errorSummary)!;
      expect(active(el)).to.equal(summary);
      const links = [...summary.querySelectorAll('a')];
      expect(links.length).to.be.greaterThan(0);
      for (const link of links) {
        link.click();
        const id = link.getAttribute('href')!.slice(1);
        const target = shadow(el).getElementById(id)!;
        expect(target === active(el) || target.contains(active(el)), `link to #${id} moves focus there`).to.equal(true);
      }
      expect(focusDropped()).to.equal(false);
    });

    it('can be completed with the keyboard alone', async () => {
      const wrapper = await fixture<HTMLDivElement>(html`<div><button id="before">before</button></div>`);
      const el = await render({}, wrapper);
      wrapper.querySelector<HTMLButtonElement>('#before')!.focus();
      const words = unique('keyboard only');
      const answered = new Set<string>();
      const submitted = oneEvent(el, def.events.submitted);
      for (let i = 0; i < 120; i++) {
        await sendKeys({ press: 'Tab' });
        const focused = active(el);
        if (!focused) continue;
        if (focused instanceof HTMLInputElement && focused.type === 'radio' && !answered.has(focused.name)) {
          answered.add(focused.name);
          await sendKeys({ press: 'ArrowRight' });
        } else if (focused instanceof HTMLTextAreaElement) {
          await sendKeys({ type: words });
        } else if (focused.matches(def.selectors.submit)) {
          await sendKeys({ press: 'Enter' });
          break;
        } else {
          const action = def.keyboard?.(focused, words);
          // One key per command: WebKitWebDriver types a key repeated within one command once.
          if (action && 'type' in action) for (const key of action.type) await sendKeys({ type: key });
          else if (action) await sendKeys(action);
        }
      }
      await submitted;
      expect(await receipt(el)).to.not.equal('');
    });

    it('queued offline, then sent when the connection is back; exactly one stored', async () => {
      const el = await render();
      const words = unique('suite offline');
      await def.fill(el, words);
      await proxy('down');
      const kept = oneEvent(el, def.events.queued);
      await submit(el);
      await kept;
      await proxy('pass');
      const delivered = oneEvent(el, def.events.submitted);
      window.dispatchEvent(new Event('online'));
      const { detail } = (await delivered) as CustomEvent<{ receipt?: string }>;
      const shown = await receipt(el);
      // An element whose answer has a receipt shows that one; others show their confirmation.
      if (detail.receipt !== undefined) expect(shown).to.equal(detail.receipt);
      else expect(shown).to.not.equal('');
      const stored = def.stored ? await def.stored(words) : ((await (await fetch(`/__stored?text=${encodeURIComponent(words)}`)).json()) as { count: number }).count;
      expect(stored).to.equal(1);
    });

    it('an input refused for good never blocks the form or later inputs', async () => {
      // Two inputs kept offline, the older one for a council that does not exist.
      const refused = await render({ id: 'refused-later', council: 'no-such-council' });
      const lost = unique('for a council that does not exist');
      await def.fill(refused, lost);
      await proxy('down');
      let kept = oneEvent(refused, def.events.queued);
      await submit(refused);
      await kept;
      const later = await render({ id: 'delivered-later' });
      const words = unique('queued behind a refused one');
      await def.fill(later, words);
      kept = oneEvent(later, def.events.queued);
      await submit(later);
      await kept;

      await proxy('pass');
      const delivered = oneEvent(later, def.events.submitted);
      window.dispatchEvent(new Event('online'));
      await delivered;
      expect(await receipt(later)).to.not.equal('');
      // The refused one says so and gives the words back; its form takes a new input at once.
      await waitUntil(() => def.textField(refused).value === lost, 'the refused words did not come back', { timeout: 15_000 });
      expect(text($(refused, def.selectors.notice))).to.not.equal('');
      refused.setAttribute('council', def.council?.(env) ?? env.council);
      await (refused as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
      const sentAfter = oneEvent(refused, def.events.submitted);
      await submit(refused);
      await sentAfter;
      expect(await receipt(refused)).to.not.equal('');
    });

    it('two forms of one scope on one page keep separate drafts', async () => {
      const wrapper = await fixture<HTMLDivElement>(html`<div></div>`);
      let [a, b] = [await render({}, wrapper), await render({}, wrapper)];
      const [first, second] = [unique('first form'), unique('second form')];
      await def.fill(a!, first);
      await def.fill(b!, second);
      fixtureCleanup();
      const again = await fixture<HTMLDivElement>(html`<div></div>`);
      [a, b] = [await render({}, again), await render({}, again)];
      expect(def.textField(a!).value).to.equal(first);
      expect(def.textField(b!).value).to.equal(second);
    });

    it('two elements in two languages on one page each render wholly in their own', async () => {
      const wrapper = await fixture<HTMLDivElement>(html`<div></div>`);
      const en = await render({ lang: 'en' }, wrapper);
      const pl = await render({ lang: 'pl' }, wrapper);
      const sv = await render({ lang: 'sv' }, wrapper);
      const shows = (el: HTMLElement, s: string | undefined) => !s || text(shadow(el)).includes(s);
      await waitUntil(() => shows(pl, def.landmarkText.pl) && shows(sv, def.landmarkText.sv), 'not in their languages');
      const english = new Set(sentences(en));
      const mixed = (el: HTMLElement) => sentences(el).filter((s) => english.has(s));
      expect(mixed(pl), 'English left in the Polish form').to.deep.equal([]);
      expect(mixed(sv), 'English left in the Swedish form').to.deep.equal([]);
      expect($(pl, '[part~="base"]')!.getAttribute('lang')).to.equal('pl');
      expect($(sv, '[part~="base"]')!.getAttribute('lang')).to.equal('sv');

      // The resident switches the Swedish one to English from inside it: only it changes.
      const picker = $<HTMLSelectElement>(sv, '#language')!;
      picker.value = 'en';
      picker.dispatchEvent(new Event('change'));
      await waitUntil(() => shows(sv, def.landmarkText.en), 'the switcher did not switch');
      expect(shows(pl, def.landmarkText.pl)).to.equal(true);
      expect(mixed(pl)).to.deep.equal([]);
    });

    it('its language picker is named after the form it switches, so a page’s pickers are told apart', async () => {
      const el = await render({ lang: 'en' });
      await waitUntil(() => $(el, '#language') && $(el, 'form'), 'no language picker');
      const picker = $<HTMLSelectElement>(el, '#language')!;
      // The accessible name, as aria-labelledby composes it (a hidden element referenced by id counts).
      const name = (picker.getAttribute('aria-labelledby') ?? '').split(' ').map((id) => text(shadow(el).getElementById(id))).join(' ');
      expect(name).to.equal(`Language ${$(el, 'form')!.getAttribute('aria-label')}`);
      expect(text(picker.labels[0]), 'the visible label stays one word').to.equal('Language');
    });
  });
}
