// Issue 9, the contact bank's emails: every locale has every message, with English's
// placeholders, translated; each mail has a plain-text part and an HTML part whose links are the
// text's, and nothing from an activity is ever markup.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { LOCALES } from '@civicloop/contract';
import { CONTACT_MESSAGES, confirmMail, invitationMail, knownMail, placeholders, reconsentMail, type ContactMessageKey } from './contact-messages.js';

test('every locale has every contact-bank message, none empty, with the placeholders of English, translated', () => {
  const keys = Object.keys(CONTACT_MESSAGES.en) as ContactMessageKey[];
  assert.deepEqual(Object.keys(CONTACT_MESSAGES).sort(), [...LOCALES].sort());
  for (const locale of LOCALES) {
    assert.deepEqual(Object.keys(CONTACT_MESSAGES[locale]).sort(), [...keys].sort(), locale);
    for (const key of keys) {
      assert.ok(CONTACT_MESSAGES[locale][key].trim() !== '', `${locale}.${key} is empty`);
      assert.deepEqual(placeholders(CONTACT_MESSAGES[locale][key]), placeholders(CONTACT_MESSAGES.en[key]), `${locale}.${key}`);
    }
    if (locale !== 'en') for (const key of ['confirmSubject', 'inviteWhy', 'reconsentLapse', 'footer'] as const) assert.notEqual(CONTACT_MESSAGES[locale][key], CONTACT_MESSAGES.en[key], `${locale}.${key}`);
  }
});

test('each mail in each locale: text and HTML, the link in both, placeholders all filled', () => {
  const link = 'https://council.example/p#token=c1.abc';
  for (const locale of LOCALES) {
    const mails = [
      confirmMail(locale, 'en', 'Bankton', link, 7),
      knownMail(locale, 'en', 'Bankton', link),
      reconsentMail(locale, 'en', 'Bankton', link, new Date('2028-03-02T09:00:00Z')),
      invitationMail(locale, 'en', 'Bankton', { title: 'Walk', format: 'in-person', startsAt: new Date('2026-09-12T09:00:00Z'), endsAt: null, place: 'Library', url: null, text: 'An hour.' }, link, `${link}&m`),
    ];
    for (const m of mails) {
      assert.ok(m.text.includes(link), `${locale}: ${m.subject}`);
      assert.ok(m.html.includes(`<a href="${link.replace(/&/g, '&amp;')}">`), `${locale} html: ${m.subject}`);
      assert.ok(m.html.includes(`<html lang="${locale}">`));
      assert.doesNotMatch(m.text + m.subject, /\{\w+\}/, `${locale}: unfilled placeholder`);
    }
  }
  assert.match(reconsentMail('de', 'en', 'B', link, new Date('2028-03-02T09:00:00Z')).subject, /2\. März 2028/);
});

test('activity texts are escaped in the HTML part', () => {
  const m = invitationMail('en', 'en', 'B', { title: '<script>alert(1)</script>', format: 'workshop', startsAt: new Date(), endsAt: null, place: '<b>x</b>', url: 'https://meet.example/a?b=1&c=<2>', text: '"quoted" & <i>' }, 'https://c.example/#invitation=i1.x', 'https://c.example/#manage=m1.y');
  assert.ok(!m.html.includes('<script>') && !m.html.includes('<b>x') && !m.html.includes('<i>'), m.html);
  assert.ok(m.html.includes('&lt;script&gt;'));
  assert.ok(m.text.includes('<script>alert(1)</script>'), 'the text part is the text as written');
});
