// Issue 10's journey, end to end in Chromium and by keyboard: a resident writes on a council page;
// a staff member signs in to the console through the council's OpenID Connect provider (a real
// `oidc-provider`, started here); they link the input to a new theme, reply, write the council's
// response and publish it; the public <you-said-we-did> shows the theme, the resident's receipt
// lookup says "answered", and the audit log, in the console, names that person for each step.
// Every control is reached by focus and worked with the keyboard (Enter, Space, typing).
// Needs `npm run build` first (scripts/test.mjs runs it).
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, test } from 'node:test';
import puppeteer, { type Browser, type ElementHandle, type Page } from 'puppeteer-core';
import { createCouncil, createService, createStaffToken, startServer, type RunningServer } from '@civicloop/server';
import { resolveSso, setCouncilSso } from '../../packages/server/src/sso.js';
import { startTestProvider, type TestProvider } from '../../packages/server/src/testing/oidc-provider.js';
import { launchChromium } from '../support/chromium.mjs';
import { watchPage } from '../support/journey.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const cdnDir = `${root}packages/elements/dist/cdn`;
const council = 'loopville';

describe('the console closes the loop: sign-in at the provider, link, reply, publish, public page, audit [chromium]', { skip: !existsSync(`${cdnDir}/civicloop.js`) && 'run npm run build first' }, () => {
  let server: RunningServer;
  let provider: TestProvider;
  let browser: Browser;
  let page: Page;
  let pagesDir: string;
  let auditor: string;
  let serviceId: string;
  const problems: string[] = [];

  before(async () => {
    pagesDir = mkdtempSync(join(tmpdir(), 'civicloop-loop-console-'));
    server = await startServer({ port: 0, dataDir: 'memory://', demoDir: pagesDir, cdnDir, purgeEveryMs: false, log: () => {} });
    provider = await startTestProvider({ anna: { name: 'Anna Lind', groups: ['loop-admins'] } }, [`${server.url}/console/`]);
    await createCouncil(server.db, { slug: council, name: 'Loopville', origins: [server.url] });
    serviceId = (await createService(server.db, { council, id: 'pools', name: { en: 'Swimming pools' }, category: 'health' })).id;
    await setCouncilSso(
      server.db,
      council,
      await resolveSso({ issuer: provider.issuer, clientId: provider.clientId, clientSecret: provider.clientSecret, label: 'Loopville Login', scopes: provider.scopes, roleClaim: 'groups', roles: { editor: ['loop-editors'], admin: ['loop-admins'] } }),
    );
    // Only to read the audit log over the API at the end, beside what the console shows.
    auditor = await createStaffToken(server.db, { council, role: 'admin', label: 'Auditor' });
    const page = (title: string, body: string) => `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><link rel="icon" href="data:,"><title>${title} – Loopville</title><script type="module" src="/cdn/civicloop.js"></script></head>
<body><main><h1>${title}</h1>${body}</main></body>
</html>
`;
    mkdirSync(join(pagesDir, 'pools'));
    writeFileSync(join(pagesDir, 'pools', 'index.html'), page('Swimming pools', `<cocreate-feedback council="${council}" service="${serviceId}" follow-url="/pools/"></cocreate-feedback><you-said-we-did council="${council}"></you-said-we-did>`));
    mkdirSync(join(pagesDir, 'console'));
    writeFileSync(join(pagesDir, 'console', 'index.html'), page('Staff console', `<cocreate-console council="${council}" heading-level="2"></cocreate-console>`));
    browser = await launchChromium(puppeteer);
  });
  after(async () => {
    await browser?.close();
    await server?.close();
    await provider?.close();
    if (pagesDir) rmSync(pagesDir, { recursive: true, force: true });
  });

  /** Goes to `url`; `later` is a new browser context, as on the resident's next visit (nothing cached from before). */
  const open = async (url: string, later = false) => {
    if (!page || later) {
      page = await (later ? await browser.createBrowserContext() : browser.defaultBrowserContext()).newPage();
      watchPage(page, problems, { at: () => server.url });
    }
    await page.goto(url, { waitUntil: 'networkidle0' });
  };
  /** A control in an element's shadow root, once it is there. */
  const find = async (host: string, selector: string) =>
    (await page.waitForFunction((h, s) => document.querySelector(h)?.shadowRoot?.querySelector(s), { timeout: 15_000 }, host, selector)).asElement() as ElementHandle<HTMLElement>;
  const textIn = (host: string, selector: string) => page.evaluate((h, s) => document.querySelector(h)?.shadowRoot?.querySelector(s)?.textContent?.replace(/\s+/g, ' ').trim() ?? '', host, selector);
  const until = (host: string, selector: string, pred: string) =>
    page.waitForFunction(`(document.querySelector(${JSON.stringify(host)})?.shadowRoot?.querySelector(${JSON.stringify(selector)})?.textContent ?? '').includes(${JSON.stringify(pred)})`, { timeout: 15_000 });
  // The keyboard: focus moves to a control, and keys work it.
  const press = async (host: string, selector: string, key: 'Enter' | ' ' = 'Enter') => {
    await (await find(host, selector)).focus();
    await page.keyboard.press(key === ' ' ? 'Space' : key);
  };
  const typeIn = async (host: string, selector: string, words: string) => {
    await (await find(host, selector)).focus();
    await page.keyboard.type(words);
  };
  /** A closed <select> changes with the keyboard by typing its option's first letters. */
  const pick = async (host: string, selector: string, label: string) => {
    await (await find(host, selector)).focus();
    await page.keyboard.type(label);
  };
  const C = 'cocreate-console';

  test('a resident writes; Anna signs in with her account, links, replies, publishes; residents see it, and the log names her', async () => {
    // 1. The resident's input, on the council's page.
    await open(`${server.url}/pools/`);
    const F = 'cocreate-feedback';
    await press(F, 'input[name="kind"][value="idea"]', ' ');
    const words = 'Please open the outdoor pool at 6 in the morning in summer.';
    await typeIn(F, '#text', words);
    await press(F, 'button[type="submit"]');
    await find(F, '[part~="receipt-code"]');
    const receipt = await textIn(F, '[part~="receipt-code"]');
    assert.match(receipt, /^[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{2}$/);

    // 2. Anna signs in through the council's provider.
    await open(`${server.url}/console/`);
    await until(C, '.sso button', 'Sign in with Loopville Login');
    await Promise.all([page.waitForNavigation({ waitUntil: 'networkidle0' }), press(C, '.sso button')]);
    assert.ok(page.url().startsWith(`${provider.issuer}/interaction/`), page.url());
    await page.focus('input[name="login"]');
    await page.keyboard.type('anna');
    await page.keyboard.press('Tab');
    await page.keyboard.type('any password');
    await Promise.all([page.waitForNavigation({ waitUntil: 'networkidle0' }), page.keyboard.press('Enter')]);
    assert.equal(page.url(), `${server.url}/console/`);
    await until(C, '[part~="session"] p', 'Signed in as Anna Lind');

    // 3a. The input, selected in the inbox and linked to a new theme.
    await until(C, '#item-0', words);
    await press(C, '#pick-0', ' ');
    await press(C, '#link-open');
    await find(C, '#link-title');
    await typeIn(C, '#link-title', 'An early swim in summer');
    await typeIn(C, '#link-you-said', 'Residents asked for the outdoor pool to open at 6 in summer.');
    await press(C, '#link-panel button[type="submit"]');
    await until(C, '#inbox', 'Open the theme');

    // 3b. A personal reply, from the reading pane.
    await press(C, '#item-0');
    await typeIn(C, '#reply', 'Thank you: we will try it this July.');
    await press(C, '.reply-form button[type="submit"]');
    await until(C, '#pane-status', 'Answered');

    // 3c. The council's response, written and published from the themes view.
    await press(C, '#nav-themes');
    await until(C, '#themes', 'An early swim in summer');
    await press(C, '#theme-0');
    await find(C, '#theme-editor');
    await typeIn(C, '#theme-weDid', 'From July, the outdoor pool opens at 6:00 on weekdays.');
    await pick(C, '#theme-status', 'Planned');
    await press(C, '.theme-form button[type="submit"]');
    await until(C, '[part~="status"]', 'saved');
    await press(C, '#publish');
    await find(C, '#publish-confirm');
    await press(C, '#publish-confirm button');
    await find(C, '#published');

    // 4. The public element shows the theme and the council's response (on the resident's next
    // visit: the lists a page read a minute ago may come from the browser's HTTP cache).
    await open(`${server.url}/pools/#receipt=${receipt}`, true);
    const Y = 'you-said-we-did';
    await until(Y, '[part~="card"]', 'An early swim in summer');
    assert.ok((await textIn(Y, '[part~="card"]')).includes('From July, the outdoor pool opens at 6:00 on weekdays.'));

    // 5. The receipt lookup says it was answered.
    await until(Y, '[part~="lookup"]', 'Answered');

    // 6. The audit log, in the console, names Anna for each step; the API says the same.
    await open(`${server.url}/console/`, true);
    await until(C, '.sso button', 'Sign in with Loopville Login');
    await Promise.all([page.waitForNavigation({ waitUntil: 'networkidle0' }), press(C, '.sso button')]);
    await page.focus('input[name="login"]');
    await page.keyboard.type('anna');
    await page.keyboard.press('Tab');
    await page.keyboard.type('any password');
    await Promise.all([page.waitForNavigation({ waitUntil: 'networkidle0' }), page.keyboard.press('Enter')]);
    await until(C, '[part~="session"] p', 'Signed in as Anna Lind');
    await press(C, '#nav-audit');
    await until(C, '#audit', 'Theme published');
    // Linking to a new theme is its creation with the input (theme.create, with feedbackIds).
    const entries = await page.evaluate(() => [...document.querySelector('cocreate-console')!.shadowRoot!.querySelectorAll('#audit .entries > li')].map((li) => li.textContent!.replace(/\s+/g, ' ')));
    const steps = ['Theme published', 'Theme changed', 'Reply sent', 'Theme created'];
    assert.deepEqual(entries.map((e) => steps.find((step) => e.startsWith(step))), steps, entries.join('\n'));
    for (const entry of entries) assert.ok(entry.includes('By Anna Lind (administrator)'), entry);
    const api = (await (await fetch(`${server.url}/v1/councils/${council}/staff/audit`, { headers: { authorization: `Bearer ${auditor}` } })).json()) as {
      items: { action: string; actor: { person: { name: string } | null }; after: { feedbackIds?: string[] } | null }[];
    };
    assert.deepEqual(api.items.map((e) => e.action), ['theme.publish', 'theme.update', 'feedback.reply', 'theme.create']);
    for (const e of api.items) assert.equal(e.actor.person?.name, 'Anna Lind', e.action);
    assert.equal(api.items[3]!.after?.feedbackIds?.length, 1, 'the theme was created with the input linked');
    assert.deepEqual(problems, []);
  });
});
