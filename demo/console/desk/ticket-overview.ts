/**
 * `<ticket-overview>`: the ticket's fields (status, priority, assignee), tags, customer, description
 * and internal notes, all editable; `compact` is the list view's side panel with "Go to ticket"
 * (fires `open-ticket`). Every string people typed is rendered as text.
 */
import { html, LitElement, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import {
  TICKET_PRIORITIES,
  TICKET_STATUSES,
  type Assignee,
  type GroupView,
  type TechnicianRef,
  type TicketChanges,
  type TicketDetails,
} from '../../../src/protocol/index.js';
import { formText } from '../components/form-text.js';
import { sharedStyles } from '../components/shared.styles.js';
import { PRIORITY_LABEL, ref, TICKET_STATUS_LABEL, when } from './desk-labels.js';
import { offlineRun, type DeskRun } from './desk-run.js';
import { overviewStyles } from './ticket-overview.styles.js';
import { pillStyles } from './pill.styles.js';

const assigneeValue = (a: Assignee) => (a.kind === 'none' ? 'none' : `${a.kind}:${a.id}`);
const assigneeOf = (value: string): Assignee => {
  const [kind, id] = value.split(':');
  return kind === 'technician' && id ? { kind, id } : kind === 'group' && id ? { kind, id } : { kind: 'none' };
};

/** The ticket overview. */
@customElement('ticket-overview')
export class TicketOverview extends LitElement {
  static override styles = [sharedStyles, pillStyles, overviewStyles];

  @property({ attribute: false }) details: TicketDetails | null = null;
  @property({ attribute: false }) technicians: readonly TechnicianRef[] = [];
  @property({ attribute: false }) groups: readonly GroupView[] = [];
  @property({ attribute: false }) run: DeskRun = offlineRun;
  @property({ type: Boolean }) compact = false;
  @state() private error = '';

  protected override render() {
    const d = this.details;
    if (!d) return nothing;
    const t = d.ticket;
    return html`
      <header>
        <span class="ref">${ref(t.number)}</span>
        <h2>${t.name}</h2>
        ${this.compact ? html`<button type="button" class="go" @click=${() => this.#fire(t.id)}>Go to ticket</button>` : nothing}
      </header>
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
      <section aria-label="Overview" class="grid">
        <label
          >Status
          <select
            name="status"
            @change=${(e: Event) => void this.#save({ status: (e.target as HTMLSelectElement).value as TicketChanges['status'] })}
          >
            ${TICKET_STATUSES.map((s) => html`<option value=${s} ?selected=${t.status === s}>${TICKET_STATUS_LABEL[s]}</option>`)}
          </select>
        </label>
        <label
          >Priority
          <select
            name="priority"
            @change=${(e: Event) => void this.#save({ priority: (e.target as HTMLSelectElement).value as TicketChanges['priority'] })}
          >
            ${TICKET_PRIORITIES.map((p) => html`<option value=${p} ?selected=${t.priority === p}>${PRIORITY_LABEL[p]}</option>`)}
          </select>
        </label>
        <label class="wide"
          >Assignee
          <select name="assignee" @change=${(e: Event) => void this.#save({ assignee: assigneeOf((e.target as HTMLSelectElement).value) })}>
            <option value="none" ?selected=${t.assignee.kind === 'none'}>Unassigned</option>
            <optgroup label="Technicians">
              ${this.technicians.map((x) => html`<option value="technician:${x.id}" ?selected=${assigneeValue(t.assignee) === `technician:${x.id}`}>${x.name}</option>`)}
            </optgroup>
            <optgroup label="Groups">
              ${this.groups.map((g) => html`<option value="group:${g.id}" ?selected=${assigneeValue(t.assignee) === `group:${g.id}`}>${g.name}</option>`)}
            </optgroup>
          </select>
        </label>
      </section>
      <section aria-labelledby="tags-h">
        <h3 id="tags-h">Tags</h3>
        <div class="tags">
          ${t.tags.length ? t.tags.map((tag) => html`<span class="tag">${tag}</span>`) : html`<span class="hint">No tags</span>`}
        </div>
        <form class="inline-form" @submit=${this.#saveTags}>
          <input name="tags" aria-label="Tags, separated by commas" .value=${t.tags.join(', ')} />
          <button type="submit" class="secondary">Save tags</button>
        </form>
      </section>
      <section aria-labelledby="customer-h">
        <h3 id="customer-h">Customer</h3>
        <form class="customer" @submit=${this.#saveCustomer}>
          <label>Name <input name="name" .value=${t.customer.name} /></label>
          <label>Email <input name="email" type="email" .value=${t.customer.email} /></label>
          <label>Phone <input name="phone" type="tel" .value=${t.customer.phone} /></label>
          <button type="submit" class="secondary">Save customer</button>
        </form>
      </section>
      <section aria-labelledby="desc-h">
        <h3 id="desc-h">Description</h3>
        <p class="description">${t.description || '—'}</p>
        <p class="hint">
          Created ${when(t.createdAt)} · ${t.origin === 'email' ? 'from an email' : t.origin === 'widget' ? 'from the website' : 'by hand'}
        </p>
      </section>
      ${this.compact ? nothing : this.#notes(d)}
    `;
  }

  #notes(d: TicketDetails) {
    return html`<section aria-labelledby="notes-h">
      <h3 id="notes-h">Notes <span class="hint">internal</span></h3>
      <ul class="notes">
        ${d.notes.map(
          (n) =>
            html`<li>
              <div class="note-head">${n.author.name} · ${when(n.createdAt)}</div>
              <div class="note-text">${n.text}</div>
            </li>`,
        )}
      </ul>
      <form @submit=${this.#addNote}>
        <textarea name="note" rows="2" aria-label="New note" placeholder="Add an internal note"></textarea>
        <button type="submit" class="secondary">Add note</button>
      </form>
    </section>`;
  }

  async #save(changes: TicketChanges) {
    const t = this.details?.ticket;
    if (!t) return;
    const r = await this.run('ticket:update', { ticketId: t.id, changes });
    this.error = r.ok ? '' : r.message;
  }

  #saveTags(e: SubmitEvent) {
    e.preventDefault();
    const raw = formText(new FormData(e.target as HTMLFormElement), 'tags');
    void this.#save({
      tags: raw
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    });
  }

  #saveCustomer(e: SubmitEvent) {
    e.preventDefault();
    const f = new FormData(e.target as HTMLFormElement);
    const v = (k: string) => formText(f, k).trim();
    void this.#save({ customer: { name: v('name'), email: v('email'), phone: v('phone') } });
  }

  async #addNote(e: SubmitEvent) {
    e.preventDefault();
    const form = e.target as HTMLFormElement;
    const text = formText(new FormData(form), 'note').trim();
    const t = this.details?.ticket;
    if (!text || !t) return;
    const r = await this.run('ticket:note', { ticketId: t.id, text });
    this.error = r.ok ? '' : r.message;
    if (r.ok) form.reset();
  }

  #fire(id: string) {
    this.dispatchEvent(new CustomEvent('open-ticket', { detail: id, bubbles: true, composed: true }));
  }
}
