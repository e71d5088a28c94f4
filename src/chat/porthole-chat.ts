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
import type { IdentityClaim } from '../protocol/profile-schemas.js';
import type { MessageView } from '../protocol/views.js';
import { isEnded, lastVisitorReceipt, unreadCount, type PendingMessage } from '../session/chat-state.js';
import { grantedPermissions, promptedPermission } from '../session/permissions.js';
import { connectSocket, type SocketFactory } from '../transport/socket-factory.js';
import { ACCEPT, attachButtonStyles, renderAttachButton } from './attach-button.js';
import { AttachmentLoader } from './attachment-loader.js';
import type { UploadHandlers } from './attachment-view.js';
import { MessageText } from './message-text.js';
// Type-only: the forms are a lazy chunk (see #loadForms).
import type * as ProfileForms from './profile-forms.js';
import { renderGranted, renderPermissionPrompt, renderPermissionRefusal, type ConsentHandlers } from './permission-prompt.js';
import { chatStyles } from './porthole-chat.styles.js';
import { partStyles } from './parts.styles.js';
import { richTextStyles } from './rich-text.styles.js';
import { renderEnded, renderStatus, type NoticeHandlers } from './session-notices.js';
import { renderTools, type ToolHandlers } from './support-tools.js';
import { helpersLine } from './wording.js';

const RECEIPT_WORDS = { sent: 'Sent', delivered: 'Delivered', read: 'Read' } as const;

/** The lazy forms chunk, with the actions it brings. */
type LoadedForms = { mod: typeof ProfileForms; actions: ProfileForms.ProfileFormActions };
/** The chat panel. */
export class PortholeChat extends LitElement {
  static override styles = [chatStyles, partStyles, richTextStyles, attachButtonStyles];

  /** Origin of the Porthole server. */
  @property() server = '';
  /** Public channel key. */
  @property() channel = 'demo';
  /** Whether the panel is shown; while open, messages count as read. */
  @property({ type: Boolean, reflect: true }) open = false;
  /** Opens the socket; tests replace it with a fake. */
  @property({ attribute: false }) connect: SocketFactory = connectSocket;
  /** What the page said with `identify()`; a change reconnects as that user (I-1). */
  @property({ attribute: false }) identity: IdentityClaim | null = null;

  @query('textarea') private input!: HTMLTextAreaElement | null;
  @query('input[type=file]') private picker!: HTMLInputElement | null;

