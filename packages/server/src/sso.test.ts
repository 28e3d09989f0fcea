// Issue 10, single sign-on for council staff, against a real OpenID Connect provider
// (`oidc-provider`) on every engine: the public configuration, the code exchange with PKCE,
// role mapping, refusal of a person with no role, expiry by the server's clock, sign-out,
// editor against admin, and the audit log naming the person.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { PROBLEM_CONTENT_TYPE, PROBLEM_TYPES, type AuditList, type CouncilConfig, type StaffSession } from '@civicloop/contract';
import { createCouncil } from './councils.js';
import type { RunningServer } from './server.js';
import { createStaffToken } from './staff-tokens.js';
import { claimValues, resolveSso, roleFor, setCouncilSso } from './sso.js';
import { call } from './testing/api.js';
import { forEachEngine, startTestServer, testClock } from './testing/engines.js';
import { authorizeAt, pkce, startTestProvider, type TestProvider } from './testing/oidc-provider.js';

const SESSION_MINUTES = 60;

test('role mapping: a claim by dotted path, a string or a list, admin winning over editor', () => {
  const sso = { roleClaim: 'realm_access.roles', roles: { editor: ['staff'], admin: ['leads'] } };
  assert.deepEqual(claimValues({ realm_access: { roles: ['staff', 7] } }, 'realm_access.roles'), ['staff']);
  assert.equal(roleFor(sso, { realm_access: { roles: ['staff'] } }), 'editor');
  assert.equal(roleFor(sso, { realm_access: { roles: ['staff', 'leads'] } }), 'admin');
  assert.equal(roleFor({ ...sso, roleClaim: 'role' }, { role: 'leads' }), 'admin');
  assert.equal(roleFor(sso, { realm_access: { roles: ['visitors'] } }), undefined);
  assert.equal(roleFor(sso, {}), undefined);
});

