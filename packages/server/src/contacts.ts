// The contact bank (issue 9): sign-up with double opt-in and no enumeration, a contact's own
// entry by the token of their email, the consent ledger, erasure on withdrawal and expiry, and
// the staff side (search, CSV export, reach, activities and invitations), every look at people
// audited. Personal data lives in five columns of `contacts` and goes at once when an entry ends.
import {
  AGE_BANDS,
  CONTACT_KINDS,
  CONTACT_PENDING_DAYS,
  JOINING_CHANNELS,
  PROBLEM_TYPES,
  RECONSENT_NOTICE_DAYS,
  type Activity,
  type ActivityDetail,
  type ContactBankConfig,
  type ContactFormat,
  type ContactPurpose,
  type ContactReach,
  type ContactSearchQuery,
  type Invitation,
  type Locale,
  type MyContact,
  type PublicActivity,
  type ReachGroup,
  type StaffContact,
} from '@civicloop/contract';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { audit } from './audit.js';
import type { Handlers, RequestContext } from './context.js';
import { pageOrigins, type CouncilRow } from './councils.js';
import { decodeCursor, encodeCursor, isIsoTime } from './cursor.js';
import type { Database, Queryable } from './db/driver.js';
import { HttpProblem } from './errors/http-problem.js';
import { checkHuman } from './feedback.js';
import { confirmMail, invitationMail, knownMail, pageLink, reconsentMail } from './mail/contact-messages.js';
import type { Mailer } from './mail/mailer.js';
import { csv } from './open-data.js';
import { problems } from './problems.js';
import { clientBucket, consumeBoth, DEFAULT_LIMITS, rateLimitHeaders } from './rate-limit.js';
import { keyedHash } from './secret.js';

const DAY_MS = 86_400_000;
const DEFAULT_PAGE = 50;

// ---------------------------------------------------------------------------------------------
// Tokens: random, sent only in emails, stored only as their SHA-256.

type TokenKind = 'confirm' | 'manage' | 'invitation' | 'unsubscribe';
const PREFIX: Record<TokenKind, string> = { confirm: 'c1', manage: 'm1', invitation: 'i1', unsubscribe: 'u1' };
const TOKEN_PATTERN = /^[a-z0-9]{2}\.[A-Za-z0-9_-]{32}$/;

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/**
 * A new token of `kind` for the contact. With `from`, the token is derived from it (keyed), not
 * random, and stored once: the same confirmation link used again gives the same manage token
 * instead of minting one more that never expires.
 */
async function issueToken(
  db: Queryable,
  contactId: string,
  kind: TokenKind,
  extra: { expiresAt?: number; invitationId?: string; purpose?: ContactPurpose; from?: { secret: string; token: string } } = {},
): Promise<string> {
  const secret = extra.from ? keyedHash(extra.from.secret, `${kind}-token`, extra.from.token).slice(0, 32) : randomBytes(24).toString('base64url');
  const token = `${PREFIX[kind]}.${secret}`;
  await db.query(
    'INSERT INTO contact_tokens (hash, contact_id, kind, invitation_id, purpose, expires_at) VALUES ($1, $2, $3, $4, $5, to_timestamp($6)) ON CONFLICT (hash) DO NOTHING',
    [hashToken(token), contactId, kind, extra.invitationId ?? null, extra.purpose ?? null, extra.expiresAt === undefined ? null : extra.expiresAt / 1000],
  );
  return token;
}

interface TokenRow {
  contactId: string;
  invitationId: string | null;
  purpose: ContactPurpose | null;
}

/** The live token of `kind` in this council's bank, or undefined. */
async function findToken(db: Queryable, council: string, token: string, kind: TokenKind, now: number): Promise<TokenRow | undefined> {
  if (!TOKEN_PATTERN.test(token) || !token.startsWith(`${PREFIX[kind]}.`)) return undefined;
  const { rows } = await db.query<TokenRow>(
    `SELECT t.contact_id AS "contactId", t.invitation_id AS "invitationId", t.purpose FROM contact_tokens t JOIN contacts c ON c.id = t.contact_id
     WHERE t.hash = $1 AND t.kind = $2 AND c.council = $3 AND c.status IN ('pending', 'active') AND (t.expires_at IS NULL OR t.expires_at > to_timestamp($4))`,
    [hashToken(token), kind, council, now / 1000],
  );
  return rows[0];
}

const tokenProblem = (detail: string) =>
  new HttpProblem(401, PROBLEM_TYPES.unauthorized, 'Token missing or no longer valid', { detail, headers: { 'www-authenticate': 'Bearer' } });

/** The contact (and invitation) of the Bearer token of a contact route, or 401. */
async function bearer(ctx: RequestContext, kind: 'manage' | 'invitation'): Promise<TokenRow> {
  const match = /^Bearer ([^\s]+)$/.exec(ctx.headers.get('authorization') ?? '');
  const what = kind === 'manage' ? 'the manage token from your email (#manage=)' : 'the invitation token from your email (#invitation=)';
  if (!match) throw tokenProblem(`Send Authorization: Bearer <${kind} token>, ${what}.`);
  const row = await findToken(ctx.db, ctx.council.slug, match[1]!, kind, ctx.now());
  if (!row) throw tokenProblem(`This ${kind} token is unknown, or its entry was withdrawn or has expired.`);
  return row;
}

// ---------------------------------------------------------------------------------------------
// Pass-it-on codes: random and signed, linked to no one. A valid one marks a sign-up `pass-it-on`.

