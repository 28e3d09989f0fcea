// Issue 9, the contact bank on the server: sign-up without enumeration and with double opt-in,
// one's own entry by the token of an email, the consent ledger, one-click unsubscribe, erasure
// leaving no trace in any table, staff search, CSV export, reach with small groups suppressed,
// activities and invitations by email; expiry, re-consent and purge by the injectable clock.
// Real HTTP, a real SMTP server, PGlite and PostgreSQL (DATABASE_URL).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { PROBLEM_TYPES, type ContactCreate, type ContactReach, type MyContact, type StaffContactList } from '@civicloop/contract';
import { createBankCouncil, fragmentToken, rawHeader, tablesHolding, type BankCouncil } from '../../../tests/support/contact-bank.js';
import { startSmtp, type TestSmtp } from '../../../tests/support/smtp.js';
import { createCouncil } from './councils.js';
import type { RunningServer } from './server.js';
import { call } from './testing/api.js';
import { forEachEngine, startTestServer, testClock, type TestClock } from './testing/engines.js';

const ORIGIN = 'https://council.example';
const PAGE = `${ORIGIN}/take-part`;
const DAY = 86_400_000;

let serial = 0;
/** A valid sign-up; each call a new address unless given. */
function signUp(overrides: Partial<ContactCreate> = {}): ContactCreate {
  return {
    kind: 'resident',
    email: `person${++serial}@example.org`,
    district: 'north',
    services: ['libraries'],
    formats: ['workshop'],
    languages: ['en'],
    consent: { version: 'v1', purposes: ['invitations', 'news'] },
    pageUrl: PAGE,
    locale: 'en',
    ...overrides,
  };
}

