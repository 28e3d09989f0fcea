// The shared a11y helpers measure what they claim: a ring that is there is found with its real
// contrast, one that is not is not, wherever the page is scrolled.
import { expect, fixture, fixtureCleanup, html } from '@open-wc/testing';
import { contrast, focusRingContrast, holdTimers, useStylesheet } from './a11y-suite.js';

afterEach(() => fixtureCleanup());

async function button(ring: string, spacer = 0): Promise<HTMLButtonElement> {
  const remove = useStylesheet(`
    body { background: #fff; margin: 0; padding: 24px }
    .t { font: 16px sans-serif; padding: 8px 16px; border: 0; background: #ddd; color: #000 }
    .t:focus-visible { outline: 3px solid ${ring}; outline-offset: 2px }
  `);
  after(remove);
  const wrapper = await fixture<HTMLDivElement>(html`<div><div style="height: ${spacer}px"></div><button class="t">Focus me</button><div style="height: 2000px"></div></div>`);
  return wrapper.querySelector('button')!;
}

describe('a11y-suite', () => {
  it('contrast follows WCAG: black on white is 21:1, white on white 1:1', () => {
    expect(contrast([0, 0, 0], [255, 255, 255])).to.be.closeTo(21, 0.01);
    expect(contrast([255, 255, 255], [255, 255, 255])).to.equal(1);
  });

  it('a black ring on a white page measures 21:1', async () => {
    expect((await focusRingContrast(await button('#000'))).contrast).to.be.closeTo(21, 0.01);
  });

  it('a white ring on a white page measures 1:1 (the ring is not there)', async () => {
    expect((await focusRingContrast(await button('#fff'))).contrast).to.equal(1);
  });

  it('a grey ring measures its own contrast, also far down a scrolled page', async () => {
    const measured = await focusRingContrast(await button('#777', 1500));
    expect(measured.contrast).to.be.closeTo(contrast([0x77, 0x77, 0x77], [255, 255, 255]), 0.05);
  });

  it('holdTimers holds timers of one delay until flushed, and cleared ones never run', () => {
    const timers = holdTimers(1000);
    try {
      let ran = 0;
      setTimeout(() => ran++, 1000);
      const cleared = setTimeout(() => (ran += 10), 1000);
      clearTimeout(cleared);
      expect(timers.held()).to.equal(1);
      timers.flush();
      expect(ran).to.equal(1);
    } finally {
      timers.restore();
    }
  });
});
