// The README's promises to integrators, checked against a real server: the SDK example runs as
// printed against the demo councils (only the port differs), and the anti-abuse contract works
// as written — the proof-of-work algorithm implemented from the README's words alone, and 429
// with Retry-After past the rate limit.
import assert from 'node:assert/strict';
import { createHash, randomUUID } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { after, before, describe, test } from 'node:test';
import { createCouncil, seedDemo, startServer, type RunningServer } from '@civicloop/server';
import { codeAfter } from '../support/readme.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));

describe('README for integrators', () => {
  let server: RunningServer;
  // Inside node_modules so the example's own `import '@civicloop/sdk'` resolves as in a project.
  const dir = `${root}node_modules/.cache/civicloop-readme-${process.pid}`;

  before(async () => {
    // One input an hour per client and council: each council below accepts one, then the limit answers.
    server = await startServer({ port: 0, dataDir: 'memory://', log: () => {}, limits: { feedbackPerClientPerHour: 1 } });
    await seedDemo(server.db);
    mkdirSync(dir, { recursive: true });
  });
  after(async () => {
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test('the SDK example works as printed against the demo councils', async () => {
    const code = codeAfter('## For developers: the SDK', 'ts');
    assert.equal(code.split("'http://localhost:8080'").length, 2, 'the example talks to the npm start server');
    writeFileSync(`${dir}/sdk-example.ts`, code.replace("'http://localhost:8080'", JSON.stringify(server.url)));
    const { send } = (await import(pathToFileURL(`${dir}/sdk-example.ts`).href)) as {
      send: (text: string, shownAt: number) => Promise<{ receipt?: string; errors?: { path: string; code?: string }[] }>;
    };

    // The demo councils come with seeded inputs (issue 8's themes answer them): only what the example adds counts.
    const seeded = (await server.db.query<{ id: string }>('SELECT id FROM feedback')).rows.map((r) => r.id);
    // A resident who had the form for five seconds: stored, with a receipt to keep.
    const sent = await send('Open the library on Sundays', performance.now() - 5000);
    assert.match(sent.receipt ?? '', /^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{2}$/, JSON.stringify(sent));
    const { rows } = await server.db.query<{ text: string; council: string }>('SELECT text, council FROM feedback WHERE NOT (id = ANY($1::text[]))', [seeded]);
    assert.deepEqual(rows, [{ text: 'Open the library on Sundays', council: 'riverside' }]);

    // Sent the instant the form appeared: the 422 the README describes, field by field.
    const tooFast = await send('Open the library on Sundays', performance.now());
    assert.equal(tooFast.errors?.[0]?.path, '/elapsedMs');
    assert.equal(tooFast.errors?.[0]?.code, 'too_fast');
  });

  test('proof of work as the README describes it is accepted; past the rate limit the answer is 429 with Retry-After', async () => {
    await createCouncil(server.db, { slug: 'pow-check', name: 'Proof of work check', origins: [], antiAbuse: { minFillMs: 0, proofOfWork: { required: true, difficulty: 8 } } });
    const base = `${server.url}/v1/councils/pow-check`;
    const post = (body: unknown) =>
      fetch(`${base}/feedback`, { method: 'POST', headers: { 'content-type': 'application/json', 'idempotency-key': randomUUID() }, body: JSON.stringify(body) });

    const withoutProof = await post({ kind: 'idea', text: 'No proof' });
    assert.equal(withoutProof.status, 422);
    assert.equal(((await withoutProof.json()) as { errors: { path: string }[] }).errors[0]?.path, '/proof');

    const challengeResponse = await fetch(`${base}/challenges`, { method: 'POST' });
    assert.equal(challengeResponse.status, 201);
    const { challenge, difficulty } = (await challengeResponse.json()) as { challenge: string; difficulty: number };
    assert.equal(difficulty, 8);
    // README: SHA-256(UTF-8(challenge + ":" + nonce)) starts with `difficulty` zero bits, most significant first.
    const zeroBits = (digest: Buffer) => {
      let bits = 0;
      for (const byte of digest) {
        if (byte !== 0) return bits + Math.clz32(byte) - 24;
        bits += 8;
      }
      return bits;
    };
    let n = 0;
    while (zeroBits(createHash('sha256').update(`${challenge}:${n}`, 'utf8').digest()) < difficulty) n++;
    const proven = await post({ kind: 'idea', text: 'With proof', proof: { challenge, nonce: String(n) } });
    assert.equal(proven.status, 201, await proven.clone().text());
    await proven.arrayBuffer();

    // This client's one input an hour for this council is spent: the next is refused.
    const challenge2 = (await (await fetch(`${base}/challenges`, { method: 'POST' })).json()) as { challenge: string };
    let m = 0;
    while (zeroBits(createHash('sha256').update(`${challenge2.challenge}:${m}`, 'utf8').digest()) < difficulty) m++;
    const limited = await post({ kind: 'idea', text: 'One too many', proof: { challenge: challenge2.challenge, nonce: String(m) } });
    assert.equal(limited.status, 429);
    const retryAfter = Number(limited.headers.get('retry-after'));
    assert.ok(Number.isInteger(retryAfter) && retryAfter >= 1 && retryAfter <= 3600, `Retry-After: ${limited.headers.get('retry-after')}`);
    assert.equal(((await limited.json()) as { type: string }).type, 'urn:civicloop:problem:rate-limited');
  });
});
