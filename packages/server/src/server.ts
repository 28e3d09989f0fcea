import { getRequestListener } from '@hono/node-server';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { createApp, defaultLog, defaultMailer } from './app.js';
import { contactHousekeeping, type ContactHousekeeping } from './contacts.js';
import { loadSecret } from './secret.js';
import { purgeSpentChallenges } from './challenges.js';
import { purgeKeys } from './idempotency.js';
import { purgeSessions } from './sso.js';
import { purgeCounters } from './rate-limit.js';
import { lockFolder, openDatabase, type Database } from './db/driver.js';
import { rawProblem, requestErrorResponse } from './problems.js';
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

const LOOPBACK = ['127.0.0.1', 'localhost', '::1', '[::1]'];

/**
 * The origins browsers reach this server at: its public address when given, and where it
 * listens (a loopback or every interface: by each loopback name a browser may use). Taken from
 * the configuration, never from a request's Host header, which a client chooses.
 */
function ownOrigins(host: string, port: number, publicUrl: string | undefined): string[] {
  const hosts = LOOPBACK.includes(host) || host === '0.0.0.0' || host === '::' ? ['127.0.0.1', 'localhost', '[::1]'] : [host.includes(':') ? `[${host}]` : host];
  return [...new Set([...(publicUrl ? [new URL(publicUrl).origin] : []), ...hosts.map((h) => new URL(`http://${h}:${port}`).origin)])];
}

/** In-flight requests get this long to finish on close before their connections are cut. */
const DRAIN_MS = 10_000;

/**
 * Serves the app over HTTP. The order matters with PGlite, whose folder belongs to one process:
 * take the folder's lock (refused while another process holds it), bind the port (a busy port
 * fails here, the folder never opened), then open the database and apply migrations. A request
 * arriving meanwhile waits for the app.
 */
export async function startServer(opts: ServerOptions = {}): Promise<RunningServer> {
  const pglite = !opts.databaseUrl && opts.dataDir !== 'memory://';
  const folderLock = pglite ? await lockFolder(opts.dataDir ?? '.data') : undefined;
  // One mailer for requests and housekeeping (re-consent emails).
  const mailer = opts.mailer ?? defaultMailer(opts);
  const port = opts.port ?? Number(process.env['PORT'] ?? 8080);
  const host = opts.host ?? process.env['HOST'] ?? '127.0.0.1';
  let app: ReturnType<typeof createApp> | undefined;
  let appReady!: (a: ReturnType<typeof createApp>) => void;
  const ready = new Promise<ReturnType<typeof createApp>>((resolve) => (appReady = resolve));
  const fetchApp = (req: Request, env: unknown) => (app ? app.fetch(req, env) : ready.then((a) => a.fetch(req, env)));
  // A request the adaptor cannot turn into a Request (a backslash in the path) is a problem too.
  const server = createServer(getRequestListener(fetchApp, { errorHandler: requestErrorResponse }));
  let closing: Promise<void> | undefined;

  // What Node's parser refuses never reaches the app: answer it as a problem too, not an empty 400.
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
    const started = (socket as Duplex & { _httpMessage?: { headersSent?: boolean } })._httpMessage?.headersSent;
    if (error.code === 'ECONNRESET' || !socket.writable || started) return void socket.destroy();
    const status = error.code === 'HPE_HEADER_OVERFLOW' ? 431 : error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : 400;
    socket.end(rawProblem(status, status === 431 ? 'The request line and headers are larger than this server accepts.' : 'The request is not well-formed HTTP/1.1.'));
  });

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
    await folderLock?.release();
    throw error;
  }
  let db: Database;
  try {
    db = await openDatabase({ databaseUrl: opts.databaseUrl, dataDir: opts.dataDir, pgSchema: opts.pgSchema, ...(folderLock ? { folderLock } : {}) });
  } catch (error) {
    await new Promise((resolve) => server.close(resolve));
    throw error;
  }
  try {
    // Read once before serving: inside a request it would wait on PGlite's one connection.
    app = createApp(db, await loadSecret(db, opts.secret), { ...opts, mailer, ownOrigins: ownOrigins(host, (server.address() as AddressInfo).port, opts.publicUrl) });
  } catch (error) {
    await new Promise((resolve) => server.close(resolve));
    await db.close();
    throw error;
  }
  appReady(app);
  const now = opts.now ?? Date.now;
  const housekeeping = () => contactHousekeeping(db, mailer, now(), opts.log ?? defaultLog);
  const purge = async () => {
    const at = now();
    await Promise.all([purgeKeys(db, at), purgeCounters(db, at), purgeSpentChallenges(db, at), purgeSessions(db, at)]);
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
