import { STAFF_ROLES, type StaffRole } from '@civicloop/contract/rules';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { StaffIdentity } from './context.js';
import type { CouncilRow } from './councils.js';
import type { Queryable } from './db/driver.js';
import { problems } from './problems.js';
import { authenticateSession, SESSION_PREFIX } from './sso.js';

const PREFIX = 'clst_';

// The roles are the contract's (editors triage and answer; admins also publish and read the audit log).
export { STAFF_ROLES, type StaffRole };

export const isStaffRole = (value: unknown): value is StaffRole => STAFF_ROLES.includes(value as StaffRole);

const hashToken = (token: string) => createHash('sha256').update(token, 'utf8').digest('hex');

/** Creates a staff token and returns it in plain text, once; only its hash is stored. */
export async function createStaffToken(db: Queryable, t: { council: string; role: StaffRole; label?: string }): Promise<string> {
  if (!isStaffRole(t.role)) throw new RangeError(`role must be editor or admin, not ${String(t.role)}`);
  const { rows } = await db.query('SELECT 1 FROM councils WHERE slug = $1', [t.council]);
  if (!rows.length) throw new RangeError(`unknown council "${t.council}"`);
  const token = PREFIX + randomBytes(32).toString('base64url');
  await db.query('INSERT INTO staff_tokens (id, council, role, label, token_hash) VALUES ($1, $2, $3, $4, $5)', [
    randomUUID(),
    t.council,
    t.role,
    t.label ?? null,
    hashToken(token),
  ]);
  return token;
}

/**
 * Revokes staff tokens: the one given (a leaked token, say), or every token of a council with a
 * label (one whose text is lost). They are refused from then on; what they did stays in the audit
 * log under their id and label. Returns how many were revoked.
 */
export async function revokeStaffTokens(db: Queryable, which: { token: string } | { council: string; label: string }, now = Date.now()): Promise<number> {
  const { rows } =
    'token' in which
      ? await db.query('UPDATE staff_tokens SET revoked_at = to_timestamp($2) WHERE token_hash = $1 AND revoked_at IS NULL RETURNING id', [hashToken(which.token.trim()), now / 1000])
      : await db.query('UPDATE staff_tokens SET revoked_at = to_timestamp($3) WHERE council = $1 AND label = $2 AND revoked_at IS NULL RETURNING id', [which.council, which.label, now / 1000]);
  return rows.length;
}

/** A council's staff tokens, oldest first (never the tokens themselves: only their hash is stored). */
export async function listStaffTokens(db: Queryable, council: string): Promise<{ id: string; role: StaffRole; label: string | null; createdAt: string; revokedAt: string | null }[]> {
  const { rows } = await db.query<{ id: string; role: StaffRole; label: string | null; created_at: Date; revoked_at: Date | null }>(
    'SELECT id, role, label, created_at, revoked_at FROM staff_tokens WHERE council = $1 ORDER BY created_at, id',
    [council],
  );
  return rows.map((r) => ({ id: r.id, role: r.role, label: r.label, createdAt: new Date(r.created_at).toISOString(), revokedAt: r.revoked_at ? new Date(r.revoked_at).toISOString() : null }));
}

/**
 * The staff identity of a request to `council`, from a staff token or a single sign-on session
 * (checked by the server's clock `now`): 401 without a valid one, 403 with another council's.
 */
export async function authenticateStaff(db: Queryable, authorization: string | undefined, council: CouncilRow, now: number): Promise<StaffIdentity> {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '');
  if (!match) throw problems.unauthorized('Send Authorization: Bearer <staff token>.');
  if (match[1]!.startsWith(SESSION_PREFIX)) return authenticateSession(db, match[1]!, council.slug, now);
  const { rows } = await db.query<{ id: string; council: string; role: StaffRole; label: string | null }>(
    'SELECT id, council, role, label FROM staff_tokens WHERE token_hash = $1 AND revoked_at IS NULL',
    [hashToken(match[1]!)],
  );
  const row = rows[0];
  if (!row) throw problems.unauthorized('The staff token is unknown or revoked.');
  if (row.council !== council.slug) throw problems.forbidden('This staff token belongs to another council.');
  return { tokenId: row.id, council: row.council, role: row.role, label: row.label, person: null };
}
