// <you-said-we-did> through the kit's shared accessibility checks (kit/testing/a11y-suite.ts):
// focus rings measured from pixels on each demo theme, targets of 24 px, and each change said
// once, by focus or by the status region, against the real server and its seeded council.
import { expect, fixture, fixtureCleanup, html } from '@open-wc/testing';
import { waitUntil } from '../kit/testing/wait.js';
import { sendKeys } from '@web/test-runner-commands';
import { typeKeys } from '../kit/testing/keys.js';
import { DEMO_THEMES, focusDropped, focusRingContrast, smallTargets, useDemoTheme, watchAnnouncements, type DemoTheme } from '../kit/testing/a11y-suite.js';
import type { LoopSeed } from '../../../../tests/support/loop-seed.js';
import './you-said-we-did.js';
import type { YouSaidWeDid } from './you-said-we-did.js';

let env: { apiUrl: string; loop: LoopSeed };
const cleanups: (() => void)[] = [];

before(async () => {
  env = (await (await fetch('/__test-env.json')).json()) as typeof env;
});

afterEach(() => {
  for (const c of cleanups.splice(0)) c();
  fixtureCleanup();
  history.replaceState(null, '', location.pathname + location.search);
});

const text = (node: Element | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
const maybe = (el: YouSaidWeDid, selector: string) => el.shadowRoot!.querySelector<HTMLElement>(selector);
function $(el: YouSaidWeDid, selector: string): HTMLElement {
  const found = maybe(el, selector);
  if (!found) throw new Error(`no ${selector} in <you-said-we-did>`);
  return found;
}

async function render(): Promise<YouSaidWeDid> {
  // <main>: the demo pages' content column (their site.css pads it), so rings are not cut by the window's edge.
  const wrapper = await fixture<HTMLElement>(html`
    <main>
      <button id="outside">Somewhere else on the page</button>
      <you-said-we-did api=${env.apiUrl} council=${env.loop.council}></you-said-we-did>
    </main>
  `);
  const el = wrapper.querySelector('you-said-we-did')!;
  await waitUntil(() => maybe(el, '[part~="card"]') && maybe(el, '.numbers'), 'the list and figures did not load', { timeout: 15_000 });
  await el.updateComplete;
  return el;
}

describe('<you-said-we-did> keyboard and screen readers', () => {
  for (const name of Object.keys(DEMO_THEMES) as DemoTheme[]) {
    it(`${name} theme: focus rings of 3:1 or more, and no target under 24 px`, async () => {
      cleanups.push(await useDemoTheme(name));
      const el = await render();
      const figures: Record<string, number> = {};
      figures['receipt field'] = (await focusRingContrast($(el, '#receipt'))).contrast;
      figures['Find'] = (await focusRingContrast($(el, '[part~="follow"] button[type="submit"]'))).contrast;
      figures['table disclosure'] = (await focusRingContrast($(el, 'summary'))).contrast;
      figures['status filter'] = (await focusRingContrast($(el, '#filter-status'))).contrast;
      figures['timeline'] = (await focusRingContrast($(el, '#card-0 button[aria-controls]'))).contrast;
      figures['feed link'] = (await focusRingContrast($(el, 'a[part~="subscribe"]'))).contrast;
      console.log(`focus ring contrast, ${name} theme: ${Object.entries(figures).map(([k, v]) => `${k} ${v.toFixed(2)}:1`).join(', ')}`);
      for (const [part, value] of Object.entries(figures)) expect(value, `${part} on the ${name} theme`).to.be.at.least(3);
      expect(smallTargets(el)).to.deep.equal([]);
    });
  }

  it('a lookup opened by the page address while the resident reads elsewhere is said once, focus left alone', async () => {
    const el = await render();
    const outside = document.querySelector<HTMLButtonElement>('#outside')!;
    outside.focus();
    const log = watchAnnouncements(el);
    cleanups.push(() => log.stop());
    location.hash = `receipt=${env.loop.answeredReceipt}`;
    await waitUntil(() => maybe(el, '#lookup'), 'no lookup', { timeout: 15_000 });
    await el.updateComplete;
    expect(document.activeElement).to.equal(outside);
    expect(log.spoken).to.deep.equal(['Looking for your message…', 'Your message: Answered']);
  });

  it('the resident’s own lookup takes focus to its result, said once by landing there', async () => {
    const el = await render();
    const log = watchAnnouncements(el);
    cleanups.push(() => log.stop());
    $(el, '#receipt').focus();
    await typeKeys(env.loop.waitingReceipt);
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => maybe(el, '#lookup'), 'no lookup', { timeout: 15_000 });
    await el.updateComplete;
    expect(el.shadowRoot!.activeElement?.id).to.equal('lookup');
    expect(log.said.filter((s) => s.includes('Your message: Received'))).to.have.length(1);
    expect(focusDropped()).to.equal(false);
  });

  it('"Show more" by keyboard: focus on the first new theme, said once', async () => {
    const el = await render();
    const log = watchAnnouncements(el);
    cleanups.push(() => log.stop());
    const more = [...el.shadowRoot!.querySelectorAll('button')].find((b) => text(b) === 'Show more themes')!;
    more.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => el.shadowRoot!.activeElement?.id === 'card-10', 'focus did not move', { timeout: 15_000 });
    const title = text($(el, '#card-10-title'));
    expect(log.said.filter((s) => s === `focus: ${title}`)).to.have.length(1);
    // Focus said it: the status region stays quiet.
    expect(log.spoken.filter((s) => s.startsWith('More themes shown'))).to.have.length(0);
  });
});
