// Anti-abuse fields with an injected clock: no test waits for a fill time to pass.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, test } from 'node:test';
import { leadingZeroBits, powInput } from '@civicloop/contract/pow';
import { createAntiAbuse } from './anti-abuse.ts';

function setup(opts: { required?: boolean | undefined; expiresInMs?: number; minFillMs?: number } = {}) {
  let clock = 10_000;
  let challenges = 0;
  let required = 'required' in opts ? opts.required : true;
  let known!: () => void;
  const knownPromise = new Promise<void>((r) => (known = r));
  if (required !== undefined) known();
  const waits: number[] = [];
  const aa = createAntiAbuse({
    now: () => clock,
    minFillMs: () => opts.minFillMs,
    // The injected clock moves by what was waited: nothing sleeps.
    wait: async (ms) => {
      waits.push(ms);
      clock += ms;
    },
    since: () => 4_000,
    proofRequired: () => required,
    proofKnown: () => knownPromise,
    challenge: async () => {
      challenges++;
      return { challenge: `signed-${challenges}`, difficulty: 8, expiresAt: new Date(clock + (opts.expiresInMs ?? 15 * 60_000)).toISOString() };
    },
  });
  return {
    aa,
    waits,
    count: () => challenges,
    tick: (ms: number) => (clock += ms),
    learn: (value: boolean) => {
      required = value;
      known();
    },
  };
}

describe('anti-abuse', () => {
  test('fill time from the injected clock, the honeypot as typed, a proof that verifies', async () => {
    const { aa, count } = setup();
    aa.prepare();
    aa.prepare();
    const fields = await aa.fields('');
    assert.equal(fields.elapsedMs, 6_000);
    assert.equal(fields.website, '');
    assert.equal(count(), 1, 'one challenge, solved in the background, however often the resident types');
    const digest = createHash('sha256').update(powInput(fields.proof!.challenge, fields.proof!.nonce)).digest();
    assert.ok(leadingZeroBits(digest) >= 8);
    // A challenge is good for one input: the next input gets a fresh one.
    const next = await aa.fields('bot was here');
    assert.equal(next.website, 'bot was here');
    assert.equal(count(), 2);
    assert.notEqual(next.proof!.challenge, fields.proof!.challenge);
  });

  test('no proof, and no request, when the council does not ask for one', async () => {
    const { aa, count } = setup({ required: false });
    aa.prepare();
    const fields = await aa.fields('');
    assert.equal(fields.proof, undefined);
    assert.equal(count(), 0);
  });

  test('sent before the council configuration arrived: waits for it, then proves if asked', async () => {
    const { aa, count, learn } = setup({ required: undefined });
    aa.prepare();
    assert.equal(count(), 0);
    const pending = aa.fields('');
    learn(true);
    assert.ok((await pending).proof);
    assert.equal(count(), 1);
  });

  test('sent sooner than the council’s minimum fill time: waits the rest, then says the time it took', async () => {
    const early = setup({ required: false, minFillMs: 8_000 }); // writing began 6 s ago
    assert.equal((await early.aa.fields('')).elapsedMs, 8_000);
    assert.deepEqual(early.waits, [2_000]);
    const late = setup({ required: false, minFillMs: 5_000 });
    assert.equal((await late.aa.fields('')).elapsedMs, 6_000);
    const unknown = setup({ required: false }); // the configuration failed: nothing to wait for
    assert.equal((await unknown.aa.fields('')).elapsedMs, 6_000);
    assert.deepEqual([...late.waits, ...unknown.waits], []);
  });

  test('a challenge about to expire is replaced before sending', async () => {
    const { aa, count, tick } = setup({ expiresInMs: 90_000 });
    aa.prepare();
    await new Promise((r) => setImmediate(r));
    tick(40_000); // 50 s left: too little to still be valid when the resident sends
    aa.prepare();
    assert.equal(count(), 2);
  });
});
