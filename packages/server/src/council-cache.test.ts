// The councils from memory: a cached GET reads no database, and a change reaches every process
// (two real `serve` processes on one PostgreSQL database, changed by a third).
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { after, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { createApp } from './app.js';
import { createCouncil } from './councils.js';
import { openDatabase, type Database } from './db/driver.js';
import { engines, forEachEngine, startTestServer } from './testing/engines.js';

forEachEngine((engine) => {
  test('a council GET reads the database once, then from memory; a change in this process shows at once', async () => {
    const db = await openDatabase(engine.storage());
    let councilReads = 0;
    const counted: Database = {
      ...db,
      engine: db.engine,
      query: (sql, params) => {
        if (/\bfrom councils\b/i.test(sql)) councilReads++;
        return db.query(sql, params);
      },
    };
    try {
      await createCouncil(db, { slug: 'memton', name: 'Memton', origins: ['https://memton.example'] });
      const app = createApp(counted, 'x'.repeat(32), { log: () => undefined });
      const get = async (headers: Record<string, string> = {}) => {
        const r = await app.request('/v1/councils/memton', { headers });
        return { status: r.status, etag: r.headers.get('etag'), name: r.status === 200 ? ((await r.json()) as { name: string }).name : undefined };
      };
      const first = await get();
      assert.equal(first.name, 'Memton');
      for (let i = 0; i < 20; i++) assert.equal((await get()).name, 'Memton');
      assert.equal((await get({ 'if-none-match': first.etag! })).status, 304);
      assert.equal(councilReads, 1, 'one read, then memory');

      await db.query("UPDATE councils SET name = 'Memton Town' WHERE slug = 'memton'");
      assert.equal((await get()).name, 'Memton Town', 'the update is seen by the next request');
      assert.equal(councilReads, 2);
      assert.equal((await get({ 'if-none-match': first.etag! })).status, 200, 'the old ETag no longer matches');
    } finally {
      await db.close();
    }
  });

  test('a council created after a 404 is found at once', async () => {
    const server = await startTestServer(engine);
    try {
      assert.equal((await fetch(`${server.url}/v1/councils/lateton`)).status, 404);
      await createCouncil(server.db, { slug: 'lateton', name: 'Lateton', origins: [] });
      assert.equal((await fetch(`${server.url}/v1/councils/lateton`)).status, 200);
    } finally {
      await server.close();
    }
  });
});

const CLI = fileURLToPath(new URL('./cli.ts', import.meta.url));
const TSX = import.meta.resolve('tsx');
const postgres = engines.find((e) => e.name === 'postgres');
const children: ChildProcess[] = [];
after(() => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
});

function serve(env: NodeJS.ProcessEnv): Promise<string> {
  const child = spawn(process.execPath, ['--conditions=source', '--import', TSX, CLI, 'serve', '--port', '0'], { env, stdio: ['ignore', 'pipe', 'inherit'] });
  children.push(child);
  let out = '';
  return new Promise((resolve, reject) => {
    child.stdout.on('data', (d: Buffer) => {
      out += d;
      const m = /listening on (http:\/\/\S+)/.exec(out);
      if (m) resolve(m[1]!);
    });
    child.on('close', (code) => reject(new Error(`serve exited with ${code}: ${out}`)));
  });
}

test('two server processes on one PostgreSQL database both see a change made by a third, within milliseconds', { skip: !postgres && 'set DATABASE_URL to run on PostgreSQL' }, async () => {
  const storage = postgres!.storage();
  const setup = await openDatabase(storage);
  await createCouncil(setup, { slug: 'twoton', name: 'Twoton', origins: [] });
  await setup.close();
  const env = { ...process.env, DATABASE_URL: storage.databaseUrl, PG_SCHEMA: storage.pgSchema, PORT: '0' };
  const urls = await Promise.all([serve(env), serve(env)]);
  const name = async (url: string) => ((await (await fetch(`${url}/v1/councils/twoton`)).json()) as { name: string }).name;
  for (const url of urls) assert.equal(await name(url), 'Twoton', 'cached in both');

  const client = new pg.Client({ connectionString: storage.databaseUrl, options: `-c search_path=${storage.pgSchema}` });
  await client.connect();
  const delays: number[] = [];
  try {
    for (const next of ['Twoton One', 'Twoton Two', 'Twoton Three']) {
      await client.query('UPDATE councils SET name = $1 WHERE slug = $2', [next, 'twoton']);
      const committed = performance.now();
      for (const url of urls) {
        while ((await name(url)) !== next) {
          assert.ok(performance.now() - committed < 5000, `${url} still serves the old name after 5 s`);
        }
      }
      delays.push(Math.round((performance.now() - committed) * 10) / 10);
    }
  } finally {
    await client.end();
  }
  // Shown for the README: from the commit to both processes serving the change.
  process.stdout.write(`# council change seen by both processes after ${delays.join(', ')} ms\n`);
});
