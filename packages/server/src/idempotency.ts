import { ANTI_ABUSE_FIELDS, IDEMPOTENCY_KEY_MAX, IDEMPOTENCY_KEY_MIN, IDEMPOTENCY_KEY_RETENTION_MS, IdempotencyKey, PROBLEM_TYPES } from '@civicloop/contract';
import { createHash } from 'node:crypto';
import * as z from 'zod/mini';
import type { StoredReply } from './context.js';
import type { Database, Queryable } from './db/driver.js';
import { HttpProblem } from './errors/http-problem.js';
import { problems } from './problems.js';

/** A claim left in flight this long belongs to a crashed process; the next request may take it over. */
const ABANDONED_SECONDS = 120;

/** Checks the header's bounds; 422 otherwise. */
export function readIdempotencyKey(headers: Headers): string | undefined {
  const key = headers.get('idempotency-key');
  if (key === null) return undefined;
  if (!z.safeParse(IdempotencyKey, key).success) {
    throw problems.validation(
      [{ path: '/headers/idempotency-key', message: `Idempotency-Key must be ${IDEMPOTENCY_KEY_MIN} to ${IDEMPOTENCY_KEY_MAX} characters`, code: 'invalid_idempotency_key' }],
      'The Idempotency-Key header is out of bounds.',
    );
  }
  return key;
}

/**
 * Hash of the request as the client meant it: key order and whitespace of the JSON do not
 * matter, nor do the anti-abuse fields (a re-send from an offline outbox carries a fresh proof
 * of work for the same input).
 */
export function requestHash(operationId: string, path: string, body: unknown): string {
  let meant = body;
  if (body && typeof body === 'object' && !Array.isArray(body)) {
    const copy: Record<string, unknown> = { ...(body as Record<string, unknown>) };
    for (const field of ANTI_ABUSE_FIELDS) delete copy[field];
    meant = copy;
  }
  return createHash('sha256').update(`${operationId}\n${path}\n${canonicalJson(meant)}`).digest('base64url');
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

export type Claim = { kind: 'claimed' } | { kind: 'replay'; response: StoredReply };

/**
 * Claims `key` in `scope` for this request before its handler runs. The claim is one statement
 * committed on its own, so a concurrent request with the same key (in this or another process)
 * sees it at once and is answered 409 instead of waiting: this is why an input takes two
 * commits, the claim and the input with its stored answer. A claim left by a crashed process
 * is taken over, by compare-and-set on its time, once it is `ABANDONED_SECONDS` old.
 */
export async function claimKey(db: Queryable, scope: string, key: string, hash: string, now: number): Promise<Claim> {
  const inserted = await db.query(
    'INSERT INTO idempotency_keys (scope, key, request_hash, created_at) VALUES ($1, $2, $3, to_timestamp($4)) ON CONFLICT (scope, key) DO NOTHING',
    [scope, key, hash, now / 1000],
  );
  if (inserted.rowCount === 1) return { kind: 'claimed' };
  const { rows } = await db.query<{ request_hash: string; response_status: number | null; response_body: string | null; age: number; created: string }>(
    `SELECT request_hash, response_status, response_body, ($3::float8 - EXTRACT(EPOCH FROM created_at)::float8) AS age, created_at::text AS created
     FROM idempotency_keys WHERE scope = $1 AND key = $2`,
    [scope, key, now / 1000],
  );
  const row = rows[0];
  if (!row) throw new HttpProblem(409, PROBLEM_TYPES.conflict, 'Conflict', { detail: 'The key was released meanwhile; send the request again.' });
  if (row.request_hash !== hash) {
    throw new HttpProblem(422, PROBLEM_TYPES.idempotencyMismatch, 'Idempotency-Key reused with another request', {
      detail: 'This Idempotency-Key was first used with a different body. Use a new key for a new request.',
    });
  }
  if (row.response_status === null) {
    const inFlight = () =>
      new HttpProblem(409, PROBLEM_TYPES.idempotencyInFlight, 'Request still in flight', {
        detail: 'The first request with this Idempotency-Key is still being processed. Retry in a moment.',
        headers: { 'retry-after': '1' },
      });
    if (row.age < ABANDONED_SECONDS) throw inFlight();
    // Only one of several retries takes an abandoned claim over: the one that still sees its old time.
    const taken = await db.query(
      'UPDATE idempotency_keys SET created_at = to_timestamp($3) WHERE scope = $1 AND key = $2 AND response_status IS NULL AND created_at = $4::timestamptz',
      [scope, key, now / 1000, row.created],
    );
    if (taken.rowCount !== 1) throw inFlight();
    return { kind: 'claimed' };
  }
  const stored = JSON.parse(row.response_body ?? '{}') as { body?: unknown; headers?: Record<string, string> };
  return { kind: 'replay', response: { status: row.response_status, body: stored.body, headers: stored.headers ?? {} } };
}

/** Stores the answer to replay it; only successful answers are kept, so a failed request can be retried with its key. */
export async function completeKey(db: Queryable, scope: string, key: string, response: StoredReply): Promise<void> {
  await db.query('UPDATE idempotency_keys SET response_status = $3, response_body = $4 WHERE scope = $1 AND key = $2', [
    scope,
    key,
    response.status,
    JSON.stringify({ body: response.body, headers: response.headers ?? {} }),
  ]);
}

export async function releaseKey(db: Database, scope: string, key: string): Promise<void> {
  await db.query('DELETE FROM idempotency_keys WHERE scope = $1 AND key = $2 AND response_status IS NULL', [scope, key]);
}

/**
 * Forgets keys older than the contract's retention (`IDEMPOTENCY_KEY_RETENTION_MS`, 30 days: an
 * offline outbox may re-send days later, a phone left in a drawer, and must get the first answer).
 */
export async function purgeKeys(db: Queryable, now: number): Promise<void> {
  await db.query('DELETE FROM idempotency_keys WHERE created_at < to_timestamp($1)', [(now - IDEMPOTENCY_KEY_RETENTION_MS) / 1000]);
}
