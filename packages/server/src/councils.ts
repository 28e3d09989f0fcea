import { AntiAbuse, ContactBankConfig, type SsoPublic, CouncilConfig, FEEDBACK_TEXT_MAX, Locale, LocalizedText, OPEN_LICENCE_DEFAULT, POW_DIFFICULTY_DEFAULT, Slug } from '@civicloop/contract';
import * as z from 'zod/mini';
import type { Handlers } from './context.js';
import type { Database, Queryable } from './db/driver.js';

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
  /** SPDX identifier of the licence of its open data (`OPEN_LICENCE_DEFAULT` unless set). */
  openLicence: string;
  /** Its contact bank, or null when it runs none. */
  contactBank: ContactBankConfig | null;
  /** Reach groups smaller than this are suppressed. */
  reachThreshold: number;
  /** Its staff's single sign-on as the public configuration shows it (nothing secret), or null. */
  sso: SsoPublic | null;
}

const COLUMNS = `slug, name, locales, default_locale AS "defaultLocale", origins, input_use AS "inputUse", feedback_text_max AS "feedbackTextMax",
  min_fill_ms AS "minFillMs", pow_required AS "powRequired", pow_difficulty AS "powDifficulty", open_licence AS "openLicence",
  contact_bank AS "contactBank", reach_threshold AS "reachThreshold",
  (SELECT jsonb_build_object('label', COALESCE(s.label, councils.name), 'issuer', s.issuer, 'authorizationEndpoint', s.authorization_endpoint,
    'clientId', s.client_id, 'scopes', s.scopes) FROM council_sso s WHERE s.council = councils.slug) AS sso`;

export async function loadCouncil(db: Queryable, slug: string): Promise<CouncilRow | undefined> {
  const { rows } = await db.query<CouncilRow>(`SELECT ${COLUMNS} FROM councils WHERE slug = $1`, [slug]);
  return rows[0];
}

/** The council's spam protection, as its public configuration and its settings both give it (always whole: zero and false mean none). */
export function antiAbuseOf(row: CouncilRow): AntiAbuse {
  return { minFillMs: row.minFillMs, proofOfWork: { required: row.powRequired, difficulty: row.powDifficulty } };
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
    antiAbuse: antiAbuseOf(row),
    ...(row.contactBank ? { contactBank: row.contactBank } : {}),
    ...(row.sso ? { sso: row.sso } : {}),
  };
}

/**
 * The origins whose pages may use a council: those it lists, and the server's own, where the
 * browser needs no CORS (the demo pages and the console). The contact bank's pageUrl check and
 * the console's embed check both ask this, so they agree with what the browser does.
 */
export function pageOrigins(council: Pick<CouncilRow, 'origins'>, ownOrigins: readonly string[] = []): string[] {
  return [...new Set([...council.origins, ...ownOrigins])];
}

/**
 * Where absolute links point (feed entries, email links): the configured public address, else the
 * request's origin if the server listens there (or nothing says where it listens: `createApp` on
 * its own), else the first address it listens on. A Host header the client chose never reaches a
 * link, a cached feed or an email.
 */
export function publicOrigin(requestUrl: string, options: { publicUrl?: string | undefined; ownOrigins?: readonly string[] | undefined }): string {
  if (options.publicUrl) return new URL(options.publicUrl).origin;
  const asked = new URL(requestUrl).origin;
  const own = options.ownOrigins;
  return !own?.length || own.includes(asked) ? asked : own[0]!;
}

