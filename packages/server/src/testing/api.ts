// Test support for the loop's suites: JSON calls over real HTTP, with or without a staff token.
import type { RunningServer } from '../server.js';

export interface Called<T = unknown> {
  status: number;
  body: T;
  headers: Headers;
}

/** Calls `method path` on the server with an optional JSON body and bearer token; parses JSON answers. */
export async function call<T = any>(server: RunningServer, method: string, path: string, opts: { body?: unknown; token?: string; headers?: Record<string, string> } = {}): Promise<Called<T>> {
  const headers: Record<string, string> = { ...opts.headers };
  if (opts.body !== undefined) headers['content-type'] = 'application/json';
  if (opts.token !== undefined) headers['authorization'] = `Bearer ${opts.token}`;
  const res = await fetch(server.url + path, { method, headers, ...(opts.body !== undefined ? { body: JSON.stringify(opts.body) } : {}) });
  const text = await res.text();
  const type = res.headers.get('content-type') ?? '';
  return { status: res.status, headers: res.headers, body: (text && /json/.test(type) ? JSON.parse(text) : text) as T };
}

/** Marks a staff token revoked, as an operator would. */
export async function revokeToken(server: RunningServer, council: string, label: string): Promise<void> {
  await server.db.query('UPDATE staff_tokens SET revoked_at = now() WHERE council = $1 AND label = $2', [council, label]);
}
