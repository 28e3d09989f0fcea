// Issue 8, the journey that closes the loop, end to end: a resident writes in <cocreate-feedback>
// (Chromium, the built CDN files, the server's strict CSP) and asks for a reply; staff answer,
// link the input to a theme and publish it through the staff API over HTTP; the reply and the
// answer arrive at a real SMTP server started here (`smtp-server`), in the resident's language;
// <you-said-we-did> shows the theme, its receipt lookup shows "answered" with the reply, and the
// audit log holds each staff step. Needs `npm run build` first (scripts/test.mjs runs it).
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, test } from 'node:test';
import puppeteer, { type Browser, type ElementHandle, type Page } from 'puppeteer-core';
import { createCouncil, createService, createStaffToken, startServer, type RunningServer } from '@civicloop/server';
import { launchChromium } from '../support/chromium.mjs';
import { councilApi, watchPage } from '../support/journey.js';
import { startSmtp, type TestSmtp } from '../support/smtp.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const cdnDir = `${root}packages/elements/dist/cdn`;
const council = 'journeyton';
const address = 'lena.journey@example.org';

describe('the loop closes: feedback, reply, theme, mail, element, audit [chromium]', { skip: !existsSync(`${cdnDir}/civicloop.js`) && 'run npm run build first' }, () => {
  let smtp: TestSmtp;
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let pagesDir: string;
  let editor: string;
  let admin: string;
  let serviceId: string;
  // The server's clock: each staff step happens an hour after the one before.
  let clock = Date.parse('2026-03-02T09:00:00Z');
  const hourLater = () => (clock += 3_600_000);

  const api = councilApi(() => `${server.url}/v1/councils/${council}`);
  const shadow = (el: ElementHandle, selector: string) =>
    el.evaluate((e, sel) => e.shadowRoot?.querySelector(sel)?.textContent?.replace(/\s+/g, ' ').trim() ?? null, selector);
  const problems: string[] = [];

  before(async () => {
    smtp = await startSmtp();
    pagesDir = mkdtempSync(join(tmpdir(), 'civicloop-journey-'));
    server = await startServer({
      port: 0,
      dataDir: 'memory://',
      demoDir: pagesDir,
      cdnDir,
      smtpUrl: `smtp://127.0.0.1:${smtp.port}`,
      mailFrom: 'Journeyton <loop@journeyton.example>',
      now: () => clock,
      purgeEveryMs: false,
      log: () => {},
    });
    await createCouncil(server.db, { slug: council, name: 'Journeyton', origins: [server.url], locales: ['en', 'de'], defaultLocale: 'en' });
    serviceId = (await createService(server.db, { council, name: { en: 'Libraries', de: 'Bibliotheken' }, category: 'communal' })).id;
    editor = await createStaffToken(server.db, { council, role: 'editor', label: 'Desk A' });
    admin = await createStaffToken(server.db, { council, role: 'admin', label: 'Head of service' });
    // A council page in German: the form, and the loop element the follow link lands on.
    mkdirSync(join(pagesDir, 'bibliothek'));
    writeFileSync(
      join(pagesDir, 'bibliothek', 'index.html'),
      `<!doctype html>
<html lang="de">
<head>
  <meta charset="utf-8">
  <link rel="icon" href="data:,">
  <title>Bibliotheken – Journeyton</title>
  <script type="module" src="/cdn/civicloop.js"></script>
</head>
<body>
  <main>
    <h1>Bibliotheken</h1>
    <cocreate-feedback council="${council}" service="${serviceId}" follow-url="/bibliothek/antworten/"></cocreate-feedback>
    <you-said-we-did council="${council}" heading-level="2"></you-said-we-did>
  </main>
</body>
</html>
`,
    );
    // The page the form's follow link (and so the emails' link) leads to: the loop element alone.
    mkdirSync(join(pagesDir, 'bibliothek', 'antworten'));
    writeFileSync(
      join(pagesDir, 'bibliothek', 'antworten', 'index.html'),
      `<!doctype html>
<html lang="de">
<head><meta charset="utf-8"><link rel="icon" href="data:,"><title>Was wir tun – Journeyton</title><script type="module" src="/cdn/civicloop.js"></script></head>
<body><main><h1>Was wir tun</h1><you-said-we-did council="${council}" heading-level="2"></you-said-we-did></main></body>
</html>
`,
    );
    browser = await launchChromium(puppeteer);
    page = await browser.newPage();
    watch(page);
  });
  const watch = (page: Page) => watchPage(page, problems, { warnings: true, responses: true });
  after(async () => {
    await browser?.close();
    await server?.close();
    await smtp?.close();
    if (pagesDir) rmSync(pagesDir, { recursive: true, force: true });
  });

  test('a resident asks for a reply; staff answer, link and publish; mail, element and audit log follow', async () => {
    // 1. The resident writes, in German, and leaves an address for a reply.
    await page.goto(`${server.url}/bibliothek/`, { waitUntil: 'networkidle0' });
    const form = (await page.$('cocreate-feedback'))!;
    await page.waitForFunction((e) => e.shadowRoot?.querySelector('form #text'), { timeout: 10_000 }, form);
    const words = 'Die Rückgabeklappe der Stadtbibliothek klemmt seit Wochen.';
    await (await form.$('pierce/input[name="kind"][value="problem"]'))!.click();
    await (await form.$('pierce/#text'))!.type(words);
    await (await form.$('pierce/#wants-reply'))!.click();
    await page.waitForFunction((e) => e.shadowRoot?.querySelector('#contact'), {}, form);
    await (await form.$('pierce/#contact'))!.type(address);
    await (await form.$('pierce/button[type="submit"]'))!.click();
    await page.waitForFunction((e) => e.shadowRoot?.querySelector('[part~="follow-link"]'), { timeout: 10_000 }, form);
    const receipt = (await shadow(form, '[part~="receipt-code"]'))!;
    assert.match(receipt, /^[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{2}$/);
    const followHref = await form.evaluate((e) => (e.shadowRoot!.querySelector('[part~="follow-link"]') as HTMLAnchorElement).href);
    assert.equal(followHref, `${server.url}/bibliothek/antworten/#receipt=${receipt}`);

    // 2. Staff find it in the inbox (over HTTP, an editor token): a reply is wanted, the address is not shown.
    hourLater();
    const inbox = await api<{ items: { id: string; receipt: string; text: string; locale: string; replyRequested: boolean; channel: string; status: string }[] }>(
      'GET', `staff/feedback?q=${encodeURIComponent('Rückgabeklappe')}`, editor);
    assert.equal(inbox.status, 200);
    assert.equal(inbox.body.items.length, 1);
    const input = inbox.body.items[0]!;
    assert.deepEqual([input.receipt, input.text, input.locale, input.replyRequested, input.channel, input.status], [receipt, words, 'de', true, 'web', 'received']);
    assert.ok(!JSON.stringify(inbox.body).includes(address), 'the inbox never shows the address');

    // 3. A personal reply: it is mailed to the resident before the API answers.
    const replyText = 'Danke! Die Klappe wird am Donnerstag repariert.';
    const reply = await api('POST', `staff/feedback/${input.id}/replies`, editor, { text: replyText });
    assert.equal(reply.status, 201, JSON.stringify(reply.body));
    assert.equal(smtp.received.length, 1);

    // 4. A theme (a draft, by the editor) and the input linked to it.
    hourLater();
    const theme = await api<{ id: string; published: boolean }>('POST', 'staff/themes', editor, {
      title: 'Rückgabe rund um die Uhr',
      youSaid: 'Die Rückgabeklappe klemmt oft.',
      weDid: 'Wir bauen im Mai eine neue Rückgabestation ein.',
      status: 'planned',
      service: serviceId,
      locale: 'de',
    });
    assert.equal(theme.status, 201, JSON.stringify(theme.body));
    hourLater();
    const link = await api<{ themeIds: string[] }>('PATCH', `staff/feedback/${input.id}`, editor, { themeIds: [theme.body.id] });
    assert.equal(link.status, 200, JSON.stringify(link.body));
    assert.deepEqual(link.body.themeIds, [theme.body.id]);
    assert.equal(smtp.received.length, 1, 'a draft sends nothing');

    // 5. Publishing needs an admin: the editor is refused, the admin publishes and the answer is mailed.
    hourLater();
    assert.equal((await api('POST', `staff/themes/${theme.body.id}/publish`, editor)).status, 403);
    const published = await api('POST', `staff/themes/${theme.body.id}/publish`, admin);
    assert.equal(published.status, 200, JSON.stringify(published.body));
    assert.equal(smtp.received.length, 2);

    // 6. Both mails: to the resident only, in German, with the form's follow link (not the page
    // written from) and the code in the fragment.
    const follow = `${server.url}/bibliothek/antworten/#receipt=${receipt}`;
    const [replyMail, themeMail] = smtp.received;
    for (const { mail, rcptTo } of smtp.received) {
      assert.deepEqual(rcptTo, [address]);
      assert.deepEqual(mail.to && !Array.isArray(mail.to) ? mail.to.value.map((v) => v.address) : null, [address]);
      assert.deepEqual(mail.from?.value, [{ name: 'Journeyton', address: 'loop@journeyton.example' }]);
      assert.equal(mail.cc, undefined);
      assert.equal(mail.bcc, undefined);
      assert.ok(mail.text!.includes(follow), mail.text);
      // The address is used to deliver and nowhere else: not in the body, not in a link.
      assert.ok(!mail.text!.includes(address), mail.text);
      assert.ok(!String(mail.html || '').includes(address));
      assert.match(mail.text!, /Ihre Adresse wird nur dafür verwendet/);
      // The follow link carries the code in the fragment only, never in a query string.
      for (const url of mail.text!.match(/https?:\/\/\S+/g) ?? []) assert.equal(new URL(url).search, '', url);
    }
    assert.equal(replyMail!.mail.subject, 'Journeyton hat auf Ihre Nachricht geantwortet');
    assert.ok(replyMail!.mail.text!.includes(replyText), replyMail!.mail.text);
    assert.ok(replyMail!.mail.text!.includes(`Beleg ${receipt}`), replyMail!.mail.text);
    assert.equal(themeMail!.mail.subject, 'Journeyton hat veröffentlicht, was aus Ihrer Nachricht geworden ist');
    assert.match(themeMail!.mail.text!, /„Rückgabe rund um die Uhr“/);
    assert.match(themeMail!.mail.text!, /Wir bauen im Mai eine neue Rückgabestation ein\./);
    assert.match(themeMail!.mail.text!, /Stand: geplant/);

    // 7. The follow link from the mail opens the page, later, in a fresh browser context (what
    // the first visit cached, the public lists may serve for a while): the element shows the
    // theme and the lookup.
    const context = await browser.createBrowserContext();
    page = await context.newPage();
    watch(page);
    await page.goto(follow, { waitUntil: 'networkidle0' });
    const loop = (await page.$('you-said-we-did'))!;
    await page.waitForFunction((e) => e.shadowRoot?.querySelector('[part~="card"]') && e.shadowRoot.querySelector('#lookup'), { timeout: 10_000 }, loop).catch(async (e) => {
      throw new Error(`${e}: ${await loop.evaluate((el) => el.shadowRoot?.innerHTML.replace(/<!--[^>]*-->/g, '').slice(0, 3000))} ${page.url()} ${problems}`);
    });
    const cards = await loop.evaluate((e) => [...e.shadowRoot!.querySelectorAll('[part~="card"]')].map((c) => c.textContent!.replace(/\s+/g, ' ')));
    assert.equal(cards.length, 1);
    assert.match(cards[0]!, /Rückgabe rund um die Uhr/);
    assert.match(cards[0]!, /Die Rückgabeklappe klemmt oft\./);
    assert.match(cards[0]!, /Wir bauen im Mai eine neue Rückgabestation ein\./);
    assert.equal(await shadow(loop, '#lookup .heading'), 'Ihre Nachricht: Beantwortet');
    // The loop figures count it: one message received, all of it answered in public.
    const figures = await loop.evaluate((e) => [...e.shadowRoot!.querySelectorAll('[part~="figures"] dd')].map((d) => d.textContent!.replace(/\s+/g, ' ').trim()));
    assert.deepEqual(figures.slice(0, 2), ['1', '100 %'], JSON.stringify(figures));
    const lookup = (await shadow(loop, '#lookup'))!;
    assert.ok(lookup.includes(replyText), lookup);
    assert.ok(lookup.includes('Rückgabe rund um die Uhr'), lookup);
    assert.equal(await loop.evaluate((e) => (e.shadowRoot!.querySelector('#receipt') as HTMLInputElement).value.replaceAll('-', '')), receipt.replaceAll('-', ''));

    // The lookup typed by hand finds it too.
    await page.goto(`${server.url}/bibliothek/`, { waitUntil: 'networkidle0' });
    const fresh = (await page.$('you-said-we-did'))!;
    await page.waitForFunction((e) => e.shadowRoot?.querySelector('#receipt'), { timeout: 10_000 }, fresh);
    await (await fresh.$('pierce/#receipt'))!.type(receipt);
    await (await fresh.$('pierce/form button[type="submit"]'))!.click();
    await page.waitForFunction((e) => e.shadowRoot?.querySelector('#lookup .heading'), { timeout: 10_000 }, fresh).catch(async (e) => {
      throw new Error(`${e}: ${await fresh.evaluate((el) => el.shadowRoot?.querySelector('[part~="follow"]')?.innerHTML)} ${page.url()} ${problems}`);
    });
    assert.equal(await shadow(fresh, '#lookup .heading'), 'Ihre Nachricht: Beantwortet');

    // 8. The audit log (admin only) has each step, newest first: who, what, when, before and after.
    assert.equal((await api('GET', 'staff/audit', editor)).status, 403);
    const audit = await api<{ items: { at: string; action: string; actor: { label: string | null; role: string }; subject: { type: string; id: string }; before: Record<string, unknown> | null; after: Record<string, unknown> | null }[] }>(
      'GET', 'staff/audit', admin);
    assert.equal(audit.status, 200);
    const steps = [...audit.body.items].reverse();
    assert.deepEqual(
      steps.map((e) => [e.action, e.subject.type, e.subject.id, e.actor.label, e.actor.role]),
      [
        ['feedback.reply', 'feedback', input.id, 'Desk A', 'editor'],
        ['theme.create', 'theme', theme.body.id, 'Desk A', 'editor'],
        ['feedback.update', 'feedback', input.id, 'Desk A', 'editor'],
        ['theme.publish', 'theme', theme.body.id, 'Head of service', 'admin'],
      ],
    );
    const start = Date.parse('2026-03-02T09:00:00Z');
    assert.deepEqual(steps.map((e) => Date.parse(e.at) - start), [1, 2, 3, 4].map((h) => h * 3_600_000));
    assert.equal(steps[1]!.before, null);
    assert.deepEqual(steps[2]!.before?.['themeIds'], []);
    assert.deepEqual(steps[2]!.after?.['themeIds'], [theme.body.id]);
    assert.ok(!JSON.stringify(audit.body).includes(address), 'the audit log never holds the address');

    // Nothing public holds the address either: the receipt, the theme list.
    const receiptView = await api('GET', `feedback/${receipt}`, null);
    assert.equal(receiptView.status, 200);
    assert.ok(!JSON.stringify(receiptView.body).includes(address));
    assert.equal(smtp.received.length, 2, 'no other mail was sent');
    assert.deepEqual(problems, []);
  });
});