forEachEngine((engine) => {
  let server: RunningServer;
  let provider: TestProvider;
  let staffToken: string;
  const clock = testClock();
  const base = '/v1/councils/ssoton';
  let redirectUri: string;
  let inputId: string;

  before(async () => {
    server = await startTestServer(engine, { now: clock.now });
    redirectUri = `${server.url}/console?council=ssoton`;
    provider = await startTestProvider(
      {
        ewa: { name: 'Ewa Kowalska', groups: ['civicloop-editors', 'everyone'] },
        anna: { name: 'Anna Nowak', groups: ['civicloop-admins'] },
        visitor: { name: 'Vic Visitor', groups: ['everyone'] },
      },
      [redirectUri],
    );
    await createCouncil(server.db, { slug: 'ssoton', name: 'Ssoton', origins: [] });
    await createCouncil(server.db, { slug: 'plainton', name: 'Plainton', origins: [] });
    await setCouncilSso(
      server.db,
      'ssoton',
      await resolveSso({
        issuer: provider.issuer,
        clientId: provider.clientId,
        clientSecret: provider.clientSecret,
        label: 'Ssoton staff login',
        scopes: provider.scopes,
        roleClaim: 'groups',
        roles: { editor: ['civicloop-editors'], admin: ['civicloop-admins'] },
        sessionMinutes: SESSION_MINUTES,
      }),
    );
    staffToken = await createStaffToken(server.db, { council: 'ssoton', role: 'editor', label: 'Front desk' });
    const input = await call(server, 'POST', `${base}/staff/feedback`, { token: staffToken, body: { kind: 'idea', text: 'Open the library on Sundays', channel: 'phone' } });
    assert.equal(input.status, 201);
    inputId = input.body.id;
  });
  after(async () => {
    await server.close();
    await provider.close();
  });

  /** A whole sign-in: at the provider as `login`, then the code to the server. */
  async function signIn(login: string, tamper: { nonce?: string; verifier?: string } = {}) {
    const p = pkce();
    const { code, state } = await authorizeAt(provider, { login, redirectUri, challenge: p.challenge, state: p.state, nonce: p.nonce });
    assert.equal(state, p.state, 'the provider sends the state back');
    return call<StaffSession>(server, 'POST', `${base}/staff/sessions`, {
      body: { code, codeVerifier: tamper.verifier ?? p.verifier, redirectUri, nonce: tamper.nonce ?? p.nonce },
    });
  }

  test('the public configuration offers single sign-on with what the console needs, and nothing secret', async () => {
    const res = await call<CouncilConfig>(server, 'GET', base);
    assert.equal(res.status, 200);
    const discovery = await (await fetch(`${provider.issuer}/.well-known/openid-configuration`)).json();
    assert.deepEqual(res.body.sso, {
      label: 'Ssoton staff login',
      issuer: provider.issuer,
      authorizationEndpoint: discovery.authorization_endpoint,
      clientId: provider.clientId,
      scopes: ['openid', 'profile', 'groups'],
    });
    assert.ok(!JSON.stringify(res.body).includes(provider.clientSecret), 'the client secret never leaves the server');
    const plain = await call<CouncilConfig>(server, 'GET', '/v1/councils/plainton');
    assert.equal(plain.body.sso, undefined);
  });

  test('an editor signs in: a session with their role, name and expiry, which staff routes accept', async () => {
    const res = await signIn('ewa');
    assert.equal(res.status, 201, JSON.stringify(res.body));
    assert.equal(res.body.role, 'editor');
    assert.deepEqual(res.body.person, { subject: 'ewa', name: 'Ewa Kowalska' });
    assert.match(res.body.token, /^clss_[A-Za-z0-9_-]{43}$/);
    assert.equal(res.body.expiresAt, new Date(clock.now() + SESSION_MINUTES * 60_000).toISOString());
    const { rows } = await server.db.query<{ n: number }>('SELECT count(*)::int AS n FROM staff_sessions WHERE token_hash = $1 OR token_hash LIKE $2', [res.body.token, 'clss_%']);
    assert.equal(rows[0]!.n, 0, 'only a hash of the token is stored');
    const inbox = await call(server, 'GET', `${base}/staff/feedback`, { token: res.body.token });
    assert.equal(inbox.status, 200);
    assert.ok(inbox.body.items.some((i: { id: string }) => i.id === inputId));
    // Another council does not take it.
    const other = await call(server, 'GET', '/v1/councils/plainton/staff/feedback', { token: res.body.token });
    assert.equal(other.status, 403);
  });

  test('a person whose claims map to no role is refused with a 403 problem, and no session is made', async () => {
    const { rows: before } = await server.db.query<{ n: number }>('SELECT count(*)::int AS n FROM staff_sessions');
    const res = await signIn('visitor');
    assert.equal(res.status, 403);
    assert.equal(res.headers.get('content-type'), PROBLEM_CONTENT_TYPE);
    assert.equal((res.body as unknown as { type: string }).type, PROBLEM_TYPES.forbidden);
    assert.match((res.body as unknown as { detail: string }).detail, /Vic Visitor.*no|none of your "groups"/);
    const { rows: afterwards } = await server.db.query<{ n: number }>('SELECT count(*)::int AS n FROM staff_sessions');
    assert.equal(afterwards[0]!.n, before[0]!.n);
  });

  test('a wrong nonce, a wrong PKCE verifier or a code used twice: 401, never a session', async () => {
    const nonce = await signIn('ewa', { nonce: 'not-the-nonce-of-this-sign-in' });
    assert.equal(nonce.status, 401);
    assert.match((nonce.body as unknown as { detail: string }).detail, /nonce/);
    const verifier = await signIn('ewa', { verifier: 'x'.repeat(43) });
    assert.equal(verifier.status, 401);
    assert.match((verifier.body as unknown as { detail: string }).detail, /invalid_grant/);
    const p = pkce();
    const { code } = await authorizeAt(provider, { login: 'anna', redirectUri, challenge: p.challenge, state: p.state, nonce: p.nonce });
    const body = { code, codeVerifier: p.verifier, redirectUri, nonce: p.nonce };
    assert.equal((await call(server, 'POST', `${base}/staff/sessions`, { body })).status, 201);
    assert.equal((await call(server, 'POST', `${base}/staff/sessions`, { body })).status, 401);
    // A council without single sign-on has no sessions to make.
    assert.equal((await call(server, 'POST', '/v1/councils/plainton/staff/sessions', { body })).status, 404);
  });

  test('editor against admin on the admin-only audit log; the log names the person of a session and no one for a staff token', async () => {
    const ewa = (await signIn('ewa')).body;
    const anna = (await signIn('anna')).body;
    assert.equal(anna.role, 'admin');
    const changed = await call(server, 'PATCH', `${base}/staff/feedback/${inputId}`, { token: ewa.token, body: { status: 'in-review' } });
    assert.equal(changed.status, 200);
    assert.equal((await call(server, 'PATCH', `${base}/staff/feedback/${inputId}`, { token: staffToken, body: { status: 'closed' } })).status, 200);
    assert.equal((await call(server, 'GET', `${base}/staff/audit`, { token: ewa.token })).status, 403);
    const log = await call<AuditList>(server, 'GET', `${base}/staff/audit?action=feedback.update&subject=${inputId}`, { token: anna.token });
    assert.equal(log.status, 200);
    const [byToken, bySession] = log.body.items;
    assert.deepEqual(bySession!.actor.person, { subject: 'ewa', name: 'Ewa Kowalska' });
    assert.equal(bySession!.actor.role, 'editor');
    assert.equal(bySession!.actor.label, null);
    assert.deepEqual(bySession!.after, { status: 'in-review' });
    assert.equal(byToken!.actor.person, null);
    assert.equal(byToken!.actor.label, 'Front desk');
  });

  test('sign-out ends the session on the server; a staff token is not a session to end', async () => {
    const anna = (await signIn('anna')).body;
    assert.equal((await call(server, 'DELETE', `${base}/staff/sessions/current`, { token: anna.token })).status, 204);
    const after = await call(server, 'GET', `${base}/staff/audit`, { token: anna.token });
    assert.equal(after.status, 401);
    assert.match(after.body.detail, /signing out/);
    assert.equal((await call(server, 'DELETE', `${base}/staff/sessions/current`, { token: anna.token })).status, 401);
    assert.equal((await call(server, 'DELETE', `${base}/staff/sessions/current`, { token: staffToken })).status, 403);
    assert.equal((await call(server, 'GET', `${base}/staff/feedback`, { token: staffToken })).status, 200);
  });

  // After this test the server's clock is ahead of the provider's: ID tokens it issues now are already expired here.
  test('a session expires by the server clock: accepted a millisecond before, then 401 saying it expired', async () => {
    const ewa = (await signIn('ewa')).body;
    clock.advance(SESSION_MINUTES * 60_000 - 1);
    assert.equal((await call(server, 'GET', `${base}/staff/feedback`, { token: ewa.token })).status, 200);
    clock.advance(1);
    const res = await call(server, 'GET', `${base}/staff/feedback`, { token: ewa.token });
    assert.equal(res.status, 401);
    assert.equal(res.headers.get('www-authenticate'), 'Bearer');
    assert.equal(res.body.type, PROBLEM_TYPES.unauthorized);
    assert.match(res.body.detail, /session expired/);
    // Staff tokens do not expire with it.
    assert.equal((await call(server, 'GET', `${base}/staff/feedback`, { token: staffToken })).status, 200);
  });

  test('sign-in attempts are limited per client address, refused ones included: 429 with Retry-After, and the next hour it asks the provider again', async () => {
    const clock2 = testClock();
    const limited = await startTestServer(engine, { now: clock2.now, limits: { signInsPerClientPerHour: 2 } });
    try {
      await createCouncil(limited.db, { slug: 'ssoton', name: 'Ssoton', origins: [] });
      await setCouncilSso(limited.db, 'ssoton', await resolveSso({ issuer: provider.issuer, clientId: provider.clientId, clientSecret: provider.clientSecret, roleClaim: 'groups', roles: { editor: ['civicloop-editors'], admin: [] } }));
      const p = pkce();
      const attempt = () => call(limited, 'POST', `${base}/staff/sessions`, { body: { code: 'not-a-code-the-provider-gave', codeVerifier: p.verifier, redirectUri, nonce: p.nonce } });
      // Two codes the provider refuses: each asked it, each counts.
      assert.equal((await attempt()).status, 401);
      assert.equal((await attempt()).status, 401);
      const refused = await attempt();
      assert.equal(refused.status, 429);
      assert.equal(refused.body.type, PROBLEM_TYPES.rateLimited);
      assert.match(refused.body.detail, /limit of 2 sign-ins an hour/);
      assert.ok(Number(refused.headers.get('retry-after')) > 0);
      clock2.advance(3_600_000);
      assert.equal((await attempt()).status, 401, 'a new hour: the provider is asked again');
    } finally {
      await limited.close();
    }
  });

  test("a provider that cannot be reached: 503 with Retry-After, in words for people, without the server's own error", async () => {
    const down = await startTestServer(engine);
    try {
      await createCouncil(down.db, { slug: 'ssoton', name: 'Ssoton', origins: [] });
      // Port 9 (discard) has no listener here: the discovery request fails to connect.
      await setCouncilSso(down.db, 'ssoton', await resolveSso({ issuer: 'http://127.0.0.1:9/', authorizationEndpoint: 'http://127.0.0.1:9/auth', clientId: 'x', roleClaim: 'groups', roles: { editor: ['e'], admin: [] } }));
      const p = pkce();
      const res = await call(down, 'POST', `${base}/staff/sessions`, { body: { code: 'c', codeVerifier: p.verifier, redirectUri, nonce: p.nonce } });
      assert.equal(res.status, 503);
      assert.equal(res.headers.get('retry-after'), '60');
      assert.match(res.body.detail, /identity provider cannot be reached\. Try again in a minute/);
      assert.doesNotMatch(res.body.detail, /TypeError|fetch failed|ECONNREFUSED/);
    } finally {
      await down.close();
    }
  });

  test('turning single sign-on off removes it from the public configuration and refuses new sign-ins', async () => {
    await setCouncilSso(server.db, 'ssoton', null);
    assert.equal((await call<CouncilConfig>(server, 'GET', base)).body.sso, undefined);
    assert.equal((await signIn('ewa')).status, 404);
  });
});
