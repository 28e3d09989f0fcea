import { contractMethods, Problem, routes, Slug, toValidationIssues, type RouteDef, type RouteId } from '@civicloop/contract';
import { buildOpenApi } from '@civicloop/contract/openapi';
import { getConnInfo } from '@hono/node-server/conninfo';
import { Hono, type Context } from 'hono';
import { accepts } from 'hono/accepts';
import { cors } from 'hono/cors';
import { etag, RETAINED_304_HEADERS } from 'hono/etag';
import { requestId, type RequestIdVariables } from 'hono/request-id';
import * as z from 'zod/mini';
import { en } from 'zod/locales';
import { readJsonBody } from './body.js';
import { compressResponses } from './compression.js';
import type { Handlers, RequestContext, StaffIdentity, StoredReply } from './context.js';
import { contactHandlers } from './contacts.js';
import { councilHandlers, publicOrigin, type CouncilRow } from './councils.js';
import { CouncilCache } from './council-cache.js';
import type { Database, Queryable } from './db/driver.js';
import { HttpProblem } from './errors/http-problem.js';
import { challengeHandlers } from './challenges.js';
import { feedbackHandlers } from './feedback.js';
import { healthHandlers } from './health.js';
import { claimKey, completeKey, readIdempotencyKey, releaseKey, requestHash } from './idempotency.js';
import type { ServerOptions } from './options.js';
import { problemResponse, problems } from './problems.js';
import { isRateLimitHeader } from './rate-limit.js';
import { CORS_ALLOW_HEADERS, CORS_EXPOSE_HEADERS, CORS_MAX_AGE, DEMO_CSP, DOCS_CSP, securityHeaders } from './security.js';
import { serviceHandlers } from './services.js';
import { authenticateStaff } from './staff-tokens.js';
import { DOCS_CSS, renderDocs } from './docs.js';
import { cdnFiles, staticFile } from './static.js';
import { auditHandlers } from './audit.js';
import { feedHandlers } from './feed.js';
import { inboxHandlers } from './inbox.js';
import { createMailer } from './mail/mailer.js';
import { openDataHandlers } from './open-data.js';
import { ssoHandlers } from './sso.js';
import { statsHandlers } from './stats.js';
import { settingsHandlers } from './settings.js';
import { themeHandlers } from './themes.js';
import { tmpdir } from 'node:os';
import { createHash } from 'node:crypto';
import { join } from 'node:path';

// Validation messages are part of 422 bodies: make them readable English once, here.
z.config(en());

type Env = { Variables: RequestIdVariables & { route: string; routeId: RouteId | undefined; council: CouncilRow | undefined } };

/** Every handler, by operationId: the type asks for one per route of the contract. */
const handlers: Handlers = {
  ...healthHandlers,
  ...councilHandlers,
  ...serviceHandlers,
  ...feedbackHandlers,
  ...challengeHandlers,
  ...themeHandlers,
  ...inboxHandlers,
  ...statsHandlers,
  ...feedHandlers,
  ...openDataHandlers,
  ...auditHandlers,
  ...settingsHandlers,
  ...contactHandlers,
  ...ssoHandlers,
};

/**
 * Writes that first wait on another service (the identity provider's token endpoint) and then
 * make one row: run without a transaction, so a slow provider holds none (on PGlite, the only connection).
 */
const OUTSIDE_TRANSACTION: ReadonlySet<RouteId> = new Set(['createStaffSession']);

/** CORS `Access-Control-Allow-Methods`: the methods of the contract's endpoints. */
const ALLOW_METHODS = contractMethods();

/** Public GETs may be cached briefly by browsers and shared caches; revalidation is cheap with the ETag. */
const DEFAULT_CACHE = 'public, max-age=60';

export const defaultLog = (entry: Record<string, unknown>) => process.stdout.write(JSON.stringify(entry) + '\n');

