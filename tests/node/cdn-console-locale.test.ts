// The console from the CDN files, in Polish: every view's buttons, labels, headings and legends
// have text, and it is Polish. The CDN build takes English out of the code (scripts/cdn-english.mjs),
// so a message asked for outside the element's update would be empty here, not English.
// Needs `npm run build` first (scripts/test.mjs runs it).
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { after, before, test } from 'node:test';
import puppeteer, { type Browser } from 'puppeteer-core';
import { launchChromium } from '../support/chromium.mjs';
import { createStaffToken, seedDemo, startServer, type RunningServer } from '@civicloop/server';

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

test('a Polish console on the CDN files: no empty and no English texts in any view', { skip: !existsSync(`${cdnDir}/civicloop.js`) && 'run npm run build first' }, async () => {
  const token = await createStaffToken(server.db, { council: 'demo', role: 'admin', label: 'cdn console locale test' });
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
