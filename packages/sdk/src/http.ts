// Zod-free on purpose: the transport (and so every browser bundle) uses these.
import type { Problem, ValidationIssue } from '@civicloop/contract';

/**
 * Milliseconds to wait according to a `Retry-After` value: delta-seconds or an HTTP date
 * (RFC 9110 §10.2.3). Undefined when absent or unreadable; never negative.
 */
export function parseRetryAfter(value: string | null | undefined, now = Date.now()): number | undefined {
  const trimmed = value?.trim();
  if (!trimmed) return undefined;
  if (/^\d+(?:\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - now);
}

/**
 * Reads a problem+json body tolerantly: servers that are not ours (a proxy's 502 page, a
 * load balancer's 503) still yield a usable Problem with the real status.
 */
export function toProblem(status: number, statusText: string, text: string): Problem {
  let raw: Record<string, unknown> = {};
  try {
    const body: unknown = JSON.parse(text);
    if (typeof body === 'object' && body !== null && !Array.isArray(body)) raw = body as Record<string, unknown>;
  } catch {
    // Not JSON (a proxy's HTML page): the status says it all.
  }
  const str = (key: string) => (typeof raw[key] === 'string' ? (raw[key] as string) : undefined);
  const whole = str('type') !== undefined && str('title') !== undefined && Number.isInteger(raw['status']);
  // A well-formed problem is kept whole, extension members included (RFC 9457 §3.2).
  const problem: Problem = whole ? ({ ...raw } as Problem) : { type: str('type') ?? 'about:blank', title: str('title') || statusText || `HTTP ${status}`, status };
  // Members of the wrong type are left out, so that callers can trust the ones there.
  for (const key of ['detail', 'instance'] as const) {
    if (str(key) === undefined) delete problem[key];
    else problem[key] = str(key);
  }
  if (problem.errors !== undefined && !(Array.isArray(problem.errors) && problem.errors.every(isIssue))) delete problem.errors;
  return problem;
}

/** A `ValidationIssue`: `path`, `message` and `code` are strings. */
export function isIssue(value: unknown): value is ValidationIssue {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v['path'] === 'string' && typeof v['message'] === 'string' && typeof v['code'] === 'string';
}

/**
 * A fresh Idempotency-Key. `crypto.randomUUID` exists only in secure contexts, and council
 * CMS pages are not always served over HTTPS, so fall back to `getRandomValues` (always there).
 */
export function randomKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40; // version 4
  b[8] = (b[8]! & 0x3f) | 0x80; // variant 10
  // 8-4-4-4-12 hex digits: a hyphen before bytes 4, 6, 8 and 10.
  return Array.from(b, (x, i) => (i > 3 && i < 11 && !(i & 1) ? '-' : '') + (x | 256).toString(16).slice(1)).join('');
}
