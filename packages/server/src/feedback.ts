import {
  formatReceipt,
  normalizeReceipt,
  PUBLIC_ACTION_CHANNELS,
  type FeedbackChannel,
  type FeedbackCreate,
  type FeedbackCreated,
  type FeedbackReceipt,
  type ThemeStatus,
} from '@civicloop/contract';
import { audit } from './audit.js';
import { randomUUID } from 'node:crypto';
import { spendProof } from './challenges.js';
import type { Handlers, Reply, RequestContext } from './context.js';
import type { CouncilRow } from './councils.js';
import type { Queryable } from './db/driver.js';
import { problems } from './problems.js';
import { clientBucket, consumeBoth, DEFAULT_LIMITS, rateLimitHeaders } from './rate-limit.js';
import { newReceipt } from './receipt.js';
import type { Locale } from '@civicloop/contract';
import { keyedHash } from './secret.js';
import { checkService } from './services.js';

/** Checks that depend on the council's data (its text limit is in its schema, `feedbackCreateFor`). */
export async function checkAgainstCouncil(db: Queryable, council: CouncilRow, body: FeedbackCreate): Promise<void> {
  await checkService(db, council.slug, body.service);
}

/** Stores one input with a fresh receipt and the first step of its timeline. */
export async function insertFeedback(
  db: Queryable,
  council: string,
  body: FeedbackCreate & { sourceUrl?: string | undefined },
  channel: FeedbackChannel,
  now: number,
): Promise<FeedbackCreated> {
  const id = randomUUID();
  for (;;) {
    const receipt = newReceipt();
    // A receipt collision (1 in 2^49 per pair) just draws again; ON CONFLICT keeps the transaction usable.
    // The first step of its timeline in the same statement: one round trip.
    const { rows } = await db.query<{ created_at: Date }>(
      `WITH f AS (
         INSERT INTO feedback (id, council, receipt, kind, text, contact, service, rating, page_url, locale, channel, created_at, source_url, follow_url)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, to_timestamp($12), $13, $14) ON CONFLICT (receipt) DO NOTHING RETURNING id, created_at),
       e AS (INSERT INTO feedback_events (feedback_id, at, status) SELECT id, created_at, 'received' FROM f)
       SELECT created_at FROM f`,
      [id, council, receipt, body.kind, body.text, body.contact ?? null, body.service ?? null, body.rating ?? null, body.pageUrl ?? null, body.locale ?? null, channel, now / 1000, body.sourceUrl ?? null, body.followUrl ?? null],
    );
    const created = rows[0];
    if (!created) continue;
    return { id, receipt: formatReceipt(receipt), status: 'received', createdAt: new Date(created.created_at).toISOString() };
  }
}

/** 201 with the receipt's address: the same answer for web and staff input. */
function createdReply(council: string, created: FeedbackCreated): Reply<'createFeedback' | 'createStaffFeedback'> {
  return { status: 201, body: created, headers: { location: `/v1/councils/${council}/feedback/${created.receipt}` } };
}

/**
 * Refuses what a person would not send: a filled honeypot, a form sent faster than anyone
 * types, a missing or bad proof of work. Each message tells a real resident what to do.
 */
export async function checkHuman(
  ctx: Pick<RequestContext, 'council' | 'db' | 'secret' | 'now'> & { body: Pick<FeedbackCreate, 'website' | 'elapsedMs' | 'proof'> },
): Promise<void> {
  const { body, council } = ctx;
  if (body.website !== undefined && body.website.trim() !== '') {
    throw problems.spam(
      'Rejected as automated',
      'A field that people never fill in was filled in, so this looks automated. If you are a person, turn off autofill for this form and send again.',
      { path: '/website', message: 'Must stay empty', code: 'honeypot' },
    );
  }
  if (council.minFillMs > 0 && (body.elapsedMs === undefined || body.elapsedMs < council.minFillMs)) {
    throw problems.spam('Sent too quickly', 'The form was sent faster than a person can fill it in. Wait a moment and send it again; your text is kept.', {
      path: '/elapsedMs',
      message: `At least ${council.minFillMs} ms after the form appears`,
      code: 'too_fast',
    });
  }
  // A proof is checked only where the council asks for one: a stale proof kept in an offline
  // outbox must not sink an input the council no longer asks to prove.
  if (council.powRequired && body.proof) await spendProof(ctx.db, ctx.secret, council, body.proof, ctx.now());
  else if (council.powRequired) {
    throw problems.spam(
      'Proof of work required',
      `This council asks for a solved challenge: POST /v1/councils/${council.slug}/challenges, solve it, and send it as proof.`,
      { path: '/proof', message: 'Required by this council', code: 'proof_required' },
    );
  }
}

function findReceipt(code: string): string {
  const receipt = normalizeReceipt(code);
  if (!receipt) throw problems.notFound('No input with this receipt. Check the code: it has 10 letters and digits, like K7MX-2QPA-9R.');
  return receipt;
}

