import { routes, Slug, toValidationIssues, type RouteDef, type RouteId } from '@civicloop/contract';
import { buildOpenApi } from '@civicloop/contract/openapi';
import { getConnInfo } from '@hono/node-server/conninfo';
import { Hono, type Context } from 'hono';
import { createHash, randomUUID } from 'node:crypto';
import { z } from 'zod/mini';
import { en } from 'zod/locales';
import { readJsonBody } from './body.js';
import type { Handlers, Reply, RequestContext, StaffIdentity } from './context.js';
import { councilHandlers, loadCouncil, type CouncilRow } from './councils.js';
import type { Database, Queryable } from './db/driver.js';
import { HttpProblem } from './errors/http-problem.js';
import { challengeHandlers } from './challenges.js';
import { feedbackHandlers } from './feedback.js';
import { healthHandlers } from './health.js';
import { claimKey, completeKey, readIdempotencyKey, releaseKey, requestHash } from './idempotency.js';
import type { ServerOptions } from './options.js';
import { problemResponse, problems } from './problems.js';
import {
  BASE_SECURITY_HEADERS,
  CORS_ALLOW_HEADERS,
  CORS_EXPOSE_HEADERS,
  CORS_MAX_AGE,
  DEMO_CSP,
  DOCS_CSP,
} from './security.js';
import { serviceHandlers } from './services.js';
import { authenticateStaff } from './staff-tokens.js';
import { DOCS_CSS, renderDocs } from './docs.js';
import { cdnFiles, staticFile } from './static.js';

// Validation messages are part of 422 bodies: make them readable English once, here.
z.config(en());

type Env = { Variables: { reqId: string; route: string; council: CouncilRow | undefined } };

/** Every handler, by operationId; a route of the contract without one answers 501. */
const handlers: Handlers = { ...healthHandlers, ...councilHandlers, ...serviceHandlers, ...feedbackHandlers, ...challengeHandlers };

/** Public GETs may be cached briefly by browsers and shared caches; revalidation is cheap with the ETag. */
const DEFAULT_CACHE = 'public, max-age=60';

export const defaultLog = (entry: Record<string, unknown>) => process.stdout.write(JSON.stringify(entry) + '\n');

/** `/v1/councils/{council}` -> `/v1/councils/:council` */
const honoPath = (path: string) => path.replace(/\{(\w+)\}/g, ':$1');

const etagOf = (json: string) => `"${createHash('sha256').update(json).digest('base64url').slice(0, 27)}"`;

function matchesEtag(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  if (ifNoneMatch.trim() === '*') return true;
  return ifNoneMatch.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag);
}

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

/**
 * Builds the Hono app: contract routes bound from the route table, plus demo, CDN and docs when
 * asked. `secret` keys address hashes and signs challenges (see `loadSecret`).
 */
