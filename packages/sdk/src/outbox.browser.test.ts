// The outbox in real Chromium, against the real reference server behind the fault proxy
// (see web-test-runner.config.mjs: GET /__test-env.json, POST {mode} to proxyControl,
// GET /__stored?text= counts what the database holds).
import { createClient } from './client.js';
import { isApiError } from './errors/guards.js';
import { createOutbox, type Outbox, type OutboxEvent, type OutboxOptions, type RecordState } from './outbox.js';
import { callFromOtherOrigin } from './testing/other-origin.js';
import { createTransport, type Transport } from './transport.js';
import { createStore, set } from 'idb-keyval';

// Mocha's globals as @web/test-runner provides them (the repo has no @types/mocha).
declare const describe: (name: string, fn: () => void) => void;
declare const it: (name: string, fn: () => Promise<void>) => void;
declare const afterEach: (fn: () => Promise<void>) => void;

interface TestEnv {
  apiUrl: string;
  council: string;
  powCouncil: string;
  proxyControl: string;
}

const inBrowser = typeof document !== 'undefined';
if (!inBrowser) {
  // Picked up by a plain `node --test packages/sdk/src/*.test.ts`: say where it runs instead
  // of failing. The specifier is not a literal so that the browser's module resolver skips it.
  const nodeTest = 'node:test';
  const { test } = (await import(nodeTest)) as typeof import('node:test');
  test('outbox (runs in the browsers: node scripts/test.mjs --browser)', { skip: 'browser suite' });
}

// Imported here rather than statically: chai's browser build does not load in Node.
const { expect } = inBrowser ? await import('@open-wc/testing') : ({} as typeof import('@open-wc/testing'));
const env: TestEnv = inBrowser ? await (await fetch('/__test-env.json')).json() : ({} as TestEnv);

async function proxy(mode: 'pass' | 'down' | 'delay' | 'status', opts: { ms?: number; status?: number; retryAfter?: number } = {}) {
  const res = await fetch(env.proxyControl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ mode, ...opts }) });
  if (!res.ok) throw new Error(`proxy control answered ${res.status}`);
}

async function stored(text: string): Promise<number> {
  return ((await (await fetch(`/__stored?text=${encodeURIComponent(text)}`)).json()) as { count: number }).count;
}

let databases = 0;
const open: Outbox[] = [];

/** No retries inside the transport: these tests are about what the outbox does after a failure. */
function transport(options: { timeout?: number; council?: string; baseUrl?: string } = {}): Transport {
  return createTransport({ baseUrl: env.apiUrl, council: env.council, retry: 0, ...options });
}

/** A fresh outbox on its own database, so tests cannot see each other's records. */
function outbox(options: Partial<OutboxOptions> = {}) {
  const box = createOutbox({
    transport: transport(),
    transportFor: (target) => createTransport({ ...target, retry: 0 }),
    database: `civicloop-outbox-test-${Date.now()}-${databases++}`,
    autoFlush: false,
    retryInterval: false,
    ...options,
  });
  open.push(box);
  return box;
}

function next(box: Outbox, type: RecordState): Promise<OutboxEvent> {
  return new Promise((resolve) => {
    const stop = box.subscribe((event) => {
      if (event.type === type) {
        stop();
        resolve(event);
      }
    });
  });
}

const input = (text: string) => ({ kind: 'idea' as const, text, locale: 'en' as const });

