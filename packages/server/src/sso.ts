// Single sign-on for council staff over OpenID Connect. The console does the browser's part
// (PKCE, state, nonce, the redirect); the server redeems the code, checks the ID token with
// `jose` against the provider's published keys, maps the council's role claim to a role, and
// makes an opaque staff session of which only the hash is stored.
import { PROBLEM_TYPES, SsoSettings, STAFF_SESSION_MINUTES_DEFAULT, type SsoPublic, type StaffPerson, type StaffSession } from '@civicloop/contract';
import type { StaffRole } from '@civicloop/contract/rules';
import { createRemoteJWKSet, jwtVerify, type JWTPayload } from 'jose';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import * as z from 'zod/mini';
import type { Handlers } from './context.js';
import type { Queryable } from './db/driver.js';
import { HttpProblem } from './errors/http-problem.js';
import { problems } from './problems.js';
import { clientBucket, consumeBoth, DEFAULT_LIMITS } from './rate-limit.js';
import { keyedHash } from './secret.js';

/** Session tokens carry their own prefix, so `authenticateStaff` knows where to look. */
export const SESSION_PREFIX = 'clss_';

const hash = (token: string) => createHash('sha256').update(token, 'utf8').digest('hex');

/** A council's settings as stored, with the authorization endpoint resolved. */
export type StoredSso = SsoSettings & { authorizationEndpoint: string };

/** The part of a provider's discovery document the server uses. */
interface Discovery {
  issuer: string;
  authorization_endpoint: string;
  token_endpoint: string;
  jwks_uri: string;
  userinfo_endpoint?: string;
}

const FETCH_TIMEOUT_MS = 10_000;
const DISCOVERY_TTL_MS = 60 * 60_000;
const discoveries = new Map<string, { at: number; doc: Promise<Discovery> }>();
const keySets = new Map<string, ReturnType<typeof createRemoteJWKSet>>();

/**
 * Reads `issuer`'s `/.well-known/openid-configuration` (kept an hour per process) and checks
 * that it names the same issuer, as OpenID Connect Discovery §4.3 asks.
 */
export function discover(issuer: string): Promise<Discovery> {
  const cached = discoveries.get(issuer);
  if (cached && Date.now() - cached.at < DISCOVERY_TTL_MS) return cached.doc;
  const doc = (async () => {
    const url = `${issuer.replace(/\/$/, '')}/.well-known/openid-configuration`;
    const res = await fetch(url, { headers: { accept: 'application/json' }, signal: AbortSignal.timeout(FETCH_TIMEOUT_MS) });
    if (!res.ok) throw new Error(`${url} answered ${res.status}`);
    const d = (await res.json()) as Partial<Discovery>;
    if (d.issuer !== issuer) throw new Error(`${url} names the issuer ${String(d.issuer)}, not ${issuer}`);
    for (const k of ['authorization_endpoint', 'token_endpoint', 'jwks_uri'] as const) {
      if (typeof d[k] !== 'string') throw new Error(`${url} has no ${k}`);
    }
    return d as Discovery;
  })();
  discoveries.set(issuer, { at: Date.now(), doc });
  // A failed discovery is asked again next time, not remembered for an hour.
  doc.catch(() => discoveries.get(issuer)?.doc === doc && discoveries.delete(issuer));
  return doc;
}

/** Checks settings against the contract and fills in the authorization endpoint from discovery when absent. */
export async function resolveSso(settings: unknown): Promise<StoredSso> {
  const s = z.parse(SsoSettings, settings);
  if (s.authorizationEndpoint) return s as StoredSso;
  return { ...s, authorizationEndpoint: (await discover(s.issuer)).authorization_endpoint };
}

interface SsoRow {
  issuer: string;
  client_id: string;
  client_secret: string | null;
  label: string | null;
  scopes: string[];
  authorization_endpoint: string;
  role_claim: string;
  editor_values: string[];
  admin_values: string[];
  session_minutes: number;
}

