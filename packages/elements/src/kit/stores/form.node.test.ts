// The form store without a browser: errors from the contract's rules, the server's 422 mapped
// onto the same fields, steps with "check your answers" (form-steps.ts), and drafts per form instance.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { FEEDBACK_KINDS, FEEDBACK_TEXT_MAX } from '@civicloop/contract/rules';
import { MemoryStorage } from '../testing/memory-storage.ts';
import { check, createForm, fieldOfPointer, formInstance, type FieldIssue } from './form.ts';
import { withSteps } from './form-steps.ts';

interface Values {
  kind: string | undefined;
  text: string;
  wantsReply: boolean;
  contact: string;
}
type Field = 'kind' | 'text' | 'contact';
const FIELDS: readonly Field[] = ['kind', 'text', 'contact'];

function validate(v: Values): FieldIssue<Field>[] {
  const issues: FieldIssue<Field>[] = [];
  if (!check.oneOf(FEEDBACK_KINDS, v.kind)) issues.push({ field: 'kind', code: 'kind-missing' });
  if (check.missing(v.text)) issues.push({ field: 'text', code: 'text-missing' });
  else if (check.tooLong(v.text, FEEDBACK_TEXT_MAX)) issues.push({ field: 'text', code: 'text-too-long' });
  if (v.wantsReply && check.missing(v.contact)) issues.push({ field: 'contact', code: 'contact-missing' });
  else if (v.wantsReply && check.notEmail(v.contact)) issues.push({ field: 'contact', code: 'contact-invalid' });
  return issues;
}

const initial: Values = { kind: undefined, text: '', wantsReply: false, contact: '' };

function makeForm(opts: { storage?: Storage; key?: string; now?: () => number } = {}) {
  return createForm<Values, Field>({
    initial,
    fields: FIELDS,
    validate,
    now: opts.now ?? (() => 1_000),
    draft: {
      key: () => opts.key ?? 'feedback:riverside:libraries:0',
      never: ['contact'],
      storage: opts.storage ?? new MemoryStorage(),
      worthKeeping: (v) => Boolean(v.kind || v.text.trim()),
      restore: (saved) => ({
        kind: check.oneOf(FEEDBACK_KINDS, saved['kind']) ? saved['kind'] : undefined,
        text: typeof saved['text'] === 'string' ? saved['text'] : '',
      }),
    },
  });
}

