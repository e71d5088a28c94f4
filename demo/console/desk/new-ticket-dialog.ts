/**
 * `<new-ticket-dialog>`: creates a ticket by hand (name, description, customer, priority,
 * assignee, tags; rules only when ticked). Call `show()`; fires `ticket-created` (detail: its id).
 */
import { css, html, LitElement, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import {
  TICKET_PRIORITIES,
  type Assignee,
  type GroupView,
  type Result,
  type TechnicianRef,
  type TicketCreate,
  type TicketView,
} from '../../../src/protocol/index.js';
import { formText } from '../components/form-text.js';
import { sharedStyles } from '../components/shared.styles.js';
import { PRIORITY_LABEL } from './desk-labels.js';

/** The "New ticket" form. */
@customElement('new-ticket-dialog')
export class NewTicketDialog extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      dialog {
        width: min(600px, calc(100vw - 32px));
      }
      form {
        display: grid;
        grid-template-columns: 1fr 1fr;
        gap: 8px 12px;
      }
      .wide {
        grid-column: span 2;
      }
    `,
  ];

  @property({ attribute: false }) technicians: readonly TechnicianRef[] = [];
  @property({ attribute: false }) groups: readonly GroupView[] = [];
  @property({ attribute: false }) create: (p: TicketCreate) => Promise<Result<TicketView>> = () =>
    Promise.resolve({ ok: false, error: 'internal', message: 'Not ready.' });
  @state() private error = '';
  @query('dialog') private dialog!: HTMLDialogElement;
  @query('form') private form!: HTMLFormElement;

  /** Opens the empty form. */
  async show(): Promise<void> {
    this.error = '';
    await this.updateComplete;
    this.form.reset();
    this.dialog.showModal();
  }

  protected override render() {
    return html`<dialog aria-labelledby="nt-title">
      <h2 id="nt-title">New ticket</h2>
      <form @submit=${this.#submit}>
        <label class="wide">Name <input name="name" required maxlength="200" /></label>
        <label class="wide">Description <textarea name="description" rows="4" maxlength="8000"></textarea></label>
        <label>Customer name <input name="customerName" /></label>
        <label>Customer email <input name="customerEmail" type="email" /></label>
        <label>Customer phone <input name="customerPhone" type="tel" /></label>
        <label
          >Priority
          <select name="priority">
            ${TICKET_PRIORITIES.map((p) => html`<option value=${p} ?selected=${p === 'medium'}>${PRIORITY_LABEL[p]}</option>`)}
          </select>
        </label>
        <label
          >Assignee
          <select name="assignee">
            <option value="none">Unassigned</option>
            ${this.technicians.map((t) => html`<option value="technician:${t.id}">${t.name}</option>`)}
            ${this.groups.map((g) => html`<option value="group:${g.id}">Group: ${g.name}</option>`)}
          </select>
        </label>
        <label>Tags <input name="tags" placeholder="comma, separated" /></label>
        <label class="inline wide"><input type="checkbox" name="applyRules" /> Apply the rules</label>
        ${this.error ? html`<p class="error wide" role="alert">${this.error}</p>` : nothing}
        <div class="dialog-actions wide">
          <button type="button" class="secondary" @click=${() => this.dialog.close()}>Cancel</button>
          <button type="submit">Create ticket</button>
        </div>
      </form>
    </dialog>`;
  }

  async #submit(e: SubmitEvent) {
    e.preventDefault();
    const f = new FormData(this.form);
    const s = (k: string) => formText(f, k).trim();
    const [kind, id] = s('assignee').split(':');
    const assignee: Assignee = (kind === 'technician' || kind === 'group') && id ? { kind, id } : { kind: 'none' };
    const r = await this.create({
      name: s('name'),
      description: s('description'),
      customer: { name: s('customerName'), email: s('customerEmail'), phone: s('customerPhone') },
      priority: s('priority') as TicketCreate['priority'],
      assignee,
      tags: s('tags')
        .split(',')
        .map((t) => t.trim())
        .filter(Boolean),
      applyRules: f.get('applyRules') === 'on',
    });
    if (!r.ok) {
      this.error = r.message;
      return;
    }
    this.dialog.close();
    this.dispatchEvent(new CustomEvent('ticket-created', { detail: r.value.id, bubbles: true, composed: true }));
  }
}