/** Sets (or with null removes) a council's single sign-on; settings are checked against the contract first. */
export async function setCouncilSso(db: Queryable, council: string, sso: StoredSso | null): Promise<void> {
  if (sso === null) {
    await db.query('DELETE FROM council_sso WHERE council = $1', [council]);
    return;
  }
  const s = z.parse(SsoSettings, sso);
  if (!s.authorizationEndpoint) throw new RangeError('single sign-on needs the authorization endpoint (resolveSso finds it)');
  const scopes = [...new Set(['openid', ...(s.scopes ?? ['profile'])])];
  await db.query(
    `INSERT INTO council_sso (council, issuer, client_id, client_secret, label, scopes, authorization_endpoint, role_claim, editor_values, admin_values, session_minutes)
     VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7, $8, $9::jsonb, $10::jsonb, $11)
     ON CONFLICT (council) DO UPDATE SET issuer = EXCLUDED.issuer, client_id = EXCLUDED.client_id, client_secret = EXCLUDED.client_secret,
       label = EXCLUDED.label, scopes = EXCLUDED.scopes, authorization_endpoint = EXCLUDED.authorization_endpoint, role_claim = EXCLUDED.role_claim,
       editor_values = EXCLUDED.editor_values, admin_values = EXCLUDED.admin_values, session_minutes = EXCLUDED.session_minutes, updated_at = now()`,
    [
      council,
      s.issuer,
      s.clientId,
      s.clientSecret ?? null,
      s.label ?? null,
      JSON.stringify(scopes),
      s.authorizationEndpoint,
      s.roleClaim,
      JSON.stringify(s.roles.editor),
      JSON.stringify(s.roles.admin),
      s.sessionMinutes ?? STAFF_SESSION_MINUTES_DEFAULT,
    ],
  );
}

/** A council's single sign-on settings, secret included (server side only), or undefined. */
export async function loadCouncilSso(db: Queryable, council: string): Promise<StoredSso | undefined> {
  const { rows } = await db.query<SsoRow>('SELECT * FROM council_sso WHERE council = $1', [council]);
  const r = rows[0];
  if (!r) return undefined;
  return {
    issuer: r.issuer,
    clientId: r.client_id,
    ...(r.client_secret ? { clientSecret: r.client_secret } : {}),
    ...(r.label ? { label: r.label } : {}),
    scopes: r.scopes,
    authorizationEndpoint: r.authorization_endpoint,
    roleClaim: r.role_claim,
    roles: { editor: r.editor_values, admin: r.admin_values },
    sessionMinutes: r.session_minutes,
  };
}

/** What the public configuration says about a council's single sign-on: nothing secret. */
export function toSsoPublic(sso: StoredSso, councilName: string): SsoPublic {
  return {
    label: sso.label ?? councilName,
    issuer: sso.issuer,
    authorizationEndpoint: sso.authorizationEndpoint,
    clientId: sso.clientId,
    scopes: sso.scopes ?? ['openid', 'profile'],
  };
}

/** The values of a claim (a string or a list of strings), found by a dotted path such as `realm_access.roles`. */
export function claimValues(claims: Record<string, unknown>, path: string): string[] {
  let value: unknown = path in claims ? claims[path] : undefined;
  if (value === undefined) {
    value = path.split('.').reduce<unknown>((at, key) => (at && typeof at === 'object' ? (at as Record<string, unknown>)[key] : undefined), claims);
  }
  if (typeof value === 'string') return [value];
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

/** The role the claim's values map to (admin wins), or undefined for none. */
export function roleFor(sso: Pick<SsoSettings, 'roleClaim' | 'roles'>, claims: Record<string, unknown>): StaffRole | undefined {
  const values = claimValues(claims, sso.roleClaim);
  if (values.some((v) => sso.roles.admin.includes(v))) return 'admin';
  if (values.some((v) => sso.roles.editor.includes(v))) return 'editor';
  return undefined;
}

/** The display name: `name`, else a `preferred_username` that is not an email address (the audit log never holds one). */
function displayName(claims: Record<string, unknown>): string | null {
  const name = typeof claims['name'] === 'string' && claims['name'].trim() ? claims['name'] : undefined;
  const user = typeof claims['preferred_username'] === 'string' && !claims['preferred_username'].includes('@') ? claims['preferred_username'] : undefined;
  return (name ?? user)?.trim().slice(0, 200) ?? null;
}

const refused = (detail: string) => new HttpProblem(401, PROBLEM_TYPES.unauthorized, 'Sign-in refused', { detail, headers: { 'www-authenticate': 'Bearer' } });
/** 503, to try again in a minute; the network error stays with the problem (`cause`), out of what the client reads. */
const providerDown = (detail: string, cause?: unknown) =>
  Object.assign(new HttpProblem(503, PROBLEM_TYPES.unavailable, 'Identity provider unreachable', { detail, headers: { 'retry-after': '60' } }), { cause });
const UNREACHABLE = "The council's identity provider cannot be reached. Try again in a minute; if it lasts, tell the council's administrator.";

async function postForm(url: string, form: Record<string, string>, headers: Record<string, string>): Promise<Response> {
  return fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json', ...headers },
    body: new URLSearchParams(form),
    signal: AbortSignal.timeout(FETCH_TIMEOUT_MS),
  });
}

