import { Id, isStorableText, LocalizedText, ServiceCategory, type Service } from '@civicloop/contract';
import { randomBytes } from 'node:crypto';
import * as z from 'zod/mini';
import type { Handlers } from './context.js';
import type { Queryable } from './db/driver.js';
import { problems } from './problems.js';

const DEFAULT_PAGE = 50;

/** Cursors are opaque to clients: the last id of the previous page, base64url-encoded. */
const encodeCursor = (id: string) => Buffer.from(id, 'utf8').toString('base64url');
function decodeCursor(cursor: string): string {
  const id = Buffer.from(cursor, 'base64url').toString('utf8');
  // A forged cursor can decode to NUL, which the database cannot compare with.
  if (!id || encodeCursor(id) !== cursor || !isStorableText(id)) {
    throw problems.validation([{ path: '/cursor', message: 'Unknown cursor; pass back a nextCursor of this list', code: 'invalid_cursor' }]);
  }
  return id;
}

export async function serviceExists(db: Queryable, council: string, id: string): Promise<boolean> {
  const { rows } = await db.query('SELECT 1 FROM services WHERE council = $1 AND id = $2', [council, id]);
  return rows.length > 0;
}

/**
 * A service named in a body or a filter must be one of the council's: 422 at `path` otherwise, so
 * a typo in a filter is never answered with zeros ("0 received") as if nobody had written.
 */
export async function checkService(db: Queryable, council: string, service: string | null | undefined, path = '/service'): Promise<void> {
  if (service != null && !(await serviceExists(db, council, service))) {
    throw problems.validation([{ path, message: 'No service with this id in this council', code: 'unknown_service' }]);
  }
}

/** Creates (or renames) a service of a council; the id is generated when not given. */
export async function createService(
  db: Queryable,
  s: { council: string; id?: string; name: LocalizedText; category: ServiceCategory },
): Promise<{ id: string }> {
  const id = z.parse(Id, s.id ?? `svc-${randomBytes(6).toString('hex')}`);
  const name = z.parse(LocalizedText, s.name);
  const category = z.parse(ServiceCategory, s.category);
  await db.query(
    `INSERT INTO services (council, id, name, category) VALUES ($1, $2, $3::jsonb, $4)
     ON CONFLICT (council, id) DO UPDATE SET name = EXCLUDED.name, category = EXCLUDED.category`,
    [s.council, id, JSON.stringify(name), category],
  );
  return { id };
}

/** A council's services, by id (for the CLI's `council services list`). */
export async function listAllServices(db: Queryable, council: string): Promise<Service[]> {
  const { rows } = await db.query<Service>('SELECT id, name, category FROM services WHERE council = $1 ORDER BY id', [council]);
  return rows;
}

/** What still names a service: inputs, themes and contact-bank entries that chose it. */
export async function serviceUses(db: Queryable, council: string, id: string): Promise<{ inputs: number; themes: number; contacts: number }> {
  const { rows } = await db.query<{ inputs: number; themes: number; contacts: number }>(
    `SELECT (SELECT count(*)::int FROM feedback WHERE council = $1 AND service = $2) AS inputs,
            (SELECT count(*)::int FROM themes WHERE council = $1 AND service = $2) AS themes,
            (SELECT count(*)::int FROM contacts WHERE council = $1 AND services @> jsonb_build_array($2::text)) AS contacts`,
    [council, id],
  );
  return rows[0]!;
}

/** Removes a service (the caller has checked that nothing names it). */
export async function removeService(db: Queryable, council: string, id: string): Promise<void> {
  await db.query('DELETE FROM services WHERE council = $1 AND id = $2', [council, id]);
}

export const serviceHandlers: Pick<Handlers, 'listServices'> = {
  async listServices({ db, council, query }) {
    const limit = query.limit ?? DEFAULT_PAGE;
    const after = query.cursor ? decodeCursor(query.cursor) : '';
    const { rows } = await db.query<Service>(
      'SELECT id, name, category FROM services WHERE council = $1 AND id > $2 ORDER BY id LIMIT $3',
      [council.slug, after, limit + 1],
    );
    const items = rows.slice(0, limit);
    const nextCursor = rows.length > limit ? encodeCursor(items[items.length - 1]!.id) : null;
    return { status: 200, body: { items, nextCursor } };
  },
};
