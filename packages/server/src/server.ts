import { createAdaptorServer } from '@hono/node-server';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApp, defaultLog, defaultMailer } from './app.js';
import { contactHousekeeping, type ContactHousekeeping } from './contacts.js';
import { loadSecret } from './secret.js';
import { purgeSpentChallenges } from './challenges.js';
import { purgeKeys } from './idempotency.js';
import { purgeCounters } from './rate-limit.js';
import { openDatabase, type Database } from './db/driver.js';
import type { ServerOptions } from './options.js';

export interface RunningServer {
  /** Base URL, e.g. `http://127.0.0.1:8080`. */
  url: string;
  port: number;
  db: Database;
  /**
   * Purges expired keys, rate counters and spent challenges, and runs the contact bank's
   * housekeeping (unconfirmed entries, re-consent emails, expiry), now, by the server's clock
   * (the timer calls it too).
   */
  purge(): Promise<void>;
  /** The contact bank's housekeeping alone, with what it did (tests). */
  contactHousekeeping(): Promise<ContactHousekeeping>;
  /** Stops accepting connections, lets in-flight requests finish, then closes the database. */
  close(): Promise<void>;
}

/** In-flight requests get this long to finish on close before their connections are cut. */
const DRAIN_MS = 10_000;

/** Opens the database (applying migrations) and serves the app over HTTP. */
export async function startServer(opts: ServerOptions = {}): Promise<RunningServer> {
  const db = await openDatabase({ databaseUrl: opts.databaseUrl, dataDir: opts.dataDir, pgSchema: opts.pgSchema });
  let app;
  // One mailer for requests and housekeeping (re-consent emails).
  const mailer = opts.mailer ?? defaultMailer(opts);
  try {
    // Read once before serving: inside a request it would wait on PGlite's one connection.
    app = createApp(db, await loadSecret(db, opts.secret), { ...opts, mailer });
  } catch (error) {
    await db.close();
    throw error;
  }
  const port = opts.port ?? Number(process.env['PORT'] ?? 8080);
  const host = opts.host ?? process.env['HOST'] ?? '127.0.0.1';
  const server = createAdaptorServer({ fetch: app.fetch }) as Server;
  let closing: Promise<void> | undefined;

  // Keep-alive connections would hold close() open; once closing, each finished answer frees its connection.
  server.on('request', (_req, res) => {
    res.on('finish', () => {
      if (closing) setImmediate(() => server.closeIdleConnections());
    });
  });

  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => {
        server.off('error', reject);
        resolve();
      });
    });
  } catch (error) {
    await db.close();
    throw error;
  }
  const now = opts.now ?? Date.now;
  const housekeeping = () => contactHousekeeping(db, mailer, now(), opts.log ?? defaultLog);
  const purge = async () => {
    const at = now();
    await Promise.all([purgeKeys(db, at), purgeCounters(db, at), purgeSpentChallenges(db, at)]);
    await housekeeping();
  };
  // Housekeeping off the request path: expired keys, counters and challenges, once a minute.
  const every = opts.purgeEveryMs ?? 60_000;
  const timer =
    every === false
      ? undefined
      : setInterval(() => {
          purge().catch((error: unknown) =>
            (opts.log ?? defaultLog)({ time: new Date(now()).toISOString(), level: 'error', msg: 'purge failed', error: String(error) }),
          );
        }, every);
  timer?.unref();
  const actual = (server.address() as AddressInfo).port;
  const shownHost = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host;

  return {
    url: `http://${shownHost}:${actual}`,
    port: actual,
    db,
    purge,
    contactHousekeeping: housekeeping,
    close() {
      closing ??= (async () => {
        clearInterval(timer);
        const drained = new Promise<void>((resolve) => server.close(() => resolve()));
        server.closeIdleConnections();
        const force = setTimeout(() => server.closeAllConnections(), DRAIN_MS);
        await drained;
        clearTimeout(force);
        if (!opts.mailer) mailer.close();
        await db.close();
      })();
      return closing;
    },
  };
}
