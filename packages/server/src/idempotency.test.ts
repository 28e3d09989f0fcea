// Idempotency-Key semantics over real HTTP, counted in the database; and graceful shutdown.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { FeedbackCreated, IDEMPOTENCY_KEY_RETENTION_MS, PROBLEM_TYPES } from '@civicloop/contract';
import * as z from 'zod/mini';
import { createCouncil } from './councils.js';
import { createStaffToken } from './staff-tokens.js';
import type { RunningServer } from './server.js';
import { forEachEngine, startTestServer, testClock } from './testing/engines.js';

/** A latch a test opens when it is ready; the server's handler waits on it. */
function latch() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  let reached!: () => void;
  const arrived = new Promise<void>((resolve) => (reached = resolve));
  return { open, opened, reached, arrived };
}

forEachEngine((engine) => {
  let server: RunningServer;
  let hold: ReturnType<typeof latch> | undefined;
  const clock = testClock();
  /** Holds the next request after validation until the test opens the latch it set in `hold`. */
  const holdWhenAsked = async () => {
    const h = hold;
    if (!h) return;
    hold = undefined;
    h.reached();
    await h.opened;
  };

  before(async () => {
    server = await startTestServer(engine, { beforeHandle: holdWhenAsked, now: clock.now });
    await createCouncil(server.db, { slug: 'keyton', name: 'Keyton', origins: [] });
    await createCouncil(server.db, { slug: 'otherton', name: 'Otherton', origins: [] });
  });
  after(() => server.close());

  const send = (council: string, key: string, body: object) =>
    fetch(`${server.url}/v1/councils/${council}/feedback`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': key },
      body: JSON.stringify(body),
    });
  const count = async (text: string) =>
    (await server.db.query<{ n: number }>('SELECT count(*)::int AS n FROM feedback WHERE text = $1', [text])).rows[0]!.n;

  test('the same key and body twice stores one input and replays the first answer', async () => {
    const body = { kind: 'idea', text: 'Replay me once', rating: 4 } as const;
    const first = await send('keyton', 'key-replay', body);
    assert.equal(first.status, 201);
    assert.equal(first.headers.get('idempotency-replayed'), null);
    const created = z.parse(FeedbackCreated, await first.json());
    // Key order of the JSON does not make it another request.
    const second = await send('keyton', 'key-replay', { rating: 4, text: 'Replay me once', kind: 'idea' });
    assert.equal(second.status, 201);
    assert.equal(second.headers.get('idempotency-replayed'), 'true');
    // The allowance describes the moment of the first answer; a replay consumes nothing and says nothing.
    assert.match(first.headers.get('ratelimit') ?? '', /^"client";r=\d+;t=\d+$/);
    assert.equal(second.headers.get('ratelimit'), null);
    assert.deepEqual(await second.json(), created);
    assert.equal(await count('Replay me once'), 1);
  });

  test('a re-send with fresh anti-abuse fields is the same request: replayed, not refused', async () => {
    const body = { kind: 'idea', text: 'Kept offline, sent later' } as const;
    const first = await send('keyton', 'key-fresh-proof', { ...body, elapsedMs: 4000, website: '' });
    assert.equal(first.status, 201);
    const again = await send('keyton', 'key-fresh-proof', { ...body, elapsedMs: 4000, website: '', proof: { challenge: 'a.new.one', nonce: '7' } });
    assert.equal(again.status, 201);
    assert.equal(again.headers.get('idempotency-replayed'), 'true');
    assert.equal(await count('Kept offline, sent later'), 1);
  });

  test('the same key with another body is 422 and stores nothing new', async () => {
    assert.equal((await send('keyton', 'key-mismatch', { kind: 'idea', text: 'First body' })).status, 201);
    const res = await send('keyton', 'key-mismatch', { kind: 'idea', text: 'Second body' });
    assert.equal(res.status, 422);
    assert.equal(((await res.json()) as { type: string }).type, PROBLEM_TYPES.idempotencyMismatch);
    assert.equal(await count('Second body'), 0);
  });

  test('a retry while the first is in flight is 409; after it, a replay', async () => {
    hold = latch();
    const h = hold;
    const body = { kind: 'question', text: 'In flight' } as const;
    const first = send('keyton', 'key-flight', body);
    await h.arrived;
    const retry = await send('keyton', 'key-flight', body);
    assert.equal(retry.status, 409);
    const problem = (await retry.json()) as { type: string };
    assert.equal(problem.type, PROBLEM_TYPES.idempotencyInFlight);
    h.open();
    const done = await first;
    assert.equal(done.status, 201);
    const replay = await send('keyton', 'key-flight', body);
    assert.equal(replay.headers.get('idempotency-replayed'), 'true');
    assert.equal(await count('In flight'), 1);
  });

  test("a claim still in flight after two minutes is a crashed process's: the next request takes it over", async () => {
    hold = latch();
    const h = hold;
    const body = { kind: 'idea', text: 'Owner went silent' } as const;
    const first = send('keyton', 'key-abandoned', body);
    await h.arrived;
    assert.equal((await send('keyton', 'key-abandoned', body)).status, 409, 'in flight');
    clock.advance(90_000);
    assert.equal((await send('keyton', 'key-abandoned', body)).status, 409, "still its owner's a minute and a half later");
    clock.advance(31_000);
    const takeover = await send('keyton', 'key-abandoned', body);
    assert.equal(takeover.status, 201);
    assert.equal(takeover.headers.get('idempotency-replayed'), null);
    h.open();
    await first;
  });

  test('keys are scoped per council', async () => {
    const body = { kind: 'praise', text: 'Scoped key' } as const;
    const a = await send('keyton', 'shared-key', body);
    const b = await send('otherton', 'shared-key', body);
    assert.equal(a.status, 201);
    assert.equal(b.status, 201);
    assert.equal(b.headers.get('idempotency-replayed'), null);
    assert.notEqual(((await a.json()) as { id: string }).id, ((await b.json()) as { id: string }).id);
    assert.equal(await count('Scoped key'), 2);
  });

  test('a request that failed can be sent again with its key', async () => {
    const bad = await send('keyton', 'key-after-failure', { kind: 'idea', text: 'About a service', service: 'missing' });
    assert.equal(bad.status, 422);
    const good = await send('keyton', 'key-after-failure', { kind: 'idea', text: 'About a service', service: 'missing' });
    assert.equal(good.status, 422, 'the same failing body fails again rather than replaying');
    const stored = await server.db.query("SELECT 1 FROM idempotency_keys WHERE key = 'key-after-failure'");
    assert.equal(stored.rows.length, 0);
  });

  test('keys outlive 24 hours, so an outbox re-send days later is not stored twice; after 30 days they are purged', async () => {
    const first = await send('keyton', 'key-old', { kind: 'idea', text: 'Old key' });
    assert.equal(first.status, 201);
    const created = z.parse(FeedbackCreated, await first.json());
    clock.advance(3 * 24 * 3600_000);
    await server.purge();
    const again = await send('keyton', 'key-old', { kind: 'idea', text: 'Old key' });
    assert.equal(again.status, 201);
    assert.equal(again.headers.get('idempotency-replayed'), 'true');
    assert.deepEqual(await again.json(), created);
    assert.equal(await count('Old key'), 1);
    // Another body under the old key is still refused.
    const other = await send('keyton', 'key-old', { kind: 'problem', text: 'Other words' });
    assert.equal(other.status, 422);
    assert.equal(((await other.json()) as { type: string }).type, PROBLEM_TYPES.idempotencyMismatch);
    assert.equal(await count('Other words'), 0);
    // The same key in another council is another input.
    assert.equal((await send('otherton', 'key-old', { kind: 'idea', text: 'Old key' })).status, 201);
    assert.equal(await count('Old key'), 2);

    // Kept to the last moment of the retention, purged after it.
    clock.advance(IDEMPOTENCY_KEY_RETENTION_MS - 3 * 24 * 3600_000 - 60_000);
    await server.purge();
    const kept = async () => (await server.db.query("SELECT 1 FROM idempotency_keys WHERE key = 'key-old' AND scope = 'keyton:createFeedback'")).rows.length;
    assert.equal(await kept(), 1);
    clock.advance(120_000);
    await server.purge();
    assert.equal(await kept(), 0);
    const fresh = await send('keyton', 'key-old', { kind: 'problem', text: 'Other words' });
    assert.equal(fresh.status, 201, 'a forgotten key is free again');
  });

  test('a key used for a staff entry never answers a public request, and the other way round', async () => {
    const token = await createStaffToken(server.db, { council: 'keyton', role: 'editor', label: 'desk' });
    const staff = await fetch(`${server.url}/v1/councils/keyton/staff/feedback`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': 'key-shared', authorization: `Bearer ${token}` },
      body: JSON.stringify({ kind: 'question', text: 'Heard at the desk', channel: 'in-person' }),
    });
    assert.equal(staff.status, 201);
    const staffReceipt = z.parse(FeedbackCreated, await staff.json()).receipt;
    const web = await send('keyton', 'key-shared', { kind: 'question', text: 'Heard at the desk' });
    assert.equal(web.status, 201);
    assert.equal(web.headers.get('idempotency-replayed'), null);
    assert.notEqual(z.parse(FeedbackCreated, await web.json()).receipt, staffReceipt);
    assert.equal(await count('Heard at the desk'), 2);
  });

  test('close() lets an in-flight request finish, then refuses new connections', async () => {
    const own = await startTestServer(engine, { beforeHandle: holdWhenAsked });
    await createCouncil(own.db, { slug: 'closeton', name: 'Closeton', origins: [] });
    hold = latch();
    const h = hold;
    const inFlight = fetch(`${own.url}/v1/councils/closeton/feedback`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ kind: 'idea', text: 'Sent just before shutdown' }),
    });
    await h.arrived;
    let closed = false;
    const closing = own.close().then(() => (closed = true));
    await assert.rejects(fetch(`${own.url}/healthz`), 'no new connections once closing');
    assert.equal(closed, false, 'close waits for the in-flight request');
    h.open();
    const res = await inFlight;
    assert.equal(res.status, 201);
    await closing;
  });
});
