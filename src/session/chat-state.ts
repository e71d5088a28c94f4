/**
 * The widget's chat state as a pure reducer: `reduce(state, event) -> state`. The controller feeds
 * it socket events and user actions; components only render it.
 */
import type { ErrorCode } from '../protocol/errors.js';
import type { AttachmentView } from '../protocol/attachments.js';
import type { MessageView, PermissionView, SessionView } from '../protocol/views.js';
import { expirePermissions, mergePermissions } from './permissions.js';
import type { UploadState } from './uploads.js';

/** A message typed by the visitor that the server has not confirmed yet. */
export interface PendingMessage {
  clientId: string;
  text: string;
  /** The uploaded file the message carries (F-4). */
  attachment?: AttachmentView;
  /** Set when the last attempt failed; the message is retried on the next connection. */
  error: string | null;
}

/** Why a command failed: the server's stable code and its sentence; components choose the words. */
export interface Refusal {
  error: ErrorCode;
  message: string;
}

/** Opening an invitation link (`?porthole=<token>`) found in the address bar. */
export type LinkState = { status: 'none' } | { status: 'joining' } | { status: 'failed'; refusal: Refusal };

/** The "Have a PIN?" form. */
export type PinState = { status: 'closed' } | { status: 'open'; refusal: Refusal | null } | { status: 'sending' };

/** The 9-digit support code the visitor reads out to a technician. */
export type SosState =
  { status: 'hidden' } | { status: 'asking' } | { status: 'shown'; code: string } | { status: 'failed'; refusal: Refusal };

/** Everything the chat panel shows. */
export interface ChatState {
  /** `stopped`: the technician disconnected the visitor; only the visitor reconnects. */
  connection: 'idle' | 'connecting' | 'online' | 'offline' | 'stopped';
  /** What the server said when it disconnected the visitor. */
  stopMessage: string | null;
  /** A problem worth telling the visitor about, e.g. an outdated widget. */
  problem: string | null;
  session: SessionView | null;
  /** Confirmed messages, ordered by `seq`, each once. */
  messages: MessageView[];
  pending: PendingMessage[];
  /** Highest `seq` the visitor has seen with the panel open. */
  readSeq: number;
  link: LinkState;
  pin: PinState;
  sos: SosState;
  /** Permission requests of the current session, oldest first. */
  permissions: PermissionView[];
  /** The request whose answer is on its way, so its buttons cannot be pressed twice. */
  answering: string | null;
  /** Why the last answer or revocation failed. */
  permissionRefusal: Refusal | null;
  /** The server's clock as last estimated, for countdowns; 0 before the first tick. */
  now: number;
  /** Name of the technician typing right now (Y-1); the controller clears it when it goes stale. */
  typing: string | null;
  /** How far the technicians received and read the visitor's messages (D-1). */
  receipt: { deliveredSeq: number; readSeq: number };
  /** Files on their way up (F-1). */
  uploads: UploadState[];
}

/** What can happen to the chat. */
export type ChatEvent =
  | { type: 'connecting' }
  | { type: 'online' }
  | { type: 'offline' }
  | { type: 'stopped'; message: string }
  | { type: 'problem'; message: string }
  | { type: 'session'; session: SessionView | null }
  | { type: 'messages'; messages: readonly MessageView[] }
  | { type: 'queued'; clientId: string; text: string; attachment?: AttachmentView }
  /** Messages found in the outbox on load: they go before anything typed since. */
  | { type: 'restored'; messages: readonly { clientId: string; text: string; attachment?: AttachmentView }[] }
  | { type: 'uploads'; uploads: UploadState[] }
  | { type: 'failed'; clientId: string; message: string }
  | { type: 'read' }
  | { type: 'link'; link: LinkState }
  | { type: 'pin'; pin: PinState }
  | { type: 'sos'; sos: SosState }
  | { type: 'permissions'; permissions: readonly PermissionView[] }
  | { type: 'answering'; permissionId: string | null }
  | { type: 'permission-refused'; refusal: Refusal | null }
  | { type: 'clock'; now: number }
  | { type: 'typing'; sessionId: string; name: string | null }
  | { type: 'receipt'; sessionId: string; deliveredSeq: number; readSeq: number }
  | { type: 'restart' };

