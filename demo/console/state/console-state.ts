/**
 * The console's live state as a pure reducer: sessions of the technician's channels, the messages
 * loaded so far, and which session is open.
 */
import type { MessageView, SessionSummary, SessionView } from '../../../src/protocol/index.js';

/** Everything the console shows. */
export interface ConsoleState {
  connection: 'connecting' | 'online' | 'offline';
  sessions: ReadonlyMap<string, SessionSummary>;
  /** Messages per session id, ordered by `seq`, each once. */
  messages: ReadonlyMap<string, readonly MessageView[]>;
  selectedId: string | null;
}

/** What can happen in the console. */
export type ConsoleEvent =
  | { type: 'connection'; status: ConsoleState['connection'] }
  | { type: 'listed'; sessions: readonly SessionSummary[] }
  | { type: 'session'; session: SessionView & Partial<Pick<SessionSummary, 'channelName'>> }
  | { type: 'messages'; sessionId: string; messages: readonly MessageView[] }
  | { type: 'select'; sessionId: string | null };

/** The state before the first list arrives. */
export const initialConsoleState: ConsoleState = {
  connection: 'connecting',
  sessions: new Map(),
  messages: new Map(),
  selectedId: null,
};

function merge(current: readonly MessageView[], incoming: readonly MessageView[]): MessageView[] {
  const bySeq = new Map(current.map((m) => [m.seq, m]));
  for (const m of incoming) bySeq.set(m.seq, m);
  return [...bySeq.values()].sort((a, b) => a.seq - b.seq);
}

function withMessages(state: ConsoleState, sessionId: string, incoming: readonly MessageView[]): ConsoleState {
  const before = state.messages.get(sessionId) ?? [];
  const after = merge(before, incoming);
  const messages = new Map(state.messages).set(sessionId, after);
  const summary = state.sessions.get(sessionId);
  if (!summary) return { ...state, messages };
  const known = new Set(before.map((m) => m.seq));
  const fresh = incoming.filter((m) => !known.has(m.seq) && m.seq > summary.lastSeq);
  const last = after.at(-1);
  const newVisitorMessages = fresh.filter((m) => m.author.kind === 'visitor').length;
  const updated: SessionSummary = {
    ...summary,
    lastSeq: Math.max(summary.lastSeq, last?.seq ?? 0),
    updatedAt: Math.max(summary.updatedAt, last?.createdAt ?? 0),
    lastMessage:
      last && last.seq >= summary.lastSeq
        ? { text: last.text, authorKind: last.author.kind, createdAt: last.createdAt }
        : summary.lastMessage,
    unread: state.selectedId === sessionId ? 0 : summary.unread + newVisitorMessages,
  };
  return { ...state, messages, sessions: new Map(state.sessions).set(sessionId, updated) };
}

/** Applies one event. */
export function reduceConsole(state: ConsoleState, event: ConsoleEvent): ConsoleState {
  switch (event.type) {
    case 'connection':
      return { ...state, connection: event.status };
    case 'listed':
      return { ...state, sessions: new Map(event.sessions.map((s) => [s.id, state.selectedId === s.id ? { ...s, unread: 0 } : s])) };
    case 'session': {
      const known = state.sessions.get(event.session.id);
      const next: SessionSummary = known
        ? { ...known, ...event.session, lastSeq: Math.max(known.lastSeq, event.session.lastSeq) }
        : { ...event.session, channelName: event.session.channelName ?? '', lastMessage: null, unread: 0 };
      return { ...state, sessions: new Map(state.sessions).set(next.id, next) };
    }
    case 'messages':
      return withMessages(state, event.sessionId, event.messages);
    case 'select': {
      const s = event.sessionId ? state.sessions.get(event.sessionId) : undefined;
      const sessions = s ? new Map(state.sessions).set(s.id, { ...s, unread: 0 }) : state.sessions;
      return { ...state, selectedId: event.sessionId, sessions };
    }
    default:
      return assertNever(event);
  }
}

/** Sessions newest activity first. */
export function sortedSessions(state: ConsoleState): SessionSummary[] {
  return [...state.sessions.values()].sort((a, b) => b.updatedAt - a.updatedAt || a.id.localeCompare(b.id));
}

function assertNever(x: never): never {
  throw new Error(`Unhandled console event ${JSON.stringify(x)}`);
}