/** An embedding origin: scheme, host and optional port, nothing else. */
export function normaliseOrigin(origin: string): string {
  if (!URL.canParse(origin)) throw new RangeError(`origin "${origin}" is not a web address: write it as https://www.council.example`);
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
  /** SPDX identifier of the open-data licence; unchanged on update when absent. @default 'CC-BY-4.0' */
  openLicence?: string;
  /** The council's contact bank; unchanged on update when absent, removed with `null`. @default none */
  contactBank?: ContactBankConfig | null;
  /** Reach groups smaller than this are suppressed; unchanged on update when absent. @default 5 */
  reachThreshold?: number;
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
  if (c.openLicence !== undefined && !/^[A-Za-z0-9.+-]{1,64}$/.test(c.openLicence)) throw new RangeError(`open licence "${c.openLicence}" must be an SPDX identifier such as CC-BY-4.0`);
  await db.query(
    `INSERT INTO councils (slug, name, locales, default_locale, origins, input_use, feedback_text_max, min_fill_ms, pow_required, pow_difficulty, open_licence)
     VALUES ($1, $2, $3::jsonb, $4, $5::jsonb, COALESCE($6::jsonb, '{}'::jsonb), $7, COALESCE($8::int, 0), COALESCE($9::boolean, false), COALESCE($10::int, $11::int), COALESCE($12::text, $13::text))
     ON CONFLICT (slug) DO UPDATE SET name = EXCLUDED.name, locales = EXCLUDED.locales, default_locale = EXCLUDED.default_locale,
       origins = EXCLUDED.origins, input_use = COALESCE($6::jsonb, councils.input_use), updated_at = now(),
       min_fill_ms = COALESCE($8::int, councils.min_fill_ms), pow_required = COALESCE($9::boolean, councils.pow_required),
       pow_difficulty = COALESCE($10::int, councils.pow_difficulty), open_licence = COALESCE($12::text, councils.open_licence)`,
    [slug, name, JSON.stringify(locales), defaultLocale, JSON.stringify(origins), inputUse && JSON.stringify(inputUse), FEEDBACK_TEXT_MAX, minFill, powRequired, powDifficulty, POW_DIFFICULTY_DEFAULT, c.openLicence ?? null, OPEN_LICENCE_DEFAULT],
  );
  // The contact bank's settings, checked against the contract so a GET of the config never breaks.
  if (c.contactBank !== undefined) {
    const bank = c.contactBank === null ? null : z.parse(ContactBankConfig, c.contactBank);
    await db.query('UPDATE councils SET contact_bank = $2::jsonb WHERE slug = $1', [slug, bank && JSON.stringify(bank)]);
  }
  if (c.reachThreshold !== undefined) {
    if (!Number.isInteger(c.reachThreshold) || c.reachThreshold < 1) throw new RangeError(`reach threshold ${c.reachThreshold} must be a whole number from 1`);
    await db.query('UPDATE councils SET reach_threshold = $2 WHERE slug = $1', [slug, c.reachThreshold]);
  }
}

export const councilHandlers: Pick<Handlers, 'getCouncil'> = {
  async getCouncil({ council }) {
    return { status: 200, body: toCouncilConfig(council) };
  },
};

/** What `updateCouncil` may change; anything absent stays as it is. */
export type CouncilChanges = Partial<Omit<NewCouncil, 'slug'>>;

export class UnknownCouncilError extends Error {
  override readonly name = 'UnknownCouncilError';
  constructor(readonly slug: string) {
    super(`unknown council "${slug}"`);
  }
}

/**
 * Changes only what is given (a name, the origins, the locales, anti-abuse settings), in one
 * transaction with the row locked, so two operators adding origins at once both keep theirs.
 * A default locale no longer among new locales moves to the first of them.
 */
export async function updateCouncil(db: Database, slug: string, changes: CouncilChanges | ((row: CouncilRow) => CouncilChanges)): Promise<CouncilRow> {
  return db.transaction(async (tx) => {
    const { rows } = await tx.query<CouncilRow>(`SELECT ${COLUMNS} FROM councils WHERE slug = $1 FOR UPDATE`, [slug]);
    const row = rows[0];
    if (!row) throw new UnknownCouncilError(slug);
    const c = typeof changes === 'function' ? changes(row) : changes;
    const locales = c.locales ?? row.locales;
    const defaultLocale = c.defaultLocale ?? (locales.includes(row.defaultLocale) ? row.defaultLocale : locales[0]);
    await createCouncil(tx, {
      slug,
      name: c.name ?? row.name,
      origins: c.origins ?? row.origins,
      locales,
      ...(defaultLocale ? { defaultLocale } : {}),
      ...(c.inputUse ? { inputUse: c.inputUse } : {}),
      ...(c.antiAbuse ? { antiAbuse: c.antiAbuse } : {}),
      ...(c.openLicence ? { openLicence: c.openLicence } : {}),
      ...(c.contactBank !== undefined ? { contactBank: c.contactBank } : {}),
      ...(c.reachThreshold !== undefined ? { reachThreshold: c.reachThreshold } : {}),
    });
    return (await loadCouncil(tx, slug))!;
  });
}

/** Adds embedding origins to a council (already listed ones are kept once). */
export function addOrigins(db: Database, slug: string, origins: string[]): Promise<CouncilRow> {
  const added = origins.map(normaliseOrigin);
  return updateCouncil(db, slug, (row) => ({ origins: [...row.origins, ...added] }));
}

/** Removes embedding origins from a council; one it does not list is an error, so a typo is not silent. */
export function removeOrigins(db: Database, slug: string, origins: string[]): Promise<CouncilRow> {
  const removed = origins.map(normaliseOrigin);
  return updateCouncil(db, slug, (row) => {
    const missing = removed.filter((o) => !row.origins.includes(o));
    if (missing.length) throw new RangeError(`council ${slug} does not list ${missing.join(', ')}; it lists ${row.origins.join(', ') || 'no origins'}`);
    return { origins: row.origins.filter((o) => !removed.includes(o)) };
  });
}
