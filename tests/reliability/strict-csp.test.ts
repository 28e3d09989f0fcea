// Issue 12, strict CSP: demo/strict-csp/ declares `script-src 'self'; style-src 'self';
// require-trusted-types-for 'script'; trusted-types lit-html` (a meta policy, enforced on top of
// the server's header). Every element on it works (the form sends and gives a receipt, its follow
// link opens the receipt view, the themes list and the short form render, a contact-bank sign-up
// is received) and not one
// `securitypolicyviolation` fires. Chromium (which enforces Trusted Types) and Firefox ESR
// (which enforces the rest and reports whether it knows Trusted Types). WebKit has no puppeteer
// driver here; the elements' browser suites run there under the server's own strict policy.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { after, before, describe, test } from 'node:test';
import puppeteer, { type Browser } from 'puppeteer-core';
import { seedDemo, startServer, type RunningServer } from '@civicloop/server';
import { launchChromium, launchFirefox } from '../support/chromium.mjs';
import { advancePageClock, DEMO_FILL_MS } from '../support/page-clock.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const cdnDir = `${root}packages/elements/dist/cdn`;

for (const engine of ['chromium', 'firefox'] as const)
  describe(`strict CSP page [${engine}]`, { skip: !existsSync(`${cdnDir}/civicloop.js`) && 'run npm run build first' }, () => {
    let server: RunningServer;
    let browser: Browser;
    before(async () => {
      server = await startServer({ port: 0, dataDir: 'memory://', demoDir: `${root}demo`, cdnDir, log: () => {} });
      // The page's own origin may send sign-ups to the demo council's contact bank.
      await seedDemo(server.db, [new URL(server.url).origin]);
      browser = await (engine === 'firefox' ? launchFirefox : launchChromium)(puppeteer);
    });
    after(async () => {
      await browser?.close();
      await server?.close();
    });

    test('every element works and no securitypolicyviolation fires', { timeout: 60_000 }, async () => {
      const page = await browser.newPage();
      const problems: string[] = [];
      page.on('pageerror', (e) => problems.push(`page error: ${(e as Error).message}`));
      page.on('console', (m) => {
        if (m.type() === 'error' || m.type() === 'warn') problems.push(`console ${m.type()}: ${m.text()}`);
      });
      await page.evaluateOnNewDocument(
        "window.__violations = []; document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(e.violatedDirective + ' ' + e.blockedURI + ' ' + (e.sample || '')));",
      );
      await page.goto(`${server.url}/strict-csp/`, { waitUntil: 'networkidle0' });
      const meta = await page.$eval('meta[http-equiv="Content-Security-Policy"]', (m) => m.getAttribute('content'));
      assert.equal(meta, "script-src 'self'; style-src 'self'; require-trusted-types-for 'script'; trusted-types lit-html");
      const trustedTypes = await page.evaluate('typeof window.trustedTypes !== "undefined"');

      const [form, compact] = await page.$$('cocreate-feedback');
      await page.waitForFunction((e) => e.shadowRoot?.querySelector('[part~="input-use"]'), { timeout: 15_000 }, form!);
      await page.waitForFunction((e) => e.shadowRoot?.querySelector('[part~="compact"]'), { timeout: 15_000 }, compact!);
      await page.waitForFunction(() => document.querySelector('you-said-we-did')?.shadowRoot?.querySelector('#receipt'), { timeout: 15_000 });

      await (await form!.$('pierce/input[name="kind"][value="idea"]'))!.click();
      await (await form!.$('pierce/#text'))!.type(`Quiet study rooms, please ${Date.now()}`);
      await page.evaluate(advancePageClock(DEMO_FILL_MS)); // the demo councils' minimum fill time
      await (await form!.$('pierce/button[type="submit"]'))!.click();
      await page.waitForFunction((e) => e.shadowRoot?.querySelector('[part~="follow-link"]'), { timeout: 15_000 }, form!);
      const receipt = await form!.$eval('pierce/[part~="receipt-code"]', (e) => e.textContent?.trim() ?? '');
      assert.match(receipt, /^[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{2}$/);
      await (await form!.$('pierce/[part~="follow-link"]'))!.click();
      await page.waitForFunction(() => document.querySelector('you-said-we-did')?.shadowRoot?.querySelector('#lookup'), { timeout: 15_000 });
      const { rows } = await server.db.query('SELECT 1 FROM feedback WHERE receipt = $1', [receipt.replaceAll('-', '')]);
      assert.equal(rows.length, 1);

      // The contact bank: a resident signs up and is asked to confirm by email.
      const bank = (await page.$('contact-bank-signup'))!;
      await page.waitForFunction((e) => e.shadowRoot?.querySelector('[part~="consent"] a'), { timeout: 15_000 }, bank);
      const email = `strict.${Date.now()}@example.org`;
      await (await bank.$('pierce/input[name="kind"][value="resident"]'))!.click();
      await (await bank.$('pierce/#email'))!.type(email);
      await (await bank.$('pierce/input[name="languages"][value="en"]'))!.click();
      await (await bank.$('pierce/input[name="consent"][value="invitations"]'))!.click();
      await page.evaluate(advancePageClock(DEMO_FILL_MS));
      await (await bank.$('pierce/button[type="submit"]'))!.click();
      await page.waitForFunction((e) => e.shadowRoot?.querySelector('[part~="check-email"]'), { timeout: 15_000 }, bank);
      const pending = await server.db.query<{ status: string }>('SELECT status FROM contacts WHERE email = $1', [email]);
      assert.deepEqual(pending.rows.map((r) => r.status), ['pending']);

      const violations = (await page.evaluate('window.__violations')) as string[];
      assert.deepEqual(violations, []);
      assert.deepEqual(problems, []);
      console.log(`strict-csp [${engine}]: form sent (${receipt}), receipt view opened, list and short form rendered, contact bank sign-up pending; 0 violations; Trusted Types ${trustedTypes ? 'enforced' : 'not supported by this engine'}`);
      await page.close();
    });
  });
