// Issue 7, "no 5xx on any input": every text field of every route, the path and the query, with
// the characters PostgreSQL cannot store (NUL) and lone surrogates. Each is a 4xx naming what
// was refused, never a 500 saying "nothing you sent is at fault". Runs on every engine.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { PROBLEM_TYPES, routes, type RouteDef, type RouteId } from '@civicloop/contract';
import * as z from 'zod/mini';
import { testBankConfig } from '../../../tests/support/contact-bank.js';
import { createCouncil } from './councils.js';
import type { Mail } from './mail/mailer.js';
import type { RunningServer } from './server.js';
import { createService } from './services.js';
import { createStaffToken } from './staff-tokens.js';
import { resolveSso, setCouncilSso } from './sso.js';
import { forEachEngine, startTestServer } from './testing/engines.js';
import { authorizeAt, pkce, startTestProvider, type TestProvider } from './testing/oidc-provider.js';

/** What PostgreSQL refuses in text and jsonb, and what JSON can carry that is no character. */
const BAD = ['\u0000', '\ud800', '\udfff', '\udc00\ud800'];

/** A valid body per route with a body, every optional text field filled, so each can be spoiled. */
const SAMPLES: Partial<Record<RouteId, Record<string, unknown>>> = {
  createFeedback: {
    kind: 'idea',
    text: 'More benches by the river',
    service: 'libraries',
    rating: 4,
    pageUrl: 'https://fuzzton.example/parks',
    followUrl: 'https://fuzzton.example/you-said-we-did',
    locale: 'en',
    contact: 'ana@example.org',
    website: '',
    elapsedMs: 5000,
    proof: { challenge: 'a.b.c', nonce: 'n1' },
  },
  createStaffFeedback: {
    kind: 'problem',
    text: 'Heard at the desk',
    service: 'libraries',
    rating: 2,
    pageUrl: 'https://fuzzton.example/desk',
    followUrl: 'https://fuzzton.example/you-said-we-did',
    locale: 'pl',
    contact: 'ola@example.org',
    website: '',
    elapsedMs: 0,
    proof: { challenge: 'a.b.c', nonce: 'n1' },
    channel: 'petition',
    sourceUrl: 'https://petitions.fuzzton.example/benches',
  },
  updateStaffFeedback: { status: 'in-review', themeIds: [] },
  createReply: { text: 'Thank you, we are looking into it.' },
  // What the council has already: the fuzz never changes it into something else.
  updateCouncilSettings: { name: 'Fuzzton', defaultLocale: 'en', openLicence: 'CC-BY-4.0' },
  saveService: { name: { en: 'Libraries' }, category: 'culture' },
  createTheme: {
    title: 'Benches by the river',
    youSaid: 'More places to sit.',
    weDid: 'Ten benches ordered.',
    status: 'planned',
    statusReason: 'Budget approved.',
    service: 'libraries',
    locale: 'en',
    feedbackIds: [],
  },
  updateTheme: { title: 'Benches', youSaid: 'Places to sit.', weDid: 'Ordered.', status: 'done', statusReason: 'Installed.', service: 'libraries', locale: 'pl' },
  createThemeUpdate: { text: 'The benches are installed.', status: 'done' },
  createContact: {
    kind: 'association',
    organisation: 'River Friends',
    name: 'Ana',
    email: 'ana.bank@example.org',
    phone: '+48 600 100 200',
    district: 'north',
    services: ['libraries'],
    categories: ['culture'],
    formats: ['workshop'],
    languages: ['en'],
    accessibility: ['hearing-loop'],
    accessibilityNote: 'A seat near the front',
    ageBand: '25-34',
    locale: 'en',
    consent: { version: 'v1', purposes: ['invitations'] },
    pageUrl: 'https://fuzzton.example/join',
    via: 'p1.none',
    website: '',
    elapsedMs: 5000,
    proof: { challenge: 'a.b.c', nonce: 'n1' },
  },
  // The token is filled in before the tests, from the confirmation mail.
  confirmContact: { token: '' },
  updateMyContact: { kind: 'resident', organisation: null, locale: 'pl', formats: ['survey'], consent: { version: 'v1', purposes: ['invitations', 'news'] } },
  answerInvitation: { answer: 'yes' },
  createActivity: { title: 'Bench walk', format: 'workshop', startsAt: '2026-06-01T10:00:00Z', endsAt: '2026-06-01T12:00:00Z', place: 'River park', url: 'https://meet.fuzzton.example/a', text: 'Two hours.', locale: 'en' },
  createInvitations: { interest: 'culture', district: 'north', kind: 'resident', language: 'en', accessibility: 'hearing-loop', max: 5 },
  // Filled in before the tests with a code from a real provider (good for one exchange).
  createStaffSession: { code: '', codeVerifier: '', redirectUri: '', nonce: '' },
};

