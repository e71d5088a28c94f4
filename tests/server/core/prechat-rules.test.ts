import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import * as v from 'valibot';
import { answerViews, defaultPrechatForm, formFields, validatePrechatAnswers } from '../../../server/core/prechat-rules.js';
import { PrechatAnswersSchema, PrechatFormSchema, type PrechatForm } from '../../../src/protocol/index.js';

const form: PrechatForm = {
  enabled: true,
  name: { enabled: true, required: true },
  email: { enabled: true, required: false },
  question: { enabled: false, required: true },
  custom: [
    { id: 'order', label: 'Order number', required: true },
    { id: 'plan', label: 'Plan', required: false },
  ],
};

describe('pre-chat answers (Q-1, Q-2)', () => {
  const cases: [string, Record<string, string>, Record<string, string> | string[]][] = [
    [
      'Q-2: every required field answered: accepted, blanks dropped',
      { name: ' Ada ', order: 'A-12', plan: '  ' },
      { name: 'Ada', order: 'A-12' },
    ],
    ['Q-2: a missing required field is refused', { order: 'A-12' }, ['name']],
    ['Q-2: a blank required field is refused', { name: '   ', order: 'A-12' }, ['name']],
    ['Q-2: a missing required custom field is refused', { name: 'Ada' }, ['order']],
    ['Q-2: an email field must hold an email address, even when optional', { name: 'Ada', order: '1', email: 'not-an-email' }, ['email']],
    [
      'Q-2: a valid email is kept, lower-cased',
      { name: 'Ada', order: '1', email: 'Ada@Example.COM' },
      { name: 'Ada', order: '1', email: 'ada@example.com' },
    ],
    ['Q-2: a disabled field is not a field of the form', { name: 'Ada', order: '1', question: 'Why?' }, ['question']],
    ['Q-2: an unknown field is refused', { name: 'Ada', order: '1', colour: 'red' }, ['colour']],
    ['Q-2: every problem is reported at once', {}, ['name', 'order']],
  ];
  for (const [name, answers, expected] of cases) {
    test(name, () => {
      const r = validatePrechatAnswers(form, answers);
      if (Array.isArray(expected)) {
        assert.equal(r.ok, false);
        assert.equal(!r.ok && r.error, 'invalid_payload');
        assert.deepEqual(!r.ok && (r.details as { field: string }[]).map((d) => d.field).sort(), [...expected].sort());
      } else {
        assert.deepEqual(r, { ok: true, value: expected });
      }
    });
  }

  test('Q-1: a disabled form asks for nothing and takes nothing', () => {
    assert.deepEqual(formFields(defaultPrechatForm()), []);
    assert.equal(validatePrechatAnswers(defaultPrechatForm(), { name: 'x' }).ok, false);
    assert.deepEqual(validatePrechatAnswers(defaultPrechatForm(), {}), { ok: true, value: {} });
  });

  test('Q-1: the fields come built-ins first, in order, then custom ones, with labels and required marks', () => {
    assert.deepEqual(formFields(form), [
      { id: 'name', label: 'Name', required: true },
      { id: 'email', label: 'Email', required: false },
      { id: 'order', label: 'Order number', required: true },
      { id: 'plan', label: 'Plan', required: false },
    ]);
  });

  test('Q-3: answers read with their labels in form order', () => {
    assert.deepEqual(answerViews(form, { plan: 'Pro', name: 'Ada', gone: 'x' }), [
      { field: 'name', label: 'Name', value: 'Ada' },
      { field: 'plan', label: 'Plan', value: 'Pro' },
      { field: 'gone', label: 'gone', value: 'x' },
    ]);
  });

  test('Q-1: the form schema refuses duplicate or built-in custom ids, and too long labels', () => {
    assert.equal(v.is(PrechatFormSchema, form), true);
    assert.equal(v.is(PrechatFormSchema, { ...form, custom: [form.custom[0], form.custom[0]] }), false);
    assert.equal(v.is(PrechatFormSchema, { ...form, custom: [{ id: 'email', label: 'Mail', required: false }] }), false);
    assert.equal(v.is(PrechatFormSchema, { ...form, custom: [{ id: 'x', label: 'x'.repeat(81), required: false }] }), false);
    assert.equal(v.is(PrechatAnswersSchema, { 'Bad Id': 'x' }), false);
    assert.equal(v.is(PrechatAnswersSchema, { note: 'x'.repeat(1001) }), false);
  });
});
