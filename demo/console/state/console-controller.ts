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
  type TypingView,
  TYPING_TTL_MS,
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
import type { PendingReply } from './chat-state-merge.js';
import { keepReplies, loadReplies } from './reply-store.js';
import { CobrowseWatch } from './cobrowse-watch.js';
import type { SessionCommands } from './session-commands.js';
import { supportClientLink } from './support-client-link.js';

/** How often "still typing" is sent while the technician keeps typing; inside the receivers' TTL. */
const TYPING_RENEW_MS = 3000;

type ConsoleSocket = Socket<ConsoleFacts, ConsoleCommands>;

/** The console's connection and state. */
export class ConsoleController implements ReactiveController, SessionCommands {
  state: ConsoleState = initialConsoleState;
  /** Set when the server refused the connection for good (e.g. the sign-in expired). */
  refused: string | null = null;
  /** The co-browse stream of the open session. */
  readonly cobrowse = new CobrowseWatch();
  #socket: ConsoleSocket | null = null;
  /** Timers dropping typing indicators that were not renewed, by session and typist. */
  readonly #typingStale = new Map<string, ReturnType<typeof setTimeout>>();
  /** When this technician last said they were typing, per session. */
  readonly #typingSent = new Map<string, number>();
  /** Highest visitor `seq` reported delivered, per session, and reports under way. */
  readonly #delivered = new Map<string, number>();
  readonly #reporting = new Set<string>();
  /** Replies an earlier console left unsent, read back once, before the first retry. */
  #restored: Promise<void> | null = null;
  /** Writes of the kept replies, one after another, so they land in the order they happened. */
  #keeping: Promise<void> = Promise.resolve();

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
    supportClientLink.attach(socket);
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
    supportClientLink.detach();
  }

  /** Opens a session: loads its details and missing messages, then marks it read. */
  async select(sessionId: string | null): Promise<void> {
    this.#apply({ type: 'select', sessionId });
    if (!sessionId) return;
    await this.#loadDetails(sessionId);
    await Promise.all([this.#catchUp(sessionId), this.#catchUpNotes(sessionId)]);
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

  /** Sends a reply; it shows at once as pending and stays, with Retry, until the server confirms it. */
  send(sessionId: string, text: string, attachmentId?: string): Promise<Result<unknown>> {
    return this.#queue(sessionId, text, false, attachmentId);
  }

  /** Sends a technician-only note (N-1), like {@link send}. */
  sendNote(sessionId: string, text: string): Promise<Result<unknown>> {
    return this.#queue(sessionId, text, true);
  }

  /** Sends a failed reply again, with its client id, so it is stored once at most (M-1). */
  retry(clientId: string): Promise<Result<unknown>> {
    const reply = this.state.outbox.find((p) => p.clientId === clientId);
    if (!reply) return Promise.resolve({ ok: true, value: null });
    this.#apply({ type: 'reply-retrying', clientId });
    return this.#deliver(reply);
  }

  /** Gives up a failed reply. */
  discard(clientId: string): void {
    this.#apply({ type: 'reply-discarded', clientId });
  }

  /** Call on every edit of the reply box (Y-1); renewed while typing, stopped when the box empties. */
  typing(sessionId: string, hasText: boolean): void {
    const last = this.#typingSent.get(sessionId) ?? 0;
    const now = Date.now();
    if (hasText && now - last > TYPING_RENEW_MS) {
      this.#typingSent.set(sessionId, now);
      void this.#ask('typing:set', { sessionId, typing: true });
    } else if (!hasText && last > 0) {
      this.#typingSent.delete(sessionId);
      void this.#ask('typing:set', { sessionId, typing: false });
    }
  }

  /** Hides the "new message in another session" notice. */
  dismissArrival(): void {
    this.#apply({ type: 'arrival', sessionId: null });
  }

  #queue(sessionId: string, text: string, internal: boolean, attachmentId?: string): Promise<Result<unknown>> {
    const reply: PendingReply = {
      sessionId,
      clientId: newClientId(),
      text,
      internal,
      error: null,
      ...(attachmentId ? { attachmentId } : {}),
    };
    this.#apply({ type: 'reply-queued', reply });
    if (!internal) this.typing(sessionId, false);
    return this.#deliver(reply);
  }

  async #deliver(reply: PendingReply): Promise<Result<unknown>> {
    const payload = { sessionId: reply.sessionId, clientId: reply.clientId, text: reply.text };
    if (reply.internal) {
      const r = await this.#ask('note:send', payload);
      if (r.ok) this.#apply({ type: 'notes', sessionId: reply.sessionId, notes: [r.value] });
      else this.#apply({ type: 'reply-failed', clientId: reply.clientId, message: r.message });
      return r;
    }
    const r = await this.#ask('message:send', reply.attachmentId ? { ...payload, attachmentId: reply.attachmentId } : payload);
    if (r.ok) this.#apply({ type: 'messages', sessionId: reply.sessionId, messages: [r.value] });
    else this.#apply({ type: 'reply-failed', clientId: reply.clientId, message: r.message });
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

  inviteByEmail(sessionId: string, to: string, subject: string, text: string) {
    return this.#ask('session:invite-email', { sessionId, to, subject, text });
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
      if (m.author.kind !== 'visitor') return;
      this.#cancelStale(m.sessionId, 'visitor');
      void this.#reportDelivered(m.sessionId);
      if (m.sessionId === this.state.selectedId) void this.#markRead(m.sessionId);
      else this.#apply({ type: 'arrival', sessionId: m.sessionId });
    });
    socket.on('note:created', (n) => this.#apply({ type: 'notes', sessionId: n.sessionId, notes: [n] }));
    socket.on('typing:changed', (t) => this.#typed(t));
    socket.on('receipt:updated', (receipt) => this.#apply({ type: 'receipt', receipt }));
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

  #typed(t: TypingView): void {
    const key = t.who.kind === 'visitor' ? 'visitor' : t.who.id;
    this.#cancelStale(t.sessionId, key);
    this.#apply({ type: 'typing', typing: t, selfId: this.viewer()?.id ?? '' });
    if (t.typing) {
      const timer = setTimeout(() => this.#apply({ type: 'typing', typing: { ...t, typing: false }, selfId: '' }), TYPING_TTL_MS);
      this.#typingStale.set(`${t.sessionId}/${key}`, timer);
    }
  }

  /** Stops the timer that would drop a typist (the reducer drops them when their message arrives). */
  #cancelStale(sessionId: string, key: string): void {
    const id = `${sessionId}/${key}`;
    clearTimeout(this.#typingStale.get(id));
    this.#typingStale.delete(id);
  }

  /** D-1: tells the visitor their messages reached a console; one report per session at a time. */
  async #reportDelivered(sessionId: string): Promise<void> {
    if (this.#reporting.has(sessionId)) return;
    const seq = this.state.sessions.get(sessionId)?.lastSeq ?? 0;
    if (seq <= (this.#delivered.get(sessionId) ?? 0)) return;
    this.#reporting.add(sessionId);
    const r = await this.#ask('session:delivered', { sessionId, seq });
    this.#reporting.delete(sessionId);
    if (!r.ok) return;
    this.#delivered.set(sessionId, Math.max(seq, this.#delivered.get(sessionId) ?? 0));
    // What arrived while this report was on its way is reported now.
    void this.#reportDelivered(sessionId);
  }

  #apply(event: ConsoleEvent): void {
    const before = this.state.outbox;
    this.state = reduceConsole(this.state, event);
    const me = this.viewer()?.id;
    if (me && before !== this.state.outbox) {
      const after = this.state.outbox;
      this.#keeping = this.#keeping.then(() => keepReplies(me, before, after));
    }
    this.host.requestUpdate();
  }

  /** Shows the replies an earlier console of this technician left unsent, as failed, so they go again. */
  #restoreReplies(): Promise<void> {
    const me = this.viewer()?.id;
    if (!me) return Promise.resolve();
    return (this.#restored ??= loadReplies(me).then((replies) => {
      const waiting = new Set(this.state.outbox.map((p) => p.clientId));
      for (const reply of replies) {
        if (!waiting.has(reply.clientId)) this.#apply({ type: 'reply-queued', reply: { ...reply, error: 'Not sent yet.' } });
      }
    }));
  }

  async #refresh(): Promise<void> {
    void this.refreshChannels();
    await this.#restoreReplies();
    const r = await this.#ask('sessions:list', {});
    if (r.ok) this.#apply({ type: 'listed', sessions: r.value });
    const open = this.state.selectedId;
    if (open) {
      // Facts sent while offline are lost: the details answer brings the session up to date.
      await this.#loadDetails(open);
      await Promise.all([this.#catchUp(open), this.#catchUpNotes(open)]);
    }
    // Replies that failed while offline go again, with their client ids, in the order typed.
    for (const reply of this.state.outbox.filter((p) => p.error !== null)) await this.retry(reply.clientId);
  }

  async #catchUpNotes(sessionId: string): Promise<void> {
    for (;;) {
      const afterSeq = this.state.notes.get(sessionId)?.at(-1)?.seq ?? 0;
      const r = await this.#ask('notes:sync', { sessionId, afterSeq });
      if (!r.ok || r.value.length === 0) return;
      this.#apply({ type: 'notes', sessionId, notes: r.value });
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
