// The POST path of web input: its round trips and commits, and what holds across two server
// processes on one database (the same key sent to both at once, rate limits).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createApp } from './app.js';
import { createCouncil } from './councils.js';
import { openDatabase, type Database, type Queryable } from './db/driver.js';
import type { RunningServer } from './server.js';
import { engines, forEachEngine, startTestServer } from './testing/engines.js';

forEachEngine((engine) => {
  test('a POST with an Idempotency-Key takes 6 round trips and 2 commits (11 and 2 before)', async () => {
    const db = await openDatabase(engine.storage());
    let roundTrips = 0;
    let commits = 0;
    const counting = (q: Queryable): Queryable => ({
      query: (sql, params) => {
        roundTrips++;
        return q.query(sql, params);
      },
    });
    const counted: Database = {
      ...db,
      engine: db.engine,
      // Outside a transaction each statement commits on its own.
      query: (sql, params) => {
        roundTrips++;
        if (/^\s*(insert|update|delete|with)/i.test(sql)) commits++;
        return db.query(sql, params);
      },
      transaction: (fn) => {
        roundTrips += 2; // BEGIN, COMMIT
        commits++;
        return db.transaction((tx) => fn(counting(tx)));
      },
    };
    try {
      await createCouncil(db, { slug: 'tripton', name: 'Tripton', origins: [] });
      const app = createApp(counted, 'x'.repeat(32), { log: () => undefined });
      const post = (key: string) =>
        app.request('/v1/councils/tripton/feedback', {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'idempotency-key': key },
          body: JSON.stringify({ kind: 'idea', text: `counted ${key}` }),
        });
      assert.equal((await post('warm-up-key-01')).status, 201); // reads the council into memory
      roundTrips = commits = 0;
      assert.equal((await post('counted-key-01')).status, 201);
      assert.deepEqual({ roundTrips, commits }, { roundTrips: 6, commits: 2 });
      roundTrips = commits = 0;
      const replay = await post('counted-key-01');
      assert.equal(replay.headers.get('idempotency-replayed'), 'true');
      // The claim that meets the key (a statement that writes nothing), then one read of the answer.
      assert.deepEqual({ roundTrips, commits }, { roundTrips: 2, commits: 1 });
    } finally {
      await db.close();
    }
  });
});

const postgres = engines.find((e) => e.name === 'postgres');

test('two servers on one PostgreSQL database', { skip: !postgres && 'set DATABASE_URL to run on PostgreSQL' }, async (t) => {
  const storage = postgres!.storage();
  // 5 inputs in the first subtest, 5 in the second, then 7 more fill the council's 17.
  const limits = { feedbackPerClientPerHour: 5, feedbackPerCouncilPerHour: 17 };
  const a = await startTestServer(postgres!, { ...storage, trustProxy: true, limits });
  const b = await startTestServer(postgres!, { ...storage, trustProxy: true, limits });
  t.after(async () => {
    await a.close();
    await b.close();
  });
  await createCouncil(a.db, { slug: 'twinton', name: 'Twinton', origins: [] });
  const post = (server: RunningServer, text: string, address: string, key?: string) =>
    fetch(`${server.url}/v1/councils/twinton/feedback`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': address, ...(key ? { 'idempotency-key': key } : {}) },
      body: JSON.stringify({ kind: 'idea', text }),
    });
  const stored = async (text: string) => (await a.db.query<{ n: number }>('SELECT count(*)::int AS n FROM feedback WHERE text = $1', [text])).rows[0]!.n;

  await t.test('the same key sent to both at once stores one input', async () => {
    for (let i = 0; i < 5; i++) {
      const text = `twin ${i}`;
      const answers = await Promise.all([post(a, text, `192.0.2.${i}`, `twin-key-${i}-0000`), post(b, text, `192.0.2.${i}`, `twin-key-${i}-0000`)]);
      const statuses = answers.map((r) => (r.headers.get('idempotency-replayed') ? 'replay' : String(r.status))).sort();
      assert.ok(statuses.includes('201'), statuses.join());
      for (const s of statuses) assert.ok(['201', 'replay', '409'].includes(s), statuses.join());
      assert.equal(await stored(text), 1);
    }
  });

  await t.test('a client limit holds across both, under concurrency, exactly', async () => {
    const answers = await Promise.all(Array.from({ length: 12 }, (_, i) => post(i % 2 ? a : b, `flood ${i}`, '198.51.100.9')));
    const statuses = answers.map((r) => r.status);
    assert.equal(statuses.filter((s) => s === 201).length, 5, statuses.join());
    assert.equal(statuses.filter((s) => s === 429).length, 7);
  });

  await t.test("a council's limit holds across both", async () => {
    // 10 inputs so far; 7 more fill the 17, one by one from fresh addresses, alternating servers.
    const statuses: number[] = [];
    for (let i = 0; i < 9; i++) statuses.push((await post(i % 2 ? a : b, `crowd ${i}`, `203.0.113.${i}`)).status);
    assert.deepEqual(statuses, [201, 201, 201, 201, 201, 201, 201, 429, 429]);
  });
});