if (inBrowser) describe('offline outbox', () => {
  afterEach(async () => {
    await proxy('pass');
    for (const box of open.splice(0)) box.close();
  });

  it('delivers at once when the API is reachable and keeps nothing', async () => {
    const box = outbox();
    const sent = await box.send('createFeedback', input('Online: more benches'));
    expect(sent.state).to.equal('delivered');
    if (sent.state !== 'delivered') return;
    expect(sent.result.receipt).to.be.a('string').and.not.be.empty;
    expect(sent.replayed).to.equal(false);
    expect(await box.records()).to.deep.equal([]);
  });

  it('keeps a submission while the API is down and delivers it exactly once when it is back', async () => {
    const box = outbox();
    await proxy('down');
    const body = input(`Offline: the bus stop has no shelter ${Date.now()}`);
    const sent = await box.send('createFeedback', body, { scope: 'form-1' });
    expect(sent.state).to.equal('queued');
    expect(sent.state === 'queued' && sent.error.name).to.equal('NetworkError');

    const [kept] = await box.records();
    expect(kept).to.include({ key: sent.key, state: 'queued', scope: 'form-1', council: env.council, attempts: 1 });
    expect(kept?.body).to.deep.equal(body);

    // Still down: flushing keeps it.
    expect(await box.flush()).to.deep.equal({ delivered: 0, refused: 0, remaining: 1 });
    expect((await box.records())[0]?.attempts).to.equal(2);

    await proxy('pass');
    const delivered = next(box, 'delivered');
    expect(await box.flush()).to.deep.equal({ delivered: 1, refused: 0, remaining: 0 });
    const event = await delivered;
    expect(event.record.key).to.equal(sent.key);
    expect(event.record.replayed).to.equal(false);
    expect(await stored(body.text)).to.equal(1);

    // The outcome is kept for whoever shows it, without the resident's words.
    const [outcome] = await box.records({ scope: 'form-1' });
    expect(outcome).to.include({ key: sent.key, state: 'delivered', body: undefined, attempts: 3 });
    expect((outcome?.result as { receipt: string }).receipt).to.equal((event.record.result as { receipt: string }).receipt);

    // The server knows this key: the same submission again is answered from its idempotency
    // store with the same receipt, so the input is stored once.
    const client = createClient({ baseUrl: env.apiUrl, council: env.council, retry: 0 });
    const again = await client.request('createFeedback', { body, idempotencyKey: sent.key });
    expect(again.replayed).to.equal(true);
    expect(again.data.receipt).to.equal((event.record.result as { receipt: string }).receipt);
    expect(await stored(body.text)).to.equal(1);
  });

  it('a timeout whose request did reach the server is re-sent without doubling it', async () => {
    const box = outbox({ transport: transport({ timeout: 500 }) });
    await proxy('delay', { ms: 1500 });
    const sent = await box.send('createFeedback', input('Slow network: the library closes too early'));
    expect(sent.state).to.equal('queued');
    expect(sent.state === 'queued' && sent.error.name).to.equal('TimeoutError');

    await proxy('pass');
    // The server may still be finishing the first request (409 in flight keeps it queued).
    let event: OutboxEvent | undefined;
    const stop = box.subscribe((e) => (event = e));
    for (let i = 0; i < 20 && !event; i++) {
      await box.flush();
      if (!event) await new Promise((r) => setTimeout(r, 250));
    }
    stop();
    expect(event?.type).to.equal('delivered');
    expect(event?.record.replayed).to.equal(true, 'answered from the first, stored, request');
  });

  it('a 4xx a retry cannot fix is refused at once and nothing is kept', async () => {
    const box = outbox();
    const sent = await box.send('createFeedback', { kind: 'idea', text: '   ' });
    expect(sent.state).to.equal('refused');
    const error = sent.state === 'refused' ? sent.error : undefined;
    expect(isApiError(error) && error.status).to.equal(422);
    expect(await box.records()).to.deep.equal([]);
  });

  it('a 429 on sending is refused, not kept: re-sending into the same limit helps nobody', async () => {
    const box = outbox();
    await proxy('status', { status: 429, retryAfter: 3600 });
    const sent = await box.send('createFeedback', input('Rate limited'));
    expect(sent.state).to.equal('refused');
    const error = sent.state === 'refused' ? sent.error : undefined;
    expect(isApiError(error) && error.status).to.equal(429);
    expect(isApiError(error) && error.retryAfter).to.equal(3_600_000);
    expect(await box.records()).to.deep.equal([]);
  });

  it('a page the council does not allow is refused with `blocked`, never kept as "will be sent"', async () => {
    const result = await callFromOtherOrigin(env, 'outbox', env.council);
    expect(result.ok).to.equal(true, result.message);
    expect(result.data).to.deep.equal({ state: 'refused', blocked: true, kept: 0 });
  });

  it('delivers several waiting submissions in the order they were made', async () => {
    const box = outbox();
    await proxy('down');
    const first = await box.send('createFeedback', input('First'));
    const second = await box.send('createFeedback', input('Second'));
    const third = await box.send('createFeedback', input('Third'));
    expect((await box.records()).map((s) => s.key)).to.deep.equal([first.key, second.key, third.key]);

    await proxy('pass');
    const order: string[] = [];
    box.subscribe((e) => e.type === 'delivered' && order.push(e.record.key));
    await box.flush();
    expect(order).to.deep.equal([first.key, second.key, third.key]);
  });

  it('flushes by itself when the browser comes back online', async () => {
    const box = outbox({ autoFlush: true });
    await proxy('down');
    const sent = await box.send('createFeedback', input('Signal lost on the tram'));
    await proxy('pass');
    const delivered = next(box, 'delivered');
    window.dispatchEvent(new Event('online'));
    expect((await delivered).record.key).to.equal(sent.key);
  });

  it('a new outbox on the same device (the next page load) delivers what an earlier one kept', async () => {
    const database = `civicloop-outbox-reload-${Date.now()}`;
    const before = outbox({ database });
    await proxy('down');
    const sent = await before.send('createFeedback', input('Kept across a reload'), { scope: 'form-1' });
    before.close();
    await proxy('pass');

    const after = outbox({ database, autoFlush: true });
    // However late the form looks, the outcome waits for it: no race with the first flush.
    await after.flush();
    const [outcome] = await after.records({ scope: 'form-1' });
    expect(outcome).to.include({ key: sent.key, state: 'delivered' });
  });

  it('two flushes at once deliver each submission once', async () => {
    const database = `civicloop-outbox-race-${Date.now()}`;
    const a = outbox({ database });
    const b = outbox({ database });
    await proxy('down');
    await a.send('createFeedback', input('Only once, please'));
    await proxy('pass');
    const deliveries: OutboxEvent[] = [];
    // Outboxes on one database share their listeners: one subscription hears both.
    a.subscribe((e) => deliveries.push(e));
    const reports = await Promise.all([a.flush(), b.flush(), a.flush()]);
    expect(reports.reduce((n, r) => n + r.delivered, 0)).to.equal(1);
    expect(deliveries.filter((e) => e.type === 'delivered')).to.have.length(1);
    expect(deliveries.filter((e) => e.type === 'delivered' && e.record.replayed)).to.have.length(0);
  });
});

