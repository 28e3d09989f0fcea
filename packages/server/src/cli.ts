#!/usr/bin/env node
import { ContactBankConfig, LOCALES, SsoSettings, MIN_FILL_MS_MAX, POW_DIFFICULTY_MAX, SERVICE_CATEGORIES, Slug, type Locale, type LocalizedText, type ServiceCategory } from '@civicloop/contract';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import * as z from 'zod/mini';
import { en } from 'zod/locales';
import { addOrigins, createCouncil, loadCouncil, removeOrigins, updateCouncil, type CouncilChanges } from './councils.js';
import { openDatabase } from './db/driver.js';
import { seedDemo } from './seed.js';
import { createService, listAllServices, removeService, serviceUses } from './services.js';
import { cdnSnippet, elementsCdnDir, readCdnManifest } from './static.js';
import { startServer } from './server.js';
import { resolveSso, setCouncilSso, type StoredSso } from './sso.js';
import { createStaffToken, isStaffRole, listStaffTokens, revokeStaffTokens, STAFF_ROLES } from './staff-tokens.js';

const USAGE = `Usage: civicloop-server <command> [options]

Commands:
  serve [--port N] [--host H] [--demo]
      Serve the API, the element bundles (/cdn/) and the API reference (/docs). --demo also
      seeds the demo councils if missing and serves the demo pages.
  cdn-snippet [--url URL]
      Print the <link> and <script> tags web editors paste, with their Subresource Integrity hashes.
      URL is where this server is reached from the web (default: PUBLIC_URL).
  council create --slug S --name NAME --origins https://a.example,https://b.example
                 [--locales en,pl] [--default en] [--min-fill-ms N] [--proof-of-work BITS] [--open-licence SPDX]
                 [--contact-bank FILE] [--oidc FILE]
      Create a council and the origins allowed to embed it. An existing slug is refused:
      change it with council update or council origins.
      --min-fill-ms refuses web input sent sooner than N ms after the form appears;
      --proof-of-work asks each web input for a solved challenge of BITS (1-32; 0 turns it off).
      --open-licence is the licence of its open data (an SPDX id; default CC-BY-4.0).
      --contact-bank gives it a contact bank (<contact-bank-signup>): a JSON file with its
      districts, consent text (version, text by locale, months), privacy notice URL, formats,
      languages and age bands (see packages/server/examples/contact-bank.json).
      --oidc gives its staff single sign-on with their OpenID Connect provider: a JSON file with
      the issuer, client id (and secret), the claim carrying roles or groups, which values make
      an editor or an admin, and the session length (see packages/server/examples/oidc.json).
      The provider is asked for its authorization endpoint unless the file gives it.
  council update --slug S [--name NAME] [--origins LIST] [--locales LIST] [--default L]
                 [--min-fill-ms N] [--proof-of-work BITS] [--open-licence SPDX]
                 [--contact-bank FILE | --no-contact-bank] [--oidc FILE | --no-oidc]
      Change only what is given; everything else stays as it is. --origins replaces the list.
      --contact-bank replaces the bank's settings (a new consent version asks residents who
      are signing up to consent to the new text); --no-contact-bank turns the bank off (every
      contact route answers 404, residents' manage links included; stored contacts are kept
      and still expire).
      --oidc replaces the single sign-on settings; --no-oidc turns single sign-on off (staff
      sign in with staff tokens; sessions already made last until they expire).
  council origins add|remove --slug S ORIGIN [ORIGIN ...]
  council origins list --slug S
      Allow or stop one embedding origin (scheme://host[:port]) without touching the others,
      or print the origins, one a line.
  council services add --slug S ID --category CATEGORY --name TEXT [--name LOCALE=TEXT ...]
  council services remove --slug S ID [ID ...]
  council services list --slug S
      Add a service residents can choose (the ID goes in an element's service="ID"), or rename
      it (add again with the same ID). A bare --name is in the council's default language;
      LOCALE=TEXT names it in another (en, pl, sv, da, de, fr, pt, ro). CATEGORY is one of
      ${SERVICE_CATEGORIES.join(', ')}. remove refuses a service that inputs, themes or
      contact-bank entries still name (rename it instead). list prints ID, category and name.
  token create --council S --role editor|admin --label TEXT
      Create a staff token. It is printed once; only its hash is stored. The label says who
      holds it (a person or a team): the audit log names what the token did by it.
  token revoke TOKEN | --council S --label TEXT
      Revoke a staff token: the one given, or every one of the council with that label. It is
      refused from then on; the audit log keeps what it did.
  token list --council S
      The council's staff tokens: ID, role, label, created, revoked (never the tokens).
  seed-demo
      Create or refresh the demo councils (demo, riverside, nordby) and their services.

Environment:
  DATABASE_URL   PostgreSQL connection string (default: PGlite in DATA_DIR)
  DATA_DIR       PGlite data folder (default: .data)
  PG_SCHEMA      PostgreSQL schema to use (default: the connection's search_path)
  PORT, HOST     where serve listens (default: 8080 on 127.0.0.1)
  PUBLIC_URL     the server's public address: the printed snippet, and its own pages may use every council (default: where serve listens)
  CIVICLOOP_SECRET  secret for address hashing and challenges (default: generated, kept in the database)
  With PGlite, commands that use the database refuse to run while a server holds DATA_DIR.
  TRUST_PROXY=1  take client addresses from the last X-Forwarded-For hop (behind one reverse proxy)
  FEEDBACK_PER_CLIENT_PER_HOUR, FEEDBACK_PER_COUNCIL_PER_HOUR
                 rate limits of web input (default 20 per client address, 2000 per council)
  SMTP_URL       SMTP server for residents' replies, e.g. smtp://user:pass@mail.example.org:587
                 (default: none; each email is written to DATA_DIR/outbox as an .eml file and logged)
  MAIL_FROM      sender of those emails (default: Civic Loop <no-reply@civicloop.invalid>)
`;

