// The console from the CDN files, in Polish: every view's buttons, labels, headings and legends
// have text, and it is Polish. The CDN build takes English out of the code (scripts/cdn-english.mjs),
// so a message asked for outside the element's update would be empty here, not English.
// Needs `npm run build` first (scripts/test.mjs runs it).
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { after, before, test } from 'node:test';
import puppeteer, { type Browser } from 'puppeteer-core';
import { launchChromium } from '../support/chromium.mjs';
import { createStaffToken, seedDemo, startServer, type RunningServer } from '@civicloop/server';
import { councilApi } from '../support/journey.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const cdnDir = `${root}packages/elements/dist/cdn`;
const VIEWS = ['inbox', 'record', 'themes', 'figures', 'bank', 'activities', 'audit', 'settings', 'embed'];

let server: RunningServer;
let browser: Browser;

before(async () => {
  server = await startServer({ port: 0, dataDir: 'memory://', cdnDir, log: () => {} });
  await seedDemo(server.db);
  browser = await launchChromium(puppeteer);
});
after(async () => {
  await browser?.close();
  await server?.close();
});


/** A Polish intranet page with the console, from the CDN files; the page errors it meets. */
async function polishIntranet() {
  const page = await browser.newPage();
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(`page error: ${(e as Error).message}`));
  await page.setRequestInterception(true);
  page.on('request', (request) => {
    if (new URL(request.url()).pathname === '/intranet.html')
      void request.respond({
        status: 200,
        contentType: 'text/html',
        body: `<!doctype html><html lang="pl"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>Intranet</title>
          <script type="module" src="/cdn/civicloop.js"></script></head><body><cocreate-console id="console" council="demo"></cocreate-console></body></html>`,
      });
    else void request.continue();
  });
  await page.goto(`${server.url}/intranet.html`);
  return { page, problems };
}

test('a Polish console on the CDN files: no empty and no English texts in any view', { skip: !existsSync(`${cdnDir}/civicloop.js`) && 'run npm run build first' }, async () => {
  const token = await createStaffToken(server.db, { council: 'demo', role: 'admin', label: 'cdn console locale test' });
  const { page, problems } = await polishIntranet();
  const shadow = (selector: string) => page.waitForFunction((s) => document.getElementById('console')?.shadowRoot?.querySelector(s), { timeout: 15_000 }, selector);
  const field = await shadow('#token');
  await field.asElement()!.type(token);
  await page.keyboard.press('Enter');
  await shadow('#nav-inbox');

  /** Buttons, labels, legends, headings and options with no text, or with a known English word. */
  const bad = () =>
    page.evaluate(() => {
      const found: string[] = [];
      let checked = 0;
      // No nested function here: tsx would wrap it in a helper the page does not have.
      const roots: (ShadowRoot | Document)[] = [document];
      for (let i = 0; i < roots.length; i++) {
        for (const el of roots[i]!.querySelectorAll('button, label, legend, h1, h2, h3, h4, th, option, a')) {
          checked++;
          const text = (el.textContent ?? '').trim();
          const named = text || el.getAttribute('aria-label') || el.getAttribute('title');
          if (!named) found.push(`empty <${el.localName}${el.id ? ` id="${el.id}"` : ''}>`);
          else if (/^(Inbox|Themes|Settings|Audit log|Cancel|Sign out|Loop figures|Contact bank|Activities|Record input|Publish…|Try again|Show more)$/.test(text)) found.push(`English <${el.localName}>: ${text}`);
        }
        for (const el of roots[i]!.querySelectorAll('*')) if (el.shadowRoot) roots.push(el.shadowRoot);
      }
      return { found, checked };
    });

  for (const view of VIEWS) {
    await (await shadow(`#nav-${view}`)).asElement()!.click();
    await page.waitForFunction((v) => document.getElementById('console')?.shadowRoot?.getElementById(`nav-${v}`)?.getAttribute('aria-current') === 'page', { timeout: 15_000 }, view);
    // Each view's list or form asks the API first; its texts are there once it has answered.
    await page.waitForNetworkIdle({ idleTime: 200, timeout: 15_000 });
    const { found, checked } = await bad();
    assert.deepEqual(found, [], `view ${view}`);
    assert.ok(checked >= 15, `view ${view}: only ${checked} texts found to check`);
  }
  assert.deepEqual(problems, []);
  await page.close();
});

