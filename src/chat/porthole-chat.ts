/**
 * `<porthole-chat>`: the chat panel, loaded lazily by `<porthole-widget>`. It only renders the state
 * of its {@link ChatController}; every string from the visitor, a technician or the server is bound
 * as text (Lit text bindings), never as HTML. The one exception is message text with links or
 * markdown, shown as HTML only after DOMPurify's allow-list (see message-text.ts).
 *
 * Events: `porthole-unread` (detail: number of unread technician messages),
 * `porthole-close-request` (the visitor pressed the close button),
 * `porthole-open-request` (a technician asks for a permission: the visitor must see the prompt).
 */
import { html, LitElement, nothing, type PropertyValues } from 'lit';
import { property, query } from 'lit/decorators.js';
import { ChatController } from '../controllers/chat-controller.js';
import type { MessageView } from '../protocol/views.js';
import { isEnded, unreadCount, type PendingMessage } from '../session/chat-state.js';
import { grantedPermissions, promptedPermission } from '../session/permissions.js';
import { connectSocket, type SocketFactory } from '../transport/socket-factory.js';
import { MessageText } from './message-text.js';
import { renderGranted, renderPermissionPrompt, renderPermissionRefusal, type ConsentHandlers } from './permission-prompt.js';
import { chatStyles } from './porthole-chat.styles.js';
import { partStyles } from './parts.styles.js';
import { richTextStyles } from './rich-text.styles.js';
import { renderEnded, renderStatus, type NoticeHandlers } from './session-notices.js';
import { renderTools, type ToolHandlers } from './support-tools.js';
import { helpersLine } from './wording.js';

/** The chat panel. */
export class PortholeChat extends LitElement {
  static override styles = [chatStyles, partStyles, richTextStyles];

  /** Origin of the Porthole server. */
  @property() server = '';
  /** Public channel key. */
  @property() channel = 'demo';
  /** Whether the panel is shown; while open, messages count as read. */
  @property({ type: Boolean, reflect: true }) open = false;
  /** Opens the socket; tests replace it with a fake. */
  @property({ attribute: false }) connect: SocketFactory = connectSocket;

  @query('textarea') private input!: HTMLTextAreaElement | null;

  readonly chat = new ChatController(this, () => ({ server: this.server, channel: this.channel, connect: this.connect }));
  readonly #text = new MessageText(this);
  #lastUnread = -1;
  #lastPrompt: string | null = null;
  #lastPin = 'closed';