// Messages that say what is wrong in a contact bank file ("Too big: expected number to be <=60"), not "Invalid input".
z.config(en());

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const env = process.env;
const dbOptions = () => ({ databaseUrl: env['DATABASE_URL'] || undefined, dataDir: env['DATA_DIR'] || '.data', pgSchema: env['PG_SCHEMA'] || undefined });

class UsageError extends Error {
  override readonly name = 'UsageError';
}

function list(value: string | undefined): string[] {
  return (value ?? '').split(',').map((s) => s.trim()).filter(Boolean);
}

function locales(value: string | undefined): Locale[] | undefined {
  if (value === undefined) return undefined;
  const out = list(value);
  for (const l of out) if (!(LOCALES as readonly string[]).includes(l)) throw new UsageError(`unknown locale "${l}"; use ${LOCALES.join(', ')}`);
  return out as Locale[];
}

function integer(value: string | undefined, name: string, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) throw new UsageError(`${name} must be a whole number from ${min} to ${max}`);
  return n;
}

/** A council slug or service ID as typed: the rule it breaks, named, rather than zod's issue list. */
function slugOption(value: string, what: string, attribute: string): void {
  if (!z.safeParse(Slug, value).success) throw new UsageError(`${what} "${value}" must be 2-63 lower-case letters, digits and single hyphens (it appears in pages: ${attribute}="${value}")`);
}

function required(values: Record<string, unknown>, ...names: string[]): void {
  for (const n of names) if (typeof values[n] !== 'string' || values[n] === '') throw new UsageError(`--${n} is required`);
}

async function withDb<T>(fn: (db: Awaited<ReturnType<typeof openDatabase>>) => Promise<T>): Promise<T> {
  const db = await openDatabase(dbOptions());
  try {
    return await fn(db);
  } finally {
    await db.close();
  }
}

