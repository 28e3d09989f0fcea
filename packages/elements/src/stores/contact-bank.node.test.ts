// The contact bank's store without a browser: its rules, the modes a page address opens, the
// pass-it-on link, and a draft that never keeps who the person is.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { CONTACT_NAME_MAX } from './contact-bank-api.ts';
import { MemoryStorage } from '../kit/testing/memory-storage.ts';
import { createContactBankFlow, modeFromHash, shareUrl, validateSignup, type SignupDraft } from './contact-bank.ts';

const valid: SignupDraft = {
  kind: 'resident', organisation: '', name: '', email: 'ana@example.org', phone: '', district: '', categories: [], services: [], formats: [], languages: ['pl'],
  accessibility: [], accessibilityNote: '', ageBand: '', consent: ['invitations'], trap: '',
};
const codes = (d: Partial<SignupDraft>, manage = false) => validateSignup({ ...valid, ...d }, manage).map((e) => `${e.field}:${e.code}`);

describe('contact bank sign-up rules', () => {
  test('a resident needs an email, a language and one purpose; nothing else', () => {
    assert.deepEqual(codes({}), []);
    assert.deepEqual(codes({ kind: undefined, email: '', languages: [], consent: [] }), ['kind:kind-missing', 'email:email-missing', 'languages:languages-missing', 'consent:consent-missing']);
    assert.deepEqual(codes({ email: 'not an address' }), ['email:email-invalid']);
  });

  test('an association or business names itself and a contact person', () => {
    assert.deepEqual(codes({ kind: 'association' }), ['organisation:organisation-missing', 'name:name-missing']);
    assert.deepEqual(codes({ kind: 'business', organisation: 'Bakery', name: 'Jan' }), []);
    assert.deepEqual(codes({ kind: 'business', organisation: 'x'.repeat(CONTACT_NAME_MAX + 1), name: 'Jan' }), ['organisation:too-long']);
  });

  test('a phone number is optional, but a real one when given', () => {
    assert.deepEqual(codes({ phone: '+48 22 123 45 67' }), []);
    assert.deepEqual(codes({ phone: 'call me' }), ['phone:phone-invalid']);
    assert.deepEqual(codes({ phone: '12' }), ['phone:phone-invalid']);
  });

  test('no one consents to a consent text that never loaded, ticked or not', () => {
    assert.deepEqual(validateSignup(valid, false, false).map((e) => `${e.field}:${e.code}`), ['consent:consent-unseen']);
    assert.deepEqual(validateSignup({ ...valid, consent: [] }, false, false).map((e) => `${e.field}:${e.code}`), ['consent:consent-unseen']);
  });

  test('changing an entry does not ask for the email again', () => {
    assert.deepEqual(codes({ email: '' }, true), []);
  });
});

describe('modes from the page address', () => {
  test('each email link opens its task; anything else is the sign-up', () => {
    assert.deepEqual(modeFromHash('#token=abc'), { mode: 'confirm', token: 'abc' });
    assert.deepEqual(modeFromHash('#manage=m1'), { mode: 'manage', token: 'm1' });
    assert.deepEqual(modeFromHash('#invitation=i1'), { mode: 'invitation', token: 'i1' });
    assert.deepEqual(modeFromHash('#via=XY12'), { mode: 'signup', via: 'XY12' });
    assert.deepEqual(modeFromHash(''), { mode: 'signup', via: undefined });
    assert.deepEqual(modeFromHash('#token='), { mode: 'signup', via: undefined });
  });

  test('the pass-it-on link carries only the opaque code', () => {
    assert.equal(shareUrl('https://council.example/join', 'c0de'), 'https://council.example/join#via=c0de');
    assert.equal(shareUrl('https://council.example/join', undefined), 'https://council.example/join');
    assert.equal(shareUrl(undefined, 'c0de'), undefined);
  });
});

describe('the sign-up draft', () => {
  test('keeps what they chose, never who they are, their needs, age or consent', async () => {
    const storage = new MemoryStorage();
    const scope = () => ({ api: 'http://127.0.0.1:9', council: 'test', service: undefined, instance: '0', locale: 'en' as const });
    const flow = createContactBankFlow({ scope, storage, hash: () => '', notify: () => undefined });
    flow.update({
      kind: 'association', organisation: 'Allotment Society', name: 'Maria Nowak', email: 'maria@example.org', phone: '+48 600 100 200',
      district: 'north', formats: ['workshop'], languages: ['pl', 'uk'], accessibility: ['step-free-access'], accessibilityNote: 'wheelchair',
      ageBand: '65-74', consent: ['invitations', 'news'],
    });
    const saved = [...Array(storage.length).keys()].map((i) => storage.getItem(storage.key(i)!)!).join('\n');
    for (const personal of ['Maria Nowak', 'maria@example.org', '600 100 200', 'step-free-access', 'wheelchair', '65-74', 'invitations'])
      assert.equal(saved.includes(personal), false, `${personal} was written to the device`);
    for (const kept of ['Allotment Society', 'north', 'workshop', 'uk']) assert.equal(saved.includes(kept), true, `${kept} was not kept`);

    const again = createContactBankFlow({ scope, storage, hash: () => '', notify: () => undefined });
    await again.load().catch(() => undefined);
    const d = again.$draft.get();
    assert.equal(d.organisation, 'Allotment Society');
    assert.deepEqual(d.languages, ['pl', 'uk']);
    assert.equal(d.email, '');
    assert.deepEqual(d.consent, []);
    again.dispose();
  });
});
