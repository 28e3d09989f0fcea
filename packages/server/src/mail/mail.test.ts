// Issue 8, mail: residents who left an address get one email in their language when answered
// personally or when a published theme answers them, through a real SMTP server started here
// (`smtp-server`), or as .eml files in the outbox folder without one. The catalog is complete.
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { LOCALES } from '@civicloop/contract';
import { startSmtp, type TestSmtp } from '../../../../tests/support/smtp.js';
import { simpleParser } from 'mailparser';
import { createCouncil } from '../councils.js';
import type { RunningServer } from '../server.js';
import { createStaffToken } from '../staff-tokens.js';
import { call } from '../testing/api.js';
import { forEachEngine, startTestServer, type LogSink } from '../testing/engines.js';
import { MESSAGES, placeholders, type MessageKey } from './messages.js';

describe('the message catalog', () => {
  test('every locale has every key, none empty, each with the placeholders of English', () => {
    const keys = Object.keys(MESSAGES.en) as MessageKey[];
    assert.ok(keys.length >= 16);
    assert.deepEqual(Object.keys(MESSAGES).sort(), [...LOCALES].sort());
    for (const locale of LOCALES) {
      assert.deepEqual(Object.keys(MESSAGES[locale]).sort(), [...keys].sort(), locale);
      for (const key of keys) {
        const message = MESSAGES[locale][key];
        assert.ok(message.trim().length > 0, `${locale}.${key} is empty`);
        assert.deepEqual(placeholders(message), placeholders(MESSAGES.en[key]), `${locale}.${key} placeholders`);
      }
      // Translated, not copied: the sentences differ from English in every other locale.
      if (locale !== 'en') for (const key of ['replySubject', 'themeIntro', 'footer'] as const) assert.notEqual(MESSAGES[locale][key], MESSAGES.en[key], `${locale}.${key}`);
    }
  });
});