/** Each path of the contract as a pattern, with the methods it answers (HEAD with GET; OPTIONS where CORS answers preflights). */
const PATH_METHODS = (() => {
  const byPath = new Map<string, Set<string>>();
  for (const route of Object.values(routes) as RouteDef[]) {
    const methods = byPath.get(route.path) ?? new Set(route.path.startsWith('/v1/councils/') ? ['OPTIONS'] : []);
    methods.add(route.method.toUpperCase());
    if (route.method === 'get') methods.add('HEAD');
    byPath.set(route.path, methods);
  }
  byPath.set('/v1/openapi.json', new Set(['GET', 'HEAD']));
  return [...byPath].map(([path, methods]) => ({
    pattern: new RegExp(`^${path.replace(/[.]/g, '\\.').replace(/\{\w+\}/g, '[^/]+')}$`),
    methods: [...methods].sort(),
  }));
})();

/** The methods a contract path has (empty when no path of the contract matches). */
function allowedMethods(path: string): string[] {
  return [...new Set(PATH_METHODS.filter((p) => p.pattern.test(path)).flatMap((p) => p.methods))].sort();
}

/** `/v1/councils/{council}` -> `/v1/councils/:council` */
const honoPath = (path: string) => path.replace(/\{(\w+)\}/g, ':$1');

/** ETag and 304 for cacheable GETs; a 304 keeps what lets another origin read it. */
const conditional = () => etag({ retainedHeaders: [...RETAINED_304_HEADERS, 'access-control-allow-origin', 'access-control-expose-headers'] });

/** A transaction seen as a database: nested `transaction` calls join the open one. */
function joined(db: Database, tx: Queryable): Database {
  return { engine: db.engine, query: (sql, params) => tx.query(sql, params), transaction: (fn) => fn(tx), exec: (sql) => tx.query(sql).then(() => undefined), close: async () => undefined };
}

