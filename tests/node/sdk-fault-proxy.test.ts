// The fault proxy itself, in front of a plain node:http target: what passes, what it breaks.
import assert from 'node:assert/strict';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { test } from 'node:test';
import { createFaultProxy } from '../support/fault-proxy.js';

async function target() {
  const seen: { url: string; headers: IncomingHttpHeaders; body: string }[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c));
    req.on('end', () => {
      seen.push({ url: req.url ?? '', headers: req.headers, body });
      res.writeHead(req.method === 'POST' ? 201 : 200, {
        'content-type': 'application/json',
        'access-control-allow-origin': String(req.headers.origin ?? ''),
        'idempotency-replayed': 'true',
        etag: '"v1"',
      });
      res.end(JSON.stringify({ hello: 'world', path: req.url }));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    seen,
    close: () => new Promise<void>((r) => { server.closeAllConnections(); server.close(() => r()); }),
  };
}

test('pass forwards method, path, body and headers both ways', async (t) => {
  const api = await target();
  const proxy = await createFaultProxy(api.url);
  t.after(async () => { await proxy.close(); await api.close(); });
  const res = await fetch(`${proxy.url}/v1/x?y=1`, {
    method: 'POST',
    headers: { origin: 'https://council.example', 'idempotency-key': 'k1', 'content-type': 'application/json' },
    body: '{"a":1}',
  });
  assert.equal(res.status, 201);
  assert.equal(res.headers.get('access-control-allow-origin'), 'https://council.example');
  assert.equal(res.headers.get('idempotency-replayed'), 'true');
  assert.deepEqual(await res.json(), { hello: 'world', path: '/v1/x?y=1' });
  assert.equal(api.seen[0]?.headers['origin'], 'https://council.example');
  assert.equal(api.seen[0]?.headers['idempotency-key'], 'k1');
  assert.equal(api.seen[0]?.body, '{"a":1}');
  assert.equal(proxy.forwarded, 1);
});

test('down drops connections, pass brings the target back', async (t) => {
  const api = await target();
  const proxy = await createFaultProxy(api.url);
  t.after(async () => { await proxy.close(); await api.close(); });
  assert.equal((await fetch(proxy.url)).status, 200);
  proxy.setMode('down');
  await assert.rejects(fetch(proxy.url), TypeError);
  assert.equal(api.seen.length, 1, 'nothing reached the target while down');
  proxy.setMode('pass');
  assert.equal((await fetch(proxy.url)).status, 200);
});

test('delay holds the response after the target has answered', async (t) => {
  const api = await target();
  const proxy = await createFaultProxy(api.url);
  t.after(async () => { await proxy.close(); await api.close(); });
  proxy.setMode('delay', { ms: 5000 });
  await assert.rejects(fetch(proxy.url, { signal: AbortSignal.timeout(300) }), { name: 'TimeoutError' });
  assert.equal(api.seen.length, 1, 'the target did its work');
});

test('tamper rewrites 2xx JSON bodies and drops the stale ETag', async (t) => {
  const api = await target();
  const proxy = await createFaultProxy(api.url);
  t.after(async () => { await proxy.close(); await api.close(); });
  proxy.setMode('tamper', { tamper: (body) => ({ ...(body as object), hello: 42 }) });
  const res = await fetch(`${proxy.url}/v1/y`);
  assert.deepEqual(await res.json(), { hello: 42, path: '/v1/y' });
  assert.equal(res.headers.get('etag'), null);
  assert.throws(() => proxy.setMode('sideways' as never), TypeError);
});

test('drop lets the target do the work, cuts the answer, then passes after `times`', async (t) => {
  const api = await target();
  const proxy = await createFaultProxy(api.url);
  t.after(async () => { await proxy.close(); await api.close(); });
  proxy.setMode('drop', { times: 2 });
  await assert.rejects(fetch(proxy.url, { method: 'POST', body: 'a' }), TypeError);
  await assert.rejects(fetch(proxy.url, { method: 'POST', body: 'b' }), TypeError);
  assert.equal((await fetch(proxy.url, { method: 'POST', body: 'c' })).status, 201);
  assert.deepEqual(api.seen.map((s) => s.body), ['a', 'b', 'c']);
  assert.equal(proxy.mode, 'pass');
});

test('status answers with a problem and Retry-After without reaching the target', async (t) => {
  const api = await target();
  const proxy = await createFaultProxy(api.url);
  t.after(async () => { await proxy.close(); await api.close(); });
  proxy.setMode('status', { status: 503, retryAfter: 7 });
  const res = await fetch(`${proxy.url}/v1/x`, { method: 'POST', headers: { origin: 'https://council.example' }, body: '{}' });
  assert.equal(res.status, 503);
  assert.equal(res.headers.get('retry-after'), '7');
  assert.equal(res.headers.get('content-type'), 'application/problem+json');
  assert.equal(res.headers.get('access-control-allow-origin'), 'https://council.example');
  assert.equal(((await res.json()) as { status: number }).status, 503);
  assert.equal(api.seen.length, 0);
  proxy.setMode('pass');
  assert.equal((await fetch(`${proxy.url}/v1/x`)).status, 200);
  assert.equal(api.seen.length, 1);
});