/** Body text fields of each route, counted so that none is silently skipped. */
const FIELD_COUNTS: Partial<Record<RouteId, number>> = {
  // A resident's input: kind, text, service, pageUrl, followUrl, locale, contact, website, proof.challenge, proof.nonce.
  createFeedback: 10,
  // The same, with channel and sourceUrl.
  createStaffFeedback: 12,
  updateStaffFeedback: 1,
  createReply: 1,
  createTheme: 7,
  // Nullable fields (weDid, statusReason, service) are refused by their own schema the same way, but are not plain strings here.
  updateTheme: 4,
  createThemeUpdate: 2,
  // kind, organisation, name, email, phone, district, accessibilityNote, ageBand, locale, consent.version, pageUrl, via, website, proof.challenge, proof.nonce.
  createContact: 15,
  confirmContact: 1,
  // kind, locale, consent.version (the nullable ones are refused by their own schema the same way).
  updateMyContact: 3,
  answerInvitation: 1,
  createActivity: 8,
  createInvitations: 5,
  createStaffSession: 4,
  // name, defaultLocale, openLicence (origins, texts and the bank are lists, records or nullable: refused by their own schemas).
  updateCouncilSettings: 3,
  // category (the name is a record by locale).
  saveService: 1,
};

type JsonSchema = { type?: string; enum?: unknown[]; properties?: Record<string, JsonSchema> };

/** JSON Pointers of every string field (enums included) of a body schema, nested objects too. */
function textFields(schema: JsonSchema, at = ''): string[] {
  return Object.entries(schema.properties ?? {}).flatMap(([name, s]) =>
    s.type === 'object' ? textFields(s, `${at}/${name}`) : s.type === 'string' || (s.enum ?? []).some((v) => typeof v === 'string') ? [`${at}/${name}`] : [],
  );
}

function withValue(body: Record<string, unknown>, pointer: string, value: string): Record<string, unknown> {
  const copy = structuredClone(body);
  const keys = pointer.slice(1).split('/');
  let node = copy as Record<string, unknown>;
  for (const k of keys.slice(0, -1)) node = node[k] as Record<string, unknown>;
  node[keys.at(-1)!] = value;
  return copy;
}
function valueAt(body: Record<string, unknown>, pointer: string): string {
  return pointer.slice(1).split('/').reduce<unknown>((n, k) => (n as Record<string, unknown>)[k], body) as string;
}

