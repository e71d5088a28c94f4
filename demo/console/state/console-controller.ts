/**
 * Binds the console app to the server's console namespace: keeps sessions, the open session's
 * details and its chat live, catches up after reconnects, and sends the technician's commands.
 * Every change goes through {@link reduceConsole}.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { io, type Socket } from 'socket.io-client';
import {
  NAMESPACES,
  PROTOCOL_VERSION,
  type Capability,
  type ConsoleCommands,
  type ConsoleFacts,
  type PayloadOf,
  type Result,
  type SessionAction,
  type TechnicianView,
} from '../../../src/protocol/index.js';
import { ask } from '../../../src/transport/ask.js';
import { newClientId } from '../../../src/transport/client-id.js';
import { listChannels } from '../api.js';
import {
  initialConsoleState,
  reduceConsole,
  type ConsoleEvent,
  type ConsolePage,
  type ConsoleState,
  type StatusFilter,
} from './console-state.js';
import { CobrowseWatch } from './cobrowse-watch.js';
import type { SessionCommands } from './session-commands.js';

type ConsoleSocket = Socket<ConsoleFacts, ConsoleCommands>;

/** The console's connection and state. */
export class ConsoleController implements ReactiveController, SessionCommands {
  state: ConsoleState = initialConsoleState;
  /** Set when the server refused the connection for good (e.g. the sign-in expired). */
  refused: string | null = null;
  /** The co-browse stream of the open session. */
  readonly cobrowse = new CobrowseWatch();
  #socket: ConsoleSocket | null = null;

  constructor(
    private readonly host: ReactiveControllerHost,
    /** The signed-in technician; read lazily because the host receives it as a property. */
    private readonly viewer: () => TechnicianView | null,
    private readonly onUnauthorized: () => void,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    const socket: ConsoleSocket = io(NAMESPACES.console, {
      auth: { protocol: PROTOCOL_VERSION },
      withCredentials: true,
      transports: ['websocket', 'polling'],
    });
    this.#socket = socket;
    this.cobrowse.bind(socket);
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
    this.#bindFacts(socket);
  }

  hostDisconnected(): void {
    this.#socket?.disconnect();
    this.#socket = null;
  }

  /** Opens a session: loads its details and missing messages, then marks it read. */
  async select(sessionId: string | null): Promise<void> {
    this.#apply({ type: 'select', sessionId });
    if (!sessionId) return;
    await this.#loadDetails(sessionId);
    await this.#catchUp(sessionId);
    await this.#markRead(sessionId);
  }

  /** Shows another page of the navigation. */
  navigate(page: ConsolePage): void {
    this.#apply({ type: 'navigate', page });
  }

  /** Changes the status filter of the channel page. */
  setFilter(filter: StatusFilter): void {
    this.#apply({ type: 'filter', filter });
  }

  /** Hides the notice. */
  dismissNotice(): void {
    this.#apply({ type: 'notice', text: null });
  }

  /** Reloads the channels the technician is a member of (after an admin changed one). */
  async refreshChannels(): Promise<void> {
    const me = this.viewer();
    const r = await listChannels();
    // Admins get every channel; the navigation lists only those they work in.
    if (r.ok && me) this.#apply({ type: 'channels', channels: r.value.filter((c) => c.members.some((m) => m.id === me.id)) });
  }

  /** Creates a session in a channel, opens it, and answers its invitation. */
  async createSession(channelId: string) {
    const r = await this.#ask('session:create', { channelId });
    if (r.ok) {
      this.#apply({ type: 'created', created: r.value });
      this.#showSessions();
      void this.select(r.value.session.id);
    }
    return r;
  }

  /** Joins the session behind a visitor's 9-digit code and opens it. */
  async connectCode(code: string) {
    const r = await this.#ask('session:connect-code', { code });
    if (r.ok) {
      this.#apply({ type: 'session', session: r.value });
      this.#showSessions(r.value.channelId);
      void this.select(r.value.id);
    }
    return r;
  }

  async send(sessionId: string, text: string): Promise<Result<unknown>> {
    const r = await this.#ask('message:send', { sessionId, clientId: newClientId(), text });
    if (r.ok) this.#apply({ type: 'messages', sessionId, messages: [r.value] });
    return r;
  }

  async act(sessionId: string, action: SessionAction): Promise<Result<unknown>> {
    const r = await this.#ask('session:act', { sessionId, action });
    if (r.ok && r.value) this.#apply({ type: 'acted', session: r.value });
    // No session back: it is gone, or out of this technician's sight (e.g. moved to another channel).
    else if (r.ok) this.#apply({ type: 'removed', sessionId, notice: action.type === 'delete' ? 'The session was deleted.' : undefined });
    return r;
  }

  async requestPermission(sessionId: string, capability: Capability) {
    const r = await this.#ask('permission:request', { sessionId, capability });
    if (r.ok) this.#apply({ type: 'permission', permission: r.value });
    return r;
  }

  directory() {
    return this.#ask('directory:list', {});
  }

  #bindFacts(socket: ConsoleSocket): void {
    socket.on('session:created', (s) => this.#apply({ type: 'session', session: s }));
    socket.on('session:updated', (s) => this.#apply({ type: 'session', session: s }));
    socket.on('session:removed', ({ sessionId }) => this.#apply({ type: 'removed', sessionId }));
    socket.on('message:created', (m) => {
      this.#apply({ type: 'messages', sessionId: m.sessionId, messages: [m] });
      if (m.sessionId === this.state.selectedId) void this.#markRead(m.sessionId);
    });
    socket.on('activity:created', (entry) => this.#apply({ type: 'activity', entry }));
    socket.on('permission:updated', (permission) => this.#apply({ type: 'permission', permission }));
    socket.on('presence:changed', ({ sessionId, visitorOnline }) => this.#apply({ type: 'presence', sessionId, visitorOnline }));
  }

  /** Leaves admin pages for Home, unless the page already lists sessions of `channelId`. */
  #showSessions(channelId?: string): void {
    const page = this.state.page;
    if (page.kind === 'home' || (page.kind === 'channel' && page.channelId === channelId)) return;
    this.navigate({ kind: 'home' });
  }

  #apply(event: ConsoleEvent): void {
    this.state = reduceConsole(this.state, event);
    this.host.requestUpdate();
  }

  async #refresh(): Promise<void> {
    void this.refreshChannels();
    const r = await this.#ask('sessions:list', {});
    if (r.ok) this.#apply({ type: 'listed', sessions: r.value });
    const open = this.state.selectedId;
    if (open) {
      // Facts sent while offline are lost: the details answer brings the session up to date.
      await this.#loadDetails(open);
      await this.#catchUp(open);
    }
  }

  async #loadDetails(sessionId: string): Promise<void> {
    const r = await this.#ask('session:details', { sessionId });
    if (r.ok) this.#apply({ type: 'details', details: r.value });
    else if (r.error === 'not_found') this.#apply({ type: 'removed', sessionId });
    else if (this.state.selectedId === sessionId)
      this.#apply({ type: 'notice', text: `The session's details could not be loaded: ${r.message}` });
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
