/**
 * `<conversation-view>`: the open session: a header (visitor, status, presence, owner, participants),
 * the actions bar, the chat with its reply box, and the permissions and activity panels. Everything
 * people wrote is rendered as text, never as HTML, except message text with links or markdown, which
 * shows as HTML only after DOMPurify's allow-list (see message-text.ts).
 */
import { html, LitElement, nothing, type PropertyValues } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import type { ActivityView, Invitation, MessageView, PermissionView, SessionSummary } from '../../../src/protocol/index.js';
import { isOpen, type Viewer } from '../state/session-abilities.js';
import { offlineCommands, type SessionCommands } from '../state/session-commands.js';
import './activity-panel.js';
import type { CobrowseWatch } from '../state/cobrowse-watch.js';
import './cobrowse-view.js';
import { richTextStyles } from '../../../src/chat/rich-text.styles.js';
import { conversationStyles } from './conversation-view.styles.js';
import { ORIGIN_LABEL, STATUS_LABEL, timeLabel } from './labels.js';
import { renderMessageText } from './message-text.js';
import './permissions-panel.js';
import './session-actions.js';
import { sharedStyles } from './shared.styles.js';

/** The session view. */
@customElement('conversation-view')
export class ConversationView extends LitElement {
  static override styles = [sharedStyles, richTextStyles, conversationStyles];

  @property({ attribute: false }) session: SessionSummary | null = null;
  @property({ attribute: false }) messages: readonly MessageView[] = [];
  @property({ attribute: false }) activity: readonly ActivityView[] = [];
  @property({ attribute: false }) permissions: readonly PermissionView[] = [];
  @property({ attribute: false }) invitation: Invitation | null = null;
  /** Whether the visitor's widget is connected; undefined until known. */
  @property({ attribute: false }) visitorOnline: boolean | undefined = undefined;
  @property({ attribute: false }) viewer: Viewer = { id: '', role: 'technician' };
  @property({ attribute: false }) commands: SessionCommands = offlineCommands;
  /** The co-browse stream, for the live view. */
  @property({ attribute: false }) cobrowse: CobrowseWatch | null = null;

  @state() private error = '';
  @query('textarea') private input!: HTMLTextAreaElement | null;

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('messages') || changed.has('session')) {
      const log = this.renderRoot.querySelector('.log');
      if (log) log.scrollTop = log.scrollHeight;
    }
    if (changed.has('session') && changed.get('session')?.id !== this.session?.id) {
      this.error = '';
      this.input?.focus();
    }
  }

  protected override render() {
    const s = this.session;
    if (!s) return html`<div class="placeholder"><p>Select a session to see its chat, actions and activity.</p></div>`;
    return html`
      ${this.#header(s)}
      <session-actions .session=${s} .viewer=${this.viewer} .invitation=${this.invitation} .commands=${this.commands}></session-actions>
      <cobrowse-view .session=${s} .permissions=${this.permissions} .watch=${this.cobrowse}></cobrowse-view>
      <div class="body">
        <section class="chat" aria-label="Chat">
          <div class="log" role="log" aria-live="polite" aria-label="Messages">
            ${this.messages.length === 0 ? html`<p class="hint empty">No messages yet.</p>` : nothing}
            ${this.messages.map(
              (m) =>
                html`<div class="msg ${m.author.kind}" data-seq=${m.seq}>
                  <span class="meta">${m.author.kind === 'technician' ? m.author.name : s.visitorLabel} · ${timeLabel(m.createdAt)}</span>
                  ${renderMessageText(m.text)}
                </div>`,
            )}
          </div>
          ${isOpen(s) ? this.#replyBox() : html`<p class="hint ended">This session is ${STATUS_LABEL[s.status].toLowerCase()}: start a new session to talk again.</p>`}
        </section>
        <aside aria-label="Permissions and activity">
          <permissions-panel .session=${s} .permissions=${this.permissions} .commands=${this.commands}></permissions-panel>
          <activity-panel .activity=${this.activity} visitorLabel=${s.visitorLabel}></activity-panel>
        </aside>
      </div>
    `;
  }

  #header(s: SessionSummary) {
    const you = (id: string, name: string) => (id === this.viewer.id ? `${name} (you)` : name);
    const online = this.visitorOnline;
    return html`<header>
      <div class="title">
        <h2>${s.visitorLabel}</h2>
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

  #replyBox() {
    return html`<form @submit=${this.#submit}>
        <textarea aria-label="Reply" rows="2" maxlength="4000" placeholder="Write a reply…" @keydown=${this.#keydown}></textarea>
        <button type="submit">Send</button>
      </form>
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}`;
  }

  #keydown(e: KeyboardEvent) {
    if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) {
      e.preventDefault();
      void this.#reply();
    }
  }

  #submit(e: Event) {
    e.preventDefault();
    void this.#reply();
  }

  async #reply() {
    const text = this.input?.value.trim() ?? '';
    if (!text || !this.session || !this.input) return;
    const input = this.input;
    input.value = '';
    const r = await this.commands.send(this.session.id, text);
    if (r.ok) this.error = '';
    else {
      // Keep what the technician wrote so nothing is lost.
      input.value = text;
      this.error = r.message;
    }
  }
}
