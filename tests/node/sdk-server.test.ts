// The SDK against the real reference server over HTTP (in-memory PGlite), with the fault proxy
// in between to reach every error class the way real networks produce them.
import assert from 'node:assert/strict';
import { after, before, describe, test, type TestContext } from 'node:test';
import { createCouncil, createService, createStaffToken, startServer } from '@civicloop/server';
import { PROBLEM_TYPES } from '@civicloop/contract';
import { createClient, isApiError, isContractError, isNetworkError, isSdkError, isTimeoutError } from '@civicloop/sdk';
import { createFaultProxy, type FaultProxy } from '../support/fault-proxy.js';

let server: Awaited<ReturnType<typeof startServer>>;
let proxy: FaultProxy;
const council = 'sdkton';
const services: { id: string }[] = [];
let staffToken: string;
/** Answers the server gave that its contract does not allow (validateResponses): must stay empty. */
const breaches: unknown[] = [];

before(async () => {
  server = await startServer({
    port: 0,
    dataDir: 'memory://',
    validateResponses: true,
    log: (e) => void (e['msg'] === 'response does not match the contract' && breaches.push(e)),
  });
  await createCouncil(server.db, { slug: council, name: 'Sdkton Council', origins: ['https://sdkton.example'], locales: ['en', 'sv'] });
  services.push(await createService(server.db, { council, name: { en: 'Libraries', sv: 'Bibliotek' }, category: 'culture' }));
  services.push(await createService(server.db, { council, name: { en: 'Bus lines' }, category: 'transport' }));
  staffToken = await createStaffToken(server.db, { council, role: 'editor', label: 'sdk tests' });
  proxy = await createFaultProxy(server.url);
});

after(async () => {
  await proxy?.close();
  await server?.close();
  assert.deepEqual(breaches, []);
});

/** A client through the proxy that fails fast; each test states what it changes. */
function client(options: { timeout?: number; retry?: number; baseUrl?: string; council?: string } = {}) {
  return createClient({ baseUrl: proxy.url, council, retry: { limit: options.retry ?? 2, backoffLimit: 50 }, ...options });
}

/** Switches the proxy for the rest of one test. */
function through(t: TestContext, mode: Parameters<FaultProxy['setMode']>[0], opts?: Parameters<FaultProxy['setMode']>[1]) {
  proxy.setMode(mode, opts);
  t.after(() => proxy.setMode('pass'));
}

const body = (text: string) => ({ kind: 'problem' as const, text, locale: 'en' as const });

describe('happy paths', () => {
  test('getCouncil', async () => {
    const config = await client().getCouncil();
    assert.equal(config.slug, council);
    assert.equal(config.name, 'Sdkton Council');
    assert.deepEqual(config.locales, ['en', 'sv']);
  });

  test('listServices, page by page', async () => {
    const all = await client().listServices();
    assert.deepEqual(all.items.map((s) => s.id).sort(), services.map((s) => s.id).sort());
    const first = await client().listServices({ limit: 1 });
    assert.equal(first.items.length, 1);
    assert.ok(first.nextCursor, 'a second page exists');
    const second = await client().listServices({ limit: 1, cursor: first.nextCursor });
    assert.equal(second.items.length, 1);
    assert.notEqual(second.items[0]?.id, first.items[0]?.id);
  });

  test('createFeedback returns a receipt; the same key again is a replay of the same answer', async () => {
    const c = client();
    const sent = await c.request('createFeedback', { body: { ...body('The lift at the library is broken'), service: services[0]!.id, rating: 2 } });
    assert.equal(sent.status, 201);
    assert.equal(sent.replayed, false);
    assert.equal(sent.data.status, 'received');
    assert.ok(sent.data.receipt.length > 0);
    const again = await c.request('createFeedback', {
      body: { ...body('The lift at the library is broken'), service: services[0]!.id, rating: 2 },
      idempotencyKey: sent.idempotencyKey!,
    });
    assert.equal(again.replayed, true);
    assert.deepEqual(again.data, sent.data);
  });
});

