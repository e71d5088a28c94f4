/**
 * Binds the console app to the server's console namespace: keeps the session list and the open
 * conversation live, catches up after reconnects, sends replies and read marks.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { io, type Socket } from 'socket.io-client';
import {
  NAMESPACES,
  PROTOCOL_VERSION,
  type ConsoleCommands,
  type ConsoleFacts,
  type PayloadOf,
  type Result,
} from '../../../src/protocol/index.js';
import { ask } from '../../../src/transport/ask.js';
import { newClientId } from '../../../src/transport/client-id.js';
import { initialConsoleState, reduceConsole, type ConsoleEvent, type ConsoleState } from './console-state.js';

/** The console's connection and state. */
export class ConsoleController implements ReactiveController {
  state: ConsoleState = initialConsoleState;
  /** Set when the server refused the connection for good (e.g. the sign-in expired). */
  refused: string | null = null;
  #socket: Socket<ConsoleFacts, ConsoleCommands> | null = null;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly onUnauthorized: () => void,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    const socket: Socket<ConsoleFacts, ConsoleCommands> = io(NAMESPACES.console, {
      auth: { protocol: PROTOCOL_VERSION },
      withCredentials: true,
      transports: ['websocket', 'polling'],
    });
    this.#socket = socket;
    socket.on('connect', () => {
      this.#apply({ type: 'connection', status: 'online' });
      void this.#refresh();
    });
    socket.on('disconnect', () => this.#apply({ type: 'connection', status: 'offline' }));
    socket.on('connect_error', (err: Error & { data?: { code?: string; message?: string } }) => {
      this.#apply({ type: 'connection', status: 'offline' });
      if (err.data?.code === 'unauthorized') this.onUnauthorized();
      else if (err.data?.code) {
        this.refused = err.data.message ?? err.message;
        this.host.requestUpdate();
      }
    });
    socket.on('session:created', (s) => this.#apply({ type: 'session', session: s }));
    socket.on('session:updated', (s) => this.#apply({ type: 'session', session: s }));
    socket.on('message:created', (m) => {
      this.#apply({ type: 'messages', sessionId: m.sessionId, messages: [m] });
      if (m.sessionId === this.state.selectedId) void this.#markRead(m.sessionId);
    });
  }

  hostDisconnected(): void {
    this.#socket?.disconnect();
    this.#socket = null;
  }

  /** Opens a conversation: loads what is missing and marks it read. */
  async select(sessionId: string | null): Promise<void> {
    this.#apply({ type: 'select', sessionId });
    if (!sessionId) return;
    await this.#catchUp(sessionId);
    await this.#markRead(sessionId);
  }

  /** Sends a reply in the open conversation. */
  async send(sessionId: string, text: string): Promise<Result<unknown>> {
    const r = await this.#ask('message:send', { sessionId, clientId: newClientId(), text });
    if (r.ok) this.#apply({ type: 'messages', sessionId, messages: [r.value] });
    return r;
  }

  #apply(event: ConsoleEvent): void {
    this.state = reduceConsole(this.state, event);
    this.host.requestUpdate();
  }

  async #refresh(): Promise<void> {
    const r = await this.#ask('sessions:list', {});
    if (r.ok) this.#apply({ type: 'listed', sessions: r.value });
    if (this.state.selectedId) await this.#catchUp(this.state.selectedId);
  }

  async #catchUp(sessionId: string): Promise<void> {
    for (;;) {
      const afterSeq = this.state.messages.get(sessionId)?.at(-1)?.seq ?? 0;
      const r = await this.#ask('messages:sync', { sessionId, afterSeq });
      if (!r.ok || r.value.length === 0) return;
      this.#apply({ type: 'messages', sessionId, messages: r.value });
    }
  }

  async #markRead(sessionId: string): Promise<void> {
    const seq = this.state.messages.get(sessionId)?.at(-1)?.seq ?? 0;
    if (seq > 0) await this.#ask('session:read', { sessionId, seq });
  }

  #ask<E extends keyof ConsoleCommands>(event: E, payload: PayloadOf<ConsoleCommands[E]>) {
    return ask<ConsoleCommands, E>(this.#socket, event, payload);
  }
}
