import type { FeedbackCreate, FeedbackCreated } from '@civicloop/contract';
import { randomUUID } from 'node:crypto';
import type { Handlers } from './context.js';
import type { CouncilRow } from './councils.js';
import type { Queryable } from './db/driver.js';
import { problems } from './problems.js';
import { formatReceipt, newReceipt } from './receipt.js';
import { serviceExists } from './services.js';

/** How the input reached the council: the web form, or a member of staff recording it. */
export type Channel = 'web' | 'phone' | 'in-person' | 'paper' | 'email' | 'outreach';

/** Checks that depend on the council's data, not only on the schema. */
export async function checkAgainstCouncil(db: Queryable, council: CouncilRow, body: FeedbackCreate): Promise<void> {
  const errors = [];
  if (body.text.length > council.feedbackTextMax) {
    errors.push({ path: '/text', message: `Too long: at most ${council.feedbackTextMax} characters`, code: 'too_big' });
  }
  if (body.service !== undefined && !(await serviceExists(db, council.slug, body.service))) {
    errors.push({ path: '/service', message: 'No service with this id in this council', code: 'unknown_service' });
  }
  if (errors.length) throw problems.validation(errors);
}

/** Stores one input with a fresh receipt and the first step of its timeline. */
export async function insertFeedback(db: Queryable, council: string, body: FeedbackCreate, channel: Channel): Promise<FeedbackCreated> {
  const id = randomUUID();
  for (;;) {
    const receipt = newReceipt();
    // A receipt collision (1 in 2^49 per pair) just draws again; ON CONFLICT keeps the transaction usable.
    const { rows } = await db.query<{ created_at: Date }>(
      `INSERT INTO feedback (id, council, receipt, kind, text, contact, service, rating, page_url, locale, channel)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) ON CONFLICT (receipt) DO NOTHING RETURNING created_at`,
      [id, council, receipt, body.kind, body.text, body.contact ?? null, body.service ?? null, body.rating ?? null, body.pageUrl ?? null, body.locale ?? null, channel],
    );
    const created = rows[0];
    if (!created) continue;
    await db.query('INSERT INTO feedback_events (feedback_id, at, status) VALUES ($1, $2, $3)', [id, created.created_at, 'received']);
    return { id, receipt: formatReceipt(receipt), status: 'received', createdAt: new Date(created.created_at).toISOString() };
  }
}

export const feedbackHandlers: Handlers = {
  async createFeedback({ db, council, body }) {
    await checkAgainstCouncil(db, council, body);
    const created = await insertFeedback(db, council.slug, body, 'web');
    return { status: 201, body: created, headers: { location: `/v1/councils/${council.slug}/feedback/${created.receipt}` } };
  },
};