/** `client_secret_basic` (RFC 6749 §2.3.1): both parts form-encoded before base64. */
const basic = (id: string, secret: string) =>
  'Basic ' + Buffer.from(`${encodeURIComponent(id).replace(/%20/g, '+')}:${encodeURIComponent(secret).replace(/%20/g, '+')}`).toString('base64');

/**
 * Redeems an authorization code and checks the ID token: its signature by the provider's keys,
 * issuer, audience (and `azp` with several), expiry by the server's clock, and `nonce`. Claims
 * missing from the ID token are read from the userinfo endpoint (for the same `sub`).
 */
async function exchange(
  sso: StoredSso,
  input: { code: string; codeVerifier: string; redirectUri: string; nonce: string },
  now: number,
): Promise<Record<string, unknown> & { sub: string }> {
  let d: Discovery;
  try {
    d = await discover(sso.issuer);
  } catch (error) {
    throw providerDown(UNREACHABLE, error);
  }
  const form: Record<string, string> = { grant_type: 'authorization_code', code: input.code, redirect_uri: input.redirectUri, code_verifier: input.codeVerifier };
  if (!sso.clientSecret) form['client_id'] = sso.clientId;
  let res: Response;
  try {
    res = await postForm(d.token_endpoint, form, sso.clientSecret ? { authorization: basic(sso.clientId, sso.clientSecret) } : {});
  } catch (error) {
    throw providerDown(UNREACHABLE, error);
  }
  const tokens = (await res.json().catch(() => ({}))) as { id_token?: unknown; access_token?: unknown; error?: unknown };
  if (!res.ok) {
    if (res.status >= 500) throw providerDown(`The identity provider's token endpoint answered ${res.status}. Try again in a minute.`);
    throw refused(`The identity provider did not accept the sign-in (${typeof tokens.error === 'string' ? tokens.error : res.status}); sign in again.`);
  }
  if (typeof tokens.id_token !== 'string') throw refused('The identity provider sent no ID token; is `openid` among the scopes?');
  let keys = keySets.get(d.jwks_uri);
  if (!keys) keySets.set(d.jwks_uri, (keys = createRemoteJWKSet(new URL(d.jwks_uri))));
  let payload: JWTPayload;
  try {
    ({ payload } = await jwtVerify(tokens.id_token, keys, { issuer: sso.issuer, audience: sso.clientId, currentDate: new Date(now), clockTolerance: 60, requiredClaims: ['sub', 'exp', 'iat'] }));
  } catch (error) {
    throw refused(`The ID token does not check out (${error instanceof Error ? error.message : String(error)}); sign in again.`);
  }
  if (Array.isArray(payload.aud) && payload.aud.length > 1 && payload['azp'] !== sso.clientId) throw refused('The ID token was issued to another client (azp); sign in again.');
  if (payload['nonce'] !== input.nonce) throw refused('The ID token does not carry the nonce of this sign-in; sign in again.');
  const claims: Record<string, unknown> & { sub: string } = { ...payload, sub: payload.sub! };
  if (claimValues(claims, sso.roleClaim).length === 0 && d.userinfo_endpoint && typeof tokens.access_token === 'string') {
    const info = await fetch(d.userinfo_endpoint, { headers: { authorization: `Bearer ${tokens.access_token}`, accept: 'application/json' }, signal: AbortSignal.timeout(FETCH_TIMEOUT_MS) })
      .then((r) => (r.ok ? (r.json() as Promise<Record<string, unknown>>) : undefined))
      .catch(() => undefined);
    // Only claims about the same person (OpenID Connect Core §5.3.2).
    if (info && info['sub'] === claims.sub) for (const [k, v] of Object.entries(info)) if (!(k in claims)) claims[k] = v;
  }
  return claims;
}