  readonly #consent: ConsentHandlers = {
    answer: (id, allow) => this.chat.permissions.answer(id, allow),
    // Stop of `view` ends recording at once, before the server hears of it (C-8).
    revoke: (capability) => (capability === 'view' ? this.chat.cobrowse.stopByVisitor() : this.chat.permissions.revoke(capability)),
    dismissRefusal: () => this.chat.permissions.dismissRefusal(),
  };
  readonly #tools: ToolHandlers = {
    openPin: () => this.chat.invitation.openPin(),
    closePin: () => this.chat.invitation.closePin(),
    joinWithPin: (pin) => this.chat.invitation.joinWithPin(pin),
    requestCode: () => this.chat.supportCode.request(),
    hideCode: () => this.chat.supportCode.hide(),
  };
  readonly #notices: NoticeHandlers = {
    dismissLinkError: () => this.chat.invitation.dismissLinkError(),
    reconnect: () => this.chat.reconnect(),
    startOver: () => this.chat.startOver(),
  };

  protected override updated(changed: PropertyValues<this>): void {
    const { state } = this.chat;
    if (this.open && unreadCount(state) > 0) this.chat.markRead();
    // A prompt waiting for an answer comes first; otherwise the visitor is here to type.
    if (changed.has('open') && this.open) (this.renderRoot.querySelector<HTMLElement>('.prompt') ?? this.input)?.focus();
    const unread = unreadCount(state);
    if (unread !== this.#lastUnread) {
      this.#lastUnread = unread;
      this.dispatchEvent(new CustomEvent('porthole-unread', { detail: unread }));
    }
    this.#revealPrompt();
    if (state.pin.status === 'open' && this.#lastPin === 'closed') this.renderRoot.querySelector<HTMLInputElement>('#pin')?.focus();
    this.#lastPin = state.pin.status;
    const log = this.renderRoot.querySelector('.log');
    if (log) log.scrollTop = log.scrollHeight;
  }

  /**
   * A new permission request asks the launcher to open the panel and moves focus to the prompt (not
   * to Allow: a visitor typing must never consent by pressing Enter).
   */
  #revealPrompt(): void {
    const prompt = promptedPermission(this.chat.state.permissions);
    if (prompt?.id === this.#lastPrompt || !prompt) {
      this.#lastPrompt = prompt?.id ?? null;
      return;
    }
    this.#lastPrompt = prompt.id;
    // Once open, the `open` change above moves focus to the prompt.
    if (this.open) this.renderRoot.querySelector<HTMLElement>('.prompt')?.focus();
    else this.dispatchEvent(new CustomEvent('porthole-open-request'));
  }

  protected override render() {
    const { state } = this.chat;
    const prompt = promptedPermission(state.permissions);
    const ended = isEnded(state.session);
    return html`
      <header>
        <div class="title">
          <h2>Support</h2>
          <p>${helpersLine(state.session)}</p>
        </div>
        <button class="close" type="button" aria-label="Close chat" @click=${this.#requestClose}>×</button>
      </header>
      ${prompt ? renderPermissionPrompt(prompt, state.now, state.answering === prompt.id, this.#consent) : nothing}
      ${renderGranted(grantedPermissions(state.permissions), this.#consent)}
      ${renderPermissionRefusal(state.permissionRefusal, this.#consent)}
      <div class="log" role="log" aria-live="polite" aria-label="Conversation">
        ${
          state.messages.length === 0 && state.pending.length === 0
            ? html`<p class="empty">Hi! Ask us anything; a technician will answer here.</p>`
            : nothing
        }
        ${state.messages.map((m) => this.#renderMessage(m))} ${state.pending.map((p) => this.#renderPending(p))}
      </div>
      ${renderStatus(state, this.#notices)}
      ${
        ended
          ? renderEnded(state, this.#notices)
          : html`<form class="compose" @submit=${this.#onSubmit}>
              <textarea
                rows="1"
                aria-label="Message"
                placeholder="Type your message…"
                maxlength="4000"
                @keydown=${this.#onKeydown}
              ></textarea>
              <button class="send" type="submit">Send</button>
            </form>`
      }
      ${renderTools(state.pin, state.sos, this.#tools)}
    `;
  }

  #renderMessage(m: MessageView) {
    const who = m.author.kind === 'technician' ? m.author.name : null;
    return html`<div class="msg ${m.author.kind}" data-seq=${m.seq}>
      ${who ? html`<span class="who">${who}</span>` : nothing}${this.#text.render(m.text)}
    </div>`;
  }

  #renderPending(p: PendingMessage) {
    return html`<div class="msg visitor pending">
      ${this.#text.render(p.text)}${p.error ? html`<span class="error">Not sent yet: ${p.error}</span>` : nothing}
    </div>`;
  }

  #onKeydown(e: KeyboardEvent) {
    if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) {
      e.preventDefault();
      this.#submit();
    }
  }

  #onSubmit(e: Event) {
    e.preventDefault();
    this.#submit();
  }

  #submit() {
    if (!this.input) return;
    this.chat.send(this.input.value);
    this.input.value = '';
  }

  #requestClose() {
    this.dispatchEvent(new CustomEvent('porthole-close-request'));
  }
}

/** Registers `<porthole-chat>` unless it is already defined. */
export function defineChat(): void {
  if (!customElements.get('porthole-chat')) customElements.define('porthole-chat', PortholeChat);
}
