#!/usr/bin/env node
// The API server against its limits, measured in one run (issue 12). Needs `npm run build`.
// For each engine (PGlite; PostgreSQL when DATABASE_URL is set), a real `civicloop-server serve`
// process is loaded with autocannon at 1, 8 and 32 connections:
//   - POST /v1/councils/bench/feedback with a unique Idempotency-Key and client address each;
//   - the cached public GET of the council, without and with If-None-Match (304).
// Beside them, the limits: the database doing the same statements as one POST (pgbench with a
// script of them on PostgreSQL; a direct loop through the driver on PGlite), and a bare Hono
// route and a bare node:http server in their own processes. Then scale-out: two server
// processes on one PostgreSQL database, loaded together. It prints rps, p99, the ratios and the
// budgets, and the load average (the machine may be shared: read the figures with it).
//   node bench/server.mjs [--seconds N] [--connections 1,8,32] [--only pglite|postgres]
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir, cpus } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import pg from 'pg';

const root = fileURLToPath(new URL('..', import.meta.url));
const CLI = join(root, 'packages/server/dist/cli.js');
const arg = (name, fallback) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : fallback);
const SECONDS = Number(arg('--seconds', process.env.BENCH_SECONDS ?? '5'));
const CONNECTIONS = arg('--connections', '1,8,32').split(',').map(Number);
const ONLY = arg('--only', undefined);
const DATABASE_URL = process.env.DATABASE_URL;
const scratch = mkdtempSync(join(tmpdir(), 'civicloop-bench-'));
const children = new Set();
const load = () => loadavg().map((l) => l.toFixed(2)).join(' ');

process.on('exit', () => {
  for (const c of children) c.kill('SIGKILL');
  rmSync(scratch, { recursive: true, force: true });
});

