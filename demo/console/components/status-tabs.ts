/**
 * `<status-tabs>`: the status filter of a channel page (All, Waiting, Active, In queue, Expired,
 * Closed), each with its count. Toggle buttons, so screen readers announce which one is on.
 * Fires `filter-change` (detail: the {@link StatusFilter}).
 */
import { html, LitElement } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { StatusFilter } from '../state/console-state.js';
import { STATUS_FILTERS } from '../state/session-selectors.js';
import { FILTER_LABEL } from './labels.js';
import { sharedStyles } from './shared.styles.js';
import { statusTabsStyles } from './status-tabs.styles.js';

/** The filter tabs. */
@customElement('status-tabs')
export class StatusTabs extends LitElement {
  static override styles = [sharedStyles, statusTabsStyles];

  @property() filter: StatusFilter = 'all';
  @property({ attribute: false }) counts: Partial<Record<StatusFilter, number>> = {};

  protected override render() {
    return html`<div role="group" aria-label="Filter by status">
      ${STATUS_FILTERS.map(
        (f) =>
          html`<button
            type="button"
            class="tab"
            data-filter=${f}
            aria-pressed=${f === this.filter ? 'true' : 'false'}
            @click=${() => this.#pick(f)}
          >
            ${FILTER_LABEL[f]} <span class="count">${this.counts[f] ?? 0}</span>
          </button>`,
      )}
    </div>`;
  }

  #pick(filter: StatusFilter) {
    this.dispatchEvent(new CustomEvent<StatusFilter>('filter-change', { detail: filter, bubbles: true, composed: true }));
  }
}
