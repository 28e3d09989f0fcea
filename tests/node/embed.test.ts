// The loader on pages a CMS makes: other components' shadow roots, content added later, the
// bundle pasted twice. Pages are served at the server's own origin (so the council's origin
// rules and the CSP apply as on a real page) with the built CDN files, in Debian's Chromium.
// Needs `npm run build` first (scripts/test.mjs runs it).
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { after, before, describe, test } from 'node:test';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { launchChromium } from '../support/chromium.mjs';
import { cdnSnippet, readCdnManifest, seedDemo, startServer, type RunningServer } from '@civicloop/server';

const root = fileURLToPath(new URL('../..', import.meta.url));
const cdnDir = `${root}packages/elements/dist/cdn`;

describe('the loader on a CMS page', { skip: !existsSync(`${cdnDir}/civicloop.js`) && 'run npm run build first' }, () => {
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
   * Opens `html` as if the server sent it at /cms/page.html (same origin as the demo councils'
   * allowed one), with `headers`; everything else comes from the real server.
   */
  async function open(html: string, headers: Record<string, string> = {}, hold?: (path: string) => boolean, held: (() => void)[] = []): Promise<{ page: Page; problems: string[] }> {
    const page = await browser.newPage();
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(`page error: ${(e as Error).message}`));
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warn') problems.push(`console ${m.type()}: ${m.text()}`);
    });
    await page.evaluateOnNewDocument(() => {
      document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`));
    });
    await page.setRequestInterception(true);
    page.on('request', (request) => {
      const path = new URL(request.url()).pathname;
      if (path === '/cms/page.html') void request.respond({ status: 200, contentType: 'text/html', headers, body: html });
      // Held back until the test lets it go, e.g. to look at the page before an element is defined.
      else if (hold?.(path)) held.push(() => void request.continue());
      else void request.continue();
    });
    await page.goto(`${server.url}/cms/page.html`, { waitUntil: hold ? 'domcontentloaded' : 'networkidle0' });
    return { page, problems };
  }

  /**
   * How many <cocreate-feedback> the page has, in the document and in open shadow roots, if every
   * one shows its form; else 0. A string: tsx would wrap a nested function in a `__name` helper
   * the page does not have.
   */
  const allRendered = `(() => {
    const found = [];
    const roots = [document];
    for (const r of roots) {
      found.push(...r.querySelectorAll('cocreate-feedback'));
      for (const el of r.querySelectorAll('*')) if (el.shadowRoot) roots.push(el.shadowRoot);
    }
    return found.length > 0 && found.every((el) => el.shadowRoot?.querySelector('form, [part~="compact"]')) ? found.length : 0;
  })()`;

  test('finds elements in shadow roots that exist when it runs, declarative ones included', async () => {
    const { page, problems } = await open(`<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>CMS</title>
      <script>
        customElements.define('cms-card', class extends HTMLElement {
          constructor() { super(); this.attachShadow({ mode: 'open' }).innerHTML = '<cocreate-feedback council="riverside" service="libraries"></cocreate-feedback>'; }
        });
      </script>
      <script type="module" src="/cdn/civicloop.js"></script></head>
      <body><main><cms-card></cms-card>
        <cms-tabs><template shadowrootmode="open"><section><cocreate-feedback council="riverside" compact></cocreate-feedback></section></template></cms-tabs>
      </main></body></html>`);
    await page.waitForFunction(allRendered, { timeout: 10_000 });
    assert.equal(await page.evaluate(allRendered), 2);
    assert.deepEqual(problems, []);
    await page.close();
  });

  test('finds elements added later: to the document, and in shadow roots of components defined after it ran', async () => {
    const { page, problems } = await open(`<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>CMS</title>
      <script type="module" src="/cdn/civicloop.js"></script></head>
      <body><main><cms-late></cms-late><div id="tab"></div></main></body></html>`);
    // Nothing of ours on the page yet: the loader has loaded no element code.
    assert.equal(await page.evaluate(() => customElements.get('cocreate-feedback')), undefined);
    await page.evaluate(() => {
      // A component whose shadow root appears only when it is defined (no mutation the document sees).
      customElements.define('cms-late', class extends HTMLElement {
        constructor() {
          super();
          const shadow = this.attachShadow({ mode: 'open' });
          // Its content arrives later still, as a framework renders.
          setTimeout(() => (shadow.innerHTML = '<div><cocreate-feedback council="riverside" service="libraries"></cocreate-feedback></div>'), 50);
        }
      });
    });
    await page.waitForFunction(allRendered, { timeout: 10_000 });
    await page.evaluate(() => {
      document.querySelector('#tab')!.innerHTML = '<cocreate-feedback council="riverside" compact></cocreate-feedback>';
    });
    await page.waitForFunction(() => document.querySelector('#tab cocreate-feedback')?.shadowRoot?.querySelector('[part~="compact"]'), { timeout: 10_000 });
    assert.equal(await page.evaluate(allRendered), 2);
    assert.deepEqual(problems, []);
    await page.close();
  });

  test('two copies of the bundle on one page (a CMS plugin and a pasted snippet) work under the demo CSP', async () => {
    // The CSP the server sends with its demo pages, as the README documents it.
    const csp = (await fetch(`${server.url}/riverside/`)).headers.get('content-security-policy') ?? '';
    assert.match(csp, /require-trusted-types-for 'script'/);
    const { page, problems } = await open(
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>CMS</title>
      <script type="module" src="/cdn/civicloop.js"></script></head>
      <body><main><cocreate-feedback council="riverside" service="libraries"></cocreate-feedback>
      <script type="module" src="/cdn/v${(await readCdnManifest(cdnDir))!.version}/civicloop.js"></script>
      <cocreate-feedback council="riverside" compact></cocreate-feedback></main></body></html>`,
      { 'content-security-policy': csp },
    );
    await page.waitForFunction(allRendered, { timeout: 10_000 });
    // Both copies ran: each loaded its own element module (two paths, two module instances).
    const modules = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname).filter((p) => p.endsWith('/cocreate-feedback.js')));
    assert.equal(new Set(modules).size, 2, JSON.stringify(modules));
    assert.equal(await page.evaluate(allRendered), 2);
    assert.deepEqual(problems, []);
    await page.close();
  });

  test('the loader reserves the settled size before the element is defined; the content below never moves', async () => {
    const tags = { form: 'cocreate-feedback', compact: 'cocreate-feedback', loop: 'you-said-we-did' } as const;
    for (const [width, variant, rem] of [[1280, 'form', 44], [1280, 'compact', 7], [1280, 'loop', 83]] as const) {
      const tag = tags[variant];
      const element =
        variant === 'loop' ? '<you-said-we-did council="riverside"></you-said-we-did>' : `<cocreate-feedback council="riverside" service="libraries"${variant === 'compact' ? ' compact' : ''}></cocreate-feedback>`;
      const held: (() => void)[] = [];
      const { page, problems } = await open(
        `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>CMS</title>
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <script type="module" src="/cdn/civicloop.js"></script></head>
        <body><main>${element}<p id="below">Below</p></main></body></html>`,
        {},
        (path) => path.endsWith(`/${tag}.js`),
        held,
      );
      await page.setViewport({ width, height: 900 });
      // The loader asked for the element's code: it has run, and the element is not defined yet.
      while (held.length === 0) await new Promise((r) => setTimeout(r, 20));
      const before = await page.evaluate((tag) => ({
        height: document.querySelector(tag)!.getBoundingClientRect().height,
        below: document.querySelector('#below')!.getBoundingClientRect().top,
        defined: customElements.get(tag) !== undefined,
      }), tag);
      assert.deepEqual([before.height, before.defined], [rem * 16, false], `${width} ${variant}: reserved before it is defined`);
      for (const go of held) go();
      await page.waitForFunction(
        (tag) => document.querySelector(tag)?.shadowRoot?.querySelector('[part~="input-use"], [part~="compact"], [part~="card"]') && !document.querySelector(tag)?.shadowRoot?.querySelector('.skeleton'),
        { timeout: 10_000 },
        tag,
      );
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
      const after = await page.evaluate(() => document.querySelector('#below')!.getBoundingClientRect().top);
      assert.equal(after, before.below, `${width} ${variant}: the content below stayed where it was`);
      assert.deepEqual(problems, []);
      await page.close();
    }
  });

  test('the snippet as printed, pasted in the content, has the space reserved before the loader has even run', async () => {
    // In the body `blocking="render"` does nothing: the stylesheet line holds the paint instead.
    const snippet = cdnSnippet('', (await readCdnManifest(cdnDir))!);
    for (const [width, service, rem] of [[1280, true, 44], [360, true, 55], [1280, false, 50]] as const) {
      const page = await browser.newPage();
      const problems: string[] = [];
      page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
      await page.setViewport({ width, height: 900 });
      await page.setRequestInterception(true);
      const held: (() => void)[] = [];
      const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>CMS</title>
        <meta name="viewport" content="width=device-width, initial-scale=1"></head>
        <body><main><h1>Libraries</h1>${snippet}
        <cocreate-feedback council="riverside"${service ? ' service="libraries"' : ''}></cocreate-feedback><p id="below">Below</p></main></body></html>`;
      page.on('request', (request) => {
        const path = new URL(request.url()).pathname;
        if (path === '/cms/page.html') void request.respond({ status: 200, contentType: 'text/html', body: html });
        // The loader is held back: a module script would hold DOMContentLoaded, so no waiting for that.
        else if (path.endsWith('/civicloop.js')) held.push(() => void request.continue());
        else void request.continue();
      });
      void page.goto(`${server.url}/cms/page.html`).catch(() => undefined);
      while (held.length === 0) await new Promise((r) => setTimeout(r, 20));
      await page.waitForSelector('#below');
      // Painted: two frames, so the first paint has happened with whatever was reserved then.
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
      const before = await page.evaluate(() => ({
        height: document.querySelector('cocreate-feedback')!.getBoundingClientRect().height,
        below: document.querySelector('#below')!.getBoundingClientRect().top,
        loaderRan: customElements.get('cocreate-feedback') !== undefined || document.adoptedStyleSheets.length > 0,
      }));
      assert.deepEqual([before.height, before.loaderRan], [rem * 16, false], `${width} ${service}: reserved by the stylesheet alone`);
      for (const go of held) go();
      await page.waitForFunction(() => document.querySelector('cocreate-feedback')?.shadowRoot?.querySelector('[part~="input-use"]'), { timeout: 10_000 });
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
      assert.equal(await page.evaluate(() => document.querySelector('#below')!.getBoundingClientRect().top), before.below, `${width} ${service}: the content below stayed`);
      assert.deepEqual(problems, []);
      await page.close();
    }
  });
  test('the council’s settings, its services and the shared code are asked for with the element’s code, once per page, and the elements use those answers', async () => {
    const page = await browser.newPage();
    const started: { path: string; by: string | undefined }[] = [];
    const cdp = await page.createCDPSession();
    await cdp.send('Network.enable');
    cdp.on('Network.requestWillBeSent', (e) => {
      const by = e.initiator.url ?? e.initiator.stack?.callFrames[0]?.url;
      started.push({ path: new URL(e.request.url).pathname, by: by && new URL(by).pathname });
    });
    const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>CMS</title>
      <script type="module" src="/cdn/civicloop.js"></script></head>
      <body><main><cocreate-feedback council="riverside" service="libraries"></cocreate-feedback>
        <you-said-we-did council="riverside"></you-said-we-did></main></body></html>`;
    await page.setRequestInterception(true);
    page.on('request', (request) => {
      if (new URL(request.url()).pathname === '/cms/page.html') void request.respond({ status: 200, contentType: 'text/html', body: html });
      else void request.continue();
    });
    await page.goto(`${server.url}/cms/page.html`, { waitUntil: 'networkidle0' });
    await page.waitForFunction(() => document.querySelector('cocreate-feedback')?.shadowRoot?.querySelector('[part~="input-use"]'), { timeout: 10_000 });
    const council = started.filter((r) => r.path === '/v1/councils/riverside');
    assert.equal(council.length, 1, 'one request for the council, for both elements');
    assert.equal(council[0]!.by, '/cdn/civicloop.js', 'asked for by the loader, not after the element code ran');
    const services = started.filter((r) => r.path === '/v1/councils/riverside/services');
    assert.deepEqual(services, [{ path: '/v1/councils/riverside/services', by: '/cdn/civicloop.js' }], 'its services too: once, by the loader');
    const shared = started.filter((r) => r.path.startsWith('/cdn/chunks/'));
    assert.ok(shared.length > 0);
    for (const r of shared) assert.equal(r.by, '/cdn/civicloop.js', `${r.path} asked for by the loader beside the entry`);
    await page.close();
  });
});
