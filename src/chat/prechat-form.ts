/**
 * The pre-chat form (SPEC Q-1, Q-2): the channel's fields with their labels and required marks, in
 * place of the message box before the first message of a new conversation. The server checks the
 * answers; what it refuses shows next to each field. Labels and answers are text.
 */
import { html, nothing } from 'lit';
import type { PrechatState } from './profile-form-actions.js';
import type { PrechatAnswers, PrechatForm } from '../protocol/index.js';

/** What the form calls. */
export interface PrechatHandlers {
  submit(answers: PrechatAnswers): unknown;
}

interface Field {
  id: string;
  label: string;
  required: boolean;
  kind: 'text' | 'email' | 'long';
}

function fieldsOf(form: PrechatForm): Field[] {
  const fields: Field[] = [];
  if (form.name.enabled) fields.push({ id: 'name', label: 'Name', required: form.name.required, kind: 'text' });
  if (form.email.enabled) fields.push({ id: 'email', label: 'Email', required: form.email.required, kind: 'email' });
  for (const c of form.custom) fields.push({ id: c.id, label: c.label, required: c.required, kind: 'text' });
  if (form.question.enabled) fields.push({ id: 'question', label: 'How can we help?', required: form.question.required, kind: 'long' });
  return fields;
}

/** Renders the form; `state` carries the server's refusal, if any. */
export function renderPrechat(form: PrechatForm, state: PrechatState, on: PrechatHandlers) {
  const refused = state.status === 'refused' ? state : null;
  const submit = (e: SubmitEvent) => {
    e.preventDefault();
    const data = new FormData(e.target as HTMLFormElement);
    const answers: PrechatAnswers = {};
    for (const f of fieldsOf(form)) {
      const value = data.get(f.id);
      if (typeof value === 'string' && value.trim()) answers[f.id] = value.trim();
    }
    on.submit(answers);
  };
  return html`<form class="prechat" @submit=${submit} novalidate aria-labelledby="prechat-title">
    <h3 id="prechat-title">Before we start</h3>
    <p class="hint">
      Fields marked <span class="req" aria-hidden="true">*</span><span class="visually-hidden">required</span> are required.
    </p>
    ${fieldsOf(form).map((f) => {
      const error = refused?.fields[f.id];
      const id = `prechat-${f.id}`;
      const attrs = { id, name: f.id, required: f.required, invalid: !!error, describedBy: error ? `${id}-error` : '' };
      return html`<div class="field">
        <label for=${id}>${f.label}${f.required ? html`<span class="req" aria-hidden="true"> *</span>` : nothing}</label>
        ${
          f.kind === 'long'
            ? html`<textarea
                id=${attrs.id}
                name=${attrs.name}
                rows="3"
                maxlength="1000"
                ?required=${attrs.required}
                aria-invalid=${attrs.invalid ? 'true' : 'false'}
                aria-describedby=${attrs.describedBy || nothing}
              ></textarea>`
            : html`<input
                id=${attrs.id}
                name=${attrs.name}
                type=${f.kind === 'email' ? 'email' : 'text'}
                autocomplete=${f.id === 'name' ? 'name' : f.id === 'email' ? 'email' : 'off'}
                maxlength="1000"
                ?required=${attrs.required}
                aria-invalid=${attrs.invalid ? 'true' : 'false'}
                aria-describedby=${attrs.describedBy || nothing}
              />`
        }
        ${error ? html`<span class="field-error" id="${id}-error">${error}</span>` : nothing}
      </div>`;
    })}
    ${refused && Object.keys(refused.fields).length === 0 ? html`<p class="field-error" role="alert">${refused.message}</p>` : nothing}
    <button type="submit" class="primary" ?disabled=${state.status === 'sending'}>Start the chat</button>
  </form>`;
}