/** The state before anything happened. */
export const initialChatState: ChatState = {
  connection: 'idle',
  stopMessage: null,
  problem: null,
  session: null,
  messages: [],
  pending: [],
  readSeq: 0,
  link: { status: 'none' },
  pin: { status: 'closed' },
  sos: { status: 'hidden' },
  permissions: [],
  answering: null,
  permissionRefusal: null,
  now: 0,
  typing: null,
  receipt: { deliveredSeq: 0, readSeq: 0 },
  uploads: [],
};

/** Merges messages by `seq`, keeping each once, whatever order and repeats they arrive in. */
export function mergeMessages(current: readonly MessageView[], incoming: readonly MessageView[]): MessageView[] {
  const bySeq = new Map(current.map((m) => [m.seq, m]));
  for (const m of incoming) bySeq.set(m.seq, m);
  return [...bySeq.values()].sort((a, b) => a.seq - b.seq);
}

/** Whether the session is over (S-4): it takes no messages and a new one is needed to talk again. */
export function isEnded(session: SessionView | null): boolean {
  return session?.status === 'closed' || session?.status === 'expired';
}

/** Applies one event. */
export function reduce(state: ChatState, event: ChatEvent): ChatState {
  switch (event.type) {
    case 'connecting':
      return { ...state, connection: 'connecting', stopMessage: null };
    case 'online':
      return { ...state, connection: 'online', problem: null };
    case 'offline':
      // Our own disconnect after `stopped` also reports a disconnect; the visitor must still see why.
      return state.connection === 'stopped' ? state : { ...state, connection: 'offline' };
    case 'stopped':
      return { ...state, connection: 'stopped', stopMessage: event.message };
    case 'problem':
      return { ...state, problem: event.message };
    case 'session':
      return withSession(state, event.session);
    case 'messages': {
      const fresh = event.messages.filter((m) => m.sessionId === state.session?.id);
      // A client id is stored once wherever it went: an answer from a session no longer shown (the
      // visitor joined another meanwhile) still confirms it, or it would be sent there too.
      const confirmed = new Set(event.messages.map((m) => m.clientId));
      const pending = state.pending.some((p) => confirmed.has(p.clientId))
        ? state.pending.filter((p) => !confirmed.has(p.clientId))
        : state.pending;
      if (fresh.length === 0 && pending === state.pending) return state;
      // A technician who just sent has stopped typing, whatever their last signal said.
      const typing = fresh.some((m) => m.author.kind === 'technician') ? null : state.typing;
      return { ...state, messages: mergeMessages(state.messages, fresh), pending, typing };
    }
    case 'queued':
      return { ...state, pending: [...state.pending, pendingOf(event)] };
    case 'restored': {
      const known = new Set([...state.pending, ...state.messages].map((m) => m.clientId));
      const back = event.messages.filter((m) => !known.has(m.clientId)).map(pendingOf);
      return back.length === 0 ? state : { ...state, pending: [...back, ...state.pending] };
    }
    case 'failed':
      return {
        ...state,
        pending: state.pending.map((p) => (p.clientId === event.clientId ? { ...p, error: event.message } : p)),
      };
    case 'read':
      return { ...state, readSeq: lastSeq(state) };
    case 'link':
      return { ...state, link: event.link };
    case 'pin':
      return { ...state, pin: event.pin };
    case 'sos':
      return { ...state, sos: event.sos };
    case 'permissions': {
      const fresh = event.permissions.filter((p) => p.sessionId === state.session?.id);
      if (fresh.length === 0 || isEnded(state.session)) return state;
      return { ...state, permissions: expirePermissions(mergePermissions(state.permissions, fresh), state.now) };
    }
    case 'answering':
      return { ...state, answering: event.permissionId };
    case 'permission-refused':
      return { ...state, permissionRefusal: event.refusal };
    case 'uploads':
      return { ...state, uploads: event.uploads };
    case 'clock':
      return { ...state, now: event.now, permissions: expirePermissions(state.permissions, event.now) };
    case 'typing':
      return event.sessionId === state.session?.id ? { ...state, typing: event.name } : state;
    case 'receipt': {
      if (event.sessionId !== state.session?.id) return state;
      const { deliveredSeq, readSeq } = state.receipt;
      // Marks only move forward (D-1): a stale copy arriving late never takes them back.
      if (event.deliveredSeq <= deliveredSeq && event.readSeq <= readSeq) return state;
      return {
        ...state,
        receipt: { deliveredSeq: Math.max(deliveredSeq, event.deliveredSeq, event.readSeq), readSeq: Math.max(readSeq, event.readSeq) },
      };
    }
    case 'restart':
      // Keeps the connection and anything typed but not sent: it goes to the next session.
      return { ...withSession(state, null), link: { status: 'none' }, pin: { status: 'closed' } };
    default:
      return assertNever(event);
  }
}

