// The HTTP surface of issue 2 over real HTTP: problems, caching, CORS, headers, logs, health, OpenAPI.
import assert from 'node:assert/strict';
import { request as httpRequest } from 'node:http';
import { after, before, test } from 'node:test';
import { CouncilConfig, PROBLEM_TYPES, Problem, ServiceList } from '@civicloop/contract';
import { buildOpenApi } from '@civicloop/contract/openapi';
import * as z from 'zod/mini';
import { createCouncil } from './councils.js';
import { startServer } from './server.js';
import type { RunningServer } from './server.js';
import { createService } from './services.js';
import { forEachEngine, startTestServer, type LogSink } from './testing/engines.js';

const ORIGIN = 'https://www.harbourtown.example';

async function problemOf(res: Response, status: number, type?: string): Promise<Problem> {
  assert.equal(res.status, status, `expected ${status}, got ${res.status}`);
  assert.match(res.headers.get('content-type') ?? '', /^application\/problem\+json/);
  const body = z.parse(Problem, await res.json());
  assert.equal(body.status, status);
  if (type) assert.equal(body.type, type);
  return body;
}

forEachEngine((engine) => {
  let server: RunningServer;
  const logs: LogSink = [];
  let failNext: Error | undefined;
  const post = (path: string, body: string, headers: Record<string, string> = { 'content-type': 'application/json' }) =>
    fetch(server.url + path, { method: 'POST', headers, body });

  before(async () => {
    server = await startTestServer(
      engine,
      {
        beforeHandle: () => {
          const error = failNext;
          failNext = undefined;
          if (error) throw error;
        },
      },
      logs,
    );
    await createCouncil(server.db, { slug: 'harbourtown', name: 'Harbourtown', origins: [ORIGIN], locales: ['en', 'sv'], defaultLocale: 'sv' });
    for (const [id, en] of [['ferries', 'Ferries'], ['harbour-baths', 'Harbour baths'], ['schools', 'Schools']] as const) {
      await createService(server.db, { council: 'harbourtown', id, name: { en }, category: 'communal' });
    }
  });
  after(() => server.close());

  test('GET council config matches the contract', async () => {
    const res = await fetch(`${server.url}/v1/councils/harbourtown`);
    assert.equal(res.status, 200);
    const config = z.parse(CouncilConfig, await res.json());
    assert.equal(config.defaultLocale, 'sv');
    assert.deepEqual(config.locales, ['en', 'sv']);
  });

  test('services page by page with a cursor, and a foreign cursor is 422', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res: Response = await fetch(`${server.url}/v1/councils/harbourtown/services?limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      assert.equal(res.status, 200);
      const page = z.parse(ServiceList, await res.json());
      assert.ok(page.items.length <= 2);
      seen.push(...page.items.map((s) => s.id));
      cursor = page.nextCursor;
    } while (cursor);
    assert.deepEqual(seen, ['ferries', 'harbour-baths', 'schools']);
    await problemOf(await fetch(`${server.url}/v1/councils/harbourtown/services?cursor=***`), 422, PROBLEM_TYPES.validation);
    const bad = await problemOf(await fetch(`${server.url}/v1/councils/harbourtown/services?limit=1000`), 422);
    assert.equal(bad.errors?.[0]?.path, '/limit');
  });

  test('public GETs send ETag and Cache-Control; If-None-Match gives 304', async () => {
    const first = await fetch(`${server.url}/v1/councils/harbourtown/services`);
    const etag = first.headers.get('etag');
    assert.ok(etag);
    assert.match(first.headers.get('cache-control') ?? '', /max-age=\d+/);
    const again = await fetch(`${server.url}/v1/councils/harbourtown/services`, { headers: { 'if-none-match': etag } });
    assert.equal(again.status, 304);
    assert.equal(again.headers.get('etag'), etag);
    assert.equal(await again.text(), '');
    const other = await fetch(`${server.url}/v1/councils/harbourtown/services`, { headers: { 'if-none-match': '"something-else"' } });
    assert.equal(other.status, 200);
    // A changed resource gets a new tag.
    await createService(server.db, { council: 'harbourtown', id: 'zz-new', name: { en: 'New' }, category: 'other' });
    const changed = await fetch(`${server.url}/v1/councils/harbourtown/services`, { headers: { 'if-none-match': etag } });
    assert.equal(changed.status, 200);
    assert.notEqual(changed.headers.get('etag'), etag);
  });

  test("a 304 to a listed origin still lets it read the answer (CORS headers kept)", async () => {
    const first = await fetch(`${server.url}/v1/councils/harbourtown`, { headers: { origin: ORIGIN } });
    const tag = first.headers.get('etag');
    assert.ok(tag);
    const again = await fetch(`${server.url}/v1/councils/harbourtown`, { headers: { origin: ORIGIN, 'if-none-match': tag } });
    assert.equal(again.status, 304);
    assert.equal(again.headers.get('access-control-allow-origin'), ORIGIN);
    assert.match(again.headers.get('vary') ?? '', /Origin/);
    assert.match(again.headers.get('cache-control') ?? '', /max-age/);
  });

  test('unknown council and unknown route are 404 problems', async () => {
    await problemOf(await fetch(`${server.url}/v1/councils/nowhere`), 404, PROBLEM_TYPES.notFound);
    // A path that can never name a council says why, the typo an integrator makes first included.
    const malformed = await problemOf(await fetch(`${server.url}/v1/councils/Not_A_Slug/services`), 404, PROBLEM_TYPES.notFound);
    assert.match(malformed.detail ?? '', /"Not_A_Slug".*lowercase letters, digits and single hyphens/);
    const capital = await problemOf(await fetch(`${server.url}/v1/councils/Harbourtown`), 404, PROBLEM_TYPES.notFound);
    assert.match(capital.detail ?? '', /Did you mean "harbourtown"\?/);
    const longId = await problemOf(await fetch(`${server.url}/v1/councils/harbourtown/themes/${'x'.repeat(65)}`), 404, PROBLEM_TYPES.notFound);
    assert.match(longId.detail ?? '', /cannot be the \{id\} of this path: .*64/);
    await problemOf(await post('/v1/councils/nowhere/feedback', '{"kind":"idea","text":"x"}'), 404);
    await problemOf(await fetch(`${server.url}/v2/whatever`), 404, PROBLEM_TYPES.notFound);
  });

  test('malformed JSON is 400', async () => {
    await problemOf(await post('/v1/councils/harbourtown/feedback', '{"kind": "idea", '), 400, PROBLEM_TYPES.malformedJson);
    await problemOf(await post('/v1/councils/harbourtown/feedback', ''), 400, PROBLEM_TYPES.malformedJson);
    // Bytes that are not UTF-8 are named as such, not as broken JSON.
    const latin1 = await fetch(`${server.url}/v1/councils/harbourtown/feedback`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: new Uint8Array([...Buffer.from('{"kind":"idea","text":"caf'), 0xe9, ...Buffer.from('"}')]),
    });
    assert.match((await problemOf(latin1, 400, PROBLEM_TYPES.malformedJson)).detail ?? '', /not UTF-8/);
  });

  test('wrong or missing content type is 415', async () => {
    const body = '{"kind":"idea","text":"More benches"}';
    await problemOf(await post('/v1/councils/harbourtown/feedback', body, { 'content-type': 'text/plain' }), 415, PROBLEM_TYPES.unsupportedMediaType);
    await problemOf(await post('/v1/councils/harbourtown/feedback', body, { 'content-type': 'application/x-www-form-urlencoded' }), 415);
    const missing = await fetch(`${server.url}/v1/councils/harbourtown/feedback`, { method: 'POST', body: new Blob([body]) });
    await problemOf(missing, 415);
    // JSON in another charset, or compressed: 415 saying which, not "send JSON" or "malformed".
    const latin = await problemOf(await post('/v1/councils/harbourtown/feedback', body, { 'content-type': 'application/json; charset=iso-8859-1' }), 415);
    assert.match(latin.detail ?? '', /UTF-8.*not charset=iso-8859-1/);
    const gzipped = await post('/v1/councils/harbourtown/feedback', body, { 'content-type': 'application/json', 'content-encoding': 'gzip' });
    assert.match((await problemOf(gzipped, 415, PROBLEM_TYPES.unsupportedMediaType)).detail ?? '', /without a Content-Encoding \(not gzip\)/);
  });

  test('a body over 64 KB is 413, by its Content-Length', async () => {
    const big = JSON.stringify({ kind: 'idea', text: 'x'.repeat(70_000) });
    await problemOf(await post('/v1/councils/harbourtown/feedback', big), 413, PROBLEM_TYPES.tooLarge);
  });

  test('a body over 64 KB is 413 when streamed without a Content-Length', async () => {
    const status = await new Promise<number>((resolve, reject) => {
      const req = httpRequest(`${server.url}/v1/councils/harbourtown/feedback`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked' },
      });
      req.on('response', (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      req.write('{"kind":"idea","text":"');
      for (let i = 0; i < 20; i++) req.write('y'.repeat(4096));
      req.end('"}');
    });
    assert.equal(status, 413);
  });

  test('schema violations are 422 with JSON Pointer paths', async () => {
    const res = await post('/v1/councils/harbourtown/feedback', JSON.stringify({ kind: 'rant', text: 'ok', rating: 9, contact: 'not-an-email' }));
    const problem = await problemOf(res, 422, PROBLEM_TYPES.validation);
    const paths = problem.errors?.map((e) => e.path).sort();
    assert.deepEqual(paths, ['/contact', '/kind', '/rating']);
    for (const e of problem.errors ?? []) assert.ok(e.message.length > 0 && e.code.length > 0);
    const unknownService = await problemOf(await post('/v1/councils/harbourtown/feedback', JSON.stringify({ kind: 'idea', text: 'ok', service: 'nope' })), 422);
    assert.equal(unknownService.errors?.[0]?.path, '/service');
    await problemOf(await post('/v1/councils/harbourtown/feedback', '[1,2]'), 422);
  });

  test('an Idempotency-Key over 255 characters is 422', async () => {
    const res = await post('/v1/councils/harbourtown/feedback', '{"kind":"idea","text":"ok"}', {
      'content-type': 'application/json',
      'idempotency-key': 'k'.repeat(256),
    });
    await problemOf(res, 422, PROBLEM_TYPES.validation);
  });

  test('a server fault is a 500 problem without stack trace or message, logged with the request id', async () => {
    failNext = new Error('database exploded: secret internals');
    const res = await post('/v1/councils/harbourtown/feedback', '{"kind":"idea","text":"ok"}');
    const text = await res.clone().text();
    const problem = await problemOf(res, 500, PROBLEM_TYPES.internal);
    assert.doesNotMatch(text, /secret internals|at .*\.ts:\d+|Error:/);
    const reqId = res.headers.get('x-request-id');
    assert.ok(reqId);
    assert.equal(problem.instance, `urn:civicloop:request:${reqId}`);
    const logged = logs.find((e) => e['msg'] === 'unhandled error' && e['reqId'] === reqId);
    assert.ok(logged, 'the fault is logged server-side');
    assert.match(JSON.stringify(logged), /secret internals/);
  });

  test("a client's X-Request-Id is not taken for ours (only a trusted proxy's is)", async () => {
    const res = await fetch(`${server.url}/healthz`, { headers: { 'x-request-id': 'chosen-by-client' } });
    const id = res.headers.get('x-request-id');
    assert.ok(id && id !== 'chosen-by-client');
    assert.ok(logs.some((e) => e['reqId'] === id));
  });

  test('security headers on API answers, problems included', async () => {
    for (const res of [await fetch(`${server.url}/v1/councils/harbourtown`), await fetch(`${server.url}/nope`), await fetch(`${server.url}/healthz`)]) {
      assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
      assert.equal(res.headers.get('referrer-policy'), 'no-referrer');
      assert.equal(res.headers.get('x-frame-options'), 'DENY');
      assert.match(res.headers.get('content-security-policy') ?? '', /frame-ancestors 'none'/);
    }
  });

  test('CORS: a listed origin may read and preflight; any other gets no CORS headers', async () => {
    const ok = await fetch(`${server.url}/v1/councils/harbourtown`, { headers: { origin: ORIGIN } });
    assert.equal(ok.headers.get('access-control-allow-origin'), ORIGIN);
    assert.match(ok.headers.get('vary') ?? '', /Origin/);
    assert.match(ok.headers.get('access-control-expose-headers') ?? '', /Idempotency-Replayed/);
    // The anti-abuse contract's headers are readable by the embedding page, not only by servers.
    assert.match(ok.headers.get('access-control-expose-headers') ?? '', /RateLimit-Policy/);

    const evil = await fetch(`${server.url}/v1/councils/harbourtown`, { headers: { origin: 'https://evil.example' } });
    assert.equal(evil.status, 200);
    assert.equal(evil.headers.get('access-control-allow-origin'), null);
    assert.match(evil.headers.get('vary') ?? '', /Origin/);

    const preflight = (origin: string) =>
      fetch(`${server.url}/v1/councils/harbourtown/feedback`, {
        method: 'OPTIONS',
        headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type, idempotency-key' },
      });
    const good = await preflight(ORIGIN);
    assert.equal(good.status, 204);
    assert.equal(good.headers.get('access-control-allow-origin'), ORIGIN);
    assert.match(good.headers.get('access-control-allow-methods') ?? '', /POST/);
    assert.match(good.headers.get('access-control-allow-headers') ?? '', /Idempotency-Key/);
    const bad = await preflight('https://evil.example');
    // No CORS header at all (CONTRACT.md), not even the ones that say what the API accepts.
    assert.deepEqual([...bad.headers.keys()].filter((h) => h.startsWith('access-control-')), []);
    assert.deepEqual([...evil.headers.keys()].filter((h) => h.startsWith('access-control-')), []);
  });

  test('CORS: any page may read that a council does not exist', async () => {
    const origin = 'https://typo.example';
    const preflight = await fetch(`${server.url}/v1/councils/no-such-council/feedback`, {
      method: 'OPTIONS',
      headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
    });
    assert.equal(preflight.headers.get('access-control-allow-origin'), origin);
    const res = await fetch(`${server.url}/v1/councils/no-such-council`, { headers: { origin } });
    assert.equal(res.status, 404);
    assert.equal(res.headers.get('access-control-allow-origin'), origin);
  });

  test('healthz is 200 with the database reachable', async () => {
    const res = await fetch(`${server.url}/healthz`);
    assert.equal(res.status, 200);
    assert.deepEqual(await res.json(), { status: 'ok', database: 'ok' });
  });

  test('healthz is 503 once the database is gone', async () => {
    const other = await startTestServer(engine);
    try {
      await other.db.close();
      const res = await fetch(`${other.url}/healthz`);
      assert.equal(res.status, 503);
      assert.deepEqual(await res.json(), { status: 'degraded', database: 'unreachable' });
    } finally {
      await other.close();
    }
  });

  test('the OpenAPI document served is the one built from the contract', async () => {
    const res = await fetch(`${server.url}/v1/openapi.json`);
    assert.equal(res.status, 200);
    assert.deepEqual(await res.json(), JSON.parse(JSON.stringify(buildOpenApi())));
  });

  test('request logs hold the route pattern and no personal data', async () => {
    const marker = 'My neighbour Jan Kowalski at 12 Quay Street';
    const res = await post('/v1/councils/harbourtown/feedback?utm=tracking-value', JSON.stringify({ kind: 'problem', text: marker, contact: 'jan@example.org' }));
    assert.equal(res.status, 201);
    const { receipt } = (await res.json()) as { receipt: string };
    const reqId = res.headers.get('x-request-id');
    const line = logs.find((e) => e['reqId'] === reqId);
    assert.ok(line);
    assert.equal(line['route'], '/v1/councils/{council}/feedback');
    assert.equal(line['status'], 201);
    assert.equal(line['method'], 'POST');
    assert.equal(typeof line['ms'], 'number');
    const all = JSON.stringify(logs);
    for (const secret of [marker, 'jan@example.org', receipt, receipt.replaceAll('-', ''), 'tracking-value', '127.0.0.1', 'harbourtown']) {
      assert.ok(!all.includes(secret), `logs must not contain ${secret}`);
    }
  });

  test('test mode: a reply the contract does not allow is a 500, logged with what broke', async () => {
    const own: LogSink = [];
    const other = await startServer({ port: 0, validateResponses: true, purgeEveryMs: false, log: (e) => void own.push(e), ...engine.storage() });
    try {
      await createCouncil(other.db, { slug: 'brokenton', name: 'Brokenton', origins: [] });
      assert.equal((await fetch(`${other.url}/v1/councils/brokenton`)).status, 200);
      // A row the contract cannot describe (an empty name) must not reach a client unnoticed.
      await other.db.query("UPDATE councils SET name = '' WHERE slug = 'brokenton'");
      await problemOf(await fetch(`${other.url}/v1/councils/brokenton`), 500, PROBLEM_TYPES.internal);
      const breach = own.find((e) => e['msg'] === 'response does not match the contract');
      assert.ok(breach);
      assert.match(String(breach['detail']), /getCouncil 200: .*\/name/);
    } finally {
      await other.close();
    }
  });
});