export const feedbackHandlers: Pick<Handlers, 'createFeedback' | 'getFeedbackReceipt' | 'deleteFeedback' | 'createStaffFeedback'> = {
  async createFeedback(ctx) {
    const { db, council, body, options } = ctx;
    const now = ctx.now();
    await checkAgainstCouncil(db, council, body);
    await checkHuman(ctx);
    const limits = { ...DEFAULT_LIMITS, ...options.limits };
    const client = keyedHash(ctx.secret, 'client-address', clientBucket(ctx.clientAddress));
    const allowance = await consumeBoth(
      db,
      { bucket: `client:${council.slug}:${client}`, limit: limits.feedbackPerClientPerHour, what: 'Your connection', policy: 'client' },
      { bucket: `council:${council.slug}`, limit: limits.feedbackPerCouncilPerHour, what: 'This council', policy: 'council' },
      now,
    );
    const reply = createdReply(council.slug, await insertFeedback(db, council.slug, body, 'web', now));
    // Only this client's allowance: the council's count would tell one resident about everyone's.
    return { ...reply, headers: { ...reply.headers, ...rateLimitHeaders(allowance) } };
  },

  async getFeedbackReceipt({ db, council, params }) {
    const receipt = findReceipt(params.receipt);
    const { rows } = await db.query<{ id: string; status: FeedbackReceipt['status']; kind: FeedbackReceipt['kind']; service: string | null; created_at: Date; erased_at: Date | null }>(
      'SELECT id, status, kind, service, created_at, erased_at FROM feedback WHERE council = $1 AND receipt = $2',
      [council.slug, receipt],
    );
    const row = rows[0];
    if (!row) throw problems.notFound('No input with this receipt in this council.');
    const events = await db.query<{ at: Date; status: FeedbackReceipt['status'] }>('SELECT at, status FROM feedback_events WHERE feedback_id = $1 ORDER BY at', [row.id]);
    // The published theme that answers it (the latest published, when several do); never a draft.
    const themes = await db.query<{ id: string; title: string; status: ThemeStatus; status_reason: string | null; you_said: string; we_did: string | null; locale: Locale; updated_at: Date }>(
      `SELECT t.id, t.title, t.status, t.status_reason, t.you_said, t.we_did, t.locale, t.updated_at FROM themes t JOIN theme_feedback tf ON tf.theme_id = t.id
       WHERE tf.feedback_id = $1 AND t.published_at IS NOT NULL ORDER BY t.published_at DESC, t.id DESC LIMIT 1`,
      [row.id],
    );
    const replies = await db.query<{ created_at: Date; text: string }>('SELECT created_at, text FROM replies WHERE feedback_id = $1 ORDER BY created_at, id', [row.id]);
    const t = themes.rows[0];
    const view: FeedbackReceipt = {
      receipt: formatReceipt(receipt),
      status: row.status,
      kind: row.kind,
      service: row.service,
      createdAt: new Date(row.created_at).toISOString(),
      erased: row.erased_at !== null,
      theme: t
        ? {
            id: t.id,
            title: t.title,
            status: t.status,
            statusReason: t.status_reason,
            youSaid: t.you_said,
            weDid: t.we_did,
            locale: t.locale,
            updatedAt: new Date(t.updated_at).toISOString(),
          }
        : null,
      replies: replies.rows.map((r) => ({ at: new Date(r.created_at).toISOString(), text: r.text })),
      timeline: events.rows.map((e) => ({ at: new Date(e.at).toISOString(), status: e.status })),
    };
    // Anyone with the code may look, but it is one person's: no shared caches.
    return { status: 200, body: view, headers: { 'cache-control': 'private, no-cache' } };
  },

  async deleteFeedback({ db, council, params, now }) {
    const receipt = findReceipt(params.receipt);
    // The row stays, so counts and loop figures still include it; erasing twice is still 204.
    const { rowCount } = await db.query(
      'UPDATE feedback SET text = NULL, contact = NULL, erased_at = COALESCE(erased_at, to_timestamp($3)) WHERE council = $1 AND receipt = $2',
      [council.slug, receipt, now() / 1000],
    );
    if (rowCount === 0) throw problems.notFound('No input with this receipt in this council.');
    return { status: 204 };
  },

  async createStaffFeedback(ctx) {
    const { db, council, body } = ctx;
    // Staff record what they heard; the bot checks of the public form do not apply.
    await checkAgainstCouncil(db, council, body);
    if ((PUBLIC_ACTION_CHANNELS as readonly string[]).includes(body.channel) && !body.sourceUrl) {
      throw problems.validation([{ path: '/sourceUrl', message: 'Input seen in public needs the address where it can be seen', code: 'source_required' }]);
    }
    const now = ctx.now();
    const created = await insertFeedback(db, council.slug, body, body.channel, now);
    await audit(db, ctx.staff!, now, 'feedback.create', { type: 'feedback', id: created.id }, null, {
      channel: body.channel,
      kind: body.kind,
      service: body.service ?? null,
      sourceUrl: body.sourceUrl ?? null,
      replyRequested: body.contact !== undefined,
    });
    return createdReply(council.slug, created);
  },
};
