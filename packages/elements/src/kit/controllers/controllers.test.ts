// StatusController and FocusController in a bare harness element: what a screen reader hears
// and where focus lands, without a server. Timers come from an injected clock, never slept on.
import { expect, fixture, fixtureCleanup, html as fixtureHtml } from '@open-wc/testing';
import { html, LitElement, nothing } from 'lit';
import { watchAnnouncements, focusDropped } from '../testing/a11y-suite.js';
import { FocusController } from './focus.js';
import { StatusController, type StatusClock } from './status.js';

class ManualClock implements StatusClock {
  #next = 1;
  readonly timers = new Map<number, { run: () => void; at: number }>();
  now = 0;
  setTimeout(run: () => void, ms: number): number {
    const id = this.#next++;
    this.timers.set(id, { run, at: this.now + ms });
    return id;
  }
  clearTimeout(handle: unknown): void {
    this.timers.delete(handle as number);
  }
  advance(ms: number): void {
    this.now += ms;
    for (const [id, t] of [...this.timers]) if (t.at <= this.now) (this.timers.delete(id), t.run());
  }
}

const clock = new ManualClock();

class KitHarness extends LitElement {
  static override properties = { step: { type: String }, language: { type: String } };
  step: 'form' | 'done' = 'form';
  language = 'pl';
  status = new StatusController(this, clock);
  focus = new FocusController(this);
  override render() {
    return html`<div part="base" lang=${this.language}>
      ${this.status.render()}
      ${this.step === 'form'
        ? html`<button id="go" @click=${() => this.go()}>Go</button>`
        : html`<div id="done" role="region" aria-labelledby="done-title" tabindex="-1"><h2 id="done-title">Done</h2></div>`}
      ${nothing}
    </div>`;
  }
  go(): void {
    this.focus.acted();
    this.step = 'done';
    this.focus.moveTo('#done');
  }
}
customElements.define('kit-harness', KitHarness);

afterEach(() => fixtureCleanup());

async function harness(): Promise<KitHarness> {
  const wrapper = await fixture<HTMLDivElement>(fixtureHtml`<div><button id="page">page</button><kit-harness></kit-harness></div>`);
  const el = wrapper.querySelector<KitHarness>('kit-harness')!;
  await el.updateComplete;
  return el;
}

describe('StatusController', () => {
  it('says each announcement once, and the same words again when announced again', async () => {
    const el = await harness();
    const log = watchAnnouncements(el);
    el.status.announce('Copied');
    await el.updateComplete;
    el.status.announce('Copied');
    await el.updateComplete;
    log.stop();
    expect(log.spoken).to.deep.equal(['Copied', 'Copied']);
  });

  it('a later announcement is cancelled by any announcement or clear before it is due', async () => {
    const el = await harness();
    const log = watchAnnouncements(el);
    el.status.announceLater('Characters remaining: 10', 1000);
    expect(el.status.pending).to.equal(true);
    el.status.announce('Sending your message…');
    await el.updateComplete;
    clock.advance(5000);
    await el.updateComplete;
    el.status.announceLater('Characters remaining: 9', 1000);
    el.status.clear();
    clock.advance(5000);
    await el.updateComplete;
    log.stop();
    expect(log.spoken).to.deep.equal(['Sending your message…']);
  });

  it('a later announcement is said once when nothing cancels it', async () => {
    const el = await harness();
    const log = watchAnnouncements(el);
    el.status.announceLater('Characters remaining: 10', 1000);
    clock.advance(999);
    await el.updateComplete;
    expect(log.spoken).to.deep.equal([]);
    clock.advance(1);
    await el.updateComplete;
    log.stop();
    expect(log.spoken).to.deep.equal(['Characters remaining: 10']);
  });
});

describe('StatusController and the language', () => {
  it('words said in one language leave the region when the element speaks another', async () => {
    const el = await harness();
    const region = () => el.shadowRoot!.querySelector('[part~="status"]')!.textContent!.trim();
    el.status.announce('Pozostało znaków: 1975');
    await el.updateComplete;
    el.requestUpdate();
    await el.updateComplete;
    expect(region(), 'kept while the language stays').to.equal('Pozostało znaków: 1975');
    el.language = 'de';
    await el.updateComplete;
    await new Promise<void>((r) => queueMicrotask(r));
    await el.updateComplete;
    expect(region()).to.equal('');
    el.status.announce('Noch 1975 Zeichen');
    await el.updateComplete;
    expect(region()).to.equal('Noch 1975 Zeichen');
  });
});

describe('FocusController', () => {
  it('moves focus after the resident acted, to the named target', async () => {
    const el = await harness();
    el.shadowRoot!.querySelector<HTMLButtonElement>('#go')!.click();
    await el.updateComplete;
    expect(el.shadowRoot!.activeElement?.id).to.equal('done');
  });

  it('does not pull focus from the page for a change nobody in the element started', async () => {
    const el = await harness();
    const page = document.querySelector<HTMLButtonElement>('#page')!;
    page.focus();
    el.step = 'done';
    expect(el.focus.moveTo('#done')).to.equal(false);
    await el.updateComplete;
    expect(document.activeElement).to.equal(page);
  });

  it('moves focus when it was inside the element, where the re-render would drop it', async () => {
    const el = await harness();
    el.shadowRoot!.querySelector<HTMLButtonElement>('#go')!.focus();
    el.step = 'done';
    expect(el.focus.moveTo('#done')).to.equal(true);
    await el.updateComplete;
    expect(el.shadowRoot!.activeElement?.id).to.equal('done');
  });

  it('focusing the node that already has focus (its content replaced) is heard as a new focus', async () => {
    const el = await harness();
    el.shadowRoot!.querySelector<HTMLButtonElement>('#go')!.click();
    await el.updateComplete;
    const log = watchAnnouncements(el);
    el.focus.acted();
    el.focus.moveTo('#done');
    await el.updateComplete;
    log.stop();
    expect(log.said).to.deep.equal(['focus: Done']);
  });

  it('never lets focus drop to <body> when the focused control goes: the fallback takes it', async () => {
    const el = await harness();
    el.shadowRoot!.querySelector<HTMLButtonElement>('#go')!.focus();
    el.focus.fallback('#done');
    el.step = 'done'; // no moveTo: only the fallback can catch focus
    await el.updateComplete;
    expect(focusDropped()).to.equal(false);
    expect(el.shadowRoot!.activeElement?.id).to.equal('done');
  });

  it('without a fallback the drop is visible to the check (so the check can fail)', async () => {
    const el = await harness();
    el.shadowRoot!.querySelector<HTMLButtonElement>('#go')!.focus();
    el.focus.fallback(undefined);
    el.step = 'done';
    await el.updateComplete;
    expect(focusDropped()).to.equal(true);
  });
});
