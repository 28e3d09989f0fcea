// A locale part that failed to load is fetched again once the network is back, in Chromium and in
// Firefox. Firefox (like Safari) still keeps a failed module fetch in its module map, so a second
// import() of the same URL fails without asking the network (whatwg/html#10327 changes that;
// Chromium follows it). The CDN build asks again under a new fragment (internal/localization.ts,
// scripts/cdn-english.mjs). Here the file is really missing (404), then really there.
// Needs `npm run build` first (scripts/test.mjs runs it).
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, test } from 'node:test';
import puppeteer, { type Browser } from 'puppeteer-core';
import { launchChromium, launchFirefox } from '../support/chromium.mjs';
import { seedDemo, startServer, type RunningServer } from '@civicloop/server';

const root = fileURLToPath(new URL('../..', import.meta.url));
const builtCdn = `${root}packages/elements/dist/cdn`;

for (const engine of ['chromium', 'firefox'] as const)
  describe(`a locale part that could not load is fetched again [${engine}]`, { skip: !existsSync(`${builtCdn}/civicloop.js`) && 'run npm run build first' }, () => {
    let server: RunningServer;
    let browser: Browser;
    let dir: string;

    before(async () => {
      dir = mkdtempSync(join(tmpdir(), 'civicloop-locale-retry-'));
      cpSync(builtCdn, `${dir}/cdn`, { recursive: true });
      mkdirSync(`${dir}/demo`);
      writeFileSync(
        `${dir}/demo/index.html`,
        `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>CMS</title>
        <script type="module" src="/cdn/civicloop.js"></script></head><body><cocreate-feedback id="form" council="demo"></cocreate-feedback></body></html>`,
      );
      server = await startServer({ port: 0, dataDir: 'memory://', demoDir: `${dir}/demo`, cdnDir: `${dir}/cdn`, log: () => {} });
      await seedDemo(server.db);
      browser = await (engine === 'firefox' ? launchFirefox : launchChromium)(puppeteer);
    });
    after(async () => {
      await browser?.close();
      await server?.close();
      if (dir) rmSync(dir, { recursive: true, force: true });
    });

    /** The demo page, once its form shows; the form's label; page errors. */
    async function openForm() {
      const page = await browser.newPage();
      const problems: string[] = [];
      page.on('pageerror', (e) => problems.push(`page error: ${(e as Error).message}`));
      await page.goto(`${server.url}/`);
      const label = () => page.evaluate(() => document.getElementById('form')?.shadowRoot?.querySelector('label[for="text"]')?.textContent?.trim());
      await page.waitForFunction(() => document.getElementById('form')?.shadowRoot?.querySelector('label[for="text"]'), { timeout: 15_000 });
      return { page, problems, label };
    }

    test('the form, whose English could not load, shows once the file is back and the browser is online', async () => {
      // The form's English part (and its precompressed copies) gone: a 404, as from a CDN in trouble.
      const english = readdirSync(`${dir}/cdn/locales`).filter((f) => /^feedback-en-[\w-]+\.js(\.br|\.gz)?$/.test(f));
      assert.ok(english.length >= 1, 'the build has a feedback-en part');
      for (const f of english) renameSync(`${dir}/cdn/locales/${f}`, `${dir}/cdn/locales/${f}.away`);
      const page = await browser.newPage();
      const problems: string[] = [];
      page.on('pageerror', (e) => problems.push(`page error: ${(e as Error).message}`));
      await page.goto(`${server.url}/`);
      // The browser asked for it and failed; the element keeps its space, with no text.
      await page.waitForFunction(() => performance.getEntriesByType('resource').some((e) => e.name.includes('/locales/feedback-en-')), { timeout: 15_000 });
      // The loader asks for the strings beside the code: the element may not be defined yet (CI saw that once, on a busy machine).
      await page.waitForFunction(() => customElements.get('cocreate-feedback') !== undefined, { timeout: 15_000 });
      const state = () =>
        page.evaluate(() => {
          const el = document.getElementById('form')!;
          return { reserving: el.hasAttribute('reserving'), text: el.shadowRoot?.textContent?.trim() ?? '' };
        });
      assert.deepEqual(await state(), { reserving: true, text: '' });

      for (const f of english) renameSync(`${dir}/cdn/locales/${f}.away`, `${dir}/cdn/locales/${f}`);
      await page.evaluate(() => dispatchEvent(new Event('online')));
      const label = await page
        .waitForFunction(() => document.getElementById('form')?.shadowRoot?.querySelector('label[for="text"]')?.textContent?.trim(), { timeout: 15_000 })
        .then((h) => h.jsonValue());
      assert.equal(label, 'Your message');
      // Firefox reports each failed module load as a page error: those of the part taken away are expected.
      assert.deepEqual(problems.filter((p) => !/\/cdn\/locales\/feedback-en-[\w-]+\.js(#retry-\d+)?\W/.test(p)), []);
      await page.close();
    });

    test('a language chosen while its strings cannot load: the form stays in the one it speaks, and changes once the file is back and the browser is online', async () => {
      const { page, problems, label } = await openForm();
      assert.equal(await label(), 'Your message');
      // Romanian's parts (the kit's and the form's) gone, as when the phone is offline.
      const romanian = readdirSync(`${dir}/cdn/locales`).filter((f) => /-ro-[\w-]+\.js(\.br|\.gz)?$/.test(f));
      assert.ok(romanian.length >= 2, 'the build has Romanian parts');
      for (const f of romanian) renameSync(`${dir}/cdn/locales/${f}`, `${dir}/cdn/locales/${f}.away`);
      await page.evaluate(() => document.getElementById('form')!.setAttribute('lang', 'ro'));
      await page.waitForFunction(() => performance.getEntriesByType('resource').some((e) => /\/locales\/(kit|feedback)-ro-/.test(e.name)), { timeout: 15_000 });
      assert.equal(await label(), 'Your message', 'still the language it speaks, not a mix');
      // Typing meanwhile (each keystroke renders the form) asks the network for nothing more: the
      // parts are asked for again once the browser is online, or by the clock (1 s, then 2 s…:
      // at most once more here, for each part), not at every update.
      const asked = () => page.evaluate(() => performance.getEntriesByType('resource').filter((e) => /\/locales\/(kit|feedback)-ro-/.test(e.name)).length);
      await page.waitForNetworkIdle({ idleTime: 300 });
      const before = await asked();
      await (await page.waitForFunction(() => document.getElementById('form')?.shadowRoot?.querySelector('#text'))).asElement()!.type('Offline, still typing');
      await page.waitForNetworkIdle({ idleTime: 300 });
      const more = (await asked()) - before;
      assert.ok(more <= 2, `${more} new requests for the Romanian parts while typing 21 characters`);
      for (const f of romanian) renameSync(`${dir}/cdn/locales/${f}.away`, `${dir}/cdn/locales/${f}`);
      await page.evaluate(() => dispatchEvent(new Event('online')));
      await page.waitForFunction(() => document.getElementById('form')?.shadowRoot?.querySelector('label[for="text"]')?.textContent?.trim() === 'Mesajul dumneavoastră', { timeout: 15_000 }).catch(async (e) => {
        throw new Error(`${e}: the label is still "${await label()}"`);
      });
      assert.deepEqual(problems.filter((p) => !/\/cdn\/locales\/(kit|feedback)-ro-[\w-]+\.js(#retry-\d+)?\W/.test(p)), []);
      await page.close();
    });

    test('a language whose strings failed while the browser stayed online (a CDN in trouble) is asked for again by itself', async () => {
      const { page, problems, label } = await openForm();
      const german = readdirSync(`${dir}/cdn/locales`).filter((f) => /-de-[\w-]+\.js(\.br|\.gz)?$/.test(f));
      for (const f of german) renameSync(`${dir}/cdn/locales/${f}`, `${dir}/cdn/locales/${f}.away`);
      await page.evaluate(() => document.getElementById('form')!.setAttribute('lang', 'de'));
      await page.waitForFunction(() => performance.getEntriesByType('resource').some((e) => /\/locales\/(kit|feedback)-de-/.test(e.name)), { timeout: 15_000 });
      assert.equal(await label(), 'Your message');
      // Back, and no 'online' event: the browser never went offline.
      for (const f of german) renameSync(`${dir}/cdn/locales/${f}.away`, `${dir}/cdn/locales/${f}`);
      await page.waitForFunction(() => document.getElementById('form')?.shadowRoot?.querySelector('label[for="text"]')?.textContent?.trim() === 'Ihre Nachricht', { timeout: 15_000 }).catch(async (e) => {
        throw new Error(`${e}: the label is still "${await label()}"`);
      });
      assert.deepEqual(problems.filter((p) => !/\/cdn\/locales\/(kit|feedback)-de-[\w-]+\.js(#retry-\d+)?\W/.test(p)), []);
      await page.close();
    });
  });
