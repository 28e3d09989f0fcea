// The client against real local HTTP servers (node:http), one per test: real sockets, real
// status codes and headers, no mocked fetch.
import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, test } from 'node:test';
import vm from 'node:vm';
import {
  ApiError,
  ContractError,
  NetworkError,
  SdkError,
  TimeoutError,
  createClient,
  isApiError,
  isContractError,
  isNetworkError,
  isSdkError,
  isTimeoutError,
  parseRetryAfter,
} from './index.js';

interface Seen {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
  at: number;
}

type Handler = (req: IncomingMessage, res: ServerResponse, body: string, attempt: number) => void;

async function serve(handler: Handler) {
  const seen: Seen[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (body += chunk));
    req.on('end', () => {
      seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body, at: Date.now() });
      handler(req, res, body, seen.length);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    seen,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function json(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  res.writeHead(status, { 'content-type': status >= 400 ? 'application/problem+json' : 'application/json', ...headers });
  res.end(JSON.stringify(body));
}

const council = {
  slug: 'demo',
  name: 'Demo Council',
  locales: ['en', 'pl'],
  defaultLocale: 'en',
  texts: { inputUse: { en: 'We read everything.' } },
  limits: { feedbackTextMax: 2000 },
};
const created = { id: 'f1', receipt: 'K7QX-M2PA-9R', status: 'received', createdAt: '2025-01-02T03:04:05Z' };
const feedback = { kind: 'idea', text: 'More benches in the park' } as const;
const validationProblem = {
  type: 'urn:civicloop:problem:validation-failed',
  title: 'Validation failed',
  status: 422,
  errors: [{ path: '/text', message: 'Too short', code: 'too_small' }],
};
const unavailable = { type: 'urn:civicloop:problem:service-unavailable', title: 'Service unavailable', status: 503 };

describe('happy paths', () => {
  test('getCouncil parses the council config from its path', async (t) => {
    const api = await serve((_req, res) => json(res, 200, council));
    t.after(api.close);
    const client = createClient({ baseUrl: api.url, council: 'demo' });
    assert.deepEqual(await client.getCouncil(), council);
    assert.equal(api.seen[0]?.method, 'GET');
    assert.equal(api.seen[0]?.url, '/v1/councils/demo');
  });

  test('a base URL with a path prefix and a trailing slash keeps its prefix', async (t) => {
    const api = await serve((_req, res) => json(res, 200, council));
    t.after(api.close);
    await createClient({ baseUrl: `${api.url}/civicloop/`, council: 'demo' }).getCouncil();
    assert.equal(api.seen[0]?.url, '/civicloop/v1/councils/demo');
  });

  test('listServices sends limit and cursor and leaves out what is not given', async (t) => {
    const page = { items: [{ id: 's1', name: { en: 'Libraries' }, category: 'culture' }], nextCursor: null };
    const api = await serve((_req, res) => json(res, 200, page));
    t.after(api.close);
    const client = createClient({ baseUrl: api.url, council: 'demo' });
    assert.deepEqual(await client.listServices({ limit: 10, cursor: 'abc' }), page);
    await client.listServices({ limit: 5 });
    assert.equal(api.seen[0]?.url, '/v1/councils/demo/services?limit=10&cursor=abc');
    assert.equal(api.seen[1]?.url, '/v1/councils/demo/services?limit=5');
  });

  test('createFeedback posts JSON with a generated Idempotency-Key', async (t) => {
    const api = await serve((_req, res) => json(res, 201, created));
    t.after(api.close);
    const client = createClient({ baseUrl: api.url, council: 'demo' });
    assert.deepEqual(await client.createFeedback(feedback), created);
    const req = api.seen[0]!;
    assert.equal(req.method, 'POST');
    assert.equal(req.headers['content-type'], 'application/json');
    assert.deepEqual(JSON.parse(req.body), feedback);
    assert.match(String(req.headers['idempotency-key']), /^[0-9a-f-]{36}$/);
  });

  test('two calls get two different keys; a caller-given key is sent as is', async (t) => {
    const api = await serve((_req, res) => json(res, 201, created));
    t.after(api.close);
    const client = createClient({ baseUrl: api.url, council: 'demo' });
    await client.createFeedback(feedback);
    await client.createFeedback(feedback);
    await client.createFeedback(feedback, { idempotencyKey: 'my-key-1' });
    assert.notEqual(api.seen[0]?.headers['idempotency-key'], api.seen[1]?.headers['idempotency-key']);
    assert.equal(api.seen[2]?.headers['idempotency-key'], 'my-key-1');
  });

  test('request() exposes status, the key and Idempotency-Replayed', async (t) => {
    const api = await serve((_req, res) => json(res, 201, created, { 'idempotency-replayed': 'true' }));
    t.after(api.close);
    const client = createClient({ baseUrl: api.url, council: 'demo' });
    const result = await client.request('createFeedback', { body: feedback, idempotencyKey: 'k-2' });
    assert.equal(result.status, 201);
    assert.equal(result.idempotencyKey, 'k-2');
    assert.equal(result.replayed, true);
    assert.deepEqual(result.data, created);
  });

  test('client headers are sent; the staff token never goes to public operations', async (t) => {
    const api = await serve((_req, res) => json(res, 200, council));
    t.after(api.close);
    await createClient({ baseUrl: api.url, council: 'demo', token: 'secret', headers: { 'x-trace': 't1' } }).getCouncil();
    assert.equal(api.seen[0]?.headers['x-trace'], 't1');
    assert.equal(api.seen[0]?.headers['authorization'], undefined);
  });

  test('an out-of-bounds idempotency key is refused before anything is sent', async (t) => {
    const api = await serve((_req, res) => json(res, 201, created));
    t.after(api.close);
    const client = createClient({ baseUrl: api.url, council: 'demo' });
    await assert.rejects(client.createFeedback(feedback, { idempotencyKey: 'x'.repeat(256) }), RangeError);
    assert.equal(api.seen.length, 0);
  });
});

describe('receipts, challenges and assisted entry', () => {
  const receiptView = {
    receipt: 'K7MX-2QPA-9R',
    status: 'received',
    kind: 'idea',
    service: null,
    createdAt: '2025-01-02T03:04:05Z',
    erased: false,
    theme: null,
    timeline: [{ at: '2025-01-02T03:04:05Z', status: 'received' }],
  };

  test('getFeedback puts the receipt in the path, encoded', async (t) => {
    const api = await serve((_req, res) => json(res, 200, receiptView));
    t.after(api.close);
    const client = createClient({ baseUrl: api.url, council: 'demo' });
    assert.deepEqual(await client.getFeedback('K7MX-2QPA-9R'), receiptView);
    await client.getFeedback('k7mx 2qpa/9r');
    assert.equal(api.seen[0]?.url, '/v1/councils/demo/feedback/K7MX-2QPA-9R');
    assert.equal(api.seen[1]?.url, '/v1/councils/demo/feedback/k7mx%202qpa%2F9r');
  });

  test('deleteFeedback resolves with nothing on 204 and, being idempotent, is retried', async (t) => {
    const api = await serve((_req, res, _body, attempt) => {
      if (attempt === 1) return json(res, 503, unavailable);
      res.writeHead(204);
      res.end();
    });
    t.after(api.close);
    const client = createClient({ baseUrl: api.url, council: 'demo', retry: { backoffLimit: 20 } });
    assert.equal(await client.deleteFeedback('K7MX-2QPA-9R'), undefined);
    assert.deepEqual(api.seen.map((r) => r.method), ['DELETE', 'DELETE']);
  });

  test('createChallenge posts without a body or key and is retried', async (t) => {
    const challenge = { challenge: 'c1.sig', difficulty: 12, expiresAt: '2025-01-02T03:09:05Z' };
    const api = await serve((_req, res, _body, attempt) => (attempt === 1 ? json(res, 503, unavailable) : json(res, 201, challenge)));
    t.after(api.close);
    const client = createClient({ baseUrl: api.url, council: 'demo', retry: { backoffLimit: 20 } });
    assert.deepEqual(await client.createChallenge(), challenge);
    assert.equal(api.seen.length, 2);
    assert.equal(api.seen[0]?.url, '/v1/councils/demo/challenges');
    assert.equal(api.seen[0]?.headers['idempotency-key'], undefined);
  });

  test("createStaffFeedback sends the staff token and a key; a call's token beats the client's", async (t) => {
    const api = await serve((_req, res) => json(res, 201, created));
    t.after(api.close);
    const client = createClient({ baseUrl: api.url, council: 'demo', token: 'clt_client' });
    const body = { ...feedback, channel: 'phone' } as const;
    assert.deepEqual(await client.createStaffFeedback(body), created);
    await client.createStaffFeedback(body, { token: 'clt_desk', idempotencyKey: 'desk-1' });
    assert.equal(api.seen[0]?.url, '/v1/councils/demo/staff/feedback');
    assert.equal(api.seen[0]?.headers['authorization'], 'Bearer clt_client');
    assert.match(String(api.seen[0]?.headers['idempotency-key']), /^[0-9a-f-]{36}$/);
    assert.equal(api.seen[1]?.headers['authorization'], 'Bearer clt_desk');
    assert.equal(api.seen[1]?.headers['idempotency-key'], 'desk-1');
    assert.deepEqual(JSON.parse(api.seen[1]!.body), body);
  });
});

describe('retries', () => {
  test('503 with Retry-After in seconds is retried after that wait, with the same Idempotency-Key', async (t) => {
    const api = await serve((_req, res, _body, attempt) =>
      attempt === 1 ? json(res, 503, unavailable, { 'retry-after': '1' }) : json(res, 201, created),
    );
    t.after(api.close);
    const client = createClient({ baseUrl: api.url, council: 'demo' });
    assert.deepEqual(await client.createFeedback(feedback), created);
    assert.equal(api.seen.length, 2);
    assert.equal(api.seen[0]?.headers['idempotency-key'], api.seen[1]?.headers['idempotency-key']);
    // Honouring Retry-After: 1 means waiting at least about a second (the default backoff is 0.3 s).
    assert.ok(api.seen[1]!.at - api.seen[0]!.at >= 900, 'waited for Retry-After');
  });

  test('429 with Retry-After as an HTTP date is retried', async (t) => {
    const api = await serve((_req, res, _body, attempt) =>
      attempt === 1
        ? json(res, 429, { type: 'urn:civicloop:problem:rate-limited', title: 'Too many requests', status: 429 }, {
            'retry-after': new Date(Date.now() + 1000).toUTCString(),
          })
        : json(res, 200, council),
    );
    t.after(api.close);
    assert.deepEqual(await createClient({ baseUrl: api.url, council: 'demo' }).getCouncil(), council);
    assert.equal(api.seen.length, 2);
  });

  test('a caller-given key is reused by every retry', async (t) => {
    const api = await serve((_req, res, _body, attempt) => (attempt < 3 ? json(res, 503, unavailable) : json(res, 201, created)));
    t.after(api.close);
    const client = createClient({ baseUrl: api.url, council: 'demo', retry: { limit: 2, backoffLimit: 50 } });
    await client.createFeedback(feedback, { idempotencyKey: 'resident-42' });
    assert.deepEqual(
      api.seen.map((r) => r.headers['idempotency-key']),
      ['resident-42', 'resident-42', 'resident-42'],
    );
    assert.deepEqual(api.seen.map((r) => r.body), Array(3).fill(JSON.stringify(feedback)));
  });

  test('gives up after the retry limit with the last ApiError', async (t) => {
    const api = await serve((_req, res) => json(res, 503, unavailable));
    t.after(api.close);
    const client = createClient({ baseUrl: api.url, council: 'demo', retry: { limit: 1, backoffLimit: 50 } });
    const error = await client.getCouncil().catch((e: unknown) => e);
    assert.ok(isApiError(error));
    assert.equal(error.status, 503);
    assert.equal(api.seen.length, 2);
  });

  test('retry: 0 makes one attempt only', async (t) => {
    const api = await serve((_req, res) => json(res, 503, unavailable));
    t.after(api.close);
    await assert.rejects(createClient({ baseUrl: api.url, council: 'demo', retry: 0 }).getCouncil(), ApiError);
    assert.equal(api.seen.length, 1);
  });

  test('a Retry-After longer than maxRetryAfter gives up at once and says how long to wait', async (t) => {
    const api = await serve((_req, res) => json(res, 429, { type: 'x', title: 'Too many requests', status: 429 }, { 'retry-after': '120' }));
    t.after(api.close);
    const error = await createClient({ baseUrl: api.url, council: 'demo' }).createFeedback(feedback).catch((e: unknown) => e);
    assert.ok(isApiError(error));
    assert.equal(error.status, 429);
    assert.equal(error.retryAfter, 120_000);
    assert.equal(api.seen.length, 1);
  });

  test('a network error (connection dropped) is retried with the same key', async (t) => {
    const api = await serve((req, res, _body, attempt) => (attempt === 1 ? req.socket.destroy() : json(res, 201, created)));
    t.after(api.close);
    const client = createClient({ baseUrl: api.url, council: 'demo', retry: { backoffLimit: 50 } });
    assert.deepEqual(await client.createFeedback(feedback), created);
    assert.equal(api.seen.length, 2);
    assert.equal(api.seen[0]?.headers['idempotency-key'], api.seen[1]?.headers['idempotency-key']);
  });
});

describe('errors', () => {
  test('422 is not retried and becomes an ApiError with the parsed problem', async (t) => {
    const api = await serve((_req, res) => json(res, 422, validationProblem));
    t.after(api.close);
    const error = await createClient({ baseUrl: api.url, council: 'demo' })
      .createFeedback({ kind: 'idea', text: ' ' })
      .catch((e: unknown) => e);
    assert.equal(api.seen.length, 1);
    assert.ok(error instanceof ApiError);
    assert.ok(error instanceof SdkError);
    assert.equal(error.name, 'ApiError');
    assert.equal(error.message, 'POST /v1/councils/demo/feedback failed with 422: Validation failed');
    assert.equal(error.status, 422);
    assert.equal(error.method, 'POST');
    assert.equal(error.url, `${api.url}/v1/councils/demo/feedback`);
    assert.deepEqual(error.problem.errors, validationProblem.errors);
    assert.equal((error.cause as Error).name, 'HTTPError');
    assert.ok(isSdkError(error) && isApiError(error) && !isNetworkError(error));
  });

  test('404 becomes an ApiError', async (t) => {
    const api = await serve((_req, res) => json(res, 404, { type: 'urn:civicloop:problem:not-found', title: 'Not found', status: 404 }));
    t.after(api.close);
    const error = await createClient({ baseUrl: api.url, council: 'nowhere' }).getCouncil().catch((e: unknown) => e);
    assert.ok(isApiError(error));
    assert.equal(error.status, 404);
    assert.equal(error.message, 'GET /v1/councils/nowhere failed with 404: Not found');
  });

  test('a non-problem error body still yields a problem with the real status', async (t) => {
    const api = await serve((_req, res) => {
      res.writeHead(502, 'Bad Gateway', { 'content-type': 'text/html' });
      res.end('<h1>Bad gateway</h1>');
    });
    t.after(api.close);
    const error = await createClient({ baseUrl: api.url, council: 'demo' }).getCouncil().catch((e: unknown) => e);
    assert.ok(isApiError(error));
    assert.deepEqual(error.problem, { type: 'about:blank', title: 'Bad Gateway', status: 502 });
    assert.equal(api.seen.length, 1, '502 is not in the default retry list');
  });

  test('a closed port gives a NetworkError after the retries', async () => {
    const closed = await serve(() => undefined);
    await closed.close();
    const client = createClient({ baseUrl: closed.url, council: 'demo', retry: { backoffLimit: 20 } });
    const error = await client.getCouncil().catch((e: unknown) => e);
    assert.ok(error instanceof NetworkError);
    assert.ok(isNetworkError(error) && isSdkError(error));
    assert.equal(error.name, 'NetworkError');
    assert.match(error.message, /^GET \/v1\/councils\/demo failed: the server could not be reached/);
    assert.equal((error.cause as Error).name, 'TypeError');
  });

  test('an attempt slower than the timeout gives a TimeoutError and is not retried', async (t) => {
    const api = await serve((_req, res) => setTimeout(() => json(res, 200, council), 1500));
    t.after(api.close);
    const error = await createClient({ baseUrl: api.url, council: 'demo', timeout: 200 }).getCouncil().catch((e: unknown) => e);
    assert.ok(error instanceof TimeoutError);
    assert.ok(isTimeoutError(error));
    assert.equal(error.timeout, 200);
    assert.equal(error.message, 'GET /v1/councils/demo timed out after 200 ms');
    assert.equal(api.seen.length, 1);
  });

  test('a 2xx body that breaks the schema gives a ContractError with JSON Pointer issues', async (t) => {
    const api = await serve((_req, res) => json(res, 201, { ...created, status: 'teleported', createdAt: 'yesterday' }));
    t.after(api.close);
    const error = await createClient({ baseUrl: api.url, council: 'demo' }).createFeedback(feedback).catch((e: unknown) => e);
    assert.ok(error instanceof ContractError);
    assert.ok(isContractError(error));
    assert.equal(error.status, 201);
    assert.deepEqual(error.issues.map((i) => i.path).sort(), ['/createdAt', '/status']);
    assert.match(error.message, /^POST \/v1\/councils\/demo\/feedback returned 201 with a body that breaks the contract: \/\w+/);
  });

  test('a 2xx body that is not JSON gives a ContractError', async (t) => {
    const api = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end('<html>captive portal</html>');
    });
    t.after(api.close);
    const error = await createClient({ baseUrl: api.url, council: 'demo' }).getCouncil().catch((e: unknown) => e);
    assert.ok(isContractError(error));
    assert.equal(error.body, '<html>captive portal</html>');
  });
});

