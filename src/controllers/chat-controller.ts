/**
 * Binds a chat component to the server: opens the socket, resumes the visitor's session, sends and
 * retries messages, catches up after reconnects, and re-renders the host on every state change.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { PayloadOf, WidgetCommands } from '../protocol/events.js';
import { ask } from '../transport/ask.js';
import { PROTOCOL_VERSION } from '../protocol/version.js';
import { initialChatState, lastSeq, reduce, type ChatEvent, type ChatState } from '../session/chat-state.js';
import { newClientId } from '../transport/client-id.js';
import type { SocketFactory, WidgetSocket } from '../transport/socket-factory.js';
import { clearToken, loadToken, saveToken } from '../transport/visitor-token.js';

/** Where and how to connect. */
export interface ChatTarget {
  server: string;
  channel: string;
  connect: SocketFactory;
}

/** The chat's connection and state, owned by one component. */
export class ChatController implements ReactiveController {
  state: ChatState = initialChatState;
  #socket: WidgetSocket | null = null;
  #flushing = false;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly target: () => ChatTarget,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.#open();
  }

  hostDisconnected(): void {
    this.#socket?.disconnect();
    this.#socket = null;
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

  #apply(event: ChatEvent): void {
    this.state = reduce(this.state, event);
    this.host.requestUpdate();
  }

  #open(): void {
    if (this.#socket) return;
    const { server, channel, connect } = this.target();
    this.#apply({ type: 'connecting' });
    const socket = connect(server, async () => ({ protocol: PROTOCOL_VERSION, channel, token: await loadToken(server, channel) }));
    this.#socket = socket;

    socket.on('connect', () => {
      this.#apply({ type: 'online' });
      void this.#resume();
    });
    socket.on('disconnect', () => this.#apply({ type: 'offline' }));
    socket.on('connect_error', (err: Error & { data?: { code?: string; message?: string } }) => {
      this.#apply({ type: 'offline' });
      const code = err.data?.code;
      if (code === 'unauthorized') {
        // The server forgot this visitor (e.g. a reset demo): start over as a new one.
        void clearToken(server, channel).then(() => socket.connect());
      } else if (code === 'protocol_mismatch' || code === 'not_found') {
        this.#apply({ type: 'problem', message: err.data?.message ?? 'Chat is unavailable.' });
      }
    });
    socket.on('message:created', (m) => this.#apply({ type: 'messages', messages: [m] }));
    socket.on('session:updated', (s) => {
      if (s.id === this.state.session?.id) this.#apply({ type: 'session', session: s });
    });
  }

  async #resume(): Promise<void> {
    const r = await this.#ask('session:resume', {});
    if (r.ok) {
      this.#apply({ type: 'session', session: r.value.session });
      this.#apply({ type: 'messages', messages: r.value.messages });
      await this.#catchUp();
    }
    await this.#flush();
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
    const { server, channel } = this.target();
    if (r.value.token) await saveToken(server, channel, r.value.token);
    this.#apply({ type: 'session', session: r.value.session });
    return r.value.session.id;
  }

  #ask<E extends keyof WidgetCommands>(event: E, payload: PayloadOf<WidgetCommands[E]>) {
    return ask<WidgetCommands, E>(this.#socket, event, payload);
  }
}
