/**
 * `<chat-panel>`: the chat of the open session. One timeline of the visitor's conversation and the
 * technicians' internal notes (N-1, marked as such), replies on their way or failed (with Retry),
 * who is typing (Y-1), and how far the last reply got (D-1). The composer writes either a reply to
 * the visitor or an internal note. The chat bar can be hidden (a count shows what arrived since)
 * and unpinned (it then floats over the session view, leaving room for the rest).
 *
 * Everything people wrote is text, except message text with links or markdown, shown as HTML only
 * after DOMPurify's allow-list (see message-text.ts).
 *
 * Attributes reflected for the layout: `collapsed` (hidden chat bar), `floating` (unpinned).
 */
import { html, LitElement, nothing, type PropertyValues } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import type { MessageView, NoteView, SessionSummary, TypingView } from '../../../src/protocol/index.js';
import { richTextStyles } from '../../../src/chat/rich-text.styles.js';
import { lastTechnicianReceipt, type PendingReply, type SessionReceipts } from '../state/chat-state-merge.js';
import { isOpen } from '../state/session-abilities.js';
import { offlineCommands, type SessionCommands } from '../state/session-commands.js';
import { renderAttachButton } from '../../../src/chat/attach-button.js';
import { chatPanelStyles } from './chat-panel.styles.js';
import { ConsoleUploads, renderConsoleAttachment, renderConsoleUploads } from './console-attachments.js';
import { consoleAttachmentStyles } from './console-attachments.styles.js';
import { STATUS_LABEL, timeLabel } from './labels.js';
import { renderMessageText } from './message-text.js';
import { sharedStyles } from './shared.styles.js';

const PREFS_KEY = 'porthole.console.chatbar';
const RECEIPT_WORDS = { sent: 'Sent', delivered: 'Delivered', read: 'Read' } as const;

type Entry = { kind: 'message'; at: number; m: MessageView } | { kind: 'note'; at: number; n: NoteView };

/** The chat of one session. */
@customElement('chat-panel')
export class ChatPanel extends LitElement {
  static override styles = [sharedStyles, richTextStyles, chatPanelStyles, consoleAttachmentStyles];

  @property({ attribute: false }) session: SessionSummary | null = null;
  @property({ attribute: false }) messages: readonly MessageView[] = [];
  @property({ attribute: false }) notes: readonly NoteView[] = [];
  /** This session's replies and notes not confirmed yet. */
  @property({ attribute: false }) outbox: readonly PendingReply[] = [];
  @property({ attribute: false }) typing: readonly TypingView['who'][] = [];
  @property({ attribute: false }) receipts: SessionReceipts | undefined = undefined;
  @property({ attribute: false }) commands: SessionCommands = offlineCommands;
  /** Hidden chat bar. */
  @property({ type: Boolean, reflect: true }) collapsed = false;
  /** Unpinned chat bar. */
  @property({ type: Boolean, reflect: true }) floating = false;

  @state() private internal = false;
  /** Entries that arrived while the chat was hidden. */
  @state() private missed = 0;
  @query('textarea') private input!: HTMLTextAreaElement | null;
  @query('input[type=file]') private picker!: HTMLInputElement | null;
  readonly #uploads = new ConsoleUploads(this);

