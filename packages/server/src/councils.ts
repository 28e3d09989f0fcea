import { AntiAbuse, CouncilConfig, FEEDBACK_TEXT_MAX, Locale, LocalizedText, POW_DIFFICULTY_DEFAULT, Slug } from '@civicloop/contract';
import * as z from 'zod/mini';
import type { Handlers } from './context.js';
import type { Queryable } from './db/driver.js';

/** A council as stored. */
export interface CouncilRow {
  slug: string;
  name: string;
  locales: Locale[];
  defaultLocale: Locale;
  origins: string[];
  inputUse: LocalizedText;
  feedbackTextMax: number;
  minFillMs: number;
  powRequired: boolean;
  powDifficulty: number;
}

const COLUMNS = `slug, name, locales, default_locale AS "defaultLocale", origins, input_use AS "inputUse", feedback_text_max AS "feedbackTextMax",
  min_fill_ms AS "minFillMs", pow_required AS "powRequired", pow_difficulty AS "powDifficulty"`;

export async function loadCouncil(db: Queryable, slug: string): Promise<CouncilRow | undefined> {
  const { rows } = await db.query<CouncilRow>(`SELECT ${COLUMNS} FROM councils WHERE slug = $1`, [slug]);
  return rows[0];
}

/** Public configuration: what every element reads on start. */
export function toCouncilConfig(row: CouncilRow): CouncilConfig {
  return {
    slug: row.slug,
    name: row.name,
    locales: row.locales,
    defaultLocale: row.defaultLocale,
    texts: { inputUse: row.inputUse },
    limits: { feedbackTextMax: row.feedbackTextMax },
    antiAbuse: { minFillMs: row.minFillMs, proofOfWork: { required: row.powRequired, difficulty: row.powDifficulty } },
  };
}

/** An embedding origin: scheme, host and optional port, nothing else. */
export function normaliseOrigin(origin: string): string {
  const url = new URL(origin);
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new RangeError(`origin "${origin}" must be http(s)`);
  if (url.origin !== origin.replace(/\/$/, '')) throw new RangeError(`origin "${origin}" must be scheme://host[:port] only`);
  return url.origin;
}

export interface NewCouncil {
  slug: string;
  name: string;
  origins: string[];
  locales?: Locale[];
  defaultLocale?: Locale;
  inputUse?: LocalizedText;
  /** Spam protection of public submissions; unchanged on update when absent. @default no fill time, no proof of work */
  antiAbuse?: { minFillMs?: number; proofOfWork?: Partial<AntiAbuse['proofOfWork']> };
}

/** Creates a council, or updates it when the slug exists (so seeding and the CLI can be re-run). */
export async function createCouncil(db: Queryable, c: NewCouncil): Promise<void> {
  const slug = z.parse(Slug, c.slug);
  // The contract's own rules, so nothing stored here can later break a GET of the config.
  const name = z.parse(CouncilConfig.shape.name, c.name.trim());
  const locales = z.parse(CouncilConfig.shape.locales, c.locales ?? ['en']);
  const defaultLocale = z.parse(Locale, c.defaultLocale ?? locales[0]);
  if (!locales.includes(defaultLocale)) throw new RangeError(`default locale ${defaultLocale} is not one of ${locales.join(', ')}`);
  // Absent on update (the CLI cannot set it): the council's text stays.
  const inputUse = c.inputUse === undefined ? null : z.parse(LocalizedText, c.inputUse);
  const origins = [...new Set(c.origins.map(normaliseOrigin))];
  const a = c.antiAbuse;
  const minFill = a?.minFillMs === undefined ? null : z.parse(AntiAbuse.shape.minFillMs, a.minFillMs);
  const powRequired = a?.proofOfWork?.required ?? null;
  const powDifficulty = a?.proofOfWork?.difficulty === undefined ? null : z.parse(AntiAbuse.shape.proofOfWork.shape.difficulty, a.proofOfWork.difficulty);
  await db.query(
    `INSERT INTO councils (slug, name, locales, default_locale, origins, input_use, feedback_text_max, min_fill_ms, pow_required, pow_difficulty)
     VALUES ($1, $2, $3::jsonb, $4, $5::jsonb, COALESCE($6::jsonb, '{}'::jsonb), $7, COALESCE($8::int, 0), COALESCE($9::boolean, false), COALESCE($10::int, $11::int))
     ON CONFLICT (slug) DO UPDATE SET name = EXCLUDED.name, locales = EXCLUDED.locales, default_locale = EXCLUDED.default_locale,
       origins = EXCLUDED.origins, input_use = COALESCE($6::jsonb, councils.input_use), updated_at = now(),
       min_fill_ms = COALESCE($8::int, councils.min_fill_ms), pow_required = COALESCE($9::boolean, councils.pow_required),
       pow_difficulty = COALESCE($10::int, councils.pow_difficulty)`,
    [slug, name, JSON.stringify(locales), defaultLocale, JSON.stringify(origins), inputUse && JSON.stringify(inputUse), FEEDBACK_TEXT_MAX, minFill, powRequired, powDifficulty, POW_DIFFICULTY_DEFAULT],
  );
}

export const councilHandlers: Pick<Handlers, 'getCouncil'> = {
  async getCouncil({ council }) {
    return { status: 200, body: toCouncilConfig(council) };
  },
};
