/**
 * The pre-chat part of `<channel-profile-form>`: ask before the chat or not; name, email and
 * question, each asked and required or not; custom text fields with a label and a required mark.
 */
import { html, nothing } from 'lit';
import { BUILT_IN_FIELDS, type BuiltInField, type CustomField, type PrechatForm } from '../../../src/protocol/index.js';

const BUILT_IN_LABEL: Record<BuiltInField, string> = { name: 'Name', email: 'Email', question: 'Question' };

/** What the section calls back with. */
export interface PrechatHandlers {
  change(form: PrechatForm): void;
}

/** A field id from a label: "Order number" -> "order-number", unique among `taken`. */
export function fieldIdFrom(label: string, taken: readonly string[]): string {
  const base =
    label
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 24) || 'field';
  const reserved = [...taken, ...BUILT_IN_FIELDS];
  let id = base;
  for (let n = 2; reserved.includes(id); n++) id = `${base}-${n}`;
  return id;
}

/** Renders the pre-chat fieldset for `form`. */
export function renderPrechat(form: PrechatForm, on: PrechatHandlers) {
  const set = (patch: Partial<PrechatForm>) => on.change({ ...form, ...patch });
  const setCustom = (i: number, patch: Partial<CustomField>) =>
    set({ custom: form.custom.map((c, j) => (j === i ? { ...c, ...patch } : c)) });
  const add = () => {
    const label = `Field ${form.custom.length + 1}`;
    set({
      custom: [
        ...form.custom,
        {
          id: fieldIdFrom(
            label,
            form.custom.map((c) => c.id),
          ),
          label,
          required: false,
        },
      ],
    });
  };
  return html`<fieldset class="prechat">
    <legend>Pre-chat form</legend>
    <label class="inline"
      ><input type="checkbox" name="prechat-enabled" .checked=${form.enabled} @change=${(e: Event) => set({ enabled: checked(e) })} /> Ask
      visitors these questions before their first message</label
    >
    <table>
      <thead>
        <tr>
          <th scope="col">Field</th>
          <th scope="col">Asked</th>
          <th scope="col">Required</th>
          <th scope="col"><span class="visually-hidden">Remove</span></th>
        </tr>
      </thead>
      <tbody>
        ${BUILT_IN_FIELDS.map(
          (f) =>
            html`<tr>
              <td>${BUILT_IN_LABEL[f]}</td>
              <td>
                <input
                  type="checkbox"
                  aria-label="Ask for ${BUILT_IN_LABEL[f]}"
                  .checked=${form[f].enabled}
                  @change=${(e: Event) => set({ [f]: { ...form[f], enabled: checked(e) } })}
                />
              </td>
              <td>
                <input
                  type="checkbox"
                  aria-label="${BUILT_IN_LABEL[f]} is required"
                  .checked=${form[f].required}
                  @change=${(e: Event) => set({ [f]: { ...form[f], required: checked(e) } })}
                />
              </td>
              <td></td>
            </tr>`,
        )}
        ${form.custom.map(
          (c, i) =>
            html`<tr>
              <td>
                <input
                  aria-label="Label of custom field ${i + 1}"
                  maxlength="80"
                  .value=${c.label}
                  @change=${(e: Event) => setCustom(i, { label: (e.target as HTMLInputElement).value })}
                />
              </td>
              <td>Yes</td>
              <td>
                <input
                  type="checkbox"
                  aria-label="${c.label} is required"
                  .checked=${c.required}
                  @change=${(e: Event) => setCustom(i, { required: checked(e) })}
                />
              </td>
              <td>
                <button
                  type="button"
                  class="secondary"
                  aria-label="Remove ${c.label}"
                  @click=${() => set({ custom: form.custom.filter((_, j) => j !== i) })}
                >
                  Remove
                </button>
              </td>
            </tr>`,
        )}
      </tbody>
    </table>
    ${form.custom.length < 10 ? html`<button type="button" class="secondary add" @click=${add}>Add a text field</button>` : nothing}
  </fieldset>`;
}

const checked = (e: Event) => (e.target as HTMLInputElement).checked;
