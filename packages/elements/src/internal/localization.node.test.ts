// English where a build took it out of the msg() calls (the CDN's, scripts/cdn-english.mjs): a
// part with an `en` loader is loaded like any language; one without has English in its code.
import { msg, str } from '@lit/localize';
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { inLocale, isLoaded, loadLocale, type LocaleMessages } from './localization.ts';

const none = () => Promise.reject(new Error('not this language'));
const part = (en?: LocaleMessages['en']) => ({ pl: none, sv: none, da: none, de: none, fr: none, pt: none, ro: none, ...(en ? { en } : {}) }) as LocaleMessages;

test('English in the code is always loaded; English taken out of it loads like a language', async () => {
  const inline = part();
  assert.equal(isLoaded('en', [inline]), true);
  await loadLocale('en', [inline]);
  const english = part(async () => ({ templates: { 'test.a': 'Hello', 'test.b': str`Hello, ${0}, from ${1}` } }));
  assert.equal(isLoaded('en', [inline, english]), false);
  await loadLocale('en', [inline, english]);
  assert.equal(isLoaded('en', [inline, english]), true);
  // The CDN's msg() calls carry no text: the loaded English answers, its values in place.
  assert.equal(inLocale('en', () => msg('', { id: 'test.a' })), 'Hello');
  const [who, where] = ['Ana', 'Riverside'];
  assert.equal(inLocale('en', () => msg(str`${who}${where}`, { id: 'test.b' })), 'Hello, Ana, from Riverside');
  // Outside any element's update too (an event handler not wrapped in `localized`).
  assert.equal(msg('', { id: 'test.a' }), 'Hello');
});

test('an English part that fails to load is not loaded, and the next call tries again', async () => {
  let calls = 0;
  const flaky = part(async () => {
    if (++calls === 1) throw new TypeError('Failed to fetch');
    return { templates: { 'test.c': 'Back again' } };
  });
  await assert.rejects(loadLocale('en', [flaky]), /Failed to fetch/);
  assert.equal(isLoaded('en', [flaky]), false);
  await loadLocale('en', [flaky]);
  assert.equal(calls, 2);
  assert.equal(inLocale('en', () => msg('', { id: 'test.c' })), 'Back again');
});

test('a part not in the language rendering answers in loaded English, never with the empty text the CDN leaves in the call', async () => {
  const polish = { ...part(), pl: async () => ({ templates: { 'test.d': 'Dzień dobry' } }) } as LocaleMessages;
  const late = part(async () => ({ templates: { 'test.e': 'Recorded by staff' } }));
  await loadLocale('pl', [polish]);
  await assert.rejects(loadLocale('pl', [late]));
  await loadLocale('en', [late]);
  assert.deepEqual(
    inLocale('pl', () => [msg('', { id: 'test.d' }), msg('', { id: 'test.e' })]),
    ['Dzień dobry', 'Recorded by staff'],
  );
});
