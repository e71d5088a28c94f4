/**
 * `<ticket-table>`: tickets by name, customer, status, assignee, priority, tags and description
 * (the list view), or a compact inbox (`inbox`, the expert view). Fires `select-ticket` on click
 * or Enter, `open-ticket` on double click or Shift+Enter. Every string is rendered as text.
 */
import { css, html, LitElement, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { TicketView } from '../../../src/protocol/index.js';
import { sharedStyles } from '../components/shared.styles.js';
import { PRIORITY_LABEL, ref, TICKET_STATUS_LABEL, when } from './desk-labels.js';
import { pillStyles } from './pill.styles.js';

/** The ticket list. */
@customElement('ticket-table')
export class TicketTable extends LitElement {
  static override styles = [
    sharedStyles,
    pillStyles,
    css`
      :host {
        display: block;
        overflow: auto;
        min-height: 0;
        font-size: 13px;
      }
      table {
        width: 100%;
        border-collapse: collapse;
        background: #fff;
      }
      th {
        position: sticky;
        top: 0;
        background: #f3f5f8;
        text-align: left;
        font-weight: 600;
        padding: 6px 10px;
        border-bottom: 1px solid #dde2e8;
        color: #3d4652;
      }
      td {
        padding: 7px 10px;
        border-bottom: 1px solid #eef1f4;
        vertical-align: top;
      }
      tr.row {
        cursor: pointer;
      }
      tr.row:hover td {
        background: #f7f9fc;
      }
      tr.selected td {
        background: #e8efff;
      }
      .name {
        font-weight: 600;
      }
      .muted {
        color: #5b6470;
      }
      .desc {
        max-width: 260px;
        overflow: hidden;
        text-overflow: ellipsis;
        white-space: nowrap;
        color: #5b6470;
      }
      .empty {
        padding: 24px;
        color: #5b6470;
      }
      ul {
        list-style: none;
        margin: 0;
        padding: 0;
      }
      li {
        padding: 9px 12px;
        border-bottom: 1px solid #eef1f4;
        cursor: pointer;
      }
      li.selected {
        background: #e8efff;
      }
      li .top {
        display: flex;
        justify-content: space-between;
        gap: 8px;
      }
      li .meta {
        display: flex;
        gap: 6px;
        margin-top: 4px;
        align-items: center;
      }
    `,
  ];

  @property({ attribute: false }) tickets: readonly TicketView[] = [];
  @property({ attribute: false }) selectedId: string | null = null;
  /** The compact inbox of the expert view. */
  @property({ type: Boolean }) inbox = false;

  protected override render() {
    if (this.tickets.length === 0) return html`<p class="empty">No tickets match.</p>`;
    return this.inbox ? this.#inbox() : this.#table();
  }

  #table() {
    return html`<table aria-label="Tickets">
      <thead>
        <tr>
          <th scope="col">Ticket</th>
          <th scope="col">Customer</th>
          <th scope="col">Status</th>
          <th scope="col">Assignee</th>
          <th scope="col">Priority</th>
          <th scope="col">Tags</th>
          <th scope="col">Description</th>
        </tr>
      </thead>
      <tbody>
        ${this.tickets.map(
          (t) =>
            html`<tr
              class="row ${t.id === this.selectedId ? 'selected' : ''}"
              tabindex="0"
              aria-selected=${t.id === this.selectedId}
              data-ticket-id=${t.id}
              @click=${() => this.#fire('select-ticket', t.id)}
              @dblclick=${() => this.#fire('open-ticket', t.id)}
              @keydown=${(e: KeyboardEvent) => this.#key(e, t.id)}
            >
              <td><span class="muted">${ref(t.number)}</span> <span class="name">${t.name}</span></td>
              <td>${t.customer.name || t.customer.email || '—'}</td>
              <td><span class="pill st-${t.status}">${TICKET_STATUS_LABEL[t.status]}</span></td>
              <td>${t.assigneeName || html`<span class="muted">Unassigned</span>`}</td>
              <td><span class="pill pr-${t.priority}">${PRIORITY_LABEL[t.priority]}</span></td>
              <td>${t.tags.map((tag) => html`<span class="tag">${tag}</span> `)}</td>
              <td class="desc">${t.description}</td>
            </tr>`,
        )}
      </tbody>
    </table>`;
  }

  #inbox() {
    return html`<ul role="listbox" aria-label="Inbox">
      ${this.tickets.map(
        (t) =>
          html`<li
            role="option"
            tabindex="0"
            aria-selected=${t.id === this.selectedId}
            class=${t.id === this.selectedId ? 'selected' : ''}
            data-ticket-id=${t.id}
            @click=${() => this.#fire('select-ticket', t.id)}
            @keydown=${(e: KeyboardEvent) => this.#key(e, t.id)}
          >
            <div class="top"><span class="name">${t.name}</span><span class="muted">${when(t.updatedAt)}</span></div>
            <div class="muted">${ref(t.number)} · ${t.customer.name || t.customer.email || 'No customer'}</div>
            <div class="meta">
              <span class="pill st-${t.status}">${TICKET_STATUS_LABEL[t.status]}</span>
              <span class="pill pr-${t.priority}">${PRIORITY_LABEL[t.priority]}</span>
              ${t.assigneeName ? html`<span class="muted">${t.assigneeName}</span>` : nothing}
            </div>
          </li>`,
      )}
    </ul>`;
  }

  #key(e: KeyboardEvent, id: string) {
    if (e.key !== 'Enter') return;
    e.preventDefault();
    this.#fire(e.shiftKey ? 'open-ticket' : 'select-ticket', id);
  }

  #fire(name: 'select-ticket' | 'open-ticket', id: string) {
    this.dispatchEvent(new CustomEvent(name, { detail: id, bubbles: true, composed: true }));
  }
}
