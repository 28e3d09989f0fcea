import { formatReceipt, type Locale, type StaffTheme, type Theme, type ThemeDetail, type ThemeStatus, type ThemeUpdate } from '@civicloop/contract';
import { randomUUID } from 'node:crypto';
import { audit, changed } from './audit.js';
import type { Handlers, RequestContext } from './context.js';
import { pageOrigins, type CouncilRow } from './councils.js';
import { decodeCursor, encodeCursor, isIsoTime } from './cursor.js';
import type { Queryable } from './db/driver.js';
import { followLink, themeMail } from './mail/messages.js';
import { problems } from './problems.js';
import { checkService } from './services.js';

const DEFAULT_PAGE = 20;

/** A timestamp as a cursor part, at the database's own precision (microseconds). */
export const timeKey = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

export interface ThemeRow {
  id: string;
  council: string;
  title: string;
  you_said: string;
  we_did: string | null;
  status: ThemeStatus;
  status_reason: string | null;
  service: string | null;
  locale: Locale;
  created_at: Date;
  updated_at: Date;
  published_at: Date | null;
  updated_key: string;
  input_count: number;
}

export const THEME_COLUMNS = `t.id, t.council, t.title, t.you_said, t.we_did, t.status, t.status_reason, t.service, t.locale, t.created_at, t.updated_at,
  t.published_at, ${timeKey('t.updated_at')} AS updated_key, (SELECT count(*)::int FROM theme_feedback tf WHERE tf.theme_id = t.id) AS input_count`;

const iso = (d: Date | string) => new Date(d).toISOString();

/** A published theme as the public sees it. */
export function toTheme(r: ThemeRow): Theme {
  return {
    id: r.id,
    title: r.title,
    youSaid: r.you_said,
    weDid: r.we_did,
    status: r.status,
    statusReason: r.status_reason,
    service: r.service,
    locale: r.locale,
    inputCount: r.input_count,
    publishedAt: iso(r.published_at!),
    updatedAt: iso(r.updated_at),
  };
}

export async function timelineOf(db: Queryable, themeId: string): Promise<ThemeUpdate[]> {
  const { rows } = await db.query<{ id: string; at: Date; text: string; status: ThemeStatus | null }>(
    'SELECT id, at, text, status FROM theme_updates WHERE theme_id = $1 ORDER BY at, id',
    [themeId],
  );
  return rows.map((u) => ({ id: u.id, at: iso(u.at), text: u.text, status: u.status }));
}

async function staffView(db: Queryable, r: ThemeRow): Promise<StaffTheme> {
  const links = await db.query<{ feedback_id: string }>('SELECT feedback_id FROM theme_feedback WHERE theme_id = $1 ORDER BY linked_at, feedback_id', [r.id]);
  return {
    ...toTheme({ ...r, published_at: r.published_at ?? r.created_at }),
    state: r.published_at ? 'published' : 'draft',
    publishedAt: r.published_at ? iso(r.published_at) : null,
    createdAt: iso(r.created_at),
    feedbackIds: links.rows.map((l) => l.feedback_id),
    timeline: await timelineOf(db, r.id),
  };
}

/** The theme of this council, locked for the rest of the transaction; 404 for another council's. */
/** A theme of this council, or 404; `forUpdate` locks its row until the transaction ends. */
async function loadTheme(db: Queryable, council: string, id: string, forUpdate = false): Promise<ThemeRow> {
  const { rows } = await db.query<ThemeRow>(`SELECT ${THEME_COLUMNS} FROM themes t WHERE t.council = $1 AND t.id = $2${forUpdate ? ' FOR UPDATE' : ''}`, [council, id]);
  if (!rows[0]) throw problems.notFound('No theme with this id in this council.');
  return rows[0];
}
const lockTheme = (db: Queryable, council: string, id: string) => loadTheme(db, council, id, true);


/** The audited fields of a theme. */
const themeFields = (r: ThemeRow) => ({
  title: r.title,
  youSaid: r.you_said,
  weDid: r.we_did,
  status: r.status,
  statusReason: r.status_reason,
  service: r.service,
  locale: r.locale,
});

/** Inputs of this council by id; an unknown (or another council's) id is a 422 naming it. */
export async function checkFeedbackIds(db: Queryable, council: string, ids: readonly string[], path: string): Promise<string[]> {
  const unique = [...new Set(ids)];
  if (!unique.length) return [];
  const { rows } = await db.query<{ id: string }>('SELECT id FROM feedback WHERE council = $1 AND id = ANY($2::text[])', [council, unique]);
  const found = new Set(rows.map((r) => r.id));
  const missing = ids.map((id, i) => [id, i] as const).filter(([id]) => !found.has(id));
  if (missing.length) throw problems.validation(missing.map(([, i]) => ({ path: `${path}/${i}`, message: 'No input with this id in this council', code: 'unknown_feedback' })));
  return unique;
}

/**
 * Marks inputs answered by a published theme (status, timeline, first response time) and, for
 * those whose author asked for a reply, queues the theme's email after the commit.
 */
