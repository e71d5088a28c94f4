/**
 * `<conversation-view>`: the open session: a header (visitor, status, presence, owner, participants),
 * the actions bar, the chat with its reply box, and the permissions and activity panels. Everything
 * people wrote is rendered as text, never as HTML, except message text with links or markdown, which
 * shows as HTML only after DOMPurify's allow-list (see message-text.ts).
 */
import { html, LitElement, nothing, type PropertyValues } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type {
  ActivityView,
  Invitation,
  MessageView,
  NoteView,
  PermissionView,
  SessionProfileView,
  SessionSummary,
  TypingView,
} from '../../../src/protocol/index.js';
import type { PendingReply, SessionReceipts } from '../state/chat-state-merge.js';
import type { Viewer } from '../state/session-abilities.js';
import { offlineCommands, type SessionCommands } from '../state/session-commands.js';
import './activity-panel.js';
import './chat-panel.js';
import type { CobrowseWatch } from '../state/cobrowse-watch.js';
import './cobrowse-view.js';
import { conversationStyles } from './conversation-view.styles.js';
import { ORIGIN_LABEL, STATUS_LABEL } from './labels.js';
import './permissions-panel.js';
import './session-actions.js';
import './visitor-profile.js';
import './support-client-panel.js';
import { sharedStyles } from './shared.styles.js';

/** The session view. */
@customElement('conversation-view')
export class ConversationView extends LitElement {
  static override styles = [sharedStyles, conversationStyles];

  @property({ attribute: false }) session: SessionSummary | null = null;
  @property({ attribute: false }) messages: readonly MessageView[] = [];
  @property({ attribute: false }) notes: readonly NoteView[] = [];
  @property({ attribute: false }) outbox: readonly PendingReply[] = [];
  @property({ attribute: false }) typing: readonly TypingView['who'][] = [];
  @property({ attribute: false }) receipts: SessionReceipts | undefined = undefined;
  @property({ attribute: false }) activity: readonly ActivityView[] = [];
  @property({ attribute: false }) permissions: readonly PermissionView[] = [];
  @property({ attribute: false }) invitation: Invitation | null = null;
  /** Whether the visitor's widget is connected; undefined until known. */
  @property({ attribute: false }) visitorOnline: boolean | undefined = undefined;
  /** What the visitor told about themselves (identity, pre-chat answers). */
  @property({ attribute: false }) profile: SessionProfileView | null = null;
  @property({ attribute: false }) viewer: Viewer = { id: '', role: 'technician' };
  @property({ attribute: false }) commands: SessionCommands = offlineCommands;
  /** The co-browse stream, for the live view. */
  @property({ attribute: false }) cobrowse: CobrowseWatch | null = null;

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('session') && changed.get('session')?.id !== this.session?.id) {
      this.renderRoot.querySelector('chat-panel')?.shadowRoot?.querySelector('textarea')?.focus();
    }
  }

  protected override render() {
    const s = this.session;
    if (!s) return html`<div class="placeholder"><p>Select a session to see its chat, actions and activity.</p></div>`;
    if (s.origin === 'unattended') return this.#unattended(s);
    return html`
      ${this.#header(s)}
      <session-actions .session=${s} .viewer=${this.viewer} .invitation=${this.invitation} .commands=${this.commands}></session-actions>
      <cobrowse-view .session=${s} .permissions=${this.permissions} .watch=${this.cobrowse}></cobrowse-view>
      <support-client-panel .session=${s} .permissions=${this.permissions}></support-client-panel>
      <div class="body">
        <chat-panel
          class="chat"
          aria-label="Chat"
          .session=${s}
          .messages=${this.messages}
          .notes=${this.notes}
          .outbox=${this.outbox}
          .typing=${this.typing}
          .receipts=${this.receipts}
          .commands=${this.commands}
        ></chat-panel>
        <aside aria-label="Permissions and activity">
          <visitor-profile .profile=${this.profile} ?hidden=${!this.profile}></visitor-profile>
          <permissions-panel .session=${s} .permissions=${this.permissions} .commands=${this.commands}></permissions-panel>
          <activity-panel .activity=${this.activity} visitorLabel=${s.visitorLabel}></activity-panel>
        </aside>
      </div>
    `;
  }

  /**
   * U-4, U-5: a member's connection to a device, without a visitor: no presence, chat, visitor
   * disconnect or permission requests; the device's panel (with End connection) and the activity log.
   */
  #unattended(s: SessionSummary) {
    return html`
      ${this.#header(s)}
      <session-actions .session=${s} .viewer=${this.viewer} .invitation=${this.invitation} .commands=${this.commands}></session-actions>
      <support-client-panel .session=${s} .permissions=${this.permissions} viewerId=${this.viewer.id}></support-client-panel>
      <div class="body unattended">
        <aside aria-label="Activity">
          <activity-panel .activity=${this.activity} visitorLabel=${s.visitorLabel}></activity-panel>
        </aside>
      </div>
    `;
  }

  #header(s: SessionSummary) {
    const you = (id: string, name: string) => (id === this.viewer.id ? `${name} (you)` : name);
    // Nobody's widget belongs to an unattended session: no visitor presence to show.
    const online = s.origin === 'unattended' ? undefined : this.visitorOnline;
    return html`<header>
      <div class="title">
        <h2>${s.visitorLabel}</h2>
        ${this.profile?.identity ? html`<span class="identity">${this.profile.identity.name || this.profile.identity.id}${this.profile.identity.verified ? '' : ' (unverified)'}</span>` : nothing}
        <span class="pill status status-${s.status}">${STATUS_LABEL[s.status]}</span>
        ${
          online === undefined
            ? nothing
            : html`<span class="presence ${online ? 'online' : 'offline'}"
                ><span class="dot" aria-hidden="true"></span>${online ? 'Online' : 'Offline'}</span
              >`
        }
      </div>
      <p class="people">
        <span>${s.owner ? html`Owner: <strong>${you(s.owner.id, s.owner.name)}</strong>` : 'Unassigned: replying takes it'}</span>
        ${s.participants.length > 0 ? html`<span>With: ${s.participants.map((p) => you(p.id, p.name)).join(', ')}</span>` : nothing}
        <span>${s.channelName}</span>
        <span>${ORIGIN_LABEL[s.origin] ?? ''}</span>
      </p>
    </header>`;
  }
}
