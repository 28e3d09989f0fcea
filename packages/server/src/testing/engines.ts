// Test support: every server suite runs once per storage engine. PGlite always (in memory);
// PostgreSQL too when DATABASE_URL is set, each server in its own schema, dropped afterwards.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { after, describe } from 'node:test';
import { startServer, type RunningServer } from '../server.js';
import type { ServerOptions } from '../options.js';

export interface Engine {
  name: 'pglite' | 'postgres';
  /** Storage options of a fresh, isolated database. */
  storage(): Pick<ServerOptions, 'dataDir' | 'databaseUrl' | 'pgSchema'>;
}

const url = process.env['DATABASE_URL'];
const schemas: string[] = [];

export const engines: Engine[] = [
  { name: 'pglite', storage: () => ({ dataDir: 'memory://' }) },
  ...(url
    ? [
        {
          name: 'postgres' as const,
          storage() {
            const pgSchema = `t_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
            schemas.push(pgSchema);
            return { databaseUrl: url, pgSchema };
          },
        },
      ]
    : []),
];

/** Drops the schemas this process created; registered once per test file. */
async function dropSchemas(): Promise<void> {
  if (!url || !schemas.length) return;
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    for (const s of schemas.splice(0)) await client.query(`DROP SCHEMA IF EXISTS ${s} CASCADE`);
  } finally {
    await client.end();
  }
}
after(dropSchemas);

/** Runs `suite` inside one `describe` per engine. */
export function forEachEngine(suite: (engine: Engine) => void): void {
  for (const engine of engines) describe(engine.name, () => suite(engine));
}

/** Log entries a server wrote, kept for assertions. */
export type LogSink = Record<string, unknown>[];

/** A clock a test moves by hand: rate-limit windows, key retention, challenge expiry and purges follow it. */
export interface TestClock {
  now: () => number;
  advance(ms: number): void;
}
export function testClock(start = Date.now()): TestClock {
  let at = start;
  return { now: () => at, advance: (ms) => void (at += ms) };
}

/**
 * Starts a server on a free port with a fresh database of `engine`; quiet unless asked for logs.
 * Every response is checked against the contract (`validateResponses`), and `close()` rejects
 * if any answer broke it, so a suite cannot pass over a reply the contract does not allow. The
 * purge timer is off: tests call `purge()` after moving their clock.
 */
export async function startTestServer(engine: Engine, opts: ServerOptions = {}, logs?: LogSink): Promise<RunningServer> {
  const breaches: Record<string, unknown>[] = [];
  const server = await startServer({
    port: 0,
    validateResponses: true,
    purgeEveryMs: false,
    ...engine.storage(),
    ...opts,
    log: (e) => {
      if (e['msg'] === 'response does not match the contract') breaches.push(e);
      logs?.push(e);
    },
  });
  const close = server.close.bind(server);
  return Object.assign(server, {
    async close() {
      await close();
      if (breaches.length) throw new Error(`responses that break the contract:\n${breaches.map((b) => JSON.stringify(b)).join('\n')}`);
    },
  });
}
