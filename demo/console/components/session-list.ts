/**
 * `<session-list>`: the technician's sessions, newest activity first, with status and unread count.
 * Fires `select-session` (detail: session id).
 */
import { html, LitElement, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { SessionSummary } from '../../../src/protocol/index.js';
import { STATUS_LABEL, timeLabel } from './labels.js';
import { sessionListStyles } from './session-list.styles.js';

/** The list of conversations. */
@customElement('session-list')
export class SessionList extends LitElement {
  static override styles = sessionListStyles;

  @property({ attribute: false }) sessions: SessionSummary[] = [];
  @property({ attribute: false }) selectedId: string | null = null;

  protected override render() {
    return html`
      <h2>Conversations</h2>
      ${this.sessions.length === 0 ? html`<p class="empty">No conversations yet. New ones appear here live.</p>` : nothing}
      <ul role="listbox" aria-label="Conversations">
        ${this.sessions.map((s) => this.#item(s))}
      </ul>
    `;
  }

  #item(s: SessionSummary) {
    const selected = s.id === this.selectedId;
    return html`<li
      role="option"
      tabindex="0"
      aria-selected=${selected}
      class=${selected ? 'selected' : ''}
      data-session-id=${s.id}
      @click=${() => this.#select(s.id)}
      @keydown=${(e: KeyboardEvent) => (e.key === 'Enter' || e.key === ' ') && this.#select(s.id)}
    >
      <div class="row">
        <span class="name">${s.visitorLabel}</span>
        <span class="time">${timeLabel(s.updatedAt)}</span>
      </div>
      <div class="row">
        <span class="last"
          >${s.lastMessage ? `${s.lastMessage.authorKind === 'technician' ? 'You: ' : ''}${s.lastMessage.text}` : 'No messages yet'}</span
        >
        ${s.unread > 0 ? html`<span class="unread" aria-label="${s.unread} unread">${s.unread}</span>` : nothing}
      </div>
      <div class="row meta">
        <span class="status status-${s.status}">${STATUS_LABEL[s.status]}</span>
        <span>${s.owner ? s.owner.name : 'Unassigned'} · ${s.channelName}</span>
      </div>
    </li>`;
  }

  #select(id: string) {
    this.dispatchEvent(new CustomEvent('select-session', { detail: id, bubbles: true, composed: true }));
  }
}
