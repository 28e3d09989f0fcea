// Loop figures: how much input was answered in public, and how fast, by service, channel and month.
import { FEEDBACK_CHANNELS, type FeedbackChannel, type LoopStats } from '@civicloop/contract';
import type { Handlers } from './context.js';
import type { CouncilRow } from './councils.js';
import type { Queryable } from './db/driver.js';
import { dayStart } from './inbox.js';
import { problems } from './problems.js';
import { checkService } from './services.js';

const DAY_MS = 86_400_000;
/** Longest period one request may ask for: enough for any report, bounded for the month series. */
const MAX_PERIOD_YEARS = 10;

type Figures = Pick<LoopStats, 'received' | 'answered' | 'answeredShare' | 'medianDaysToResponse'>;

const round = (x: number, places: number) => Math.round(x * 10 ** places) / 10 ** places;

function median(values: number[]): number | null {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

interface Input {
  service: string | null;
  channel: FeedbackChannel;
  created: number;
  /** Days to the first public response, when there was one by the end of the period. */
  days: number | undefined;
}

function figures(inputs: Input[]): Figures {
  const days = inputs.flatMap((i) => (i.days === undefined ? [] : [i.days]));
  const m = median(days);
  return {
    received: inputs.length,
    answered: days.length,
    answeredShare: inputs.length ? round(days.length / inputs.length, 4) : null,
    medianDaysToResponse: m === null ? null : round(m, 2),
  };
}

const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const FIRST_DAY_MS = Date.parse('0000-01-01T00:00:00Z');

/** The period asked for, or the year up to today by the server's clock. */
export function period(query: { from?: string | undefined; to?: string | undefined }, now: number): { from: string; to: string } {
  const to = query.to ?? isoDay(now);
  let from = query.from;
  if (!from) {
    const d = new Date(`${to}T00:00:00Z`);
    d.setUTCFullYear(d.getUTCFullYear() - 1);
    // Not before year 0000, the first a date in the contract can name (nor "-000001-…" from toISOString).
    from = isoDay(Math.max(d.getTime() + DAY_MS, FIRST_DAY_MS));
  }
  if (from > to) throw problems.validation([{ path: '/from', message: 'from must be on or before to', code: 'invalid_range' }]);
  const limit = new Date(`${from}T00:00:00Z`);
  limit.setUTCFullYear(limit.getUTCFullYear() + MAX_PERIOD_YEARS);
  if (Date.parse(`${to}T00:00:00Z`) >= limit.getTime()) {
    throw problems.validation([{ path: '/to', message: `A period is at most ${MAX_PERIOD_YEARS} years`, code: 'too_big' }]);
  }
  return { from, to };
}

/**
 * The figures of inputs received from `from` to `to` (whole UTC days). An input counts as
 * answered when its first public response (a personal reply, or a published theme answering it:
 * `feedback.answered_at`) came before the end of the period; its days to response are counted
 * from when it arrived.
 */
export async function computeStats(db: Queryable, council: CouncilRow, query: { from?: string; to?: string; service?: string }, now: number): Promise<LoopStats> {
  await checkService(db, council.slug, query.service);
  const { from, to } = period(query, now);
  const start = dayStart(from);
  const end = dayStart(to) + 86_400;
  const { rows } = await db.query<{ service: string | null; channel: FeedbackChannel; created: number; answered: number | null }>(
    `SELECT service, channel, extract(epoch FROM created_at)::double precision * 1000 AS created,
       CASE WHEN answered_at < to_timestamp($3) THEN extract(epoch FROM answered_at)::double precision * 1000 END AS answered
     FROM feedback WHERE council = $1 AND created_at >= to_timestamp($2) AND created_at < to_timestamp($3) AND ($4::text IS NULL OR service = $4)`,
    [council.slug, start, end, query.service ?? null],
  );
  const inputs: Input[] = rows.map((r) => ({
    service: r.service,
    channel: r.channel,
    created: Number(r.created),
    days: r.answered === null ? undefined : Math.max(0, Number(r.answered) - Number(r.created)) / DAY_MS,
  }));
  const group = <K extends string | null>(key: (i: Input) => K) => {
    const out = new Map<K, Input[]>();
    for (const i of inputs) out.set(key(i), [...(out.get(key(i)) ?? []), i]);
    return out;
  };
  const services = group((i) => i.service);
  const channels = group((i) => i.channel);
  const months = group((i) => isoDay(i.created).slice(0, 7));
  const monthKeys: string[] = [];
  // Compared as times, not as strings: after 9999-12 the ISO string turns into "+010000-…", which sorts first.
  const lastDay = Date.parse(`${to}T00:00:00Z`);
  for (let d = new Date(`${from.slice(0, 7)}-01T00:00:00Z`); d.getTime() <= lastDay; d.setUTCMonth(d.getUTCMonth() + 1)) monthKeys.push(isoDay(d.getTime()).slice(0, 7));
  return {
    from,
    to,
    service: query.service ?? null,
    ...figures(inputs),
    // Services by id, inputs about no service last; channels in the contract's order.
    byService: [...services.keys()]
      .sort((a, b) => (a === null ? 1 : b === null ? -1 : a < b ? -1 : a > b ? 1 : 0))
      .map((service) => ({ service, ...figures(services.get(service)!) })),
    byChannel: FEEDBACK_CHANNELS.filter((c) => channels.has(c)).map((channel) => ({ channel, ...figures(channels.get(channel)!) })),
    byMonth: monthKeys.map((month) => ({ month, ...figures(months.get(month) ?? []) })),
  };
}

export const statsHandlers: Pick<Handlers, 'getStats'> = {
  async getStats({ db, council, query, now }) {
    return { status: 200, body: await computeStats(db, council, query, now()) };
  },
};
