/**
 * `<session-list>`: a titled list of sessions, newest activity first, with status, owner and unread
 * count. Fires `select-session` (detail: session id).
 */
import { html, LitElement, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { SessionSummary } from '../../../src/protocol/index.js';
import { STATUS_LABEL, timeLabel } from './labels.js';
import { sessionListStyles } from './session-list.styles.js';
import { sharedStyles } from './shared.styles.js';

/** One list of sessions. */
@customElement('session-list')
export class SessionList extends LitElement {
  static override styles = [sharedStyles, sessionListStyles];

  @property() heading = 'Sessions';
  /** Shown when the list is empty. */
  @property() empty = 'Nothing here yet. New sessions appear live.';
  @property({ attribute: false }) sessions: readonly SessionSummary[] = [];
  @property({ attribute: false }) selectedId: string | null = null;
  /** The signed-in technician, shown as "You". */
  @property() meId = '';

  protected override render() {
    return html`
      <h2 id="heading">${this.heading} <span class="count">${this.sessions.length}</span></h2>
      ${
        this.sessions.length === 0
          ? html`<p class="empty">${this.empty}</p>`
          : html`<ul role="listbox" aria-labelledby="heading">
              ${this.sessions.map((s) => this.#item(s))}
            </ul>`
      }
    `;
  }

  #item(s: SessionSummary) {
    const selected = s.id === this.selectedId;
    const owner = s.owner ? (s.owner.id === this.meId ? 'You' : s.owner.name) : 'Unassigned';
    const others = s.participants.length > 0 ? ` +${s.participants.length}` : '';
    return html`<li
      role="option"
      tabindex="0"
      aria-selected=${selected ? 'true' : 'false'}
      class=${selected ? 'selected' : ''}
      data-session-id=${s.id}
      @click=${() => this.#select(s.id)}
      @keydown=${(e: KeyboardEvent) => this.#key(e, s.id)}
    >
      <div class="row">
        <span class="name">${s.visitorLabel}</span>
        <span class="time">${timeLabel(s.updatedAt)}</span>
      </div>
      <div class="row">
        <span class="last"
          >${s.lastMessage ? `${s.lastMessage.authorKind === 'technician' ? 'Technician: ' : ''}${s.lastMessage.text}` : 'No messages yet'}</span
        >
        ${s.unread > 0 ? html`<span class="unread" aria-label="${s.unread} unread">${s.unread}</span>` : nothing}
      </div>
      <div class="row meta">
        <span class="pill status status-${s.status}">${STATUS_LABEL[s.status]}</span>
        <span class="who">${owner}${others} · ${s.channelName}</span>
      </div>
    </li>`;
  }

  #key(e: KeyboardEvent, id: string) {
    if (e.key !== 'Enter' && e.key !== ' ') return;
    e.preventDefault();
    this.#select(id);
  }

  #select(id: string) {
    this.dispatchEvent(new CustomEvent('select-session', { detail: id, bubbles: true, composed: true }));
  }
}
