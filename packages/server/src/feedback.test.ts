// Issue 3 on the server: receipts, erasure, spam protection without CAPTCHAs, rate limits and
// assisted entry, over real HTTP and checked in the database.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { Challenge, CouncilConfig, FeedbackCreated, FeedbackReceipt, leadingZeroBits, POW_CHALLENGE_TTL_MS, PROBLEM_TYPES, powInput, RECEIPT_ALPHABET, RECEIPT_LENGTH, solveChallenge } from '@civicloop/contract';
import { createHash } from 'node:crypto';
import * as z from 'zod/mini';
import { createCouncil } from './councils.js';
import { newReceipt } from './receipt.js';
import { clientBucket } from './rate-limit.js';
import type { RunningServer } from './server.js';
import { createService } from './services.js';
import { createStaffToken } from './staff-tokens.js';
import { forEachEngine, startTestServer, testClock } from './testing/engines.js';

const SECRET = 'feedback-test-secret';
const json = { 'content-type': 'application/json' };

test('receipts: 10 symbols without 0, O, 1, I or L, at least 40 bits, grouped 4-4-2', () => {
  assert.ok(!/[01OIL]/.test(RECEIPT_ALPHABET));
  assert.equal(new Set(RECEIPT_ALPHABET).size, RECEIPT_ALPHABET.length);
  assert.ok(RECEIPT_LENGTH * Math.log2(RECEIPT_ALPHABET.length) >= 40);
  const seen = new Set<string>();
  for (let i = 0; i < 2000; i++) {
    const r = newReceipt();
    assert.match(r, /^[2-9A-HJKMNP-Z]{10}$/);
    seen.add(r);
  }
  assert.equal(seen.size, 2000);
});

test('rate limits count an IPv6 client by its /64 and a mapped IPv4 address as IPv4', () => {
  assert.equal(clientBucket('2001:db8:1:2:aaaa::1'), '2001:db8:1:2::/64');
  assert.equal(clientBucket('2001:db8:1:2:bbbb:cccc:dddd:eeee'), '2001:db8:1:2::/64');
  assert.equal(clientBucket('2001:DB8:0001:0002::9%eth0'), '2001:db8:1:2::/64');
  assert.equal(clientBucket('2001:db8::1'), '2001:db8:0:0::/64');
  assert.equal(clientBucket('::1'), '0:0:0:0::/64');
  assert.equal(clientBucket('::ffff:203.0.113.7'), '203.0.113.7');
  assert.equal(clientBucket('203.0.113.7'), '203.0.113.7');
  assert.notEqual(clientBucket('2001:db8:1:3::1'), clientBucket('2001:db8:1:2::1'));
});

