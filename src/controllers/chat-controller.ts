/**
 * Binds a chat component to the server: opens the socket, resumes the visitor's session (or opens the
 * invitation link the page was loaded with), catches up after reconnects, and re-renders the host on
 * every state change. Sending with the outbox, invitations, support codes and permissions have their
 * own classes, which this controller owns and hands a narrow {@link ChatPort}.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { PayloadOf, VisitorJoined, WidgetCommands } from '../protocol/events.js';
import type { WidgetHandshake } from '../protocol/schemas.js';
import type { IdentityClaim } from '../protocol/profile-schemas.js';
import type { MessageView, PermissionView } from '../protocol/views.js';
import { PROTOCOL_VERSION } from '../protocol/version.js';
import { encodeWireFrame as encodeCobrowseFrame } from '../protocol/cobrowse-wire.js';
import { contiguousSeq, initialChatState, reduce, type ChatEvent, type ChatState } from '../session/chat-state.js';
import { promptedPermission } from '../session/permissions.js';
import { ask } from '../transport/ask.js';
import { newClientId } from '../transport/client-id.js';
import type { SocketFactory, WidgetSocket } from '../transport/socket-factory.js';
import { clearToken, loadToken, saveToken } from '../transport/visitor-token.js';
import type { AttachmentActions, UploadPlace } from './attachment-actions.js';
import type { ChatPort } from './chat-port.js';
import { ChatSignals } from './chat-signals.js';
import { EscalationActions } from './escalation-actions.js';
import { CobrowseLink } from './cobrowse-link.js';
import { InvitationActions } from './invitation-actions.js';
import { LinkPickUp } from './link-pick-up.js';
import { MessageSender, retryPause } from './message-sender.js';
import { PermissionActions } from './permission-actions.js';
import { ProfileActions } from './profile-actions.js';
import { ServerClock } from './server-clock.js';
import { SupportCodeActions } from './support-code-actions.js';

/** Where and how to connect. */
export interface ChatTarget {
  server: string;
  channel: string;
  connect: SocketFactory;
  /** What the page said with `identify()`, sent in the handshake (I-1). */
  identity?: IdentityClaim | null;
  /** Told of every message that arrives or is confirmed sent, once (`porthole-message`). */
  onMessage?: (message: MessageView) => void;
}