/** A pending message, with its attachment only when it has one. */
function pendingOf(m: { clientId: string; text: string; attachment?: AttachmentView }): PendingMessage {
  return m.attachment
    ? { clientId: m.clientId, text: m.text, attachment: m.attachment, error: null }
    : { clientId: m.clientId, text: m.text, error: null };
}

/** Switches to `session`; another session (or none) brings its own messages, permissions and code. */
function withSession(state: ChatState, session: SessionView | null): ChatState {
  if (session?.id === state.session?.id) {
    // An ended session grants nothing and its support code leads nowhere.
    return isEnded(session) ? { ...state, session, permissions: [], sos: { status: 'hidden' } } : { ...state, session };
  }
  return {
    ...state,
    session,
    messages: [],
    readSeq: 0,
    permissions: [],
    answering: null,
    permissionRefusal: null,
    sos: { status: 'hidden' },
    typing: null,
    receipt: initialChatState.receipt,
  };
}

/**
 * D-1: what the visitor's last confirmed message reached: `read` once a technician read up to it,
 * `delivered` once a console received it, else `sent` (stored). Null without such a message.
 */
export function lastVisitorReceipt(state: ChatState): { seq: number; status: 'sent' | 'delivered' | 'read' } | null {
  const last = state.messages.findLast((m) => m.author.kind === 'visitor');
  if (!last) return null;
  const { deliveredSeq, readSeq } = state.receipt;
  return { seq: last.seq, status: readSeq >= last.seq ? 'read' : deliveredSeq >= last.seq ? 'delivered' : 'sent' };
}

/** The highest `seq` of a technician's message, which the widget reports as delivered (D-1). */
export function lastTechnicianSeq(state: ChatState): number {
  return state.messages.findLast((m) => m.author.kind === 'technician')?.seq ?? 0;
}

/** The highest confirmed `seq`, 0 without messages. */
export function lastSeq(state: ChatState): number {
  return state.messages.at(-1)?.seq ?? 0;
}

/**
 * The highest `seq` up to which every message is here (1, 2, ... without a gap; M-2), where
 * catching up starts: a live message can arrive ahead of ones missed while offline, and syncing
 * after it would skip them.
 */
export function contiguousSeq(state: ChatState): number {
  let seq = 0;
  for (const m of state.messages) {
    if (m.seq !== seq + 1) break;
    seq = m.seq;
  }
  return seq;
}

/** Technician messages the visitor has not seen. */
export function unreadCount(state: ChatState): number {
  return state.messages.filter((m) => m.seq > state.readSeq && m.author.kind === 'technician').length;
}

function assertNever(x: never): never {
  throw new Error(`Unhandled chat event ${JSON.stringify(x)}`);
}
