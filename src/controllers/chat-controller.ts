/**
 * Binds a chat component to the server: opens the socket, resumes the visitor's session (or opens the
 * invitation link the page was loaded with), sends and retries messages, catches up after reconnects,
 * and re-renders the host on every state change. Invitations, support codes and permissions have
 * their own action classes, which this controller owns and hands a narrow {@link ChatPort}.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { PayloadOf, VisitorJoined, WidgetCommands } from '../protocol/events.js';
import type { PermissionView } from '../protocol/views.js';
import { PROTOCOL_VERSION } from '../protocol/version.js';
import { initialChatState, lastSeq, reduce, type ChatEvent, type ChatState } from '../session/chat-state.js';
import { promptedPermission } from '../session/permissions.js';
import { ask } from '../transport/ask.js';
import { newClientId } from '../transport/client-id.js';
import type { SocketFactory, WidgetSocket } from '../transport/socket-factory.js';
import { clearToken, loadToken, saveToken } from '../transport/visitor-token.js';
import type { ChatPort } from './chat-port.js';
import { InvitationActions } from './invitation-actions.js';
import { PermissionActions } from './permission-actions.js';
import { ServerClock } from './server-clock.js';
import { SupportCodeActions } from './support-code-actions.js';

/** Where and how to connect. */
export interface ChatTarget {
  server: string;
  channel: string;
  connect: SocketFactory;
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
    flush: () => this.#flush(),
  };
  /** Invitation link and PIN. */
  readonly invitation = new InvitationActions(this.#port);
  /** The 9-digit support code. */
  readonly supportCode = new SupportCodeActions(this.#port);
  /** Answers to permission requests, and stopping what was granted. */
  readonly permissions = new PermissionActions(this.#port);
  #socket: WidgetSocket | null = null;
  #flushing = false;
  readonly #clock = new ServerClock((now) => this.#apply({ type: 'clock', now }));

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly target: () => ChatTarget,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.invitation.pickUp();
    this.#open();
  }

  hostDisconnected(): void {
    this.#socket?.disconnect();
    this.#socket = null;
    this.#clock.run(false);
  }

  /** Sends a message; it shows at once as pending and is retried until the server confirms it. */
  send(text: string): void {
    const trimmed = text.trim();
    if (!trimmed) return;
    this.#apply({ type: 'queued', clientId: newClientId(), text: trimmed });
    void this.#flush();
  }

  /** Marks everything shown as read (the panel is open). */
  markRead(): void {
    this.#apply({ type: 'read' });
  }

  /** Leaves an ended session (S-4): the next message starts a new one. */
  startOver(): void {
    this.#apply({ type: 'restart' });
    void this.#flush();
  }

  /** Connects again after the technician disconnected the visitor (`session:disconnected`). */
  reconnect(): void {
    if (this.state.connection !== 'stopped') return;
    this.#apply({ type: 'connecting' });
    this.#socket?.connect();
  }

  #apply(event: ChatEvent): void {
    this.state = reduce(this.state, event);
    // Tick only while a countdown is on screen.
    this.#clock.run(promptedPermission(this.state.permissions) !== null);
    this.host.requestUpdate();
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
    await this.#catchUp();
  }

  #open(): void {
    if (this.#socket) return;
    const { server, channel, connect } = this.target();
    this.#apply({ type: 'connecting' });
    const socket = connect(server, async () => ({ protocol: PROTOCOL_VERSION, channel, token: await loadToken(server, channel) }));
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
    socket.on('message:created', (m) => this.#apply({ type: 'messages', messages: [m] }));
    socket.on('session:updated', (s) => {
      if (s.id === this.state.session?.id) this.#apply({ type: 'session', session: s });
    });
    socket.on('permission:requested', (p) => {
      this.#clock.sync(p.requestedAt);
      this.#showPermissions([p]);
    });
    socket.on('permission:updated', (p) => this.#showPermissions([p]));
    socket.on('session:disconnected', (info) => {
      // The owner ended this connection on purpose: reconnecting by ourselves would undo it.
      this.#apply({ type: 'stopped', message: info.message });
      socket.disconnect();
    });
  }

  /** After every (re)connection: open the invitation or resume, renew a shown code, send the rest. */
  async #onConnect(): Promise<void> {
    if (!(await this.invitation.joinLink())) await this.#resume();
    await this.supportCode.renew();
    await this.#flush();
  }

  async #resume(): Promise<void> {
    const r = await this.#ask('session:resume', {});
    if (!r.ok) return;
    this.#apply({ type: 'session', session: r.value.session });
    this.#apply({ type: 'messages', messages: r.value.messages });
    // A server from before permissions (same protocol version) leaves the field out.
    this.#showPermissions(r.value.permissions ?? []);
    await this.#catchUp();
  }

  #showPermissions(permissions: readonly PermissionView[]): void {
    // Countdowns compare with the server's time: bring it up to date before a prompt shows.
    this.#apply({ type: 'clock', now: this.#clock.now() });
    this.#apply({ type: 'permissions', permissions });
  }

  /** Pages through `messages:sync` until nothing is missing. */
  async #catchUp(): Promise<void> {
    const session = this.state.session;
    while (session) {
      const r = await this.#ask('messages:sync', { sessionId: session.id, afterSeq: lastSeq(this.state) });
      if (!r.ok || r.value.length === 0) return;
      this.#apply({ type: 'messages', messages: r.value });
    }
  }

  /** Sends pending messages in order, one at a time, starting a session first if needed. */
  async #flush(): Promise<void> {
    const socket = this.#socket;
    if (this.#flushing || !socket?.connected) return;
    this.#flushing = true;
    try {
      while (this.state.pending.length > 0 && socket.connected) {
        const sessionId = await this.#ensureSession();
        if (!sessionId) return;
        const next = this.state.pending[0];
        const r = await this.#ask('message:send', { sessionId, clientId: next.clientId, text: next.text });
        if (r.ok) this.#apply({ type: 'messages', messages: [r.value] });
        else {
          this.#apply({ type: 'failed', clientId: next.clientId, message: r.message });
          return;
        }
      }
    } finally {
      this.#flushing = false;
    }
  }

  async #ensureSession(): Promise<string | null> {
    if (this.state.session) return this.state.session.id;
    const r = await this.#ask('session:start', {});
    if (!r.ok) return null;
    await this.#keepToken(r.value.token);
    this.#apply({ type: 'session', session: r.value.session });
    return r.value.session.id;
  }
}