/** The chat's connection and state, owned by one component. */
export class ChatController implements ReactiveController {
  state: ChatState = initialChatState;
  readonly #port: ChatPort = {
    state: () => this.state,
    apply: (event) => this.#apply(event),
    ask: (event, payload) => this.#ask(event, payload),
    keepToken: (token) => this.#keepToken(token),
    showJoined: (joined) => this.#showJoined(joined),
    flush: () => this.sender.flush(),
  };
  /** Sending, retrying and the persistent outbox. */
  readonly sender = new MessageSender(this.#port, () => this.target());
  /** Invitation link and PIN. */
  readonly invitation = new InvitationActions(this.#port);
  /** A link that continues a conversation from another device (P-2). */
  readonly #pickUp = new LinkPickUp(this.#port, () => this.reidentify());
  /** The 9-digit support code. */
  readonly supportCode = new SupportCodeActions(this.#port);
  /** Answers to permission requests, and stopping what was granted. */
  readonly permissions = new PermissionActions(this.#port);
  /** Typing indicators and receipts. */
  readonly signals = new ChatSignals(this.#port);
  /** Files: upload with progress, then a message carrying them (F-1, F-4); see {@link bindAttachments}. */
  attachments: AttachmentActions | null = null;
  /** The channel's pre-chat form, availability, and leaving a message while offline. */
  readonly profile = new ProfileActions(this.#port, () => this.host.requestUpdate());
  /** Ids of the messages already told to `onMessage` (a reconnect may bring one again). */
  readonly #told = new Set<string>();
  /**
   * The session whose history this page has shown: what resume or catch-up brings for it later was
   * missed while offline and is news to the page; the first load of a session is history, not news.
   */
  #historyOf: string | null = null;
  /** The support client's download once the visitor allowed the escalation. */
  readonly escalation = new EscalationActions(this.#port, () => this.host.requestUpdate());
  /** Co-browsing while the visitor allows `view`. */
  readonly cobrowse = new CobrowseLink({
    // Only a refusal of the grant stops recording; a lost connection gets a new snapshot on return.
    send: (frame) => this.#ask('cobrowse:events', encodeCobrowseFrame(frame)).then((r) => r.ok || r.error !== 'forbidden'),
    revoke: () => void this.permissions.revoke('view'),
  });
  #socket: WidgetSocket | null = null;
  /** The outbox read back on load; the socket's handshake waits for it (see `hostConnected`). */
  #restored: Promise<void> = Promise.resolve();
  readonly #clock = new ServerClock((now) => this.#apply({ type: 'clock', now }));

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly target: () => ChatTarget,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.invitation.pickUp();
    this.#pickUp.read();
    // What a reload left in the outbox goes first, so it must be back before the socket connects.
    this.#restored = this.sender.restore();
    this.#open();
  }

  hostDisconnected(): void {
    this.#socket?.disconnect();
    this.#socket = null;
    this.#clock.run(false);
    this.profile.watch(false);
    this.cobrowse.sync(initialChatState);
  }

  /**
   * Gives the file actions, which arrive with the lazy attachment chunk, this controller's port.
   * Once bound, {@link attachments} is set.
   */
  bindAttachments(
    make: (chat: ChatPort, ensureSession: MessageSender['ensureSession'], place: () => UploadPlace) => AttachmentActions,
  ): AttachmentActions {
    return (this.attachments ??= make(
      this.#port,
      () => this.sender.ensureSession(),
      () => this.target(),
    ));
  }

  /** The narrow view of this controller that feature actions use (the lazy profile forms too). */
  get port(): ChatPort {
    return this.#port;
  }

  /** Sends a message; it shows at once as pending and is retried until the server confirms it. */
  send(text: string): void {
    const trimmed = text.trim();
    if (!trimmed) return;
    this.#apply({ type: 'queued', clientId: newClientId(), text: trimmed });
    this.signals.stopTyping();
    void this.sender.flush();
  }

  /** Marks everything shown as read (the panel is open). */
  markRead(): void {
    this.#apply({ type: 'read' });
  }

  /** Leaves an ended session (S-4): the next message starts a new one. */
  startOver(): void {
    this.#apply({ type: 'restart' });
    void this.sender.flush();
  }

  /** Connects again with a new identity (`identify()`): the server decides who the visitor is at the handshake. */
  reidentify(): void {
    if (!this.#socket || this.state.connection === 'stopped') return;
    this.#socket.disconnect();
    this.#apply({ type: 'connecting' });
    this.#socket.connect();
  }

  /** Connects again after the technician disconnected the visitor (`session:disconnected`). */
  reconnect(): void {
    if (this.state.connection !== 'stopped') return;
    this.#apply({ type: 'connecting' });
    this.#socket?.connect();
  }

  #apply(event: ChatEvent): void {
    const before = this.state.pending;
    this.state = reduce(this.state, event);
    this.sender.track(before, this.state.pending);
    // Tick only while a countdown is on screen.
    this.#clock.run(promptedPermission(this.state.permissions) !== null);
    this.signals.report();
    this.escalation.follow(this.state.permissions);
    this.cobrowse.sync(this.state);
    this.host.requestUpdate();
  }

  /** Tells the page of a message of this conversation that arrived live (its own ones come back too), once. */
  #tell(m: MessageView): void {
    if (this.#told.has(m.id) || m.sessionId !== this.state.session?.id) return;
    this.#told.add(m.id);
    this.target().onMessage?.(m);
  }

  /** Messages brought by resume or catch-up: told when this page already showed their session (W-1). */
  #tellCaughtUp(messages: readonly MessageView[]): void {
    const id = this.state.session?.id;
    if (!id) return;
    for (const m of messages) {
      if (this.#historyOf === id) this.#tell(m);
      else this.#told.add(m.id);
    }
  }

  #ask<E extends keyof WidgetCommands>(event: E, payload: PayloadOf<WidgetCommands[E]>) {
    return ask<WidgetCommands, E>(this.#socket, event, payload);
  }

  async #keepToken(token: string): Promise<void> {
    const { server, channel } = this.target();
    if (token) await saveToken(server, channel, token);
  }

  async #showJoined(joined: Pick<VisitorJoined, 'session' | 'messages'>): Promise<void> {
    this.#apply({ type: 'session', session: joined.session });
    this.#apply({ type: 'messages', messages: joined.messages });
    this.#tellCaughtUp(joined.messages);
    await this.#catchUp();
  }

  #open(): void {
    if (this.#socket) return;
    const { server, channel, connect } = this.target();
    this.#apply({ type: 'connecting' });
    const socket = connect(server, async () => {
      await this.#restored;
      const identity = this.target().identity;
      const handshake: WidgetHandshake & { identity?: IdentityClaim } = {
        protocol: PROTOCOL_VERSION,
        channel,
        token: await loadToken(server, channel),
      };
      if (identity) handshake.identity = identity;
      return handshake;
    });
    this.#socket = socket;

    socket.on('connect', () => {
      this.#apply({ type: 'online' });
      void this.#onConnect();
    });
    socket.on('disconnect', () => this.#apply({ type: 'offline' }));
    socket.on('connect_error', (err: Error & { data?: { code?: string; message?: string } }) => {
      this.#apply({ type: 'offline' });
      const code = err.data?.code;
      if (code === 'unauthorized') {
        // The server forgot this visitor (e.g. a reset demo): start over as a new one.
        void clearToken(server, channel).then(() => socket.connect());
      } else if (code === 'protocol_mismatch' || code === 'not_found' || code === 'forbidden') {
        // Retrying cannot help: an outdated widget, an unknown channel, or a site the channel does not allow.
        this.#apply({ type: 'problem', message: err.data?.message ?? 'Chat is unavailable.' });
      }
    });
    socket.on('message:created', (m) => {
      this.#apply({ type: 'messages', messages: [m] });
      this.#tell(m);
    });
    socket.on('session:updated', (s) => {
      if (s.id === this.state.session?.id) this.#apply({ type: 'session', session: s });
    });
    socket.on('permission:requested', (p) => {
      this.#clock.sync(p.requestedAt);
      this.#showPermissions([p]);
    });
    socket.on('permission:updated', (p) => this.#showPermissions([p]));
    socket.on('typing:changed', (t) => this.signals.typed(t));
    socket.on('receipt:updated', (r) => this.signals.received(r));
    socket.on('cobrowse:snapshot', (info) => {
      if (info.sessionId === this.state.session?.id) this.cobrowse.snapshot();
    });
    // Only the session's room hears these, and they act only while this page records it.
    socket.on('cobrowse:pointer', (f) => this.cobrowse.guide(f));
    socket.on('cobrowse:highlight', (f) => this.cobrowse.guide(f));
    socket.on('cobrowse:control', (command, answer) => void this.cobrowse.control(command).then(answer));
    socket.on('session:disconnected', (info) => {
      // The owner ended this connection on purpose: reconnecting by ourselves would undo it.
      this.#apply({ type: 'stopped', message: info.message });
      socket.disconnect();
    });
  }

  /** After every (re)connection: open the invitation or resume, renew a shown code, send the rest. */
  async #onConnect(): Promise<void> {
    // The connection comes back as the link's visitor, and that one resumes.
    // Checked before awaiting, so a resume without a link starts in the same tick as before.
    if (this.#pickUp.waiting && (await this.#pickUp.open())) return;
    if (!(await this.invitation.joinLink())) await this.#resume();
    // Frames sent while offline were lost: watchers need a whole page again (C-3).
    this.cobrowse.snapshot();
    await this.supportCode.renew();
    await this.sender.flush();
    // Not awaited: a server that does not answer it must not hold anything up.
    void this.profile.load();
  }

  async #resume(): Promise<void> {
    const r = await this.#ask('session:resume', {});
    if (!r.ok) return;
    // A session this page already had (e.g. started here by the first message) is not history.
    if (r.value.session && r.value.session.id === this.state.session?.id) this.#historyOf = r.value.session.id;
    this.#apply({ type: 'session', session: r.value.session });
    this.#apply({ type: 'messages', messages: r.value.messages });
    this.#tellCaughtUp(r.value.messages);
    for (const receipt of r.value.receipts ?? []) this.signals.received(receipt);
    // A server from before permissions (same protocol version) leaves the field out.
    this.#showPermissions(r.value.permissions ?? []);
    await this.#catchUp();
  }

  #showPermissions(permissions: readonly PermissionView[]): void {
    // Countdowns compare with the server's time: bring it up to date before a prompt shows.
    this.#apply({ type: 'clock', now: this.#clock.now() });
    this.#apply({ type: 'permissions', permissions });
  }

  /** Pages through `messages:sync` until nothing is missing (or the visitor went offline, or to another session). */
  async #catchUp(): Promise<void> {
    const id = this.state.session?.id;
    while (id && this.state.session?.id === id && this.state.connection === 'online') {
      const r = await this.#ask('messages:sync', { sessionId: id, afterSeq: contiguousSeq(this.state) });
      if (r.ok && r.value.length === 0) {
        this.#historyOf = id;
        return;
      }
      if (r.ok) {
        this.#apply({ type: 'messages', messages: r.value });
        this.#tellCaughtUp(r.value);
      }
      // A lost ack: ask again, or what was missed stays missing until the next reconnect.
      else if (r.error === 'internal') await retryPause();
      else return;
    }
  }
}