if (inBrowser) describe('outcomes: refused, scopes, acknowledge, discard, TTL', () => {
  afterEach(async () => {
    await proxy('pass');
    for (const box of open.splice(0)) box.close();
  });

  it('a queued input refused for good moves to refused with its text, and never holds back later inputs, of its council or another', async () => {
    let current = transport({ council: 'no-such-council' });
    const box = outbox({ transport: () => current });
    await proxy('down');
    const unknownCouncil = await box.send('createFeedback', input('For a council that does not exist'));
    current = transport();
    const blank = await box.send('createFeedback', { kind: 'idea', text: '   ' });
    const goodText = `After two refusals ${Date.now()}`;
    const good = await box.send('createFeedback', input(goodText));
    expect([unknownCouncil.state, blank.state, good.state]).to.deep.equal(['queued', 'queued', 'queued']);

    await proxy('pass');
    const events: string[] = [];
    box.subscribe((e) => events.push(`${e.type}:${e.record.key}`));
    expect(await box.flush()).to.deep.equal({ delivered: 1, refused: 2, remaining: 0 });
    expect(events).to.deep.equal([`refused:${unknownCouncil.key}`, `refused:${blank.key}`, `delivered:${good.key}`]);
    expect(await stored(goodText)).to.equal(1);

    const refused = await box.records({ state: 'refused' });
    expect(refused.map((r) => [r.key, r.council, r.error?.status])).to.deep.equal([
      [unknownCouncil.key, 'no-such-council', 404],
      [blank.key, env.council, 422],
    ]);
    expect(refused[0]?.body).to.deep.equal(input('For a council that does not exist'), 'the text is kept to show');
    expect(refused[1]?.error?.problemType).to.equal('urn:civicloop:problem:validation-failed');
    // Nothing refused is ever sent again.
    expect(await box.flush()).to.deep.equal({ delivered: 0, refused: 0, remaining: 0 });
  });

  it('a retriable failure holds back only records of the same target', async () => {
    const unreachable = 'http://127.0.0.1:9';
    let current = transport({ baseUrl: unreachable });
    const box = outbox({ transport: () => current });
    await proxy('down');
    const stuck = await box.send('createFeedback', input('To an API that is down'));
    const stuckToo = await box.send('createFeedback', input('To the same API, behind it'));
    current = transport();
    const freeText = `To an API that is up ${Date.now()}`;
    const free = await box.send('createFeedback', input(freeText));
    await proxy('pass');

    expect(await box.flush()).to.deep.equal({ delivered: 1, refused: 0, remaining: 2 });
    const states = Object.fromEntries((await box.records()).map((r) => [r.key, [r.state, r.attempts]]));
    expect(states).to.deep.equal({ [stuck.key]: ['queued', 2], [stuckToo.key]: ['queued', 1], [free.key]: ['delivered', 2] });
    expect(await stored(freeText)).to.equal(1);
  });

  it('two scopes keep separate outcomes', async () => {
    const box = outbox();
    await proxy('down');
    const a = await box.send('createFeedback', input('Form A'), { scope: 'feedback:test:form-a' });
    const b = await box.send('createFeedback', input('Form B'), { scope: 'feedback:test:form-b' });
    await proxy('pass');
    await box.flush();
    const forA = await box.records({ scope: 'feedback:test:form-a' });
    const forB = await box.records({ scope: 'feedback:test:form-b' });
    expect(forA.map((r) => [r.key, r.state])).to.deep.equal([[a.key, 'delivered']]);
    expect(forB.map((r) => [r.key, r.state])).to.deep.equal([[b.key, 'delivered']]);
    expect((forA[0]?.result as { receipt: string }).receipt).to.not.equal((forB[0]?.result as { receipt: string }).receipt);
    expect(await box.records({ scope: 'feedback:test:form-c' })).to.deep.equal([]);
  });

  it('acknowledge removes an outcome, and leaves a queued record alone', async () => {
    const box = outbox();
    await proxy('down');
    const sent = await box.send('createFeedback', input('Seen by the form'), { scope: 'form-1' });
    await box.acknowledge(sent.key);
    expect((await box.records()).map((r) => r.state)).to.deep.equal(['queued'], 'a waiting input is not an outcome');
    await proxy('pass');
    await box.flush();
    await box.acknowledge(sent.key);
    expect(await box.records()).to.deep.equal([]);
  });

  it('discard removes a waiting input and returns it, text included, for copying', async () => {
    const box = outbox();
    await proxy('down');
    const body = input('Changed my mind, but keep my words');
    const sent = await box.send('createFeedback', body);
    const discarded = await box.discard(sent.key);
    expect(discarded?.body).to.deep.equal(body);
    expect(discarded?.key).to.equal(sent.key);
    expect(await box.records()).to.deep.equal([]);
    expect(await box.discard(sent.key)).to.equal(undefined);
    await proxy('pass');
    expect(await box.flush()).to.deep.equal({ delivered: 0, refused: 0, remaining: 0 }, 'a discarded input is never sent');
  });

  it('outcomes nobody acknowledged are purged after the TTL of the injected clock; queued ones never are', async () => {
    let clock = Date.parse('2026-01-01T00:00:00Z');
    const ttl = 7 * 24 * 3600_000;
    const box = outbox({ now: () => clock, outcomeTtlMs: ttl });
    await proxy('down');
    const delivered = await box.send('createFeedback', input('Outcome to purge'));
    await proxy('pass');
    await box.flush();
    await proxy('down');
    const waiting = await box.send('createFeedback', input('Still waiting'));
    expect((await box.records()).map((r) => r.settledAt)).to.deep.equal([clock, undefined]);

    clock += ttl;
    expect((await box.records()).map((r) => r.key)).to.deep.equal([delivered.key, waiting.key], 'not yet older than the TTL');
    clock += 1;
    expect((await box.records()).map((r) => r.key)).to.deep.equal([waiting.key]);
    clock += 365 * 24 * 3600_000;
    expect((await box.records()).map((r) => r.key)).to.deep.equal([waiting.key]);
  });
});

