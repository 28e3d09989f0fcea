// The CDN bundle in other languages. The build gives every message a short id, in the element's
// code and in each locale module alike (rollup.config.mjs, shortMessageIds): this proves, in
// Chromium on the built files, that the two still match, so a page in German or Polish is
// written wholly in that language, its numbers included. Messages are split by owner (the kit's,
// each element's own: scripts/locale-parts.ts), so a page fetches only the strings of the
// elements it shows; the tests hold the fetched chunks to exactly that.
// Needs `npm run build` first (scripts/test.mjs runs it).
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { after, before, describe, test } from 'node:test';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { launchChromium } from '../support/chromium.mjs';
import { createStaffToken, seedDemo, startServer, type RunningServer } from '@civicloop/server';

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

  /**
   * Opens a CMS page holding `body` and the loader; records every locale chunk it fetches, as
   * `owner-locale` (the build names them `locales/<owner>-<locale>-<hash>.js`, rollup.config.mjs).
   * While `network.down` holds those names, their requests fail as on a broken connection;
   * requests whose path starts with `network.slow` are answered a second (or `slowMs`) late.
   */
  async function open(body: string, network: { down: string[]; slow?: string; slowMs?: number } = { down: [] }) {
    const page = await browser.newPage();
    const problems: string[] = [];
    const locales: string[] = [];
    page.on('pageerror', (e) => problems.push(`page error: ${(e as Error).message}`));
    await page.setRequestInterception(true);
    page.on('request', (request) => {
      const path = new URL(request.url()).pathname;
      if (path.startsWith('/cdn/locales/')) {
        const name = /^\/cdn\/locales\/([a-z]+-[a-z]{2})-[\w-]+\.js$/.exec(path)?.[1];
        locales.push(name ?? `unexpected ${path}`);
        if (name && network.down.includes(name)) return void request.abort('internetdisconnected');
      }
      // A slow answer (the council's settings over a poor connection): a second late, or slowMs.
      if (network.slow && path.startsWith(network.slow)) return void setTimeout(() => void request.continue(), network.slowMs ?? 1000);
      if (path === '/cms/page.html')
        void request.respond({
          status: 200,
          contentType: 'text/html',
          body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>CMS</title>
            <script type="module" src="/cdn/civicloop.js"></script></head><body>${body}</body></html>`,
        });
      else void request.continue();
    });
    await page.goto(`${server.url}/cms/page.html`, { waitUntil: 'networkidle0' });
    return { page, problems, locales };
  }

  /**
   * A script for the page: every language the element `id` is drawn in, frame by frame, from
   * before it is defined until it shows `last`, in `window.shown`.
   */
  const languagesShown = (id: string, last: string) => `<script>window.shown = []; (function frame() {
    const lang = document.getElementById('${id}')?.shadowRoot?.querySelector('[part~="base"]')?.getAttribute('lang');
    if (lang && !shown.includes(lang)) shown.push(lang);
    if (!shown.includes('${last}')) requestAnimationFrame(frame);
  })();</script>`;
  const shown = (page: Page) => page.evaluate(() => (window as unknown as { shown: string[] }).shown);

  /** The form's label, character limit (a message with a value) and language picker label (a kit message). */
  const readFeedback = (page: Page, id: string) =>
    page
      .waitForFunction(
        (id) => {
          const root = document.getElementById(id)?.shadowRoot;
          // No nested function here: tsx would wrap it in a helper the page does not have.
          const [label, limit, language] = ['label[for="text"]', '#text-limit', 'label[for="language"]'].map((s) => root?.querySelector(s)?.textContent?.trim());
          return label && limit && language ? { label, limit, language, lang: root!.querySelector('[part~="base"]')!.getAttribute('lang') } : undefined;
        },
        { timeout: 15_000 },
        id,
      )
      .then((h) => h.jsonValue());

  /** The themes heading of a <you-said-we-did> and its content's language. */
  const readLoop = (page: Page, id: string) =>
    page
      .waitForFunction(
        (id) => {
          const root = document.getElementById(id)?.shadowRoot;
          const title = root?.querySelector('#themes-title')?.textContent?.trim();
          return title ? { title, lang: root!.querySelector('[lang]')?.getAttribute('lang') } : undefined;
        },
        { timeout: 15_000 },
        id,
      )
      .then((h) => h.jsonValue());

  test('two elements in German and Polish each show their own messages, from the locale chunks', async () => {
    const { page, problems, locales } = await open(
      '<cocreate-feedback id="de" lang="de" council="demo"></cocreate-feedback><cocreate-feedback id="pl" lang="pl" council="demo"></cocreate-feedback>',
    );
    const de = await readFeedback(page, 'de');
    const pl = await readFeedback(page, 'pl');
    assert.deepEqual(problems, []);
    assert.equal(de?.lang, 'de');
    assert.equal(de?.label, 'Ihre Nachricht');
    // A message with a value: the locale module's template, its number written the German way.
    assert.match(de?.limit ?? '', /^Sie können bis zu \d{1,3}(\.\d{3})* Zeichen eingeben\.$/);
    // The kit's messages, from their own chunk.
    assert.equal(de?.language, 'Sprache');
    assert.equal(pl?.lang, 'pl');
    assert.equal(pl?.label, 'Twoja wiadomość');
    assert.equal(pl?.language, 'Język');
    // Only the form's strings and the kit's, once per language: none of <you-said-we-did>'s.
    assert.deepEqual(locales.sort(), ['feedback-de', 'feedback-pl', 'kit-de', 'kit-pl']);
    await page.close();
  });

  // English is a locale part like the others (scripts/cdn-english.mjs): the elements' code does
  // not carry it, so a page in another language never downloads it.
  test('the English texts are in the English chunks only, not in the elements\' code', () => {
    const code = (dir: string, files = readdirSync(`${cdnDir}/${dir}`)) => files.filter((f) => f.endsWith('.js')).map((f) => readFileSync(`${cdnDir}/${dir}/${f}`, 'utf8'));
    const english = ['What would you like to tell us?', 'You can enter up to ', 'Language'];
    const feedbackCode = [...code('', ['cocreate-feedback.js']), ...code('chunks')].join('\n');
    const [feedbackEn, kitEn] = ['feedback-en-', 'kit-en-'].map((prefix) => code('locales', readdirSync(`${cdnDir}/locales`).filter((f) => f.startsWith(prefix)))).map((c) => c.join('\n'));
    for (const text of english.slice(0, 2)) {
      assert.ok(!feedbackCode.includes(text), `"${text}" is in the form's code`);
      assert.ok(feedbackEn!.includes(text), `"${text}" is not in the form's English chunk`);
    }
    assert.ok(!/["'`]Language["'`]/.test(feedbackCode), 'the kit\'s "Language" is in the code');
    assert.match(kitEn!, /["'`]Language["'`]/);
  });

  test('an English page shows its English texts, from the English chunks', async () => {
    const { page, problems, locales } = await open('<cocreate-feedback id="en" lang="en" council="demo"></cocreate-feedback>');
    const en = await readFeedback(page, 'en');
    assert.deepEqual(problems, []);
    assert.equal(en?.lang, 'en');
    assert.equal(en?.label, 'Your message');
    assert.match(en?.limit ?? '', /^You can enter up to \d{1,3}(,\d{3})* characters\.$/);
    assert.equal(en?.language, 'Language');
    assert.deepEqual(locales.sort(), ['feedback-en', 'kit-en']);
    await page.close();
  });

  test('a page in a language the elements do not speak shows the council\'s default language when English is not one of the council\'s', async () => {
    // Nordby speaks Danish and German; a Norwegian page, and a French one (which the elements speak).
    const { page, problems } = await open(
      '<div lang="nb"><cocreate-feedback id="nb" council="nordby"></cocreate-feedback><you-said-we-did id="loop" council="nordby"></you-said-we-did></div><cocreate-feedback id="fr" lang="fr" council="nordby"></cocreate-feedback>' +
        languagesShown('nb', 'da'),
      // The council's settings arrive after the elements' code and strings.
      { down: [], slow: '/v1/councils/nordby' },
    );
    const langs = await page
      .waitForFunction(
        () => {
          const [nb, loop, fr] = ['nb', 'loop', 'fr'].map((id) => document.getElementById(id)?.shadowRoot?.querySelector('[part~="base"]'));
          const label = nb?.querySelector('label[for="text"]')?.textContent?.trim();
          return nb?.getAttribute('lang') === 'da' && loop?.getAttribute('lang') === 'da' && fr && label ? { label, loop: loop.querySelector('#themes-title')?.textContent?.trim(), fr: fr.getAttribute('lang'), picker: (nb.querySelector('#language') as HTMLSelectElement | null)?.value } : undefined;
        },
        { timeout: 15_000 },
      )
      .then((h) => h.jsonValue());
    assert.deepEqual(problems, []);
    assert.equal(langs?.label, 'Din besked');
    assert.equal(langs?.picker, 'da');
    assert.equal(langs?.loop, 'Hvad I sagde, og hvad vi gjorde');
    assert.equal(langs?.fr, 'fr', 'a language the elements speak, named by the page, stays');
    // Not English first: the form waits for the council's languages before it draws anything.
    assert.deepEqual(await shown(page), ['da']);
    await page.close();
  });

  test('a page in a language the elements do not speak waits at most 3 s for the council\'s languages: English meanwhile, then the council\'s default', async () => {
    const { page, problems } = await open(
      '<div lang="nb"><cocreate-feedback id="nb" council="nordby"></cocreate-feedback></div>' +
        languagesShown('nb', 'da'),
      // Far slower than the 3 s the first render waits (open() returns once it has answered).
      { down: [], slow: '/v1/councils/nordby', slowMs: 6000 },
    );
    await page.waitForFunction(() => (window as unknown as { shown: string[] }).shown.includes('da'), { timeout: 15_000 });
    assert.deepEqual(await shown(page), ['en', 'da']);
    assert.deepEqual(problems, []);
    await page.close();
  });

  test('a language whose chunk cannot load falls back to English, loaded; then shows the language once it loads', async () => {
    const network = { down: ['feedback-pl'] };
    const { page, problems, locales } = await open('<cocreate-feedback id="pl" lang="pl" council="demo"></cocreate-feedback>', network);
    const pl = await readFeedback(page, 'pl');
    assert.deepEqual(problems, []);
    assert.equal(pl?.label, 'Your message');
    assert.equal(pl?.language, 'Language');
    assert.ok(locales.includes('feedback-en') && locales.includes('kit-en'), `English fetched: ${locales}`);
    await page.close();
  });

  test('when even English cannot load, the element shows no empty or id texts: it keeps its space and shows English once the network is back', async () => {
    const network = { down: ['feedback-en'] };
    const { page, problems, locales } = await open('<cocreate-feedback id="en" lang="en" council="demo"></cocreate-feedback>', network);
    const state = () =>
      page.evaluate(() => {
        const el = document.getElementById('en')!;
        return { reserving: el.hasAttribute('reserving'), text: el.shadowRoot?.textContent?.trim() ?? '', label: !!el.shadowRoot?.querySelector('label') };
      });
    assert.deepEqual(await state(), { reserving: true, text: '', label: false });
    assert.ok(locales.filter((l) => l === 'feedback-en').length >= 1);
    // It tries again, at once when the browser says it is online again: the form is there in English.
    network.down = [];
    await page.evaluate(() => dispatchEvent(new Event('online')));
    const en = await readFeedback(page, 'en');
    assert.deepEqual(problems, []);
    assert.equal(en?.label, 'Your message');
    assert.equal(en?.language, 'Language');
    assert.ok(locales.filter((l) => l === 'feedback-en').length >= 2, `feedback-en fetched again: ${locales}`);
    await page.close();
  });

  test('a staff form whose staff strings cannot load in its language shows them in English, never empty', async () => {
    const network = { down: ['console-pl'] };
    const { page, problems, locales } = await open('<cocreate-feedback id="staff" lang="pl" council="demo"></cocreate-feedback>', network);
    const token = await createStaffToken(server.db, { council: 'demo', role: 'editor', label: 'cdn-locales test' });
    await page.evaluate((token) => Object.assign(document.getElementById('staff')!, { staffToken: token }), token);
    const staff = await page
      .waitForFunction(
        () => {
          const root = document.getElementById('staff')?.shadowRoot;
          const [channel, send, service] = ['label[for="channel"]', 'button[type="submit"]', 'label[for="service"]'].map((s) => root?.querySelector(s)?.textContent?.trim());
          return channel !== undefined && service !== undefined ? { channel, send, service } : undefined;
        },
        { timeout: 15_000 },
      )
      .then((h) => h.jsonValue());
    assert.deepEqual(problems, []);
    // The staff part's words in English (its Polish could not load), the rest of the form in Polish.
    assert.deepEqual(staff, { channel: 'How did you receive this input?', send: 'Record input', service: 'Której usługi to dotyczy? (opcjonalnie)' });
    assert.deepEqual([...new Set(locales)].sort(), ['console-en', 'console-pl', 'feedback-pl', 'kit-pl']);
    await page.close();
  });

  test('a <you-said-we-did> page fetches its own strings and the kit\'s, not the form\'s', async () => {
    const { page, problems, locales } = await open('<you-said-we-did id="loop" lang="de" council="demo"></you-said-we-did>');
    const loop = await readLoop(page, 'loop');
    assert.deepEqual(problems, []);
    assert.equal(loop?.title, 'Was Sie sagten und was wir taten');
    assert.deepEqual(locales.sort(), ['kit-de', 'loop-de']);
    await page.close();
  });

  test('both elements in one language on one page share the kit\'s chunk and each get their own', async () => {
    const { page, problems, locales } = await open(
      '<cocreate-feedback id="form" lang="pl" council="demo"></cocreate-feedback><you-said-we-did id="loop" lang="pl" council="demo"></you-said-we-did>',
    );
    const form = await readFeedback(page, 'form');
    const loop = await readLoop(page, 'loop');
    assert.deepEqual(problems, []);
    assert.equal(form?.label, 'Twoja wiadomość');
    assert.equal(form?.language, 'Język');
    assert.equal(loop?.title, 'Co powiedzieliście i co zrobiliśmy');
    assert.deepEqual(locales.sort(), ['feedback-pl', 'kit-pl', 'loop-pl']);
    await page.close();
  });

  // Screen-reader announcements are built outside the element's update (the count after a pause in
  // typing) or after the data arrives (a lookup from the page address): both must be in the
  // element's language, not English and not empty (the CDN build takes English out of the code).
  test('the status region speaks each element\'s language: a count while typing, a lookup from the address', async () => {
    const { page, problems } = await open(
      '<cocreate-feedback id="pl" lang="pl" council="demo"></cocreate-feedback><cocreate-feedback id="de" lang="de" council="demo"></cocreate-feedback><you-said-we-did id="loop" lang="pl" council="demo"></you-said-we-did>',
    );
    await readFeedback(page, 'pl');
    await readFeedback(page, 'de');
    await readLoop(page, 'loop');
    /** What `id`'s status region says once it starts with `expected`, or, after a wait, whatever it says. */
    const said = async (id: string, expected: string) => {
      await page
        .waitForFunction((id, e) => document.getElementById(id)?.shadowRoot?.querySelector('[part="status"]')?.textContent?.trim().startsWith(e), { timeout: 5000 }, id, expected)
        .catch(() => undefined);
      return page.evaluate((id) => document.getElementById(id)?.shadowRoot?.querySelector('[part="status"]')?.textContent?.trim() ?? '', id);
    };
    const typeIn = async (id: string) => (await page.evaluateHandle((id) => document.getElementById(id)!.shadowRoot!.querySelector('#text'), id)).asElement()!.type('Dziura w chodniku');
    await typeIn('pl');
    assert.match(await said('pl', 'Pozostało znaków: '), /^Pozostało znaków: \d/);
    await typeIn('de');
    assert.match(await said('de', 'Verbleibende Zeichen: '), /^Verbleibende Zeichen: \d/);
    // No resident action: focus stays where it is and the status region says what the lookup found.
    await page.evaluate(() => (location.hash = 'receipt=K7MX-2QPA-9R'));
    assert.equal(await said('loop', 'Nie znaleźliśmy'), 'Nie znaleźliśmy wiadomości z tym kodem');
    assert.deepEqual(problems, []);
    await page.close();
  });
});