function clientAddress(c: Context, trustProxy: boolean): string {
  if (trustProxy) {
    const hops = (c.req.header('x-forwarded-for') ?? '').split(',').map((s) => s.trim()).filter(Boolean);
    if (hops.length) return hops[hops.length - 1]!;
  }
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

/** The mailer of `opts`: SMTP when `smtpUrl` is set, else `.eml` files in the outbox folder. */
export function defaultMailer(opts: ServerOptions) {
  return createMailer({
    smtpUrl: opts.smtpUrl,
    // Beside the PGlite data; an in-memory or PostgreSQL server without DATA_DIR uses the temp folder.
    outboxDir: opts.mailOutboxDir ?? (opts.dataDir && opts.dataDir !== 'memory://' ? join(opts.dataDir, 'outbox') : join(tmpdir(), 'civicloop-outbox')),
    from: opts.mailFrom ?? 'Civic Loop <no-reply@civicloop.invalid>',
    log: opts.log ?? defaultLog,
    now: opts.now ?? Date.now,
  });
}

/** Why a path names nothing: its part that can never be a name, with the rule it breaks. */
function pathDetail(issue: z.core.$ZodIssue | undefined, raw: Record<string, string>): string | undefined {
  const name = String(issue?.path[0] ?? '');
  const value = raw[name];
  if (!issue || value === undefined) return undefined;
  const shown = JSON.stringify(value.length > 80 ? `${value.slice(0, 80)}…` : value);
  if (name !== 'council') return `${shown} cannot be the {${name}} of this path: ${issue.message}.`;
  const lower = value.toLowerCase();
  const hint = z.safeParse(Slug, lower).success ? ` Did you mean "${lower}"?` : '';
  return `No council can have the slug ${shown}: a slug is 2 to 63 lowercase letters, digits and single hyphens, as in "riverside".${hint}`;
}

/**
 * Builds the Hono app: contract routes bound from the route table, plus demo, CDN and docs when
 * asked. `secret` keys address hashes and signs challenges (see `loadSecret`).
 */
export function createApp(db: Database, secret: string, opts: ServerOptions = {}): Hono<Env> {
  const app = new Hono<Env>();
  const log = opts.log ?? defaultLog;
  const now = opts.now ?? Date.now;
  const mailer = opts.mailer ?? defaultMailer(opts);

  /** Test mode: a reply the contract does not allow is answered 500 and logged, so a suite fails on it. */
  const breach = (c: Context, detail: string): Response => {
    const reqId = c.get('requestId');
    log({ time: new Date(now()).toISOString(), level: 'error', msg: 'response does not match the contract', reqId, route: c.get('route'), detail });
    return problemResponse(problems.internal(), reqId);
  };
  const respond = (c: Context, route: RouteDef, reply: StoredReply): Response => {
    if (opts.validateResponses) {
      const problem = replyBreach(route, reply);
      if (problem) return breach(c, problem);
    }
    return toResponse(route, reply, reply.status);
  };
  // Outermost, so it sees the final response: headers a route set itself (the CDN's
  // cross-origin CORP, the docs' CSP) are kept.
  app.use('*', securityHeaders);
  // Ours, unless a trusted proxy in front assigned one: a client cannot make log lines share an id.
  app.use('*', requestId({ headerName: opts.trustProxy ? 'X-Request-Id' : '' }));
  app.use('*', async (c, next) => {
    const reqId = c.get('requestId');
    const started = performance.now();
    await next();
    // A fresh Response: node-server's lightweight responses do not always carry later header edits.
    const headers = new Headers(c.res.headers);
    headers.set('x-request-id', reqId);
    c.res = new Response(c.res.body, { status: c.res.status, headers });
    // Only the route pattern: path values (council slugs, receipts) and queries stay out of logs.
    log({
      time: new Date().toISOString(),
      level: c.res.status >= 500 ? 'error' : 'info',
      msg: 'request',
      reqId,
      method: c.req.method,
      route: c.get('route') ?? 'unmatched',
      status: c.res.status,
      ms: Math.round((performance.now() - started) * 10) / 10,
    });
  });

  // Inside the log's middleware, outside every route: JSON, problems, CSV and feeds leave compressed.
  app.use('*', compressResponses());

  app.onError((error, c) => {
    if (error instanceof HttpProblem) {
      const id = c.get('routeId');
      if (opts.validateResponses && id) {
        const route: RouteDef = routes[id];
        if (error.status < 500 && !route.problems.includes(error.status)) return breach(c, `${id} does not list problem status ${error.status}`);
        const parsed = z.safeParse(Problem, error.toJSON());
        if (!parsed.success) return breach(c, JSON.stringify(toValidationIssues(parsed.error.issues)));
      }
      return problemResponse(error);
    }
    const reqId = c.get('requestId');
    log({
      time: new Date().toISOString(),
      level: 'error',
      msg: 'unhandled error',
      reqId,
      route: c.get('route') ?? 'unmatched',
      error: { name: error.name, message: error.message, stack: error.stack },
    });
    return problemResponse(problems.internal(), reqId);
  });

  app.notFound((c) => {
    const path = new URL(c.req.url).pathname;
    // A path of the contract asked with a method it does not have: 405 with `Allow`, not 404.
    const allow = allowedMethods(path);
    if (allow.length && !allow.includes(c.req.method)) return problemResponse(problems.methodNotAllowed(c.req.method, allow));
    return problemResponse(problems.notFound(`Nothing at ${c.req.method} ${path}.`));
  });

  // The council of the path, from memory (see CouncilCache: how a change reaches every process), for CORS and the route.
  const councils = new CouncilCache(db);
  const councilsListening = councils.start().catch((error: unknown) =>
    log({ time: new Date(now()).toISOString(), level: 'error', msg: 'council cache: cannot listen; councils are read from the database', error: String(error) }),
  );
  app.use('/v1/councils/*', async (c, next) => {
    const segment = c.req.path.split('/')[3] ?? '';
    let slug = '';
    try {
      slug = decodeURIComponent(segment);
    } catch {
      /* not a slug; 404 below */
    }
    await councilsListening;
    const council = z.safeParse(Slug, slug).success ? await councils.get(slug) : undefined;
    c.set('council', council);
    if (c.req.method === 'OPTIONS') c.set('route', 'preflight /v1/councils/{council}/*');
    await next();
  });
  // CORS for tenant-scoped routes: only the council's own listed origins may read its answers.
  // An unknown council has no origins to protect: any page may read the 404, so an element
  // with a mistyped council attribute says "not found" instead of failing like a lost network.
  const allowedOrigin = (origin: string, c: Context<Env>) => {
    const council = c.get('council');
    return origin !== '' && (council === undefined || council.origins.includes(origin)) ? origin : null;
  };
  // A refused origin gets no CORS header at all: hono's cors() leaves the headers that say what the
  // API accepts (allowed headers, exposed ones, max age) on its answer.
  app.use('/v1/councils/*', async (c, next) => {
    await next();
    if (c.res.headers.has('access-control-allow-origin')) return;
    for (const name of [...c.res.headers.keys()]) if (name.startsWith('access-control-')) c.res.headers.delete(name);
  });
  app.use(
    '/v1/councils/*',
    cors({
      origin: allowedOrigin,
      // A refused origin learns nothing about what the API accepts.
      allowMethods: (origin, c) => (allowedOrigin(origin, c as Context<Env>) ? ALLOW_METHODS : []),
      allowHeaders: CORS_ALLOW_HEADERS,
      exposeHeaders: CORS_EXPOSE_HEADERS,
      maxAge: CORS_MAX_AGE,
    }),
  );

  // A council's own limits make its body schema; built once per limit, not per request.
  const councilSchemas = new Map<string, z.core.$ZodType>();
  const bodySchema = (id: RouteId, route: RouteDef, council: CouncilRow | undefined): z.core.$ZodType | undefined => {
    if (!route.bodyFor || !council) return route.body;
    const key = `${id}:${council.feedbackTextMax}`;
    let schema = councilSchemas.get(key);
    if (!schema) councilSchemas.set(key, (schema = route.bodyFor({ limits: { feedbackTextMax: council.feedbackTextMax } })));
    return schema;
  };

  /** One operation of the route table as a Hono handler: params, auth, query, body, idempotency, the handler, its reply. */
  const serve = (id: RouteId, route: RouteDef) => {
    // Each handler is typed by its own route; here they are all called alike.
    const handler = handlers[id] as unknown as (ctx: RequestContext) => Promise<StoredReply>;
    return async (c: Context<Env>): Promise<Response> => {
      c.set('route', route.path);
      c.set('routeId', id);
      const reqId = c.get('requestId');

      let params: Record<string, unknown> = {};
      if (route.params) {
        const raw = c.req.param() as Record<string, string>;
        const parsed = z.safeParse(route.params, raw);
        // A path that cannot name anything names nothing: 404, not 422, saying which part and why.
        if (!parsed.success) throw problems.notFound(pathDetail(parsed.error.issues[0], raw));
        params = parsed.data as Record<string, unknown>;
      }
      const council = c.get('council');
      if ('council' in params && !council) throw problems.unknownCouncil(String(params['council']));

      let staff: StaffIdentity | undefined;
      if (route.auth === 'staff') {
        staff = await authenticateStaff(db, c.req.header('authorization'), council!, now());
        if (route.admin && staff.role !== 'admin') throw problems.forbidden(`${route.operationId} needs an admin token; this one is an editor's.`);
      }

      let query: unknown = undefined;
      if (route.query) {
        const raw = Object.fromEntries(new URL(c.req.url).searchParams);
        const parsed = z.safeParse(route.query, raw);
        if (!parsed.success) throw problems.validation(toValidationIssues(parsed.error.issues), 'The query string does not match the contract; see errors.');
        query = parsed.data;
      }

      let body: unknown = undefined;
      const schema = bodySchema(id, route, council);
      if (schema) {
        const parsed = z.safeParse(schema, await readJsonBody(c.req.raw));
        if (!parsed.success) throw problems.validation(toValidationIssues(parsed.error.issues));
        body = parsed.data;
      }

      const key = route.idempotent ? readIdempotencyKey(c.req.raw.headers) : undefined;
      const scope = `${council?.slug ?? ''}:${route.operationId}`;
      if (key !== undefined) {
        // The body as validated: fields the contract ignores are not part of the request (and a
        // field nested thousands deep there must not overflow the hash's recursion).
        const claim = await claimKey(db, scope, key, requestHash(route.operationId, new URL(c.req.url).pathname, body), now());
        if (claim.kind === 'replay') {
          const response = respond(c, route, claim.response);
          response.headers.set('idempotency-replayed', 'true');
          return response;
        }
      }

      let reply: StoredReply;
      const tasks: (() => Promise<void>)[] = [];
      try {
        await opts.beforeHandle?.(route.operationId);
        const ctx = (txDb: Database): RequestContext => ({
          mailer,
          log,
          url: c.req.url,
          publicOrigin: publicOrigin(c.req.url, opts),
          afterCommit: (task) => void tasks.push(task),
          db: txDb,
          options: opts,
          now,
          requestId: reqId,
          params: params as never,
          query: query as never,
          body: body as never,
          council: council!,
          staff,
          clientAddress: clientAddress(c, opts.trustProxy ?? false),
          headers: c.req.raw.headers,
          secret,
        });
        reply =
          route.method === 'get' || OUTSIDE_TRANSACTION.has(id)
            ? await handler(ctx(db))
            : // A creating request and its idempotency record commit together, or not at all.
              await db.transaction(async (tx) => {
                const r = await handler(ctx(joined(db, tx)));
                if (key !== undefined && r.status < 300) await completeKey(tx, scope, key, withoutRateLimit(r));
                return r;
              });
      } catch (error) {
        if (key !== undefined) await releaseKey(db, scope, key).catch(() => undefined);
        throw error;
      }
      // Committed: now what must follow only a commit (email) runs, each failure logged alone.
      for (const task of tasks) {
        await task().catch((error: unknown) =>
          log({ time: new Date(now()).toISOString(), level: 'error', msg: 'after-commit task failed', reqId, route: route.path, error: String(error) }),
        );
      }
      return respond(c, route, reply);
    };
  };

  for (const [id, route] of Object.entries(routes) as [RouteId, RouteDef][]) {
    if (route.cacheable) app.use(honoPath(route.path), conditional());
    const own = serve(id, route);
    // Content negotiation (RouteSpec.alternate): an Accept that prefers the alternate's media type
    // to JSON is answered by the alternate operation, on this request (same params and query).
    const alternate = route.alternate;
    const other = alternate && serve(alternate.operationId, routes[alternate.operationId] as RouteDef);
    const types = alternate ? ['application/json', alternate.mediaType] : [];
    app.on(
      route.method.toUpperCase(),
      honoPath(route.path),
      other ? (c) => (accepts(c, { header: 'Accept', supports: types, default: 'application/json' }) === alternate.mediaType ? other(c) : own(c)) : own,
    );
  }

  app.get('/v1/openapi.json', conditional(), (c) => {
    c.set('route', '/v1/openapi.json');
    const response = toResponse({ cacheable: true }, { status: 200, body: openapi() });
    response.headers.set('access-control-allow-origin', '*');
    return response;
  });
  let openapiDoc: Record<string, unknown> | undefined;
  const openapi = () => (openapiDoc ??= buildOpenApi());

  if (opts.docs) {
    // Rendered once, from the same document as /v1/openapi.json.
    let html: string | undefined;
    const page = (body: string, type: string) =>
      new Response(body, { headers: { 'content-type': type, 'content-security-policy': DOCS_CSP, 'cache-control': 'no-cache' } });
    app.get('/docs', (c) => (c.set('route', '/docs'), page((html ??= renderDocs(openapi())), 'text/html; charset=utf-8')));
    app.get('/docs/docs.css', (c) => (c.set('route', '/docs'), page(DOCS_CSS, 'text/css; charset=utf-8')));
  }

  if (opts.cdnDir) {
    const cdn = cdnFiles(opts.cdnDir);
    app.get('/cdn/*', async (c) => (c.set('route', '/cdn/*'), (await cdn(c.req.path, c.req.header('accept-encoding'))) ?? c.notFound()));
  }

  if (opts.demoDir) {
    const dir = opts.demoDir;
    app.get('*', async (c) => {
      c.set('route', 'demo static');
      const found = await staticFile(dir, c.req.path);
      if (found.kind === 'none') return c.notFound();
      if (found.kind === 'redirect') return new Response(null, { status: 301, headers: { location: found.location } });
      return new Response(found.body, {
        headers: {
          'content-type': found.type,
          'cache-control': 'no-cache',
          'content-security-policy': DEMO_CSP,
          'cross-origin-opener-policy': 'same-origin',
        },
      });
    });
  }

  return app;
}

/** A reply as the idempotency store keeps it: a replay must not repeat a past moment's allowance. */
function withoutRateLimit(reply: StoredReply): StoredReply {
  if (!reply.headers) return reply;
  return { ...reply, headers: Object.fromEntries(Object.entries(reply.headers).filter(([name]) => !isRateLimitHeader(name))) };
}

/** Why a reply breaks the route's contract (status not declared, body not its schema), or undefined. */
function replyBreach(route: RouteDef, reply: StoredReply): string | undefined {
  const def = route.responses[reply.status];
  if (!def) return `${route.operationId} does not declare status ${reply.status}`;
  if (!def.schema) return reply.body === undefined ? undefined : `${route.operationId} ${reply.status} has no body in the contract`;
  const parsed = z.safeParse(def.schema, reply.body);
  return parsed.success ? undefined : `${route.operationId} ${reply.status}: ${JSON.stringify(toValidationIssues(parsed.error.issues))}`;
}

/** A handler's reply as a Response: JSON, cacheable routes for a minute (their ETag comes from `conditional`). */
function toResponse(route: Pick<RouteDef, 'cacheable'> & { responses?: RouteDef['responses'] }, reply: StoredReply, status?: number): Response {
  const headers = new Headers(reply.headers);
  if (reply.body === undefined) {
    if (!headers.has('cache-control')) headers.set('cache-control', 'no-store');
    return new Response(null, { status: reply.status, headers });
  }
  // A text document (the Atom feed, CSV) goes as it is, with its media type.
  const mediaType = status === undefined ? undefined : route.responses?.[status]?.mediaType;
  const json = mediaType ? String(reply.body) : JSON.stringify(reply.body);
  if (!mediaType) headers.set('content-type', 'application/json; charset=utf-8');
  else if (!headers.has('content-type')) headers.set('content-type', `${mediaType}; charset=utf-8`);
  if (route.cacheable && reply.status === 200) {
    if (!headers.has('cache-control')) headers.set('cache-control', DEFAULT_CACHE);
    // Hashed here, synchronously, from the string in hand: Hono's etag() would tee the body stream
    // and hash it on WebCrypto's thread pool, the largest cost of a cached GET in the profile.
    if (!headers.has('etag')) headers.set('etag', `"${createHash('sha1').update(json).digest('hex')}"`);
  } else if (!headers.has('cache-control')) {
    headers.set('cache-control', 'no-store');
  }
  return new Response(json, { status: reply.status, headers });
}
