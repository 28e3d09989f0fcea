import type { AuditAction, AuditEntry } from '@civicloop/contract';
import { randomUUID } from 'node:crypto';
import type { Handlers, StaffIdentity } from './context.js';
import { decodeCursor, encodeCursor } from './cursor.js';
import type { Queryable } from './db/driver.js';

type Fields = Record<string, unknown>;

/**
 * Records one staff action: who (token or session id, label, role, and the person of a session), what, when, and the changed fields
 * before and after. Written in the action's own transaction, so an action and its entry stand
 * or fall together. Callers never pass an email address.
 */
export async function audit(
  db: Queryable,
  staff: StaffIdentity,
  at: number,
  action: AuditAction,
  subject: AuditEntry['subject'],
  before: Fields | null,
  after: Fields | null,
): Promise<void> {
  await db.query(
    `INSERT INTO audit_log (id, council, at, token_id, token_label, role, action, subject_type, subject_id, before, after, person_subject, person_name)
     VALUES ($1, $2, to_timestamp($3), $4, $5, $6, $7, $8, $9, $10::jsonb, $11::jsonb, $12, $13)`,
    [
      randomUUID(),
      staff.council,
      at / 1000,
      staff.tokenId,
      staff.label,
      staff.role,
      action,
      subject.type,
      subject.id,
      before && JSON.stringify(before),
      after && JSON.stringify(after),
      staff.person?.subject ?? null,
      staff.person?.name ?? null,
    ],
  );
}

/** Only the fields that differ between `before` and `after`, each side with its own values. */
export function changed(before: Fields, after: Fields): { before: Fields; after: Fields } | undefined {
  const keys = Object.keys(after).filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]));
  if (!keys.length) return undefined;
  return { before: Object.fromEntries(keys.map((k) => [k, before[k] ?? null])), after: Object.fromEntries(keys.map((k) => [k, after[k] ?? null])) };
}

const DEFAULT_PAGE = 50;

export const auditHandlers: Pick<Handlers, 'listAudit'> = {
  async listAudit({ db, council, query }) {
    const limit = query.limit ?? DEFAULT_PAGE;
    const after = query.cursor ? decodeCursor(query.cursor, 1, ([seq]) => /^[1-9]\d{0,17}$/.test(seq!))[0]! : null;
    const { rows } = await db.query<{
      seq_key: string;
      id: string;
      at: Date;
      token_id: string;
      token_label: string | null;
      role: AuditEntry['actor']['role'];
      action: AuditAction;
      subject_type: AuditEntry['subject']['type'];
      subject_id: string;
      before: Fields | null;
      after: Fields | null;
      person_subject: string | null;
      person_name: string | null;
    }>(
      `SELECT seq::text AS seq_key, id, at, token_id, token_label, role, action, subject_type, subject_id, before, after, person_subject, person_name FROM audit_log
       WHERE council = $1 AND ($2::bigint IS NULL OR seq < $2::bigint) AND ($3::text IS NULL OR action = $3) AND ($4::text IS NULL OR subject_id = $4)
       ORDER BY audit_log.seq DESC LIMIT $5`,
      [council.slug, after, query.action ?? null, query.subject ?? null, limit + 1],
    );
    const page = rows.slice(0, limit);
    const items: AuditEntry[] = page.map((r) => ({
      id: r.id,
      at: new Date(r.at).toISOString(),
      actor: { tokenId: r.token_id, label: r.token_label, role: r.role, person: r.person_subject ? { subject: r.person_subject, name: r.person_name } : null },
      action: r.action,
      subject: { type: r.subject_type, id: r.subject_id },
      before: r.before,
      after: r.after,
    }));
    return { status: 200, body: { items, nextCursor: rows.length > limit ? encodeCursor([page[page.length - 1]!.seq_key]) : null } };
  },
};
