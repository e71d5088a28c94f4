/**
 * Pure helpers of the console reducer: how facts, acks and answers that may arrive in any order and
 * more than once are folded into what the console already holds.
 */
import type {
  ActivityView,
  MessageView,
  PermissionStatus,
  PermissionView,
  SessionSummary,
  SessionView,
} from '../../../src/protocol/index.js';
import type { ConsoleState } from './console-state.js';

/** A session as facts and acks bring it: a view, sometimes with the summary's extra fields. */
export type IncomingSession = SessionView & Partial<Pick<SessionSummary, 'channelName' | 'lastMessage' | 'unread'>>;

/** A copy of `map` without `key` (the same map when the key is absent). */
export function without<V>(map: ReadonlyMap<string, V>, key: string): ReadonlyMap<string, V> {
  if (!map.has(key)) return map;
  const copy = new Map(map);
  copy.delete(key);
  return copy;
}

/** Adds or updates one session; the list's own fields (last message, unread) stay the console's. */
export function upsertSession(state: ConsoleState, incoming: IncomingSession): ConsoleState {
  const { lastMessage, unread, channelName, ...view } = incoming;
  const known = state.sessions.get(view.id);
  const next: SessionSummary = known
    ? { ...known, ...view, channelName: channelName ?? known.channelName, lastSeq: Math.max(known.lastSeq, view.lastSeq) }
    : { ...view, channelName: channelName ?? '', lastMessage: lastMessage ?? null, unread: unread ?? 0 };
  if (state.selectedId === next.id) next.unread = 0;
  return { ...state, sessions: new Map(state.sessions).set(next.id, next) };
}

function mergeMessages(current: readonly MessageView[], incoming: readonly MessageView[]): MessageView[] {
  const bySeq = new Map(current.map((m) => [m.seq, m]));
  for (const m of incoming) bySeq.set(m.seq, m);
  return [...bySeq.values()].sort((a, b) => a.seq - b.seq);
}

/** Adds messages of one session and keeps its list entry (last message, unread count) in step. */
export function withMessages(state: ConsoleState, sessionId: string, incoming: readonly MessageView[]): ConsoleState {
  const before = state.messages.get(sessionId) ?? [];
  const after = mergeMessages(before, incoming);
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

/** Activity entries by id, oldest first: a fact and a details answer may both carry the same entry. */
export function mergeActivity(current: readonly ActivityView[], incoming: readonly ActivityView[]): ActivityView[] {
  const byId = new Map(current.map((a) => [a.id, a]));
  for (const a of incoming) byId.set(a.id, a);
  return [...byId.values()].sort((a, b) => a.at - b.at || a.id.localeCompare(b.id));
}

// A request only moves forward (pending, then answered, then perhaps revoked), so a stale copy
// arriving late (a details answer built before the fact) never takes a request back.
const STAGE: Record<PermissionStatus, number> = { pending: 0, granted: 1, denied: 1, expired: 1, revoked: 2 };

/** Permission requests by id, oldest first, each in its most advanced state. */
export function mergePermissions(current: readonly PermissionView[], incoming: readonly PermissionView[]): PermissionView[] {
  const byId = new Map(current.map((p) => [p.id, p]));
  for (const p of incoming) {
    const known = byId.get(p.id);
    if (!known || STAGE[p.status] >= STAGE[known.status]) byId.set(p.id, p);
  }
  return [...byId.values()].sort((a, b) => a.requestedAt - b.requestedAt || a.id.localeCompare(b.id));
}