function cli(env, ...args) {
  const r = spawnSync(process.execPath, [CLI, ...args], { env, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`civicloop-server ${args.join(' ')}: ${r.stderr}`);
}

/** Starts a process that prints "listening on URL"; resolves with the URL. */
function startListening(argv, env) {
  const child = spawn(process.execPath, argv, { env, stdio: ['ignore', 'pipe', 'inherit'] });
  children.add(child);
  let out = '';
  return new Promise((resolve, reject) => {
    const onData = (d) => {
      out += d;
      const m = /listening on (http:\/\/\S+)/.exec(out);
      if (m) {
        // The server logs a line per request: drained, as a log shipper would.
        child.stdout.off('data', onData);
        child.stdout.resume();
        resolve({ url: m[1], stop: () => new Promise((done) => (child.once('close', done), child.kill('SIGTERM'))).then(() => children.delete(child)) });
      }
    };
    child.stdout.on('data', onData);
    child.once('close', (code) => reject(new Error(`${argv.join(' ')} exited with ${code}: ${out}`)));
  });
}

const FEEDBACK = JSON.stringify({ kind: 'idea', text: 'A bench input: the library could open on Sunday afternoons.', elapsedMs: 60_000 });
const randomAddress = () => `10.${(Math.random() * 256) | 0}.${(Math.random() * 256) | 0}.${(Math.random() * 256) | 0}`;

async function cannon(url, connections, kind, etag, seconds = SECONDS) {
  const opts = { url: `${url}/v1/councils/bench${kind === 'post' ? '/feedback' : ''}`, connections, duration: seconds, pipelining: 1 };
  if (kind === 'post') {
    opts.method = 'POST';
    opts.requests = [
      {
        setupRequest: (req) => ({
          ...req,
          method: 'POST',
          body: FEEDBACK,
          // Residents each with their own address (behind TRUST_PROXY), each input its own key.
          headers: { 'content-type': 'application/json', 'idempotency-key': randomUUID(), 'x-forwarded-for': randomAddress() },
        }),
      },
    ];
  } else if (kind === 'get304') {
    opts.headers = { 'if-none-match': etag };
  }
  const r = await autocannon(opts);
  const expected = kind === 'post' ? '2xx' : kind === 'get304' ? '3xx' : '2xx';
  const good = r[expected];
  const bad = r['1xx'] + r['2xx'] + r['3xx'] + r['4xx'] + r['5xx'] - good + r.errors + r.timeouts;
  return { rps: good / seconds, p99: r.latency.p99, bad };
}

/** A fresh process is slow at first (JIT, the first statements planned, PGlite's first pages): load it briefly, unmeasured. */
async function warmUp(url, etag) {
  for (const kind of ['post', 'get', 'get304']) await cannon(url, 8, kind, etag, 2);
}

const rows = [];
const row = (engine, what, c, m) => {
  rows.push({ engine, what, c, ...m });
  console.log(`${engine.padEnd(8)} ${what.padEnd(34)} c=${String(c).padEnd(3)} ${m.rps.toFixed(0).padStart(7)} rps   p99 ${m.p99 === undefined ? '   -' : String(m.p99).padStart(4)} ms${m.bad ? `   (${m.bad} unexpected answers)` : ''}   load ${load()}`);
};
const find = (engine, what, c) => rows.find((r) => r.engine === engine && r.what === what && r.c === c);

// --- the statements of one POST, as the server sends them (rate-limit.ts, feedback.ts, idempotency.ts)
const SHARDS = Array.from({ length: 16 }, (_, i) => `council:bench:${i}`);
const postStatements = (key, client, shard) => [
  ['INSERT INTO idempotency_keys (scope, key, request_hash, created_at) VALUES ($1, $2, $3, now()) ON CONFLICT (scope, key) DO NOTHING', ['bench:createFeedback', key, 'h']],
  ['BEGIN', []],
  [
    `WITH c AS (INSERT INTO rate_counters (bucket, window_start, hits) VALUES ($1, date_trunc('hour', now()), 1) ON CONFLICT (bucket, window_start) DO UPDATE SET hits = rate_counters.hits + 1 RETURNING hits),
     s AS (INSERT INTO rate_counters (bucket, window_start, hits) VALUES ($2, date_trunc('hour', now()), 1) ON CONFLICT (bucket, window_start) DO UPDATE SET hits = rate_counters.hits + 1 RETURNING hits)
     SELECT (SELECT hits FROM c) AS client, (SELECT hits FROM s) + (SELECT COALESCE(sum(hits), 0)::int FROM rate_counters WHERE bucket = ANY($3::text[]) AND bucket <> $2 AND window_start = date_trunc('hour', now())) AS council`,
    [`client:bench:${client}`, shard, SHARDS],
  ],
  [
    `WITH f AS (INSERT INTO feedback (id, council, receipt, kind, text, channel, created_at) VALUES ($1, 'bench', $2, 'idea', $3, 'web', now()) ON CONFLICT (receipt) DO NOTHING RETURNING id, created_at),
     e AS (INSERT INTO feedback_events (feedback_id, at, status) SELECT id, created_at, 'received' FROM f) SELECT created_at FROM f`,
    [randomUUID(), randomBytes(8).toString('hex'), 'A bench input: the library could open on Sunday afternoons.'],
  ],
  ['UPDATE idempotency_keys SET response_status = 201, response_body = $3 WHERE scope = $1 AND key = $2', ['bench:createFeedback', key, '{"body":{}}']],
  ['COMMIT', []],
];

/** pgbench with a script of the same statements (simple protocol: its variables are inlined). */
function pgbench(url, schema, connections) {
  const script = join(scratch, 'post.sql');
  const one = (s) => s.replace(/\s+/g, ' ');
  writeFileSync(
    script,
    [
      '\\set n random(1, 2000000000)',
      '\\set shard random(0, 15)',
      `INSERT INTO idempotency_keys (scope, key, request_hash, created_at) VALUES ('bench:pgbench', 'k' || CAST(:client_id AS text) || '-' || CAST(:n AS text), 'h', now()) ON CONFLICT (scope, key) DO NOTHING;`,
      'BEGIN;',
      one(`WITH c AS (INSERT INTO rate_counters (bucket, window_start, hits) VALUES ('client:bench:' || CAST(:n AS text), date_trunc('hour', now()), 1) ON CONFLICT (bucket, window_start) DO UPDATE SET hits = rate_counters.hits + 1 RETURNING hits),
       s AS (INSERT INTO rate_counters (bucket, window_start, hits) VALUES ('council:bench:' || CAST(:shard AS text), date_trunc('hour', now()), 1) ON CONFLICT (bucket, window_start) DO UPDATE SET hits = rate_counters.hits + 1 RETURNING hits)
       SELECT (SELECT hits FROM c), (SELECT hits FROM s) + (SELECT COALESCE(sum(hits), 0)::int FROM rate_counters WHERE bucket LIKE 'council:bench:%' AND bucket <> 'council:bench:' || CAST(:shard AS text) AND window_start = date_trunc('hour', now()));`),
      one(`WITH f AS (INSERT INTO feedback (id, council, receipt, kind, text, channel, created_at) VALUES (gen_random_uuid()::text, 'bench', md5(random()::text), 'idea', 'A bench input: the library could open on Sunday afternoons.', 'web', now()) ON CONFLICT (receipt) DO NOTHING RETURNING id, created_at),
       e AS (INSERT INTO feedback_events (feedback_id, at, status) SELECT id, created_at, 'received' FROM f) SELECT created_at FROM f;`),
      `UPDATE idempotency_keys SET response_status = 201, response_body = '{"body":{}}' WHERE scope = 'bench:pgbench' AND key = 'k' || CAST(:client_id AS text) || '-' || CAST(:n AS text);`,
      'COMMIT;',
    ].join('\n') + '\n',
  );
  const u = new URL(url);
  const r = spawnSync('pgbench', ['-n', '-M', 'simple', '-c', String(connections), '-j', String(Math.min(connections, cpus().length)), '-T', String(SECONDS), '-r', '-f', script, '-h', u.hostname, '-p', u.port || '5432', '-U', decodeURIComponent(u.username), u.pathname.slice(1)], {
    env: { ...process.env, PGPASSWORD: decodeURIComponent(u.password), PGOPTIONS: `-c search_path=${schema}` },
    encoding: 'utf8',
  });
  if (r.error || r.status !== 0) {
    console.log(`pgbench failed: ${r.error ?? r.stderr.split('\n').slice(0, 5).join('\n')}`);
    return undefined;
  }
  const tps = Number(/tps = ([\d.]+)/.exec(r.stdout)?.[1]);
  const avg = Number(/latency average = ([\d.]+) ms/.exec(r.stdout)?.[1]);
  return { rps: tps, p99: undefined, avg };
}

/** The same statements straight through the server's PGlite driver: `connections` loops at once (PGlite runs one at a time). */
async function pgliteLoop(connections) {
  const { openDatabase } = await import(join(root, 'packages/server/dist/db/driver.js'));
  const dir = join(scratch, `pglite-loop-${connections}`);
  const { createCouncil } = await import(join(root, 'packages/server/dist/councils.js'));
  const db = await openDatabase({ dataDir: dir });
  await createCouncil(db, { slug: 'bench', name: 'Bench', origins: [] });
  let done = 0;
  const end = performance.now() + SECONDS * 1000;
  const worker = async () => {
    while (performance.now() < end) {
      const [claim, , counters, insert, complete] = postStatements(randomUUID(), randomAddress(), SHARDS[(Math.random() * 16) | 0]);
      await db.query(...claim);
      await db.transaction(async (tx) => {
        await tx.query(...counters);
        await tx.query(...insert);
        await tx.query(...complete);
      });
      done++;
    }
  };
  await Promise.all(Array.from({ length: connections }, worker));
  await db.close();
  return { rps: done / SECONDS, p99: undefined };
}

async function engineRun(engine) {
  const env = { ...process.env, PORT: '0', TRUST_PROXY: '1', FEEDBACK_PER_CLIENT_PER_HOUR: '1000000', FEEDBACK_PER_COUNCIL_PER_HOUR: '10000000' };
  let schema;
  delete env.DATABASE_URL;
  if (engine === 'postgres') {
    schema = `bench_${randomBytes(4).toString('hex')}`;
    Object.assign(env, { DATABASE_URL, PG_SCHEMA: schema });
  } else {
    env.DATA_DIR = join(scratch, 'data');
  }
  cli(env, 'council', 'create', '--slug', 'bench', '--name', 'Bench', '--origins', 'https://bench.example');
  const server = await startListening([CLI, 'serve'], env);
  const first = await fetch(`${server.url}/v1/councils/bench`);
  const etag = first.headers.get('etag');
  const bodyBytes = (await first.arrayBuffer()).byteLength;
  try {
    await warmUp(server.url, etag);
    for (const c of CONNECTIONS) {
      row(engine, 'POST feedback (unique keys)', c, await cannon(server.url, c, 'post'));
      row(engine, 'GET council', c, await cannon(server.url, c, 'get'));
      row(engine, 'GET council, If-None-Match (304)', c, await cannon(server.url, c, 'get304', etag));
    }
  } finally {
    await server.stop();
  }
  // The database limit for the same statements.
  for (const c of CONNECTIONS) {
    if (engine === 'postgres') {
      const r = pgbench(DATABASE_URL, schema, c);
      if (r) row(engine, 'limit: pgbench, the POST statements', c, r);
      else console.log('pgbench did not run (Debian: apt-get install postgresql-client)');
    } else row(engine, 'limit: PGlite loop, the POST statements', c, await pgliteLoop(c));
  }
  if (engine === 'postgres') {
    // Scale-out: two processes on one database, loaded together (half the connections each).
    const two = await Promise.all([startListening([CLI, 'serve'], env), startListening([CLI, 'serve'], env)]);
    try {
      for (const s of two) await warmUp(s.url, etag);
      for (const c of CONNECTIONS.filter((n) => n >= 2)) {
        const both = await Promise.all(two.map((s) => cannon(s.url, c / 2, 'post')));
        row(engine, 'POST, two processes together', c, { rps: both[0].rps + both[1].rps, p99: Math.max(both[0].p99, both[1].p99), bad: both[0].bad + both[1].bad });
      }
    } finally {
      await Promise.all(two.map((s) => s.stop()));
    }
    const client = new pg.Client({ connectionString: DATABASE_URL });
    await client.connect();
    await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await client.end();
  }
  return bodyBytes;
}

console.log(`bench/server: ${SECONDS} s per run, connections ${CONNECTIONS.join('/')}, ${cpus().length} CPUs, load average ${load()} at start`);
let bodyBytes = 400;
for (const engine of ['pglite', 'postgres']) {
  if (ONLY && ONLY !== engine) continue;
  if (engine === 'postgres' && !DATABASE_URL) {
    console.log('postgres: skipped (set DATABASE_URL)');
    continue;
  }
  bodyBytes = await engineRun(engine);
}
for (const kind of ['hono', 'http']) {
  const bare = await startListening([join(root, 'bench/bare-server.mjs'), kind, String(bodyBytes)], process.env);
  try {
    await cannon(bare.url, 8, 'get', undefined, 2);
    for (const c of CONNECTIONS) row('http', kind === 'hono' ? 'limit: bare Hono route' : 'limit: bare node:http', c, await cannon(bare.url, c, 'get'));
  } finally {
    await bare.stop();
  }
}

// Ratios and budgets.
console.log('\nratios and budgets');
const verdict = (ok) => (ok ? 'met' : 'MISSED');
for (const engine of ['pglite', 'postgres']) {
  if (!rows.some((r) => r.engine === engine)) continue;
  const limitName = engine === 'postgres' ? 'limit: pgbench, the POST statements' : 'limit: PGlite loop, the POST statements';
  for (const c of CONNECTIONS) {
    const post = find(engine, 'POST feedback (unique keys)', c);
    const db = find(engine, limitName, c);
    const get = find(engine, 'GET council', c);
    const get304 = find(engine, 'GET council, If-None-Match (304)', c);
    const hono = find('http', 'limit: bare Hono route', c);
    if (post && db) console.log(`${engine} c=${c}: POST / database ${(post.rps / db.rps).toFixed(2)} (budget >= 0.50: ${verdict(post.rps / db.rps >= 0.5)})`);
    if (get && hono) console.log(`${engine} c=${c}: GET / bare Hono ${(get.rps / hono.rps).toFixed(2)}, 304 / bare Hono ${(get304.rps / hono.rps).toFixed(2)} (budget >= 0.50: ${verdict(get.rps / hono.rps >= 0.5)})`);
  }
  const p32 = find(engine, 'POST feedback (unique keys)', 32);
  const p8 = find(engine, 'POST feedback (unique keys)', 8);
  if (p32) console.log(`${engine}: POST p99 at 32 connections ${p32.p99} ms (budget <= 50: ${verdict(p32.p99 <= 50)}); GET p99 ${find(engine, 'GET council', 32).p99} ms (${verdict(find(engine, 'GET council', 32).p99 <= 50)})`);
  if (p32 && p8) console.log(`${engine}: POST at 32 / at 8 connections ${(p32.rps / p8.rps).toFixed(2)} (budget >= 1.00, no hot row: ${verdict(p32.rps >= p8.rps)})`);
  const scaled = find(engine, 'POST, two processes together', 32);
  if (scaled && p32) console.log(`${engine}: two processes / one, POST at 32 connections ${(scaled.rps / p32.rps).toFixed(2)}`);
}
console.log('POST round trips: 6 (11 before), commits: 2 (the claim, then the input with its answer; see idempotency.ts)');
console.log(`load average at end ${load()}`);
process.exit(0);
