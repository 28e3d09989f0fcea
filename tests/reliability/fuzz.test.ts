// Issue 12, fuzz: property-based requests (fast-check) against every route of the contract, its
// headers, its query and every field of its bodies, with what breaks naive servers: characters
// PostgreSQL refuses (NUL), lone surrogates, huge and non-finite numbers, JSON nested thousands
// deep, cursors that decode to anything. The property: never a 5xx, every error is problem+json
// whose `status` is the response's, and the server keeps serving. The requests Node's HTTP parser
// refuses before any route runs are sent over a raw socket: a problem+json 400 there too.
// Fast form in `npm test`; CIVICLOOP_RELIABILITY=long runs many more cases.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import fc from 'fast-check';
import { PROBLEM_CONTENT_TYPE, routes, type RouteDef, type RouteId } from '@civicloop/contract';
import { createCouncil, createService, createStaffToken, type RunningServer } from '@civicloop/server';
import { forEachEngine, startTestServer } from '../../packages/server/src/testing/engines.js';
import { rawRequest, size } from './support.js';
import type { LogSink } from '../../packages/server/src/testing/engines.js';

/** Runs a property; a failure names its shortest counterexample briefly (some are 60 KB of JSON). */
async function holds<T>(property: fc.IAsyncPropertyWithHooks<T>, numRuns: number): Promise<void> {
  const out = await fc.check(property, { numRuns });
  if (out.failed) {
    const error = out.errorInstance as Error;
    assert.fail(`after ${out.numRuns} runs (seed ${out.seed}): ${String(error?.message ?? error).slice(0, 900)}${error?.cause ? ` cause: ${String(error.cause)}` : ''}; counterexample ${JSON.stringify(out.counterexample).slice(0, 400)}`);
  }
}

/** Percent-encodes every UTF-16 unit as its bytes, lone surrogates too (encodeURIComponent throws on them). */
const percent = (s: string) => [...s].map((ch) => /[A-Za-z0-9_.~-]/.test(ch) ? ch : [...Buffer.from(ch, 'utf8')].map((b) => '%' + b.toString(16).toUpperCase().padStart(2, '0')).join('')).join('');

const RUNS = size(40, 1500);
const ALL = Object.entries(routes) as [RouteId, RouteDef][];

/** Text PostgreSQL or UTF-8 cannot hold, beside ordinary text of every plane. */
const nastyText = fc.oneof(
  fc.constantFrom('\u0000', '\ud800', '\udfff', '\udc00\ud800', 'a\u0000b', '\uffff', '\u202e', '<script>', "'; DROP TABLE feedback; --", ' ', '\t\n', ''),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: fc.constantFrom('\u0000', '\ud800', 'x', '\udfff', 'é', '𝄞'), maxLength: 12 }),
  fc.string({ maxLength: 3000 }),
);

/** Number literals as JSON text: JSON.stringify cannot write 1e999 or a 40-digit integer. */
const nastyNumber = fc.oneof(
  fc.constantFrom('1e999', '-1e999', '1e-999', '123456789012345678901234567890123456789', '-0', '9007199254740993', '0.1e1', '1E+2'),
  fc.double().filter(Number.isFinite).map(String),
  fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }).map(String),
);

/** JSON nested `depth` deep, as text (building it as a value would blow our own stack first). */
const deepJson = fc.tuple(fc.integer({ min: 1, max: 6000 }), fc.constantFrom('[', '{"a":')).map(([depth, open]) => {
  const close = open === '[' ? ']' : '}';
  return open.repeat(depth) + '1' + close.repeat(depth);
});

/** A JSON value as text: anything JSON can carry, plus the nasty cases above. */
const nastyJson: fc.Arbitrary<string> = fc.oneof(
  nastyText.map((s) => JSON.stringify(s)),
  nastyNumber,
  deepJson,
  fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v)),
  fc.constantFrom('null', 'true', '[]', '{}', '{"__proto__":{"x":1}}', '{"constructor":{"prototype":{}}}'),
);