describe('form store', () => {
  test('errors come from the rules, in form order, only after an attempt', () => {
    const form = makeForm();
    assert.deepEqual(form.$errors.get(), []);
    form.update({ wantsReply: true, contact: 'not an address' });
    assert.deepEqual(form.$errors.get(), [], 'nothing is flagged before the resident sends');
    assert.equal(form.attempt(), false);
    assert.deepEqual(
      form.$errors.get().map((e) => [e.field, e.code]),
      [['kind', 'kind-missing'], ['text', 'text-missing'], ['contact', 'contact-invalid']],
    );
    form.update({ text: 'x'.repeat(FEEDBACK_TEXT_MAX + 1) });
    assert.deepEqual(form.$errors.get().find((e) => e.field === 'text')?.code, 'text-too-long', 'an error stays true as the field changes');
  });

  test('a fixed field clears at once; the others stay', () => {
    const form = makeForm();
    form.attempt();
    form.update({ text: 'Longer opening hours, please' });
    assert.deepEqual(form.$errors.get().map((e) => e.field), ['kind']);
    form.update({ kind: 'idea' });
    assert.deepEqual(form.$errors.get(), []);
    assert.equal(form.attempt(), true);
  });

  test('the server’s 422 errors map onto the same fields; others are returned as setup problems', () => {
    const form = makeForm();
    form.update({ kind: 'idea', text: 'hello', wantsReply: true, contact: 'a@b.example' });
    const { shown, others } = form.serverErrors(
      [{ path: '/contact' }, { path: '/text' }, { path: '/service' }, { path: '/text/0' }],
      () => 'server-invalid',
    );
    assert.equal(shown, 2);
    assert.deepEqual(others, [{ path: '/service' }]);
    assert.deepEqual(form.$errors.get().map((e) => [e.field, e.code]), [['text', 'server-invalid'], ['contact', 'server-invalid']]);
    // The server's verdict on a field holds until that field changes.
    form.update({ kind: 'praise' });
    assert.equal(form.$errors.get().length, 2);
    form.update({ contact: 'other@b.example' });
    assert.deepEqual(form.$errors.get().map((e) => e.field), ['text']);
    assert.equal(fieldOfPointer('/a~1b/0'), 'a/b');
  });

  test('steps: each step checks its own fields; "check your answers" sends back to a step', () => {
    const form = makeForm();
    const stepped = withSteps(form, [{ id: 'what', fields: ['kind'] }, { id: 'message', fields: ['text', 'contact'] }, { id: 'check', fields: [], review: true }]);
    assert.equal(stepped.next(), false);
    assert.deepEqual(form.$errors.get().map((e) => e.field), ['kind'], 'only the first step’s fields');
    form.update({ kind: 'problem' });
    assert.equal(stepped.next(), true);
    assert.equal(stepped.$step.get(), 1);
    form.update({ text: 'The lift is broken' });
    assert.equal(stepped.next(), true);
    assert.equal(stepped.reviewing(), true);
    stepped.goTo('kind');
    assert.equal(stepped.$step.get(), 0);
    form.update({ kind: undefined });
    stepped.goTo('text');
    assert.equal(stepped.$step.get(), 1);
    // Sending from any step checks every step and shows the first invalid one.
    assert.equal(stepped.complete(), false);
    assert.equal(stepped.$step.get(), 0);
    assert.deepEqual(form.$errors.get().map((e) => e.field), ['kind']);
    form.update({ kind: 'idea' });
    assert.equal(stepped.complete(), true);
    assert.deepEqual(form.$errors.get(), []);
    // A server error on a later step's field brings the resident to that step.
    form.serverErrors([{ path: '/text' }], () => 'server-invalid');
    assert.equal(stepped.$step.get(), 1);
    // Back clears the errors; a new form starts at the first step.
    stepped.back();
    assert.deepEqual([stepped.$step.get(), form.$errors.get()], [0, []]);
    stepped.next();
    stepped.reset();
    assert.deepEqual([stepped.$step.get(), form.$values.get()], [0, initial]);
  });

  test('the draft survives a reload, never holds the contact, and keeps when writing began', () => {
    const storage = new MemoryStorage();
    let clock = 1_000;
    const first = makeForm({ storage, now: () => clock });
    first.update({ kind: 'idea', text: 'A bench by the pond', wantsReply: true, contact: 'me@home.example' });
    assert.ok(!JSON.stringify([...Array(storage.length)].map((_, i) => storage.getItem(storage.key(i)!))).includes('me@home.example'));
    clock = 50_000;
    const second = makeForm({ storage, now: () => clock });
    assert.equal(second.restore(), true);
    assert.equal(second.$values.get().text, 'A bench by the pond');
    assert.equal(second.$values.get().kind, 'idea');
    assert.equal(second.$values.get().contact, '');
    assert.equal(second.since(), 1_000, 'fill time counts from the first visit');
    second.reset();
    assert.equal(storage.length, 0, 'sending (reset) forgets the draft');
  });

  test('a draft another page version saved is checked against the rules', () => {
    const storage = new MemoryStorage();
    storage.setItem('civicloop:draft:feedback:riverside:libraries:0', JSON.stringify({ values: { kind: 'complaint', text: 42, contact: 'x@y.example' } }));
    const form = makeForm({ storage });
    assert.equal(form.restore(), false);
    assert.deepEqual(form.$values.get(), initial);
  });

  test('two forms of one scope on one page keep separate drafts', () => {
    const storage = new MemoryStorage();
    const a = { id: '' };
    const b = { id: '' };
    const named = { id: 'contact-us' };
    const sameScope = [a, named, b];
    assert.deepEqual([formInstance(a, sameScope), formInstance(b, sameScope), formInstance(named, sameScope)], ['0', '2', '#contact-us']);
    const formA = makeForm({ storage, key: `feedback:riverside:libraries:${formInstance(a, sameScope)}` });
    const formB = makeForm({ storage, key: `feedback:riverside:libraries:${formInstance(b, sameScope)}` });
    formA.update({ kind: 'idea', text: 'first form' });
    formB.update({ kind: 'problem', text: 'second form' });
    const againA = makeForm({ storage, key: `feedback:riverside:libraries:${formInstance(a, sameScope)}` });
    const againB = makeForm({ storage, key: `feedback:riverside:libraries:${formInstance(b, sameScope)}` });
    againA.restore();
    againB.restore();
    assert.equal(againA.$values.get().text, 'first form');
    assert.equal(againB.$values.get().text, 'second form');
    againA.reset();
    const onceMoreB = makeForm({ storage, key: `feedback:riverside:libraries:${formInstance(b, sameScope)}` });
    onceMoreB.restore();
    assert.equal(onceMoreB.$values.get().text, 'second form', 'sending one form does not erase the other’s draft');
  });
});
