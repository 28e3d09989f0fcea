// Issue 12, faults: submissions through the SDK (client + outbox, as an element sends them) while
// a TCP proxy drops requests, drops answers, delays them past the client's timeout and resets
// connections halfway → every input stored exactly once, none lost, none doubled, none reported
// refused. Fast form 60 submissions; the long form (CIVICLOOP_RELIABILITY=long) 500.
import 'fake-indexeddb/auto';
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createCouncil, type RunningServer } from '@civicloop/server';
import { createClient, createOutbox } from '@civicloop/sdk';
import { forEachEngine, startTestServer } from '../../packages/server/src/testing/engines.js';
import { createChaosProxy, type ChaosProxy } from './chaos-proxy.js';
import { size } from './support.js';

const SUBMISSIONS = size(60, 500);
/** Senders at once, as many residents on one council. */
const PARALLEL = 8;

forEachEngine((engine) => {
  let server: RunningServer;
  let proxy: ChaosProxy;

  before(async () => {
    server = await startTestServer(engine, { limits: { feedbackPerClientPerHour: 1e6, feedbackPerCouncilPerHour: 1e6 } });
    await createCouncil(server.db, { slug: 'faulton', name: 'Faulton', origins: [], antiAbuse: { minFillMs: 0 } });
    // A fixed seed: a run that fails can be repeated exactly (the order of connections still varies).
    let seed = 12;
    proxy = await createChaosProxy(server.url, {
      weights: { pass: 4, 'drop-request': 1, 'drop-response': 1, delay: 1, reset: 1 },
      // mulberry32: small, seeded, uniform.
      random: () => {
        let t = (seed = (seed + 0x6d2b79f5) | 0);
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
      },
      delayMs: 800,
    });
  });
  after(async () => {
    await proxy?.close();
    await server?.close();
  });

  test(`${SUBMISSIONS} submissions through a network that drops, delays and resets: each stored once`, { timeout: size(240_000, 1_800_000) }, async () => {
    // Timeouts shorter than the proxy's delay: a delayed answer is a lost one to the client.
    const client = createClient({ baseUrl: proxy.url, council: 'faulton', timeout: 500, retry: { limit: 2, backoffLimit: 50 } });
    const outbox = createOutbox({ transport: client, database: `faults-${engine.name}`, autoFlush: false, retryInterval: false });
    const states: Record<string, number> = { delivered: 0, queued: 0, refused: 0 };
    let next = 0;
    const texts: string[] = [];
    await Promise.all(
      Array.from({ length: PARALLEL }, async () => {
        while (next < SUBMISSIONS) {
          const text = `fault input ${next++} ${engine.name}`;
          texts.push(text);
          const result = await outbox.send('createFeedback', { kind: 'idea', text, elapsedMs: 5000 });
          states[result.state]!++;
          assert.notEqual(result.state, 'refused', `${text}: ${result.state === 'refused' ? result.error.message : ''}`);
        }
      }),
    );
    // What could not go is kept; flushing through the same bad network delivers it in the end.
    let rounds = 0;
    while ((await outbox.records({ state: 'queued' })).length && rounds++ < 200) {
      const report = await outbox.flush();
      assert.equal(report.refused, 0);
    }
    const records = await outbox.records();
    assert.equal(records.filter((r) => r.state === 'queued').length, 0, `still queued after ${rounds} flushes`);
    assert.equal(records.filter((r) => r.state === 'refused').length, 0);
    // Delivered at once (nothing kept) or kept and delivered by a flush (kept as an outcome): all of them.
    assert.equal(states['delivered']! + records.filter((r) => r.state === 'delivered').length, SUBMISSIONS);
    outbox.close();

    const { rows } = await server.db.query<{ text: string; n: number }>(
      "SELECT text, count(*)::int AS n FROM feedback WHERE council = 'faulton' GROUP BY text",
    );
    const stored = new Map(rows.map((r) => [r.text, r.n]));
    assert.deepEqual(rows.filter((r) => r.n !== 1), [], 'none doubled');
    assert.deepEqual(texts.filter((t) => !stored.has(t)), [], 'none lost');
    assert.equal(rows.length, SUBMISSIONS);
    // The faults really happened, each kind of them.
    for (const [fault, n] of Object.entries(proxy.counts)) assert.ok(n > 0, `${fault} never happened`);
    console.log(`faults [${engine.name}]: ${SUBMISSIONS} inputs, first sends ${JSON.stringify(states)}, ${rounds} flushes, connections ${JSON.stringify(proxy.counts)}`);
  });
});
