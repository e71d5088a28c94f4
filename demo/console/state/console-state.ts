/**
 * The console's live state as a pure reducer: sessions of the technician's channels and those they
 * take part in, the messages and details loaded so far, which page and session are open.
 */
import type {
  ActivityView,
  ChannelView,
  Invitation,
  MessageView,
  NoteView,
  PermissionView,
  ReceiptView,
  SessionCreated,
  SessionDetails,
  SessionProfileView,
  SessionStatus,
  SessionSummary,
  TypingView,
} from '../../../src/protocol/index.js';
import {
  mergeNotes,
  typingAfterMessages,
  withoutConfirmed,
  withReceipt,
  withTyping,
  type PendingReply,
  type SessionReceipts,
  type TypingBySession,
} from './chat-state-merge.js';
import { mergeActivity, mergePermissions, upsertSession, withMessages, without, type IncomingSession } from './state-merge.js';

/** Which sessions a channel page lists: all of them, or those of one status. */
export type StatusFilter = 'all' | SessionStatus;

/** The page the navigation shows. */
export type ConsolePage =
  | { kind: 'home' }
  | { kind: 'channel'; channelId: string }
  | { kind: 'admin-technicians' }
  | { kind: 'admin-channels' }
  | { kind: 'account' }
  | { kind: 'desk' }
  | { kind: 'admin-desk' }
  | { kind: 'devices' };

/** Everything the console shows. */
export interface ConsoleState {
  connection: 'connecting' | 'online' | 'offline';
  sessions: ReadonlyMap<string, SessionSummary>;
  /** Messages per session id, ordered by `seq`, each once. */
  messages: ReadonlyMap<string, readonly MessageView[]>;
  /** Activity per session id, oldest first, each once. */
  activity: ReadonlyMap<string, readonly ActivityView[]>;
  /** Permission requests per session id, oldest first, each once in its latest state. */
  permissions: ReadonlyMap<string, readonly PermissionView[]>;
  /** Invitation of technician-created sessions, once known (null: none or already used). */
  invitations: ReadonlyMap<string, Invitation | null>;
  /** Whether the visitor's widget is connected, per session, once known. */
  presence: ReadonlyMap<string, boolean>;
  /** What the visitor told (identity, pre-chat answers), per session, once details loaded. */
  profiles: ReadonlyMap<string, SessionProfileView | null>;
  /** Channels the technician is a member of; null until the server answered. */
  channels: readonly ChannelView[] | null;
  selectedId: string | null;
  page: ConsolePage;
  filter: StatusFilter;
  /** A sentence to show once, e.g. why the open session closed. */
  notice: string | null;
  /** Technician-only notes per session id, ordered by `seq` (N-1). */
  notes: ReadonlyMap<string, readonly NoteView[]>;
  /** Who is typing, per session id (Y-1). */
  typing: TypingBySession;
  /** Both sides' receipts, per session id (D-1). */
  receipts: ReadonlyMap<string, SessionReceipts>;
  /** Replies and notes sent but not confirmed yet, oldest first; retried after a reconnect. */
  outbox: readonly PendingReply[];
  /** A visitor wrote in a session that is not the open one: the console offers to open it. */
  arrival: { sessionId: string } | null;
}

/** What can happen in the console. */
export type ConsoleEvent =
  | { type: 'connection'; status: ConsoleState['connection'] }
  | { type: 'listed'; sessions: readonly SessionSummary[] }
  /** A session fact or an ack that may bring a session the console did not know yet. */
  | { type: 'session'; session: IncomingSession }
  /**
   * The ack of `session:act`: it only updates a known session, because a `session:removed` fact may
   * have overtaken it (e.g. after a transfer out of the technician's channels).
   */
  | { type: 'acted'; session: SessionSummary }
  | { type: 'created'; created: SessionCreated }
  | { type: 'removed'; sessionId: string; notice?: string }
  | { type: 'messages'; sessionId: string; messages: readonly MessageView[] }
  | { type: 'details'; details: SessionDetails }
  | { type: 'activity'; entry: ActivityView }
  | { type: 'permission'; permission: PermissionView }
  | { type: 'presence'; sessionId: string; visitorOnline: boolean }
  | { type: 'channels'; channels: readonly ChannelView[] }
  | { type: 'select'; sessionId: string | null }
  | { type: 'navigate'; page: ConsolePage }
  | { type: 'filter'; filter: StatusFilter }
  | { type: 'notice'; text: string | null }
  | { type: 'notes'; sessionId: string; notes: readonly NoteView[] }
  /** `selfId`: the console's own technician, whose typing it does not show. */
  | { type: 'typing'; typing: TypingView; selfId: string }
  | { type: 'receipt'; receipt: ReceiptView }
  | { type: 'reply-queued'; reply: PendingReply }
  | { type: 'reply-failed'; clientId: string; message: string }
  | { type: 'reply-retrying'; clientId: string }
  | { type: 'reply-discarded'; clientId: string }
  | { type: 'arrival'; sessionId: string | null };

/** The state before the first list arrives. */
export const initialConsoleState: ConsoleState = {
  connection: 'connecting',
  sessions: new Map(),
  messages: new Map(),
  activity: new Map(),
  permissions: new Map(),
  invitations: new Map(),
  presence: new Map(),
  profiles: new Map(),
  channels: null,
  selectedId: null,
  page: { kind: 'home' },
  filter: 'all',
  notice: null,
  notes: new Map(),
  typing: new Map(),
  receipts: new Map(),
  outbox: [],
  arrival: null,
};

const closedNotice = (label: string) => `The session with ${label} was deleted or moved out of your channels; its view was closed.`;

