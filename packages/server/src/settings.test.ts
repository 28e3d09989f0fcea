// Issue 10, council settings from the console: editors read them, admins change them, every
// change is audited with before and after, bad values are 422 naming the field, and the public
// config and CORS follow a change at once.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { PROBLEM_TYPES, type AuditList, type CouncilConfig, type CouncilSettings, type ServiceList } from '@civicloop/contract';
import { testBankConfig } from '../../../tests/support/contact-bank.js';
import { createCouncil } from './councils.js';
import type { RunningServer } from './server.js';
import { createService } from './services.js';
import { createStaffToken } from './staff-tokens.js';
import { call } from './testing/api.js';
import { forEachEngine, startTestServer } from './testing/engines.js';

forEachEngine((engine) => {
  let server: RunningServer;
  let editor: string;
  let admin: string;
  const base = '/v1/councils/setton';

  before(async () => {
    server = await startTestServer(engine);
    await createCouncil(server.db, { slug: 'setton', name: 'Setton', origins: ['https://www.setton.example'], locales: ['en', 'sv'], contactBank: testBankConfig() });
    await createService(server.db, { council: 'setton', id: 'libraries', name: { en: 'Libraries' }, category: 'culture' });
    editor = await createStaffToken(server.db, { council: 'setton', role: 'editor', label: 'Ewa, editor' });
    admin = await createStaffToken(server.db, { council: 'setton', role: 'admin', label: 'Anna, admin' });
  });
  after(() => server.close());

  const settings = async (token = editor) => {
    const res = await call<CouncilSettings>(server, 'GET', `${base}/staff/settings`, { token });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    return res.body;
  };
  const lastAudit = async () => (await call<AuditList>(server, 'GET', `${base}/staff/audit?limit=1`, { token: admin })).body.items[0]!;

  test('editors and admins read every setting an admin can change, and nothing secret', async () => {
    const s = await settings();
    assert.deepEqual(s.origins, ['https://www.setton.example']);
    assert.deepEqual(s.locales, ['en', 'sv']);
    assert.equal(s.defaultLocale, 'en');
    assert.equal(s.reachThreshold, 5);
    assert.equal(s.openLicence, 'CC-BY-4.0');
    assert.deepEqual(s.antiAbuse, { minFillMs: 0, proofOfWork: { required: false, difficulty: s.antiAbuse.proofOfWork.difficulty } });
    assert.equal(s.contactBank?.consent.version, testBankConfig().consent.version);
    assert.deepEqual(await settings(admin), s);
  });

  test('an editor cannot change them: 403, and nothing changed or audited', async () => {
    const before = await settings();
    const res = await call(server, 'PATCH', `${base}/staff/settings`, { token: editor, body: { origins: [] } });
    assert.equal(res.status, 403);
    assert.equal(res.body.type, PROBLEM_TYPES.forbidden);
    assert.deepEqual(await settings(), before);
    const svc = await call(server, 'PUT', `${base}/staff/services/pools`, { token: editor, body: { name: { en: 'Pools' }, category: 'health' } });
    assert.equal(svc.status, 403);
    assert.equal((await call<ServiceList>(server, 'GET', `${base}/services`)).body.items.length, 1);
  });

  test('an admin changes origins, texts, locales and the threshold; the audit log has before and after; CORS and the public config follow at once', async () => {
    const origin = 'https://intranet.setton.example';
    const preflight = () => call(server, 'OPTIONS', `${base}`, { headers: { origin, 'access-control-request-method': 'GET' } });
    assert.equal((await preflight()).headers.get('access-control-allow-origin'), null);

    const res = await call<CouncilSettings>(server, 'PATCH', `${base}/staff/settings`, {
      token: admin,
      body: { origins: ['https://www.setton.example', `${origin}/`], texts: { inputUse: { en: 'We read everything.', sv: 'Vi läser allt.' } }, locales: ['sv', 'en', 'de'], defaultLocale: 'sv', reachThreshold: 8 },
    });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.deepEqual(res.body.origins, ['https://www.setton.example', origin], 'a trailing slash is dropped');
    assert.equal(res.body.reachThreshold, 8);

    const entry = await lastAudit();
    assert.equal(entry.action, 'council.update');
    assert.deepEqual(entry.subject, { type: 'council', id: 'setton' });
    assert.equal(entry.actor.label, 'Anna, admin');
    assert.deepEqual(entry.before, { locales: ['en', 'sv'], defaultLocale: 'en', origins: ['https://www.setton.example'], texts: { inputUse: {} }, reachThreshold: 5 });
    assert.deepEqual(entry.after, { locales: ['sv', 'en', 'de'], defaultLocale: 'sv', origins: ['https://www.setton.example', origin], texts: { inputUse: { en: 'We read everything.', sv: 'Vi läser allt.' } }, reachThreshold: 8 });

    assert.equal((await preflight()).headers.get('access-control-allow-origin'), origin);
    const pub = await call<CouncilConfig>(server, 'GET', base, { headers: { 'cache-control': 'no-cache' } });
    assert.equal(pub.body.defaultLocale, 'sv');
    assert.equal(pub.body.texts.inputUse.sv, 'Vi läser allt.');
  });

  test('the same change twice is audited once', async () => {
    const count = async () => (await call<AuditList>(server, 'GET', `${base}/staff/audit?action=council.update`, { token: admin })).body.items.length;
    const n = await count();
    for (let i = 0; i < 2; i++) assert.equal((await call(server, 'PATCH', `${base}/staff/settings`, { token: admin, body: { reachThreshold: 9 } })).status, 200);
    assert.equal(await count(), n + 1);
  });

  test('bad values are 422 naming the field, and nothing changes', async () => {
    const before = await settings();
    for (const [body, path] of [
      [{ origins: ['https://a.example/path'] }, '/origins/0'],
      [{ origins: ['ftp://a.example'] }, '/origins/0'],
      [{ defaultLocale: 'fr' }, '/defaultLocale'],
      [{ locales: [] }, '/locales'],
      [{ reachThreshold: 0 }, '/reachThreshold'],
      [{ openLicence: 'not a licence' }, '/openLicence'],
      [{ antiAbuse: { minFillMs: -1, proofOfWork: { required: false, difficulty: 16 } } }, '/antiAbuse/minFillMs'],
      // A misspelt setting is named, never a 200 that changed nothing.
      [{ reachTreshold: 7 }, '/reachTreshold'],
      [{ texts: { inputuse: { en: 'x' } } }, '/texts/inputuse'],
    ] as const) {
      const res = await call(server, 'PATCH', `${base}/staff/settings`, { token: admin, body });
      assert.equal(res.status, 422, `${JSON.stringify(body)}: ${res.status}`);
      assert.ok(
        res.body.errors.some((e: { path: string }) => e.path === path),
        `${JSON.stringify(body)}: ${JSON.stringify(res.body.errors)}`,
      );
    }
    assert.deepEqual(await settings(), before);
  });

  test('a new consent text version reaches the public config', async () => {
    const bank = { ...testBankConfig(), consent: { ...testBankConfig().consent, version: '2026-12' } };
    const res = await call<CouncilSettings>(server, 'PATCH', `${base}/staff/settings`, { token: admin, body: { contactBank: bank } });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    const pub = await call<CouncilConfig>(server, 'GET', base, { headers: { 'cache-control': 'no-cache' } });
    assert.equal(pub.body.contactBank?.consent.version, '2026-12');
    const entry = await lastAudit();
    assert.equal((entry.after as { contactBank: { consent: { version: string } } }).contactBank.consent.version, '2026-12');
  });

  test('an admin creates and renames a service; residents see it; each save is audited', async () => {
    const created = await call(server, 'PUT', `${base}/staff/services/pools`, { token: admin, body: { name: { en: 'Pools', sv: 'Badhus' }, category: 'health' } });
    assert.equal(created.status, 200, JSON.stringify(created.body));
    assert.deepEqual(created.body, { id: 'pools', name: { en: 'Pools', sv: 'Badhus' }, category: 'health' });
    let entry = await lastAudit();
    assert.equal(entry.action, 'service.save');
    assert.equal(entry.before, null);
    const renamed = await call(server, 'PUT', `${base}/staff/services/pools`, { token: admin, body: { name: { en: 'Swimming pools', sv: 'Badhus' }, category: 'health' } });
    assert.equal(renamed.status, 200);
    entry = await lastAudit();
    assert.deepEqual(entry.before, { name: { en: 'Pools', sv: 'Badhus' } });
    assert.deepEqual(entry.after, { name: { en: 'Swimming pools', sv: 'Badhus' } });
    const list = (await call<ServiceList>(server, 'GET', `${base}/services`, { headers: { 'cache-control': 'no-cache' } })).body.items;
    assert.deepEqual(list.map((s) => s.id), ['libraries', 'pools']);
    const bad = await call(server, 'PUT', `${base}/staff/services/pools`, { token: admin, body: { name: {}, category: 'health' } });
    assert.equal(bad.status, 422);
    // Named only in another language than the council's default: its forms would list it by that name.
    const { defaultLocale } = await settings();
    const unnamed = await call(server, 'PUT', `${base}/staff/services/baths`, { token: admin, body: { name: { pl: 'Łaźnie' }, category: 'health' } });
    assert.equal(unnamed.status, 422);
    assert.deepEqual(unnamed.body.errors.map((e: { path: string }) => e.path), [`/name/${defaultLocale}`]);
    assert.equal((await call(server, 'GET', `${base}/services`, { headers: { 'cache-control': 'no-cache' } })).body.items.length, 2, 'nothing saved');
  });
});
