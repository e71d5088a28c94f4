/**
 * The pre-chat form as plain data (SPEC.md Q-1..Q-3): its default, which answers a form accepts,
 * and the answers as technicians read them (labels and text).
 */
import {
  BUILT_IN_FIELDS,
  fail,
  isEmail,
  ok,
  type BuiltInField,
  type PrechatAnswers,
  type PrechatAnswerView,
  type PrechatForm,
  type Result,
} from '../../src/protocol/index.js';

/** Labels of the built-in fields. */
export const BUILT_IN_LABELS: Record<BuiltInField, string> = { name: 'Name', email: 'Email', question: 'Question' };

/** The form of a channel nobody configured: off, with name and email suggested. */
export function defaultPrechatForm(): PrechatForm {
  return {
    enabled: false,
    name: { enabled: true, required: false },
    email: { enabled: true, required: true },
    question: { enabled: false, required: false },
    custom: [],
  };
}

/** One field of a form, built-in or custom, as the widget renders it. */
export interface FormField {
  id: string;
  label: string;
  required: boolean;
}

/** The fields an enabled form asks for, built-ins first, in order. */
export function formFields(form: PrechatForm): FormField[] {
  if (!form.enabled) return [];
  const builtIns = BUILT_IN_FIELDS.filter((f) => form[f].enabled).map((f) => ({
    id: f,
    label: BUILT_IN_LABELS[f],
    required: form[f].required,
  }));
  return [...builtIns, ...form.custom.map((c) => ({ id: c.id, label: c.label, required: c.required }))];
}

/** A field that failed, for the widget to show next to it. */
export interface AnswerProblem {
  field: string;
  message: string;
}

/**
 * the answers the form takes. Every required field must be answered (not blank), the email
 * field must hold an email address, and fields the form does not ask for are refused; the result
 * keeps the non-blank answers only.
 */
export function validatePrechatAnswers(form: PrechatForm, answers: PrechatAnswers): Result<PrechatAnswers> {
  const fields = formFields(form);
  const known = new Set(fields.map((f) => f.id));
  const problems: AnswerProblem[] = Object.keys(answers)
    .filter((id) => !known.has(id))
    .map((field) => ({ field, message: 'is not a field of this form' }));
  const kept: PrechatAnswers = {};
  for (const f of fields) {
    const value = (answers[f.id] ?? '').trim();
    if (!value) {
      if (f.required) problems.push({ field: f.id, message: `${f.label} is required` });
      continue;
    }
    if (f.id === 'email' && !isEmail(value)) {
      problems.push({ field: f.id, message: 'Email must be an email address' });
      continue;
    }
    kept[f.id] = f.id === 'email' ? value.toLowerCase() : value;
  }
  if (problems.length > 0) return fail('invalid_payload', problems.map((p) => p.message).join('; '), problems);
  return ok(kept);
}

/** Answers with the form's labels, in form order; answers to fields the form lost since keep their id as label. */
export function answerViews(form: PrechatForm, answers: Readonly<PrechatAnswers>, skip: readonly string[] = []): PrechatAnswerView[] {
  const labels = new Map<string, string>([
    ...BUILT_IN_FIELDS.map((f) => [f, BUILT_IN_LABELS[f]] as const),
    ...form.custom.map((c) => [c.id, c.label] as const),
  ]);
  const order = [...BUILT_IN_FIELDS, ...form.custom.map((c) => c.id)];
  const ids = Object.keys(answers).sort((a, b) => rank(order, a) - rank(order, b));
  return ids.filter((id) => !skip.includes(id)).map((id) => ({ field: id, label: labels.get(id) ?? id, value: answers[id] ?? '' }));
}

function rank(order: readonly string[], id: string): number {
  const i = order.indexOf(id);
  return i === -1 ? order.length : i;
}
