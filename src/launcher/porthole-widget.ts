/**
 * `<porthole-widget>`: the support button every page loads. A plain custom element (no Lit) so the
 * page pays a few hundred bytes until the visitor shows intent: hover, focus or click loads the chat
 * chunk; so does a conversation stored from an earlier visit, to show new replies on the badge, or
 * messages left in the outbox, to send them. A page opened from a technician's invitation link
 * (`?porthole=<token>`) opens the chat at once.
 *
 * Attributes: `channel` (public channel key, default `demo`), `server` (origin of the Porthole
 * server, default the origin this script was loaded from).
 * Events: `porthole-open`, `porthole-close`, `porthole-message` (detail: the message as plain data;
 * all bubbling, composed).
 * Methods: `open()`, `close()`, `toggle()`, `identify({ id, name, email, hash })`.
 *
 * @example
 * <script type="module" src="https://support.example.com/widget/porthole.js"></script>
 * <porthole-widget channel="demo"></porthole-widget>
 * <script type="module">
 *   const widget = document.querySelector('porthole-widget');
 *   widget.addEventListener('porthole-message', (e) => console.log(e.detail.author.kind, e.detail.text));
 * </script>
 */
// Type-only: erased at build, so the chat stays out of the launcher's bundle.
import type * as ChatModuleTypes from '../chat/porthole-chat.js';
import type { MessageView } from '../protocol/views.js';
import { hasInviteParam } from '../transport/invite-link.js';
import { loadOutbox } from '../transport/outbox.js';
import { loadToken } from '../transport/visitor-token.js';
import { launcherCss } from './launcher.styles.js';
import { PortholeMessageEvent, type PortholeIdentity } from './widget-events.js';

type ChatModule = typeof ChatModuleTypes;
type ChatElement = InstanceType<ChatModule['PortholeChat']>;

const ICON =
  '<svg viewBox="0 0 24 24" aria-hidden="true"><path d="M4 3h16a2 2 0 0 1 2 2v11a2 2 0 0 1-2 2H9l-5 4v-4H4a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2zm3 6.5a1.5 1.5 0 1 0 0 3 1.5 1.5 0 0 0 0-3zm5 0a1.5 1.5 0 1 0 0 3 1.5 1.5 0 0 0 0-3zm5 0a1.5 1.5 0 1 0 0 3 1.5 1.5 0 0 0 0-3z"/></svg>';

let sheet: CSSStyleSheet | undefined;

/** The support button and the host of the lazily loaded chat panel. */
export class PortholeWidget extends HTMLElement {
  #root: ShadowRoot | null = null;
  #button: HTMLButtonElement | null = null;
  #badge: HTMLElement | null = null;
  #panelSlot: HTMLElement | null = null;
  #chat: ChatElement | null = null;
  #loading: Promise<ChatModule> | null = null;
  #isOpen = false;
  #identity: PortholeIdentity | null = null;

  /** The public channel key. */
  get channel(): string {
    return this.getAttribute('channel') || 'demo';
  }

  /** The Porthole server's origin. */
  get server(): string {
    return this.getAttribute('server') || new URL(import.meta.url).origin;
  }

  /** Whether the chat panel is open. */
  get isOpen(): boolean {
    return this.#isOpen;
  }

