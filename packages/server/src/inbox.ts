// The staff inbox: inputs with filters, full-text search and cursor pagination; changing an
// input's status and its links to themes; personal replies.
import { formatReceipt, type FeedbackStatus, type StaffFeedback } from '@civicloop/contract';
import { randomUUID } from 'node:crypto';
import { audit, changed } from './audit.js';
import type { Handlers } from './context.js';
import { decodeCursor, encodeCursor, isIsoTime } from './cursor.js';
import { pageOrigins } from './councils.js';
import type { Queryable } from './db/driver.js';
import { followLink, replyMail } from './mail/messages.js';
import { problems } from './problems.js';
import { checkService } from './services.js';
import { answerByTheme, THEME_COLUMNS, timeKey, type ThemeRow } from './themes.js';

const DEFAULT_PAGE = 50;

interface InboxRow {
  id: string;
  receipt: string;
  kind: StaffFeedback['kind'];
  status: FeedbackStatus;
  channel: StaffFeedback['channel'];
  text: string | null;
  service: string | null;
  rating: number | null;
  locale: StaffFeedback['locale'];
  page_url: string | null;
  source_url: string | null;
  reply_requested: boolean;
  erased_at: Date | null;
  created_at: Date;
  answered_at: Date | null;
  created_key: string;
  theme_ids: string[];
  replies: { id: string; at: string; text: string; emailed: boolean }[];
}

/** Every column of the inbox view; the contact address itself never leaves the database here. */
const INBOX_COLUMNS = `f.id, f.receipt, f.kind, f.status, f.channel, f.text, f.service, f.rating, f.locale, f.page_url, f.source_url,
  (f.contact IS NOT NULL) AS reply_requested, f.erased_at, f.created_at, f.answered_at, ${timeKey('f.created_at')} AS created_key,
  COALESCE((SELECT json_agg(tf.theme_id ORDER BY tf.linked_at, tf.theme_id) FROM theme_feedback tf WHERE tf.feedback_id = f.id), '[]'::json) AS theme_ids,
  COALESCE((SELECT json_agg(json_build_object('id', r.id, 'at', r.created_at, 'text', r.text, 'emailed', r.emailed_at IS NOT NULL) ORDER BY r.created_at, r.id)
    FROM replies r WHERE r.feedback_id = f.id), '[]'::json) AS replies`;

const iso = (d: Date | string) => new Date(d).toISOString();

function toStaffFeedback(r: InboxRow): StaffFeedback {
  return {
    id: r.id,
    receipt: formatReceipt(r.receipt),
    kind: r.kind,
    status: r.status,
    channel: r.channel,
    text: r.text,
    service: r.service,
    rating: r.rating,
    locale: r.locale,
    pageUrl: r.page_url,
    sourceUrl: r.source_url,
    replyRequested: r.reply_requested,
    erased: r.erased_at !== null,
    themeIds: r.theme_ids,
    replies: r.replies.map((x) => ({ id: x.id, at: iso(x.at), text: x.text, emailed: x.emailed })),
    createdAt: iso(r.created_at),
    answeredAt: r.answered_at ? iso(r.answered_at) : null,
  };
}

async function loadInput(db: Queryable, council: string, id: string, lock = false): Promise<InboxRow> {
  const { rows } = await db.query<InboxRow>(`SELECT ${INBOX_COLUMNS} FROM feedback f WHERE f.council = $1 AND f.id = $2${lock ? ' FOR UPDATE OF f' : ''}`, [council, id]);
  if (!rows[0]) throw problems.notFound('No input with this id in this council.');
  return rows[0];
}

/** Midnight UTC starting a `YYYY-MM-DD` day, in seconds since the epoch. */
export const dayStart = (day: string) => Date.parse(`${day}T00:00:00Z`) / 1000;

