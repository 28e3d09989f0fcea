// The render parts on their own: markup a screen reader relies on, at any heading level.
import { expect, fixture, fixtureCleanup } from '@open-wc/testing';
import { html, render } from 'lit';
import { sendKeys } from '@web/test-runner-commands';
import { clampLevel, heading } from './heading.js';
import { describedByAttr, field } from './field.js';
import { notice } from './notice.js';
import { progress } from './progress.js';
import { radioGroup } from './radio-group.js';
import { receiptLength, spellReceipt } from './receipt.js';
import { confirmPanel } from './erase.js';
import { shareChartStyles, shareTable } from './share-chart.js';
import { honeypot } from './sending.js';
import { errorProblems } from '../testing/a11y-suite.js';

afterEach(() => fixtureCleanup());

async function host(template: unknown): Promise<HTMLElement> {
  const el = await fixture<HTMLDivElement>(html`<div></div>`);
  const root = el.attachShadow({ mode: 'open' });
  render(template, root);
  return el;
}

describe('kit parts', () => {
  it('a figures table wider than a 288 px phone scrolls in its box; its caption wraps in the box and stays in view while it scrolls (WCAG 1.4.10)', async () => {
    const label = 'Share of messages with a public response, from December 2025 to December 2026, by service';
    const rows = ['Libraries and reading rooms', 'Street lighting and pavements', 'Bus lines'].map((name, i) => ({ key: name, name, received: 1000 + i, answered: 400 + i, share: 0.4 }));
    const el = await host(html`<div style="inline-size: 288px">${shareTable({ label, showTable: 'Show the figures as a table', headers: ['Service of the council', 'Messages received', 'Answered in public', 'Share answered'], rows, number: String, percent: (s) => `${Math.round(s * 100)} %` })}</div>`);
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(shareChartStyles.cssText);
    el.shadowRoot!.adoptedStyleSheets = [sheet];
    el.shadowRoot!.querySelector('details')!.open = true;
    const box = el.shadowRoot!.querySelector<HTMLElement>('.table-scroll')!;
    const caption = el.shadowRoot!.querySelector('caption')!;
    expect(box.scrollWidth, 'the table is wider than the box').to.be.greaterThan(box.clientWidth);
    for (const scrolled of [0, box.scrollWidth]) {
      box.scrollLeft = scrolled;
      const [c, b] = [caption.getBoundingClientRect(), box.getBoundingClientRect()];
      expect(c.left, `left, scrolled ${scrolled}`).to.be.at.least(b.left - 1);
      expect(c.right, `right, scrolled ${scrolled}`).to.be.at.most(b.right + 1);
    }
  });

  it('heading: levels 1–6, others clamped, default 2 for nonsense', () => {
    expect([0, 1, 3, 6, 9, Number.NaN].map(clampLevel)).to.deep.equal([1, 1, 3, 6, 6, 2]);
  });

  it('heading renders the asked level with its id', async () => {
    const el = await host(heading(4, 'Title', { id: 't' }));
    expect(el.shadowRoot!.querySelector('h4#t')!.textContent).to.equal('Title');
  });

  it('progress: "step n of m" as a caption with its part', async () => {
    const el = await host(progress({ text: 'Step 2 of 3' }));
    const p = el.shadowRoot!.querySelector('p[part="progress"]')!;
    expect(p.textContent).to.equal('Step 2 of 3');
    await expect(el).shadowDom.to.be.accessible();
  });

  it('notice: a focusable region named by its heading, not by its content', async () => {
    const el = await host(notice({ id: 'outcome', level: 3, title: 'Saved', tone: 'info', body: html`<p>Long text</p><button>Act</button>` }));
    const region = el.shadowRoot!.querySelector('#outcome')!;
    expect(region.getAttribute('role')).to.equal('region');
    expect(region.getAttribute('tabindex')).to.equal('-1');
    expect(el.shadowRoot!.getElementById(region.getAttribute('aria-labelledby')!)!.localName).to.equal('h3');
    await expect(el).shadowDom.to.be.accessible();
  });

  it('radio group with an error: every radio invalid and described by it; without, neither', async () => {
    const group = (error?: string) =>
      radioGroup({ name: 'kind', legend: 'Kind', error, options: [{ value: 'a', label: 'A' }, { value: 'b', label: 'B' }], value: undefined, onChange: () => undefined });
    const el = await host(group('Choose one'));
    for (const r of el.shadowRoot!.querySelectorAll('input')) {
      expect(r.getAttribute('aria-invalid')).to.equal('true');
      expect(r.getAttribute('aria-describedby')).to.equal('kind-error');
    }
    expect(errorProblems(el)).to.deep.equal([]);
    render(group(undefined), el.shadowRoot!);
    for (const r of el.shadowRoot!.querySelectorAll('input')) {
      expect(r.hasAttribute('aria-invalid')).to.equal(false);
      expect(r.hasAttribute('aria-describedby')).to.equal(false);
    }
    expect(el.shadowRoot!.querySelector('#kind-error')).to.equal(null);
  });

  it('field: the control is described by hint and error, invalid with the error, and both go together', async () => {
    const f = (error?: string) =>
      field({
        id: 'email',
        label: 'Email',
        hint: 'We reply here',
        error,
        control: (a) => html`<input id="email" aria-describedby=${describedByAttr(a.describedBy)} aria-invalid=${a.invalid ? 'true' : 'false'} />`,
      });
    const el = await host(f('Enter an email address'));
    const input = el.shadowRoot!.querySelector('input')!;
    expect(input.getAttribute('aria-describedby')).to.equal('email-hint email-error');
    expect(input.getAttribute('aria-invalid')).to.equal('true');
    expect(el.shadowRoot!.querySelector('#email-error')!.textContent).to.contain('Enter an email address');
    expect(errorProblems(el)).to.deep.equal([]);
    await expect(el).shadowDom.to.be.accessible();
    render(f(undefined), el.shadowRoot!);
    expect(input.getAttribute('aria-describedby')).to.equal('email-hint');
    expect(input.getAttribute('aria-invalid')).to.equal('false');
    expect(el.shadowRoot!.querySelector('#email-error')).to.equal(null);
  });

  it('confirm panel: a group named by its question; both buttons, the cancel one focused first, are described by the warning; Escape cancels', async () => {
    const el = await fixture<HTMLElement>(html`<div></div>`);
    let cancelled = 0;
    const panel = (busy: boolean) => confirmPanel({ id: 'erase', question: 'Erase your message?', warning: 'This cannot be undone.', confirmLabel: 'Yes, erase it', cancelLabel: 'No, keep it', busy, onConfirm: () => {}, onCancel: () => cancelled++ });
    render(panel(false), el);
    const group = el.querySelector('[role="group"]')!;
    expect(el.querySelector(`#${group.getAttribute('aria-labelledby')}`)?.textContent?.trim()).to.equal('Erase your message?');
    for (const id of ['erase-confirm', 'erase-cancel']) expect(el.querySelector(`#${el.querySelector(`#${id}`)!.getAttribute('aria-describedby')}`)?.textContent?.trim(), id).to.equal('This cannot be undone.');
    expect(el.querySelector('#erase-cancel')!.textContent!.trim()).to.equal('No, keep it');
    el.querySelector<HTMLButtonElement>('#erase-cancel')!.focus();
    await sendKeys({ press: 'Escape' });
    expect(cancelled).to.equal(1);
    // While the action runs, Escape cannot take it back.
    render(panel(true), el);
    el.querySelector<HTMLButtonElement>('#erase-cancel')!.focus();
    await sendKeys({ press: 'Escape' });
    expect(cancelled).to.equal(1);
    await expect(el).to.be.accessible();
  });

  it('honeypot: out of sight, of the tab order and of the accessibility tree; its English label says it is English inside a page in another language', async () => {
    const el = await host(html`<div lang="pl">${honeypot({ name: 'website', value: '', onInput: () => {} })}</div>`);
    const input = el.shadowRoot!.querySelector<HTMLInputElement>('#trap')!;
    expect([input.name, input.tabIndex, input.autocomplete]).to.deep.equal(['website', -1, 'off']);
    const box = input.closest('[aria-hidden="true"]')!;
    expect(box.classList.contains('visually-hidden')).to.equal(true);
    expect((el.shadowRoot!.querySelector('label[for="trap"]')!.closest('[lang]') as HTMLElement).lang).to.equal('en');
  });

  it('receipt code spelled group by group, with its length', () => {
    expect(spellReceipt('K7MX2QPA9R')).to.equal('K 7 M X, 2 Q P A, 9 R');
    expect(spellReceipt('k7mx-2qpa-9r')).to.equal('K 7 M X, 2 Q P A, 9 R');
    expect(receiptLength('K7MX-2QPA-9R')).to.equal(10);
  });
});