export async function answerByTheme(ctx: RequestContext, theme: ThemeRow, feedbackIds: readonly string[], at: number): Promise<string[]> {
  if (!feedbackIds.length) return [];
  const { db, council } = ctx;
  const { rows } = await db.query<{ id: string }>(
    `UPDATE feedback SET status = 'answered', answered_at = COALESCE(answered_at, to_timestamp($3))
     WHERE council = $1 AND id = ANY($2::text[]) AND status <> 'answered' RETURNING id`,
    [council.slug, feedbackIds, at / 1000],
  );
  for (const r of rows) await db.query("INSERT INTO feedback_events (feedback_id, at, status) VALUES ($1, to_timestamp($2), 'answered')", [r.id, at / 1000]);
  // Who asked for a reply: the address is read here, used for this one email, and never logged.
  const mailTo = await db.query<{ receipt: string; contact: string; locale: string | null; page_url: string | null; follow_url: string | null }>(
    'SELECT receipt, contact, locale, page_url, follow_url FROM feedback WHERE council = $1 AND id = ANY($2::text[]) AND contact IS NOT NULL AND erased_at IS NULL',
    [council.slug, feedbackIds],
  );
  const origins = pageOrigins(council, ctx.options.ownOrigins);
  for (const m of mailTo.rows) {
    const receipt = formatReceipt(m.receipt);
    const link = followLink(m, receipt, origins);
    const mail = themeMail({ council: council.name, receipt, locale: m.locale, link }, council.defaultLocale, {
      title: theme.title,
      youSaid: theme.you_said,
      weDid: theme.we_did,
      status: theme.status,
      statusReason: theme.status_reason,
    });
    ctx.afterCommit(() => ctx.mailer.send({ to: m.contact, ...mail, ...(link ? { link } : {}) }));
  }
  return rows.map((r) => r.id);
}

/** 403 unless an admin: published text speaks for the council. */
function requireAdmin(ctx: RequestContext, what: string): void {
  if (ctx.staff?.role !== 'admin') throw problems.forbidden(`${what} needs an admin token; this one is an editor's.`);
}

