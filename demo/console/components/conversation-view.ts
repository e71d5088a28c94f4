/**
 * `<conversation-view>`: the open session's messages and the reply box. Message text is rendered as
 * text, never as HTML.
 */
import { html, LitElement, nothing, type PropertyValues } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import type { MessageView, Result, SessionSummary } from '../../../src/protocol/index.js';
import { conversationStyles } from './conversation-view.styles.js';
import { STATUS_LABEL, timeLabel } from './labels.js';

/** One conversation. */
@customElement('conversation-view')
export class ConversationView extends LitElement {
  static override styles = conversationStyles;

  @property({ attribute: false }) session: SessionSummary | null = null;
  @property({ attribute: false }) messages: readonly MessageView[] = [];
  /** Sends a reply; provided by the workspace. */
  @property({ attribute: false }) send: (sessionId: string, text: string) => Promise<Result<unknown>> = () =>
    Promise.resolve({ ok: false, error: 'internal', message: 'Not ready.' });

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
    if (!s) return html`<div class="placeholder"><p>Select a conversation to read and reply.</p></div>`;
    return html`
      <header>
        <h2>${s.visitorLabel}</h2>
        <span class="status status-${s.status}">${STATUS_LABEL[s.status]}</span>
        <span class="owner">${s.owner ? `Owner: ${s.owner.name}` : 'Unassigned: replying takes it'}</span>
      </header>
      <div class="log" role="log" aria-live="polite" aria-label="Messages">
        ${this.messages.map(
          (m) =>
            html`<div class="msg ${m.author.kind}" data-seq=${m.seq}>
              <span class="meta">${m.author.kind === 'technician' ? m.author.name : s.visitorLabel} · ${timeLabel(m.createdAt)}</span>
              <span class="text">${m.text}</span>
            </div>`,
        )}
      </div>
      <form @submit=${this.#submit}>
        <textarea aria-label="Reply" rows="2" maxlength="4000" placeholder="Write a reply…" @keydown=${this.#keydown}></textarea>
        <button type="submit">Send</button>
      </form>
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
    `;
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
    const r = await this.send(this.session.id, text);
    if (r.ok) this.error = '';
    else {
      // Keep what the technician wrote so nothing is lost.
      input.value = text;
      this.error = r.message;
    }
  }
}
