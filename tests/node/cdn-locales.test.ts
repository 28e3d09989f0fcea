// The CDN bundle in other languages. The build gives every message a short id, in the element's
// code and in each locale module alike (rollup.config.mjs, shortMessageIds): this proves, in
// Chromium on the built files, that the two still match, so a page in German or Polish is
// written wholly in that language, its numbers included.
// Needs `npm run build` first (scripts/test.mjs runs it).
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { after, before, describe, test } from 'node:test';
import puppeteer, { type Browser } from 'puppeteer-core';
import { launchChromium } from '../support/chromium.mjs';
import { seedDemo, startServer, type RunningServer } from '@civicloop/server';

const root = fileURLToPath(new URL('../..', import.meta.url));
const cdnDir = `${root}packages/elements/dist/cdn`;

const xliffDir = `${root}packages/elements/xliff`;

// The short ids and the elements' msg() lookup (internal/localization.ts) both rest on explicit
// ids: a msg() without one gets an id hashed from its text, which neither knows.
test('every message has an explicit id (no ids hashed from the text)', () => {
  for (const file of readdirSync(xliffDir)) {
    const ids = [...readFileSync(`${xliffDir}/${file}`, 'utf8').matchAll(/<trans-unit id="([^"]+)"/g)].map((m) => m[1]!);
    assert.ok(ids.length > 0, file);
    assert.deepEqual(ids.filter((id) => !/^[a-z]+(\.[a-zA-Z0-9]+)+$/.test(id)), [], `${file}: messages without an explicit id`);
  }
});

describe('the CDN bundle in other languages', { skip: !existsSync(`${cdnDir}/civicloop.js`) && 'run npm run build first' }, () => {
  let server: RunningServer;
  let browser: Browser;

  before(async () => {
    server = await startServer({ port: 0, dataDir: 'memory://', demoDir: `${root}demo`, cdnDir, log: () => {} });
    await seedDemo(server.db);
    browser = await launchChromium(puppeteer);
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  test('two elements in German and Polish each show their own messages, from the locale chunks', async () => {
    const page = await browser.newPage();
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(`page error: ${(e as Error).message}`));
    await page.setRequestInterception(true);
    page.on('request', (request) => {
      if (new URL(request.url()).pathname === '/cms/page.html')
        void request.respond({
          status: 200,
          contentType: 'text/html',
          body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>CMS</title>
            <script type="module" src="/cdn/civicloop.js"></script></head>
            <body><cocreate-feedback id="de" lang="de" council="demo"></cocreate-feedback><cocreate-feedback id="pl" lang="pl" council="demo"></cocreate-feedback></body></html>`,
        });
      else void request.continue();
    });
    await page.goto(`${server.url}/cms/page.html`, { waitUntil: 'networkidle0' });
    const read = (id: string) =>
      page.waitForFunction(
        (id) => {
          const root = document.getElementById(id)?.shadowRoot;
          const label = root?.querySelector('label[for="text"]')?.textContent?.trim();
          const limit = root?.querySelector('#text-limit')?.textContent?.trim();
          return label && limit ? { label, limit, lang: root!.querySelector('[part~="base"]')!.getAttribute('lang') } : undefined;
        },
        { timeout: 15_000 },
        id,
      );
    const de = await (await read('de')).jsonValue();
    const pl = await (await read('pl')).jsonValue();
    assert.deepEqual(problems, []);
    assert.equal(de?.lang, 'de');
    assert.equal(de?.label, 'Ihre Nachricht');
    // A message with a value: the locale module's template, its number written the German way.
    assert.match(de?.limit ?? '', /^Sie können bis zu \d{1,3}(\.\d{3})* Zeichen eingeben\.$/);
    assert.equal(pl?.lang, 'pl');
    assert.equal(pl?.label, 'Twoja wiadomość');
    await page.close();
  });
});