  readonly chat = new ChatController(this, () => ({
    server: this.server,
    channel: this.channel,
    connect: this.connect,
    identity: this.identity,
    onMessage: (m) => this.dispatchEvent(new CustomEvent<MessageView>('porthole-chat-message', { detail: m })),
  }));
  readonly #text = new MessageText(this);
  readonly #files = new AttachmentLoader(this, () => ({ server: this.server, channel: this.channel }));
  readonly #uploads: UploadHandlers = {
    cancel: (id) => this.chat.attachments?.cancel(id),
    dismiss: (id) => this.chat.attachments?.dismiss(id),
  };
  readonly #pick = () => {
    this.#files.preload();
    this.picker?.click();
  };
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
  readonly #toolsInSession: ToolHandlers = {
    ...this.#tools,
    continueElsewhere: async () => (await this.#loadForms())?.actions.showContinue(true),
  };
  #forms: LoadedForms | null = null;
  #formsLoading: Promise<LoadedForms | null> | null = null;
  #escalationLoading = false;
  readonly #notices: NoticeHandlers = {
    dismissLinkError: () => this.chat.invitation.dismissLinkError(),
    reconnect: () => this.chat.reconnect(),
    startOver: () => this.chat.startOver(),
  };

  protected override updated(changed: PropertyValues<this>): void {
    const { state } = this.chat;
    if (changed.has('identity') && changed.get('identity') !== undefined) this.chat.reidentify();
    if (changed.has('open')) this.chat.profile.watch(this.open);
    if (!this.#forms && (this.chat.profile.formShown() || this.chat.profile.offlineShown())) void this.#loadForms();
    if (this.open && unreadCount(state) > 0) this.chat.markRead();
    // A prompt waiting for an answer comes first; otherwise the visitor is here to type.
    if (changed.has('open') && this.open) (this.renderRoot.querySelector<HTMLElement>('.prompt') ?? this.input)?.focus();
    const unread = unreadCount(state);
    if (unread !== this.#lastUnread) {
      this.#lastUnread = unread;
      this.dispatchEvent(new CustomEvent('porthole-unread', { detail: unread }));
    }
    this.#revealPrompt();
    // The download prompt is a lazy chunk: most visitors never escalate.
    this.#loadEscalation();
    if (state.pin.status === 'open' && this.#lastPin === 'closed') this.renderRoot.querySelector<HTMLInputElement>('#pin')?.focus();
    this.#lastPin = state.pin.status;
    const log = this.renderRoot.querySelector('.log');
    if (log) log.scrollTop = log.scrollHeight;
  }

  #loadEscalation(): void {
    if (this.chat.escalation.state.status === 'none' || this.#escalationLoading) return;
    this.#escalationLoading = true;
    import('./escalation-prompt.js').then(
      (m) => m.defineEscalationPrompt(),
      // Offline or blocked: a later update tries again.
      () => (this.#escalationLoading = false),
    );
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
    // Only the last message says how far it got, as chat apps do; pending ones say so themselves.
    const receipt = state.pending.length === 0 ? lastVisitorReceipt(state) : null;
    // A form in place of the message box says all there is; the empty conversation's greeting would contradict it.
    const formShown = !ended && (this.chat.profile.formShown() || this.chat.profile.offlineShown());
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
      ${
        this.chat.escalation.state.status === 'none'
          ? nothing
          : html`<porthole-escalation
              .state=${this.chat.escalation.state}
              server=${this.server}
              @porthole-escalation-renew=${() => this.chat.escalation.renew()}
            ></porthole-escalation>`
      }
      ${renderPermissionRefusal(state.permissionRefusal, this.#consent)}
      <div class="log ${formShown ? 'compact' : ''}" role="log" aria-live="polite" aria-label="Conversation">
        ${
          state.messages.length === 0 && state.pending.length === 0
            ? html`<p class="empty">Hi! Ask us anything; a technician will answer here.</p>`
            : nothing
        }
        ${state.messages.map((m) => this.#renderMessage(m, receipt?.seq === m.seq ? receipt.status : null))}
        ${state.pending.map((p) => this.#renderPending(p))}
        ${state.typing ? html`<p class="typing" aria-live="off"><span class="dots" aria-hidden="true"></span>${state.typing} is typing…</p>` : nothing}
      </div>
      ${renderStatus(state, this.#notices)} ${ended ? nothing : this.#files.uploads(state.uploads, this.#uploads)}
      ${
        ended
          ? renderEnded(state, this.#notices)
          : (this.#profileForm() ??
            html`<form class="compose" @submit=${this.#onSubmit}>
              ${renderAttachButton(this.#pick)}
              <input type="file" multiple accept=${ACCEPT} tabindex="-1" aria-hidden="true" @change=${this.#onPicked} />
              <textarea
                rows="1"
                aria-label="Message"
                placeholder="Type your message…"
                maxlength="4000"
                @keydown=${this.#onKeydown}
                @input=${this.#onInput}
                @blur=${() => this.chat.signals.stopTyping()}
                @paste=${this.#onPaste}
              ></textarea>
              <button class="send" type="submit">Send</button>
            </form>`)
      }
      ${this.#continueCard() ?? renderTools(state.pin, state.sos, state.session && !ended ? this.#toolsInSession : this.#tools)}
    `;
  }

  /** The "continue on another device" card while open (P-1), in place of the tools row. */
  #continueCard() {
    const actions = this.#forms?.actions;
    if (!actions || actions.continuing.status === 'closed') return null;
    return this.#forms!.mod.renderContinue(actions.continuing, {
      send: (email) => actions.emailLink(email),
      close: () => actions.showContinue(false),
    });
  }

  /** The offline notice or the pre-chat form, in place of the message box, when the server says so. */
  #profileForm() {
    const { profile } = this.chat;
    const offline = profile.offlineShown() ? profile.profile?.offline : null;
    const form = profile.formShown() ? profile.profile?.prechat : null;
    if (!offline && !form) return null;
    const forms = this.#forms;
    if (!forms) return html`<div class="status" role="status">Loading…</div>`;
    const { mod, actions } = forms;
    return offline
      ? mod.renderOffline(offline, actions.leave, { leave: (m) => actions.leaveMessage(m) })
      : mod.renderPrechat(form!, actions.prechat, { submit: (a) => actions.submitPrechat(a) });
  }

  /** Loads the forms chunk once and adopts its styles next to the panel's own. */
  #loadForms(): Promise<LoadedForms | null> {
    if (!this.#formsLoading) this.#formsLoading = this.#importForms();
    return this.#formsLoading;
  }

  async #importForms(): Promise<LoadedForms | null> {
    try {
      const mod = await import('./profile-forms.js');
      const sheet = mod.profileStyles.styleSheet;
      const root = this.renderRoot as ShadowRoot;
      if (sheet && !root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
      this.#forms = { mod, actions: new mod.ProfileFormActions(this.chat.port, () => this.requestUpdate()) };
      this.requestUpdate();
    } catch {
      // A failed chunk load is tried again at the next update.
      this.#formsLoading = null;
    }
    return this.#forms;
  }

  #renderMessage(m: MessageView, receipt: 'sent' | 'delivered' | 'read' | null) {
    const who = m.author.kind === 'technician' ? m.author.name : null;
    return html`<div class="msg ${m.author.kind}" data-seq=${m.seq}>
        ${who ? html`<span class="who">${who}</span>` : nothing}${m.attachment ? this.#files.message(m.attachment) : nothing}${
          m.text ? this.#text.render(m.text) : nothing
        }
      </div>
      ${receipt ? html`<span class="receipt ${receipt}">${RECEIPT_WORDS[receipt]}</span>` : nothing}`;
  }

  #onInput(e: Event) {
    this.chat.signals.input((e.target as HTMLTextAreaElement).value.trim().length > 0);
  }

  #renderPending(p: PendingMessage) {
    return html`<div class="msg visitor pending">
      ${p.attachment ? this.#files.message(p.attachment) : nothing}${p.text ? this.#text.render(p.text) : nothing}${
        p.error ? html`<span class="error">Not sent yet: ${p.error}</span>` : nothing
      }
    </div>`;
  }

  #onPicked(e: Event) {
    const input = e.target as HTMLInputElement;
    if (input.files) this.#attach([...input.files]);
    // The same file picked again must fire `change` again.
    input.value = '';
  }

  #onPaste(e: ClipboardEvent) {
    const files = [...(e.clipboardData?.files ?? [])];
    if (files.length === 0) return;
    e.preventDefault();
    this.#attach(files);
  }

  #attach(files: File[]) {
    void this.#files.ready().then((view) => view && this.chat.bindAttachments(view.actionsFor).attach(files));
  }

  #onDragOver = (e: DragEvent) => {
    if (!e.dataTransfer?.types.includes('Files') || isEnded(this.chat.state.session)) return;
    e.preventDefault();
    this.toggleAttribute('dragging', true);
  };

  #onDragLeave = (e: DragEvent) => {
    if (e.relatedTarget === null || !this.contains(e.relatedTarget as Node)) this.toggleAttribute('dragging', false);
  };

  #onDrop = (e: DragEvent) => {
    this.toggleAttribute('dragging', false);
    const files = [...(e.dataTransfer?.files ?? [])];
    if (files.length === 0 || isEnded(this.chat.state.session)) return;
    e.preventDefault();
    this.#attach(files);
  };

  override connectedCallback(): void {
    super.connectedCallback();
    this.addEventListener('dragover', this.#onDragOver);
    this.addEventListener('dragleave', this.#onDragLeave);
    this.addEventListener('drop', this.#onDrop);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.removeEventListener('dragover', this.#onDragOver);
    this.removeEventListener('dragleave', this.#onDragLeave);
    this.removeEventListener('drop', this.#onDrop);
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
