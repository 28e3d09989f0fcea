import { createHmac, randomBytes } from 'node:crypto';
import type { Queryable } from './db/driver.js';

/**
 * The secret that keys address hashes and signs challenges: given, or CIVICLOOP_SECRET, or
 * generated once and kept in the database so that every process on it agrees.
 */
export async function loadSecret(db: Queryable, given?: string): Promise<string> {
  const fromEnv = given ?? process.env['CIVICLOOP_SECRET'];
  if (fromEnv) return fromEnv;
  // Whichever process comes first generates it; the others read the same value back.
  const { rows } = await db.query<{ value: string }>(
    "INSERT INTO settings (key, value) VALUES ('secret', $1) ON CONFLICT (key) DO UPDATE SET value = settings.value RETURNING value",
    [randomBytes(32).toString('base64url')],
  );
  return rows[0]!.value;
}

/** A keyed hash: the same input gives the same value on this server, and reveals nothing without the secret. */
export function keyedHash(secret: string, purpose: string, value: string): string {
  return createHmac('sha256', secret).update(`${purpose}\0${value}`).digest('base64url');
}
