import type { routes, RouteId } from '@civicloop/contract';
import type * as z from 'zod/mini';
import type { Database } from './db/driver.js';
import type { CouncilRow } from './councils.js';
import type { ServerOptions } from './options.js';
import type { Mailer } from './mail/mailer.js';
import type { StaffRole } from './staff-tokens.js';

type Routes = typeof routes;
type Out<R, K extends string> = R extends { [P in K]: infer S extends z.core.$ZodType } ? z.output<S> : undefined;

/** A staff token that passed authentication. */
export interface StaffIdentity {
  tokenId: string;
  council: string;
  role: StaffRole;
  /** The token's label (a person or a desk), for the audit log. */
  label: string | null;
  /** The person of a single sign-on session (`tokenId` is then the session's id); null for a staff token. */
  person: { subject: string; name: string | null } | null;
}

/** Everything a handler gets: input already validated against the route's schemas. */
export interface RequestContext<Id extends RouteId = RouteId> {
  db: Database;
  options: ServerOptions;
  /** The server's clock, in milliseconds since the epoch (`ServerOptions.now`). */
  now: () => number;
  requestId: string;
  params: Out<Routes[Id], 'params'>;
  query: Out<Routes[Id], 'query'>;
  body: Out<Routes[Id], 'body'>;
  /** The council of the path, loaded; present on every tenant-scoped route. */
  council: CouncilRow;
  /** Present on staff routes. */
  staff: StaffIdentity | undefined;
  /** The client's network address as seen by this server (never stored raw). */
  clientAddress: string;
  headers: Headers;
  /** The server secret (address hashes, challenge signatures). */
  secret: string;
  /** Sends email (SMTP, or `.eml` files in the outbox folder). */
  mailer: Mailer;
  /**
   * Runs `task` once the request's transaction has committed (at once on a GET), before the
   * answer is sent; its failure is logged, never the request's. For email: nothing is sent
   * for a change that was rolled back.
   */
  afterCommit(task: () => Promise<void>): void;
  /** The request URL (its path and query: the feed's own link). */
  url: string;
  /**
   * The origin of absolute links the server hands out (the feed, emails): `publicUrl`'s when set,
   * else the request's when it is one of the server's own, never a Host header a client made up.
   */
  publicOrigin: string;
  /** Writes one structured log entry. */
  log: (entry: Record<string, unknown>) => void;
}

type Extra = { headers?: Record<string, string> };
/** One reply per status the route declares: the status literal and that status's body type. */
type ReplyOf<R> = {
  [S in keyof R & number]: R[S] extends { schema: infer Z extends z.core.$ZodType }
    ? { status: S; body: z.output<Z> } & Extra
    : { status: S; body?: undefined } & Extra;
}[keyof R & number];

/** What a handler of `Id` answers, typed by the route's responses; the app makes the Response (ETag, CORS, idempotency store). */
export type Reply<Id extends RouteId = RouteId> = ReplyOf<Routes[Id]['responses']>;

/** A reply as the idempotency store keeps and replays it. */
export interface StoredReply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export type Handler<Id extends RouteId> = (ctx: RequestContext<Id>) => Promise<Reply<Id>>;
/** One handler per operation of the contract: a missing one does not compile. */
export type Handlers = { [Id in RouteId]: Handler<Id> };
