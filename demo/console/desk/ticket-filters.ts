/**
 * `<ticket-filters>`: search box, quick filters by status and priority, and sort. Fires
 * `query-change` (detail: the changed part of the query).
 */
import { css, html, LitElement } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { TICKET_PRIORITIES, TICKET_STATUSES, type TicketPriority, type TicketStatus } from '../../../src/protocol/index.js';
import { sharedStyles } from '../components/shared.styles.js';
import { PRIORITY_LABEL, TICKET_STATUS_LABEL } from './desk-labels.js';
import { initialQuery, type DeskQuery } from './desk-query.js';

const SORT_LABEL: Record<DeskQuery['sort'], string> = {
  updated: 'Last update',
  created: 'Created',
  number: 'Number',
  name: 'Name',
  status: 'Status',
  priority: 'Priority',
};

/** The list's filters. */
@customElement('ticket-filters')
export class TicketFilters extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 8px;
        font-size: 13px;
      }
      input[type='search'] {
        width: 190px;
      }
      .chips {
        display: flex;
        gap: 4px;
      }
      .chip {
        padding: 3px 9px;
        border-radius: 999px;
        font-size: 12px;
      }
      select {
        width: auto;
      }
    `,
  ];

  @property({ attribute: false }) query: DeskQuery = initialQuery;
  #timer: ReturnType<typeof setTimeout> | undefined;

  protected override render() {
    const q = this.query;
    return html`
      <input
        type="search"
        name="search"
        aria-label="Search tickets"
        placeholder="Search name, description, customer"
        .value=${q.search}
        @input=${this.#search}
      />
      <div class="chips" role="group" aria-label="Status">
        ${TICKET_STATUSES.map((s) => this.#chip(TICKET_STATUS_LABEL[s], q.statuses.includes(s), () => this.#toggleStatus(s)))}
      </div>
      <div class="chips" role="group" aria-label="Priority">
        ${TICKET_PRIORITIES.map((p) => this.#chip(PRIORITY_LABEL[p], q.priorities.includes(p), () => this.#togglePriority(p)))}
      </div>
      <label class="inline"
        >Sort
        <select name="sort" @change=${(e: Event) => this.#emit({ sort: (e.target as HTMLSelectElement).value as DeskQuery['sort'] })}>
          ${Object.entries(SORT_LABEL).map(([k, label]) => html`<option value=${k} ?selected=${q.sort === k}>${label}</option>`)}
        </select>
      </label>
      <button
        type="button"
        class="secondary chip"
        aria-label="Sort direction"
        @click=${() => this.#emit({ direction: q.direction === 'asc' ? 'desc' : 'asc' })}
      >
        ${q.direction === 'asc' ? '↑' : '↓'}
      </button>
    `;
  }

  #chip(label: string, on: boolean, toggle: () => void) {
    return html`<button type="button" class="chip ${on ? '' : 'secondary'}" aria-pressed=${on} @click=${toggle}>${label}</button>`;
  }

  #search(e: Event) {
    const value = (e.target as HTMLInputElement).value;
    // One query per pause in typing, not per key.
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => this.#emit({ search: value }), 200);
  }

  #toggleStatus(s: TicketStatus) {
    const cur = this.query.statuses;
    this.#emit({ statuses: cur.includes(s) ? cur.filter((x) => x !== s) : [...cur, s] });
  }

  #togglePriority(p: TicketPriority) {
    const cur = this.query.priorities;
    this.#emit({ priorities: cur.includes(p) ? cur.filter((x) => x !== p) : [...cur, p] });
  }

  #emit(detail: Partial<DeskQuery>) {
    this.dispatchEvent(new CustomEvent('query-change', { detail, bubbles: true, composed: true }));
  }
}
