// Issue 8, the authorization matrix: every staff route of the contract, each with no token, a
// malformed one, another council's, a revoked one, and an editor on an admin action; and nothing
// of another council visible to a valid token. The route list comes from the contract, so a new
// staff route is in the matrix without editing this file.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { PROBLEM_TYPES, routes, type RouteDef, type RouteId } from '@civicloop/contract';
import { testBankConfig } from '../../../tests/support/contact-bank.js';
import { createCouncil } from './councils.js';
import type { RunningServer } from './server.js';
import { createService } from './services.js';
import { createStaffToken } from './staff-tokens.js';
import { call, revokeToken } from './testing/api.js';
import { forEachEngine, startTestServer } from './testing/engines.js';

/** A valid body for each staff route that takes one, so only the token decides the answer. */
const BODIES: Partial<Record<RouteId, unknown>> = {
  createStaffFeedback: { kind: 'idea', text: 'Heard at the desk', channel: 'phone' },
  updateStaffFeedback: { status: 'in-review' },
  createReply: { text: 'Thank you.' },
  createTheme: { title: 'T', youSaid: 'Y', locale: 'en' },
  updateTheme: { title: 'T2' },
  createThemeUpdate: { text: 'An update.' },
  createActivity: { title: 'A workshop', format: 'workshop', startsAt: '2026-06-01T10:00:00Z', text: 'About the library.', locale: 'en' },
  createInvitations: {},
  updateCouncilSettings: { reachThreshold: 6 },
  saveService: { name: { en: 'Libraries' }, category: 'culture' },
};

const staffRoutes = (Object.values(routes) as RouteDef[]).filter((r) => r.auth === 'staff');