export function createApp(db: Database, secret: string, opts: ServerOptions = {}): Hono<Env> {
  const app = new Hono<Env>();
  const log = opts.log ?? defaultLog;
  app.use('*', async (c, next) => {
    const reqId = randomUUID();
    c.set('reqId', reqId);
    const started = performance.now();
    await next();
    // A fresh Response: node-server's lightweight responses do not always carry later header edits.
    const headers = new Headers(c.res.headers);
    for (const [name, value] of Object.entries(BASE_SECURITY_HEADERS)) if (!headers.has(name)) headers.set(name, value);
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

  app.onError((error, c) => {
    if (error instanceof HttpProblem) return problemResponse(error);
    const reqId = c.get('reqId');
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

  app.notFound((c) => problemResponse(problems.notFound(`Nothing at ${c.req.method} ${new URL(c.req.url).pathname}.`)));

  // CORS for tenant-scoped routes: only the council's own listed origins may read its answers.
  app.use('/v1/councils/*', async (c, next) => {
    const segment = c.req.path.split('/')[3] ?? '';
    let slug = '';
    try {
      slug = decodeURIComponent(segment);
    } catch {
      /* not a slug; 404 below */
    }
    const council = z.safeParse(Slug, slug).success ? await loadCouncil(db, slug) : undefined;
    c.set('council', council);
    const origin = c.req.header('origin');
    // An unknown council has no origins to protect: any page may read the 404, so an element
    // with a mistyped council attribute says "not found" instead of failing like a lost network.
    const allowed = origin !== undefined && (council === undefined || council.origins.includes(origin));
    if (c.req.method === 'OPTIONS') {
      c.set('route', 'preflight /v1/councils/{council}/*');
      const headers = new Headers({ vary: 'Origin, Access-Control-Request-Method, Access-Control-Request-Headers' });
      if (allowed) {
        headers.set('access-control-allow-origin', origin);
        headers.set('access-control-allow-methods', 'GET, POST, PATCH, DELETE');
        headers.set('access-control-allow-headers', CORS_ALLOW_HEADERS);
        headers.set('access-control-max-age', CORS_MAX_AGE);
      }
      return new Response(null, { status: 204, headers });
    }
    await next();
    const headers = new Headers(c.res.headers);
    headers.append('vary', 'Origin');
    if (allowed) {
      headers.set('access-control-allow-origin', origin);
      headers.set('access-control-expose-headers', CORS_EXPOSE_HEADERS);
    }
    c.res = new Response(c.res.body, { status: c.res.status, headers });
  });

  for (const route of Object.values(routes) as RouteDef[]) {
    const id = route.operationId as RouteId;
    const handler = handlers[id] as ((ctx: RequestContext) => Promise<Reply>) | undefined;
    app.on(route.method.toUpperCase(), honoPath(route.path), async (c) => {
      c.set('route', route.path);
      if (!handler) throw problems.notImplemented();
      const reqId = c.get('reqId');

      let params: Record<string, unknown> = {};
      if (route.params) {
        const parsed = z.safeParse(route.params, c.req.param());
        // A path that cannot name anything names nothing: 404, not 422.
        if (!parsed.success) throw problems.notFound();
        params = parsed.data as Record<string, unknown>;
      }
      const council = c.get('council');
      if ('council' in params && !council) throw problems.unknownCouncil(String(params['council']));

      let staff: StaffIdentity | undefined;
      if (route.auth === 'staff') staff = await authenticateStaff(db, c.req.header('authorization'), council!);

      let query: unknown = undefined;
      if (route.query) {
        const raw = Object.fromEntries(new URL(c.req.url).searchParams);
        const parsed = z.safeParse(route.query, raw);
        if (!parsed.success) throw problems.validation(toValidationIssues(parsed.error.issues), 'The query string does not match the contract; see errors.');
        query = parsed.data;
      }

      let body: unknown = undefined;
      let rawBody: unknown = undefined;
      if (route.body) {
        rawBody = await readJsonBody(c.req.raw);
        const parsed = z.safeParse(route.body, rawBody);
        if (!parsed.success) throw problems.validation(toValidationIssues(parsed.error.issues));
        body = parsed.data;
      }

      const key = route.idempotent ? readIdempotencyKey(c.req.raw.headers) : undefined;
      const scope = `${council?.slug ?? ''}:${route.operationId}`;
      if (key !== undefined) {
        const claim = await claimKey(db, scope, key, requestHash(route.operationId, new URL(c.req.url).pathname, rawBody));
        if (claim.kind === 'replay') {
          const response = toResponse(c, route, claim.response);
          response.headers.set('idempotency-replayed', 'true');
          return response;
        }
      }

      let reply: Reply;
      try {
        await opts.beforeHandle?.(route.operationId);
        const ctx = (txDb: Database): RequestContext => ({
          db: txDb,
          options: opts,
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
          route.method === 'get'
            ? await handler(ctx(db))
            : // A creating request and its idempotency record commit together, or not at all.
              await db.transaction(async (tx) => {
                const r = await handler(ctx(joined(db, tx)));
                if (key !== undefined && r.status < 300) await completeKey(tx, scope, key, r);
                return r;
              });
      } catch (error) {
        if (key !== undefined) await releaseKey(db, scope, key).catch(() => undefined);
        throw error;
      }
      return toResponse(c, route, reply);
    });
  }

  app.get('/v1/openapi.json', (c) => {
    c.set('route', '/v1/openapi.json');
    const response = toResponse(c, { cacheable: true } as RouteDef, { status: 200, body: openapi() });
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
    app.get('/cdn/*', async (c) => (c.set('route', '/cdn/*'), (await cdn(c.req.path)) ?? c.notFound()));
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

/** A handler's reply as a Response: JSON, and for cacheable routes an ETag with 304 on a match. */
function toResponse(c: Context, route: Pick<RouteDef, 'cacheable' | 'operationId'>, reply: Reply): Response {
  const headers = new Headers(reply.headers);
  if (reply.body === undefined) {
    if (!headers.has('cache-control')) headers.set('cache-control', 'no-store');
    return new Response(null, { status: reply.status, headers });
  }
  const json = JSON.stringify(reply.body);
  headers.set('content-type', 'application/json; charset=utf-8');
  if (route.cacheable && reply.status === 200) {
    const etag = etagOf(json);
    headers.set('etag', etag);
    if (!headers.has('cache-control')) headers.set('cache-control', DEFAULT_CACHE);
    if (matchesEtag(c.req.header('if-none-match'), etag)) {
      headers.delete('content-type');
      return new Response(null, { status: 304, headers });
    }
  } else if (!headers.has('cache-control')) {
    headers.set('cache-control', 'no-store');
  }
  return new Response(json, { status: reply.status, headers });
}
