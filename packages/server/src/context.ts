import type { routes, RouteId } from '@civicloop/contract';
import type { z } from 'zod/mini';
import type { Database } from './db/driver.js';
import type { CouncilRow } from './councils.js';
import type { ServerOptions } from './options.js';
import type { StaffRole } from './staff-tokens.js';

type Routes = typeof routes;
type Out<R, K extends string> = R extends { [P in K]: infer S extends z.core.$ZodType } ? z.output<S> : undefined;

/** A staff token that passed authentication. */
export interface StaffIdentity {
  tokenId: string;
  council: string;
  role: StaffRole;
}

/** Everything a handler gets: input already validated against the route's schemas. */
export interface RequestContext<Id extends RouteId = RouteId> {
  db: Database;
  options: ServerOptions;
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
}

/** What a handler answers; the app turns it into a Response (ETag, CORS, idempotency store). */
export interface Reply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export type Handler<Id extends RouteId> = (ctx: RequestContext<Id>) => Promise<Reply>;
export type Handlers = { [Id in RouteId]?: Handler<Id> };