forEachEngine((engine) => {
  let server: RunningServer;
  const tokens: Record<string, string> = {};
  /** The resources of each council: `{id}` of feedback routes and of theme routes. */
  const own = { feedback: '', theme: '', activity: '' };
  const theirs = { feedback: '', theme: '', activity: '' };

  before(async () => {
    server = await startTestServer(engine);
    for (const slug of ['alpha', 'beta']) {
      await createCouncil(server.db, { slug, name: slug, origins: [], contactBank: testBankConfig() });
      await createService(server.db, { council: slug, id: 'libraries', name: { en: 'Libraries' }, category: 'culture' });
      for (const role of ['editor', 'admin'] as const) tokens[`${slug}-${role}`] = await createStaffToken(server.db, { council: slug, role, label: `${slug}-${role}` });
    }
    tokens['alpha-revoked'] = await createStaffToken(server.db, { council: 'alpha', role: 'admin', label: 'alpha-revoked' });
    await revokeToken(server, 'alpha', 'alpha-revoked');
    for (const [slug, into] of [['alpha', own], ['beta', theirs]] as const) {
      const token = tokens[`${slug}-admin`]!;
      const f = await call(server, 'POST', `/v1/councils/${slug}/staff/feedback`, { token, body: { kind: 'idea', text: `${slug} input`, channel: 'phone' } });
      into.feedback = f.body.id;
      const t = await call(server, 'POST', `/v1/councils/${slug}/staff/themes`, { token, body: { title: `${slug} theme`, youSaid: 'y', locale: 'en', feedbackIds: [f.body.id] } });
      into.theme = t.body.id;
      const a = await call(server, 'POST', `/v1/councils/${slug}/staff/activities`, { token, body: { ...(BODIES.createActivity as object), title: `${slug} activity` } });
      into.activity = a.body.id;
    }
  });
  after(() => server.close());

  const pathOf = (route: RouteDef, council: string, ids: typeof own) =>
    route.path.replace('{council}', council).replace('{service}', 'libraries').replace('{id}', route.path.includes('/themes/') ? ids.theme : route.path.includes('/activities/') ? ids.activity : ids.feedback);
  const send = (route: RouteDef, opts: { token?: string; authorization?: string; council?: string; ids?: typeof own }) =>
    call(server, route.method.toUpperCase(), pathOf(route, opts.council ?? 'alpha', opts.ids ?? own), {
      ...(BODIES[route.operationId as RouteId] !== undefined ? { body: BODIES[route.operationId as RouteId] } : {}),
      ...(opts.token !== undefined ? { token: opts.token } : {}),
      ...(opts.authorization !== undefined ? { headers: { authorization: opts.authorization } } : {}),
    });

  test('the matrix covers every staff route of the contract, admin-only ones marked', () => {
    assert.ok(staffRoutes.length >= 10, `${staffRoutes.length} staff routes`);
    assert.deepEqual(staffRoutes.filter((r) => r.admin).map((r) => r.operationId).sort(), ['listAudit', 'publishTheme', 'saveService', 'updateCouncilSettings']);
  });

  test('no token, a malformed one, an unknown one, a revoked one: 401 with WWW-Authenticate, and nothing changed', async () => {
    const before = await server.db.query("SELECT (SELECT count(*) FROM audit_log)::int AS audit, (SELECT count(*) FROM feedback)::int AS feedback, (SELECT count(*) FROM themes)::int AS themes");
    for (const route of staffRoutes) {
      for (const [what, opts] of [
        ['no token', {}],
        ['Basic auth', { authorization: 'Basic YWRtaW46YWRtaW4=' }],
        ['Bearer and nothing', { authorization: 'Bearer' }],
        ['two words', { authorization: `Bearer ${tokens['alpha-admin']} extra` }],
        ['unknown token', { token: 'clst_' + 'A'.repeat(43) }],
        ['revoked token', { token: tokens['alpha-revoked']! }],
      ] as const) {
        const res = await send(route, opts);
        assert.equal(res.status, 401, `${route.operationId}, ${what}: ${res.status}`);
        assert.equal(res.body.type, PROBLEM_TYPES.unauthorized);
        assert.equal(res.headers.get('www-authenticate'), 'Bearer');
      }
    }
    const afterCounts = await server.db.query("SELECT (SELECT count(*) FROM audit_log)::int AS audit, (SELECT count(*) FROM feedback)::int AS feedback, (SELECT count(*) FROM themes)::int AS themes");
    assert.deepEqual(afterCounts.rows, before.rows);
  });

  test("another council's token: 403 on every staff route, editor or admin", async () => {
    for (const route of staffRoutes) {
      for (const token of [tokens['beta-editor']!, tokens['beta-admin']!]) {
        const res = await send(route, { token });
        assert.equal(res.status, 403, `${route.operationId}: ${res.status}`);
        assert.equal(res.body.type, PROBLEM_TYPES.forbidden);
      }
    }
  });

  test('an editor on an admin action: 403; an admin: allowed', async () => {
    for (const route of staffRoutes.filter((r) => r.admin)) {
      const res = await send(route, { token: tokens['alpha-editor']! });
      assert.equal(res.status, 403, `${route.operationId}: ${res.status}`);
      const ok = await send(route, { token: tokens['alpha-admin']! });
      assert.equal(ok.status, 200, `${route.operationId} as admin: ${ok.status} ${JSON.stringify(ok.body)}`);
    }
    // The theme is published now: editing it is an admin action too.
    const patch = staffRoutes.find((r) => r.operationId === 'updateTheme')!;
    assert.equal((await send(patch, { token: tokens['alpha-editor']! })).status, 403);
    assert.equal((await send(patch, { token: tokens['alpha-admin']! })).status, 200);
  });

  test("nothing of another council is ever visible: its ids are 404 here, its items never listed", async () => {
    for (const route of staffRoutes.filter((r) => r.path.includes('{id}'))) {
      const res = await send(route, { token: tokens['alpha-admin']!, ids: theirs });
      assert.equal(res.status, 404, `${route.operationId}: ${res.status}`);
    }
    const text = JSON.stringify(
      await Promise.all(
        staffRoutes
          .filter((r) => r.method === 'get')
          .map(async (r) => (await call(server, 'GET', pathOf(r, 'alpha', own), { token: tokens['alpha-admin']! })).body),
      ),
    );
    for (const id of [theirs.feedback, theirs.theme, theirs.activity, 'beta input', 'beta theme', 'beta activity', 'beta-admin']) assert.ok(!text.includes(id), `alpha sees ${id}`);
    assert.ok(text.includes(own.feedback) && text.includes(own.theme) && text.includes(own.activity));
    // Public routes of alpha never show beta's published theme either.
    await call(server, 'POST', `/v1/councils/beta/staff/themes/${theirs.theme}/publish`, { token: tokens['beta-admin']! });
    assert.equal((await call(server, 'GET', `/v1/councils/alpha/themes/${theirs.theme}`)).status, 404);
    const pub = JSON.stringify((await call(server, 'GET', '/v1/councils/alpha/themes')).body);
    assert.ok(!pub.includes(theirs.theme));
  });
});