if (inBrowser) describe('what an earlier version kept', () => {
  afterEach(async () => {
    await proxy('pass');
    for (const box of open.splice(0)) box.close();
  });

  it('a submission queued by the first outbox (no state, no scope) is still delivered', async () => {
    const database = `civicloop-outbox-legacy-${Date.now()}`;
    const text = `Queued by the first outbox ${Date.now()}`;
    // The record shape of the first outbox, in its database and object store.
    await set('legacy-key-1', { key: 'legacy-key-1', operation: 'createFeedback', body: input(text), baseUrl: new URL(env.apiUrl).href.replace(/\/+$/, ''), council: env.council, queuedAt: 1, attempts: 1, lastError: 'offline' }, createStore(database, 'submissions'));
    const box = outbox({ database });
    expect((await box.records()).map((r) => [r.key, r.state, r.scope])).to.deep.equal([['legacy-key-1', 'queued', undefined]]);
    expect(await box.flush()).to.deep.equal({ delivered: 1, refused: 0, remaining: 0 });
    expect(await stored(text)).to.equal(1);
  });

  it('a kept record no transport can send (its base URL is not one) is refused and stops nothing', async () => {
    const database = `civicloop-outbox-corrupt-${Date.now()}`;
    const text = `Behind a corrupt record ${Date.now()}`;
    await set('corrupt-1', { key: 'corrupt-1', operation: 'createFeedback', body: input('Lost address'), baseUrl: 'not a url', council: env.council, queuedAt: 1, attempts: 1 }, createStore(database, 'submissions'));
    const box = outbox({ database });
    const sent = await box.send('createFeedback', input(text));
    expect(sent.state).to.equal('delivered');
    await proxy('down');
    const queued = await box.send('createFeedback', input(`${text} (queued)`));
    await proxy('pass');
    expect(await box.flush()).to.deep.equal({ delivered: 1, refused: 1, remaining: 0 });
    expect((await box.records()).map((r) => [r.key, r.state])).to.deep.equal([['corrupt-1', 'refused'], [queued.key, 'delivered']]);
  });
});

if (inBrowser) describe('outboxes sharing a page', () => {
  afterEach(async () => {
    await proxy('pass');
    for (const box of open.splice(0)) box.close();
  });

  it('the form waiting on one outbox hears a delivery made by another', async () => {
    const database = `civicloop-outbox-bus-${Date.now()}`;
    const waiting = outbox({ database });
    const other = outbox({ database });
    await proxy('down');
    const sent = await waiting.send('createFeedback', input('Heard through the other outbox'));
    await proxy('pass');
    const heard = next(waiting, 'delivered');
    await other.flush();
    expect((await heard).record.key).to.equal(sent.key);
  });

  it('a closed outbox no longer calls its listeners', async () => {
    const database = `civicloop-outbox-closed-${Date.now()}`;
    const closed = outbox({ database });
    const live = outbox({ database });
    const calls: string[] = [];
    closed.subscribe((e) => calls.push(`closed:${e.type}`));
    live.subscribe((e) => calls.push(`live:${e.type}`));
    closed.close();
    await proxy('down');
    await live.send('createFeedback', input('Only the live one hears'));
    expect(calls).to.deep.equal(['live:queued']);
  });
});
