// The CLI as an operator runs it: a child process, its output, and what it left in the database.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, test } from 'node:test';
import { openDatabase, type Database } from './db/driver.js';
import { SsoSettings } from '@civicloop/contract';
import * as z from 'zod/mini';
import { forEachEngine } from './testing/engines.js';
import { startTestProvider } from './testing/oidc-provider.js';

const CLI = fileURLToPath(new URL('./cli.ts', import.meta.url));
// The example the README points operators to: it must stay a valid contact bank.
const EXAMPLE_BANK = fileURLToPath(new URL('../examples/contact-bank.json', import.meta.url));
const EXAMPLE_OIDC = fileURLToPath(new URL('../examples/oidc.json', import.meta.url));
// Resolved here: the CLI runs in a scratch folder with no node_modules.
const TSX = import.meta.resolve('tsx');

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

forEachEngine((engine) => {
  let dir: string;
  let env: NodeJS.ProcessEnv;
  let storage: ReturnType<typeof engine.storage>;

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'civicloop-cli-'));
    storage = engine.storage();
    env = { ...process.env, DATA_DIR: join(dir, 'data'), PORT: '0' };
    delete env['DATABASE_URL'];
    if (storage.databaseUrl) Object.assign(env, { DATABASE_URL: storage.databaseUrl, PG_SCHEMA: storage.pgSchema });
  });
  after(() => rm(dir, { recursive: true, force: true }));

  function start(args: string[]) {
    return spawn(process.execPath, ['--conditions=source', '--import', TSX, CLI, ...args], { cwd: dir, env, stdio: ['ignore', 'pipe', 'pipe'] });
  }
  function run(...args: string[]): Promise<Run> {
    const child = start(args);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d));
    child.stderr.on('data', (d: Buffer) => (stderr += d));
    return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
  }
  /** Opens the same database the CLI used, after it exited (PGlite allows one process at a time). */
  async function inspect<T>(fn: (db: Database) => Promise<T>): Promise<T> {
    const db = await openDatabase(storage.databaseUrl ? storage : { dataDir: join(dir, 'data') });
    try {
      return await fn(db);
    } finally {
      await db.close();
    }
  }

  test('council create, then token create prints a token whose hash alone is stored', async () => {
    const created = await run('council', 'create', '--slug', 'clitown', '--name', 'Clitown', '--origins', 'https://clitown.example,https://www.clitown.example', '--locales', 'en,pl', '--default', 'pl');
    assert.equal(created.code, 0, created.stderr);
    assert.match(created.stdout, /council clitown saved/);
    const guarded = await run('council', 'update', '--slug', 'clitown', '--min-fill-ms', '1500', '--proof-of-work', '12');
    assert.equal(guarded.code, 0, guarded.stderr);
    const bad = await run('council', 'create', '--slug', 'clitown', '--name', 'Clitown', '--proof-of-work', '40');
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /--proof-of-work must be a whole number from 0 to 32/);
    const token = await run('token', 'create', '--council', 'clitown', '--role', 'editor', '--label', 'front desk');
    assert.equal(token.code, 0, token.stderr);
    const plain = token.stdout.trim();
    assert.match(plain, /^clst_[\w-]{40,}$/);
    await inspect(async (db) => {
      const council = await db.query<{ origins: string[]; locales: string[]; default_locale: string }>(
        "SELECT origins, locales, default_locale FROM councils WHERE slug = 'clitown'",
      );
      assert.deepEqual(council.rows[0], { origins: ['https://clitown.example', 'https://www.clitown.example'], locales: ['en', 'pl'], default_locale: 'pl' });
      const guard = await db.query("SELECT min_fill_ms, pow_required, pow_difficulty FROM councils WHERE slug = 'clitown'");
      assert.deepEqual(guard.rows[0], { min_fill_ms: 1500, pow_required: true, pow_difficulty: 12 });
      const tokens = await db.query<{ token_hash: string; role: string; label: string }>("SELECT token_hash, role, label FROM staff_tokens WHERE council = 'clitown'");
      assert.equal(tokens.rows.length, 1);
      assert.deepEqual(tokens.rows[0], { token_hash: createHash('sha256').update(plain).digest('hex'), role: 'editor', label: 'front desk' });
      assert.ok(!JSON.stringify(tokens.rows).includes(plain));
    });
  });

  test('wrong usage exits 2 with the usage text; a token for an unknown council exits 1', async () => {
    const missing = await run('council', 'create', '--slug', 'x-town');
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /--name is required/);
    assert.match(missing.stderr, /Usage: civicloop-server/);
    // A slug's rule in words, not zod's issue list; an origin that is no address, named.
    const slug = await run('council', 'create', '--slug', 'Bad_Slug', '--name', 'X');
    assert.equal(slug.code, 2);
    assert.match(slug.stderr, /the council slug "Bad_Slug" must be 2-63 lower-case letters, digits and single hyphens/);
    assert.doesNotMatch(slug.stderr, /invalid_format/);
    const origin = await run('council', 'create', '--slug', 'x-town', '--name', 'X', '--origins', 'notaurl');
    assert.equal(origin.code, 1);
    assert.match(origin.stderr, /origin "notaurl" is not a web address: write it as https:\/\/www\.council\.example/);
    const role = await run('token', 'create', '--council', 'clitown', '--role', 'owner', '--label', 'x');
    assert.equal(role.code, 2);
    // Without a label the audit log could name what the token did only by an id no one knows.
    const unlabelled = await run('token', 'create', '--council', 'clitown', '--role', 'admin');
    assert.equal(unlabelled.code, 2);
    assert.match(unlabelled.stderr, /--label is required/);
    const unknown = await run('token', 'create', '--council', 'nowhere', '--role', 'admin', '--label', 'x');
    assert.equal(unknown.code, 1);
    assert.match(unknown.stderr, /unknown council/);
  });

  test('seed-demo is idempotent and the demo council speaks all 8 locales', async () => {
    assert.equal((await run('seed-demo')).code, 0);
    const again = await run('seed-demo');
    assert.equal(again.code, 0, again.stderr);
    // Adding an origin from the CLI keeps the council's "what happens with your input" text.
    const origin = await run('council', 'origins', 'add', '--slug', 'demo', 'https://www.przykladowo.example');
    assert.equal(origin.code, 0, origin.stderr);
    assert.equal((await run('seed-demo')).code, 0);
    await inspect(async (db) => {
      const origins = await db.query<{ origins: string[] }>("SELECT origins FROM councils WHERE slug = 'demo'");
      assert.deepEqual(origins.rows[0]!.origins, ['https://www.przykladowo.example'], 'seeding again keeps an added origin');
      const councils = await db.query<{ slug: string }>('SELECT slug FROM councils ORDER BY slug');
      assert.deepEqual(councils.rows.map((r) => r.slug).filter((s) => s !== 'clitown'), ['demo', 'nordby', 'riverside']);
      const services = await db.query<{ n: number; categories: number }>("SELECT count(*)::int AS n, count(DISTINCT category)::int AS categories FROM services WHERE council = 'demo'");
      assert.ok(services.rows[0]!.n >= 5 && services.rows[0]!.categories >= 5);
      const demo = await db.query<{ input_use: Record<string, string> }>("SELECT input_use FROM councils WHERE slug = 'demo'");
      assert.deepEqual(Object.keys(demo.rows[0]!.input_use).sort(), ['da', 'de', 'en', 'fr', 'pl', 'pt', 'ro', 'sv']);
      const names = await db.query<{ name: Record<string, string> }>("SELECT name FROM services WHERE council = 'demo'");
      for (const { name } of names.rows) for (const l of ['en', 'pl', 'sv', 'da']) assert.ok(name[l], `service name in ${l}`);
    });
  });

  test('council create on an existing slug is refused and changes nothing', async () => {
    const again = await run('council', 'create', '--slug', 'clitown', '--name', 'Reset town', '--origins', 'https://other.example');
    assert.equal(again.code, 1);
    assert.match(again.stderr, /council clitown exists; change it with "council update/);
    await inspect(async (db) => {
      const { rows } = await db.query("SELECT name, origins, locales, default_locale, min_fill_ms, pow_difficulty FROM councils WHERE slug = 'clitown'");
      assert.deepEqual(rows[0], { name: 'Clitown', origins: ['https://clitown.example', 'https://www.clitown.example'], locales: ['en', 'pl'], default_locale: 'pl', min_fill_ms: 1500, pow_difficulty: 12 });
    });
  });

  test('council update changes only what is given', async () => {
    const renamed = await run('council', 'update', '--slug', 'clitown', '--name', 'Clitown Borough');
    assert.equal(renamed.code, 0, renamed.stderr);
    assert.match(renamed.stdout, /council clitown updated: name/);
    const locales = await run('council', 'update', '--slug', 'clitown', '--locales', 'sv,en');
    assert.equal(locales.code, 0, locales.stderr);
    await inspect(async (db) => {
      const { rows } = await db.query("SELECT name, origins, locales, default_locale, min_fill_ms, pow_required, pow_difficulty FROM councils WHERE slug = 'clitown'");
      // pl is no longer spoken, so the default moves to the first of the new locales.
      assert.deepEqual(rows[0], {
        name: 'Clitown Borough',
        origins: ['https://clitown.example', 'https://www.clitown.example'],
        locales: ['sv', 'en'],
        default_locale: 'sv',
        min_fill_ms: 1500,
        pow_required: true,
        pow_difficulty: 12,
      });
    });
    const licence = await run('council', 'update', '--slug', 'clitown', '--open-licence', 'CC0-1.0');
    assert.equal(licence.code, 0, licence.stderr);
    assert.equal((await run('council', 'update', '--slug', 'clitown', '--open-licence', 'not a licence!')).code, 1);
    await inspect(async (db) => {
      const { rows } = await db.query("SELECT open_licence, name FROM councils WHERE slug = 'clitown'");
      assert.deepEqual(rows[0], { open_licence: 'CC0-1.0', name: 'Clitown Borough' });
    });
    assert.equal((await run('council', 'update', '--slug', 'clitown')).code, 2, 'nothing to change is a usage error');
    const unknown = await run('council', 'update', '--slug', 'nowhere', '--name', 'X');
    assert.equal(unknown.code, 1);
    assert.match(unknown.stderr, /unknown council "nowhere"/);
  });

  test('council origins add, remove and list change one origin and keep the rest', async () => {
    const add = await run('council', 'origins', 'add', '--slug', 'clitown', 'https://cms.clitown.example', 'https://clitown.example');
    assert.equal(add.code, 0, add.stderr);
    const listed = await run('council', 'origins', 'list', '--slug', 'clitown');
    assert.equal(listed.code, 0, listed.stderr);
    assert.deepEqual(listed.stdout.trim().split('\n'), ['https://clitown.example', 'https://www.clitown.example', 'https://cms.clitown.example']);
    const removed = await run('council', 'origins', 'remove', '--slug', 'clitown', 'https://www.clitown.example');
    assert.equal(removed.code, 0, removed.stderr);
    assert.deepEqual((await run('council', 'origins', 'list', '--slug', 'clitown')).stdout.trim().split('\n'), ['https://clitown.example', 'https://cms.clitown.example']);
    const typo = await run('council', 'origins', 'remove', '--slug', 'clitown', 'https://clitwon.example');
    assert.equal(typo.code, 1);
    assert.match(typo.stderr, /does not list https:\/\/clitwon\.example/);
    const path = await run('council', 'origins', 'add', '--slug', 'clitown', 'https://clitown.example/page');
    assert.equal(path.code, 1);
    assert.match(path.stderr, /scheme:\/\/host\[:port\] only/);
    await inspect(async (db) => {
      const { rows } = await db.query("SELECT name, locales, min_fill_ms FROM councils WHERE slug = 'clitown'");
      assert.deepEqual(rows[0], { name: 'Clitown Borough', locales: ['sv', 'en'], min_fill_ms: 1500 });
    });
  });

  test('council services add, list and remove: names in the default language or LOCALE=TEXT; a named service is kept', async () => {
    const defaultLocale = await inspect(async (db) => (await db.query<{ d: string }>("SELECT default_locale AS d FROM councils WHERE slug = 'clitown'")).rows[0]!.d);
    const add = await run('council', 'services', 'add', '--slug', 'clitown', 'libraries', '--category', 'culture', '--name', 'Town libraries', '--name', 'de=Stadtbibliotheken');
    assert.equal(add.code, 0, add.stderr);
    const pools = await run('council', 'services', 'add', '--slug', 'clitown', 'pools', '--category', 'health', '--name', 'Swimming pools');
    assert.equal(pools.code, 0, pools.stderr);
    const listed = await run('council', 'services', 'list', '--slug', 'clitown');
    assert.equal(listed.code, 0, listed.stderr);
    assert.deepEqual(listed.stdout.trim().split('\n'), ['libraries\tculture\tTown libraries', 'pools\thealth\tSwimming pools']);
    // Added again with the same ID: renamed, and the category changed.
    const renamed = await run('council', 'services', 'add', '--slug', 'clitown', 'libraries', '--category', 'education', '--name', 'Libraries');
    assert.equal(renamed.code, 0, renamed.stderr);

    const badId = await run('council', 'services', 'add', '--slug', 'clitown', 'Town Libraries', '--category', 'culture', '--name', 'x');
    assert.equal(badId.code, 2);
    assert.match(badId.stderr, /lower-case letters, digits and single hyphens/);
    const badCategory = await run('council', 'services', 'add', '--slug', 'clitown', 'parks', '--category', 'parks', '--name', 'Parks');
    assert.equal(badCategory.code, 2);
    assert.match(badCategory.stderr, /--category must be one of education, health/);

    // An input names the libraries: removing them (with the unused pools) is refused, and nothing is removed.
    await inspect((db) => db.query("INSERT INTO feedback (id, council, receipt, kind, text, service) VALUES ('cli-svc-1', 'clitown', 'CLISVC01', 'idea', 'x', 'libraries')"));
    const refused = await run('council', 'services', 'remove', '--slug', 'clitown', 'pools', 'libraries');
    assert.equal(refused.code, 1);
    assert.match(refused.stderr, /service libraries is kept: 1 inputs name it/);
    const unknown = await run('council', 'services', 'remove', '--slug', 'clitown', 'museums');
    assert.equal(unknown.code, 1);
    assert.match(unknown.stderr, /has no service "museums"/);
    const removed = await run('council', 'services', 'remove', '--slug', 'clitown', 'pools');
    assert.equal(removed.code, 0, removed.stderr);
    await inspect(async (db) => {
      const { rows } = await db.query("SELECT id, name, category FROM services WHERE council = 'clitown' ORDER BY id");
      assert.deepEqual(rows, [{ id: 'libraries', name: { [defaultLocale]: 'Libraries' }, category: 'education' }]);
      await db.query("DELETE FROM feedback WHERE id = 'cli-svc-1'");
      await db.query("DELETE FROM services WHERE council = 'clitown'");
    });
  });

  test('council update --contact-bank FILE gives a council its bank; a bad file is refused, naming it and each problem; --no-contact-bank turns it off', async () => {
    const example = JSON.parse(await readFile(EXAMPLE_BANK, 'utf8')) as Record<string, unknown>;
    const bad = join(dir, 'bad-bank.json');
    await writeFile(bad, JSON.stringify({ ...example, consent: { version: '2027-01', text: { en: 'Yes.' }, months: 120 }, privacyNoticeUrl: 'privacy page', formats: ['dancing'] }));
    const refused = await run('council', 'update', '--slug', 'clitown', '--contact-bank', bad);
    assert.equal(refused.code, 1);
    assert.match(refused.stderr, new RegExp(`--contact-bank ${bad.replace(/[.\\/]/g, '\\$&')}: not a valid contact bank`));
    assert.match(refused.stderr, /consent\.months: Too big: expected number to be <=60/);
    assert.match(refused.stderr, /privacyNoticeUrl: /);
    assert.match(refused.stderr, /formats\.0: /);
    const notJson = join(dir, 'not-json.json');
    await writeFile(notJson, '{ "districts": [');
    const broken = await run('council', 'update', '--slug', 'clitown', '--contact-bank', notJson);
    assert.equal(broken.code, 1);
    assert.match(broken.stderr, /not-json\.json: not JSON/);
    const missing = await run('council', 'update', '--slug', 'clitown', '--contact-bank', join(dir, 'nowhere.json'));
    assert.equal(missing.code, 1);
    assert.match(missing.stderr, /nowhere\.json: cannot read the file \(ENOENT\)/);
    const both = await run('council', 'update', '--slug', 'clitown', '--contact-bank', EXAMPLE_BANK, '--no-contact-bank');
    assert.equal(both.code, 2);
    await inspect(async (db) => {
      const { rows } = await db.query("SELECT contact_bank FROM councils WHERE slug = 'clitown'");
      assert.deepEqual(rows[0], { contact_bank: null }, 'nothing refused was stored');
    });

    const given = await run('council', 'update', '--slug', 'clitown', '--contact-bank', EXAMPLE_BANK);
    assert.equal(given.code, 0, given.stderr);
    assert.match(given.stdout, /council clitown updated: contactBank/);
    const created = await run('council', 'create', '--slug', 'banktown', '--name', 'Banktown', '--origins', 'https://banktown.example', '--contact-bank', EXAMPLE_BANK);
    assert.equal(created.code, 0, created.stderr);
    await inspect(async (db) => {
      const { rows } = await db.query<{ slug: string; contact_bank: unknown; name: string; min_fill_ms: number }>(
        "SELECT slug, contact_bank, name, min_fill_ms FROM councils WHERE slug IN ('clitown', 'banktown') ORDER BY slug",
      );
      assert.deepEqual(rows, [
        { slug: 'banktown', contact_bank: example, name: 'Banktown', min_fill_ms: 0 },
        // Everything else about the council stays as it was.
        { slug: 'clitown', contact_bank: example, name: 'Clitown Borough', min_fill_ms: 1500 },
      ]);
    });

    const off = await run('council', 'update', '--slug', 'clitown', '--no-contact-bank');
    assert.equal(off.code, 0, off.stderr);
    await inspect(async (db) => {
      const { rows } = await db.query("SELECT slug, contact_bank IS NULL AS off FROM councils WHERE slug IN ('clitown', 'banktown') ORDER BY slug");
      assert.deepEqual(rows, [{ slug: 'banktown', off: false }, { slug: 'clitown', off: true }]);
    });
  });

  test('council update --oidc FILE gives its staff single sign-on (the endpoint asked of the provider), a bad file is refused, --no-oidc turns it off', async () => {
    assert.ok(z.safeParse(SsoSettings, JSON.parse(await readFile(EXAMPLE_OIDC, 'utf8'))).success, 'the README example is valid settings');
    const provider = await startTestProvider({}, ['http://127.0.0.1:1/console']);
    try {
      const settings = { issuer: provider.issuer, clientId: 'console', clientSecret: 's3cret', roleClaim: 'groups', roles: { editor: ['staff'], admin: ['leads'] } };
      const bad = join(dir, 'bad-oidc.json');
      await writeFile(bad, JSON.stringify({ ...settings, issuer: 'http://idp.example', roles: { editor: [], admin: [] }, sessionMinutes: 5000 }));
      const refused = await run('council', 'update', '--slug', 'clitown', '--oidc', bad);
      assert.equal(refused.code, 1);
      assert.match(refused.stderr, /bad-oidc\.json: not valid single sign-on settings/);
      assert.match(refused.stderr, /issuer: Must be an https: URL/);
      assert.match(refused.stderr, /roles: At least one claim value/);
      assert.match(refused.stderr, /sessionMinutes: Too big/);
      assert.equal((await run('council', 'update', '--slug', 'clitown', '--oidc', bad, '--no-oidc')).code, 2);

      const file = join(dir, 'oidc.json');
      await writeFile(file, JSON.stringify(settings));
      const given = await run('council', 'update', '--slug', 'clitown', '--oidc', file);
      assert.equal(given.code, 0, given.stderr);
      assert.match(given.stdout, /council clitown updated: oidc/);
      await inspect(async (db) => {
        const { rows } = await db.query('SELECT issuer, client_id, client_secret, authorization_endpoint, scopes, session_minutes FROM council_sso WHERE council = $1', ['clitown']);
        assert.deepEqual(rows, [
          { issuer: provider.issuer, client_id: 'console', client_secret: 's3cret', authorization_endpoint: `${provider.issuer}/auth`, scopes: ['openid', 'profile'], session_minutes: 480 },
        ]);
      });
      const off = await run('council', 'update', '--slug', 'clitown', '--no-oidc');
      assert.equal(off.code, 0, off.stderr);
      await inspect(async (db) => assert.equal((await db.query('SELECT 1 FROM council_sso')).rows.length, 0));
    } finally {
      await provider.close();
    }
  });

  test('serve prints its URLs, answers, and stops cleanly on SIGTERM', async () => {
    const child = start(['serve', '--port', '0']);
    let stdout = '';
    child.stderr.resume();
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (d: Buffer) => {
        stdout += d;
        const m = /listening on (http:\/\/\S+)/.exec(stdout);
        if (m) resolve(m[1]!);
      });
      child.on('close', (code) => reject(new Error(`serve exited early with ${code}: ${stdout}`)));
    });
    assert.match(stdout, /\/healthz/);
    const health = await fetch(`${url}/healthz`);
    assert.equal(health.status, 200);
    const council = await fetch(`${url}/v1/councils/clitown`);
    assert.equal(council.status, 200, 'serves the database the other commands wrote');
    const bank = (await (await fetch(`${url}/v1/councils/banktown`)).json()) as { contactBank?: { consent: { version: string } } };
    assert.equal(bank.contactBank?.consent.version, '2027-01', 'the bank given from a file is in the council config every element reads');
    assert.equal(((await (await fetch(`${url}/v1/councils/clitown`)).json()) as { contactBank?: unknown }).contactBank, undefined, 'turned off, it is gone from the config');
    const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
    child.kill('SIGTERM');
    assert.equal(await exited, 0);
    assert.match(stdout, /"msg":"stopped"/);
  });

  /** `serve --demo`, once it has printed the console's address and its two tokens. */
  async function demo() {
    const child = start(['serve', '--port', '0', '--demo']);
    let stdout = '';
    child.stderr.resume();
    const [url, token, admin] = await new Promise<[string, string, string]>((resolve, reject) => {
      child.stdout.on('data', (d: Buffer) => {
        stdout += d;
        const m = /console: (http:\/\/\S+)\/console\/ \(Riverside editor token for this demo: (\S+)\)\n\s+Riverside admin token for this demo \([^)]*\): (\S+)/.exec(stdout);
        if (m) resolve([m[1]!, m[2]!, m[3]!]);
      });
      child.on('close', (code) => reject(new Error(`serve exited early with ${code}: ${stdout}`)));
    });
    const stop = async () => {
      const exited = new Promise((resolve) => child.on('close', resolve));
      child.kill('SIGTERM');
      await exited;
    };
    return { url, token, admin, stop };
  }

  test('serve --demo prints the demo console, an editor token and an admin token that work there', async () => {
    const { url, token, admin, stop } = await demo();
    try {
      assert.equal((await fetch(`${url}/console/`)).status, 200);
      const inbox = await fetch(`${url}/v1/councils/riverside/staff/feedback`, { headers: { authorization: `Bearer ${token}` } });
      assert.equal(inbox.status, 200, 'the printed token signs in to the demo council');
      const other = await fetch(`${url}/v1/councils/nordby/staff/feedback`, { headers: { authorization: `Bearer ${token}` } });
      assert.equal(other.status, 403, 'and to no other council');
      // What only an admin may do (the audit log; publishing a theme alike): the editor's token may not, the admin's may.
      assert.equal((await fetch(`${url}/v1/councils/riverside/staff/audit`, { headers: { authorization: `Bearer ${token}` } })).status, 403);
      assert.equal((await fetch(`${url}/v1/councils/riverside/staff/audit`, { headers: { authorization: `Bearer ${admin}` } })).status, 200);
      assert.equal((await fetch(`${url}/v1/councils/nordby/staff/audit`, { headers: { authorization: `Bearer ${admin}` } })).status, 403, 'Riverside only');
    } finally {
      await stop();
    }
  });

  test('serve --demo again: the tokens printed at the last start no longer work', async () => {
    const first = await demo();
    await first.stop();
    const second = await demo();
    try {
      const inbox = (token: string) => fetch(`${second.url}/v1/councils/riverside/staff/feedback`, { headers: { authorization: `Bearer ${token}` } }).then((r) => r.status);
      assert.equal(await inbox(first.token), 401);
      assert.equal(await inbox(first.admin), 401);
      assert.equal(await inbox(second.token), 200);
      assert.equal(await inbox(second.admin), 200);
    } finally {
      await second.stop();
    }
  });

  test('token revoke: the token given, or those of a label; token list shows which are valid', async () => {
    const made = await run('token', 'create', '--council', 'clitown', '--role', 'admin', '--label', 'leaked laptop');
    assert.equal(made.code, 0, made.stderr);
    const twin = await run('token', 'create', '--council', 'clitown', '--role', 'editor', '--label', 'old desk');
    assert.equal(twin.code, 0, twin.stderr);
    const byToken = await run('token', 'revoke', made.stdout.trim());
    assert.equal(byToken.code, 0, byToken.stderr);
    assert.match(byToken.stdout, /staff tokens revoked: 1/);
    assert.equal((await run('token', 'revoke', made.stdout.trim())).code, 1, 'already revoked');
    const byLabel = await run('token', 'revoke', '--council', 'clitown', '--label', 'old desk');
    assert.equal(byLabel.code, 0, byLabel.stderr);
    assert.equal((await run('token', 'revoke', '--council', 'clitown')).code, 2, 'a label is needed');
    const list = await run('token', 'list', '--council', 'clitown');
    assert.equal(list.code, 0, list.stderr);
    assert.match(list.stdout, /\tadmin\tleaked laptop\t\S+\trevoked \S+/);
    assert.match(list.stdout, /\teditor\told desk\t\S+\trevoked \S+/);
    assert.ok(!list.stdout.includes(made.stdout.trim()), 'never the token');
    await inspect(async (db) => {
      const { rows } = await db.query<{ n: number }>("SELECT count(*)::int AS n FROM staff_tokens WHERE council = 'clitown' AND label IN ('leaked laptop', 'old desk') AND revoked_at IS NULL");
      assert.equal(rows[0]!.n, 0);
    });
  });

  test('on PGlite, a command refuses to write while a server holds the data folder', { skip: engine.name !== 'pglite' && 'PostgreSQL has no single-writer folder' }, async () => {
    const child = start(['serve', '--port', '0']);
    let stdout = '';
    child.stderr.resume();
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (d: Buffer) => {
        stdout += d;
        const m = /listening on (http:\/\/\S+)/.exec(stdout);
        if (m) resolve(m[1]!);
      });
      child.on('close', (code) => reject(new Error(`serve exited early with ${code}: ${stdout}`)));
    });
    const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
    try {
      const refused = await run('council', 'origins', 'add', '--slug', 'clitown', 'https://late.clitown.example');
      assert.equal(refused.code, 1);
      assert.match(refused.stderr, new RegExp(`data folder .* is in use by process ${child.pid}`));
      assert.doesNotMatch(refused.stdout, /origins:/, 'never says it saved');
      assert.equal((await fetch(`${url}/healthz`)).status, 200, 'the server is unharmed');
    } finally {
      child.kill('SIGTERM');
      assert.equal(await exited, 0);
    }
    const after = await run('council', 'origins', 'add', '--slug', 'clitown', 'https://late.clitown.example');
    assert.equal(after.code, 0, after.stderr);
    assert.match(after.stdout, /https:\/\/late\.clitown\.example/);
  });
});
