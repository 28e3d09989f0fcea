// The zod-free transport against real local HTTP servers (node:http): retries by each
// endpoint's retry class, no validation unless asked, and the `validate` hook.
import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, test } from 'node:test';
import type { Endpoint } from '@civicloop/contract/endpoints';
import { createFeedback as createFeedbackEndpoint, getCouncil as getCouncilEndpoint } from '@civicloop/contract/endpoints';
import { createClient, createFeedback, createTransport, getCouncil, isContractError, isNetworkError, listServices } from './index.js';

interface Seen {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
}

async function serve(handler: (req: IncomingMessage, res: ServerResponse, attempt: number) => void) {
  const seen: Seen[] = [];
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers });
      handler(req, res, seen.length);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    seen,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function json(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { 'content-type': status >= 400 ? 'application/problem+json' : 'application/json' });
  res.end(JSON.stringify(body));
}

const unavailable = { type: 'urn:civicloop:problem:service-unavailable', title: 'Service unavailable', status: 503 };
const created = { id: 'f1', receipt: 'K7QX-M2PA-9R', status: 'received', createdAt: '2025-01-02T03:04:05Z' };
const fast = { limit: 2, backoffLimit: 20 };

describe('retries by retry class', () => {
  test('a `never` endpoint is sent once, whatever the retry limit', async (t) => {
    const api = await serve((_req, res) => json(res, 503, unavailable));
    t.after(api.close);
    const never: Endpoint = { method: 'post', path: '/v1/councils/{council}/votes', tag: 'feedback', auth: 'public', retry: 'never' };
    const transport = createTransport({ baseUrl: api.url, council: 'demo', retry: fast });
    await assert.rejects(transport.call('createChallenge', never), { name: 'ApiError', status: 503 });
    assert.equal(api.seen.length, 1);
    assert.equal(api.seen[0]?.headers['idempotency-key'], undefined, 'only keyed endpoints carry a key');
  });

  test('a `keyed` endpoint is retried with the same Idempotency-Key; a `safe` one is retried too', async (t) => {
    const api = await serve((req, res, attempt) =>
      attempt % 2 === 1 ? json(res, 503, unavailable) : json(res, req.method === 'POST' ? 201 : 200, req.method === 'POST' ? created : { ok: true }),
    );
    t.after(api.close);
    const transport = createTransport({ baseUrl: api.url, council: 'demo', retry: fast });
    await transport.call('createFeedback', createFeedbackEndpoint, { body: { kind: 'idea', text: 'x' } });
    await transport.call('getCouncil', getCouncilEndpoint);
    assert.deepEqual(api.seen.map((r) => r.method), ['POST', 'POST', 'GET', 'GET']);
    assert.match(String(api.seen[0]?.headers['idempotency-key']), /^[0-9a-f-]{36}$/);
    assert.equal(api.seen[0]?.headers['idempotency-key'], api.seen[1]?.headers['idempotency-key']);
  });

  test('a status the contract calls final is not retried even when listed in statusCodes', async (t) => {
    const api = await serve((_req, res) => json(res, 404, { type: 'urn:civicloop:problem:not-found', title: 'Not found', status: 404 }));
    t.after(api.close);
    const transport = createTransport({ baseUrl: api.url, council: 'demo', retry: { ...fast, statusCodes: [404, 503] } });
    await assert.rejects(getCouncil(transport), { name: 'ApiError', status: 404 });
    assert.equal(api.seen.length, 1);
  });
});

