// The loader asks for each element's strings, in the language that element will show, beside the
// element's code (scripts/early-strings.mjs, the loader's fetchEarly in scripts/registry.ts), so
// they are not a round trip behind it. The element's own import of them is the same URL: each file
// is fetched once. Needs `npm run build` first (scripts/test.mjs runs it).
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, test } from 'node:test';
import puppeteer, { type Browser } from 'puppeteer-core';
import { launchChromium } from '../support/chromium.mjs';
import { seedDemo, startServer, type RunningServer } from '@civicloop/server';

const root = fileURLToPath(new URL('../..', import.meta.url));
const builtCdn = `${root}packages/elements/dist/cdn`;

describe('the loader asks for the strings beside the code', { skip: !existsSync(`${builtCdn}/civicloop.js`) && 'run npm run build first' }, () => {
  let server: RunningServer;
  let browser: Browser;
  let dir: string;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'civicloop-early-strings-'));
    mkdirSync(`${dir}/demo`);
    // A page in English with a Polish form, and a Swedish section with a form that has no lang.
    writeFileSync(
      `${dir}/demo/index.html`,
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>CMS</title>
      <script type="module" src="/cdn/civicloop.js"></script></head><body>
      <cocreate-feedback id="pl" lang="pl-PL" council="demo"></cocreate-feedback>
      <section lang="sv"><you-said-we-did id="sv" council="demo"></you-said-we-did></section></body></html>`,
    );
    server = await startServer({ port: 0, dataDir: 'memory://', demoDir: `${dir}/demo`, cdnDir: builtCdn, log: () => {} });
    await seedDemo(server.db);
    browser = await launchChromium(puppeteer);
  });
  after(async () => {
    await browser?.close();
    await server?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  test("each element's strings in its language are asked for by the loader, once, and no other language", async () => {
    const page = await browser.newPage();
    const locales: { part: string; initiator: string | undefined }[] = [];
    page.on('request', (request) => {
      const part = /\/cdn\/locales\/([a-z]+-[a-z]{2})-[\w-]+\.js$/.exec(request.url())?.[1];
      if (part) locales.push({ part, initiator: request.initiator()?.stack?.callFrames[0]?.url.replace(server.url, '') });
    });
    await page.goto(`${server.url}/`);
    const label = await page
      .waitForFunction(() => document.getElementById('pl')?.shadowRoot?.querySelector('label[for="text"]')?.textContent?.trim(), { timeout: 15_000 })
      .then((h) => h.jsonValue());
    assert.equal(label, 'Twoja wiadomość');
    await page.waitForFunction(() => document.getElementById('sv')?.shadowRoot?.querySelector('h2, h3')?.textContent?.trim(), { timeout: 15_000 });
    assert.equal(await page.evaluate(() => document.getElementById('sv')!.shadowRoot!.querySelector('[lang]')?.getAttribute('lang')), 'sv');

    const parts = locales.map((l) => l.part).sort();
    assert.deepEqual(parts, ['feedback-pl', 'kit-pl', 'kit-sv', 'loop-sv'], 'each part of each language shown, each fetched once');
    for (const { part, initiator } of locales) assert.equal(initiator, '/cdn/civicloop.js', `${part} asked for by the loader`);
    await page.close();
  });

  test('a bundler building the npm loader is given no locale file names to ask for', () => {
    const npmLoader = readFileSync(`${root}packages/elements/dist/civicloop.js`, 'utf8');
    assert.match(npmLoader, /const STRINGS = '';/);
    assert.match(npmLoader, /webpackIgnore: true/);
  });
});
