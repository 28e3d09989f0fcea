// Issue 12, crash: the server (a child process, `civicloop-server serve`) is killed with SIGKILL in
// the middle of a load of POSTs, then started again on the same storage, on PGlite (a real data
// folder) and on PostgreSQL. Every input whose receipt was acknowledged is there, none twice, and
// the PGlite folder opens again without repair. The requests that got no answer are then re-sent
// through the SDK's outbox with their keys: one whose claim the dead process left meets 409
// "in flight" until the claim is abandoned (120 s by the server's clock, moved here by hand), and
// the outbox keeps it, never reports it refused, and delivers it once.
// Fast form 2 kills; the long form (CIVICLOOP_RELIABILITY=long) 10.
import 'fake-indexeddb/auto';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, test } from 'node:test';
import { createCouncil, openDatabase, type RunningServer } from '@civicloop/server';
import { createClient, createOutbox } from '@civicloop/sdk';
import { requestHash } from '../../packages/server/src/idempotency.js';
import { engines, startTestServer, testClock, type Engine } from '../../packages/server/src/testing/engines.js';
import { size } from './support.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const KILLS = size(2, 10);
const SENDERS = 8;
const COUNCIL = 'crashton';

type Storage = { dataDir?: string; databaseUrl?: string; pgSchema?: string };

/** Starts `serve` as its own process on `storage`; resolves with its URL once it listens. */
async function spawnServer(storage: Storage): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, ['--conditions=source', '--import', 'tsx', join(root, 'packages/server/src/cli.ts'), 'serve', '--port', '0'], {
    cwd: root,
    env: {
      ...process.env,
      ...(storage.dataDir ? { DATA_DIR: storage.dataDir, DATABASE_URL: '' } : { DATABASE_URL: storage.databaseUrl, PG_SCHEMA: storage.pgSchema }),
      FEEDBACK_PER_CLIENT_PER_HOUR: '1000000',
      FEEDBACK_PER_COUNCIL_PER_HOUR: '10000000',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stderr!.on('data', (c: Buffer) => (err += c));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`serve did not start: ${err}`)), 60_000);
    child.stdout!.on('data', (c: Buffer) => {
      out += c;
      const m = /listening on (http:\/\/\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`serve exited ${code}: ${err}`));
    });
  });
  // Request logs are not read: drain them so the pipe never fills.
  child.stdout!.removeAllListeners('data');
  child.stdout!.resume();
  return { url, child };
}

interface Sent {
  key: string;
  text: string;
}

/** POSTs until `stop` says so, adding to `acked` (with its receipt) and `unanswered` as answers come. */
async function load(url: string, round: number, stop: () => boolean, acked: (Sent & { receipt: string })[], unanswered: Sent[]): Promise<void> {
  let n = 0;
  await Promise.all(
    Array.from({ length: SENDERS }, async () => {
      while (!stop()) {
        const sent = { key: `crash-${round}-${n}-${Math.random().toString(36).slice(2)}`, text: `crash input ${round}.${n++}` };
        try {
          const res = await fetch(`${url}/v1/councils/${COUNCIL}/feedback`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', 'idempotency-key': sent.key },
            body: JSON.stringify({ kind: 'idea', text: sent.text, elapsedMs: 5000 }),
          });
          const body = (await res.json()) as { receipt: string };
          assert.equal(res.status, 201);
          acked.push({ ...sent, receipt: body.receipt });
        } catch (error) {
          if (error instanceof assert.AssertionError) throw error;
          unanswered.push(sent);
          return;
        }
      }
    }),
  );
}

async function checkStored(server: { url: string }, acked: (Sent & { receipt: string })[]) {
  for (const a of acked) {
    const res = await fetch(`${server.url}/v1/councils/${COUNCIL}/feedback/${a.receipt}`);
    assert.equal(res.status, 200, `acknowledged ${a.text} (${a.receipt}) is gone`);
    await res.body?.cancel();
  }
}

const children = new Set<ChildProcess>();
after(() => {
  for (const c of children) c.kill('SIGKILL');
});

