/**
 * `<porthole-chat>`: the chat panel, loaded lazily by `<porthole-widget>`. Message text is always
 * rendered as text (Lit text bindings), never as HTML.
 *
 * Events: `porthole-unread` (detail: number of unread technician messages),
 * `porthole-close-request` (the visitor pressed the close button).
 */
import { html, LitElement, nothing, type PropertyValues } from 'lit';
import { property, query } from 'lit/decorators.js';
import { ChatController } from '../controllers/chat-controller.js';
import type { MessageView } from '../protocol/views.js';
import { unreadCount, type PendingMessage } from '../session/chat-state.js';
import { connectSocket, type SocketFactory } from '../transport/socket-factory.js';
import { chatStyles } from './porthole-chat.styles.js';

/** The chat panel. */
export class PortholeChat extends LitElement {
  static override styles = chatStyles;

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
  #lastUnread = -1;

  protected override updated(changed: PropertyValues<this>): void {
    if (this.open && unreadCount(this.chat.state) > 0) this.chat.markRead();
    if (changed.has('open') && this.open) this.input?.focus();
    const unread = unreadCount(this.chat.state);
    if (unread !== this.#lastUnread) {
      this.#lastUnread = unread;
      this.dispatchEvent(new CustomEvent('porthole-unread', { detail: unread }));
    }
    const log = this.renderRoot.querySelector('.log');
    if (log) log.scrollTop = log.scrollHeight;
  }

  protected override render() {
    const { state } = this.chat;
    const owner = state.session?.owner;
    return html`
      <header>
        <div class="title">
          <h2>Support</h2>
          <p>${owner ? `${owner.name} is helping you` : 'We usually reply in a few minutes'}</p>
        </div>
        <button class="close" type="button" aria-label="Close chat" @click=${this.#requestClose}>×</button>
      </header>
      <div class="log" role="log" aria-live="polite" aria-label="Conversation">
        ${
          state.messages.length === 0 && state.pending.length === 0
            ? html`<p class="empty">Hi! Ask us anything; a technician will answer here.</p>`
            : nothing
        }
        ${state.messages.map((m) => this.#renderMessage(m))} ${state.pending.map((p) => this.#renderPending(p))}
      </div>
      ${this.#renderStatus()}
      <form @submit=${this.#onSubmit}>
        <textarea rows="1" aria-label="Message" placeholder="Type your message…" maxlength="4000" @keydown=${this.#onKeydown}></textarea>
        <button class="send" type="submit">Send</button>
      </form>
    `;
  }

  #renderMessage(m: MessageView) {
    const who = m.author.kind === 'technician' ? m.author.name : null;
    return html`<div class="msg ${m.author.kind}" data-seq=${m.seq}>
      ${who ? html`<span class="who">${who}</span>` : nothing}<span class="text">${m.text}</span>
    </div>`;
  }

  #renderPending(p: PendingMessage) {
    return html`<div class="msg visitor pending">
      <span class="text">${p.text}</span>${p.error ? html`<span class="error">Not sent yet: ${p.error}</span>` : nothing}
    </div>`;
  }

  #renderStatus() {
    const { state } = this.chat;
    if (state.problem) return html`<div class="status problem" role="status">${state.problem}</div>`;
    if (state.connection === 'offline') return html`<div class="status" role="status">Reconnecting… your messages will be sent.</div>`;
    if (state.session?.status === 'in_queue') return html`<div class="status" role="status">Waiting for a technician…</div>`;
    return nothing;
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
