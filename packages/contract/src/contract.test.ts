import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import * as z from 'zod/mini';
import {
  contractMethods,
  CouncilConfig,
  endpoints,
  FEEDBACK_TEXT_MAX,
  FeedbackCreate,
  feedbackCreateFor,
  formatReceipt,
  isStorableText,
  LOCALES,
  normalizeReceipt,
  RECEIPT_PATTERN,
  routes,
  staffFeedbackCreateFor,
  toValidationIssues,
  type Endpoint,
  type RouteDef,
} from './index.js';

describe('contract schemas', () => {
  test('a minimal feedback input is valid and its text is trimmed', () => {
    const r = z.safeParse(FeedbackCreate, { kind: 'idea', text: '  More benches  ' });
    assert.ok(r.success);
    assert.equal(r.data.text, 'More benches');
  });

  test('feedback rejects unknown kinds, empty text, ratings out of 1–5 and bad email', () => {
    const r = z.safeParse(FeedbackCreate, { kind: 'rant', text: '   ', rating: 6, contact: 'not-an-email' });
    assert.ok(!r.success);
    const paths = toValidationIssues(r.error.issues).map((i) => i.path).sort();
    assert.deepEqual(paths, ['/contact', '/kind', '/rating', '/text']);
  });

  test('validation paths are JSON Pointers with escaping', () => {
    const [issue] = toValidationIssues([{ path: ['texts', 'a/b~c', 0], message: 'x', code: 'custom' }]);
    assert.equal(issue?.path, '/texts/a~1b~0c/0');
  });

  test('council config only accepts the eight supported locales', () => {
    assert.deepEqual([...LOCALES], ['en', 'pl', 'sv', 'da', 'de', 'fr', 'pt', 'ro']);
    const base = { slug: 'x-town', name: 'X', defaultLocale: 'en', texts: { inputUse: { en: 'We read it.' } }, limits: { feedbackTextMax: 2000 } };
    assert.ok(z.safeParse(CouncilConfig, { ...base, locales: ['en', 'ro'] }).success);
    assert.ok(!z.safeParse(CouncilConfig, { ...base, locales: ['en', 'xx'] }).success);
  });
});

describe('rules declared once', () => {
  test("a council's schema applies its own text limit, never above the contract's", () => {
    const text = 'x'.repeat(301);
    assert.ok(z.safeParse(FeedbackCreate, { kind: 'idea', text }).success);
    const r = z.safeParse(feedbackCreateFor({ limits: { feedbackTextMax: 300 } }), { kind: 'idea', text });
    assert.ok(!r.success);
    assert.deepEqual(toValidationIssues(r.error.issues).map((i) => i.path), ['/text']);
    assert.ok(z.safeParse(feedbackCreateFor({ limits: { feedbackTextMax: 300 } }), { kind: 'idea', text: 'x'.repeat(300) }).success);
    const staff = z.safeParse(staffFeedbackCreateFor({ limits: { feedbackTextMax: 300 } }), { kind: 'idea', text, channel: 'phone' });
    assert.ok(!staff.success);
    const wide = z.safeParse(feedbackCreateFor({ limits: { feedbackTextMax: FEEDBACK_TEXT_MAX * 2 } }), { kind: 'idea', text: 'x'.repeat(FEEDBACK_TEXT_MAX + 1) });
    assert.ok(!wide.success);
  });

  test('NUL and lone surrogates are refused in every text field, naming it; paired surrogates (emoji) are fine', () => {
    for (const bad of ['a\u0000b', 'a\ud800b', '\udfff']) {
      const r = z.safeParse(FeedbackCreate, { kind: 'idea', text: bad, contact: `x${bad}@example.org`, pageUrl: `https://x.example/${bad}`, website: bad, service: bad, proof: { challenge: bad, nonce: bad } });
      assert.ok(!r.success);
      const paths = new Set(toValidationIssues(r.error.issues).map((i) => i.path));
      for (const p of ['/text', '/contact', '/pageUrl', '/website', '/service', '/proof/challenge', '/proof/nonce']) assert.ok(paths.has(p), `${p} for ${JSON.stringify(bad)}`);
      assert.ok(!isStorableText(bad));
    }
    assert.ok(z.safeParse(FeedbackCreate, { kind: 'idea', text: 'Benches 🙂 please' }).success);
  });

  // Another council's console, a feed reader or an email would show these as links.
  test('page and follow addresses are web addresses only: javascript:, data: and file: are refused, naming the field', () => {
    for (const bad of ['javascript:alert(1)', 'data:text/html,<b>x</b>', 'file:///etc/passwd']) {
      const r = z.safeParse(FeedbackCreate, { kind: 'idea', text: 'Benches', pageUrl: bad, followUrl: bad });
      assert.ok(!r.success, bad);
      assert.deepEqual(toValidationIssues(r.error.issues).map((i) => i.path).sort(), ['/followUrl', '/pageUrl'], bad);
    }
    assert.ok(z.safeParse(FeedbackCreate, { kind: 'idea', text: 'Benches', pageUrl: 'https://x.example/a', followUrl: 'http://x.example/b#f' }).success);
  });

  test('every PATCH body is strict: a field it does not have is an issue at that field, named', () => {
    const patches = Object.values(routes).filter((r) => r.method === 'patch');
    assert.ok(patches.length >= 4, patches.map((r) => r.operationId).join());
    for (const route of patches) {
      const r = z.safeParse((route as RouteDef).body!, { staus: 'done' });
      assert.ok(!r.success, route.operationId);
      assert.deepEqual(toValidationIssues(r.error.issues), [{ path: '/staus', message: 'No such field here: "staus"', code: 'unrecognized_keys' }], route.operationId);
    }
  });

  test('receipts: the format the server returns is the pattern, and any typed form normalises to it', () => {
    const stored = 'K7MX2QPA9R';
    assert.equal(formatReceipt(stored), 'K7MX-2QPA-9R');
    assert.match(formatReceipt(stored), RECEIPT_PATTERN);
    for (const typed of ['k7mx-2qpa-9r', 'K7MX 2QPA 9R', 'k7mx2qpa9r']) assert.equal(normalizeReceipt(typed), stored);
    for (const bad of ['K7MX-2QPA-9', 'O7MX-2QPA-9R', 'K7MX-2QPA-9R0']) assert.equal(normalizeReceipt(bad), undefined);
    assert.ok(!RECEIPT_PATTERN.test('K7MX2QPA9R'), 'the server answers grouped');
  });

  test('each route is its endpoint (method, path, tag, auth, retry class) and its key is its operationId', () => {
    assert.deepEqual(Object.keys(routes).sort(), Object.keys(endpoints).sort());
    for (const [id, route] of Object.entries(routes) as [keyof typeof routes, RouteDef][]) {
      const e = endpoints[id] as Endpoint;
      assert.equal(route.operationId, id);
      for (const k of ['method', 'path', 'tag', 'auth', 'retry', 'idempotent', 'cacheable'] as const) assert.equal(route[k], e[k], `${id}.${k}`);
      assert.equal(route.idempotent === true, route.retry === 'keyed', `${id}: keyed exactly when idempotent`);
    }
    assert.deepEqual(contractMethods().sort(), ['DELETE', 'GET', 'PATCH', 'POST', 'PUT']);
  });
});