forEachEngine((engine) => {
  let server: RunningServer;
  let editorToken: string;
  let foreignToken: string;
  const clock = testClock();

  const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
    fetch(server.url + path, { method: 'POST', headers: { ...json, ...headers }, body: JSON.stringify(body) });
  const row = async (receipt: string) =>
    (
      await server.db.query<{ text: string | null; contact: string | null; channel: string; erased_at: Date | null }>(
        'SELECT text, contact, channel, erased_at FROM feedback WHERE receipt = $1',
        [receipt.replaceAll('-', '')],
      )
    ).rows[0];
  async function spamProblem(res: Response, path?: string) {
    assert.equal(res.status, 422);
    const problem = (await res.json()) as { type: string; title: string; detail: string; errors?: { path: string }[] };
    assert.equal(problem.type, PROBLEM_TYPES.spam);
    if (path) assert.equal(problem.errors?.[0]?.path, path);
    return problem;
  }

  before(async () => {
    server = await startTestServer(engine, { secret: SECRET, now: clock.now, limits: { feedbackPerClientPerHour: 10_000, feedbackPerCouncilPerHour: 10_000 } });
    await createCouncil(server.db, { slug: 'loopton', name: 'Loopton', origins: ['https://loopton.example'] });
    await createCouncil(server.db, { slug: 'slowton', name: 'Slowton', origins: [], antiAbuse: { minFillMs: 3000 } });
    await createCouncil(server.db, { slug: 'powton', name: 'Powton', origins: [], antiAbuse: { minFillMs: 1000, proofOfWork: { required: true, difficulty: 8 } } });
    await createService(server.db, { council: 'loopton', id: 'libraries', name: { en: 'Libraries' }, category: 'culture' });
    editorToken = await createStaffToken(server.db, { council: 'powton', role: 'editor', label: 'front desk' });
    foreignToken = await createStaffToken(server.db, { council: 'loopton', role: 'admin' });
  });
  after(() => server.close());

  describe('receipts and erasure', () => {
    test('script and markup payloads are stored verbatim', async () => {
      const payload = `<script>alert("x")</script><img src=x onerror=alert(1)> {{constructor}} \${x} & &amp; 'quote' "dq" ‮rtl‬ 🙂 </textarea>`;
      const res = await post('/v1/councils/loopton/feedback', { kind: 'problem', text: payload, contact: 'ana@example.org' });
      assert.equal(res.status, 201);
      const created = z.parse(FeedbackCreated, await res.json());
      assert.equal((await row(created.receipt))?.text, payload);
      assert.equal((await row(created.receipt))?.channel, 'web');
    });

    test('the receipt view shows status and timeline, never text or contact, whatever way the code is typed', async () => {
      const text = 'The ramp at the north entrance is too steep';
      const res = await post('/v1/councils/loopton/feedback', { kind: 'problem', text, service: 'libraries', contact: 'ola@example.org', rating: 2 });
      const created = z.parse(FeedbackCreated, await res.json());
      assert.match(created.receipt, /^[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{2}$/);
      for (const typed of [created.receipt, created.receipt.toLowerCase(), created.receipt.replaceAll('-', ''), created.receipt.replaceAll('-', '').toLowerCase()]) {
        const view = await fetch(`${server.url}/v1/councils/loopton/feedback/${typed}`);
        assert.equal(view.status, 200, typed);
        const raw = await view.text();
        assert.ok(!raw.includes('ramp') && !raw.includes('ola@example.org'), 'no text, no contact');
        const body = z.parse(FeedbackReceipt, JSON.parse(raw));
        assert.deepEqual(
          { receipt: body.receipt, status: body.status, kind: body.kind, service: body.service, erased: body.erased, theme: body.theme, createdAt: body.createdAt },
          { receipt: created.receipt, status: 'received', kind: 'problem', service: 'libraries', erased: false, theme: null, createdAt: created.createdAt },
        );
        assert.deepEqual(body.timeline.map((t) => t.status), ['received']);
        assert.match(view.headers.get('cache-control') ?? '', /private/);
        assert.ok(view.headers.get('etag'));
      }
      // A receipt is only good in its own council.
      assert.equal((await fetch(`${server.url}/v1/councils/slowton/feedback/${created.receipt}`)).status, 404);
    });

    test('unknown or malformed receipts are 404 problems', async () => {
      for (const code of ['2222-2222-22', 'OOOO-0000-11', 'short', 'x'.repeat(33)]) {
        const res = await fetch(`${server.url}/v1/councils/loopton/feedback/${code}`);
        assert.equal(res.status, 404, code);
        assert.equal(((await res.json()) as { type: string }).type, PROBLEM_TYPES.notFound);
      }
    });

    test('erasing removes text and contact, keeps the input counted, and is 204 again', async () => {
      const count = async () => (await server.db.query<{ n: number }>("SELECT count(*)::int AS n FROM feedback WHERE council = 'loopton'")).rows[0]!.n;
      const res = await post('/v1/councils/loopton/feedback', { kind: 'idea', text: 'Please erase me later', contact: 'erase@example.org' });
      const { receipt } = z.parse(FeedbackCreated, await res.json());
      const before = await count();
      const erased = await fetch(`${server.url}/v1/councils/loopton/feedback/${receipt.toLowerCase()}`, { method: 'DELETE' });
      assert.equal(erased.status, 204);
      const stored = await row(receipt);
      assert.equal(stored?.text, null);
      assert.equal(stored?.contact, null);
      assert.ok(stored?.erased_at);
      assert.equal(await count(), before, 'the count stays');
      const view = z.parse(FeedbackReceipt, await (await fetch(`${server.url}/v1/councils/loopton/feedback/${receipt}`)).json());
      assert.equal(view.erased, true);
      assert.equal((await fetch(`${server.url}/v1/councils/loopton/feedback/${receipt}`, { method: 'DELETE' })).status, 204);
      assert.equal((await fetch(`${server.url}/v1/councils/loopton/feedback/2222-2222-22`, { method: 'DELETE' })).status, 404);
    });

    test('a listed origin may preflight an erase', async () => {
      const res = await fetch(`${server.url}/v1/councils/loopton/feedback/2222-2222-22`, {
        method: 'OPTIONS',
        headers: { origin: 'https://loopton.example', 'access-control-request-method': 'DELETE' },
      });
      assert.equal(res.headers.get('access-control-allow-origin'), 'https://loopton.example');
      assert.match(res.headers.get('access-control-allow-methods') ?? '', /DELETE/);
    });
  });

  describe("the council's own text limit", () => {
    test('web and staff input longer than the council allows is 422 on /text; at the limit it is stored', async () => {
      await createCouncil(server.db, { slug: 'shortton', name: 'Shortton', origins: [] });
      await server.db.query("UPDATE councils SET feedback_text_max = 50 WHERE slug = 'shortton'");
      const config = z.parse(CouncilConfig, await (await fetch(`${server.url}/v1/councils/shortton`)).json());
      assert.equal(config.limits.feedbackTextMax, 50);
      const long = await post('/v1/councils/shortton/feedback', { kind: 'idea', text: 'y'.repeat(51) });
      assert.equal(long.status, 422);
      assert.deepEqual(((await long.json()) as { errors: { path: string }[] }).errors.map((e) => e.path), ['/text']);
      assert.equal((await post('/v1/councils/shortton/feedback', { kind: 'idea', text: 'y'.repeat(50) })).status, 201);
      const token = await createStaffToken(server.db, { council: 'shortton', role: 'editor' });
      const staff = await post('/v1/councils/shortton/staff/feedback', { kind: 'idea', text: 'y'.repeat(51), channel: 'phone' }, { authorization: `Bearer ${token}` });
      assert.equal(staff.status, 422);
    });
  });

  describe('spam protection', () => {
    test('the council config tells clients what it asks for', async () => {
      const config = z.parse(CouncilConfig, await (await fetch(`${server.url}/v1/councils/powton`)).json());
      assert.deepEqual(config.antiAbuse, { minFillMs: 1000, proofOfWork: { required: true, difficulty: 8 } });
      const plain = z.parse(CouncilConfig, await (await fetch(`${server.url}/v1/councils/loopton`)).json());
      assert.equal(plain.antiAbuse?.minFillMs, 0);
      assert.equal(plain.antiAbuse?.proofOfWork.required, false);
    });

    test('a filled honeypot is refused as spam with a clear title, and nothing is stored', async () => {
      const text = 'Honeypot victim text';
      const problem = await spamProblem(await post('/v1/councils/loopton/feedback', { kind: 'idea', text, website: 'http://spam.example' }), '/website');
      assert.match(problem.title, /automated/i);
      assert.equal((await server.db.query('SELECT 1 FROM feedback WHERE text = $1', [text])).rows.length, 0);
      // Whitespace alone is what autofill leaves, not a bot.
      assert.equal((await post('/v1/councils/loopton/feedback', { kind: 'idea', text: 'Blank honeypot', website: '  ' })).status, 201);
    });

    test('a form sent faster than the minimum fill time is refused, and asked to wait', async () => {
      const tooFast = await spamProblem(await post('/v1/councils/slowton/feedback', { kind: 'idea', text: 'Quick', elapsedMs: 400 }), '/elapsedMs');
      assert.match(tooFast.detail, /wait a moment/i);
      await spamProblem(await post('/v1/councils/slowton/feedback', { kind: 'idea', text: 'No timing at all' }), '/elapsedMs');
      assert.equal((await post('/v1/councils/slowton/feedback', { kind: 'idea', text: 'Took my time', elapsedMs: 45_000 })).status, 201);
    });

    test('proof of work: required, valid once, refused when reused, forged, too weak or expired', async () => {
      const base = { kind: 'question', text: 'Solved a challenge', elapsedMs: 5000 } as const;
      await spamProblem(await post('/v1/councils/powton/feedback', base), '/proof');

      const issued = await post('/v1/councils/powton/challenges', undefined, {});
      assert.equal(issued.status, 201);
      assert.equal(issued.headers.get('cache-control'), 'no-store');
      const challenge = z.parse(Challenge, await issued.json());
      assert.equal(challenge.difficulty, 8);
      assert.equal(Date.parse(challenge.expiresAt), Math.floor((clock.now() + POW_CHALLENGE_TTL_MS) / 1000) * 1000);

      const nonce = await solveChallenge(challenge.challenge, challenge.difficulty);
      const digest = createHash('sha256').update(powInput(challenge.challenge, nonce)).digest();
      assert.ok(leadingZeroBits(digest) >= 8);
      const proof = { challenge: challenge.challenge, nonce };
      assert.equal((await post('/v1/councils/powton/feedback', { ...base, proof })).status, 201);
      const reused = await spamProblem(await post('/v1/councils/powton/feedback', { ...base, text: 'Second try', proof }), '/proof');
      assert.match(reused.title, /already used/i);

      // A nonce that misses the difficulty.
      const fresh = z.parse(Challenge, await (await post('/v1/councils/powton/challenges', undefined)).json());
      let weak = 0;
      while (leadingZeroBits(createHash('sha256').update(powInput(fresh.challenge, String(weak))).digest()) >= 8) weak++;
      await spamProblem(await post('/v1/councils/powton/feedback', { ...base, proof: { challenge: fresh.challenge, nonce: String(weak) } }), '/proof');
      // The same challenge is still good with a real solution: a failed attempt does not spend it.
      const good = await solveChallenge(fresh.challenge, fresh.difficulty);
      assert.equal((await post('/v1/councils/powton/feedback', { ...base, text: 'Third', proof: { challenge: fresh.challenge, nonce: good } })).status, 201);

      // Forged signature, another council's challenge, an expired one.
      const parts = fresh.challenge.split('.');
      const forged = [...parts.slice(0, 4), 'A'.repeat(parts[4]!.length)].join('.');
      await spamProblem(await post('/v1/councils/powton/feedback', { ...base, proof: { challenge: forged, nonce: await solveChallenge(forged, 8) } }), '/proof');
      const other = z.parse(Challenge, await (await post('/v1/councils/loopton/challenges', undefined)).json());
      await spamProblem(await post('/v1/councils/powton/feedback', { ...base, proof: { challenge: other.challenge, nonce: await solveChallenge(other.challenge, other.difficulty) } }), '/proof');
      // A challenge is good for its lifetime and not a second longer, by the server's clock.
      const late = z.parse(Challenge, await (await post('/v1/councils/powton/challenges', undefined)).json());
      const lateNonce = await solveChallenge(late.challenge, late.difficulty);
      clock.advance(POW_CHALLENGE_TTL_MS + 1000);
      const problem = await spamProblem(await post('/v1/councils/powton/feedback', { ...base, proof: { challenge: late.challenge, nonce: lateNonce } }), '/proof');
      assert.match(problem.title, /expired/i);
    });

    test('a spent challenge is remembered until it expires, then purged', async () => {
      const base = { kind: 'idea', text: 'Spent then purged', elapsedMs: 5000 } as const;
      const challenge = z.parse(Challenge, await (await post('/v1/councils/powton/challenges', undefined)).json());
      const proof = { challenge: challenge.challenge, nonce: await solveChallenge(challenge.challenge, challenge.difficulty) };
      assert.equal((await post('/v1/councils/powton/feedback', { ...base, proof })).status, 201);
      const digest = createHash('sha256').update(challenge.challenge).digest('base64url');
      const spent = async () => (await server.db.query('SELECT 1 FROM spent_challenges WHERE digest = $1', [digest])).rows.length;
      clock.advance(POW_CHALLENGE_TTL_MS - 60_000);
      await server.purge();
      assert.equal(await spent(), 1, 'kept while the challenge could still be sent');
      await spamProblem(await post('/v1/councils/powton/feedback', { ...base, text: 'Replayed proof', proof }), '/proof');
      clock.advance(120_000);
      await server.purge();
      assert.equal(await spent(), 0, 'purged once expired');
    });

    test('staff entry is not held to the public bot checks', async () => {
      const res = await post('/v1/councils/powton/staff/feedback', { kind: 'problem', text: 'Told us at the desk', channel: 'in-person' }, { authorization: `Bearer ${editorToken}` });
      assert.equal(res.status, 201);
    });
  });

  describe('assisted entry', () => {
    const staffPost = (council: string, body: unknown, headers: Record<string, string>) => post(`/v1/councils/${council}/staff/feedback`, body, headers);
    const body = { kind: 'problem', text: 'Called about the broken heating in the pool', channel: 'phone', contact: 'caller@example.org' } as const;

    test('without a token or with an unknown one: 401 with a Bearer challenge', async () => {
      const none = await staffPost('powton', body, {});
      assert.equal(none.status, 401);
      assert.equal(none.headers.get('www-authenticate'), 'Bearer');
      assert.equal(((await none.json()) as { type: string }).type, PROBLEM_TYPES.unauthorized);
      assert.equal((await staffPost('powton', body, { authorization: 'Bearer clst_not-a-real-token' })).status, 401);
      assert.equal((await staffPost('powton', body, { authorization: `Basic ${editorToken}` })).status, 401);
    });

    test("another council's token: 403", async () => {
      const res = await staffPost('powton', body, { authorization: `Bearer ${foreignToken}` });
      assert.equal(res.status, 403);
      assert.equal(((await res.json()) as { type: string }).type, PROBLEM_TYPES.forbidden);
    });

    test('a valid token: 201 with the channel stored, and Idempotency-Key replays', async () => {
      const headers = { authorization: `Bearer ${editorToken}`, 'idempotency-key': 'staff-key-1' };
      const res = await staffPost('powton', body, headers);
      assert.equal(res.status, 201);
      const created = z.parse(FeedbackCreated, await res.json());
      const stored = await row(created.receipt);
      assert.equal(stored?.channel, 'phone');
      assert.equal(stored?.text, body.text);
      const again = await staffPost('powton', body, headers);
      assert.equal(again.headers.get('idempotency-replayed'), 'true');
      assert.deepEqual(await again.json(), created);
      const n = await server.db.query('SELECT 1 FROM feedback WHERE text = $1', [body.text]);
      assert.equal(n.rows.length, 1);
    });

    test('channel must be a staff channel', async () => {
      for (const channel of [undefined, 'web', 'carrier-pigeon']) {
        const res = await staffPost('powton', { ...body, channel }, { authorization: `Bearer ${editorToken}` });
        assert.equal(res.status, 422, String(channel));
      }
    });
  });
});

forEachEngine((engine) => {
  let server: RunningServer;
  // Half past ten: the hour's window has 30 minutes left.
  const clock = testClock(Date.UTC(2026, 0, 15, 10, 30, 0));
  before(async () => {
    server = await startTestServer(engine, { trustProxy: true, now: clock.now, limits: { feedbackPerClientPerHour: 2, feedbackPerCouncilPerHour: 3 } });
    await createCouncil(server.db, { slug: 'busyton', name: 'Busyton', origins: [] });
  });
  after(() => server.close());

  const from = (address: string, text: string) =>
    fetch(`${server.url}/v1/councils/busyton/feedback`, {
      method: 'POST',
      headers: { ...json, 'x-forwarded-for': address },
      body: JSON.stringify({ kind: 'idea', text }),
    });
  async function limited(res: Response, who: RegExp, retryAfter: number) {
    assert.equal(res.status, 429);
    assert.equal(Number(res.headers.get('retry-after')), retryAfter, 'seconds to the next window');
    const problem = (await res.json()) as { type: string; detail: string };
    assert.equal(problem.type, PROBLEM_TYPES.rateLimited);
    assert.match(problem.detail, who);
  }

  test('rate limits per client address and per council: 429 with Retry-After, and no raw address stored', async () => {
    assert.equal((await from('203.0.113.7', 'one')).status, 201);
    assert.equal((await from('203.0.113.7', 'two')).status, 201);
    await limited(await from('203.0.113.7', 'three'), /connection/, 1800);
    assert.equal((await from('198.51.100.23', 'four')).status, 201, 'another address has its own allowance');
    clock.advance(20 * 60_000);
    await limited(await from('198.51.100.23', 'five'), /council/, 600);

    const buckets = await server.db.query<{ bucket: string }>('SELECT bucket FROM rate_counters');
    assert.ok(buckets.rows.length >= 2);
    const dump = JSON.stringify(buckets.rows);
    assert.ok(!dump.includes('203.0.113.7') && !dump.includes('198.51.100.23'), dump);
  });

  test('a new hour brings a new allowance; counters are purged two hours after their window', async () => {
    clock.advance(10 * 60_000 + 1000); // 11:00:01
    assert.equal((await from('203.0.113.7', 'six')).status, 201);
    const windows = async () => (await server.db.query('SELECT DISTINCT window_start FROM rate_counters')).rows.length;
    assert.equal(await windows(), 2);
    clock.advance(2 * 3600_000 - 60_000); // 12:59:01: the 10:00 window is more than two hours old, the 11:00 one not yet
    await server.purge();
    assert.equal(await windows(), 1);
    clock.advance(120_000);
    await server.purge();
    assert.equal(await windows(), 0);
  });

  test('feedback POSTs carry the RateLimit fields: what this client has left, and the policy that refused', async () => {
    // 13:01:01 (the purge test's clock): 3539 seconds to the next window, every counter purged.
    const paced = await from('192.0.2.44', 'paced');
    assert.equal(paced.status, 201);
    assert.equal(paced.headers.get('ratelimit-policy'), '"client";q=2;w=3600');
    assert.equal(paced.headers.get('ratelimit'), '"client";r=1;t=3539');
    clock.advance(39_000);
    assert.equal((await from('192.0.2.44', 'paced again')).headers.get('ratelimit'), '"client";r=0;t=3500');
    const refused = await from('192.0.2.44', 'one too many');
    assert.equal(refused.status, 429);
    assert.equal(refused.headers.get('ratelimit'), '"client";r=0;t=3500');
    assert.equal(refused.headers.get('retry-after'), '3500');
    // A refused input is rolled back uncounted, so the council has two; a third fills its quota of 3.
    assert.equal((await from('192.0.2.45', 'the third')).status, 201);
    const crowded = await from('192.0.2.46', 'the council is full');
    assert.equal(crowded.status, 429);
    assert.equal(crowded.headers.get('ratelimit-policy'), '"council";q=3;w=3600');
    assert.equal(crowded.headers.get('ratelimit'), '"council";r=0;t=3500');
  });
});