/** A body: the route's own example with one field replaced, a field added, or something else entirely. */
function bodyFor(route: RouteDef): fc.Arbitrary<string> {
  const example = (route.bodyExample ?? {}) as Record<string, unknown>;
  const keys = Object.keys(example);
  const replaceOne = keys.length
    ? fc.tuple(fc.constantFrom(...keys), nastyJson).map(([key, value]) => {
        const parts = Object.entries(example).map(([k, v]) => `${JSON.stringify(k)}:${k === key ? value : JSON.stringify(v)}`);
        return `{${parts.join(',')}}`;
      })
    : nastyJson;
  // A field the contract ignores, carrying anything (deep nesting there once answered 500).
  const addOne = fc.tuple(fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom('ignored', '__proto__', 'proof')), nastyJson).map(
    ([key, value]) => `{${[...Object.entries(example).map(([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(v)}`), `${JSON.stringify(key)}:${value}`].join(',')}}`,
  );
  return fc.oneof(replaceOne, addOne, nastyJson, fc.string({ maxLength: 50 }), fc.constant(''));
}

/** Header values fetch can send (no CR, LF or NUL): the rest goes over the raw socket below. */
const headerValue = fc.oneof(
  // What undici lets through: visible ASCII, space and tab inside, obs-text (0x80-0xff); no DEL, no edge whitespace.
  fc.string({ unit: fc.integer({ min: 0x20, max: 0xff }).filter((c) => c !== 0x7f).map((c) => String.fromCharCode(c)), maxLength: 300 }).map((v) => v.trim()),
  fc.constantFrom('', ' ', 'Bearer ', 'Bearer x', 'Bearer ' + 'a'.repeat(5000), '"x"', 'W/"x"', '*', 'application/json; charset=latin1', 'application/json;;', 'null', '::1', '0.0.0.0, 1.1.1.1'),
);
const HEADERS = ['idempotency-key', 'if-none-match', 'authorization', 'content-type', 'origin', 'x-forwarded-for', 'accept', 'accept-encoding', 'x-request-id', 'accept-language'];

/** A query value: nasty text, numbers, and base64url cursors of anything (NUL, surrogates, deep JSON). */
const queryValue = fc.oneof(
  nastyText,
  nastyNumber,
  nastyJson.map((json) => Buffer.from(json, 'utf8').toString('base64url')),
  fc.constantFrom('AA', 'WyJcdTAwMDAiXQ', 'W1siXHUwMDAwIl1d', '', '-1', '0', '1e3', 'NaN', '2024-02-30', '9999-12-31', '0000-01-01'),
);

/** The server's error log lines: the cause of a 5xx, for the failure message. */
const failures: LogSink = [];
const cause = () => {
  const error = failures.findLast((e) => e['level'] === 'error' && e['msg'] !== 'request');
  return error ? ` (log: ${JSON.stringify(error['error'] ?? error['detail'] ?? error).slice(0, 400)})` : '';
};

interface Answer {
  status: number;
  type: string;
  text: string;
}

/** The property every answer must hold: no 5xx, and an error is a problem whose status is the response's. */
function checkAnswer(what: string, a: Answer): void {
  what = what.slice(0, 160);
  assert.ok(a.status < 500, `${a.status}${cause()} for ${what}`);
  if (a.status >= 400) {
    assert.equal(a.type, PROBLEM_CONTENT_TYPE, `${what}: ${a.status} as ${a.type}`);
    const problem = JSON.parse(a.text) as { type?: unknown; status?: unknown; title?: unknown };
    assert.equal(typeof problem.type, 'string', what);
    assert.equal(typeof problem.title, 'string', what);
    assert.equal(problem.status, a.status, what);
  }
}

forEachEngine((engine) => {
  let server: RunningServer;
  let token: string;
  const ids: Record<string, string> = {};
  let cases = 0;

  before(async () => {
    // Rate limits high enough that the fuzz reaches the handlers instead of the 429.
    server = await startTestServer(engine, { limits: { feedbackPerClientPerHour: 1e6, feedbackPerCouncilPerHour: 1e6, signInsPerClientPerHour: 1e6, signInsPerCouncilPerHour: 1e6 } }, failures);
    await createCouncil(server.db, { slug: 'fuzzton', name: 'Fuzzton', origins: ['https://fuzzton.example'] });
    await createService(server.db, { council: 'fuzzton', id: 'libraries', name: { en: 'Libraries' }, category: 'culture' });
    token = await createStaffToken(server.db, { council: 'fuzzton', role: 'admin' });
    const auth = { 'content-type': 'application/json', authorization: `Bearer ${token}` };
    const input = await fetch(`${server.url}/v1/councils/fuzzton/staff/feedback`, { method: 'POST', headers: auth, body: JSON.stringify({ kind: 'idea', text: 'x', channel: 'phone' }) });
    const created = (await input.json()) as { id: string; receipt: string };
    ids['id'] = created.id;
    ids['receipt'] = created.receipt;
    const theme = await fetch(`${server.url}/v1/councils/fuzzton/staff/themes`, { method: 'POST', headers: auth, body: JSON.stringify({ title: 't', youSaid: 'y', locale: 'en' }) });
    ids['theme'] = ((await theme.json()) as { id: string }).id;
  });
  after(async () => {
    // The server kept serving through all of it, and answered nothing the contract forbids (close() checks).
    const health = await fetch(`${server.url}/healthz`);
    assert.equal(health.status, 200);
    await server.close();
  });

  const pathOf = (route: RouteDef, override: Record<string, string> = {}) =>
    route.path.replace(/\{(\w+)\}/g, (_, n: string) =>
      override[n] ?? (n === 'council' ? 'fuzzton' : n === 'receipt' ? ids['receipt']! : route.path.includes('/themes/') ? ids['theme']! : ids['id']!),
    );

  async function send(what: string, path: string, init: RequestInit): Promise<void> {
    const res = await fetch(server.url + path, init);
    checkAnswer(what, { status: res.status, type: res.headers.get('content-type') ?? '', text: await res.text() });
    cases++;
  }
  const baseHeaders = (route: RouteDef): Record<string, string> => ({
    ...(route.body ? { 'content-type': 'application/json' } : {}),
    ...(route.auth === 'staff' ? { authorization: `Bearer ${token}` } : {}),
  });

  test('bodies: every route with a body, any field replaced or added, with or without an Idempotency-Key', async () => {
    const withBody = ALL.filter(([, r]) => r.body);
    assert.ok(withBody.length >= 7);
    for (const [id, route] of withBody) {
      await holds(
        fc.asyncProperty(bodyFor(route), fc.option(fc.string({ minLength: 16, maxLength: 64, unit: fc.constantFrom(...'abcdef0123456789-') })), async (body, key) => {
          const headers = baseHeaders(route);
          if (key && route.idempotent) headers['idempotency-key'] = key;
          await send(`${id} body ${body.slice(0, 200)}`, pathOf(route), { method: route.method.toUpperCase(), headers, body });
        }),
        RUNS,
      );
    }
  });

  test('query strings: every route, known and unknown parameters, cursors that decode to anything', async () => {
    for (const [id, route] of ALL) {
      const names = [...Object.keys(route.query?.shape ?? {}), 'x', 'cursor'];
      await holds(
        fc.asyncProperty(fc.dictionary(fc.constantFrom(...names), queryValue, { maxKeys: 3 }), async (query) => {
          const qs = new URLSearchParams(query).toString();
          const body = route.body ? JSON.stringify(route.bodyExample) : undefined;
          await send(`${id} ?${qs.slice(0, 200)}`, `${pathOf(route)}?${qs}`, { method: route.method.toUpperCase(), headers: baseHeaders(route), body });
        }),
        Math.ceil(RUNS / 2),
      );
    }
  });

  test('path segments: every parameter of every route replaced by anything, percent-encoded', async () => {
    for (const [id, route] of ALL) {
      const names = [...route.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
      if (!names.length) continue;
      await holds(
        fc.asyncProperty(fc.constantFrom(...names), fc.oneof(nastyText, fc.constantFrom('%00', '%ED%A0%80', '%C3%28', '..', '%2e%2e', '%2F', 'a'.repeat(3000))), async (name, value) => {
          const encoded = /%[0-9A-F]{2}/.test(value) ? value : percent(value);
          await send(`${id} {${name}}=${value.slice(0, 100)}`, pathOf(route, { [name]: encoded }), { method: route.method.toUpperCase(), headers: baseHeaders(route), body: route.body ? JSON.stringify(route.bodyExample) : undefined });
        }),
        Math.ceil(RUNS / 2),
      );
    }
  });

  test('headers: every header the server reads, any value fetch can carry, on every route', async () => {
    await holds(
      fc.asyncProperty(fc.constantFrom(...ALL.map(([id]) => id)), fc.dictionary(fc.constantFrom(...HEADERS), headerValue, { maxKeys: 4 }), async (id, extra) => {
        const route: RouteDef = routes[id];
        const headers = { ...baseHeaders(route), ...extra };
        await send(`${id} headers ${JSON.stringify(extra).slice(0, 300)}`, pathOf(route), { method: route.method.toUpperCase(), headers, body: route.body ? JSON.stringify(route.bodyExample) : undefined });
      }),
      RUNS * 3,
    );
  });

  test('the two 500s of issue 12 stay fixed: a cursor that decodes to NUL, JSON nested 5,000 deep in an ignored field', async () => {
    // A NUL as a key part of the JSON cursors, a NUL byte as the services' plain cursor, and both on every list.
    const nuls = [Buffer.from(JSON.stringify(['\u0000', '\u0000']), 'utf8').toString('base64url'), Buffer.from(JSON.stringify(['2024-01-01T00:00:00.000Z', '\u0000']), 'utf8').toString('base64url'), 'AA', 'AGE'];
    for (const path of ['/v1/councils/fuzzton/staff/feedback', '/v1/councils/fuzzton/staff/themes', '/v1/councils/fuzzton/themes', '/v1/councils/fuzzton/services', '/v1/councils/fuzzton/staff/audit']) {
      for (const nul of nuls) {
        const res = await fetch(`${server.url}${path}?cursor=${nul}`, { headers: { authorization: `Bearer ${token}` } });
        // The services' cursor is an id: a JSON text is a (strange) id there, and after it comes nothing.
        if (path.endsWith('/services') && nul.length > 4) assert.equal(res.status, 200, `${path} ${nul}`);
        else assert.equal(res.status, 422, `${path} ${nul}`);
        if (res.status === 422) assert.equal(res.headers.get('content-type'), PROBLEM_CONTENT_TYPE);
      }
    }
    const deep = '['.repeat(5000) + ']'.repeat(5000);
    const res = await fetch(`${server.url}/v1/councils/fuzzton/feedback`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': 'deep-nesting-0123456789' },
      body: `{"kind":"idea","text":"Nested deep","ignored":${deep}}`,
    });
    assert.equal(res.status, 201, await res.clone().text());
    // The same key and the same meaning again: the stored answer, not a 500 or a mismatch.
    const again = await fetch(`${server.url}/v1/councils/fuzzton/feedback`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': 'deep-nesting-0123456789' },
      body: `{"kind":"idea","text":"Nested deep","ignored":${deep}}`,
    });
    assert.equal(again.status, 201);
    assert.equal(again.headers.get('idempotency-replayed'), 'true');
  });

  test("requests Node's HTTP parser refuses: a problem+json 400 (431 for huge headers), and the server keeps serving", async () => {
    const host = new URL(server.url).host;
    const bad = [
      `POST /v1/councils/fuzzton/feedback HTTP/1.1\r\nHost: ${host}\r\nContent-Type: application/json\r\nContent-Length: abc\r\n\r\n{}`,
      `POST /v1/councils/fuzzton/feedback HTTP/1.1\r\nHost: ${host}\r\nContent-Length: 2\r\nContent-Length: 3\r\n\r\n{}`,
      `POST /v1/councils/fuzzton/feedback HTTP/1.1\r\nHost: ${host}\r\nContent-Length: -1\r\n\r\n`,
      `POST /v1/councils/fuzzton/feedback HTTP/1.1\r\nHost: ${host}\r\nContent-Length: 2\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n`,
      `GET /v1/councils/fuzzton HTTP/1.1\r\nHost: ${host}\r\nX-Bad: a\u0001b\r\n\r\n`,
      `GET /v1/councils/fuzzton HTTP/1.1\r\nHost: ${host}\r\nX-Bad: a\u0000b\r\n\r\n`,
      `GET /v1/councils\\fuzzton HTTP/1.1\r\nHost: ${host}\r\n\r\n`,
      `GET /v1/coun cils HTTP/1.1\r\nHost: ${host}\r\n\r\n`,
      `G@T /v1/health HTTP/1.1\r\nHost: ${host}\r\n\r\n`,
      `GET /v1/health HTTP/9.9\r\nHost: ${host}\r\n\r\n`,
      `GET /v1/health HTTP/1.1\r\nHost: ${host}\r\nBad Header: x\r\n\r\n`,
      `GET /v1/health HTTP/1.1\r\nHost: ${host}\r\nX: ${'a'.repeat(20_000)}\r\n\r\n`,
    ];
    for (const request of bad) {
      const what = JSON.stringify(request.slice(0, 90));
      const answer = await rawRequest(server.url, Buffer.from(request, 'latin1'));
      assert.ok(answer.status === 400 || answer.status === 431, `${what}: ${answer.status}`);
      checkAnswer(what, { status: answer.status, type: answer.headers['content-type'] ?? '', text: answer.body });
      cases++;
    }
    assert.equal((await fetch(`${server.url}/healthz`)).status, 200);
  });

  test('how many requests were sent', () => {
    // A property that generated nothing would pass silently: count them.
    assert.ok(cases > RUNS * 10, `${cases} requests`);
    console.log(`fuzz [${engine.name}]: ${cases} requests, none answered 5xx`);
  });
});