function newShareCode(secret: string, council: string): string {
  const nonce = randomBytes(8).toString('base64url');
  return `p1.${nonce}.${keyedHash(secret, 'share-code', `${council}:${nonce}`).slice(0, 16)}`;
}
function isShareCode(secret: string, council: string, code: string | undefined): boolean {
  const m = /^p1\.([A-Za-z0-9_-]{11})\.([A-Za-z0-9_-]{16})$/.exec(code ?? "");
  return !!m && keyedHash(secret, 'share-code', `${council}:${m[1]}`).slice(0, 16) === m[2];
}

// ---------------------------------------------------------------------------------------------

function bankOf(council: CouncilRow): ContactBankConfig {
  if (!council.contactBank) throw problems.notFound(`The council "${council.slug}" runs no contact bank.`);
  return council.contactBank;
}

/** Consent runs for the council's months from `from` (calendar months, UTC). */
function expiryFrom(from: number, months: number): number {
  const d = new Date(from);
  d.setUTCMonth(d.getUTCMonth() + months);
  return d.getTime();
}

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

const consentConflict = (current: string) =>
  new HttpProblem(409, PROBLEM_TYPES.conflict, 'Consent text has changed', {
    detail: `The consent text is now version "${current}". Show the current text (GET the council's config) and ask again.`,
  });

/** The district and services of an entry must be the council's. */
async function checkChoices(db: Queryable, council: CouncilRow, bank: ContactBankConfig, body: { district?: string | null; services?: string[] }): Promise<void> {
  if (body.district != null && !bank.districts.some((d) => d.id === body.district)) {
    throw problems.validation([{ path: '/district', message: 'No district with this id in this council', code: 'unknown_district' }]);
  }
  if (body.services?.length) {
    const { rows } = await db.query<{ id: string }>('SELECT id FROM services WHERE council = $1 AND id = ANY($2::text[])', [council.slug, body.services]);
    const known = new Set(rows.map((r) => r.id));
    const i = body.services.findIndex((s) => !known.has(s));
    if (i >= 0) throw problems.validation([{ path: `/services/${i}`, message: 'No service with this id in this council', code: 'unknown_service' }]);
  }
}

interface ContactRow {
  id: string;
  status: 'pending' | 'active';
  kind: StaffContact['kind'];
  email: string;
  name: string | null;
  organisation: string | null;
  phone: string | null;
  accessibility_note: string | null;
  district: string | null;
  services: string[];
  categories: StaffContact['categories'];
  formats: ContactFormat[];
  languages: string[];
  accessibility: StaffContact['accessibility'];
  age_band: StaffContact['ageBand'];
  locale: Locale;
  page_url: string;
  joined_via: StaffContact['joinedVia'];
  consent_version: string;
  purposes: ContactPurpose[];
  created_at: Date;
  confirmed_at: Date | null;
  changed_at: Date | null;
  renewed_at: Date | null;
  expires_at: Date | null;
}

async function loadContact(db: Queryable, id: string): Promise<ContactRow> {
  const { rows } = await db.query<ContactRow>(`SELECT * FROM contacts WHERE id = $1 AND status IN ('pending', 'active')`, [id]);
  if (!rows[0]) throw tokenProblem('This entry was withdrawn or has expired.');
  return rows[0];
}

async function ledger(db: Queryable, contactId: string, at: number, event: string, version: string, purposes: ContactPurpose[]): Promise<void> {
  await db.query('INSERT INTO consent_ledger (contact_id, at, event, version, purposes) VALUES ($1, to_timestamp($2), $3, $4, $5::jsonb)', [
    contactId,
    at / 1000,
    event,
    version,
    JSON.stringify(purposes),
  ]);
}

/**
 * Ends an entry: its personal data and what it signed up for are erased, every token goes, and
 * the ledger records why. The row stays as an anonymous count (kind, channel, status, dates).
 */
export async function eraseContact(db: Queryable, id: string, reason: 'withdrawn' | 'expired', now: number): Promise<void> {
  const { rows } = await db.query<{ consent_version: string }>(
    `UPDATE contacts SET status = $2, email = NULL, name = NULL, organisation = NULL, phone = NULL, accessibility_note = NULL,
       district = NULL, services = '[]', categories = '[]', formats = '[]', languages = '[]', accessibility = '[]', age_band = NULL,
       page_url = NULL, purposes = '[]', ended_at = to_timestamp($3)
     WHERE id = $1 AND status IN ('pending', 'active') RETURNING consent_version`,
    [id, reason, now / 1000],
  );
  if (!rows[0]) return;
  await db.query('DELETE FROM contact_tokens WHERE contact_id = $1', [id]);
  await ledger(db, id, now, reason, rows[0].consent_version, []);
}

function publicActivity(a: ActivityRow): PublicActivity {
  return {
    title: a.title,
    format: a.format,
    startsAt: iso(a.starts_at)!,
    endsAt: iso(a.ends_at),
    place: a.place,
    url: a.url,
    text: a.text,
    locale: a.locale,
  };
}