forEachEngine((engine) => {
  let server: RunningServer;
  let smtp: TestSmtp;
  let clock: TestClock;
  let bank: BankCouncil;
  const base = () => `/v1/councils/${bank.slug}`;

  before(async () => {
    smtp = await startSmtp();
    clock = testClock(Date.parse('2026-03-02T09:00:00Z'));
    server = await startTestServer(engine, { smtpUrl: smtp.url, mailFrom: 'Bankton <bank@bankton.example>', now: clock.now, limits: { feedbackPerClientPerHour: 1000 } });
    bank = await createBankCouncil(server, 'bankton', [ORIGIN]);
    await createCouncil(server.db, { slug: 'nobank', name: 'No Bank', origins: [ORIGIN] });
  });
  after(async () => {
    await server?.close();
    await smtp?.close();
  });

  /** Signs up and confirms; the manage token and the address. */
  async function joined(overrides: Partial<ContactCreate> = {}): Promise<{ email: string; manage: string }> {
    const body = signUp(overrides);
    const res = await call(server, 'POST', `${base()}/contacts`, { body });
    assert.equal(res.status, 202, JSON.stringify(res.body));
    const mail = await smtp.waitFor(body.email, (m) => /#token=/.test(m.text ?? ''));
    const confirmed = await call(server, 'POST', `${base()}/contacts/confirm`, { body: { token: fragmentToken(mail, 'token') } });
    assert.equal(confirmed.status, 200, JSON.stringify(confirmed.body));
    return { email: body.email, manage: confirmed.body.manageToken };
  }

  describe('sign-up', () => {
    test('202 with the same body for a new and a known address; a confirmed one gets its manage link, not a second entry', async () => {
      const body = signUp({ locale: 'pl' });
      const first = await call(server, 'POST', `${base()}/contacts`, { body });
      assert.equal(first.status, 202);
      assert.deepEqual(Object.keys(first.body).sort(), ['shareCode', 'status']);
      assert.equal(first.body.status, 'check-your-email');
      const confirm = await smtp.waitFor(body.email, (m) => /#token=/.test(m.text ?? ''));
      // In the resident's language, plain text and HTML, the link back to the page they signed up on.
      assert.match(confirm.subject ?? '', /Potwierdź/);
      assert.ok(confirm.text?.includes(`${PAGE}#token=`));
      assert.ok(typeof confirm.html === 'string' && confirm.html.includes(`href="${PAGE}#token=`));
      assert.equal(rawHeader(confirm, 'List-Unsubscribe'), undefined, 'a confirmation is not a list mail');
      const confirmed = await call(server, 'POST', `${base()}/contacts/confirm`, { body: { token: fragmentToken(confirm, 'token') } });
      assert.equal(confirmed.status, 200);

      const again = await call(server, 'POST', `${base()}/contacts`, { body: { ...body, email: body.email.toUpperCase(), locale: 'en' } });
      assert.equal(again.status, 202);
      assert.deepEqual(Object.keys(again.body).sort(), Object.keys(first.body).sort());
      assert.notEqual(again.body.shareCode, first.body.shareCode, 'share codes name no one: a fresh one each time');
      const known = await smtp.waitFor(body.email, (m) => /#manage=/.test(m.text ?? ''));
      assert.match(known.subject ?? '', /Twój wpis/, 'in the language of the entry');
      const { rows } = await server.db.query('SELECT count(*)::int AS n FROM contacts WHERE lower(email) = lower($1)', [body.email]);
      assert.equal(rows[0].n, 1);
      // The manage link of the known-address mail works.
      const me = await call(server, 'GET', `${base()}/contacts/me`, { token: fragmentToken(known, 'manage') });
      assert.equal(me.status, 200);
      assert.equal(me.body.status, 'active');
    });

    test('refuses a page off the council\'s origins, an old consent text, an association without its name, an unknown district; 404 without a bank', async () => {
      const cases: [Partial<ContactCreate>, number, string][] = [
        [{ pageUrl: 'https://evil.example/phish' }, 422, '/pageUrl'],
        [{ consent: { version: 'v0', purposes: ['news'] } }, 409, ''],
        [{ kind: 'association', name: 'Ann' }, 422, '/organisation'],
        [{ district: 'atlantis' }, 422, '/district'],
        [{ services: ['libraries', 'moon-base'] }, 422, '/services/1'],
        [{ consent: { version: 'v1', purposes: [] } }, 422, '/consent/purposes'],
        [{ email: 'not-an-address' }, 422, '/email'],
      ];
      for (const [overrides, status, path] of cases) {
        const res = await call(server, 'POST', `${base()}/contacts`, { body: signUp(overrides) });
        assert.equal(res.status, status, `${JSON.stringify(overrides)}: ${JSON.stringify(res.body)}`);
        if (path) assert.ok(res.body.errors.some((e: { path: string }) => e.path === path), JSON.stringify(res.body.errors));
      }
      assert.equal((await call(server, 'POST', '/v1/councils/nobank/contacts', { body: signUp() })).status, 404);
      const council = await call(server, 'GET', '/v1/councils/nobank');
      assert.equal(council.body.contactBank, undefined);
      assert.equal((await call(server, 'GET', `${base()}`)).body.contactBank.consent.version, 'v1');
    });

    test('past the hourly limit a sign-up is 429 with Retry-After, in words about sign-ups, not inputs', async () => {
      const limited = await startTestServer(engine, { smtpUrl: smtp.url, now: clock.now, limits: { feedbackPerClientPerHour: 1 } });
      try {
        const small = await createBankCouncil(limited, 'limitton', [ORIGIN]);
        assert.equal((await call(limited, 'POST', `/v1/councils/${small.slug}/contacts`, { body: signUp() })).status, 202);
        const refused = await call(limited, 'POST', `/v1/councils/${small.slug}/contacts`, { body: signUp() });
        assert.equal(refused.status, 429);
        assert.ok(Number(refused.headers.get('retry-after')) > 0);
        assert.equal(refused.body.title, 'Too many sign-ups');
        assert.match(refused.body.detail, /limit of 1 contact bank sign-ups an hour\. What was filled in is not lost/);
      } finally {
        await limited.close();
      }
    });

    test('a page on the server\'s own origin (the demo pages, the console) may sign up, as it may send input, though the council does not list it; staff see it among pageOrigins', async () => {
      // server.url is 127.0.0.1; a browser may as well have opened localhost.
      const own = new URL(server.url);
      for (const origin of [own.origin, `http://localhost:${own.port}`]) {
        const body = signUp({ pageUrl: `${origin}/przykladowo/` });
        const res = await call(server, 'POST', `${base()}/contacts`, { body });
        assert.equal(res.status, 202, `${origin}: ${JSON.stringify(res.body)}`);
        const mail = await smtp.waitFor(body.email, (m) => /#token=/.test(m.text ?? ''));
        assert.ok(mail.text?.includes(`${origin}/przykladowo/#token=`), mail.text);
      }
      // Another port on the same host is another origin: still refused.
      const other = await call(server, 'POST', `${base()}/contacts`, { body: signUp({ pageUrl: `http://127.0.0.1:${Number(own.port) === 1 ? 2 : 1}/x` }) });
      assert.equal(other.status, 422);
      // The console's embed check reads the same list: the council's origins and the server's own, which are not stored.
      const settings = await call(server, 'GET', `${base()}/staff/settings`, { token: bank.admin });
      assert.equal(settings.status, 200, JSON.stringify(settings.body));
      assert.deepEqual(settings.body.origins, [ORIGIN]);
      assert.ok(settings.body.pageOrigins.includes(ORIGIN) && settings.body.pageOrigins.includes(own.origin), JSON.stringify(settings.body.pageOrigins));
    });

    test('a pass-it-on code from a sign-up marks the next sign-up pass-it-on; a made-up one counts as direct', async () => {
      const first = await call(server, 'POST', `${base()}/contacts`, { body: signUp() });
      const shared = signUp({ via: first.body.shareCode });
      await call(server, 'POST', `${base()}/contacts`, { body: shared });
      const forged = signUp({ via: 'p1.AAAAAAAAAAA.0123456789abcdef' });
      await call(server, 'POST', `${base()}/contacts`, { body: forged });
      const { rows } = await server.db.query<{ email: string; joined_via: string }>('SELECT email, joined_via FROM contacts WHERE email = ANY($1)', [[shared.email, forged.email]]);
      assert.deepEqual(Object.fromEntries(rows.map((r) => [r.email, r.joined_via])), { [shared.email]: 'pass-it-on', [forged.email]: 'direct' });
    });
  });

  describe('confirmation and one\'s own entry', () => {
    test('the link confirms; again is 200; the ledger records given and confirmed; a made-up token is 404', async () => {
      const body = signUp();
      await call(server, 'POST', `${base()}/contacts`, { body });
      const token = fragmentToken(await smtp.waitFor(body.email), 'token');
      const first = await call(server, 'POST', `${base()}/contacts/confirm`, { body: { token } });
      assert.equal(first.status, 200);
      assert.equal(first.body.status, 'active');
      assert.equal(first.body.consentExpiresAt, '2028-03-02T09:00:00.000Z', '24 months from confirmation');
      const again = await call(server, 'POST', `${base()}/contacts/confirm`, { body: { token } });
      assert.equal(again.status, 200);
      assert.equal(again.body.manageToken, first.body.manageToken, 'the link used again gives the same manage token, not one more');
      const { rows: tokens } = await server.db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM contact_tokens t JOIN contacts c ON c.id = t.contact_id WHERE c.email = $1 AND t.kind = 'manage'`,
        [body.email],
      );
      assert.equal(tokens[0]!.n, 1);
      assert.equal((await call(server, 'POST', `${base()}/contacts/confirm`, { body: { token: 'c1.' + 'x'.repeat(32) } })).status, 404);
      const me = await call<MyContact>(server, 'GET', `${base()}/contacts/me`, { token: first.body.manageToken });
      assert.equal(me.status, 200);
      assert.equal(me.body.email, body.email);
      assert.deepEqual(me.body.ledger.map((e) => e.event), ['given', 'confirmed']);
      assert.equal(me.headers.get('cache-control'), 'no-store');
    });

    test('manage: change, renew, change purposes; a bad token is 401 and the token never works in the URL', async () => {
      const { manage } = await joined();
      const changed = await call<MyContact>(server, 'PATCH', `${base()}/contacts/me`, { token: manage, body: { formats: ['survey', 'interview'], district: null, phone: '+46 70 123 45 67' } });
      assert.equal(changed.status, 200, JSON.stringify(changed.body));
      assert.deepEqual(changed.body.formats, ['survey', 'interview']);
      assert.equal(changed.body.district, null);
      clock.advance(DAY);
      const renewed = await call<MyContact>(server, 'PATCH', `${base()}/contacts/me`, { token: manage, body: { consent: { version: 'v1', purposes: ['news', 'invitations'] } } });
      assert.equal(renewed.body.ledger.at(-1)!.event, 'renewed');
      assert.equal(renewed.body.consent.expiresAt, new Date(clock.now() + 0).toISOString().replace('2026', '2028'));
      const narrowed = await call<MyContact>(server, 'PATCH', `${base()}/contacts/me`, { token: manage, body: { consent: { version: 'v1', purposes: ['news'] } } });
      assert.equal(narrowed.body.ledger.at(-1)!.event, 'changed');
      assert.deepEqual(narrowed.body.consent.purposes, ['news']);
      assert.equal((await call(server, 'PATCH', `${base()}/contacts/me`, { token: manage, body: { consent: { version: 'v0', purposes: ['news'] } } })).status, 409);
      for (const token of ['m1.' + 'A'.repeat(32), manage + 'x', '']) {
        const res = await call(server, 'GET', `${base()}/contacts/me`, { token });
        assert.equal(res.status, 401);
        assert.equal(res.body.type, PROBLEM_TYPES.unauthorized);
      }
      assert.equal((await call(server, 'GET', `${base()}/contacts/me?token=${manage}`)).status, 401);
    });
  });

  describe('staff', () => {
    test('search filters and never shows an address, a name or a phone; every search and export is audited; the CSV is RFC 4180 with a BOM and no formulas', async () => {
      const org = await joined({ kind: 'association', organisation: '=HYPERLINK("http://evil")', name: 'Ada Secret', phone: '+48 600 000 001', district: 'south', categories: ['culture'], services: [], formats: ['in-person'], languages: ['pl', 'uk'], accessibility: ['hearing-loop'] });
      const search = async (q: string) => (await call<StaffContactList>(server, 'GET', `${base()}/staff/contacts?${q}`, { token: bank.editor })).body;
      const found = await search('kind=association&district=south&interest=libraries&language=uk&accessibility=hearing-loop&format=in-person');
      assert.equal(found.items.length, 1, 'a category interest matches its services');
      assert.equal(found.items[0]!.organisation, '=HYPERLINK("http://evil")');
      assert.equal((await search('kind=association&district=north')).items.length, 0);
      const text = JSON.stringify(await search('limit=100'));
      for (const secret of [org.email, 'Ada Secret', '+48 600 000 001']) assert.ok(!text.includes(secret), secret);

      const res = await fetch(`${server.url}${base()}/staff/contacts.csv?kind=association`, { headers: { authorization: `Bearer ${bank.admin}` } });
      assert.equal(res.status, 200);
      assert.match(res.headers.get('content-type') ?? '', /^text\/csv; charset=utf-8/);
      // The bytes: fetch's text() would drop the byte order mark.
      const bytes = Buffer.from(await res.arrayBuffer());
      assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 byte order mark');
      const csv = bytes.subarray(3).toString('utf8');
      assert.ok(csv.startsWith('id,kind,organisation,'), csv);
      assert.ok(csv.includes(`,association,"'=HYPERLINK(""http://evil"")",south,`), csv);
      assert.ok(csv.endsWith('\r\n'), 'CRLF');
      assert.ok(!csv.includes(org.email), 'no address');
      // The search itself, asked for CSV (CONTRACT.md: "Accept: text/csv exports"), is the export.
      const asked = (accept: string) => fetch(`${server.url}${base()}/staff/contacts?kind=association`, { headers: { authorization: `Bearer ${bank.admin}`, accept } });
      const negotiated = await asked('text/csv');
      assert.match(negotiated.headers.get('content-type') ?? '', /^text\/csv; charset=utf-8/);
      assert.deepEqual(Buffer.from(await negotiated.arrayBuffer()), bytes);
      for (const accept of ['application/json, text/csv', 'text/csv;q=0.5, application/json', '*/*']) {
        const json = await asked(accept);
        assert.match(json.headers.get('content-type') ?? '', /^application\/json/, accept);
        assert.equal(((await json.json()) as StaffContactList).items.length, 1, accept);
      }

      const audit = await call(server, 'GET', `/v1/councils/${bank.slug}/staff/audit?limit=100`, { token: bank.admin });
      const actions = audit.body.items.map((e: { action: string }) => e.action);
      assert.ok(actions.includes('contact.search') && actions.includes('contact.export'), actions.join());
      const exported = audit.body.items.find((e: { action: string }) => e.action === 'contact.export');
      assert.deepEqual(exported.after.filters, { kind: 'association' });
      assert.ok(!JSON.stringify(audit.body).includes(org.email));
    });

    test('an activity invites, by email, only those who consented to invitations and are open to its format; staff see only those who said yes', async () => {
      const yes = await joined({ formats: ['workshop'], locale: 'pl' });
      const no = await joined({ formats: ['workshop'] });
      const newsOnly = await joined({ formats: ['workshop'], consent: { version: 'v1', purposes: ['news'] } });
      const otherFormat = await joined({ formats: ['survey'] });
      const activity = await call(server, 'POST', `${base()}/staff/activities`, {
        token: bank.editor,
        body: { title: 'Library corner workshop', format: 'workshop', startsAt: '2026-04-10T16:00:00Z', place: 'Main library', text: 'Two hours on the children\'s corner.', locale: 'en' },
      });
      assert.equal(activity.status, 201, JSON.stringify(activity.body));
      const invited = await call(server, 'POST', `${base()}/staff/activities/${activity.body.id}/invitations`, { token: bank.editor, body: { interest: 'culture' } });
      assert.equal(invited.status, 201, JSON.stringify(invited.body));
      const invitedEmails = smtp.received.filter((r) => r.mail.subject?.includes('Library corner workshop')).flatMap((r) => r.rcptTo);
      for (const p of [yes, no]) assert.ok(invitedEmails.includes(p.email), p.email);
      for (const p of [newsOnly, otherFormat]) assert.ok(!invitedEmails.includes(p.email), p.email);
      assert.equal(invited.body.invited, invitedEmails.length);
      const again = await call(server, 'POST', `${base()}/staff/activities/${activity.body.id}/invitations`, { token: bank.editor, body: { interest: 'culture' } });
      assert.deepEqual(again.body, { invited: 0, alreadyInvited: invitedEmails.length });

      const mailYes = await smtp.waitFor(yes.email, (m) => /#invitation=/.test(m.text ?? ''));
      assert.match(mailYes.subject ?? '', /zaprasza/);
      assert.match(String(rawHeader(mailYes, 'List-Unsubscribe')), new RegExp(`^<http://127\\.0\\.0\\.1:\\d+/v1/councils/${bank.slug}/contacts/unsubscribe/u1\\.`));
      assert.equal(rawHeader(mailYes, 'List-Unsubscribe-Post'), 'List-Unsubscribe=One-Click');
      assert.ok(mailYes.html && mailYes.text?.includes('#manage='));
      const inv = fragmentToken(mailYes, 'invitation');
      const shown = await call(server, 'GET', `${base()}/contacts/invitation`, { token: inv });
      assert.equal(shown.status, 200);
      assert.equal(shown.body.activity.title, 'Library corner workshop');
      assert.equal(shown.body.answer, null);
      assert.equal((await call(server, 'POST', `${base()}/contacts/invitation`, { token: inv, body: { answer: 'yes' } })).body.answer, 'yes');
      const invNo = fragmentToken(await smtp.waitFor(no.email, (m) => /#invitation=/.test(m.text ?? '')), 'invitation');
      await call(server, 'POST', `${base()}/contacts/invitation`, { token: invNo, body: { answer: 'no' } });
      // A manage token is not an invitation token.
      assert.equal((await call(server, 'GET', `${base()}/contacts/invitation`, { token: yes.manage })).status, 401);

      const detail = await call(server, 'GET', `${base()}/staff/activities/${activity.body.id}`, { token: bank.editor });
      assert.equal(detail.body.accepted, 1);
      assert.equal(detail.body.declined, 1);
      assert.deepEqual(detail.body.acceptedContacts.map((c: { email: string }) => c.email), [yes.email]);
      assert.ok(!JSON.stringify(detail.body).includes(no.email));
      const audit = await call(server, 'GET', `/v1/councils/${bank.slug}/staff/audit?action=contact.view`, { token: bank.admin });
      assert.equal(audit.body.items[0].subject.id, activity.body.id);
      assert.equal(audit.body.items[0].after.contactIds.length, 1);
      const list = await call(server, 'GET', `${base()}/staff/activities`, { token: bank.editor });
      assert.equal(list.body.items[0].id, activity.body.id);
    });

    test('one-click unsubscribe (RFC 8058) removes the purpose of the mail; the last purpose withdraws the entry', async () => {
      const person = await joined({ formats: ['interview'] });
      const activity = await call(server, 'POST', `${base()}/staff/activities`, { token: bank.editor, body: { title: 'Interviews on parks', format: 'interview', startsAt: '2026-05-01T10:00:00Z', text: 'Half an hour.', locale: 'en' } });
      await call(server, 'POST', `${base()}/staff/activities/${activity.body.id}/invitations`, { token: bank.editor, body: {} });
      const mail = await smtp.waitFor(person.email, (m) => /Interviews on parks/.test(m.subject ?? ''));
      const url = /^<(.+)>$/.exec(String(rawHeader(mail, 'List-Unsubscribe')))![1]!;
      const post = () => fetch(url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'List-Unsubscribe=One-Click' });
      assert.equal((await post()).status, 204);
      assert.equal((await post()).status, 204, 'twice is fine');
      const me = await call<MyContact>(server, 'GET', `${base()}/contacts/me`, { token: person.manage });
      assert.deepEqual(me.body.consent.purposes, ['news']);
      assert.equal(me.body.ledger.at(-1)!.event, 'changed');
      // A GET (a scanner following the link) changes nothing.
      assert.notEqual((await fetch(url)).status, 204);

      const last = await joined({ formats: ['interview'], consent: { version: 'v1', purposes: ['invitations'] } });
      const a2 = await call(server, 'POST', `${base()}/staff/activities`, { token: bank.editor, body: { title: 'More interviews', format: 'interview', startsAt: '2026-05-02T10:00:00Z', text: 'Again.', locale: 'en' } });
      await call(server, 'POST', `${base()}/staff/activities/${a2.body.id}/invitations`, { token: bank.editor, body: {} });
      const m2 = await smtp.waitFor(last.email, (m) => /More interviews/.test(m.subject ?? ''));
      const u2 = /^<(.+)>$/.exec(String(rawHeader(m2, 'List-Unsubscribe')))![1]!;
      assert.equal((await fetch(u2, { method: 'POST', body: 'List-Unsubscribe=One-Click' })).status, 204);
      assert.equal((await call(server, 'GET', `${base()}/contacts/me`, { token: last.manage })).status, 401);
      assert.deepEqual(await tablesHolding(server.db, [last.email]), []);
    });
  });

  describe('withdrawal', () => {
    test('erases name, email, phone and organisation from every table at once; the counts stay', async () => {
      const person = await joined({ kind: 'business', organisation: 'Zyxwv Bakery', name: 'Quentin Qwerty', phone: '+45 11 22 33 44', formats: ['survey'], accessibilityNote: 'Needs quiet room' });
      const activity = await call(server, 'POST', `${base()}/staff/activities`, { token: bank.editor, body: { title: 'Bakery survey', format: 'survey', startsAt: '2026-06-01T10:00:00Z', text: 'Ten questions.', locale: 'en' } });
      await call(server, 'POST', `${base()}/staff/activities/${activity.body.id}/invitations`, { token: bank.editor, body: { kind: 'business' } });
      const inv = fragmentToken(await smtp.waitFor(person.email, (m) => /Bakery survey/.test(m.subject ?? '')), 'invitation');
      await call(server, 'POST', `${base()}/contacts/invitation`, { token: inv, body: { answer: 'yes' } });
      await call(server, 'GET', `${base()}/staff/activities/${activity.body.id}`, { token: bank.editor });
      const needles = [person.email, 'Zyxwv Bakery', 'Quentin Qwerty', '+45 11 22 33 44', 'Needs quiet room'];
      // The scan sees them while the entry lives: it can fail.
      assert.ok((await tablesHolding(server.db, needles)).length >= 4);
      const reachBefore = (await call<ContactReach>(server, 'GET', `${base()}/staff/contacts/reach`, { token: bank.editor })).body;

      assert.equal((await call(server, 'DELETE', `${base()}/contacts/me`, { token: person.manage })).status, 204);
      assert.deepEqual(await tablesHolding(server.db, needles), []);
      assert.equal((await call(server, 'GET', `${base()}/contacts/me`, { token: person.manage })).status, 401);
      assert.equal((await call(server, 'GET', `${base()}/contacts/invitation`, { token: inv })).status, 401);
      const detail = await call(server, 'GET', `${base()}/staff/activities/${activity.body.id}`, { token: bank.editor });
      assert.equal(detail.body.accepted, 1, 'the answer still counts');
      assert.deepEqual(detail.body.acceptedContacts, []);
      const reach = (await call<ContactReach>(server, 'GET', `${base()}/staff/contacts/reach`, { token: bank.editor })).body;
      assert.equal(reach.active, reachBefore.active - 1);
      assert.equal(reach.left.withdrawn, reachBefore.left.withdrawn + 1);
      const { rows } = await server.db.query(`SELECT event FROM consent_ledger l JOIN contacts c ON c.id = l.contact_id WHERE c.status = 'withdrawn' AND c.kind = 'business' ORDER BY seq`);
      assert.deepEqual(rows.map((r) => r.event), ['given', 'confirmed', 'withdrawn']);
    });
  });
});

forEachEngine((engine) => {
  describe('the clock: purge, re-consent and expiry', () => {
    let server: RunningServer;
    let smtp: TestSmtp;
    let clock: TestClock;
    let bank: BankCouncil;
    before(async () => {
      smtp = await startSmtp();
      clock = testClock(Date.parse('2026-01-10T12:00:00Z'));
      server = await startTestServer(engine, { smtpUrl: smtp.url, now: clock.now });
      bank = await createBankCouncil(server, 'clockton', [ORIGIN], undefined);
    });
    after(async () => {
      await server?.close();
      await smtp?.close();
    });
    const base = '/v1/councils/clockton';

    test('an unconfirmed entry and its link last 7 days, not a moment longer', async () => {
      const body = signUp();
      await call(server, 'POST', `${base}/contacts`, { body });
      const token = fragmentToken(await smtp.waitFor(body.email), 'token');
      clock.advance(7 * DAY - 60_000);
      assert.equal((await server.contactHousekeeping()).purged, 0);
      clock.advance(60_000);
      await server.purge();
      assert.equal((await call(server, 'POST', `${base}/contacts/confirm`, { body: { token } })).status, 404);
      assert.deepEqual(await tablesHolding(server.db, [body.email]), []);
    });

    test('signing up again while still unconfirmed sends a fresh confirmation (as a first sign-up, in the entry\'s language), never a manage link; same answer; the 7 days start again', async () => {
      const body = signUp({ locale: 'pl' });
      const first = await call(server, 'POST', `${base}/contacts`, { body });
      assert.equal(first.status, 202);
      await smtp.waitFor(body.email, (m) => /#token=/.test(m.text ?? ''));
      const before = smtp.received.filter((r) => r.rcptTo.includes(body.email)).length;
      clock.advance(6 * DAY); // the first mail is lost; a week nearly gone
      const again = await call(server, 'POST', `${base}/contacts`, { body: { ...body, email: body.email.toUpperCase(), locale: 'en' } });
      assert.equal(again.status, 202);
      assert.deepEqual(Object.keys(again.body).sort(), Object.keys(first.body).sort());
      assert.equal(again.body.status, first.body.status);
      await smtp.waitFor(body.email, () => smtp.received.filter((r) => r.rcptTo.includes(body.email)).length > before);
      const second = smtp.received.filter((r) => r.rcptTo.includes(body.email))[before]!.mail;
      assert.match(second.subject ?? '', /Potwierdź/, 'the confirmation mail, in the language of the entry');
      assert.ok(second.text?.includes(`${PAGE}#token=`), second.text);
      assert.ok(!/#manage=/.test(second.text ?? ''), 'no manage link for an entry that is not confirmed');
      // Past the first sign-up's 7 days the entry is still there, and the new link confirms it.
      clock.advance(2 * DAY);
      await server.purge();
      const confirmed = await call(server, 'POST', `${base}/contacts/confirm`, { body: { token: fragmentToken(second, 'token') } });
      assert.equal(confirmed.status, 200, JSON.stringify(confirmed.body));
      assert.equal(confirmed.body.status, 'active');
      const { rows } = await server.db.query('SELECT count(*)::int AS n FROM contacts WHERE lower(email) = lower($1)', [body.email]);
      assert.equal(rows[0].n, 1);
      // Withdrawn again, so the next test's reminders count only its own entries.
      assert.equal((await call(server, 'DELETE', `${base}/contacts/me`, { token: confirmed.body.manageToken })).status, 204);
    });

    test('re-consent mail 30 days before expiry, once; renewal starts a new period; without it the entry is erased at expiry', async () => {
      const start = clock.now();
      const renewer = signUp();
      const lapser = signUp({ locale: 'pl' });
      const manage: Record<string, string> = {};
      for (const b of [renewer, lapser]) {
        await call(server, 'POST', `${base}/contacts`, { body: b });
        const c = await call(server, 'POST', `${base}/contacts/confirm`, { body: { token: fragmentToken(await smtp.waitFor(b.email), 'token') } });
        manage[b.email] = c.body.manageToken;
      }
      const expiry = Date.parse(new Date(start).toISOString().replace('2026', '2028'));
      const reminders = (to: string) => smtp.received.filter((r) => r.rcptTo.includes(to) && /#manage=/.test(r.mail.text ?? '')).length;

      clock.advance(expiry - 30 * DAY - clock.now() - 60_000);
      assert.equal((await server.contactHousekeeping()).reminded, 0);
      clock.advance(60_000);
      assert.equal((await server.contactHousekeeping()).reminded, 2);
      assert.equal((await server.contactHousekeeping()).reminded, 0, 'once');
      const mail = await smtp.waitFor(lapser.email, (m) => /#manage=/.test(m.text ?? ''));
      assert.match(mail.subject ?? '', /wygasa/);
      assert.equal(reminders(renewer.email), 1);

      // The reminder's manage link renews.
      const link = fragmentToken(await smtp.waitFor(renewer.email, (m) => /#manage=/.test(m.text ?? '')), 'manage');
      const renewed = await call<MyContact>(server, 'PATCH', `${base}/contacts/me`, { token: link, body: { consent: { version: 'v1', purposes: ['invitations', 'news'] } } });
      assert.equal(renewed.status, 200);
      assert.equal(renewed.body.consent.renewedAt, new Date(clock.now()).toISOString());

      clock.advance(30 * DAY - 60_000);
      assert.equal((await server.contactHousekeeping()).expired, 0);
      clock.advance(60_000);
      const done = await server.contactHousekeeping();
      assert.equal(done.expired, 1);
      assert.equal((await call(server, 'GET', `${base}/contacts/me`, { token: manage[lapser.email]! })).status, 401);
      assert.deepEqual(await tablesHolding(server.db, [lapser.email]), []);
      assert.equal((await call(server, 'GET', `${base}/contacts/me`, { token: manage[renewer.email]! })).status, 200);
      const reach = (await call<ContactReach>(server, 'GET', `${base}/staff/contacts/reach`, { token: bank.editor })).body;
      assert.equal(reach.left.expired, 1);
      const { rows } = await server.db.query(`SELECT event FROM consent_ledger l JOIN contacts c ON c.id = l.contact_id WHERE c.status = 'expired'`);
      assert.deepEqual(rows.map((r) => r.event), ['given', 'confirmed', 'expired']);
    });
  });

  describe('reach', () => {
    let server: RunningServer;
    let bank: BankCouncil;
    before(async () => {
      server = await startTestServer(engine);
      bank = await createBankCouncil(server, 'reachton', [ORIGIN]);
    });
    after(() => server?.close());

    test('groups of 1 to 4 are suppressed, with a second group where a total would give one away; empty groups show 0; districts beside their population', async () => {
      const now = new Date().toISOString();
      const insert = async (n: number, kind: string, district: string | null, age: string | null, via = 'direct') => {
        for (let i = 0; i < n; i++) {
          await server.db.query(
            `INSERT INTO contacts (id, council, status, kind, email, district, age_band, languages, locale, joined_via, consent_version, purposes, created_at, confirmed_at, expires_at)
             VALUES (gen_random_uuid()::text, 'reachton', 'active', $1, $2, $3, $4, '["en"]', 'en', $5, 'v1', '["invitations"]', $6, $6, '2099-01-01')`,
            [kind, `r${++serial}@example.org`, district, age, via, now],
          );
        }
      };
      await insert(12, 'resident', 'north', '25-34');
      await insert(6, 'association', 'south', null, 'pass-it-on');
      await insert(2, 'business', 'north', '75-plus');
      const res = await call<ContactReach>(server, 'GET', '/v1/councils/reachton/staff/contacts/reach', { token: bank.editor });
      assert.equal(res.status, 200);
      const r = res.body;
      assert.equal(r.threshold, 5);
      assert.equal(r.active, 20);
      const by = (list: { key: string; count: number | null }[]) => Object.fromEntries(list.map((g) => [g.key, g.count]));
      // business (2) is under 5; association (6) goes too, or 20 - 12 - 6 would tell.
      assert.deepEqual(by(r.kind), { resident: 12, association: null, business: null });
      assert.deepEqual(by(r.district), { north: 14, south: 6, 'not-given': 0 });
      assert.equal(r.district.find((d) => d.key === 'north')!.perThousand, Math.round((14 / 12_000) * 1000 * 100) / 100);
      assert.equal(r.district.find((d) => d.key === 'south')!.population, null);
      assert.equal(by(r.ageBand)['25-34'], 12);
      assert.equal(by(r.ageBand)['75-plus'], null);
      assert.equal(by(r.ageBand)['18-24'], 0);
      assert.deepEqual(by(r.channel), { direct: 14, 'pass-it-on': 6 });
      assert.deepEqual(by(r.language), { en: 20, pl: 0, uk: 0 });
    });
  });
});
