import type { Locale, LocalizedText } from '@civicloop/contract';
import type { DEFAULT_LIMITS } from './rate-limit.js';

export interface ServerOptions {
  /** Port to listen on; `0` picks a free one. @default PORT env, else 8080 */
  port?: number;
  /** Interface to bind. @default HOST env, else '127.0.0.1' */
  host?: string;
  /** PostgreSQL connection string; PGlite when absent. Not read from the environment here (the CLI does). */
  databaseUrl?: string;
  /** PGlite data folder; `memory://` for an ephemeral database. @default '.data' */
  dataDir?: string;
  /** PostgreSQL only: keep every table in this schema (created if missing). */
  pgSchema?: string;
  /** Serve this folder's static files at `/` under a strict CSP. */
  demoDir?: string;
  /** Serve built element bundles at `/cdn/`. */
  cdnDir?: string;
  /** Serve the API reference at `/docs`. @default false */
  docs?: boolean;
  /** Rate limits per hour: residents' input (and contact-bank sign-ups), and staff single sign-on attempts. @default { feedbackPerClientPerHour: 20, feedbackPerCouncilPerHour: 2000, signInsPerClientPerHour: 30, signInsPerCouncilPerHour: 1000 } */
  limits?: Partial<typeof DEFAULT_LIMITS>;
  /** Secret for hashing client addresses and signing challenges. @default CIVICLOOP_SECRET env, else one generated and kept in the database */
  secret?: string;
  /** SMTP server of outgoing mail, e.g. `smtp://user:pass@mail.example.org:587`. @default SMTP_URL env in the CLI; none: mails go to `mailOutboxDir` */
  smtpUrl?: string;
  /** Sender of residents' emails. @default 'Civic Loop <no-reply@civicloop.invalid>' */
  mailFrom?: string;
  /** Folder of `.eml` files when there is no SMTP server. @default `<dataDir>/outbox`, or the temp folder's `civicloop-outbox` */
  mailOutboxDir?: string;
  /** Test seam: a mailer to use instead of SMTP or the outbox folder. @internal */
  mailer?: import('./mail/mailer.js').Mailer;
  /**
   * Where browsers reach this server (e.g. `https://civic.example.org`) when that is not where it
   * listens (behind a reverse proxy). Pages on the server's own origin (the demo pages, the
   * console) may use every council, as the browser lets them without CORS.
   * @default where it listens (on a loopback interface, `localhost` too)
   */
  publicUrl?: string;
  /** The server's own origins, set by `startServer` once it listens. @internal */
  ownOrigins?: string[];
  /** Take the client address from the last `X-Forwarded-For` hop (behind one reverse proxy). @default false */
  trustProxy?: boolean;
  /** Receives one structured entry per request and per server fault. @default a JSON line on stdout */
  log?: (entry: Record<string, unknown>) => void;
  /**
   * The clock of rate-limit windows, key retention, challenge expiry, purges and stored
   * timestamps, in milliseconds since the epoch. Tests pass one they move forward.
   * @default Date.now
   */
  now?: () => number;
  /** How often expired keys, counters and spent challenges are purged; `false` for never (tests call `purge()`). @default 60000 */
  purgeEveryMs?: number | false;
  /**
   * Checks every response body against the route's schema for its status, and every problem
   * against `Problem` and the route's problem statuses. A mismatch is answered 500 and logged
   * (`msg: 'response does not match the contract'`). On in the server's test suites.
   * @default false
   */
  validateResponses?: boolean;
  /**
   * Test seam: awaited after validation and the idempotency claim, before the handler runs.
   * Lets a test hold a request in flight or make it fail, without timing.
   * @internal
   */
  beforeHandle?: (operationId: string) => Promise<void> | void;
}

export type { Locale, LocalizedText };