async function myContact(db: Queryable, row: ContactRow): Promise<MyContact> {
  const events = await db.query<{ at: Date; event: MyContact['ledger'][number]['event']; version: string; purposes: ContactPurpose[] }>(
    'SELECT at, event, version, purposes FROM consent_ledger WHERE contact_id = $1 ORDER BY seq',
    [row.id],
  );
  const invited = await db.query<ActivityRow & { invited_at: Date; answer: 'yes' | 'no' | null; answered_at: Date | null }>(
    `SELECT a.*, i.invited_at, i.answer, i.answered_at FROM invitations i JOIN activities a ON a.id = i.activity_id
     WHERE i.contact_id = $1 ORDER BY i.invited_at DESC, i.id DESC`,
    [row.id],
  );
  return {
    kind: row.kind,
    organisation: row.organisation,
    name: row.name,
    phone: row.phone,
    district: row.district,
    services: row.services,
    categories: row.categories,
    formats: row.formats,
    languages: row.languages,
    accessibility: row.accessibility,
    accessibilityNote: row.accessibility_note,
    ageBand: row.age_band,
    locale: row.locale,
    email: row.email,
    status: row.status,
    joinedVia: row.joined_via,
    pageUrl: row.page_url,
    createdAt: iso(row.created_at)!,
    consent: {
      version: row.consent_version,
      purposes: row.purposes,
      givenAt: iso(row.created_at)!,
      confirmedAt: iso(row.confirmed_at),
      changedAt: iso(row.changed_at),
      renewedAt: iso(row.renewed_at),
      expiresAt: iso(row.expires_at),
    },
    ledger: events.rows.map((e) => ({ at: iso(e.at)!, event: e.event, version: e.version, purposes: e.purposes })),
    invitations: invited.rows.map((i) => ({ activity: publicActivity(i), invitedAt: iso(i.invited_at)!, answer: i.answer, answeredAt: iso(i.answered_at) })),
  };
}

// ---------------------------------------------------------------------------------------------
// Staff: search

const STAFF_COLUMNS = `c.id, c.kind, c.organisation, c.district, c.services, c.categories, c.formats, c.languages, c.accessibility,
  c.accessibility_note, c.age_band, c.locale, c.purposes, c.joined_via, c.confirmed_at, c.expires_at`;

type Filters = Omit<ContactSearchQuery, 'limit' | 'cursor'>;

/** The WHERE clause of active contacts of `council` matching `f`, with its parameters. */
function matching(council: string, f: Filters & { purpose?: ContactPurpose | undefined; format?: ContactFormat | undefined }): { where: string; params: unknown[] } {
  const params: unknown[] = [council];
  const and: string[] = [`c.council = $1`, `c.status = 'active'`];
  const p = (v: unknown) => (params.push(v), `$${params.length}`);
  const has = (column: string, v: string) => `c.${column} @> jsonb_build_array(${p(v)}::text)`;
  if (f.interest !== undefined) {
    const i = p(f.interest);
    // A service's interest includes its whole category, and a category's every service in it.
    and.push(`(c.services @> jsonb_build_array(${i}::text) OR c.categories @> jsonb_build_array(${i}::text) OR EXISTS (
      SELECT 1 FROM services s WHERE s.council = c.council AND ((s.category = ${i} AND c.services @> jsonb_build_array(s.id)) OR (s.id = ${i} AND c.categories @> jsonb_build_array(s.category)))))`);
  }
  if (f.district !== undefined) and.push(`c.district = ${p(f.district)}`);
  if (f.kind !== undefined) and.push(`c.kind = ${p(f.kind)}`);
  if (f.format !== undefined) and.push(has('formats', f.format));
  if (f.language !== undefined) and.push(has('languages', f.language));
  if (f.accessibility !== undefined) and.push(has('accessibility', f.accessibility));
  if (f.purpose !== undefined) and.push(has('purposes', f.purpose));
  return { where: and.join(' AND '), params };
}

type StaffRow = Omit<ContactRow, 'status' | 'email' | 'name' | 'phone' | 'page_url' | 'consent_version' | 'created_at' | 'changed_at' | 'renewed_at'> & {
  confirmed_at: Date;
  expires_at: Date;
};

function staffContact(r: StaffRow): StaffContact {
  return {
    id: r.id,
    kind: r.kind,
    // An association's or business's name is how staff know it; a resident never has one here.
    organisation: r.kind === 'resident' ? null : r.organisation,
    district: r.district,
    services: r.services,
    categories: r.categories,
    formats: r.formats,
    languages: r.languages,
    accessibility: r.accessibility,
    accessibilityNote: r.accessibility_note,
    ageBand: r.age_band,
    locale: r.locale,
    purposes: r.purposes,
    joinedVia: r.joined_via,
    confirmedAt: iso(r.confirmed_at)!,
    consentExpiresAt: iso(r.expires_at)!,
  };
}

const filtersOf = (q: ContactSearchQuery): Filters =>
  Object.fromEntries(Object.entries(q).filter(([k, v]) => v !== undefined && k !== 'limit' && k !== 'cursor')) as Filters;

// ---------------------------------------------------------------------------------------------
// Staff: activities

interface ActivityRow {
  id: string;
  title: string;
  format: ContactFormat;
  starts_at: Date;
  ends_at: Date | null;
  place: string | null;
  url: string | null;
  text: string;
  locale: Locale;
  created_at: Date;
}
type CountedRow = ActivityRow & { invited: number; accepted: number; declined: number };

const COUNTED = `a.*,
  (SELECT count(*) FROM invitations i WHERE i.activity_id = a.id)::int AS invited,
  (SELECT count(*) FROM invitations i WHERE i.activity_id = a.id AND i.answer = 'yes')::int AS accepted,
  (SELECT count(*) FROM invitations i WHERE i.activity_id = a.id AND i.answer = 'no')::int AS declined`;

const toActivity = (a: CountedRow): Activity => ({ id: a.id, ...publicActivity(a), createdAt: iso(a.created_at)!, invited: a.invited, accepted: a.accepted, declined: a.declined });

async function loadActivity(db: Queryable, council: string, id: string): Promise<CountedRow> {
  const { rows } = await db.query<CountedRow>(`SELECT ${COUNTED} FROM activities a WHERE a.council = $1 AND a.id = $2`, [council, id]);
  if (!rows[0]) throw problems.notFound('No activity with this id in this council.');
  return rows[0];
}