// What the status region says after a staff member's own action (a click, a date, a copy) is
// built outside the element's update; on the CDN files, unless built in the console's language,
// it is English or, in a language other than English, empty: a screen reader says nothing.
test('a Polish console on the CDN files announces, in Polish, what follows a staff member\'s action', { skip: !existsSync(`${cdnDir}/civicloop.js`) && 'run npm run build first' }, async () => {
  const token = await createStaffToken(server.db, { council: 'demo', role: 'admin', label: 'cdn console announcements test' });
  const api = councilApi(() => `${server.url}/v1/councils/demo`);
  const activity = await api('POST', 'staff/activities', token, {
    title: 'Działki nad rzeką',
    format: 'workshop',
    startsAt: '2026-06-10T16:00:00Z',
    place: 'Ratusz, sala 3',
    text: 'Wieczór o nowych działkach.',
    locale: 'pl',
  });
  assert.equal(activity.status, 201, JSON.stringify(activity.body));
  // The Polish of each message, from the messages the build bundles (plain text, or the words before a str template's first value).
  const polish = readFileSync(`${root}packages/elements/src/generated/locales/console/pl.ts`, 'utf8');
  const pl = (id: string) => {
    const text = polish.match(new RegExp(`'${id.replace(/\./g, '\\.')}': (?:str)?\`([^\`]*)\``))?.[1];
    assert.ok(text, `no Polish for ${id}`);
    return text.split('${')[0]!;
  };

  const { page, problems } = await polishIntranet();
  const shadow = (selector: string) => page.waitForFunction((s) => document.getElementById('console')?.shadowRoot?.querySelector(s), { timeout: 15_000 }, selector);
  const click = async (selector: string) => (await shadow(selector)).asElement()!.click();
  await (await shadow('#token')).asElement()!.type(token);
  await page.keyboard.press('Enter');
  await shadow('#nav-inbox');
  await page.waitForNetworkIdle({ idleTime: 200, timeout: 15_000 });

  const said = () => page.evaluate(() => document.getElementById('console')?.shadowRoot?.querySelector('[part="status"]')?.textContent?.trim() ?? '');
  /** What the status region says once `act` has run: what `expected` starts with, or, after a wait, whatever it says. */
  const announced = async (act: () => Promise<unknown>, expected: string[]) => {
    await act();
    await page.waitForFunction((e) => e.some((x: string) => x && document.getElementById('console')?.shadowRoot?.querySelector('[part="status"]')?.textContent?.trim().startsWith(x)), { timeout: 3000 }, expected).catch(() => undefined);
    return said();
  };
  const wrong: string[] = [];
  const startsWithOne = (text: string, expected: string[], what: string) => {
    if (!expected.some((e) => text.startsWith(e))) wrong.push(`${what}: the status region says ${JSON.stringify(text)}, not ${JSON.stringify(expected)}`);
  };

  // Keyboard shortcuts switched off, or on (inbox).
  await click('#shortcuts-summary');
  const keys = [pl('console.keys.on'), pl('console.keys.off')];
  const switched = await announced(() => click('#shortcuts-on'), keys);
  const on = await page.evaluate(() => document.getElementById('console')!.shadowRoot!.querySelector<HTMLInputElement>('#shortcuts-on')!.checked);
  startsWithOne(switched, [keys[on ? 0 : 1]!], 'shortcuts switched');

  // An end day before the start day (inbox filters): said, not sent.
  const rangeError = await announced(
    () =>
      page.evaluate(() => {
        const root = document.getElementById('console')!.shadowRoot!;
        root.querySelector<HTMLInputElement>('#filter-from')!.value = '2026-05-10';
        const to = root.querySelector<HTMLInputElement>('#filter-to')!;
        to.value = '2026-05-01';
        to.dispatchEvent(new Event('change'));
      }),
    [pl('console.filters.rangeError')],
  );
  startsWithOne(rangeError, [pl('console.filters.rangeError')], 'days the wrong way round');

  // "Check for new answers" on an activity.
  await click('#nav-activities');
  await click('#activity-0');
  const counts = await announced(() => click('#answers-refresh'), [pl('console.activities.counts')]);
  startsWithOne(counts, [pl('console.activities.counts')], 'new answers');

  // The embed snippet copied (or, the clipboard refused, selected for Ctrl+C).
  await click('#nav-embed');
  const copies = [pl('console.embed.copied'), pl('console.embed.copyManual')];
  startsWithOne(await announced(() => click('#embed-copy'), copies), copies, 'snippet copied');

  assert.deepEqual(wrong, []);
  assert.deepEqual(problems, []);
  await page.close();
});
