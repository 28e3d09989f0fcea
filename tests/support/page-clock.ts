// The page's wall clock, moved forward by a test instead of waited out. The forms measure how long
// they were open with Date.now (kit/controllers/anti-abuse.ts), and the demo councils refuse a form
// sent sooner than two seconds after it appeared; a test that sleeps past that is slow and says
// nothing about time. Run the script in the page (puppeteer `page.evaluate`, WebDriver `execute`)
// when the resident would have taken `ms` longer.

/** A script that moves the page's `Date.now` forward by `ms` from now on. */
export function advancePageClock(ms: number): string {
  return `(() => { const now = Date.now; Date.now = () => now() + ${Number(ms)}; })()`;
}

/** The demo councils' minimum fill time (seed.ts), and a little more. */
export const DEMO_FILL_MS = 2100;
