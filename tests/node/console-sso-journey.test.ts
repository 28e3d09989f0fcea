// Issue 10, signing in to the staff console with single sign-on, end to end in Chromium: a real
// OpenID Connect provider (`oidc-provider`, started here, its development login page), the
// console at /console/ (the built CDN files, the server's strict CSP) sending the browser there
// with PKCE and back, the session naming the person, a status change, the audit log naming
// them, and sign-out ending the session on the server. Needs `npm run build` first.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, test } from 'node:test';
import puppeteer, { type Browser, type ElementHandle, type Page } from 'puppeteer-core';
import { createCouncil, createStaffToken, startServer, type RunningServer } from '@civicloop/server';
import { resolveSso, setCouncilSso } from '../../packages/server/src/sso.js';
import { startTestProvider, type TestProvider } from '../../packages/server/src/testing/oidc-provider.js';
import { launchChromium } from '../support/chromium.mjs';
import { councilApi, watchPage } from '../support/journey.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const cdnDir = `${root}packages/elements/dist/cdn`;
const council = 'ssoville';
// Sign-ins this connection may make in an hour: the first three tests make one each; the last is refused.
const SIGN_INS_PER_HOUR = 3;

describe('staff sign in to the console through their provider; the audit log names them [chromium]', { skip: !existsSync(`${cdnDir}/civicloop.js`) && 'run npm run build first' }, () => {
  let server: RunningServer;
  let provider: TestProvider;
  let browser: Browser;
  let page: Page;
  let pagesDir: string;
  let admin: string;
  let inputId: string;
  const problems: string[] = [];
  // The server keeps real time (the ID token's times are the provider's), moved ahead by this much to end a session.
  let ahead = 0;

  const api = councilApi(() => `${server.url}/v1/councils/${council}`);
  const textOf = (el: ElementHandle, selector: string) =>
    el.evaluate((e, sel) => e.shadowRoot?.querySelector(sel)?.textContent?.replace(/\s+/g, ' ').trim() ?? null, selector);

  before(async () => {
    pagesDir = mkdtempSync(join(tmpdir(), 'civicloop-sso-journey-'));
    server = await startServer({ port: 0, dataDir: 'memory://', demoDir: pagesDir, cdnDir, purgeEveryMs: false, log: () => {}, now: () => Date.now() + ahead, limits: { signInsPerClientPerHour: SIGN_INS_PER_HOUR } });
    provider = await startTestProvider(
      { ewa: { name: 'Ewa Kowalska', groups: ['console-editors'] }, vic: { name: 'Vic Visitor', groups: ['everyone'] } },
      [`${server.url}/console/`],
    );
    await createCouncil(server.db, { slug: council, name: 'Ssoville', origins: [server.url] });
    await setCouncilSso(
      server.db,
      council,
      await resolveSso({
        issuer: provider.issuer,
        clientId: provider.clientId,
        clientSecret: provider.clientSecret,
        label: 'Ssoville Login',
        scopes: provider.scopes,
        roleClaim: 'groups',
        roles: { editor: ['console-editors'], admin: ['console-admins'] },
      }),
    );
    admin = await createStaffToken(server.db, { council, role: 'admin', label: 'Audit reader' });
    const input = await api<{ id: string }>('POST', 'staff/feedback', admin, { kind: 'problem', text: 'The lift at the town hall is broken.', channel: 'phone' });
    assert.equal(input.status, 201);
    inputId = input.body.id;
    mkdirSync(join(pagesDir, 'console'));
    writeFileSync(
      join(pagesDir, 'console', 'index.html'),
      `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <link rel="icon" href="data:,">
  <title>Staff console – Ssoville</title>
  <script type="module" src="/cdn/civicloop.js"></script>
</head>
<body><main><cocreate-console council="${council}" heading-level="1"></cocreate-console></main></body>
</html>
`,
    );
    browser = await launchChromium(puppeteer);
    page = await browser.newPage();
    watch(page);
  });
  const watch = (page: Page) => watchPage(page, problems);
  after(async () => {
    await browser?.close();
    await server?.close();
    await provider?.close();
    if (pagesDir) rmSync(pagesDir, { recursive: true, force: true });
  });

  /** From the console, through the provider's login page as `login` (unless it remembers someone), back to the console. */
  async function signInAs(login: string, remembered = false): Promise<ElementHandle> {
    await page.goto(`${server.url}/console/`, { waitUntil: 'networkidle0' });
    const el = (await page.$('cocreate-console'))!;
    await page.waitForFunction((e) => e.shadowRoot?.querySelector('.sso button'), { timeout: 15_000 }, el);
    assert.equal(await textOf(el, '.sso button'), 'Sign in with Ssoville Login');
    // The staff-token form stays beside it, the fallback.
    assert.ok(await el.evaluate((e) => Boolean(e.shadowRoot!.querySelector('#token'))));
    await Promise.all([page.waitForNavigation({ waitUntil: 'networkidle0' }), (await el.$('pierce/.sso button'))!.click()]);
    if (!remembered) {
      assert.ok(page.url().startsWith(`${provider.issuer}/interaction/`), page.url());
      await page.type('input[name="login"]', login);
      await page.type('input[name="password"]', 'any password');
      await Promise.all([page.waitForNavigation({ waitUntil: 'networkidle0' }), page.click('button[type="submit"]')]);
    }
    assert.ok(page.url().startsWith(`${server.url}/console/`), page.url());
    const back = (await page.$('cocreate-console'))!;
    await page.waitForFunction((e) => e.shadowRoot?.querySelector('[part~="session"], #sso-error'), { timeout: 15_000 }, back);
    return back;
  }

  test('an editor signs in at the provider, is named, changes a status, and the audit log names them; sign-out ends the session', async () => {
    const el = await signInAs('ewa');
    assert.match((await textOf(el, '[part~="session"] p'))!, /^Signed in as Ewa Kowalska, until /);
    // The provider's parameters left the address bar; the session is in this tab's sessionStorage, never localStorage.
    assert.equal(page.url(), `${server.url}/console/`);
    const stored = await page.evaluate(() => ({
      session: Object.keys(sessionStorage).map((k) => sessionStorage.getItem(k)),
      local: Object.keys(localStorage).length,
    }));
    assert.ok(stored.session.some((v) => v?.startsWith('clss_')), 'the session token is kept for the tab');
    assert.equal(stored.local, 0);

    // The input, opened from the inbox, gets a new status.
    await page.waitForFunction((e) => e.shadowRoot?.querySelector('#item-0'), { timeout: 15_000 }, el);
    await (await el.$('pierce/#item-0'))!.click();
    await page.waitForFunction((e) => e.shadowRoot?.querySelector('#new-status'), { timeout: 15_000 }, el);
    await (await el.$('pierce/#new-status'))!.select('in-review');
    await (await el.$('pierce/.status-form button[type="submit"]'))!.click();
    await page.waitForFunction((e) => e.shadowRoot?.querySelector('#pane-status')?.textContent?.trim() === 'In review', { timeout: 15_000 }, el);

    // The audit log (an admin reads it over the API) has the change under her name.
    const log = await api<{ items: { action: string; actor: { role: string; person: { subject: string; name: string | null } | null }; after: unknown }[] }>(
      'GET',
      `staff/audit?action=feedback.update&subject=${inputId}`,
      admin,
    );
    assert.equal(log.status, 200);
    assert.equal(log.body.items.length, 1);
    assert.deepEqual(log.body.items[0]!.actor.person, { subject: 'ewa', name: 'Ewa Kowalska' });
    assert.equal(log.body.items[0]!.actor.role, 'editor');
    assert.deepEqual(log.body.items[0]!.after, { status: 'in-review' });

    // Sign-out is real: the server ends the session, and the tab forgets it.
    const token = stored.session.find((v) => v?.startsWith('clss_'))!;
    await (await el.$('pierce/[part~="session"] button'))!.click();
    await page.waitForFunction((e) => e.shadowRoot?.querySelector('#signed-out'), { timeout: 15_000 }, el);
    for (let i = 0; i < 100 && (await api('GET', 'staff/feedback', token)).status === 200; i++) await new Promise((r) => setTimeout(r, 50));
    const refused = await api<{ detail: string }>('GET', 'staff/feedback', token);
    assert.equal(refused.status, 401);
    assert.match(refused.body.detail, /signing out/);
    assert.ok(!(await page.evaluate(() => Object.keys(sessionStorage).some((k) => sessionStorage.getItem(k)?.startsWith('clss_')))));
  });

  test('when the session expires, the console says so and offers sign-in again', async () => {
    // The provider still knows Ewa in this browser: straight back, signed in.
    const el = await signInAs('ewa', true);
    assert.match((await textOf(el, '[part~="session"] p'))!, /^Signed in as Ewa Kowalska/);
    await page.waitForFunction((e) => e.shadowRoot?.querySelector('#item-0'), { timeout: 15_000 }, el);
    // Eight hours and a minute later by the server's clock, her next step is refused: 401, the session expired.
    ahead = (8 * 60 + 1) * 60_000;
    await (await el.$('pierce/#filter-status'))!.select('received');
    await page.waitForFunction((e) => e.shadowRoot?.querySelector('#ended'), { timeout: 15_000 }, el);
    assert.equal(await textOf(el, '#ended-title'), 'Your session has ended. Sign in again.');
    assert.ok(await el.evaluate((e) => Boolean(e.shadowRoot!.querySelector('.sso button') && e.shadowRoot!.querySelector('#token'))));
    assert.ok(!(await page.evaluate(() => Object.keys(sessionStorage).some((k) => sessionStorage.getItem(k)?.startsWith('clss_')))));
    ahead = 0;
  });

  test('a person whose claims map to no role is told so, and stays signed out', async () => {
    // Another person at another browser: the provider remembers Ewa's sign-in in the first one.
    problems.length = 0;
    page = await (await browser.createBrowserContext()).newPage();
    watch(page);
    const el = await signInAs('vic');
    assert.equal(await textOf(el, '#sso-error-title'), 'You signed in, but your account has no role in this council’s console. Ask an administrator for access.');
    assert.equal(await el.evaluate((e) => e.shadowRoot!.querySelector('[part~="session"]')), null);
    const { rows } = await server.db.query<{ n: number }>("SELECT count(*)::int AS n FROM staff_sessions WHERE subject = 'vic'");
    assert.equal(rows[0]!.n, 0);
    // On the console's pages (the provider's login page loads fonts from the web), the refusal was the API's 403 and nothing else went wrong.
    assert.deepEqual(problems.filter((p) => p.includes(` at ${server.url}/`) && !/status of 403/.test(p)), []);
  });

  test('past the hour\'s sign-ins from this connection, the console says so and until when, and nothing is created', async () => {
    problems.length = 0;
    const { rows: before } = await server.db.query<{ n: number }>('SELECT count(*)::int AS n FROM staff_sessions');
    // Ewa again, remembered by the provider in the first browser context: this is the connection's fourth sign-in this hour.
    page = await browser.browserContexts()[0]!.newPage();
    watch(page);
    const el = await signInAs('ewa', true);
    const said = (await textOf(el, '#sso-error-title'))!;
    // The server's Retry-After is at most an hour away; the console names that time as the page shows times.
    const at = said.match(/^There have been too many sign-in attempts\. Try again after (\d{1,2}):(\d{2})(?: ?([AP]M))?\.$/);
    assert.ok(at, said);
    const hours = at[3] ? (Number(at[1]) % 12) + (at[3] === 'PM' ? 12 : 0) : Number(at[1]);
    const minutes = hours * 60 + Number(at[2]);
    const now = new Date();
    const away = (minutes - (now.getHours() * 60 + now.getMinutes()) + 24 * 60) % (24 * 60);
    assert.ok(away >= 0 && away <= 61, `${said}: ${away} minutes away`);
    assert.equal(await el.evaluate((e) => e.shadowRoot!.querySelector('[part~="session"]')), null);
    assert.ok(await el.evaluate((e) => Boolean(e.shadowRoot!.querySelector('.sso button') && e.shadowRoot!.querySelector('#token'))), 'both ways in stay offered');
    const { rows: after } = await server.db.query<{ n: number }>('SELECT count(*)::int AS n FROM staff_sessions');
    assert.equal(after[0]!.n, before[0]!.n);
    assert.deepEqual(problems.filter((p) => p.includes(` at ${server.url}/`) && !/status of 429/.test(p)), []);
  });
});