for (const engine of engines) {
  test(`[${engine.name}] kill -9 during a load of POSTs, ${KILLS} times: every acknowledged input is there once; an unanswered one is delivered once by the outbox`, { timeout: size(300_000, 1_800_000) }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'civicloop-crash-'));
    const storage: Storage = engine.name === 'pglite' ? { dataDir: dir } : (engine as Engine).storage();
    try {
      const setup = await openDatabase(storage);
      await createCouncil(setup, { slug: COUNCIL, name: 'Crashton', origins: [], antiAbuse: { minFillMs: 0 } });
      await setup.close();

      const acked: (Sent & { receipt: string })[] = [];
      const unanswered: Sent[] = [];
      for (let round = 0; round < KILLS; round++) {
        const { url, child } = await spawnServer(storage);
        children.add(child);
        // What earlier rounds acknowledged survived their kills and this start.
        await checkStored({ url }, acked);
        let killed = false;
        const before = acked.length;
        const running = load(url, round, () => killed, acked, unanswered);
        // Kill in the middle of the load, after a number of acknowledgements that varies by round.
        const target = before + 30 + ((round * 17) % 40);
        const deadline = Date.now() + 60_000;
        while (acked.length < target && Date.now() < deadline) await new Promise((r) => setTimeout(r, 2));
        child.kill('SIGKILL');
        killed = true;
        await new Promise((r) => child.once('exit', r));
        children.delete(child);
        await running;
        assert.ok(acked.length > before, `round ${round} acknowledged nothing`);
      }

      // The restart that ends the test runs in this process, with a clock the test moves.
      const clock = testClock();
      const server: RunningServer = await startTestServer(engine, { ...storage, now: clock.now, limits: { feedbackPerClientPerHour: 1e6, feedbackPerCouncilPerHour: 1e7 } });
      try {
        await checkStored(server, acked);
        const { rows: doubles } = await server.db.query<{ text: string }>('SELECT text FROM feedback WHERE council = $1 GROUP BY text HAVING count(*) > 1', [COUNCIL]);
        assert.deepEqual(doubles, [], 'stored twice');

        // A claim a dead process left for certain (whether a kill above left one is chance): the
        // row exactly as `claimKey` commits it before the handler runs.
        const orphan = { key: `crash-orphan-${Date.now()}`, text: 'crash input whose process died after its claim' };
        await server.db.query('INSERT INTO idempotency_keys (scope, key, request_hash, created_at) VALUES ($1, $2, $3, to_timestamp($4))', [
          `${COUNCIL}:createFeedback`,
          orphan.key,
          requestHash('createFeedback', `/v1/councils/${COUNCIL}/feedback`, { kind: 'idea', text: orphan.text }),
          clock.now() / 1000,
        ]);
        const resend = [...unanswered, orphan];

        const client = createClient({ baseUrl: server.url, council: COUNCIL, retry: 0 });
        const outbox = createOutbox({ transport: client, database: `crash-${engine.name}`, autoFlush: false, retryInterval: false, now: clock.now });
        const first: Record<string, number> = { delivered: 0, queued: 0, refused: 0 };
        let inFlight = 0;
        for (const s of resend) {
          const r = await outbox.send('createFeedback', { kind: 'idea', text: s.text, elapsedMs: 5000 }, { idempotencyKey: s.key });
          first[r.state]!++;
          if (r.state === 'queued') {
            assert.match(r.error.message, /409/, `${s.text}: queued for ${r.error.message}`);
            inFlight++;
          }
          assert.notEqual(r.state, 'refused', `${s.text} refused: ${r.state === 'refused' ? r.error.message : ''}`);
        }
        assert.ok(inFlight >= 1, 'the orphaned claim answered 409 in flight');
        // A minute later the planted claim is still in flight: kept, not refused. (Claims the killed
        // processes left carry their real time of death, so early rounds' may expire here already.)
        clock.advance(60_000);
        const early = await outbox.flush();
        assert.equal(early.refused, 0);
        assert.equal(early.delivered + early.remaining, inFlight);
        assert.deepEqual((await outbox.records({ state: 'queued' })).map((r) => r.key).filter((k) => k === orphan.key), [orphan.key]);
        // Past the abandoned-claim age: delivered.
        clock.advance(61_000);
        const late = await outbox.flush();
        assert.deepEqual(late, { delivered: early.remaining, refused: 0, remaining: 0 });
        outbox.close();

        // Every input sent once or many times is there exactly once now, the orphan included.
        const { rows } = await server.db.query<{ text: string; n: number }>('SELECT text, count(*)::int AS n FROM feedback WHERE council = $1 GROUP BY text', [COUNCIL]);
        const stored = new Map(rows.map((r) => [r.text, r.n]));
        for (const s of [...acked, ...resend]) assert.equal(stored.get(s.text), 1, s.text);
        console.log(
          `crash [${engine.name}]: ${KILLS} kills, ${acked.length} acknowledged inputs all kept, ${unanswered.length} unanswered re-sent: ` +
            `${JSON.stringify(first)} at once (${inFlight - 1} met a dead process's claim, +1 planted), all delivered once after the claim expired`,
        );
      } finally {
        await server.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
}
