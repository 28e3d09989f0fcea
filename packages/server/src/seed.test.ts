// The demo councils' loop data: themes in several states and languages, drafts never public,
// answered inputs that show their theme, and re-seeding that adds nothing twice.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { formatReceipt, type FeedbackReceipt, type LoopStats, type ThemeList } from '@civicloop/contract';
import { seedDemo } from './seed.js';
import { SEEDED_THEMES } from './seed-loop.js';
import type { RunningServer } from './server.js';
import { call } from './testing/api.js';
import { forEachEngine, startTestServer } from './testing/engines.js';

forEachEngine((engine) => {
  let server: RunningServer;
  before(async () => {
    server = await startTestServer(engine);
    await seedDemo(server.db);
    await seedDemo(server.db);
  });
  after(() => server.close());

  test('several states and languages per council, some published, a draft; re-seeding adds nothing', async () => {
    const { rows } = await server.db.query<{ n: number; drafts: number; statuses: number; locales: number }>(
      "SELECT count(*)::int AS n, count(*) FILTER (WHERE published_at IS NULL)::int AS drafts, count(DISTINCT status)::int AS statuses, count(DISTINCT locale)::int AS locales FROM themes WHERE council = 'demo'",
    );
    assert.deepEqual(rows[0], { n: 5, drafts: 1, statuses: 5, locales: 2 });
    assert.equal(SEEDED_THEMES.length, (await server.db.query('SELECT 1 FROM themes')).rows.length);
    for (const council of ['demo', 'riverside', 'nordby']) {
      const list = await call<ThemeList>(server, 'GET', `/v1/councils/${council}/themes`);
      const published = SEEDED_THEMES.filter((t) => t.council === council && t.publishedAgo !== undefined).map((t) => t.id).sort();
      assert.deepEqual(list.body.items.map((t) => t.id).sort(), published, council);
      assert.ok(list.body.items.every((t) => t.inputCount > 0));
    }
  });

  test('seeded inputs carry the kind their words mean: Riverside\'s complaints are problems, never praise', async () => {
    const { rows } = await server.db.query<{ text: string; kind: string }>("SELECT text, kind FROM feedback WHERE council = 'riverside' ORDER BY id");
    const kinds = Object.fromEntries(rows.map((r) => [r.text, r.kind]));
    assert.equal(kinds['Gångvägen vid floden är helt mörk på kvällen.'], 'problem');
    assert.equal(kinds['Ungdomar vid skolan: "Vi har ingenstans att vara på lördagar."'], 'problem');
    assert.equal(kinds['Walking home along the river at 6 pm is pitch dark now.'], 'problem');
    // No seeded input is praise: none of them praises anything.
    const { rows: praise } = await server.db.query<{ text: string }>("SELECT text FROM feedback WHERE kind = 'praise' AND id LIKE '%-input-%'");
    assert.deepEqual(praise, []);
  });

  test('a seeded input answered by its theme shows it in the receipt view, with its reply', async () => {
    const { rows } = await server.db.query<{ receipt: string }>("SELECT receipt FROM feedback WHERE id = 'demo-library-sundays-input-2'");
    const r = await call<FeedbackReceipt>(server, 'GET', `/v1/councils/demo/feedback/${formatReceipt(rows[0]!.receipt)}`);
    assert.equal(r.status, 200);
    assert.equal(r.body.status, 'answered');
    assert.equal(r.body.theme?.id, 'demo-library-sundays');
    assert.equal(r.body.replies?.length, 1);
    const draftInput = await server.db.query<{ receipt: string }>("SELECT receipt FROM feedback WHERE id = 'demo-clinic-booking-input-1'");
    const d = await call<FeedbackReceipt>(server, 'GET', `/v1/councils/demo/feedback/${formatReceipt(draftInput.rows[0]!.receipt)}`);
    assert.equal(d.body.theme, null, 'a draft theme is not shown');
    assert.equal(d.body.status, 'received');
  });

  test('the seeded contacts\' page (where their invitations lead) is the site given, as serve gives its own address; else the default port\'s', async () => {
    const pages = async () => (await server.db.query<{ page_url: string }>("SELECT DISTINCT page_url FROM contacts WHERE council = 'demo' AND id LIKE 'seed-%'")).rows.map((r) => r.page_url);
    assert.deepEqual(await pages(), ['http://localhost:8080/']);
    await seedDemo(server.db, [], 'http://127.0.0.1:18765');
    assert.deepEqual(await pages(), ['http://127.0.0.1:18765/']);
  });

  test('the demo council has loop figures to show', async () => {
    const s = (await call<LoopStats>(server, 'GET', '/v1/councils/demo/stats')).body;
    assert.equal(s.received, 13);
    assert.ok(s.answered > 0 && s.answered < s.received);
    assert.ok(s.byChannel.length >= 5);
  });
});