async function serve(args: string[]): Promise<void> {
  const { values } = parseArgs({ args, options: { port: { type: 'string' }, host: { type: 'string' }, demo: { type: 'boolean', default: false } } });
  const port = values.port !== undefined ? Number(values.port) : env['PORT'] ? Number(env['PORT']) : 8080;
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port must be 0 to 65535`);
  const demo = values.demo ?? false;
  // The demo pages live in the source repository, not in the installed package.
  const demoPages = demo && existsSync(`${repoRoot}demo`);
  const server = await startServer({
    ...dbOptions(),
    port,
    host: values.host ?? env['HOST'] ?? '127.0.0.1',
    trustProxy: env['TRUST_PROXY'] === '1',
    ...(env['PUBLIC_URL'] ? { publicUrl: env['PUBLIC_URL'] } : {}),
    ...(env['SMTP_URL'] ? { smtpUrl: env['SMTP_URL'] } : {}),
    ...(env['MAIL_FROM'] ? { mailFrom: env['MAIL_FROM'] } : {}),
    limits: {
      ...(env['FEEDBACK_PER_CLIENT_PER_HOUR'] ? { feedbackPerClientPerHour: integer(env['FEEDBACK_PER_CLIENT_PER_HOUR'], 'FEEDBACK_PER_CLIENT_PER_HOUR', 1, 1_000_000) } : {}),
      ...(env['FEEDBACK_PER_COUNCIL_PER_HOUR'] ? { feedbackPerCouncilPerHour: integer(env['FEEDBACK_PER_COUNCIL_PER_HOUR'], 'FEEDBACK_PER_COUNCIL_PER_HOUR', 1, 10_000_000) } : {}),
    },
    cdnDir: elementsCdnDir(),
    docs: true,
    ...(demoPages ? { demoDir: `${repoRoot}demo` } : {}),
  });
  if (demo) {
    const { rows } = await server.db.query("SELECT 1 FROM councils WHERE slug = 'demo'");
    // The demo pages are this server's: the seeded contacts' invitations link here, whatever the port.
    if (!rows.length) await seedDemo(server.db, [], server.url);
  }
  const u = server.url;
  const lines = [`Civic Loop server listening on ${u} (${server.db.engine})`, `  API:     ${u}/v1/councils/{council}`, `  health:  ${u}/healthz`, `  OpenAPI: ${u}/v1/openapi.json`];
  lines.push(`  docs:    ${u}/docs`);
  if (demo && !demoPages) lines.push(`  demo:    councils seeded; the demo pages are only in the source repository`);
  if (demoPages) {
    // The demo's staff console needs tokens; a running server holds the PGlite folder, so the
    // CLI could not make them now. New ones each start, for the demo council only: an editor's,
    // and an admin's, since publishing a theme and changing settings need one. Those printed at
    // the last start stop working: a demo never collects valid tokens.
    const editorLabel = 'demo console (printed at start)';
    const adminLabel = 'demo console admin (printed at start)';
    for (const label of [editorLabel, adminLabel]) await revokeStaffTokens(server.db, { council: 'riverside', label });
    const token = await createStaffToken(server.db, { council: 'riverside', role: 'editor', label: editorLabel });
    const admin = await createStaffToken(server.db, { council: 'riverside', role: 'admin', label: adminLabel });
    lines.push(
      `  demo:    ${u}/`,
      `           ${u}/riverside/`,
      `           ${u}/nordby/`,
      `           ${u}/przykladowo/`,
      `  console: ${u}/console/ (Riverside editor token for this demo: ${token})`,
      `           Riverside admin token for this demo (also publishes themes, changes settings): ${admin}`,
    );
  }
  const manifest = await readCdnManifest(elementsCdnDir());
  if (manifest) lines.push(`  paste into a page (see also: civicloop-server cdn-snippet --url <public address>):`, ...cdnSnippet(env['PUBLIC_URL'] || u, manifest).split('\n').map((l) => `    ${l}`));
  else lines.push(`  cdn:     not built (${elementsCdnDir()} has no integrity.json; run npm run build)`);
  // The signal handlers before the line that says it listens: a supervisor (or a test) may send
  // SIGTERM as soon as it reads it, and without a handler the process would die uncleanly.
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) {
      process.stderr.write('second signal: exiting now\n');
      process.exit(1);
    }
    stopping = true;
    process.stdout.write(JSON.stringify({ time: new Date().toISOString(), level: 'info', msg: 'shutting down', signal }) + '\n');
    server.close().then(
      () => {
        process.stdout.write(JSON.stringify({ time: new Date().toISOString(), level: 'info', msg: 'stopped' }) + '\n');
        process.exit(0);
      },
      (error: unknown) => {
        process.stderr.write(`shutdown failed: ${String(error)}\n`);
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
  process.stdout.write(lines.join('\n') + '\n');
}

const COUNCIL_OPTIONS = {
  slug: { type: 'string' },
  name: { type: 'string' },
  origins: { type: 'string' },
  locales: { type: 'string' },
  default: { type: 'string' },
  'min-fill-ms': { type: 'string' },
  'proof-of-work': { type: 'string' },
  'open-licence': { type: 'string' },
  'contact-bank': { type: 'string' },
  'no-contact-bank': { type: 'boolean' },
  oidc: { type: 'string' },
  'no-oidc': { type: 'boolean' },
} as const;

/**
 * A contact bank's settings from a JSON file, checked against the contract (so the council's
 * config stays valid for every element), with the file and each problem named.
 */
function contactBankFile(path: string): ContactBankConfig {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new Error(`--contact-bank ${path}: cannot read the file (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new Error(`--contact-bank ${path}: not JSON (${(error as Error).message})`);
  }
  const parsed = z.safeParse(ContactBankConfig, json);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((i) => `  ${i.path.length ? i.path.join('.') : '(the whole file)'}: ${i.message}`);
  throw new Error(`--contact-bank ${path}: not a valid contact bank:\n${problems.join('\n')}`);
}

