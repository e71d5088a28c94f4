/**
 * The widget's chat state as a pure reducer: `reduce(state, event) -> state`. The controller feeds
 * it socket events and user actions; components only render it.
 */
import type { MessageView, SessionView } from '../protocol/views.js';

/** A message typed by the visitor that the server has not confirmed yet. */
export interface PendingMessage {
  clientId: string;
  text: string;
  /** Set when the last attempt failed; the message is retried on the next connection. */
  error: string | null;
}

/** Everything the chat panel shows. */
export interface ChatState {
  connection: 'idle' | 'connecting' | 'online' | 'offline';
  /** A problem worth telling the visitor about, e.g. an outdated widget. */
  problem: string | null;
  session: SessionView | null;
  /** Confirmed messages, ordered by `seq`, each once. */
  messages: MessageView[];
  pending: PendingMessage[];
  /** Highest `seq` the visitor has seen with the panel open. */
  readSeq: number;
}

/** What can happen to the chat. */
export type ChatEvent =
  | { type: 'connecting' }
  | { type: 'online' }
  | { type: 'offline' }
  | { type: 'problem'; message: string }
  | { type: 'session'; session: SessionView | null }
  | { type: 'messages'; messages: readonly MessageView[] }
  | { type: 'queued'; clientId: string; text: string }
  | { type: 'failed'; clientId: string; message: string }
  | { type: 'read' };

/** The state before anything happened. */
export const initialChatState: ChatState = {
  connection: 'idle',
  problem: null,
  session: null,
  messages: [],
  pending: [],
  readSeq: 0,
};

/** Merges messages by `seq`, keeping each once, whatever order and repeats they arrive in. */
export function mergeMessages(current: readonly MessageView[], incoming: readonly MessageView[]): MessageView[] {
  const bySeq = new Map(current.map((m) => [m.seq, m]));
  for (const m of incoming) bySeq.set(m.seq, m);
  return [...bySeq.values()].sort((a, b) => a.seq - b.seq);
}

/** Applies one event. */
export function reduce(state: ChatState, event: ChatEvent): ChatState {
  switch (event.type) {
    case 'connecting':
      return { ...state, connection: 'connecting' };
    case 'online':
      return { ...state, connection: 'online', problem: null };
    case 'offline':
      return { ...state, connection: 'offline' };
    case 'problem':
      return { ...state, problem: event.message };
    case 'session':
      return event.session?.id === state.session?.id
        ? { ...state, session: event.session }
        : { ...state, session: event.session, messages: [], readSeq: 0 };
    case 'messages': {
      const fresh = event.messages.filter((m) => m.sessionId === state.session?.id);
      if (fresh.length === 0) return state;
      const confirmed = new Set(fresh.map((m) => m.clientId));
      return {
        ...state,
        messages: mergeMessages(state.messages, fresh),
        pending: state.pending.filter((p) => !confirmed.has(p.clientId)),
      };
    }
    case 'queued':
      return { ...state, pending: [...state.pending, { clientId: event.clientId, text: event.text, error: null }] };
    case 'failed':
      return {
        ...state,
        pending: state.pending.map((p) => (p.clientId === event.clientId ? { ...p, error: event.message } : p)),
      };
    case 'read':
      return { ...state, readSeq: lastSeq(state) };
    default:
      return assertNever(event);
  }
}

/** The highest confirmed `seq`, 0 without messages. */
export function lastSeq(state: ChatState): number {
  return state.messages.at(-1)?.seq ?? 0;
}

/** Technician messages the visitor has not seen. */
export function unreadCount(state: ChatState): number {
  return state.messages.filter((m) => m.seq > state.readSeq && m.author.kind === 'technician').length;
}

function assertNever(x: never): never {
  throw new Error(`Unhandled chat event ${JSON.stringify(x)}`);
}
