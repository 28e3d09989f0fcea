import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { z } from 'zod/mini';
import { CouncilConfig, FeedbackCreate, LOCALES, toValidationIssues } from './index.js';

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
