// Issue 12, flood: one client address sends POST after POST → past its hourly allowance every one
// is a 429 problem with Retry-After, while a resident at another address still gets through.
// Real source addresses (127.0.0.1 and 127.0.0.2 on loopback), no forwarded header to trust.
// Fast form 400 POSTs; the long form (CIVICLOOP_RELIABILITY=long) 10,000.
import assert from 'node:assert/strict';
import { Agent, request } from 'node:http';
import { after, before, test } from 'node:test';
import { PROBLEM_CONTENT_TYPE, PROBLEM_TYPES } from '@civicloop/contract';
import { createCouncil, type RunningServer } from '@civicloop/server';
import { forEachEngine, startTestServer } from '../../packages/server/src/testing/engines.js';
import { size } from './support.js';

const FLOOD = size(400, 10_000);
const PER_CLIENT = 20;

function post(server: RunningServer, agent: Agent, text: string): Promise<{ status: number; type: string; retryAfter: string | undefined; body: string }> {
  const { hostname, port } = new URL(server.url);
  return new Promise((resolve, reject) => {
    const req = request({ hostname, port, agent, method: 'POST', path: '/v1/councils/floodton/feedback', headers: { 'content-type': 'application/json' } }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, type: String(res.headers['content-type']), retryAfter: res.headers['retry-after'], body }));
    });
    req.on('error', reject);
    req.end(JSON.stringify({ kind: 'idea', text, elapsedMs: 5000 }));
  });
}

forEachEngine((engine) => {
  let server: RunningServer;
  before(async () => {
    server = await startTestServer(engine, { limits: { feedbackPerClientPerHour: PER_CLIENT, feedbackPerCouncilPerHour: 2000 } });
    await createCouncil(server.db, { slug: 'floodton', name: 'Floodton', origins: [], antiAbuse: { minFillMs: 0 } });
  });
  after(() => server?.close());

  test(`${FLOOD} POSTs from one address: ${PER_CLIENT} stored, the rest 429; another address still gets through`, { timeout: size(120_000, 1_200_000) }, async () => {
    const flooder = new Agent({ keepAlive: true, maxSockets: 16, localAddress: '127.0.0.1' });
    const neighbour = new Agent({ keepAlive: true, localAddress: '127.0.0.2' });
    const statuses = new Map<number, number>();
    let sent = 0;
    const started = performance.now();
    const neighbourStatuses: number[] = [];
    await Promise.all([
      ...Array.from({ length: 16 }, async () => {
        while (sent < FLOOD) {
          const i = sent++;
          const res = await post(server, flooder, `flood ${i}`);
          statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
          if (res.status === 429) {
            assert.equal(res.type, PROBLEM_CONTENT_TYPE);
            assert.equal((JSON.parse(res.body) as { type: string }).type, PROBLEM_TYPES.rateLimited);
            assert.ok(Number(res.retryAfter) > 0, 'Retry-After');
          } else assert.equal(res.status, 201, res.body);
        }
      }),
      // In the middle of the flood, a resident elsewhere sends a few inputs.
      (async () => {
        while (sent < Math.min(FLOOD, 200)) await new Promise((r) => setImmediate(r));
        for (let i = 0; i < 5; i++) neighbourStatuses.push((await post(server, neighbour, `neighbour ${i}`)).status);
      })(),
    ]);
    const seconds = (performance.now() - started) / 1000;
    flooder.destroy();
    neighbour.destroy();
    assert.equal(statuses.get(201), PER_CLIENT);
    assert.equal(statuses.get(429), FLOOD - PER_CLIENT);
    assert.deepEqual(neighbourStatuses, [201, 201, 201, 201, 201]);
    const { rows } = await server.db.query<{ n: number }>("SELECT count(*)::int AS n FROM feedback WHERE council = 'floodton'");
    assert.equal(rows[0]!.n, PER_CLIENT + 5);
    // The server is still there for everyone after the flood.
    assert.equal((await fetch(`${server.url}/healthz`)).status, 200);
    console.log(`flood [${engine.name}]: ${FLOOD} POSTs in ${seconds.toFixed(1)} s (${Math.round(FLOOD / seconds)}/s): ${JSON.stringify(Object.fromEntries(statuses))}; the other address: ${neighbourStatuses.join(' ')}`);
  });
});