describe('receipts, erasure, challenges and assisted entry', () => {
  test('getFeedback shows where an input stands, never its text', async () => {
    const c = client();
    const { receipt } = await c.createFeedback({ ...body('Private words, not for the receipt view'), contact: 'a@example.org' });
    const view = await c.getFeedback(receipt);
    assert.equal(view.status, 'received');
    assert.equal(view.kind, 'problem');
    assert.equal(view.erased, false);
    assert.ok(!JSON.stringify(view).includes('Private words'));
    assert.ok(!JSON.stringify(view).includes('a@example.org'));
  });

  test('deleteFeedback erases, and erasing again is fine', async () => {
    const c = client();
    const { receipt } = await c.createFeedback(body('Please erase me later'));
    assert.equal(await c.deleteFeedback(receipt), undefined);
    assert.equal((await c.getFeedback(receipt)).erased, true);
    await c.deleteFeedback(receipt);
  });

  test('an unknown receipt is an ApiError 404', async () => {
    const error = await client().getFeedback('ZZZZ-ZZZZ-ZZ').catch((e: unknown) => e);
    assert.ok(isApiError(error));
    assert.equal(error.status, 404);
  });

  test('createChallenge gives a challenge with a difficulty and an expiry', async () => {
    const challenge = await client().createChallenge();
    assert.ok(challenge.challenge.length > 0);
    assert.ok(challenge.difficulty >= 0);
    assert.ok(Date.parse(challenge.expiresAt) > Date.now());
  });

  test('createStaffFeedback records assisted entry with the token, and is refused without it', async () => {
    const input = { ...body('Told us at the front desk'), channel: 'in-person' as const };
    const created = await createClient({ baseUrl: proxy.url, council, token: staffToken }).createStaffFeedback(input);
    assert.equal(created.status, 'received');
    const { rows } = await server.db.query<{ channel: string }>('select channel from feedback where receipt = $1', [created.receipt.replaceAll('-', '')]);
    assert.equal(rows[0]?.channel, 'in-person');
    const error = await client().createStaffFeedback(input).catch((e: unknown) => e);
    assert.ok(isApiError(error));
    assert.equal(error.status, 401);
  });
});

describe('each error class from the real server', () => {
  test('ApiError 422 with the field that failed', async () => {
    const error = await client().createFeedback(body('   ')).catch((e: unknown) => e);
    assert.ok(isApiError(error), String(error));
    assert.equal(error.status, 422);
    assert.equal(error.problem.type, PROBLEM_TYPES.validation);
    assert.ok(error.problem.errors?.some((issue) => issue.path === '/text'));
    assert.match(error.message, new RegExp(`^POST /v1/councils/${council}/feedback failed with 422: `));
  });

  test('ApiError 422 when one key is reused for another body', async () => {
    const c = client();
    const first = await c.request('createFeedback', { body: body('First text') });
    const error = await c.createFeedback(body('Another text'), { idempotencyKey: first.idempotencyKey! }).catch((e: unknown) => e);
    assert.ok(isApiError(error));
    assert.equal(error.status, 422);
    assert.equal(error.problem.type, PROBLEM_TYPES.idempotencyMismatch);
  });

  test('ApiError 404 for an unknown council', async () => {
    const error = await client({ council: 'no-such-council' }).getCouncil().catch((e: unknown) => e);
    assert.ok(isApiError(error));
    assert.equal(error.status, 404);
    assert.equal(error.problem.type, PROBLEM_TYPES.notFound);
  });

  test('NetworkError when the API is down', async (t) => {
    through(t, 'down');
    const error = await client().getCouncil().catch((e: unknown) => e);
    assert.ok(isNetworkError(error), String(error));
    assert.ok(isSdkError(error));
  });

  test('TimeoutError when answers are slower than the timeout', async (t) => {
    through(t, 'delay', { ms: 1500 });
    const error = await client({ timeout: 200 }).getCouncil().catch((e: unknown) => e);
    assert.ok(isTimeoutError(error), String(error));
    assert.equal(error.timeout, 200);
  });

  test('ContractError when a 2xx body is changed on the way', async (t) => {
    through(t, 'tamper', { tamper: (config) => ({ ...(config as object), locales: 'en' }) });
    const error = await client().getCouncil().catch((e: unknown) => e);
    assert.ok(isContractError(error), String(error));
    assert.deepEqual(error.issues.map((i) => i.path), ['/locales']);
  });
});

describe('exactly once through a flaky network', () => {
  test('answers lost twice: the SDK retries with one key and the server stores one input', async (t) => {
    const c = client({ retry: 2 });
    const text = `Flaky link ${Date.now()}`;
    const before = await countInputs(text);
    through(t, 'drop', { times: 2 });
    const sent = await c.request('createFeedback', { body: body(text) });
    assert.equal(sent.replayed, true, 'the third attempt was answered from the first, stored, one');
    assert.equal(proxy.forwarded >= 3, true);
    assert.equal((await countInputs(text)) - before, 1);
  });
});

/** Inputs with this exact text, counted in the server's database. */
async function countInputs(text: string): Promise<number> {
  const result = await server.db.query<{ n: number }>('select count(*)::int as n from feedback where text = $1', [text]);
  return Number(result.rows[0]?.n ?? 0);
}
