// The submission lifecycle over an outbox that behaves as SDK-API.md says (in memory here; the
// browser suites run the real one against the real server through the fault proxy).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { MemoryStorage } from '../testing/memory-storage.ts';
import { createSubmission, type OutboxLike, type OutboxRecordLike, type RecordState } from './submission.ts';

type Outcome = { state: 'delivered'; result: unknown } | { state: 'queued' } | { state: 'refused'; status: number };

/** Records by key, events to every subscriber, outcomes decided by the test. */
class FakeOutbox implements OutboxLike {
  records_ = new Map<string, OutboxRecordLike>();
  listeners = new Set<(e: { type: RecordState; record: OutboxRecordLike }) => void>();
  acknowledged: string[] = [];
  next: Outcome = { state: 'delivered', result: { receipt: 'K7MX2QPA9R' } };
  #n = 0;

  async send(operation: string, body: unknown, options: { idempotencyKey?: string; scope?: string } = {}) {
    const key = options.idempotencyKey ?? `key-${++this.#n}`;
    const outcome = this.next;
    if (outcome.state === 'delivered') return { state: 'delivered' as const, key, result: outcome.result };
    if (outcome.state === 'refused') return { state: 'refused' as const, key, error: { status: outcome.status } };
    this.records_.set(key, { key, operation, scope: options.scope, state: 'queued', body, result: undefined, error: undefined });
    return { state: 'queued' as const, key, error: { offline: true } };
  }
  async records(filter: { scope?: string; state?: RecordState } = {}) {
    return [...this.records_.values()].filter((r) => (!filter.scope || r.scope === filter.scope) && (!filter.state || r.state === filter.state));
  }
  async acknowledge(key: string) {
    this.acknowledged.push(key);
    this.records_.delete(key);
  }
  async discard(key: string) {
    const r = this.records_.get(key);
    if (r?.state !== 'queued') return undefined;
    this.records_.delete(key);
    return r;
  }
  subscribe(listener: (e: { type: RecordState; record: OutboxRecordLike }) => void) {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
  /** The connection came back: a record settles. */
  settle(key: string, state: 'delivered' | 'refused') {
    const r = this.records_.get(key)!;
    const settled: OutboxRecordLike =
      state === 'delivered'
        ? { ...r, state, body: undefined, result: { receipt: 'HAVE-R2QP-AX' } }
        : { ...r, state, error: { status: 404, message: 'POST failed with 404' } };
    this.records_.set(key, settled);
    for (const l of this.listeners) l({ type: state, record: settled });
  }
}

type Body = { text: string; contact?: string };

function make(outbox: FakeOutbox, scope = 'feedback:riverside:libraries:0', storage?: Storage) {
  return createSubmission<{ receipt: string }, Body>({
    storage,
    outbox: () => outbox,
    operation: 'createFeedback',
    scope: () => scope,
    reasonOf: () => 'offline',
    refusalOf: (e) => ({ status: (e as { status: number }).status, message: 'refused' }),
    // The reply address is never given back or kept for display.
    wordsOf: (b) => ({ text: (b as Body).text }),
  });
}

const tick = () => new Promise((r) => setImmediate(r));

describe('submission lifecycle', () => {
  test('idle -> sending -> sent', async () => {
    const outbox = new FakeOutbox();
    const s = make(outbox);
    const seen: string[] = [];
    s.$state.listen((v) => seen.push(v.state));
    await s.send({ text: 'hello', contact: 'me@x.example' });
    assert.deepEqual(seen, ['sending', 'sent']);
    const state = s.$state.get();
    assert.ok(state.state === 'sent' && state.result.receipt === 'K7MX2QPA9R' && !state.later);
  });

  test('queued, then delivered later: shown once by its own form and acknowledged', async () => {
    const outbox = new FakeOutbox();
    outbox.next = { state: 'queued' };
    const mine = make(outbox);
    const other = make(outbox, 'feedback:riverside:libraries:1');
    await mine.connect();
    await other.connect();
    await mine.send({ text: 'offline words' });
    const queued = mine.$state.get();
    assert.ok(queued.state === 'queued');
    outbox.settle(queued.key, 'delivered');
    const sent = mine.$state.get();
    assert.ok(sent.state === 'sent' && sent.later && sent.result.receipt === 'HAVE-R2QP-AX');
    assert.equal(other.$state.get().state, 'idle', 'another form of the same scope prefix does not take it');
    assert.deepEqual(outbox.acknowledged, [queued.key]);
  });

  test('an outcome settled while its form was away is shown when the form is back', async () => {
    const outbox = new FakeOutbox();
    outbox.next = { state: 'queued' };
    const first = make(outbox);
    await first.connect();
    await first.send({ text: 'kept' });
    first.disconnect();
    const key = (first.$state.get() as { key: string }).key;
    outbox.settle(key, 'refused');
    const back = make(outbox);
    await back.connect();
    const state = back.$state.get();
    assert.ok(state.state === 'refused' && state.later && state.body?.text === 'kept' && state.refusal.status === 404);
    await tick();
    assert.deepEqual(outbox.acknowledged, [key]);
  });

  test('a waiting input can be discarded, its words given back, and a new one written', async () => {
    const outbox = new FakeOutbox();
    outbox.next = { state: 'queued' };
    const s = make(outbox);
    await s.connect();
    await s.send({ text: 'changed my mind', contact: 'me@x.example' });
    assert.deepEqual(await s.discard(), { text: 'changed my mind' });
    assert.equal(s.$state.get().state, 'idle');
    assert.equal((await outbox.records()).length, 0);
    outbox.next = { state: 'delivered', result: { receipt: 'NEW2-3456-78' } };
    await s.send({ text: 'a new one' });
    assert.equal(s.$state.get().state, 'sent');
  });

  test('a refusal for good never blocks the next input', async () => {
    const outbox = new FakeOutbox();
    outbox.next = { state: 'refused', status: 404 };
    const s = make(outbox);
    await s.send({ text: 'to a council that does not exist' });
    const refused = s.$state.get();
    assert.ok(refused.state === 'refused' && refused.refusal.status === 404 && refused.body?.text);
    outbox.next = { state: 'delivered', result: { receipt: 'K7MX2QPA9R' } };
    await s.send({ text: 'again' });
    assert.equal(s.$state.get().state, 'sent');
  });

  test('nothing to send through: an error the resident is told about', async () => {
    const s = createSubmission({ outbox: () => undefined, operation: 'createFeedback', scope: () => undefined, reasonOf: () => 'offline', refusalOf: () => ({ message: '' }) });
    const state = await s.send({ text: 'x' });
    assert.equal(state.state, 'error');
  });

  test('with storage, a form shows only the outcome it is waiting for, not an older record of its scope', async () => {
    const outbox = new FakeOutbox();
    const storage = new MemoryStorage();
    outbox.next = { state: 'queued' };
    // A record of this scope from an earlier visit whose note is gone (storage cleared).
    const stale = make(outbox, undefined, new MemoryStorage());
    await stale.send({ text: 'older' });
    outbox.settle((stale.$state.get() as { key: string }).key, 'delivered');
    const first = make(outbox, undefined, storage);
    await first.connect();
    assert.equal(first.$state.get().state, 'idle', 'the older outcome is not this form’s');
    await first.send({ text: 'mine' });
    const key = (first.$state.get() as { key: string }).key;
    first.disconnect();
    outbox.settle(key, 'delivered');
    const back = make(outbox, undefined, storage);
    await back.connect();
    const shown = back.$state.get();
    assert.ok(shown.state === 'sent' && shown.key === key);
  });
});
