import { PROBLEM_TYPES } from '@civicloop/contract';
import { isIPv6 } from 'node:net';
import type { Queryable } from './db/driver.js';
import { HttpProblem } from './errors/http-problem.js';

const WINDOW_SECONDS = 3600;

export const DEFAULT_LIMITS = { feedbackPerClientPerHour: 20, feedbackPerCouncilPerHour: 2000, signInsPerClientPerHour: 30, signInsPerCouncilPerHour: 1000 };

/** What a client may still send in the current window, for the `RateLimit` headers. */
export interface Allowance {
  /** The policy's name in the headers: `client` or `council`. */
  policy: string;
  limit: number;
  remaining: number;
  /** Seconds until the window resets. */
  reset: number;
}

/**
 * The IETF RateLimit fields (draft-ietf-httpapi-ratelimit-headers): `RateLimit-Policy` says the
 * quota `q` per window `w`, `RateLimit` what is left (`r`) and when it resets (`t`, seconds), so a
 * client can pace itself instead of meeting a 429.
 */
export function rateLimitHeaders(a: Allowance): Record<string, string> {
  return {
    'ratelimit-policy': `"${a.policy}";q=${a.limit};w=${WINDOW_SECONDS}`,
    ratelimit: `"${a.policy}";r=${a.remaining};t=${a.reset}`,
  };
}

/** A council's count is spread over this many rows, so concurrent inputs rarely wait on one row lock. */
export const COUNCIL_SHARDS = 16;

/** One limit to count a hit against. */
export interface Limit {
  bucket: string;
  limit: number;
  /** Who reached it, for the 429's detail: "Your connection", "This council". */
  what: string;
  policy: string;
  /** What is counted, in the 429's words. @default 'inputs' */
  counts?: keyof typeof COUNTED;
}

/** A 429's title, and what its detail says is counted and what the caller does next. */
const COUNTED = {
  inputs: { title: 'Too many inputs', what: 'inputs', next: 'Your text is not lost: send it again' },
  'sign-ups': { title: 'Too many sign-ups', what: 'contact bank sign-ups', next: 'What was filled in is not lost: send it again' },
  'sign-ins': { title: 'Too many sign-ins', what: 'sign-ins', next: 'Try again' },
} as const;

function refuse(l: Limit, allowance: Allowance): never {
  const minutes = Math.ceil(allowance.reset / 60);
  const counted = COUNTED[l.counts ?? 'inputs'];
  throw new HttpProblem(429, PROBLEM_TYPES.rateLimited, counted.title, {
    detail: `${l.what} reached its limit of ${l.limit} ${counted.what} an hour. ${counted.next} in ${minutes} minutes.`,
    headers: { 'retry-after': String(allowance.reset), ...rateLimitHeaders(allowance) },
  });
}

/**
 * Counts one hit against a client's limit and its council's in the current hour, in one
 * statement, and refuses past either with 429, `Retry-After` (seconds to the next window) and the
 * `RateLimit` fields. Counters live in the database, so every server process shares them.
 *
 * No row is locked by every write: the client's row is only that client's (its own concurrent
 * inputs queue on it, which keeps its limit exact), and the council's count is spread over
 * `COUNCIL_SHARDS` rows, one picked at random, and summed. Concurrent inputs from different
 * clients can pass the council's limit by at most as many as are in flight at once.
 * Called inside the request's transaction: a refused request is rolled back with it, so only
 * accepted inputs count (a sign-in runs outside one, so every attempt counts). Returns the client's allowance.
 */
export async function consumeBoth(db: Queryable, client: Limit, council: Limit, nowMs: number): Promise<Allowance> {
  const now = nowMs / 1000;
  const windowStart = Math.floor(now / WINDOW_SECONDS) * WINDOW_SECONDS;
  const shards = Array.from({ length: COUNCIL_SHARDS }, (_, i) => `${council.bucket}:${i}`);
  const mine = shards[Math.floor(Math.random() * COUNCIL_SHARDS)]!;
  // The sum reads the other shards as committed before this statement; its own shard comes from RETURNING.
  const { rows } = await db.query<{ client: number; council: number }>(
    `WITH c AS (
       INSERT INTO rate_counters (bucket, window_start, hits) VALUES ($1, to_timestamp($2), 1)
       ON CONFLICT (bucket, window_start) DO UPDATE SET hits = rate_counters.hits + 1 RETURNING hits),
     s AS (
       INSERT INTO rate_counters (bucket, window_start, hits) VALUES ($3, to_timestamp($2), 1)
       ON CONFLICT (bucket, window_start) DO UPDATE SET hits = rate_counters.hits + 1 RETURNING hits)
     SELECT (SELECT hits FROM c) AS client,
            (SELECT hits FROM s) + (SELECT COALESCE(sum(hits), 0)::int FROM rate_counters WHERE bucket = ANY($4::text[]) AND bucket <> $3 AND window_start = to_timestamp($2)) AS council`,
    [client.bucket, windowStart, mine, shards],
  );
  const reset = Math.max(1, Math.ceil(windowStart + WINDOW_SECONDS - now));
  const hits = { client: Number(rows[0]!.client), council: Number(rows[0]!.council) };
  const allowance = (l: Limit, n: number): Allowance => ({ policy: l.policy, limit: l.limit, remaining: Math.max(0, l.limit - n), reset });
  if (hits.client > client.limit) refuse(client, allowance(client, hits.client));
  if (hits.council > council.limit) refuse(council, allowance(council, hits.council));
  return allowance(client, hits.client);
}

/** Whether a header is one of the RateLimit fields, which describe a moment and are never replayed. */
export function isRateLimitHeader(name: string): boolean {
  return /^ratelimit(-policy)?$/i.test(name);
}

/** Forgets windows that can no longer matter. */
export async function purgeCounters(db: Queryable, now: number): Promise<void> {
  await db.query('DELETE FROM rate_counters WHERE window_start < to_timestamp($1)', [(now - 2 * WINDOW_SECONDS * 1000) / 1000]);
}

/**
 * What one client is, for rate limits: an IPv4 address, or the /64 network of an IPv6 one
 * (one household or phone gets a whole /64 and can rotate through it at will). IPv4-mapped
 * IPv6 addresses count as their IPv4 address.
 */
export function clientBucket(address: string): string {
  const a = address.replace(/%.*$/, '').toLowerCase();
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(a);
  if (mapped) return mapped[1]!;
  if (!isIPv6(a)) return a;
  const [head = '', tail] = a.split('::');
  const h = head ? head.split(':') : [];
  const t = tail ? tail.split(':') : [];
  const groups = tail === undefined ? h : [...h, ...Array<string>(Math.max(0, 8 - h.length - t.length)).fill('0'), ...t];
  return `${groups.slice(0, 4).map((g) => parseInt(g, 16).toString(16)).join(':')}::/64`;
}
