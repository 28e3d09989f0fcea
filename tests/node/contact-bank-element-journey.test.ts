// Issue 9's journey, end to end in Chromium against the real server (the built CDN files, the
// server's strict CSP) and a real SMTP server started here (`smtp-server`): an association signs
// up in <contact-bank-signup>; the confirmation mail arrives and its link confirms in the
// element; staff find the entry; an invitation arrives and is accepted in the element; staff see
// the acceptance; the manage link downloads the data, then withdraws; and no table still holds
// the person's email, name, phone or organisation. Needs `npm run build` first.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, test } from 'node:test';
import puppeteer, { type Browser, type ElementHandle, type Page } from 'puppeteer-core';
import { startServer, type RunningServer } from '@civicloop/server';
import { launchChromium } from '../support/chromium.mjs';
import { councilApi, watchPage } from '../support/journey.js';
import { createBankCouncil, fragmentLink, tablesHolding } from '../support/contact-bank.js';
import { startSmtp, type TestSmtp } from '../support/smtp.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const cdnDir = `${root}packages/elements/dist/cdn`;
const council = 'bankton';
const person = { email: 'ada.bank@example.org', name: 'Ada Lindqvist', phone: '+46 8 555 123 45', organisation: 'Bankton Allotment Society' };

describe('the contact bank journey: sign up, confirm, found, invited, accept, download, withdraw, erased [chromium]', { skip: !existsSync(`${cdnDir}/civicloop.js`) && 'run npm run build first' }, () => {
  let smtp: TestSmtp;
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let pagesDir: string;
  let editor: string;
  let clock = Date.parse('2026-05-04T09:00:00Z');
  const problems: string[] = [];

  const api = councilApi(() => `${server.url}/v1/councils/${council}`);
  const shadowText = (el: ElementHandle, selector: string) =>
    el.evaluate((e, sel) => e.shadowRoot?.querySelector(sel)?.textContent?.replace(/\s+/g, ' ').trim() ?? null, selector);
  /** Opens `url` and waits for the element's task (a link from a mail) to settle on `title`. */
  const openTask = async (url: string, title: string) => {
    await page.goto(url, { waitUntil: 'networkidle0' });
    const el = (await page.$('contact-bank-signup'))!;
    await page
      .waitForFunction((e, t) => e.shadowRoot?.querySelector('#task-title')?.textContent?.trim() === t, { timeout: 10_000 }, el, title)
      .catch(async (e) => {
        throw new Error(`${e}: ${await shadowText(el, '[part~="base"]')} ${problems}`);
      });
    // The token leaves the address once read.
    assert.equal(new URL(page.url()).hash, '');
    return el;
  };

  before(async () => {
    smtp = await startSmtp();
    pagesDir = mkdtempSync(join(tmpdir(), 'civicloop-bank-journey-'));
    server = await startServer({
      port: 0,
      dataDir: 'memory://',
      demoDir: pagesDir,
      cdnDir,
      smtpUrl: smtp.url,
      mailFrom: 'Bankton <bank@bankton.example>',
      now: () => clock,
      purgeEveryMs: false,
      log: () => {},
    });
    ({ editor } = await createBankCouncil(server, council, [server.url]));
    mkdirSync(join(pagesDir, 'join'));
    writeFileSync(
      join(pagesDir, 'join', 'index.html'),
      `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <link rel="icon" href="data:,">
  <title>Join the contact bank – Bankton</title>
  <script type="module" src="/cdn/civicloop.js"></script>
</head>
<body>
  <main>
    <h1>Help us shape our services</h1>
    <contact-bank-signup council="${council}"></contact-bank-signup>
  </main>
</body>
</html>
`,
    );
    browser = await launchChromium(puppeteer);
    page = await browser.newPage();
    watchPage(page, problems, { warnings: true });
  });
  after(async () => {
    await browser?.close();
    await server?.close();
    await smtp?.close();
    if (pagesDir) rmSync(pagesDir, { recursive: true, force: true });
  });

  test('each step, through the element, the mail and the staff API', async () => {
    // 1. An association signs up in the element; the confirmation mail arrives over SMTP.
    await page.goto(`${server.url}/join/`, { waitUntil: 'networkidle0' });
    const form = (await page.$('contact-bank-signup'))!;
    await page.waitForFunction((e) => e.shadowRoot?.querySelector('[part~="consent"] a'), { timeout: 10_000 }, form);
    await (await form.$('pierce/input[name="kind"][value="association"]'))!.click();
    await page.waitForFunction((e) => e.shadowRoot?.querySelector('#organisation'), {}, form);
    await (await form.$('pierce/#organisation'))!.type(person.organisation);
    await (await form.$('pierce/#name'))!.type(person.name);
    await (await form.$('pierce/#email'))!.type(person.email);
    await (await form.$('pierce/#phone'))!.type(person.phone);
    await (await form.$('pierce/input[name="formats"][value="workshop"]'))!.click();
    await (await form.$('pierce/input[name="languages"][value="en"]'))!.click();
    await (await form.$('pierce/input[name="consent"][value="invitations"]'))!.click();
    // The demo councils' minimum fill time is not set here; the element sends at once.
    await (await form.$('pierce/button[type="submit"]'))!.click();
    await page.waitForFunction((e) => e.shadowRoot?.querySelector('[part~="check-email"]'), { timeout: 10_000 }, form);
    assert.equal(await shadowText(form, '#outcome-title'), 'Check your email');
    const share = new URL((await shadowText(form, '#share-link'))!);
    assert.match(share.hash, /^#via=/);
    const confirmMail = await smtp.waitFor(person.email, (m) => /#token=/.test(m.text ?? ''));

    // 2. The link confirms, in the element.
    clock += 3_600_000;
    await openTask(fragmentLink(confirmMail, 'token'), 'You are in the contact bank');

    // 3. Staff find the entry (never its address, name or phone).
    const found = await api<{ items: { id: string; kind: string; organisation: string | null }[] }>('GET', 'staff/contacts?format=workshop&language=en', editor);
    assert.equal(found.status, 200);
    assert.deepEqual(found.body.items.map((c) => [c.kind, c.organisation]), [['association', person.organisation]]);
    for (const secret of [person.email, person.name, person.phone]) assert.ok(!JSON.stringify(found.body).includes(secret), secret);

    // 4. An invitation arrives; the resident accepts in the element; staff see the acceptance.
    const activity = await api<{ id: string }>('POST', 'staff/activities', editor, {
      title: 'Allotments by the river',
      format: 'workshop',
      startsAt: '2026-06-10T16:00:00Z',
      place: 'Town hall, room 3',
      text: 'An evening on the new allotment plots.',
      locale: 'en',
    });
    assert.equal(activity.status, 201, JSON.stringify(activity.body));
    const invited = await api<{ invited: number }>('POST', `staff/activities/${activity.body.id}/invitations`, editor, {});
    assert.equal(invited.status, 201, JSON.stringify(invited.body));
    assert.equal(invited.body.invited, 1);
    const invitationMail = await smtp.waitFor(person.email, (m) => /#invitation=/.test(m.text ?? ''));
    const invitation = await openTask(fragmentLink(invitationMail, 'invitation'), 'Allotments by the river');
    assert.match((await shadowText(invitation, '#task'))!, /Town hall, room 3/);
    await (await invitation.$('pierce/[role="group"] button'))!.click();
    await page.waitForFunction((e) => e.shadowRoot?.querySelector('#task-title')?.textContent?.trim() === 'Thank you, see you there', { timeout: 10_000 }, invitation);
    const detail = await api<{ accepted: number; acceptedContacts: { email: string; name: string | null }[] }>('GET', `staff/activities/${activity.body.id}`, editor);
    assert.equal(detail.body.accepted, 1);
    assert.deepEqual(detail.body.acceptedContacts.map((c) => [c.email, c.name]), [[person.email, person.name]]);

    // 5. The manage link (in the invitation mail): download the data, then withdraw.
    const manage = await openTask(fragmentLink(invitationMail, 'manage'), 'What you signed up for');
    await page.evaluate(() => {
      // The file goes to the browser's downloads; keep a copy of what was offered.
      const w = window as unknown as { offered: Promise<string> };
      const create = URL.createObjectURL.bind(URL);
      w.offered = new Promise((resolve) => {
        URL.createObjectURL = (b: Blob | MediaSource) => (void (b as Blob).text().then(resolve), create(b));
      });
    });
    await (await manage.$('pierce/#download'))!.click();
    const data = JSON.parse(await page.evaluate(() => (window as unknown as { offered: Promise<string> }).offered)) as Record<string, unknown>;
    assert.deepEqual([data.email, data.name, data.organisation, data.phone, data.status, data.joinedVia], [person.email, person.name, person.organisation, person.phone, 'active', 'direct']);
    assert.equal((data.invitations as { answer: string }[])[0]!.answer, 'yes');
    await (await manage.$('pierce/#withdraw'))!.click();
    await page.waitForFunction((e) => e.shadowRoot?.querySelector('#withdraw-confirm'), {}, manage);
    await (await manage.$('pierce/#withdraw-confirm'))!.click();
    await page.waitForFunction((e) => e.shadowRoot?.querySelector('#task-title')?.textContent?.trim() === 'You have left the contact bank', { timeout: 10_000 }, manage);

    // 6. No table still holds their email, name, phone or organisation; staff no longer see them.
    assert.deepEqual(await tablesHolding(server.db, Object.values(person)), []);
    const after = await api<{ acceptedContacts: unknown[] }>('GET', `staff/activities/${activity.body.id}`, editor);
    assert.deepEqual(after.body.acceptedContacts, []);
    assert.deepEqual(problems.filter((p) => !/favicon/.test(p)), []);
  });
});