// ---------------------------------------------------------------------------------------------
// Reach

function groups(counts: Map<string, number>, keys: readonly string[], threshold: number): ReachGroup[] {
  const all = [...new Set([...keys, ...counts.keys()])];
  const out = all.map((key) => {
    const count = counts.get(key) ?? 0;
    // Empty groups name no one and show whom the bank misses; 1 to threshold-1 could name someone.
    const suppressed = count > 0 && count < threshold;
    return { key, count: suppressed ? null : count, suppressed };
  });
  return out;
}

/**
 * With the total shown, one suppressed group in a dimension could be worked out by subtraction:
 * then the smallest shown non-empty group is suppressed too (complementary suppression).
 */
function complement(list: ReachGroup[]): ReachGroup[] {
  if (list.filter((g) => g.suppressed).length !== 1) return list;
  const shown = list.filter((g) => !g.suppressed && (g.count ?? 0) > 0).sort((a, b) => a.count! - b.count!);
  const next = shown[0];
  return next ? list.map((g) => (g === next ? { ...g, count: null, suppressed: true } : g)) : list;
}

function tally(values: (string | null)[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const v of values) m.set(v ?? 'not-given', (m.get(v ?? 'not-given') ?? 0) + 1);
  return m;
}

// ---------------------------------------------------------------------------------------------

export const contactHandlers: Pick<
  Handlers,
  | 'createContact'
  | 'confirmContact'
  | 'getMyContact'
  | 'updateMyContact'
  | 'deleteMyContact'
  | 'getInvitation'
  | 'answerInvitation'
  | 'unsubscribeContact'
  | 'searchContacts'
  | 'exportContacts'
  | 'getContactReach'
  | 'createActivity'
  | 'listActivities'
  | 'getActivity'
  | 'createInvitations'