forEachEngine((engine) => {
  let server: RunningServer;
  let token: string;
  /** Path parameters besides the council: an input and a theme that exist. */
  const ids: Record<string, string> = {};
  /** A contact's tokens (manage, invitation), from the mails the server sent. */
  const contactTokens: Record<string, string> = {};
  const mails: Mail[] = [];
  let provider: TestProvider;
  before(async () => {
    server = await startTestServer(engine, { mailer: { send: async (m) => void mails.push(m), close: () => {} } });
    await createCouncil(server.db, { slug: 'fuzzton', name: 'Fuzzton', origins: ['https://fuzzton.example'], contactBank: testBankConfig() });
    await createService(server.db, { council: 'fuzzton', id: 'libraries', name: { en: 'Libraries' }, category: 'culture' });
    // An admin: every staff route is reached, so its input is what is judged.
    token = await createStaffToken(server.db, { council: 'fuzzton', role: 'admin' });
    const auth = { 'content-type': 'application/json', authorization: `Bearer ${token}` };
    const input = await fetch(`${server.url}/v1/councils/fuzzton/staff/feedback`, { method: 'POST', headers: auth, body: JSON.stringify({ kind: 'idea', text: 'x', channel: 'phone' }) });
    ids['feedback'] = ((await input.json()) as { id: string }).id;
    const theme = await fetch(`${server.url}/v1/councils/fuzzton/staff/themes`, { method: 'POST', headers: auth, body: JSON.stringify({ title: 't', youSaid: 'y', locale: 'en' }) });
    ids['theme'] = ((await theme.json()) as { id: string }).id;
    // The contact bank: an entry, confirmed, invited to an activity; its tokens come from the mails.
    const fromMail = (name: string) => new RegExp(`#${name}=([A-Za-z0-9._-]+)`).exec(mails.map((m) => m.text).join('\n'))![1]!;
    const json = { 'content-type': 'application/json' };
    await fetch(`${server.url}/v1/councils/fuzzton/contacts`, { method: 'POST', headers: json, body: JSON.stringify({ ...SAMPLES.createContact, email: 'bea@example.org', kind: 'resident', proof: undefined }) });
    SAMPLES.confirmContact = { token: fromMail('token') };
    const confirmed = await fetch(`${server.url}/v1/councils/fuzzton/contacts/confirm`, { method: 'POST', headers: json, body: JSON.stringify(SAMPLES.confirmContact) });
    contactTokens['manage'] = ((await confirmed.json()) as { manageToken: string }).manageToken;
    const activity = await fetch(`${server.url}/v1/councils/fuzzton/staff/activities`, { method: 'POST', headers: auth, body: JSON.stringify(SAMPLES.createActivity) });
    ids['activity'] = ((await activity.json()) as { id: string }).id;
    await fetch(`${server.url}/v1/councils/fuzzton/staff/activities/${ids['activity']}/invitations`, { method: 'POST', headers: auth, body: '{}' });
    contactTokens['invitation'] = fromMail('invitation');
    // Single sign-on: a code from a real provider for an editor, so the sample signs in once.
    const redirectUri = `${server.url}/console/`;
    provider = await startTestProvider({ fuzz: { name: 'Fuzz', groups: ['editors'] } }, [redirectUri]);
    await setCouncilSso(server.db, 'fuzzton', await resolveSso({ issuer: provider.issuer, clientId: provider.clientId, clientSecret: provider.clientSecret, scopes: provider.scopes, roleClaim: 'groups', roles: { editor: ['editors'], admin: [] } }));
    const p = pkce();
    const { code } = await authorizeAt(provider, { login: 'fuzz', redirectUri, challenge: p.challenge, state: p.state, nonce: p.nonce });
    SAMPLES.createStaffSession = { code, codeVerifier: p.verifier, redirectUri, nonce: p.nonce };
  });
  after(async () => {
    await server.close();
    await provider?.close();
  });

  const url = (route: RouteDef, params: Record<string, string>) => {
    const id = route.path.includes('/themes/') ? ids['theme']! : route.path.includes('/activities/') ? ids['activity']! : ids['feedback']!;
    return server.url + route.path.replace(/\{(\w+)\}/g, (_, n: string) => params[n] ?? (n === 'id' ? id : n === 'service' ? 'libraries' : ''));
  };
  const headersOf = (route: RouteDef): Record<string, string> => ({
    'content-type': 'application/json',
    ...(route.auth === 'staff' ? { authorization: `Bearer ${token}` } : {}),
    ...(route.auth === 'contact' ? { authorization: `Bearer ${contactTokens[route.path.endsWith('/invitation') ? 'invitation' : 'manage']}` } : {}),
  });

  test('every route with a body has a sample here, so a new route cannot skip the fuzz', () => {
    for (const [id, route] of Object.entries(routes) as [RouteId, RouteDef][]) if (route.body) assert.ok(SAMPLES[id], `${id} needs a sample`);
  });

  test('the samples are valid: each spoiled field below is the only fault', async () => {
    for (const [id, route] of Object.entries(routes) as [RouteId, RouteDef][]) {
      const sample = SAMPLES[id];
      if (!route.body || !sample) continue;
      const { proof: _p, ...body } = sample;
      const res = await fetch(url(route, { council: 'fuzzton' }), { method: route.method.toUpperCase(), headers: headersOf(route), body: JSON.stringify(body) });
      const success = Number(Object.keys(route.responses).find((s) => Number(s) < 300));
      assert.equal(res.status, success, `${id}: ${await res.text()}`);
      assert.ok(z.safeParse(route.body, sample).success, `${id} sample matches the schema`);
    }
  });

  test('NUL and lone surrogates in any body text field: 422 naming that field', async () => {
    let cases = 0;
    for (const [id, route] of Object.entries(routes) as [RouteId, RouteDef][]) {
      const sample = SAMPLES[id];
      if (!route.body || !sample) continue;
      const fields = textFields(z.toJSONSchema(route.body, { io: 'input', unrepresentable: 'any' }) as JsonSchema);
      assert.equal(fields.length, FIELD_COUNTS[id], `${id}: ${fields.join(' ')}`);
      for (const field of fields) {
        const valid = valueAt(sample, field);
        for (const bad of BAD) {
          for (const value of [valid + bad, valid.slice(0, 1) + bad + valid.slice(1), bad]) {
            const res = await fetch(url(route, { council: 'fuzzton' }), {
              method: route.method.toUpperCase(),
              headers: headersOf(route),
              body: JSON.stringify(withValue(sample, field, value)),
            });
            const what = `${id} ${field}=${JSON.stringify(value)}`;
            assert.equal(res.status, 422, `${what}: ${res.status}`);
            const problem = (await res.json()) as { type: string; errors: { path: string }[] };
            assert.equal(problem.type, PROBLEM_TYPES.validation, what);
            assert.ok(problem.errors.some((e) => e.path === field), `${what} names ${field}: ${JSON.stringify(problem.errors)}`);
            cases++;
          }
        }
      }
    }
    const fieldCount = Object.values(FIELD_COUNTS).reduce((a, b) => a + b, 0);
    assert.equal(fieldCount, 37 + 33 + 4 + 4);
    assert.equal(cases, fieldCount * BAD.length * 3);
  });

  test('the same characters in path segments and query parameters: 404 or 422, never 5xx', async () => {
    // Percent-encoded as a browser would send them; %ED%A0%80 is a surrogate in (invalid) UTF-8.
    const encoded = ['%00', '%ED%A0%80', 'a%00b', '%C3%28', 'AA' /* base64url of a NUL byte */];
    for (const [id, route] of Object.entries(routes) as [RouteId, RouteDef][]) {
      const names = [...route.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
      const base: Record<string, string> = {
        council: 'fuzzton',
        receipt: '2222-2222-22',
        token: 'u1.' + 'x'.repeat(32),
        id: route.path.includes('/themes/') ? ids['theme']! : route.path.includes('/activities/') ? ids['activity']! : ids['feedback']!,
      };
      const body = SAMPLES[id] ? JSON.stringify(SAMPLES[id]) : undefined;
      const send = (target: string) =>
        fetch(target, { method: route.method.toUpperCase(), headers: headersOf(route), body }).catch((error: unknown) => {
          throw new Error(`${route.method} ${target}: ${String((error as Error).cause ?? error)}`);
        });
      for (const name of names) {
        for (const bad of encoded) {
          const res = await send(url(route, { ...base, [name]: bad }));
          assert.ok(res.status === 404, `${id} {${name}}=${bad}: ${res.status}`);
        }
      }
      for (const name of Object.keys(route.query?.shape ?? {})) {
        // Decoded, an invalid UTF-8 sequence is U+FFFD and `AA` is plain letters: fine in a search or a filter,
        // refused only where the value must be a cursor, a number, a date or one of a list.
        const textual = !['cursor', 'limit'].includes(name) && JSON.stringify(z.toJSONSchema(route.query!.shape[name]!, { io: 'input', unrepresentable: 'any' })).match(/"type":"string"/) && !JSON.stringify(z.toJSONSchema(route.query!.shape[name]!, { io: 'input', unrepresentable: 'any' })).match(/"enum"|"format"/);
        for (const bad of encoded) {
          const res = await send(`${url(route, base)}?${name}=${bad}`);
          if (textual && (bad === '%ED%A0%80' || bad === '%C3%28' || bad === 'AA')) {
            assert.ok(res.status < 500, `${id} ?${name}=${bad}: ${res.status}`);
            continue;
          }
          assert.equal(res.status, 422, `${id} ?${name}=${bad}: ${res.status}`);
          const problem = (await res.json()) as { errors: { path: string }[] };
          assert.ok(problem.errors.some((e) => e.path === `/${name}`), `${id} ?${name}=${bad} names /${name}: ${JSON.stringify(problem.errors)}`);
        }
      }
    }
  });

  test('bytes that are not UTF-8 in a body: 400, not 500', async () => {
    const res = await fetch(`${server.url}/v1/councils/fuzzton/feedback`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: new Uint8Array([...Buffer.from('{"kind":"idea","text":"'), 0xc3, 0x28, 0xed, 0xa0, 0x80, ...Buffer.from('"}')]),
    });
    assert.equal(res.status, 400);
  });
});