  connectedCallback(): void {
    if (this.#root) return;
    this.#root = this.attachShadow({ mode: 'open' });
    sheet ??= new CSSStyleSheet();
    if (sheet.cssRules.length === 0) sheet.replaceSync(launcherCss);
    this.#root.adoptedStyleSheets = [sheet];
    this.#root.innerHTML = `<div class="panel" hidden></div><button class="launch" type="button" part="button" aria-label="Chat with support" aria-expanded="false">${ICON}<span class="badge" hidden></span></button>`;
    this.#panelSlot = this.#root.querySelector('.panel');
    this.#button = this.#root.querySelector('button');
    this.#badge = this.#root.querySelector('.badge');
    const intent = () => void this.#load().catch(() => undefined);
    this.#button?.addEventListener('pointerenter', intent, { once: true });
    this.#button?.addEventListener('focus', intent, { once: true });
    this.#button?.addEventListener('click', () => this.toggle());
    // An earlier conversation, or messages typed before a reload that still wait to be sent.
    void Promise.all([loadToken(this.server, this.channel), loadOutbox(this)]).then(([token, waiting]) => {
      if (token || waiting.length > 0) void this.#mount().catch(() => undefined);
    });
    // The visitor followed a technician's link to be helped: no need to find the button first.
    if (hasInviteParam()) this.open();
  }

  /** Opens the chat panel, loading it first if needed. */
  open(): void {
    void this.#setOpen(true);
  }

  /** Closes the chat panel. */
  close(): void {
    void this.#setOpen(false);
  }

  /** Opens the panel when closed, closes it when open. */
  toggle(): void {
    void this.#setOpen(!this.#isOpen);
  }

  /**
   * Tells Porthole who the signed-in user is. With a valid `hash` (HMAC-SHA256 of `id` with the
   * channel's identity secret, made on your server: never put the secret in the page) technicians
   * see a verified identity and the user finds their conversation on any device; without one the
   * name shows as unverified and no earlier conversation of that user is shown. Call it again with
   * another user, or with `null` when they sign out.
   *
   * @example
   * widget.identify({ id: 'user-42', name: 'Ada Lovelace', email: 'ada@example.com', hash: '<hex from your server>' });
   */
  identify(identity: PortholeIdentity | null): void {
    // Only strings travel; anything else is dropped rather than thrown into the page.
    const str = (x: unknown) => (typeof x === 'string' ? x : undefined);
    const id = str(identity?.id);
    this.#identity = id
      ? (Object.fromEntries(
          Object.entries({ id, name: str(identity?.name), email: str(identity?.email), hash: str(identity?.hash) }).filter(
            ([, x]) => x !== undefined,
          ),
        ) as unknown as PortholeIdentity)
      : null;
    if (this.#chat) this.#chat.identity = this.#identity;
  }

  async #setOpen(open: boolean): Promise<void> {
    if (open === this.#isOpen) return;
    this.#isOpen = open;
    this.#button?.setAttribute('aria-expanded', String(open));
    this.dispatchEvent(new Event(open ? 'porthole-open' : 'porthole-close', { bubbles: true, composed: true }));
    try {
      const chat = open ? await this.#mount() : this.#chat;
      if (chat) chat.open = this.#isOpen;
      this.#panelSlot?.toggleAttribute('hidden', !this.#isOpen);
    } catch {
      // The widget never throws into the host page; the button says what went wrong.
      this.#isOpen = false;
      this.#button?.setAttribute('title', 'Chat is unavailable right now.');
    }
  }

  #load(): Promise<ChatModule> {
    this.#loading ??= import('../chat/porthole-chat.js');
    return this.#loading;
  }

  async #mount(): Promise<ChatElement> {
    const mod = await this.#load();
    if (this.#chat) return this.#chat;
    mod.defineChat();
    const chat = document.createElement('porthole-chat') as ChatElement;
    chat.server = this.server;
    chat.channel = this.channel;
    chat.identity = this.#identity;
    chat.addEventListener('porthole-chat-message', (e) => {
      const m = (e as CustomEvent<MessageView>).detail;
      const author = m.author.kind === 'technician' ? { kind: 'technician' as const, name: m.author.name } : { kind: 'visitor' as const };
      const direction = m.author.kind === 'visitor' ? 'out' : 'in';
      this.dispatchEvent(
        new PortholeMessageEvent({ id: m.id, sessionId: m.sessionId, seq: m.seq, text: m.text, author, direction, createdAt: m.createdAt }),
      );
    });
    chat.addEventListener('porthole-unread', (e) => this.#showUnread((e as CustomEvent<number>).detail));
    chat.addEventListener('porthole-close-request', () => this.close());
    chat.addEventListener('porthole-open-request', () => this.open());
    this.#chat = chat;
    this.#panelSlot?.append(chat);
    return chat;
  }

  #showUnread(count: number): void {
    if (!this.#badge) return;
    this.#badge.textContent = count > 99 ? '99+' : String(count);
    this.#badge.hidden = count === 0;
    this.#button?.setAttribute('aria-label', count ? `Chat with support, ${count} unread` : 'Chat with support');
  }
}

/** Registers `<porthole-widget>` unless it is already defined (the script may load twice). */
export function defineWidget(): void {
  if (!customElements.get('porthole-widget')) customElements.define('porthole-widget', PortholeWidget);
}
