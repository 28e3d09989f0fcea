import { readdir, readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { lockFolder, type FolderLock } from './folder-lock.js';

export { DataDirLockedError, lockFolder, type FolderLock } from './folder-lock.js';

/** Rows of one statement. */
export interface QueryResult<T> {
  rows: T[];
  rowCount: number;
}

/** Anything that runs one parameterised statement: the database or an open transaction. */
export interface Queryable {
  query<T = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<QueryResult<T>>;
}

/**
 * The one storage interface of the server. PGlite and PostgreSQL run the same SQL; which
 * engine is behind it matters only to the health check and to the tests.
 */
export interface Database extends Queryable {
  readonly engine: 'pglite' | 'postgres';
  /** Runs `fn` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  /** Runs a script of several statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
  close(): Promise<void>;
  /**
   * Calls `listener.onNotify` on each NOTIFY on `channel` (LISTEN), from any process on this
   * database, and at once for a statement of this process that matches `localWrites` (so a
   * writer in this process never races its own notification). `onState(false)` says that
   * notifications may be missed (the connection that listens was lost) until `onState(true)`.
   * Absent on a transaction seen as a database.
   */
  listen?(channel: string, listener: Listener, localWrites?: RegExp): Promise<() => Promise<void>>;
}

export interface Listener {
  onNotify(payload: string): void;
  onState(listening: boolean): void;
}

/** LISTEN as each engine does it: resolves once listening; the function stops it. */
type Subscribe = (channel: string, listener: Listener) => Promise<() => Promise<void>>;

export interface DatabaseOptions {
  /** PostgreSQL connection string; PGlite when absent. */
  databaseUrl?: string;
  /** PGlite data folder, or `memory://` for an ephemeral database. */
  dataDir?: string;
  /** PostgreSQL only: keep every table in this schema (created if missing). */
  pgSchema?: string;
  /** PGlite: the folder's lock, already taken (`lockFolder`); it is released on close. */
  folderLock?: FolderLock;
}

/** FIFO lock: PGlite has one connection, and a transaction must own it from BEGIN to COMMIT. */
class Mutex {
  #tail: Promise<unknown> = Promise.resolve();
  run<T>(fn: () => Promise<T>): Promise<T> {
    const result = this.#tail.then(fn, fn);
    this.#tail = result.catch(() => undefined);
    return result;
  }
}

async function openPglite(dataDir: string, held: FolderLock | undefined): Promise<Database> {
  const memory = dataDir === 'memory://';
  const lock = memory ? undefined : (held ?? (await lockFolder(dataDir)));
  const unlock = () => lock?.release();
  let db: PGlite;
  try {
    db = new PGlite(memory ? undefined : dataDir);
  } catch (error) {
    await unlock();
    throw error;
  }
  const mutex = new Mutex();
  let closed = false;
  const direct: Queryable = {
    async query<T>(sql: string, params: readonly unknown[] = []) {
      const r = await db.query<T>(sql, params as unknown[]);
      return { rows: r.rows, rowCount: r.affectedRows ?? r.rows.length };
    },
  };
  const subscribe: Subscribe = async (channel, listener) => {
    // Through the mutex: LISTEN must not land inside another request's transaction.
    const stop = await mutex.run(() => db.listen(channel, (payload) => listener.onNotify(payload)));
    listener.onState(true);
    return () => mutex.run(() => (closed ? Promise.resolve() : stop()));
  };
  return withListeners(subscribe, {
    engine: 'pglite',
    query: (sql, params) => mutex.run(() => direct.query(sql, params)),
    exec: (sql) => mutex.run(async () => void (await db.exec(sql))),
    transaction: (fn) =>
      mutex.run(async () => {
        await db.exec('BEGIN');
        try {
          const result = await fn(direct);
          await db.exec('COMMIT');
          return result;
        } catch (error) {
          await db.exec('ROLLBACK');
          throw error;
        }
      }),
    close: () =>
      mutex.run(async () => {
        if (closed) return;
        closed = true;
        try {
          await db.close();
        } finally {
          await unlock();
        }
      }),
  });
}

async function openPostgres(url: string, schema: string | undefined): Promise<Database> {
  if (schema !== undefined && !/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) throw new RangeError(`pgSchema "${schema}" must be a plain lower-case identifier`);
  if (schema) {
    const setup = new pg.Client({ connectionString: url });
    await setup.connect();
    try {
      await setup.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    } finally {
      await setup.end();
    }
  }
  const pool = new pg.Pool({ connectionString: url, max: 10, ...(schema ? { options: `-c search_path=${schema}` } : {}) });
  // An idle client that loses its connection emits here; without a listener it would crash the process.
  pool.on('error', () => undefined);
  let closed = false;
  const listeners = new Set<pg.Client>();
  /**
   * One connection of its own per channel, outside the pool. When it is lost, the listener hears
   * onState(false) and it reconnects every second until it listens again (then onState(true)).
   */
  const subscribe: Subscribe = async (channel, listener) => {
    if (!/^[a-z_][a-z0-9_]{0,62}$/.test(channel)) throw new RangeError(`channel "${channel}" must be a plain identifier`);
    let client: pg.Client | undefined;
    let stopped = false;
    let retry: NodeJS.Timeout | undefined;
    const connect = async (): Promise<void> => {
      if (stopped || closed) return;
      const c = new pg.Client({ connectionString: url });
      c.on('notification', (n) => listener.onNotify(n.payload ?? ''));
      const lost = () => {
        if (client !== c) return;
        client = undefined;
        listeners.delete(c);
        listener.onState(false);
        if (!stopped && !closed) retry = setTimeout(() => void connect().catch(() => undefined), 1000);
      };
      c.on('error', lost);
      c.on('end', lost);
      client = c;
      listeners.add(c);
      try {
        await c.connect();
        await c.query(`LISTEN ${channel}`);
      } catch (error) {
        lost();
        await c.end().catch(() => undefined);
        throw error;
      }
      listener.onState(true);
    };
    // A first failure is not fatal: the listener hears onState(false) and the retries go on.
    await connect().catch(() => undefined);
    return async () => {
      stopped = true;
      clearTimeout(retry);
      const c = client;
      client = undefined;
      if (c) {
        listeners.delete(c);
        await c.end().catch(() => undefined);
      }
    };
  };
  const wrap = (client: pg.Pool | pg.PoolClient): Queryable => ({
    async query<T>(sql: string, params: readonly unknown[] = []) {
      const r = await client.query(sql, params as unknown[]);
      return { rows: r.rows as T[], rowCount: r.rowCount ?? r.rows.length };
    },
  });
  return withListeners(subscribe, {
    engine: 'postgres',
    ...wrap(pool),
    async exec(sql) {
      await pool.query(sql);
    },
    async transaction(fn) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await fn(wrap(client));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    async close() {
      if (closed) return;
      closed = true;
      await Promise.all([...listeners].map((c) => c.end().catch(() => undefined)));
      await pool.end();
    },
  });
}

/**
 * Adds `listen` to an engine's database: remote notifications through `subscribe`, and local ones
 * for this process's own statements that match a listener's `localWrites` (after the commit, for
 * a transaction).
 */
function withListeners(subscribe: Subscribe, db: Database): Database {
  const locals = new Set<{ re: RegExp; listener: Listener }>();
  const matched = (sql: string, into: Set<Listener>) => {
    for (const l of locals) if (l.re.test(sql)) into.add(l.listener);
  };
  const fire = (set: Set<Listener>) => {
    for (const l of set) l.onNotify('');
  };
  const after = <T>(sql: string, run: Promise<T>): Promise<T> =>
    locals.size === 0
      ? run
      : run.then((r) => {
          const hit = new Set<Listener>();
          matched(sql, hit);
          fire(hit);
          return r;
        });
  return {
    engine: db.engine,
    query: (sql, params) => after(sql, db.query(sql, params)),
    exec: (sql) => after(sql, db.exec(sql)),
    async transaction(fn) {
      const hit = new Set<Listener>();
      const result = await db.transaction((tx) =>
        fn({
          query: (sql, params) => {
            matched(sql, hit);
            return tx.query(sql, params);
          },
        }),
      );
      fire(hit);
      return result;
    },
    close: () => db.close(),
    async listen(channel, listener, localWrites) {
      const local = localWrites && { re: localWrites, listener };
      if (local) locals.add(local);
      try {
        const stop = await subscribe(channel, listener);
        return async () => {
          if (local) locals.delete(local);
          await stop();
        };
      } catch (error) {
        if (local) locals.delete(local);
        throw error;
      }
    },
  };
}

/** The migrations folder, whether this module runs from src (tsx) or from dist. */
function migrationsDir(): string {
  for (const rel of ['./migrations/', '../../src/db/migrations/']) {
    const dir = fileURLToPath(new URL(rel, import.meta.url));
    if (existsSync(dir)) return dir;
  }
  throw new Error('SQL migrations folder not found');
}

/** Applies the SQL files of `db/migrations` not applied yet, in name order, each in its own transaction. */
export async function migrate(db: Database): Promise<string[]> {
  const dir = migrationsDir();
  const files = (await readdir(dir)).filter((f) => f.endsWith('.sql')).sort();
  await db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())');
  const applied: string[] = [];
  for (const name of files) {
    const sql = await readFile(dir + name, 'utf8');
    // Serialises concurrent starts of several server processes on one PostgreSQL database.
    const done = await db.transaction(async (tx) => {
      if (db.engine === 'postgres') await tx.query('SELECT pg_advisory_xact_lock(7411)');
      const seen = await tx.query('SELECT 1 FROM schema_migrations WHERE name = $1', [name]);
      if (seen.rows.length) return false;
      for (const statement of splitStatements(sql)) await tx.query(statement);
      await tx.query('INSERT INTO schema_migrations (name) VALUES ($1)', [name]);
      return true;
    });
    if (done) applied.push(name);
  }
  return applied;
}

/** Splits a migration on `;` at line ends; migrations keep to one statement per `;`-terminated block. */
function splitStatements(sql: string): string[] {
  return sql
    .split(/;\s*$/m)
    .map((s) => s.replace(/^\s*--.*$/gm, '').trim())
    .filter(Boolean);
}

/** Opens PostgreSQL (`databaseUrl`) or PGlite (`dataDir`, default `.data/`) and applies the migrations. */
export async function openDatabase(opts: DatabaseOptions = {}): Promise<Database> {
  const db = opts.databaseUrl ? await openPostgres(opts.databaseUrl, opts.pgSchema) : await openPglite(opts.dataDir ?? '.data', opts.folderLock);
  try {
    await migrate(db);
  } catch (error) {
    await db.close();
    throw error;
  }
  return db;
}