/** Applies one event. */
export function reduceConsole(state: ConsoleState, event: ConsoleEvent): ConsoleState {
  switch (event.type) {
    case 'connection':
      return { ...state, connection: event.status };
    case 'listed': {
      const sessions = new Map(event.sessions.map((s) => [s.id, state.selectedId === s.id ? { ...s, unread: 0 } : s]));
      const open = state.selectedId ? state.sessions.get(state.selectedId) : undefined;
      // The list is authoritative after a reconnect: an open session missing from it is gone.
      if (state.selectedId && !sessions.has(state.selectedId)) {
        return { ...state, sessions, selectedId: null, notice: closedNotice(open?.visitorLabel ?? 'this visitor') };
      }
      return { ...state, sessions };
    }
    case 'session':
      return upsertSession(state, event.session);
    case 'acted':
      return state.sessions.has(event.session.id) ? upsertSession(state, event.session) : state;
    case 'created': {
      const { session, invitation } = event.created;
      return { ...upsertSession(state, session), invitations: new Map(state.invitations).set(session.id, invitation) };
    }
    case 'removed': {
      const gone = state.sessions.get(event.sessionId);
      const wasOpen = state.selectedId === event.sessionId;
      const label = gone?.visitorLabel ?? 'this visitor';
      return {
        ...state,
        sessions: without(state.sessions, event.sessionId),
        messages: without(state.messages, event.sessionId),
        activity: without(state.activity, event.sessionId),
        permissions: without(state.permissions, event.sessionId),
        invitations: without(state.invitations, event.sessionId),
        presence: without(state.presence, event.sessionId),
        notes: without(state.notes, event.sessionId),
        typing: without(state.typing, event.sessionId),
        receipts: without(state.receipts, event.sessionId),
        outbox: state.outbox.filter((p) => p.sessionId !== event.sessionId),
        arrival: state.arrival?.sessionId === event.sessionId ? null : state.arrival,
        selectedId: wasOpen ? null : state.selectedId,
        notice: event.notice ?? (wasOpen ? closedNotice(label) : state.notice),
      };
    }
    case 'messages':
      return {
        ...withMessages(state, event.sessionId, event.messages),
        typing: typingAfterMessages(state.typing, event.sessionId, event.messages),
        outbox: withoutConfirmed(state.outbox, event.messages),
      };
    case 'notes':
      return {
        ...state,
        notes: new Map(state.notes).set(event.sessionId, mergeNotes(state.notes.get(event.sessionId) ?? [], event.notes)),
        outbox: withoutConfirmed(state.outbox, event.notes),
      };
    case 'typing':
      return { ...state, typing: withTyping(state.typing, event.typing, event.selfId) };
    case 'receipt': {
      const receipts = withReceipt(state.receipts, event.receipt);
      return receipts === state.receipts ? state : { ...state, receipts };
    }
    case 'reply-queued':
      return { ...state, outbox: [...state.outbox, event.reply] };
    case 'reply-failed':
    case 'reply-retrying': {
      const error = event.type === 'reply-failed' ? event.message : null;
      return { ...state, outbox: state.outbox.map((p) => (p.clientId === event.clientId ? { ...p, error } : p)) };
    }
    case 'reply-discarded':
      return { ...state, outbox: state.outbox.filter((p) => p.clientId !== event.clientId) };
    case 'arrival':
      return { ...state, arrival: event.sessionId && event.sessionId !== state.selectedId ? { sessionId: event.sessionId } : null };
    case 'details': {
      const { session, activity, permissions, invitation, visitorOnline, receipts } = event.details;
      const id = session.id;
      return {
        ...upsertSession(state, session),
        receipts: (receipts ?? []).reduce(withReceipt, state.receipts),
        activity: new Map(state.activity).set(id, mergeActivity(state.activity.get(id) ?? [], activity)),
        permissions: new Map(state.permissions).set(id, mergePermissions(state.permissions.get(id) ?? [], permissions)),
        invitations: new Map(state.invitations).set(id, invitation),
        presence: new Map(state.presence).set(id, visitorOnline),
        profiles: new Map(state.profiles).set(id, event.details.profile ?? null),
      };
    }
    case 'activity': {
      const id = event.entry.sessionId;
      return { ...state, activity: new Map(state.activity).set(id, mergeActivity(state.activity.get(id) ?? [], [event.entry])) };
    }
    case 'permission': {
      const id = event.permission.sessionId;
      const merged = mergePermissions(state.permissions.get(id) ?? [], [event.permission]);
      return { ...state, permissions: new Map(state.permissions).set(id, merged) };
    }
    case 'presence':
      return { ...state, presence: new Map(state.presence).set(event.sessionId, event.visitorOnline) };
    case 'channels':
      return { ...state, channels: [...event.channels].sort((a, b) => a.name.localeCompare(b.name)) };
    case 'select': {
      const s = event.sessionId ? state.sessions.get(event.sessionId) : undefined;
      const sessions = s ? new Map(state.sessions).set(s.id, { ...s, unread: 0 }) : state.sessions;
      const arrival = state.arrival?.sessionId === event.sessionId ? null : state.arrival;
      return { ...state, selectedId: event.sessionId, sessions, arrival };
    }
    case 'navigate': {
      // Admin and account pages hide the session view, so nothing stays open (and marked read) behind them;
      // a notice is about the page it appeared on.
      const showsSessions = event.page.kind === 'home' || event.page.kind === 'channel';
      return { ...state, page: event.page, filter: 'all', notice: null, selectedId: showsSessions ? state.selectedId : null };
    }
    case 'filter':
      return { ...state, filter: event.filter };
    case 'notice':
      return { ...state, notice: event.text };
    default:
      return assertNever(event);
  }
}

function assertNever(x: never): never {
  throw new Error(`Unhandled console event ${JSON.stringify(x)}`);
}
