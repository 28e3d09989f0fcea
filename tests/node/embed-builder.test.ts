// Issue 10, the embed builder's promise: a web editor signs in to the console, builds a snippet for
// a page on an origin the council does not allow yet, is warned, has it allowed (an admin, there),
// copies the snippet, and pastes it into a plain HTML file on that origin; the element renders
// there and a resident's input gets its receipt. Chromium, the built CDN files, real HTTP, two
// origins. Needs `npm run build` first (scripts/test.mjs runs it).
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, test } from 'node:test';
import puppeteer, { type Browser, type ElementHandle, type Page } from 'puppeteer-core';
import { createCouncil, createService, createStaffToken, startServer, type RunningServer } from '@civicloop/server';
import { launchChromium } from '../support/chromium.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const cdnDir = `${root}packages/elements/dist/cdn`;
const council = 'embedton';

describe('a snippet from the embed builder works on a plain page [chromium]', { skip: !existsSync(`${cdnDir}/civicloop.js`) && 'run npm run build first' }, () => {
  let server: RunningServer;
  let site: Server;
  let siteOrigin: string;
  let pageHtml = '';
  let browser: Browser;
  let page: Page;
  let pagesDir: string;
  let admin: string;
  let serviceId: string;
  const problems: string[] = [];

  before(async () => {
    pagesDir = mkdtempSync(join(tmpdir(), 'civicloop-embed-'));
    server = await startServer({ port: 0, dataDir: 'memory://', demoDir: pagesDir, cdnDir, purgeEveryMs: false, log: () => {} });
    // The console's page is on the server's origin; the council's public page will be elsewhere.
    await createCouncil(server.db, { slug: council, name: 'Embedton', origins: [server.url], locales: ['en', 'sv'] });
    serviceId = (await createService(server.db, { council, id: 'libraries', name: { en: 'Libraries', sv: 'Bibliotek' }, category: 'culture' })).id;
    admin = await createStaffToken(server.db, { council, role: 'admin', label: 'Web team' });
    mkdirSync(join(pagesDir, 'console'));
    writeFileSync(
      join(pagesDir, 'console', 'index.html'),
      readFileSync(`${root}demo/console/index.html`, 'utf8').replace('council="riverside"', `council="${council}"`).replace(/<link rel="stylesheet" href="[^"]*\.css">\n/g, ''),
    );
    // The council's own site: a plain web server on another origin, serving what the editor pasted.
    site = createServer((req, res) => {
      res.writeHead(req.url === '/libraries.html' ? 200 : 404, { 'content-type': 'text/html; charset=utf-8' });
      res.end(req.url === '/libraries.html' ? pageHtml : 'not found');
    });
    await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
    siteOrigin = `http://localhost:${(site.address() as { port: number }).port}`;
    browser = await launchChromium(puppeteer);
    page = await browser.newPage();
    page.on('pageerror', (e) => problems.push(`page error: ${(e as Error).message}`));
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(`console error: ${m.text()}`);
    });
  });
  after(async () => {
    await browser?.close();
    await new Promise((resolve) => site?.close(resolve));
    await server?.close();
    if (pagesDir) rmSync(pagesDir, { recursive: true, force: true });
  });

  test('build, be warned, allow the origin, copy, paste into a plain page, and a resident gets a receipt', async () => {
    await browser.defaultBrowserContext().overridePermissions(server.url, ['clipboard-read', 'clipboard-write', 'clipboard-sanitized-write']);
    await page.goto(`${server.url}/console/`, { waitUntil: 'networkidle0' });
    // The console's controls, once they are there (its views render after their data arrives).
    const shown = async (selector: string) =>
      (await page.waitForFunction((sel) => document.querySelector('cocreate-console')?.shadowRoot?.querySelector(sel), { timeout: 15_000 }, selector)).asElement() as ElementHandle<HTMLElement>;
    const click = async (selector: string) => (await shown(selector)).click();
    await (await shown('#token')).type(admin);
    await click('#sign-in button[type="submit"]');
    await click('#nav-embed');
    await shown('#embed-snippet');

    // The element and its attributes.
    await page.$eval('cocreate-console >>> #embed-tag', (s) => {
      (s as HTMLSelectElement).value = 'cocreate-feedback';
      s.dispatchEvent(new Event('change'));
    });
    await page.$eval('cocreate-console >>> #embed-service', (s, id) => {
      (s as HTMLSelectElement).value = id;
      s.dispatchEvent(new Event('change'));
    }, serviceId);

    // The page's address: its origin is not allowed yet, and the builder says so; the admin allows it there.
    await (await shown('#embed-page')).type(`${siteOrigin}/libraries.html`);
    await page.keyboard.press('Tab');
    await shown('#embed-origin-warning');
    const warning = await page.$eval('cocreate-console >>> #embed-origin-warning', (e) => e.textContent!.replace(/\s+/g, ' '));
    assert.match(warning, new RegExp(`${siteOrigin.replace(/[.:/]/g, '\\$&')} may not embed this council yet`));
    await click('#embed-origin-warning button');
    await shown('#embed-origin-ok');
    // The warning and its button went: focus goes to the line that says the page may embed now.
    await page.waitForFunction(() => document.querySelector('cocreate-console')?.shadowRoot?.activeElement?.id === 'embed-origin-ok', { timeout: 5_000 });
    const settings = await (await fetch(`${server.url}/v1/councils/${council}/staff/settings`, { headers: { authorization: `Bearer ${admin}` } })).json();
    assert.deepEqual(settings.origins, [server.url, siteOrigin]);

    // Copied, as the editor would: the clipboard holds the snippet shown.
    await click('#embed-copy');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    const inBox = await page.$eval('cocreate-console >>> #embed-snippet', (t) => (t as HTMLTextAreaElement).value);
    assert.equal(copied, inBox);
    const integrity = JSON.parse(readFileSync(`${cdnDir}/integrity.json`, 'utf8')) as { version: string; files: Record<string, string> };
    assert.ok(copied.includes(`src="${server.url}/cdn/v${integrity.version}/civicloop.js" integrity="${integrity.files['civicloop.js']}"`), copied);
    assert.ok(copied.includes(`<cocreate-feedback council="${council}" service="${serviceId}"></cocreate-feedback>`), copied);

    // Pasted into a plain HTML page on the council's site.
    pageHtml = `<!doctype html>\n<html lang="en">\n<head><meta charset="utf-8"><link rel="icon" href="data:,"><title>Libraries</title></head>\n<body>\n<main>\n<h1>Libraries</h1>\n${copied}\n</main>\n</body>\n</html>\n`;
    await page.goto(`${siteOrigin}/libraries.html`, { waitUntil: 'networkidle0' });
    const form = (await page.$('cocreate-feedback'))!;
    await page.waitForFunction((e) => e.shadowRoot?.querySelector('form #text'), { timeout: 10_000 }, form);
    await (await form.$('pierce/input[name="kind"][value="idea"]'))!.click();
    await (await form.$('pierce/#text'))!.type('Open the library on Sundays, please.');
    await (await form.$('pierce/button[type="submit"]'))!.click();
    await page.waitForFunction((e) => e.shadowRoot?.querySelector('[part~="receipt-code"]'), { timeout: 10_000 }, form);
    const receipt = await form.evaluate((e) => e.shadowRoot!.querySelector('[part~="receipt-code"]')!.textContent!.trim());
    const status = await fetch(`${server.url}/v1/councils/${council}/feedback/${receipt}`);
    assert.equal(status.status, 200);
    assert.equal((await status.json()).service, serviceId);
    assert.deepEqual(problems, []);
  });
});