describe('validation', () => {
  test('without `validate` a 2xx body is returned as parsed JSON, unchecked', async (t) => {
    const odd = { slug: 'demo', teleport: true };
    const api = await serve((_req, res) => json(res, 200, odd));
    t.after(api.close);
    assert.deepEqual(await getCouncil(createTransport({ baseUrl: api.url, council: 'demo' })), odd);
    assert.deepEqual(await createClient({ baseUrl: api.url, council: 'demo', validate: false }).getCouncil(), odd);
    await assert.rejects(createClient({ baseUrl: api.url, council: 'demo' }).getCouncil(), { name: 'ContractError' });
  });

  test('the `validate` hook sees id, status and body; its issues become a ContractError naming the request', async (t) => {
    const api = await serve((_req, res) => json(res, 201, created));
    t.after(api.close);
    const calls: unknown[][] = [];
    const transport = createTransport({
      baseUrl: api.url,
      council: 'demo',
      validate: (...args) => {
        calls.push(args);
        throw Object.assign(new Error('no'), { issues: [{ path: '/receipt', message: 'Wrong format', code: 'invalid_format' }] });
      },
    });
    const error = await createFeedback(transport, { kind: 'idea', text: 'x' }).catch((e: unknown) => e);
    assert.deepEqual(calls, [['createFeedback', 201, created]]);
    assert.ok(isContractError(error));
    assert.deepEqual(error.issues, [{ path: '/receipt', message: 'Wrong format', code: 'invalid_format' }]);
    assert.equal(error.message, 'POST /v1/councils/demo/feedback returned 201 with a body that breaks the contract: /receipt: Wrong format');
  });

  test('what `validate` returns is what the caller gets', async (t) => {
    const api = await serve((_req, res) => json(res, 200, { items: [], nextCursor: null }));
    t.after(api.close);
    const transport = createTransport({ baseUrl: api.url, council: 'demo', validate: (_id, _status, body) => ({ ...(body as object), checked: true }) });
    assert.deepEqual(await listServices(transport), { items: [], nextCursor: null, checked: true });
  });
});

describe('blocked', () => {
  test('outside a browser a lost connection is never `blocked`, and no probe is sent', async (t) => {
    const api = await serve((req) => req.socket.destroy());
    t.after(api.close);
    const error = await getCouncil(createTransport({ baseUrl: api.url, council: 'demo', retry: 0 })).catch((e: unknown) => e);
    assert.ok(isNetworkError(error));
    assert.equal(error.blocked, false);
    assert.equal(api.seen.length, 1, 'one attempt, no probe');
    assert.match(error.message, /the server could not be reached/);
  });
});

describe('blocked, on a page with an opaque origin', () => {
  test('a page whose origin is `null` (file:, sandboxed iframe) is blocked at once, without a probe', async (t) => {
    const api = await serve((req) => req.socket.destroy());
    t.after(api.close);
    // What a page opened from a file sees; the transport reads the page's origin from `location`.
    const g = globalThis as { location?: unknown };
    g.location = { origin: 'null', protocol: 'file:' };
    t.after(() => delete g.location);
    const error = await getCouncil(createTransport({ baseUrl: api.url, council: 'demo', retry: 0 })).catch((e: unknown) => e);
    assert.ok(isNetworkError(error));
    assert.equal(error.blocked, true);
    assert.equal(api.seen.length, 1, 'one attempt, no probe');
    assert.match(error.message, /does not let this page read the answer/);
    assert.deepEqual(Object.keys(error).sort(), ['blocked', 'method', 'name', 'url'], 'a logged blocked error says so');
  });

  test('a sandboxed frame, whose URL has an origin but which itself has none (`self.origin` is "null"), is blocked at once too', async (t) => {
    const api = await serve((req) => req.socket.destroy());
    t.after(api.close);
    const g = globalThis as { location?: unknown; origin?: unknown };
    g.location = { origin: 'https://www.council.example', protocol: 'https:' };
    g.origin = 'null';
    t.after(() => {
      delete g.location;
      delete g.origin;
    });
    const error = await getCouncil(createTransport({ baseUrl: api.url, council: 'demo', retry: 0 })).catch((e: unknown) => e);
    assert.ok(isNetworkError(error));
    assert.equal(error.blocked, true);
    assert.equal(api.seen.length, 1, 'one attempt, no probe');
  });
});