export const inboxHandlers: Pick<Handlers, 'listStaffFeedback' | 'updateStaffFeedback' | 'createReply'> = {
  async listStaffFeedback({ db, council, query }) {
    await checkService(db, council.slug, query.service);
    const limit = query.limit ?? DEFAULT_PAGE;
    const [afterTime, afterId] = query.cursor ? decodeCursor(query.cursor, 2, ([t]) => isIsoTime(t!)) : [null, null];
    if (query.from && query.to && query.from > query.to) {
      throw problems.validation([{ path: '/from', message: 'from must be on or before to', code: 'invalid_range' }]);
    }
    // Each input is matched in its own language: its text and the query both go through the
    // text-search configuration of the input's locale (civicloop_ts_config, migration 004), which
    // the GIN index feedback_search is built on.
    const { rows } = await db.query<InboxRow>(
      `SELECT ${INBOX_COLUMNS} FROM feedback f
       WHERE f.council = $1
         AND ($2::text IS NULL OR f.status = $2) AND ($3::text IS NULL OR f.service = $3) AND ($4::text IS NULL OR f.kind = $4)
         AND ($5::text IS NULL OR f.channel = $5)
         AND ($6::double precision IS NULL OR f.created_at >= to_timestamp($6)) AND ($7::double precision IS NULL OR f.created_at < to_timestamp($7))
         AND ($8::text IS NULL OR to_tsvector(civicloop_ts_config(f.locale), COALESCE(f.text, '')) @@ websearch_to_tsquery(civicloop_ts_config(f.locale), $8))
         AND ($9::timestamptz IS NULL OR (f.created_at, f.id) < ($9::timestamptz, $10::text))
       ORDER BY f.created_at DESC, f.id DESC LIMIT $11`,
      [
        council.slug,
        query.status ?? null,
        query.service ?? null,
        query.kind ?? null,
        query.channel ?? null,
        query.from ? dayStart(query.from) : null,
        query.to ? dayStart(query.to) + 86_400 : null,
        query.q ?? null,
        afterTime,
        afterId,
        limit + 1,
      ],
    );
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return { status: 200, body: { items: page.map(toStaffFeedback), nextCursor: rows.length > limit && last ? encodeCursor([last.created_key, last.id]) : null } };
  },

  async updateStaffFeedback(ctx) {
    const { db, council, body, params } = ctx;
    const now = ctx.now();
    const row = await loadInput(db, council.slug, params.id, true);
    const before = { status: row.status, themeIds: [...row.theme_ids].sort() };
    let status = body.status ?? row.status;
    let themeIds = before.themeIds;
    if (body.themeIds) {
      themeIds = [...new Set(body.themeIds)].sort();
      const { rows: themes } = await db.query<ThemeRow>(`SELECT ${THEME_COLUMNS} FROM themes t WHERE t.council = $1 AND t.id = ANY($2::text[])`, [council.slug, themeIds]);
      const known = new Set(themes.map((t) => t.id));
      const unknown = body.themeIds.map((id, i) => [id, i] as const).filter(([id]) => !known.has(id));
      if (unknown.length) throw problems.validation(unknown.map(([, i]) => ({ path: `/themeIds/${i}`, message: 'No theme with this id in this council', code: 'unknown_theme' })));
      await db.query('DELETE FROM theme_feedback WHERE feedback_id = $1 AND NOT (theme_id = ANY($2::text[]))', [row.id, themeIds]);
      for (const t of themeIds) {
        await db.query('INSERT INTO theme_feedback (theme_id, feedback_id, linked_at) VALUES ($1, $2, to_timestamp($3)) ON CONFLICT DO NOTHING', [t, row.id, now / 1000]);
      }
      // Linked to a theme already published: the input is answered by it now, and told so.
      const published = themes.filter((t) => t.published_at && !before.themeIds.includes(t.id)).sort((a, b) => +b.published_at! - +a.published_at!)[0];
      if (published && body.status === undefined && row.status !== 'answered') {
        await answerByTheme(ctx, published, [row.id], now);
        status = 'answered';
      }
    }
    if (status !== row.status && body.status !== undefined) {
      await db.query('UPDATE feedback SET status = $3 WHERE council = $1 AND id = $2', [council.slug, row.id, status]);
      await db.query('INSERT INTO feedback_events (feedback_id, at, status) VALUES ($1, to_timestamp($2), $3)', [row.id, now / 1000, status]);
    }
    const diff = changed(before, { status, themeIds });
    if (diff) await audit(db, ctx.staff!, now, 'feedback.update', { type: 'feedback', id: row.id }, diff.before, diff.after);
    return { status: 200, body: toStaffFeedback(await loadInput(db, council.slug, row.id)) };
  },

  async createReply(ctx) {
    const { db, council, body, params } = ctx;
    const now = ctx.now();
    const row = await loadInput(db, council.slug, params.id, true);
    const { rows } = await db.query<{ contact: string | null; page_url: string | null; follow_url: string | null }>('SELECT contact, page_url, follow_url FROM feedback WHERE id = $1', [row.id]);
    const contact = rows[0]?.contact ?? null;
    const id = randomUUID();
    await db.query('INSERT INTO replies (id, feedback_id, text, created_at, staff_token, emailed_at) VALUES ($1, $2, $3, to_timestamp($4), $5, $6)', [
      id,
      row.id,
      body.text,
      now / 1000,
      ctx.staff!.tokenId,
      contact ? new Date(now).toISOString() : null,
    ]);
    await db.query("UPDATE feedback SET status = 'answered', answered_at = COALESCE(answered_at, to_timestamp($2)) WHERE id = $1", [row.id, now / 1000]);
    if (row.status !== 'answered') await db.query("INSERT INTO feedback_events (feedback_id, at, status) VALUES ($1, to_timestamp($2), 'answered')", [row.id, now / 1000]);
    if (contact) {
      const receipt = formatReceipt(row.receipt);
      const link = followLink(rows[0]!, receipt, pageOrigins(council, ctx.options.ownOrigins));
      const mail = replyMail({ council: council.name, receipt, locale: row.locale, link }, council.defaultLocale, body.text);
      ctx.afterCommit(() => ctx.mailer.send({ to: contact, ...mail, ...(link ? { link } : {}) }));
    }
    await audit(db, ctx.staff!, now, 'feedback.reply', { type: 'feedback', id: row.id }, { status: row.status }, {
      status: 'answered',
      replyId: id,
      text: body.text,
      // The reply is written in its message's language: the log says so (its text is marked with it).
      locale: row.locale,
      emailed: contact !== null,
    });
    return { status: 201, body: { id, at: new Date(now).toISOString(), text: body.text, emailed: contact !== null } };
  },
};
