// The outbox in real Chromium, against the real reference server behind the fault proxy
// (see web-test-runner.config.mjs: GET /__test-env.json, POST {mode} to proxyControl).
import { createClient, type CivicLoopClient } from './client.js';
import { isApiError } from './errors/guards.js';
import { createOutbox, type Outbox, type OutboxEvent } from './outbox.js';

// Mocha's globals as @web/test-runner provides them (the repo has no @types/mocha).
declare const describe: (name: string, fn: () => void) => void;
declare const it: (name: string, fn: () => Promise<void>) => void;
declare const afterEach: (fn: () => Promise<void>) => void;

interface TestEnv {
  apiUrl: string;
  council: string;
  proxyControl: string;
}

const inBrowser = typeof document !== 'undefined';
if (!inBrowser) {
  // Picked up by a plain `node --test packages/sdk/src/*.test.ts`: say where it runs instead
  // of failing. The specifier is not a literal so that the browser's module resolver skips it.
  const nodeTest = 'node:test';
  const { test } = (await import(nodeTest)) as typeof import('node:test');
  test('outbox (runs in Chromium: node scripts/test.mjs --browser)', { skip: 'browser suite' });
}

// Imported here rather than statically: chai's browser build does not load in Node.
const { expect } = inBrowser ? await import('@open-wc/testing') : ({} as typeof import('@open-wc/testing'));
const env: TestEnv = inBrowser ? await (await fetch('/__test-env.json')).json() : ({} as TestEnv);

async function proxy(mode: 'pass' | 'down' | 'delay' | 'status', opts: { ms?: number; status?: number; retryAfter?: number } = {}) {
  const res = await fetch(env.proxyControl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ mode, ...opts }) });
  if (!res.ok) throw new Error(`proxy control answered ${res.status}`);
}

let databases = 0;
const open: Outbox[] = [];

function client(options: { timeout?: number } = {}): CivicLoopClient {
  // No retries inside the client: these tests are about what the outbox does after a failure.
  return createClient({ baseUrl: env.apiUrl, council: env.council, retry: 0, ...options });
}

/** A fresh outbox on its own database, so tests cannot see each other's submissions. */
function outbox(options: { autoFlush?: boolean; database?: string; client?: CivicLoopClient } = {}) {
  const box = createOutbox({
    client: options.client ?? client(),
    database: options.database ?? `civicloop-outbox-test-${Date.now()}-${databases++}`,
    autoFlush: options.autoFlush ?? false,
    retryInterval: false,
  });
  open.push(box);
  return box;
}

function next<T extends OutboxEvent['type']>(box: Outbox, type: T): Promise<Extract<OutboxEvent, { type: T }>> {
  return new Promise((resolve) => {
    const stop = box.subscribe((event) => {
      if (event.type === type) {
        stop();
        resolve(event as Extract<OutboxEvent, { type: T }>);
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
    expect(await box.pending()).to.deep.equal([]);
  });

  it('keeps a submission while the API is down and delivers it exactly once when it is back', async () => {
    const box = outbox();
    await proxy('down');
    const body = input('Offline: the bus stop has no shelter');
    const sent = await box.send('createFeedback', body);
    expect(sent.state).to.equal('queued');
    expect(sent.state === 'queued' && sent.error.name).to.equal('NetworkError');

    const [kept] = await box.pending();
    expect(kept?.key).to.equal(sent.key);
    expect(kept?.body).to.deep.equal(body);
    expect(kept?.council).to.equal(env.council);

    // Still down: flushing keeps it.
    expect(await box.flush()).to.deep.equal({ delivered: 0, failed: 0, remaining: 1 });
    expect((await box.pending())[0]?.attempts).to.equal(2);

    await proxy('pass');
    const delivered = next(box, 'delivered');
    expect(await box.flush()).to.deep.equal({ delivered: 1, failed: 0, remaining: 0 });
    const event = await delivered;
    expect(event.key).to.equal(sent.key);
    expect(event.replayed).to.equal(false);
    expect(await box.pending()).to.deep.equal([]);

    // The server knows this key: the same submission again is answered from its idempotency
    // store with the same receipt, so the input is stored once.
    const again = await client().request('createFeedback', { body, idempotencyKey: sent.key });
    expect(again.replayed).to.equal(true);
    expect(again.data.receipt).to.equal((event.result as { receipt: string }).receipt);
  });

  it('a timeout whose request did reach the server is re-sent without doubling it', async () => {
    const box = outbox({ client: client({ timeout: 500 }) });
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
    expect(event?.type === 'delivered' && event.replayed).to.equal(true, 'answered from the first, stored, request');
  });

  it('throws a 4xx that a retry cannot fix and keeps nothing', async () => {
    const box = outbox();
    const error = await box.send('createFeedback', { kind: 'idea', text: '   ' }).catch((e: unknown) => e);
    expect(isApiError(error) && error.status).to.equal(422);
    expect(await box.pending()).to.deep.equal([]);
  });

  it('throws a 429 on sending instead of keeping it: re-sending into the same limit helps nobody', async () => {
    const box = outbox();
    await proxy('status', { status: 429, retryAfter: 3600 });
    const error = await box.send('createFeedback', input('Rate limited')).catch((e: unknown) => e);
    expect(isApiError(error) && error.status).to.equal(429);
    expect(isApiError(error) && error.retryAfter).to.equal(3_600_000);
    expect(await box.pending()).to.deep.equal([]);
  });

  it('delivers several waiting submissions in the order they were made', async () => {
    const box = outbox();
    await proxy('down');
    const first = await box.send('createFeedback', input('First'));
    const second = await box.send('createFeedback', input('Second'));
    const third = await box.send('createFeedback', input('Third'));
    expect((await box.pending()).map((s) => s.key)).to.deep.equal([first.key, second.key, third.key]);

    await proxy('pass');
    const order: string[] = [];
    box.subscribe((e) => e.type === 'delivered' && order.push(e.key));
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
    expect((await delivered).key).to.equal(sent.key);
  });

  it('a new outbox on the same device (the next page load) delivers what an earlier one kept', async () => {
    const database = `civicloop-outbox-reload-${Date.now()}`;
    const before = outbox({ database });
    await proxy('down');
    const sent = await before.send('createFeedback', input('Kept across a reload'));
    before.close();
    await proxy('pass');

    const after = outbox({ database, autoFlush: true });
    expect((await next(after, 'delivered')).key).to.equal(sent.key);
    expect(await after.pending()).to.deep.equal([]);
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
    expect(deliveries.filter((e) => e.type === 'delivered' && e.replayed)).to.have.length(0);
  });

  it('discard forgets a waiting submission', async () => {
    const box = outbox();
    await proxy('down');
    const sent = await box.send('createFeedback', input('Changed my mind'));
    await box.discard(sent.key);
    expect(await box.pending()).to.deep.equal([]);
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
    expect((await heard).key).to.equal(sent.key);
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