/** A staff session from a finished sign-in; a person whose claims map to no role is refused. */
export async function createStaffSession(
  db: Queryable,
  council: { slug: string },
  input: { code: string; codeVerifier: string; redirectUri: string; nonce: string },
  now: number,
): Promise<StaffSession> {
  const sso = await loadCouncilSso(db, council.slug);
  if (!sso) throw problems.notFound(`The council "${council.slug}" has no single sign-on; sign in with a staff token.`);
  const claims = await exchange(sso, input, now);
  const role = roleFor(sso, claims);
  const person: StaffPerson = { subject: claims.sub.slice(0, 255), name: displayName(claims) };
  if (!role) {
    throw problems.forbidden(
      `You signed in as ${person.name ?? person.subject}, but none of your "${sso.roleClaim}" values gives a role in this council's console. Ask the council's administrator for access.`,
    );
  }
  const token = SESSION_PREFIX + randomBytes(32).toString('base64url');
  const expires = now + (sso.sessionMinutes ?? STAFF_SESSION_MINUTES_DEFAULT) * 60_000;
  await db.query(
    'INSERT INTO staff_sessions (id, council, role, subject, name, token_hash, created_at, expires_at) VALUES ($1, $2, $3, $4, $5, $6, to_timestamp($7), to_timestamp($8))',
    [randomUUID(), council.slug, role, person.subject, person.name, hash(token), now / 1000, expires / 1000],
  );
  return { token, expiresAt: new Date(expires).toISOString(), role, person };
}

/** The session of a `clss_` token, checked by the server's clock: 401 when unknown, ended or expired. */
export async function authenticateSession(db: Queryable, token: string, council: string, now: number) {
  const { rows } = await db.query<{ id: string; council: string; role: StaffRole; subject: string; name: string | null; expires_at: Date; ended_at: Date | null }>(
    'SELECT id, council, role, subject, name, expires_at, ended_at FROM staff_sessions WHERE token_hash = $1',
    [hash(token)],
  );
  const row = rows[0];
  if (!row) throw problems.unauthorized('The session is unknown; sign in again.');
  if (row.ended_at) throw problems.sessionEnded('This session was ended by signing out; sign in again.');
  if (new Date(row.expires_at).getTime() <= now) throw problems.sessionEnded(`The session expired at ${new Date(row.expires_at).toISOString()}; sign in again.`);
  if (row.council !== council) throw problems.forbidden('This session belongs to another council.');
  return { tokenId: row.id, council: row.council, role: row.role, label: null, person: { subject: row.subject, name: row.name } };
}

/** Deletes sessions that ended or expired more than a day ago (the audit log keeps who they were). */
export async function purgeSessions(db: Queryable, now: number): Promise<void> {
  await db.query('DELETE FROM staff_sessions WHERE COALESCE(ended_at, expires_at) < to_timestamp($1)', [(now - 24 * 60 * 60_000) / 1000]);
}

export const ssoHandlers: Pick<Handlers, 'createStaffSession' | 'deleteStaffSession' | 'getStaffMe'> = {
  async createStaffSession({ db, council, body, now, options, secret, clientAddress }) {
    // Every attempt counts, refused ones too (this route runs outside a transaction): each one asks
    // the provider's token endpoint, which nobody may use this server to flood.
    const limits = { ...DEFAULT_LIMITS, ...options.limits };
    const client = keyedHash(secret, 'client-address', clientBucket(clientAddress));
    await consumeBoth(
      db,
      { bucket: `sign-in:${council.slug}:${client}`, limit: limits.signInsPerClientPerHour, what: 'Your connection', policy: 'client', counts: 'sign-ins' },
      { bucket: `sign-in-council:${council.slug}`, limit: limits.signInsPerCouncilPerHour, what: 'This council', policy: 'council', counts: 'sign-ins' },
      now(),
    );
    return { status: 201, body: await createStaffSession(db, council, body, now()) };
  },
  // Reading who one is changes nothing and is not audited.
  async getStaffMe({ staff }) {
    return { status: 200, body: { role: staff!.role, label: staff!.label, person: staff!.person } };
  },
  async deleteStaffSession({ db, staff, now }) {
    if (!staff?.person) throw problems.forbidden('A staff token is not a session: it stays valid until an operator revokes it.');
    await db.query('UPDATE staff_sessions SET ended_at = to_timestamp($2) WHERE id = $1 AND ended_at IS NULL', [staff.tokenId, now() / 1000]);
    return { status: 204 };
  },
};
