/**
 * `<desk-page>`: the service desk. The list view (filters, ticket table, overview side panel) and
 * the expert view (inbox, timeline with reply and "Create session", overview with tags, customer
 * and notes). Double click or "Go to ticket" opens the expert view on the selected ticket.
 */
import { html, LitElement, nothing } from 'lit';
import { customElement, query, state } from 'lit/decorators.js';
import type { TicketCreate } from '../../../src/protocol/index.js';
import { sharedStyles } from '../components/shared.styles.js';
import { DeskController } from './desk-controller.js';
import { deskPageStyles } from './desk-page.styles.js';
import type { NewTicketDialog } from './new-ticket-dialog.js';
import './new-ticket-dialog.js';
import './ticket-filters.js';
import './ticket-overview.js';
import './ticket-table.js';
import './ticket-timeline.js';

/** The service desk page. */
@customElement('desk-page')
export class DeskPage extends LitElement {
  static override styles = [sharedStyles, deskPageStyles];

  readonly desk = new DeskController(this);
  @state() private mode: 'list' | 'expert' = 'list';
  @query('new-ticket-dialog') private dialog!: NewTicketDialog;

  protected override render() {
    const d = this.desk;
    return html`
      <div class="bar">
        <ticket-filters
          .query=${d.query}
          @query-change=${(e: CustomEvent) => void d.setQuery(e.detail as Partial<typeof d.query>)}
        ></ticket-filters>
        <div class="views" role="group" aria-label="View">
          <button
            type="button"
            class=${this.mode === 'list' ? '' : 'secondary'}
            aria-pressed=${this.mode === 'list'}
            @click=${() => (this.mode = 'list')}
          >
            List
          </button>
          <button
            type="button"
            class=${this.mode === 'expert' ? '' : 'secondary'}
            aria-pressed=${this.mode === 'expert'}
            @click=${() => (this.mode = 'expert')}
          >
            Expert
          </button>
        </div>
        <button type="button" class="new" @click=${() => void this.dialog.show()}>New ticket</button>
      </div>
      ${d.error ? html`<p class="banner" role="alert">${d.error}</p>` : nothing} ${this.mode === 'list' ? this.#list() : this.#expert()}
      <new-ticket-dialog
        .technicians=${d.directory.technicians}
        .groups=${d.groups}
        .create=${(p: TicketCreate) => d.run('ticket:create', p)}
        @ticket-created=${(e: CustomEvent<string>) => void d.select(e.detail)}
      ></new-ticket-dialog>
    `;
  }

  #list() {
    const d = this.desk;
    return html`<div class="list-view">
      <ticket-table
        .tickets=${d.tickets}
        .selectedId=${d.selectedId}
        @select-ticket=${(e: CustomEvent<string>) => void d.select(e.detail)}
        @open-ticket=${(e: CustomEvent<string>) => this.#open(e.detail)}
      ></ticket-table>
      ${
        d.details
          ? html`<ticket-overview
              class="side"
              .details=${d.details}
              .technicians=${d.directory.technicians}
              .groups=${d.groups}
              .run=${d.run.bind(d)}
              compact
              @open-ticket=${(e: CustomEvent<string>) => this.#open(e.detail)}
            ></ticket-overview>`
          : html`<p class="side placeholder">Select a ticket to see its overview.</p>`
      }
    </div>`;
  }

  #expert() {
    const d = this.desk;
    return html`<div class="expert-view">
      <ticket-table
        class="inbox"
        inbox
        .tickets=${d.tickets}
        .selectedId=${d.selectedId}
        @select-ticket=${(e: CustomEvent<string>) => void d.select(e.detail)}
        @open-ticket=${(e: CustomEvent<string>) => void d.select(e.detail)}
      ></ticket-table>
      ${
        d.details
          ? html`<ticket-timeline .details=${d.details} .channels=${d.directory.channels} .run=${d.run.bind(d)}></ticket-timeline>
              <ticket-overview
                .details=${d.details}
                .technicians=${d.directory.technicians}
                .groups=${d.groups}
                .run=${d.run.bind(d)}
              ></ticket-overview>`
          : html`<p class="placeholder wide">Select a ticket in the inbox.</p>`
      }
    </div>`;
  }

  #open(ticketId: string) {
    this.mode = 'expert';
    void this.desk.select(ticketId);
  }
}