describe('abort', () => {
  test('aborting a pending call rejects with the AbortError, not an SDK error', async (t) => {
    const api = await serve((_req, res) => setTimeout(() => json(res, 200, council), 2000));
    t.after(api.close);
    const controller = new AbortController();
    const pending = createClient({ baseUrl: api.url, council: 'demo' }).getCouncil({ signal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    const error = await pending.catch((e: unknown) => e);
    assert.equal((error as Error).name, 'AbortError');
    assert.equal(isSdkError(error), false);
  });

  test('aborting while waiting for a retry stops the retries', async (t) => {
    const api = await serve((_req, res) => json(res, 503, unavailable, { 'retry-after': '5' }));
    t.after(api.close);
    const controller = new AbortController();
    const pending = createClient({ baseUrl: api.url, council: 'demo' }).createFeedback(feedback, { signal: controller.signal });
    setTimeout(() => controller.abort(new Error('resident left')), 200);
    await assert.rejects(pending, { message: 'resident left' });
    assert.equal(api.seen.length, 1);
  });

  test('an already aborted signal sends nothing', async (t) => {
    const api = await serve((_req, res) => json(res, 200, council));
    t.after(api.close);
    const error = await createClient({ baseUrl: api.url, council: 'demo' })
      .getCouncil({ signal: AbortSignal.abort() })
      .catch((e: unknown) => e);
    assert.equal((error as Error).name, 'AbortError');
    assert.equal(api.seen.length, 0);
  });
});

describe('guards across realms', () => {
  test('an SDK error made in another realm is recognised without instanceof', () => {
    // What an error thrown inside an iframe by that frame's copy of the SDK looks like here.
    const foreign = vm.runInNewContext(`
      const e = new Error('POST /v1/councils/demo/feedback failed with 503: Service unavailable');
      Object.defineProperty(e, Symbol.for('civicloop.sdk-error'), { value: true });
      e.name = 'ApiError';
      e.status = 503;
      e;
    `) as unknown;
    assert.equal(foreign instanceof Error, false, 'really from another realm');
    assert.equal(foreign instanceof ApiError, false);
    assert.ok(isSdkError(foreign));
    assert.ok(isApiError(foreign));
    assert.equal(isNetworkError(foreign), false);
  });

  test('an error from a second copy of the SDK is recognised', async () => {
    const copy = (await import(`./errors/network-error.ts?copy=${Date.now()}`)) as typeof import('./errors/network-error.js');
    assert.notEqual(copy.NetworkError, NetworkError, 'really another copy of the class');
    const error = new copy.NetworkError({ method: 'GET', url: 'http://x/v1/councils/demo' });
    assert.equal(error instanceof NetworkError, false);
    assert.ok(isSdkError(error) && isNetworkError(error));
  });

  test('look-alikes without the brand are not SDK errors', () => {
    const plain = Object.assign(new Error('x'), { name: 'ApiError', status: 500 });
    assert.equal(isSdkError(plain), false);
    assert.equal(isApiError(plain), false);
    assert.equal(isSdkError(null), false);
    assert.equal(isSdkError('ApiError'), false);
  });

  test('the brand does not show up when an error is logged as JSON', () => {
    const error = new NetworkError({ method: 'GET', url: 'http://x/' });
    assert.deepEqual(Object.keys(error).sort(), ['method', 'name', 'url']);
  });
});

describe('parseRetryAfter', () => {
  test('reads seconds and HTTP dates, and ignores garbage', () => {
    const now = Date.parse('2025-01-01T00:00:00Z');
    assert.equal(parseRetryAfter('3', now), 3000);
    assert.equal(parseRetryAfter('0', now), 0);
    assert.equal(parseRetryAfter('Wed, 01 Jan 2025 00:00:10 GMT', now), 10_000);
    assert.equal(parseRetryAfter('Tue, 31 Dec 2024 00:00:00 GMT', now), 0, 'a date in the past means now');
    assert.equal(parseRetryAfter('soon', now), undefined);
    assert.equal(parseRetryAfter(null, now), undefined);
  });
});