  override connectedCallback(): void {
    super.connectedCallback();
    this.addEventListener('dragover', this.#dragOver);
    this.addEventListener('dragleave', this.#dragLeave);
    this.addEventListener('drop', this.#drop);
    try {
      const prefs = JSON.parse(localStorage.getItem(PREFS_KEY) ?? '{}') as { collapsed?: unknown; floating?: unknown };
      this.collapsed = prefs.collapsed === true;
      this.floating = prefs.floating === true;
    } catch {
      // Unreadable preferences: the defaults (shown, pinned) do.
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.removeEventListener('dragover', this.#dragOver);
    this.removeEventListener('dragleave', this.#dragLeave);
    this.removeEventListener('drop', this.#drop);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const before = (changed.get('messages')?.length ?? this.messages.length) + (changed.get('notes')?.length ?? this.notes.length);
    if (changed.has('session') && changed.get('session')?.id !== this.session?.id) this.missed = 0;
    else if (this.collapsed && (changed.has('messages') || changed.has('notes')))
      this.missed += Math.max(0, this.messages.length + this.notes.length - before);
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('messages') || changed.has('notes') || changed.has('outbox') || changed.has('collapsed')) {
      const log = this.renderRoot.querySelector('.log');
      if (log) log.scrollTop = log.scrollHeight;
    }
  }

  protected override render() {
    const s = this.session;
    if (!s) return nothing;
    return html`
      <div class="bar">
        <h3>
          Chat${this.collapsed && this.missed > 0 ? html` <span class="badge" aria-label="${this.missed} new">${this.missed}</span>` : nothing}
        </h3>
        <button type="button" class="secondary small" aria-pressed=${String(!this.collapsed)} @click=${this.#toggleShown}>
          ${this.collapsed ? 'Show chat' : 'Hide chat'}
        </button>
        <button type="button" class="secondary small" aria-pressed=${String(!this.floating)} @click=${this.#togglePinned}>
          ${this.floating ? 'Pin' : 'Unpin'}
        </button>
      </div>
      ${this.collapsed ? nothing : this.#body(s)}
    `;
  }

  #body(s: SessionSummary) {
    const receipt = lastTechnicianReceipt(this.messages, this.receipts);
    const typing = this.typing.map((w) => (w.kind === 'visitor' ? s.visitorLabel : w.name));
    return html`
      <div class="log" role="log" aria-live="polite" aria-label="Messages">
        ${this.messages.length + this.notes.length + this.outbox.length === 0 ? html`<p class="hint empty">No messages yet.</p>` : nothing}
        ${this.#timeline().map((e) => (e.kind === 'message' ? this.#message(e.m, s, receipt?.seq === e.m.seq ? receipt.status : null) : this.#note(e.n)))}
        ${this.outbox.map((p) => this.#pending(p))}
        ${typing.length > 0 ? html`<p class="typing"><span class="dots" aria-hidden="true"></span>${typing.join(', ')} ${typing.length > 1 ? 'are' : 'is'} typing…</p>` : nothing}
      </div>
      ${isOpen(s) ? this.#composer() : html`<p class="hint ended">This session is ${STATUS_LABEL[s.status].toLowerCase()}: start a new session to talk again.</p>`}
    `;
  }

  /** Messages and notes in one order: by time, messages first when they tie. */
  #timeline(): Entry[] {
    const entries: Entry[] = [
      ...this.messages.map((m): Entry => ({ kind: 'message', at: m.createdAt, m })),
      ...this.notes.map((n): Entry => ({ kind: 'note', at: n.createdAt, n })),
    ];
    return entries.sort((a, b) => a.at - b.at || (a.kind === b.kind ? 0 : a.kind === 'message' ? -1 : 1));
  }

  #message(m: MessageView, s: SessionSummary, receipt: keyof typeof RECEIPT_WORDS | null) {
    return html`<div class="msg ${m.author.kind}" data-seq=${m.seq}>
        <span class="meta">${m.author.kind === 'technician' ? m.author.name : s.visitorLabel} · ${timeLabel(m.createdAt)}</span>
        ${m.attachment ? renderConsoleAttachment(m.attachment) : nothing} ${m.text ? renderMessageText(m.text) : nothing}
      </div>
      ${receipt ? html`<span class="receipt ${receipt}">${RECEIPT_WORDS[receipt]}</span>` : nothing}`;
  }

  #note(n: NoteView) {
    return html`<div class="msg note" data-note-seq=${n.seq}>
      <span class="meta"><strong>Internal note</strong> · ${n.author.name} · ${timeLabel(n.createdAt)}</span>
      ${renderMessageText(n.text)}
    </div>`;
  }

  #pending(p: PendingReply) {
    return html`<div class="msg technician pending ${p.internal ? 'note' : ''}">
      <span class="meta"
        >${p.internal ? 'Internal note · ' : ''}${p.error ? html`<span class="failed">Not sent: ${p.error}</span>` : 'Sending…'}</span
      >
      ${p.text ? renderMessageText(p.text) : nothing}
      ${
        p.error
          ? html`<span class="retry">
              <button type="button" class="small" @click=${() => void this.commands.retry(p.clientId)}>Retry</button>
              <button type="button" class="secondary small" @click=${() => this.commands.discard(p.clientId)}>Discard</button>
            </span>`
          : nothing
      }
    </div>`;
  }

  #composer() {
    return html`${renderConsoleUploads(this.#uploads)}
      <form class=${this.internal ? 'internal' : ''} @submit=${this.#submit}>
        <div class="modes" role="radiogroup" aria-label="Write">
          <label><input type="radio" name="mode" .checked=${!this.internal} @change=${() => this.#mode(false)} />Reply to visitor</label>
          <label><input type="radio" name="mode" .checked=${this.internal} @change=${() => this.#mode(true)} />Internal note</label>
        </div>
        <div class="row">
          ${this.internal ? nothing : renderAttachButton(() => this.picker?.click())}
          <input type="file" multiple tabindex="-1" aria-hidden="true" @change=${this.#picked} />
          <textarea
            aria-label=${this.internal ? 'Internal note' : 'Reply'}
            rows="2"
            maxlength="4000"
            placeholder=${this.internal ? 'Only technicians see this note…' : 'Write a reply…'}
            @keydown=${this.#keydown}
            @input=${this.#input}
            @paste=${this.#paste}
          ></textarea>
          <button type="submit">${this.internal ? 'Add note' : 'Send'}</button>
        </div>
      </form>`;
  }