> = {
  async createContact(ctx) {
    const { db, council, body, options } = ctx;
    const bank = bankOf(council);
    const now = ctx.now();
    await checkHuman(ctx);
    // Mail links lead to pageUrl: only the council's own pages (or the server's), or anyone could
    // sign a stranger up from their own page and receive the stranger's confirm or manage token.
    if (!pageOrigins(council, options.ownOrigins).includes(new URL(body.pageUrl).origin)) {
      throw problems.validation([{ path: '/pageUrl', message: "Must be a page on one of the council's embedding origins", code: 'unknown_origin' }]);
    }
    if (body.consent.version !== bank.consent.version) throw consentConflict(bank.consent.version);
    await checkChoices(db, council, bank, body);
    const limits = { ...DEFAULT_LIMITS, ...options.limits };
    const client = keyedHash(ctx.secret, 'client-address', clientBucket(ctx.clientAddress));
    const allowance = await consumeBoth(
      db,
      { bucket: `contacts:${council.slug}:${client}`, limit: limits.feedbackPerClientPerHour, what: 'Your connection', policy: 'client', counts: 'sign-ups' },
      { bucket: `contacts-council:${council.slug}`, limit: limits.feedbackPerCouncilPerHour, what: 'This council', policy: 'council', counts: 'sign-ups' },
      now,
    );

    const id = randomUUID();
    const locale = body.locale ?? council.defaultLocale;
    const { rows } = await db.query<{ id: string }>(
      `INSERT INTO contacts (id, council, status, kind, email, name, organisation, phone, accessibility_note, district, services, categories, formats,
         languages, accessibility, age_band, locale, page_url, joined_via, consent_version, purposes, created_at)
       VALUES ($1, $2, 'pending', $3, $4, $5, $6, $7, $8, $9, $10::jsonb, $11::jsonb, $12::jsonb, $13::jsonb, $14::jsonb, $15, $16, $17, $18, $19, $20::jsonb, to_timestamp($21))
       ON CONFLICT (council, lower(email)) WHERE email IS NOT NULL DO NOTHING RETURNING id`,
      [
        id,
        council.slug,
        body.kind,
        body.email,
        body.name ?? null,
        body.kind === 'resident' ? null : (body.organisation ?? null),
        body.phone ?? null,
        body.accessibilityNote || null,
        body.district ?? null,
        JSON.stringify([...new Set(body.services ?? [])]),
        JSON.stringify([...new Set(body.categories ?? [])]),
        JSON.stringify([...new Set(body.formats ?? [])]),
        JSON.stringify([...new Set(body.languages ?? [])]),
        JSON.stringify([...new Set(body.accessibility ?? [])]),
        body.ageBand ?? null,
        locale,
        body.pageUrl,
        isShareCode(ctx.secret, council.slug, body.via) ? 'pass-it-on' : 'direct',
        body.consent.version,
        JSON.stringify(body.consent.purposes),
        now / 1000,
      ],
    );
    const to = body.email;
    if (rows[0]) {
      await ledger(db, id, now, 'given', body.consent.version, body.consent.purposes);
      const token = await issueToken(db, id, 'confirm', { expiresAt: now + CONTACT_PENDING_DAYS * DAY_MS });
      const mail = confirmMail(locale, council.defaultLocale, council.name, pageLink(body.pageUrl, 'token', token), CONTACT_PENDING_DAYS);
      ctx.afterCommit(() => ctx.mailer.send({ to, ...mail }));
    } else {
      // A known address, in its own language; no second entry, the same answer.
      const known = await db.query<{ id: string; locale: Locale; email: string; status: 'pending' | 'active' }>(
        `SELECT id, locale, email, status FROM contacts WHERE council = $1 AND lower(email) = lower($2) AND email IS NOT NULL`,
        [council.slug, body.email],
      );
      const row = known.rows[0];
      if (row?.status === 'pending') {
        // Still unconfirmed (the first mail lost or expired): a manage link would look like
        // membership while the entry is purged unconfirmed. A fresh confirmation instead, with
        // the 7 days starting again as on a first sign-up.
        await db.query('UPDATE contacts SET created_at = to_timestamp($2) WHERE id = $1', [row.id, now / 1000]);
        const token = await issueToken(db, row.id, 'confirm', { expiresAt: now + CONTACT_PENDING_DAYS * DAY_MS });
        const mail = confirmMail(row.locale, council.defaultLocale, council.name, pageLink(body.pageUrl, 'token', token), CONTACT_PENDING_DAYS);
        ctx.afterCommit(() => ctx.mailer.send({ to: row.email, ...mail }));
      } else if (row) {
        const token = await issueToken(db, row.id, 'manage');
        const mail = knownMail(row.locale, council.defaultLocale, council.name, pageLink(body.pageUrl, 'manage', token));
        // To the address as stored: the one that confirmed its entry.
        ctx.afterCommit(() => ctx.mailer.send({ to: row.email, ...mail }));
      }
    }
    return { status: 202, body: { status: 'check-your-email', shareCode: newShareCode(ctx.secret, council.slug) }, headers: rateLimitHeaders(allowance) };
  },

  async confirmContact(ctx) {
    const { db, council, body } = ctx;
    const bank = bankOf(council);
    const now = ctx.now();
    const found = await findToken(db, council.slug, body.token, 'confirm', now);
    if (!found) throw problems.notFound('This confirmation link is unknown or has expired (links work for 7 days). Sign up again.');
    const row = await loadContact(db, found.contactId);
    let expiresAt = row.expires_at ? row.expires_at.getTime() : 0;
    if (row.status === 'pending') {
      expiresAt = expiryFrom(now, bank.consent.months);
      await db.query(`UPDATE contacts SET status = 'active', confirmed_at = to_timestamp($2), expires_at = to_timestamp($3) WHERE id = $1`, [
        row.id,
        now / 1000,
        expiresAt / 1000,
      ]);
      await ledger(db, row.id, now, 'confirmed', row.consent_version, row.purposes);
    }
    const manageToken = await issueToken(db, row.id, 'manage', { from: { secret: ctx.secret, token: body.token } });
    return { status: 200, body: { status: 'active', consentExpiresAt: new Date(expiresAt).toISOString(), manageToken }, headers: { 'cache-control': 'no-store' } };
  },

  async getMyContact(ctx) {
    bankOf(ctx.council);
    const { contactId } = await bearer(ctx, 'manage');
    return { status: 200, body: await myContact(ctx.db, await loadContact(ctx.db, contactId)), headers: { 'cache-control': 'no-store' } };
  },

  async updateMyContact(ctx) {
    const { db, council, body } = ctx;
    const bank = bankOf(council);
    const now = ctx.now();
    const { contactId } = await bearer(ctx, 'manage');
    const row = await loadContact(db, contactId);
    await checkChoices(db, council, bank, body);
    const kind = body.kind ?? row.kind;
    const organisation = kind === 'resident' ? null : body.organisation === undefined ? row.organisation : body.organisation;
    const name = body.name === undefined ? row.name : body.name;
    if (kind !== 'resident' && (!organisation || !name)) {
      throw problems.validation([{ path: '/organisation', message: 'An association or business gives organisation and name', code: 'custom' }]);
    }
    const pick = <T>(value: T | undefined, current: T) => (value === undefined ? current : value);
    await db.query(
      `UPDATE contacts SET kind = $2, organisation = $3, name = $4, phone = $5, district = $6, services = $7::jsonb, categories = $8::jsonb,
         formats = $9::jsonb, languages = $10::jsonb, accessibility = $11::jsonb, accessibility_note = $12, age_band = $13, locale = $14 WHERE id = $1`,
      [
        row.id,
        kind,
        organisation,
        name,
        pick(body.phone, row.phone),
        pick(body.district, row.district),
        JSON.stringify(body.services ? [...new Set(body.services)] : row.services),
        JSON.stringify(body.categories ? [...new Set(body.categories)] : row.categories),
        JSON.stringify(body.formats ? [...new Set(body.formats)] : row.formats),
        JSON.stringify(body.languages ? [...new Set(body.languages)] : row.languages),
        JSON.stringify(body.accessibility ? [...new Set(body.accessibility)] : row.accessibility),
        pick(body.accessibilityNote, row.accessibility_note) || null,
        pick(body.ageBand, row.age_band),
        body.locale ?? row.locale,
      ],
    );
    if (body.consent) {
      if (body.consent.version !== bank.consent.version) throw consentConflict(bank.consent.version);
      const same = body.consent.version === row.consent_version && [...body.consent.purposes].sort().join() === [...row.purposes].sort().join();
      const event = same ? 'renewed' : 'changed';
      // Consent given again runs its full period from now; a pending entry still needs its confirmation.
      const expiresAt = row.status === 'active' ? expiryFrom(now, bank.consent.months) : null;
      await db.query(
        `UPDATE contacts SET consent_version = $2, purposes = $3::jsonb, ${event === 'renewed' ? 'renewed_at' : 'changed_at'} = to_timestamp($4),
           expires_at = COALESCE(to_timestamp($5), expires_at), reconsent_sent_at = NULL WHERE id = $1`,
        [row.id, body.consent.version, JSON.stringify(body.consent.purposes), now / 1000, expiresAt === null ? null : expiresAt / 1000],
      );
      await ledger(db, row.id, now, event, body.consent.version, body.consent.purposes);
    }
    return { status: 200, body: await myContact(db, await loadContact(db, row.id)), headers: { 'cache-control': 'no-store' } };
  },

  async deleteMyContact(ctx) {
    bankOf(ctx.council);
    const { contactId } = await bearer(ctx, 'manage');
    await eraseContact(ctx.db, contactId, 'withdrawn', ctx.now());
    return { status: 204 };
  },

  async getInvitation(ctx) {
    bankOf(ctx.council);
    const found = await bearer(ctx, 'invitation');
    return { status: 200, body: await invitationView(ctx.db, found.invitationId!), headers: { 'cache-control': 'no-store' } };
  },

  async answerInvitation(ctx) {
    bankOf(ctx.council);
    const found = await bearer(ctx, 'invitation');
    await ctx.db.query('UPDATE invitations SET answer = $2, answered_at = to_timestamp($3) WHERE id = $1', [found.invitationId, ctx.body.answer, ctx.now() / 1000]);
    return { status: 200, body: await invitationView(ctx.db, found.invitationId!), headers: { 'cache-control': 'no-store' } };
  },

  async unsubscribeContact(ctx) {
    const { db, council, params } = ctx;
    bankOf(council);
    const now = ctx.now();
    const found = await findToken(db, council.slug, params.token, 'unsubscribe', now);
    if (!found) throw problems.notFound('This unsubscribe link is unknown, or its entry was withdrawn or has expired.');
    const row = await loadContact(db, found.contactId);
    const left = row.purposes.filter((p) => p !== found.purpose);
    if (left.length === row.purposes.length) return { status: 204 };
    if (left.length === 0) {
      // Nothing left to contact them for: the whole entry goes.
      await eraseContact(db, row.id, 'withdrawn', now);
    } else {
      await db.query('UPDATE contacts SET purposes = $2::jsonb, changed_at = to_timestamp($3) WHERE id = $1', [row.id, JSON.stringify(left), now / 1000]);
      await ledger(db, row.id, now, 'changed', row.consent_version, left);
    }
    return { status: 204 };
  },

  async searchContacts(ctx) {
    const { db, council, query } = ctx;
    bankOf(council);
    const limit = query.limit ?? DEFAULT_PAGE;
    const { where, params } = matching(council.slug, query);
    let after = '';
    if (query.cursor !== undefined) {
      const [at, id] = decodeCursor(query.cursor, 2, ([t]) => isIsoTime(t!));
      params.push(at, id);
      after = ` AND (c.confirmed_at, c.id) > ($${params.length - 1}::timestamptz, $${params.length})`;
    }
    params.push(limit + 1);
    const { rows } = await db.query<StaffRow>(`SELECT ${STAFF_COLUMNS} FROM contacts c WHERE ${where}${after} ORDER BY c.confirmed_at, c.id LIMIT $${params.length}`, params);
    const items = rows.slice(0, limit).map(staffContact);
    const last = rows.length > limit ? rows[limit - 1] : undefined;
    await audit(db, ctx.staff!, ctx.now(), 'contact.search', { type: 'contact-bank', id: council.slug }, null, { filters: filtersOf(query), shown: items.length });
    return { status: 200, body: { items, nextCursor: last ? encodeCursor([iso(last.confirmed_at)!, last.id]) : null }, headers: { 'cache-control': 'no-store' } };
  },

  async exportContacts(ctx) {
    const { db, council, query } = ctx;
    bankOf(council);
    const { where, params } = matching(council.slug, query);
    const { rows } = await db.query<StaffRow>(`SELECT ${STAFF_COLUMNS} FROM contacts c WHERE ${where} ORDER BY c.confirmed_at, c.id`, params);
    const list = (v: string[]) => v.join(';');
    const table = [
      ['id', 'kind', 'organisation', 'district', 'services', 'categories', 'formats', 'languages', 'accessibility', 'accessibility_note', 'age_band', 'locale', 'purposes', 'joined_via', 'confirmed_at', 'consent_expires_at'],
      ...rows.map(staffContact).map((c) => [
        c.id,
        c.kind,
        c.organisation,
        c.district,
        list(c.services),
        list(c.categories),
        list(c.formats),
        list(c.languages),
        list(c.accessibility),
        c.accessibilityNote,
        c.ageBand,
        c.locale,
        list(c.purposes),
        c.joinedVia,
        c.confirmedAt,
        c.consentExpiresAt,
      ]),
    ];
    await audit(db, ctx.staff!, ctx.now(), 'contact.export', { type: 'contact-bank', id: council.slug }, null, { filters: filtersOf(query), exported: rows.length });
    return {
      status: 200,
      // The byte order mark tells spreadsheet programs the file is UTF-8.
      body: '\uFEFF' + csv(table),
      headers: {
        'content-type': 'text/csv; charset=utf-8; header=present',
        'content-disposition': `attachment; filename="${council.slug}-contacts.csv"`,
        'cache-control': 'no-store',
      },
    };
  },

  async getContactReach(ctx) {
    const { db, council } = ctx;
    const bank = bankOf(council);
    const threshold = council.reachThreshold;
    const { rows } = await db.query<{ kind: string; district: string | null; age_band: string | null; languages: string[]; joined_via: string }>(
      `SELECT kind, district, age_band, languages, joined_via FROM contacts WHERE council = $1 AND status = 'active'`,
      [council.slug],
    );
    const left = await db.query<{ status: 'withdrawn' | 'expired'; n: number }>(
      `SELECT status, count(*)::int AS n FROM contacts WHERE council = $1 AND status IN ('withdrawn', 'expired') GROUP BY status`,
      [council.slug],
    );
    const population = new Map(bank.districts.map((d) => [d.id, d.population ?? null]));
    const districts = complement(groups(tally(rows.map((r) => r.district)), [...bank.districts.map((d) => d.id), 'not-given'], threshold)).map((g) => {
      const pop = population.get(g.key) ?? null;
      return { ...g, population: pop, perThousand: g.count !== null && pop ? Math.round((g.count / pop) * 1000 * 100) / 100 : null };
    });
    const body: ContactReach = {
      threshold,
      at: new Date(ctx.now()).toISOString(),
      active: rows.length,
      left: { withdrawn: left.rows.find((r) => r.status === 'withdrawn')?.n ?? 0, expired: left.rows.find((r) => r.status === 'expired')?.n ?? 0 },
      kind: complement(groups(tally(rows.map((r) => r.kind)), CONTACT_KINDS, threshold)),
      district: districts,
      ageBand: complement(groups(tally(rows.map((r) => r.age_band)), [...(bank.ageBands.length ? bank.ageBands : AGE_BANDS), 'not-given'], threshold)),
      // A contact may name several languages: the groups overlap, so no total gives one away.
      language: groups(tally(rows.flatMap((r) => r.languages)), bank.languages, threshold),
      channel: complement(groups(tally(rows.map((r) => r.joined_via)), JOINING_CHANNELS, threshold)),
    };
    return { status: 200, body, headers: { 'cache-control': 'no-store' } };
  },

  async createActivity(ctx) {
    const { db, council, body } = ctx;
    bankOf(council);
    const now = ctx.now();
    const id = randomUUID();
    await db.query(
      `INSERT INTO activities (id, council, title, format, starts_at, ends_at, place, url, text, locale, created_at)
       VALUES ($1, $2, $3, $4, $5::timestamptz, $6::timestamptz, $7, $8, $9, $10, to_timestamp($11))`,
      [id, council.slug, body.title, body.format, body.startsAt, body.endsAt ?? null, body.place ?? null, body.url ?? null, body.text, body.locale, now / 1000],
    );
    await audit(db, ctx.staff!, now, 'activity.create', { type: 'activity', id }, null, { title: body.title, locale: body.locale, format: body.format, startsAt: body.startsAt });
    return { status: 201, body: toActivity(await loadActivity(db, council.slug, id)), headers: { location: `/v1/councils/${council.slug}/staff/activities/${id}` } };
  },

  async listActivities(ctx) {
    const { db, council, query } = ctx;
    bankOf(council);
    const limit = query.limit ?? DEFAULT_PAGE;
    const params: unknown[] = [council.slug];
    let after = '';
    if (query.cursor !== undefined) {
      const [at, id] = decodeCursor(query.cursor, 2, ([t]) => isIsoTime(t!));
      params.push(at, id);
      after = ' AND (a.created_at, a.id) < ($2::timestamptz, $3)';
    }
    params.push(limit + 1);
    const { rows } = await db.query<CountedRow>(`SELECT ${COUNTED} FROM activities a WHERE a.council = $1${after} ORDER BY a.created_at DESC, a.id DESC LIMIT $${params.length}`, params);
    const last = rows.length > limit ? rows[limit - 1] : undefined;
    return { status: 200, body: { items: rows.slice(0, limit).map(toActivity), nextCursor: last ? encodeCursor([iso(last.created_at)!, last.id]) : null }, headers: { 'cache-control': 'no-store' } };
  },

  async getActivity(ctx) {
    const { db, council, params } = ctx;
    bankOf(council);
    const activity = await loadActivity(db, council.slug, params.id);
    const { rows } = await db.query<{
      id: string;
      kind: StaffContact['kind'];
      organisation: string | null;
      name: string | null;
      email: string;
      phone: string | null;
      languages: string[];
      accessibility: StaffContact['accessibility'];
      accessibility_note: string | null;
      answered_at: Date;
    }>(
      `SELECT c.id, c.kind, c.organisation, c.name, c.email, c.phone, c.languages, c.accessibility, c.accessibility_note, i.answered_at
       FROM invitations i JOIN contacts c ON c.id = i.contact_id
       WHERE i.activity_id = $1 AND i.answer = 'yes' AND c.status = 'active' ORDER BY i.answered_at, c.id`,
      [activity.id],
    );
    const body: ActivityDetail = {
      ...toActivity(activity),
      acceptedContacts: rows.map((r) => ({
        contactId: r.id,
        kind: r.kind,
        organisation: r.organisation,
        name: r.name,
        email: r.email,
        phone: r.phone,
        languages: r.languages,
        accessibility: r.accessibility,
        accessibilityNote: r.accessibility_note,
        answeredAt: iso(r.answered_at)!,
      })),
    };
    // Who saw whose details: the ids, never the details themselves.
    await audit(db, ctx.staff!, ctx.now(), 'contact.view', { type: 'activity', id: activity.id }, null, { contactIds: rows.map((r) => r.id) });
    return { status: 200, body, headers: { 'cache-control': 'no-store' } };
  },

  async createInvitations(ctx) {
    const { db, council, params, body } = ctx;
    bankOf(council);
    const now = ctx.now();
    const activity = await loadActivity(db, council.slug, params.id);
    const { max, ...filters } = body;
    // Only people who consented to invitations and are open to this activity's format.
    const { where, params: args } = matching(council.slug, { ...filters, purpose: 'invitations', format: activity.format });
    const { rows: matched } = await db.query<{ id: string; email: string; locale: Locale; page_url: string; invited: boolean }>(
      `SELECT c.id, c.email, c.locale, c.page_url, EXISTS (SELECT 1 FROM invitations i WHERE i.activity_id = $${args.length + 1} AND i.contact_id = c.id) AS invited
       FROM contacts c WHERE ${where} ORDER BY c.confirmed_at, c.id`,
      [...args, activity.id],
    );
    const fresh = matched.filter((m) => !m.invited).slice(0, max ?? Infinity);
    const base = ctx.publicOrigin;
    const mails: { to: string; mail: ReturnType<typeof invitationMail>; unsubscribe: string }[] = [];
    for (const c of fresh) {
      const invitationId = randomUUID();
      await db.query('INSERT INTO invitations (id, activity_id, contact_id, invited_at) VALUES ($1, $2, $3, to_timestamp($4))', [invitationId, activity.id, c.id, now / 1000]);
      const answer = await issueToken(db, c.id, 'invitation', { invitationId });
      const manage = await issueToken(db, c.id, 'manage');
      const unsubscribe = await issueToken(db, c.id, 'unsubscribe', { purpose: 'invitations' });
      const mail = invitationMail(
        c.locale,
        council.defaultLocale,
        council.name,
        { title: activity.title, format: activity.format, startsAt: activity.starts_at, endsAt: activity.ends_at, place: activity.place, url: activity.url, text: activity.text },
        pageLink(c.page_url, 'invitation', answer),
        pageLink(c.page_url, 'manage', manage),
      );
      mails.push({ to: c.email, mail, unsubscribe: `${base}/v1/councils/${council.slug}/contacts/unsubscribe/${unsubscribe}` });
    }
    await audit(db, ctx.staff!, now, 'activity.invite', { type: 'activity', id: activity.id }, null, { filters: { ...filters, ...(max ? { max } : {}) }, invited: fresh.length });
    ctx.afterCommit(async () => {
      // One mail each; a failure is logged and the others still go.
      for (const m of mails) {
        await ctx.mailer
          .send({
            to: m.to,
            ...m.mail,
            headers: { 'List-Unsubscribe': `<${m.unsubscribe}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
          })
          .catch((error: unknown) => ctx.log({ time: new Date(ctx.now()).toISOString(), level: 'error', msg: 'invitation mail failed', reqId: ctx.requestId, error: String(error) }));
      }
    });
    return { status: 201, body: { invited: fresh.length, alreadyInvited: matched.length - matched.filter((m) => !m.invited).length } };
  },
};

async function invitationView(db: Queryable, invitationId: string): Promise<Invitation> {
  const { rows } = await db.query<ActivityRow & { answer: 'yes' | 'no' | null; answered_at: Date | null }>(
    'SELECT a.*, i.answer, i.answered_at FROM invitations i JOIN activities a ON a.id = i.activity_id WHERE i.id = $1',
    [invitationId],
  );
  const r = rows[0];
  if (!r) throw tokenProblem('This invitation no longer exists.');
  return { activity: publicActivity(r), answer: r.answer, answeredAt: iso(r.answered_at) };
}

// ---------------------------------------------------------------------------------------------
// Housekeeping, by the server's clock: unconfirmed entries purged after 7 days, expired tokens
// dropped, re-consent emails 30 days before expiry, and expired entries erased.

export interface ContactHousekeeping {
  purged: number;
  reminded: number;
  expired: number;
}

export async function contactHousekeeping(db: Database, mailer: Mailer, now: number, log: (e: Record<string, unknown>) => void): Promise<ContactHousekeeping> {
  const purged = await db.query(`DELETE FROM contacts WHERE status = 'pending' AND created_at <= to_timestamp($1)`, [(now - CONTACT_PENDING_DAYS * DAY_MS) / 1000]);
  await db.query('DELETE FROM contact_tokens WHERE expires_at <= to_timestamp($1)', [now / 1000]);

  const ending = await db.query<{ id: string }>(`SELECT id FROM contacts WHERE status = 'active' AND expires_at <= to_timestamp($1)`, [now / 1000]);
  for (const { id } of ending.rows) await db.transaction((tx) => eraseContact(tx, id, 'expired', now));

  const due = await db.query<{ id: string; email: string; locale: Locale; page_url: string; expires_at: Date; name: string; default_locale: Locale }>(
    `SELECT c.id, c.email, c.locale, c.page_url, c.expires_at, co.name, co.default_locale FROM contacts c JOIN councils co ON co.slug = c.council
     WHERE c.status = 'active' AND c.reconsent_sent_at IS NULL AND c.expires_at <= to_timestamp($1) ORDER BY c.expires_at`,
    [(now + RECONSENT_NOTICE_DAYS * DAY_MS) / 1000],
  );
  let reminded = 0;
  for (const c of due.rows) {
    // Claimed first, so two servers never send the same reminder; released if the mail fails.
    const token = await db.transaction(async (tx) => {
      const claim = await tx.query(`UPDATE contacts SET reconsent_sent_at = to_timestamp($2) WHERE id = $1 AND reconsent_sent_at IS NULL AND status = 'active'`, [c.id, now / 1000]);
      return claim.rowCount ? issueToken(tx, c.id, 'manage') : undefined;
    });
    if (!token) continue;
    try {
      await mailer.send({ to: c.email, ...reconsentMail(c.locale, c.default_locale, c.name, pageLink(c.page_url, 'manage', token), new Date(c.expires_at)) });
      reminded++;
    } catch (error) {
      await db.query('UPDATE contacts SET reconsent_sent_at = NULL WHERE id = $1', [c.id]);
      log({ time: new Date(now).toISOString(), level: 'error', msg: 're-consent mail failed', error: String(error) });
    }
  }
  return { purged: purged.rowCount ?? 0, reminded, expired: ending.rows.length };
}