export const themeHandlers: Pick<Handlers, 'listThemes' | 'getTheme' | 'listStaffThemes' | 'getStaffTheme' | 'createTheme' | 'updateTheme' | 'publishTheme' | 'createThemeUpdate'> = {
  async listThemes({ db, council, query }) {
    await checkService(db, council.slug, query.service);
    const limit = query.limit ?? DEFAULT_PAGE;
    const [afterTime, afterId] = query.cursor ? decodeCursor(query.cursor, 2, ([t]) => isIsoTime(t!)) : [null, null];
    const { rows } = await db.query<ThemeRow>(
      `SELECT ${THEME_COLUMNS} FROM themes t
       WHERE t.council = $1 AND t.published_at IS NOT NULL AND ($2::text IS NULL OR t.service = $2) AND ($3::text IS NULL OR t.status = $3)
         AND ($4::timestamptz IS NULL OR (t.updated_at, t.id) < ($4::timestamptz, $5::text))
       ORDER BY t.updated_at DESC, t.id DESC LIMIT $6`,
      [council.slug, query.service ?? null, query.status ?? null, afterTime, afterId, limit + 1],
    );
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return { status: 200, body: { items: page.map(toTheme), nextCursor: rows.length > limit && last ? encodeCursor([last.updated_key, last.id]) : null } };
  },

  async getTheme({ db, council, params }) {
    const { rows } = await db.query<ThemeRow>(`SELECT ${THEME_COLUMNS} FROM themes t WHERE t.council = $1 AND t.id = $2 AND t.published_at IS NOT NULL`, [
      council.slug,
      params.id,
    ]);
    // A draft is as unknown as a theme that does not exist.
    if (!rows[0]) throw problems.notFound('No published theme with this id in this council.');
    const body: ThemeDetail = { ...toTheme(rows[0]), timeline: await timelineOf(db, rows[0].id) };
    return { status: 200, body };
  },

  async listStaffThemes({ db, council, query }) {
    const limit = query.limit ?? DEFAULT_PAGE;
    const [afterTime, afterId] = query.cursor ? decodeCursor(query.cursor, 2, ([t]) => isIsoTime(t!)) : [null, null];
    const { rows } = await db.query<ThemeRow>(
      `SELECT ${THEME_COLUMNS} FROM themes t
       WHERE t.council = $1 AND ($2::text IS NULL OR ($2 = 'published') = (t.published_at IS NOT NULL))
         AND ($3::timestamptz IS NULL OR (t.updated_at, t.id) < ($3::timestamptz, $4::text))
       ORDER BY t.updated_at DESC, t.id DESC LIMIT $5`,
      [council.slug, query.state ?? null, afterTime, afterId, limit + 1],
    );
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    const items = [];
    for (const r of page) items.push(await staffView(db, r));
    return { status: 200, body: { items, nextCursor: rows.length > limit && last ? encodeCursor([last.updated_key, last.id]) : null } };
  },

  async getStaffTheme({ db, council, params }) {
    return { status: 200, body: await staffView(db, await loadTheme(db, council.slug, params.id)) };
  },

  async createTheme(ctx) {
    const { db, council, body } = ctx;
    const now = ctx.now();
    await checkService(db, council.slug, body.service);
    const feedbackIds = await checkFeedbackIds(db, council.slug, body.feedbackIds ?? [], '/feedbackIds');
    const id = randomUUID();
    await db.query(
      `INSERT INTO themes (id, council, title, you_said, we_did, status, status_reason, service, locale, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, to_timestamp($10), to_timestamp($10))`,
      [id, council.slug, body.title, body.youSaid, body.weDid ?? null, body.status ?? 'listening', body.statusReason ?? null, body.service ?? null, body.locale, now / 1000],
    );
    for (const f of feedbackIds) await db.query('INSERT INTO theme_feedback (theme_id, feedback_id, linked_at) VALUES ($1, $2, to_timestamp($3))', [id, f, now / 1000]);
    const row = await loadTheme(db, council.slug, id);
    await audit(db, ctx.staff!, now, 'theme.create', { type: 'theme', id }, null, { ...themeFields(row), feedbackIds });
    return { status: 201, body: await staffView(db, row), headers: { location: `/v1/councils/${council.slug}/staff/themes/${id}` } };
  },

  async updateTheme(ctx) {
    const { db, council, body, params } = ctx;
    const now = ctx.now();
    const row = await lockTheme(db, council.slug, params.id);
    if (row.published_at) requireAdmin(ctx, 'Editing a published theme');
    if (body.service !== undefined) await checkService(db, council.slug, body.service);
    const next = {
      title: body.title ?? row.title,
      youSaid: body.youSaid ?? row.you_said,
      weDid: body.weDid === undefined ? row.we_did : body.weDid,
      status: body.status ?? row.status,
      statusReason: body.statusReason === undefined ? row.status_reason : body.statusReason,
      service: body.service === undefined ? row.service : body.service,
      locale: body.locale ?? row.locale,
    };
    const diff = changed(themeFields(row), next);
    if (diff) {
      await db.query(
        `UPDATE themes SET title = $3, you_said = $4, we_did = $5, status = $6, status_reason = $7, service = $8, locale = $9, updated_at = to_timestamp($10)
         WHERE council = $1 AND id = $2`,
        [council.slug, row.id, next.title, next.youSaid, next.weDid, next.status, next.statusReason, next.service, next.locale, now / 1000],
      );
      await audit(db, ctx.staff!, now, 'theme.update', { type: 'theme', id: row.id }, diff.before, diff.after);
    }
    return { status: 200, body: await staffView(db, await loadTheme(db, council.slug, row.id)) };
  },

  async publishTheme(ctx) {
    const { db, council, params } = ctx;
    const now = ctx.now();
    const row = await lockTheme(db, council.slug, params.id);
    if (!row.published_at) {
      await db.query('UPDATE themes SET published_at = to_timestamp($3), updated_at = to_timestamp($3) WHERE council = $1 AND id = $2', [council.slug, row.id, now / 1000]);
      const links = await db.query<{ feedback_id: string }>('SELECT feedback_id FROM theme_feedback WHERE theme_id = $1', [row.id]);
      const answered = await answerByTheme(ctx, row, links.rows.map((l) => l.feedback_id), now);
      await audit(db, ctx.staff!, now, 'theme.publish', { type: 'theme', id: row.id }, { state: 'draft' }, {
        state: 'published',
        publishedAt: new Date(now).toISOString(),
        answeredFeedbackIds: answered,
      });
    }
    return { status: 200, body: await staffView(db, await loadTheme(db, council.slug, row.id)) };
  },

  async createThemeUpdate(ctx) {
    const { db, council, body, params } = ctx;
    const now = ctx.now();
    const row = await lockTheme(db, council.slug, params.id);
    // On a published theme an update is public at once, like an edit of it.
    if (row.published_at && body.status !== undefined && body.status !== row.status) requireAdmin(ctx, "Changing a published theme's status");
    const id = randomUUID();
    await db.query('INSERT INTO theme_updates (id, theme_id, at, text, status) VALUES ($1, $2, to_timestamp($3), $4, $5)', [id, row.id, now / 1000, body.text, body.status ?? null]);
    await db.query('UPDATE themes SET updated_at = to_timestamp($3), status = COALESCE($4, status) WHERE council = $1 AND id = $2', [council.slug, row.id, now / 1000, body.status ?? null]);
    await audit(db, ctx.staff!, now, 'theme.add-update', { type: 'theme', id: row.id }, body.status ? { status: row.status } : null, {
      updateId: id,
      text: body.text,
      ...(body.status ? { status: body.status } : {}),
    });
    const update: ThemeUpdate = { id, at: new Date(now).toISOString(), text: body.text, status: body.status ?? null };
    return { status: 201, body: update, headers: { location: `/v1/councils/${council.slug}/themes/${row.id}` } };
  },
};

export type { CouncilRow };