  /** F-1: uploads files to the open session, then sends each as a reply (files are not notes). */
  #attach(files: File[]) {
    const s = this.session;
    if (!s || !isOpen(s) || files.length === 0 || this.internal) return;
    this.#uploads.attach(s.id, files, (sessionId, attachmentId) => this.commands.send(sessionId, '', attachmentId));
  }

  #picked(e: Event) {
    const input = e.target as HTMLInputElement;
    this.#attach([...(input.files ?? [])]);
    input.value = '';
  }

  #paste(e: ClipboardEvent) {
    const files = [...(e.clipboardData?.files ?? [])];
    if (files.length === 0) return;
    e.preventDefault();
    this.#attach(files);
  }

  readonly #dragOver = (e: DragEvent) => {
    if (!e.dataTransfer?.types.includes('Files') || !this.session || !isOpen(this.session)) return;
    e.preventDefault();
    this.toggleAttribute('dragging', true);
  };

  readonly #dragLeave = (e: DragEvent) => {
    if (e.relatedTarget === null || !this.contains(e.relatedTarget as Node)) this.toggleAttribute('dragging', false);
  };

  readonly #drop = (e: DragEvent) => {
    this.toggleAttribute('dragging', false);
    const files = [...(e.dataTransfer?.files ?? [])];
    if (files.length === 0) return;
    e.preventDefault();
    this.#attach(files);
  };

  #mode(internal: boolean) {
    this.internal = internal;
    if (internal && this.session) this.commands.typing(this.session.id, false);
    this.input?.focus();
  }

  #input(e: Event) {
    // Typing a note is nothing the visitor should hear about.
    if (this.session && !this.internal) this.commands.typing(this.session.id, (e.target as HTMLTextAreaElement).value.trim().length > 0);
  }

  #keydown(e: KeyboardEvent) {
    if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) {
      e.preventDefault();
      this.#send();
    }
  }

  #submit(e: Event) {
    e.preventDefault();
    this.#send();
  }

  #send() {
    const text = this.input?.value.trim() ?? '';
    if (!text || !this.session || !this.input) return;
    this.input.value = '';
    // The reply shows at once as pending; a failure keeps it there with Retry, so nothing is lost.
    void (this.internal ? this.commands.sendNote(this.session.id, text) : this.commands.send(this.session.id, text));
  }

  #toggleShown() {
    this.collapsed = !this.collapsed;
    this.missed = 0;
    this.#savePrefs();
  }

  #togglePinned() {
    this.floating = !this.floating;
    this.#savePrefs();
  }

  #savePrefs() {
    try {
      localStorage.setItem(PREFS_KEY, JSON.stringify({ collapsed: this.collapsed, floating: this.floating }));
    } catch {
      // Storage may be off (private mode): the choice then lasts until the page reloads.
    }
  }
}