/** Single sign-on settings from a JSON file, checked against the contract, with the file and each problem named. */
function oidcFile(path: string): SsoSettings {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    const e = error as NodeJS.ErrnoException;
    throw new Error(`--oidc ${path}: ${e instanceof SyntaxError ? `not JSON (${e.message})` : `cannot read the file (${e.code ?? String(e)})`}`);
  }
  const parsed = z.safeParse(SsoSettings, json);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((i) => `  ${i.path.length ? i.path.join('.') : '(the whole file)'}: ${i.message}`);
  throw new Error(`--oidc ${path}: not valid single sign-on settings:\n${problems.join('\n')}`);
}

/** `--oidc FILE` resolved (its authorization endpoint asked of the provider when absent), null for `--no-oidc`, undefined for neither. */
async function oidcChange(values: CouncilValues): Promise<StoredSso | null | undefined> {
  if (values.oidc !== undefined && values['no-oidc']) throw new UsageError('give --oidc FILE or --no-oidc, not both');
  if (values['no-oidc']) return null;
  if (values.oidc === undefined) return undefined;
  const settings = oidcFile(values.oidc);
  try {
    return await resolveSso(settings);
  } catch (error) {
    throw new Error(`--oidc ${values.oidc}: cannot read the provider's discovery document (${(error as Error).message}); check the issuer, or give authorizationEndpoint in the file`);
  }
}

type CouncilValues = { [K in keyof typeof COUNCIL_OPTIONS]?: (typeof COUNCIL_OPTIONS)[K]['type'] extends 'boolean' ? boolean : string };

/** The council settings given on the command line, and only those. */
function councilChanges(values: CouncilValues): CouncilChanges {
  const minFillMs = integer(values['min-fill-ms'], '--min-fill-ms', 0, MIN_FILL_MS_MAX);
  const bits = integer(values['proof-of-work'], '--proof-of-work', 0, POW_DIFFICULTY_MAX);
  const antiAbuse = {
    ...(minFillMs !== undefined ? { minFillMs } : {}),
    ...(bits !== undefined ? { proofOfWork: bits === 0 ? { required: false } : { required: true, difficulty: bits } } : {}),
  };
  const locs = locales(values.locales);
  const def = values.default === undefined ? undefined : locales(values.default)?.[0];
  if (values['contact-bank'] !== undefined && values['no-contact-bank']) throw new UsageError('give --contact-bank FILE or --no-contact-bank, not both');
  const contactBank = values['contact-bank'] !== undefined ? contactBankFile(values['contact-bank']) : values['no-contact-bank'] ? null : undefined;
  return {
    ...(values.name !== undefined ? { name: values.name } : {}),
    ...(values.origins !== undefined ? { origins: list(values.origins) } : {}),
    ...(locs ? { locales: locs } : {}),
    ...(def ? { defaultLocale: def } : {}),
    ...(Object.keys(antiAbuse).length ? { antiAbuse } : {}),
    ...(values['open-licence'] !== undefined ? { openLicence: values['open-licence'] } : {}),
    ...(contactBank !== undefined ? { contactBank } : {}),
  };
}

async function councilCreate(args: string[]): Promise<void> {
  const { values } = parseArgs({ args, options: COUNCIL_OPTIONS });
  required(values, 'slug', 'name');
  slugOption(values.slug!, 'the council slug', 'council');
  const changes = councilChanges(values);
  const sso = await oidcChange(values);
  await withDb(async (db) => {
    // Re-running create must never reset a council someone has configured since.
    if (await loadCouncil(db, values.slug!)) {
      throw new Error(`council ${values.slug} exists; change it with "council update --slug ${values.slug} ..." or "council origins add --slug ${values.slug} ORIGIN"`);
    }
    await createCouncil(db, { slug: values.slug!, name: values.name!, origins: [], ...changes });
    if (sso) await setCouncilSso(db, values.slug!, sso);
  });
  process.stdout.write(`council ${values.slug} saved\n`);
}