forEachEngine((engine) => {
  describe('over SMTP', () => {
    let server: RunningServer;
    let smtp: TestSmtp;
    let editor: string;
    let admin: string;
    const base = '/v1/councils/mailton';
    const send = async (body: Record<string, unknown>) => {
      const res = await call(server, 'POST', `${base}/feedback`, { body: { kind: 'problem', ...body } });
      assert.equal(res.status, 201, JSON.stringify(res.body));
      return res.body as { id: string; receipt: string };
    };

    before(async () => {
      smtp = await startSmtp();
      server = await startTestServer(engine, { smtpUrl: `smtp://127.0.0.1:${smtp.port}`, mailFrom: 'Mailton <loop@mailton.example>' });
      // Its pages are on mailton.example: the emails' follow links go only there.
      await createCouncil(server.db, { slug: 'mailton', name: 'Mailton', origins: ['https://mailton.example'], locales: ['en', 'pl', 'de'] });
      editor = await createStaffToken(server.db, { council: 'mailton', role: 'editor' });
      admin = await createStaffToken(server.db, { council: 'mailton', role: 'admin' });
    });
    after(async () => {
      await server.close();
      await smtp.close();
    });

    test('a personal reply reaches the resident by SMTP, in their language, with the follow link in the fragment', async () => {
      const input = await send({ text: 'Winda w bibliotece nie działa.', locale: 'pl', contact: 'ola@example.org', pageUrl: 'https://mailton.example/biblioteki?x=1' });
      const res = await call(server, 'POST', `${base}/staff/feedback/${input.id}/replies`, { token: editor, body: { text: 'Dziękujemy, winda zostanie naprawiona w piątek.' } });
      assert.equal(res.status, 201);
      // The answer comes after the mail was handed to the SMTP server.
      assert.equal(smtp.received.length, 1);
      const mail = smtp.received[0]!.mail;
      assert.deepEqual(smtp.received[0]!.rcptTo, ['ola@example.org']);
      assert.deepEqual(mail.from?.value, [{ name: 'Mailton', address: 'loop@mailton.example' }]);
      assert.equal(mail.subject, 'Mailton odpowiada na Twoją wiadomość');
      assert.match(mail.text!, /Dziękujemy, winda zostanie naprawiona w piątek\./);
      assert.ok(mail.text!.includes(`https://mailton.example/biblioteki?x=1#receipt=${input.receipt}`), mail.text);
      assert.match(mail.text!, /Twój adres służy tylko do tego/);
    });

    test('the follow link goes to the form’s follow page, else the page written from, and never off the council’s origins', async () => {
      const link = async (body: Record<string, unknown>) => {
        smtp.received.length = 0;
        const input = await send({ text: 'The lift is broken.', locale: 'en', contact: 'ola@example.org', ...body });
        assert.equal((await call(server, 'POST', `${base}/staff/feedback/${input.id}/replies`, { token: editor, body: { text: 'Fixed on Friday.' } })).status, 201);
        return { text: smtp.received[0]!.mail.text!, receipt: input.receipt };
      };
      const follow = await link({ pageUrl: 'https://mailton.example/libraries', followUrl: 'https://mailton.example/you-said-we-did' });
      assert.ok(follow.text.includes(`https://mailton.example/you-said-we-did#receipt=${follow.receipt}`), follow.text);
      assert.ok(!follow.text.includes('https://mailton.example/libraries'), follow.text);
      // A follow page elsewhere is not linked; the page written from is, when it is the council's.
      const elsewhere = await link({ pageUrl: 'https://mailton.example/libraries', followUrl: 'https://phish.example/mailton' });
      assert.ok(elsewhere.text.includes(`https://mailton.example/libraries#receipt=${elsewhere.receipt}`), elsewhere.text);
      assert.ok(!elsewhere.text.includes('phish.example'), elsewhere.text);
      const none = await link({ pageUrl: 'https://phish.example/libraries' });
      assert.ok(!none.text.includes('phish.example'), none.text);
      assert.ok(!none.text.includes('#receipt='), none.text);
    });

    test('publishing a theme emails each resident who asked, once, in their language; none for the others or the erased', async () => {
      smtp.received.length = 0;
      const de = await send({ text: 'Der Aufzug ist kaputt.', locale: 'de', contact: 'jonas@example.org' });
      const en = await send({ text: 'Lift broken again', contact: 'sam@example.org' }); // no locale: the council's default (en)
      const silent = await send({ text: 'No reply wanted', locale: 'en' });
      const erased = await send({ text: 'I changed my mind', locale: 'en', contact: 'gone@example.org' });
      assert.equal((await call(server, 'DELETE', `${base}/feedback/${erased.receipt}`)).status, 204);
      const theme = await call(server, 'POST', `${base}/staff/themes`, {
        token: editor,
        body: { title: 'Library lift', youSaid: 'The lift breaks down often.', weDid: 'A new lift is ordered for May.', status: 'planned', locale: 'en', feedbackIds: [de.id, en.id, silent.id, erased.id] },
      });
      assert.equal(smtp.received.length, 0, 'a draft sends nothing');
      assert.equal((await call(server, 'POST', `${base}/staff/themes/${theme.body.id}/publish`, { token: admin })).status, 200);
      assert.deepEqual(smtp.received.flatMap((r) => r.rcptTo).sort(), ['jonas@example.org', 'sam@example.org']);
      const german = smtp.received.find((r) => r.rcptTo[0] === 'jonas@example.org')!.mail;
      assert.equal(german.subject, 'Mailton hat veröffentlicht, was aus Ihrer Nachricht geworden ist');
      assert.match(german.text!, /„Library lift“/);
      assert.match(german.text!, /A new lift is ordered for May\./);
      assert.match(german.text!, /Stand: geplant/);
      const english = smtp.received.find((r) => r.rcptTo[0] === 'sam@example.org')!.mail;
      assert.equal(english.subject, 'Mailton published what it did with your message');
      assert.match(english.text!, new RegExp(`receipt ${en.receipt}`));
      // Publishing again sends nothing more.
      await call(server, 'POST', `${base}/staff/themes/${theme.body.id}/publish`, { token: admin });
      assert.equal(smtp.received.length, 2);
    });

    test('the address is erased with the input and used for nothing else', async () => {
      const input = await send({ text: 'Please reply', locale: 'en', contact: 'kim@example.org' });
      assert.equal((await call(server, 'DELETE', `${base}/feedback/${input.receipt}`)).status, 204);
      const { rows } = await server.db.query<{ contact: string | null }>('SELECT contact FROM feedback WHERE id = $1', [input.id]);
      assert.equal(rows[0]!.contact, null);
      smtp.received.length = 0;
      const reply = await call(server, 'POST', `${base}/staff/feedback/${input.id}/replies`, { token: editor, body: { text: 'Answered after erasure' } });
      assert.equal(reply.body.emailed, false);
      assert.equal(smtp.received.length, 0);
      // Nowhere else: not in the audit log, not in the inbox.
      const dump = JSON.stringify((await server.db.query('SELECT * FROM audit_log')).rows) + JSON.stringify((await call(server, 'GET', `${base}/staff/feedback`, { token: editor })).body);
      for (const address of ['ola@example.org', 'jonas@example.org', 'sam@example.org', 'kim@example.org']) assert.ok(!dump.includes(address), address);
    });

    test('a mail server that refuses does not fail the staff action; it is logged', async () => {
      await smtp.close();
      const input = await send({ text: 'Hello', locale: 'en', contact: 'lee@example.org' });
      const res = await call(server, 'POST', `${base}/staff/feedback/${input.id}/replies`, { token: editor, body: { text: 'Reply while mail is down' } });
      assert.equal(res.status, 201);
      const receipt = await call(server, 'GET', `${base}/feedback/${input.receipt}`);
      assert.equal(receipt.body.replies.at(-1).text, 'Reply while mail is down');
      smtp = await startSmtp();
    });
  });

  describe('without SMTP_URL', () => {
    test('each email is an .eml file in the outbox folder, and its follow link is logged', async () => {
      const outbox = mkdtempSync(join(tmpdir(), 'civicloop-outbox-test-'));
      const logs: LogSink = [];
      const server = await startTestServer(engine, { mailOutboxDir: outbox }, logs);
      try {
        await createCouncil(server.db, { slug: 'quietton', name: 'Quietton', origins: ['https://quietton.example'], locales: ['sv', 'en'] });
        const token = await createStaffToken(server.db, { council: 'quietton', role: 'editor' });
        const input = await call(server, 'POST', '/v1/councils/quietton/feedback', {
          body: { kind: 'idea', text: 'Fler bänkar', locale: 'sv', contact: 'eva@example.org', pageUrl: 'https://quietton.example/parker' },
        });
        await call(server, 'POST', `/v1/councils/quietton/staff/feedback/${input.body.id}/replies`, { token, body: { text: 'Tack! Vi ställer ut fler bänkar i maj.' } });
        const files = readdirSync(outbox).filter((f) => f.endsWith('.eml'));
        assert.equal(files.length, 1);
        const mail = await simpleParser(readFileSync(join(outbox, files[0]!)));
        assert.equal(mail.subject, 'Quietton har svarat på ditt meddelande');
        assert.match(mail.text!, /Tack! Vi ställer ut fler bänkar i maj\./);
        const entry = logs.find((e) => e['msg'] === 'mail written to the outbox folder (no SMTP_URL)')!;
        assert.equal(entry['file'], join(outbox, files[0]!));
        assert.equal(entry['link'], `https://quietton.example/parker#receipt=${input.body.receipt}`);
        assert.ok(!JSON.stringify(logs).includes('eva@example.org'), 'the address is never logged');
      } finally {
        await server.close();
      }
    });
  });
});
