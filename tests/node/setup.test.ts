// A wrong setup says so as soon as the element loads, and an input that can never be delivered
// from the page is never called "offline, it will be sent": the README's snippet (built CDN
// files) in Debian's Chromium against the real server, on pages an editor or a developer makes —
// an unknown council, an unknown preset service, a site the council does not allow, a page
// opened from a file and a sandboxed iframe. Needs `npm run build` first.
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { after, before, describe, test } from 'node:test';
import puppeteer, { type Browser, type Frame, type Page } from 'puppeteer-core';
import { launchChromium } from '../support/chromium.mjs';
import { cdnSnippet, readCdnManifest, seedDemo, startServer, type RunningServer } from '@civicloop/server';

const root = fileURLToPath(new URL('../..', import.meta.url));
const cdnDir = `${root}packages/elements/dist/cdn`;

/** Words that promise a later delivery; none may appear when no delivery can ever happen. */
const PROMISES = /offline|automatically|when the connection is back|saved on this device/i;

describe('setup faults and undeliverable pages', { skip: !existsSync(`${cdnDir}/civicloop.js`) && 'run npm run build first' }, () => {
  let server: RunningServer;
  let browser: Browser;
  let snippet: string;
  const dir = mkdtempSync(join(tmpdir(), 'civicloop-setup-'));
  // The CMS: a plain web server on another port, so its pages come from a real (loopback)
  // address, as Chromium's local network checks expect. As http://127.0.0.1:port it is a site
  // the demo councils allow; as http://localhost:port, one they do not.
  const pages = new Map<string, string>();
  let cms: Server;
  let allowed: string;
  let refused: string;

  before(async () => {
    cms = createServer((req, res) => {
      const body = pages.get(new URL(req.url ?? '/', 'http://x').pathname);
      res.writeHead(body ? 200 : 404, { 'content-type': 'text/html; charset=utf-8' }).end(body ?? 'not found');
    });
    await new Promise<void>((resolve) => cms.listen(0, '127.0.0.1', resolve));
    const port = (cms.address() as AddressInfo).port;
    [allowed, refused] = [`http://127.0.0.1:${port}`, `http://localhost:${port}`];
    server = await startServer({ port: 0, dataDir: 'memory://', cdnDir, log: () => {} });
    await seedDemo(server.db, [allowed]);
    snippet = cdnSnippet(server.url, (await readCdnManifest(cdnDir))!);
    browser = await launchChromium(puppeteer);
  });
  after(async () => {
    await browser?.close();
    await server?.close();
    cms?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const page = (element: string, head = '') =>
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>CMS</title>${head}</head>
    <body><main>${snippet}\n${element}</main></body></html>`;

  /** Each tab's requests to the API that got no answer the page could read (what the editor sees as errors in the console). */
  const failedApiRequests = new WeakMap<Page, string[]>();

  /** Opens `html` from the CMS at `origin` (`frame` is at /frame.html). */
  async function open(origin: string, html: string, frame?: string): Promise<Page> {
    const id = Math.random().toString(36).slice(2);
    pages.set(`/${id}.html`, html);
    if (frame) pages.set('/frame.html', frame);
    const tab = await browser.newPage();
    const failed: string[] = [];
    failedApiRequests.set(tab, failed);
    tab.on('requestfailed', (r) => void (r.url().startsWith(server.url) && failed.push(`${r.headers()['sec-fetch-mode']} ${r.method()} ${new URL(r.url()).pathname}`)));
    if (process.env['DEBUG_SETUP']) tab.on('console', (m) => console.log('console', m.type(), m.text())).on('pageerror', (e) => console.log('pageerror', e));
    await tab.goto(`${origin}/${id}.html`);
    return tab;
  }

  /** The text of the element's part `part` in `frame`, once it is there ('' if it never comes). */
  async function partText(frame: Frame | Page, part: string): Promise<string> {
    await frame.waitForFunction((p) => document.querySelector('cocreate-feedback')?.shadowRoot?.querySelector(`[part~="${p}"]`), { timeout: 15_000 }, part);
    return frame.evaluate(
      (p) => (document.querySelector('cocreate-feedback')!.shadowRoot!.querySelector(`[part~="${p}"]`)!.textContent ?? '').replace(/\s+/g, ' ').trim(),
      part,
    );
  }

  /** The setup notice, read as soon as the element loads: nobody has typed anything. */
  async function setupNotice(frame: Frame | Page): Promise<{ text: string; tone: string; typed: string }> {
    const text = await partText(frame, 'setup');
    return frame.evaluate((t) => {
      const shadow = document.querySelector('cocreate-feedback')!.shadowRoot!;
      return { text: t, tone: shadow.querySelector('[part~="setup"]')!.className, typed: shadow.querySelector('textarea')!.value };
    }, text);
  }

  /** A resident writes and sends anyway; returns the outcome notice's text and what is left in the form. */
  async function sendAnyway(frame: Frame | Page, message: string): Promise<{ outcome: string; kept: string }> {
    await frame.evaluate((text) => {
      const shadow = document.querySelector('cocreate-feedback')!.shadowRoot!;
      shadow.querySelector<HTMLInputElement>('input[name="kind"][value="idea"]')!.click();
      const area = shadow.querySelector('textarea')!;
      area.value = text;
      area.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
      shadow.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    }, message);
    await frame.waitForFunction(() => document.querySelector('cocreate-feedback')!.shadowRoot!.querySelector('#outcome'), { timeout: 15_000 });
    return frame.evaluate(() => {
      const shadow = document.querySelector('cocreate-feedback')!.shadowRoot!;
      return { outcome: (shadow.querySelector('#outcome')!.textContent ?? '').replace(/\s+/g, ' ').trim(), kept: shadow.querySelector('textarea')?.value ?? '' };
    });
  }

  test('an unknown council: an error for the council on load, and the resident is told nothing can be sent', async () => {
    const tab = await open(allowed, page('<cocreate-feedback council="no-such-council" service="libraries"></cocreate-feedback>'));
    const notice = await setupNotice(tab);
    assert.match(notice.text, /^This form cannot send anything/);
    assert.match(notice.text, /the council “no-such-council” is not known/);
    assert.match(notice.text, /Nothing can be sent from this page/);
    assert.match(notice.tone, /\berror\b/);
    assert.doesNotMatch(notice.text, PROMISES);
    assert.equal(notice.typed, '');
    await tab.close();
  });

  test('a preset service the council does not have: named on load, before anyone writes', async () => {
    const tab = await open(allowed, page('<cocreate-feedback council="riverside" service="no-such-service"></cocreate-feedback>'));
    const notice = await setupNotice(tab);
    assert.match(notice.text, /“no-such-service” is not one of the council’s services/);
    assert.match(notice.text, /Nothing can be sent from this page/);
    assert.doesNotMatch(notice.text, PROMISES);
    // A service the council has: no notice once its services are in.
    const good = await open(allowed, page('<cocreate-feedback council="riverside" service="libraries"></cocreate-feedback>'));
    await partText(good, 'input-use');
    assert.equal(await good.evaluate(() => document.querySelector('cocreate-feedback')!.shadowRoot!.querySelector('[part~="setup"]')), null);
    await Promise.all([tab.close(), good.close()]);
  });

  test('a site the council does not allow: its own notice on load (not "not found", not "offline"); sending anyway keeps the text', async () => {
    // The same CMS by another name: an origin the demo councils do not list (localhost: still a secure context).
    const origin = refused;
    const tab = await open(origin, page('<cocreate-feedback council="riverside" service="libraries"></cocreate-feedback>'));
    const notice = await setupNotice(tab);
    assert.match(notice.text, new RegExp(`does not accept this website \\(${origin.replace(/[.:/]/g, '\\$&')}\\)`));
    assert.doesNotMatch(notice.text, /not found|not known/);
    assert.doesNotMatch(notice.text, PROMISES);
    const { outcome, kept } = await sendAnyway(tab, 'Longer opening hours, please');
    assert.match(outcome, /Your message was not sent/);
    assert.match(outcome, /does not accept messages from this page/);
    assert.doesNotMatch(outcome, PROMISES);
    assert.doesNotMatch(outcome, /not found/);
    assert.equal(kept, 'Longer opening hours, please');
    await tab.close();
  });

  test('<you-said-we-did> on a site the council does not allow: says so, with the site, not "check your connection", and offers no retry', async () => {
    const origin = refused;
    const tab = await open(origin, page('<you-said-we-did council="riverside"></you-said-we-did>'));
    await tab.waitForFunction(() => document.querySelector('you-said-we-did')?.shadowRoot?.querySelector('#list-error'), { timeout: 15_000 });
    const { text, retry } = await tab.evaluate(() => {
      const error = document.querySelector('you-said-we-did')!.shadowRoot!.querySelector('#list-error')!;
      return { text: (error.textContent ?? '').replace(/\s+/g, ' ').trim(), retry: Boolean(error.querySelector('button')) };
    });
    assert.match(text, new RegExp(`does not accept this website \\(${origin.replace(/[.:/]/g, '\\$&')}\\)`));
    assert.doesNotMatch(text, /connection/i);
    assert.equal(retry, false, 'trying again cannot help');
    // Each of its four reads (council, services, figures, themes) fails once, after the loader's
    // early reads of the council and its services; then one read of the council, between two
    // probes that CORS cannot stop, tells why. Nothing is retried, and nothing more is sent once
    // the page is known to be refused.
    await tab.waitForNetworkIdle({ idleTime: 500 });
    const failed = failedApiRequests.get(tab)!;
    const cors = failed.filter((r) => r.startsWith('cors GET /v1/councils/'));
    assert.ok(cors.length <= 2 + 4 + 1, `at most 7 failed reads on load, not ${cors.length}: ${failed.join(', ')}`);
    assert.ok(failed.length - cors.length <= 2 * 2, `at most two rounds of probes, not ${failed.join(', ')}`);
    // One notice says it, once; nothing that cannot work is offered (figures, a lookup form), and no space is kept for them.
    const shown = await tab.evaluate(() => {
      const el = document.querySelector('you-said-we-did')!;
      return { text: el.shadowRoot!.textContent ?? '', receipt: Boolean(el.shadowRoot!.querySelector('#receipt')), reserving: el.hasAttribute('reserving') };
    });
    assert.equal(shown.text.split('does not accept this website').length - 1, 1, 'said once');
    assert.deepEqual([shown.receipt, shown.reserving], [false, false]);
    await tab.close();
  });

  test('a page opened from a file: never "offline"; told on load, and the text stays', async () => {
    const file = join(dir, 'page.html');
    writeFileSync(file, page('<cocreate-feedback council="riverside" service="libraries"></cocreate-feedback>'));
    const tab = await browser.newPage();
    await tab.goto(pathToFileURL(file).href);
    const notice = await setupNotice(tab);
    assert.match(notice.text, /opened from a file or inside a sandboxed frame/);
    assert.doesNotMatch(notice.text, PROMISES);
    const { outcome, kept } = await sendAnyway(tab, 'Sent from a saved page');
    assert.match(outcome, /Your message was not sent/);
    assert.doesNotMatch(outcome, PROMISES);
    assert.equal(kept, 'Sent from a saved page');
    await tab.close();
  });

  test('a sandboxed iframe (origin null) on an allowed site: never "offline"; told on load, and the text stays', async () => {
    const tab = await open(
      allowed,
      '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>CMS</title></head><body><iframe sandbox="allow-scripts allow-forms" src="/frame.html" title="Feedback" width="800" height="1200"></iframe></body></html>',
      page('<cocreate-feedback council="riverside" service="libraries"></cocreate-feedback>'),
    );
    const frame = await tab.waitForFrame((f) => f.url().endsWith('/frame.html'));
    await frame.waitForFunction(() => document.querySelector('cocreate-feedback'));
    // Its URL has an origin (`location.origin`); the frame itself has none.
    assert.equal(await frame.evaluate(() => self.origin), 'null');
    const notice = await setupNotice(frame);
    assert.match(notice.text, /opened from a file or inside a sandboxed frame/);
    assert.doesNotMatch(notice.text, PROMISES);
    const { outcome, kept } = await sendAnyway(frame, 'Sent from a sandboxed frame');
    assert.match(outcome, /Your message was not sent/);
    assert.doesNotMatch(outcome, PROMISES);
    assert.equal(kept, 'Sent from a sandboxed frame');
    await tab.close();
  });
});