async function councilUpdate(args: string[]): Promise<void> {
  const { values } = parseArgs({ args, options: COUNCIL_OPTIONS });
  required(values, 'slug');
  const changes = councilChanges(values);
  const sso = await oidcChange(values);
  if (!Object.keys(changes).length && sso === undefined) throw new UsageError('council update needs at least one setting to change');
  await withDb(async (db) => {
    if (Object.keys(changes).length) await updateCouncil(db, values.slug!, changes);
    else if (!(await loadCouncil(db, values.slug!))) throw new Error(`unknown council "${values.slug}"`);
    if (sso !== undefined) await setCouncilSso(db, values.slug!, sso);
  });
  const changed = [...Object.keys(changes), ...(sso !== undefined ? ['oidc'] : [])];
  process.stdout.write(`council ${values.slug} updated: ${changed.join(', ')}\n`);
}

async function councilOrigins(action: string | undefined, args: string[]): Promise<void> {
  const { values, positionals } = parseArgs({ args, options: { slug: { type: 'string' } }, allowPositionals: true });
  required(values, 'slug');
  const slug = values.slug!;
  if (action === 'list') {
    if (positionals.length) throw new UsageError('council origins list takes no origins');
    const council = await withDb((db) => loadCouncil(db, slug));
    if (!council) throw new Error(`unknown council "${slug}"`);
    process.stdout.write(council.origins.map((o) => o + '\n').join(''));
    return;
  }
  if (action !== 'add' && action !== 'remove') throw new UsageError('use council origins add, remove or list');
  if (!positionals.length) throw new UsageError(`council origins ${action} needs at least one origin`);
  const council = await withDb((db) => (action === 'add' ? addOrigins : removeOrigins)(db, slug, positionals));
  process.stdout.write(`council ${slug} origins: ${council.origins.join(', ') || '(none)'}\n`);
}

async function councilServices(action: string | undefined, args: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args,
    options: { slug: { type: 'string' }, category: { type: 'string' }, name: { type: 'string', multiple: true } },
    allowPositionals: true,
  });
  required(values, 'slug');
  const slug = values.slug!;
  if (action === 'list') {
    if (positionals.length) throw new UsageError('council services list takes no IDs');
    const rows = await withDb(async (db) => {
      const council = await loadCouncil(db, slug);
      if (!council) throw new Error(`unknown council "${slug}"`);
      return (await listAllServices(db, slug)).map((s) => [s.id, s.category, s.name[council.defaultLocale] ?? Object.values(s.name)[0] ?? ''].join('\t'));
    });
    process.stdout.write(rows.map((r) => r + '\n').join(''));
    return;
  }
  if (action === 'add') {
    if (positionals.length !== 1) throw new UsageError('council services add takes one ID');
    const id = positionals[0]!;
    slugOption(id, 'the service ID', 'service');
    required(values, 'category');
    if (!(SERVICE_CATEGORIES as readonly string[]).includes(values.category!)) throw new UsageError(`--category must be one of ${SERVICE_CATEGORIES.join(', ')}`);
    if (!values.name?.length) throw new UsageError('--name is required');
    const service = await withDb(async (db) => {
      const council = await loadCouncil(db, slug);
      if (!council) throw new Error(`unknown council "${slug}"`);
      const name: LocalizedText = {};
      for (const given of values.name!) {
        const [, locale, text] = /^([a-z]{2})=(.*)$/s.exec(given) ?? [];
        // "sv=Bibliotek" names it in Swedish; any other text is in the council's default language.
        if (locale && (LOCALES as readonly string[]).includes(locale)) name[locale as Locale] = text!;
        else name[council.defaultLocale] = given;
      }
      await createService(db, { council: slug, id, name, category: values.category as ServiceCategory });
      return { id, name };
    });
    process.stdout.write(`council ${slug} service ${service.id}: ${Object.entries(service.name).map(([l, t]) => `${l} "${t}"`).join(', ')}\n`);
    return;
  }
  if (action !== 'remove') throw new UsageError('use council services add, remove or list');
  if (!positionals.length) throw new UsageError('council services remove needs at least one ID');
  await withDb(async (db) => {
    if (!(await loadCouncil(db, slug))) throw new Error(`unknown council "${slug}"`);
    // Every ID is checked before any is removed: a refused one leaves all of them in place.
    const known = new Set((await listAllServices(db, slug)).map((s) => s.id));
    for (const id of positionals) {
      if (!known.has(id)) throw new Error(`council ${slug} has no service "${id}"`);
      const uses = await serviceUses(db, slug, id);
      const named = Object.entries(uses).filter(([, n]) => n > 0).map(([what, n]) => `${n} ${what}`);
      if (named.length) throw new Error(`service ${id} is kept: ${named.join(', ')} name it (rename it with council services add instead)`);
    }
    for (const id of positionals) await removeService(db, slug, id);
  });
  process.stdout.write(`council ${slug} services removed: ${positionals.join(', ')}\n`);
}

