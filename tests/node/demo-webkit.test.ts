// The demo pages of demo.test.ts in WebKit (WebKitGTK's MiniBrowser over classic WebDriver, on
// Xvfb: tests/support/engines.mjs), as a web editor ships them: the built CDN files, the server's
// strict CSP with Trusted Types. Classic WebDriver cannot listen to the page's console or run a
// script before the page's own, so this suite proves the pages work (forms rendered in their
// language, axe clean, a real send with its receipt) and leaves the console checks to the
// Chromium and Firefox runs. Needs `npm run build` first (scripts/test.mjs runs it).
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { after, before, describe, test } from 'node:test';
import { remote } from 'webdriverio';
import { startWebKitDriver, WEBKIT_CAPABILITIES } from '../support/engines.mjs';
import { seedDemo, startServer, type RunningServer } from '@civicloop/server';
import { advancePageClock, DEMO_FILL_MS } from '../support/page-clock.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const cdnDir = `${root}packages/elements/dist/cdn`;

type Driver = Awaited<ReturnType<typeof remote>>;

describe('demo pages on the built CDN files [webkit]', { skip: !existsSync(`${cdnDir}/civicloop.js`) && 'run npm run build first' }, () => {
  let server: RunningServer;
  let driver: { port: number; kill(): void } | undefined;
  let browser: Driver;

  before(async () => {
    server = await startServer({ port: 0, dataDir: 'memory://', demoDir: `${root}demo`, cdnDir, docs: true, log: () => {} });
    await seedDemo(server.db);
    driver = await startWebKitDriver();
    process.once('exit', () => driver?.kill());
    browser = await remote({ hostname: '127.0.0.1', port: driver.port, logLevel: 'error', capabilities: WEBKIT_CAPABILITIES });
  });
  after(async () => {
    await browser?.deleteSession().catch(() => {});
    driver?.kill();
    await server?.close();
  });

  /** Polls `script` (a function body returning a value) in the page until it is truthy. */
  async function until<T>(script: string, what: string, timeout = 15_000): Promise<T> {
    const deadline = Date.now() + timeout;
    for (;;) {
      const value = await browser.execute<T, []>(script);
      if (value) return value;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  const formsShown = `return [...document.querySelectorAll('cocreate-feedback')].every((el) => el.shadowRoot?.querySelector('form, [part~="compact"]')) && document.querySelectorAll('cocreate-feedback').length > 0`;

  test('each council page renders its form in its own language under the strict CSP', async () => {
    const pages = [
      ['/riverside/', 'What would you like to tell us?'],
      ['/nordby/', 'Hvad vil du gerne fortælle os?'],
      ['/przykladowo/', 'Co chcesz nam przekazać?'],
    ] as const;
    for (const [path, legend] of pages) {
      const csp = (await fetch(server.url + path)).headers.get('content-security-policy') ?? '';
      assert.match(csp, /require-trusted-types-for 'script'/, path);
      await browser.url(server.url + path);
      await until(formsShown, `${path} forms`);
      const legends = await browser.execute<string[], []>(
        `return [...document.querySelectorAll('cocreate-feedback')].map((el) => el.shadowRoot.querySelector('legend')?.textContent.replace(/\\s+/g, ' ').trim() ?? null)`,
      );
      assert.ok(legends.includes(legend), `${path}: ${JSON.stringify(legends)}`);
    }
  });

  test('each demo page passes axe (WCAG 2.2 A and AA) as a whole, the elements inside included', async () => {
    // Evaluated by the driver, which the page's CSP does not govern (as in the Firefox run).
    const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
    for (const path of ['/', '/riverside/', '/nordby/', '/przykladowo/']) {
      await browser.url(server.url + path);
      await until(`return document.readyState === 'complete'`, `${path} loaded`);
      if (path !== '/') await until(formsShown, `${path} forms`);
      await browser.execute(`${axeSource}\n;window.axe = axe;`);
      const violations = await browser.executeAsync<string[], []>(`
        const done = arguments[arguments.length - 1];
        window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } })
          .then((r) => done(r.violations.map((v) => v.id + ' ' + JSON.stringify(v.nodes.map((n) => [n.target, n.any?.[0]?.message])))))
          .catch((e) => done(['axe failed: ' + e]));
      `);
      assert.deepEqual(violations, [], path);
    }
  });

  test('a resident sends on the Riverside page and gets a receipt; markup stays text', async () => {
    await browser.url(`${server.url}/riverside/`);
    await until(`return document.querySelector('cocreate-feedback')?.shadowRoot?.querySelector('[part~="input-use"]')`, 'the council text');
    const payload = `Longer hours, please <img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script> ${Date.now()}`;
    await browser.execute(
      (text: string) => {
        const root = document.querySelector('cocreate-feedback')!.shadowRoot!;
        root.querySelector<HTMLInputElement>('input[name="kind"][value="idea"]')!.click();
        const area = root.querySelector<HTMLTextAreaElement>('#text')!;
        area.value = text;
        area.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
      },
      payload,
    );
    // The demo councils refuse forms sent faster than two seconds after they appear: the resident took that long.
    await browser.execute(advancePageClock(DEMO_FILL_MS));
    await browser.execute(`document.querySelector('cocreate-feedback').shadowRoot.querySelector('button[type="submit"]').click()`);
    const receipt = await until<string>(
      `return document.querySelector('cocreate-feedback').shadowRoot.querySelector('[part~="receipt-code"]')?.textContent.replace(/\\s+/g, '').trim()`,
      'the receipt',
    );
    assert.match(receipt, /^[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{2}$/);
    const { rows } = await server.db.query<{ text: string; channel: string }>('SELECT text, channel FROM feedback WHERE receipt = $1', [receipt.replaceAll('-', '')]);
    assert.equal(rows[0]?.text, payload);
    assert.equal(rows[0]?.channel, 'web');
    assert.equal(await browser.execute(`return window.__pwned ?? null`), null);
    assert.equal(await browser.execute(`return document.querySelector('cocreate-feedback').shadowRoot.querySelectorAll('img, script').length`), 0);
  });
});