async function tokenCreate(args: string[]): Promise<void> {
  const { values } = parseArgs({ args, options: { council: { type: 'string' }, role: { type: 'string' }, label: { type: 'string' } } });
  required(values, 'council', 'role', 'label');
  if (!isStaffRole(values.role)) throw new UsageError(`--role must be ${STAFF_ROLES.join(' or ')}`);
  const role = values.role;
  const token = await withDb((db) => createStaffToken(db, { council: values.council!, role, label: values.label! }));
  process.stderr.write(`staff token (${role}) for ${values.council}; shown once, store it now:\n`);
  process.stdout.write(token + '\n');
}

async function tokenRevoke(args: string[]): Promise<void> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { council: { type: 'string' }, label: { type: 'string' } } });
  const [token] = positionals;
  if (token ? values.council || values.label : !(values.council && values.label)) throw new UsageError('token revoke takes a TOKEN, or --council and --label');
  const count = await withDb((db) => revokeStaffTokens(db, token ? { token } : { council: values.council!, label: values.label! }));
  if (!count) throw new Error(token ? 'no valid staff token matches' : `council ${values.council} has no valid staff token labelled "${values.label}"`);
  process.stdout.write(`staff tokens revoked: ${count}\n`);
}

async function tokenList(args: string[]): Promise<void> {
  const { values } = parseArgs({ args, options: { council: { type: 'string' } } });
  required(values, 'council');
  const tokens = await withDb((db) => listStaffTokens(db, values.council!));
  for (const t of tokens) process.stdout.write(`${t.id}\t${t.role}\t${t.label ?? '-'}\t${t.createdAt}\t${t.revokedAt ? `revoked ${t.revokedAt}` : 'valid'}\n`);
}

async function snippet(args: string[]): Promise<void> {
  const { values } = parseArgs({ args, options: { url: { type: 'string' } } });
  const url = values.url ?? env['PUBLIC_URL'];
  if (!url) throw new UsageError('--url (or PUBLIC_URL) is required: the address browsers reach this server at');
  if (!/^https?:\/\/[^/]+/.test(url)) throw new UsageError('--url must be an http(s) address such as https://civicloop.your-council.example');
  const manifest = await readCdnManifest(elementsCdnDir());
  if (!manifest) throw new Error(`the CDN files are not built: ${elementsCdnDir()} has no integrity.json`);
  process.stdout.write(cdnSnippet(url, manifest) + '\n');
}

async function main(argv: string[]): Promise<void> {
  const [command, sub, ...rest] = argv;
  if (command === 'serve') return serve(argv.slice(1));
  if (command === 'cdn-snippet') return snippet(argv.slice(1));
  if (command === 'council' && sub === 'create') return councilCreate(rest);
  if (command === 'council' && sub === 'update') return councilUpdate(rest);
  if (command === 'council' && sub === 'origins') return councilOrigins(rest[0], rest.slice(1));
  if (command === 'council' && sub === 'services') return councilServices(rest[0], rest.slice(1));
  if (command === 'token' && sub === 'create') return tokenCreate(rest);
  if (command === 'token' && sub === 'revoke') return tokenRevoke(rest);
  if (command === 'token' && sub === 'list') return tokenList(rest);
  if (command === 'seed-demo') {
    await withDb((db) => seedDemo(db));
    process.stdout.write('demo councils seeded: demo, riverside, nordby\n');
    return;
  }
  if (command === undefined || command === 'help' || command === '--help' || command === '-h') {
    process.stdout.write(USAGE);
    return;
  }
  throw new UsageError(`unknown command "${argv.join(' ')}"`);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  const usage = error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS');
  process.stderr.write(`civicloop-server: ${error instanceof Error ? error.message : String(error)}\n${usage ? '\n' + USAGE : ''}`);
  process.exit(usage ? 2 : 1);
});
