/**
 * Pure helpers of the console reducer for what surrounds the chat: internal notes (N-1), who is
 * typing (Y-1), both sides' receipts (D-1), and replies waiting for the server's confirmation.
 */
import type { MessageView, NoteView, ReceiptView, TypingView } from '../../../src/protocol/index.js';

/** A reply or note the technician sent that the server has not confirmed yet. */
export interface PendingReply {
  sessionId: string;
  clientId: string;
  text: string;
  internal: boolean;
  /** An uploaded file the reply carries (F-4). */
  attachmentId?: string;
  /** Why the last attempt failed; null while it is on its way. */
  error: string | null;
}

/** Both sides' marks of one session. */
export interface SessionReceipts {
  visitor?: ReceiptView;
  technicians?: ReceiptView;
}

/** Who is typing in a session, by key (`visitor` or the technician's id). */
export type TypingBySession = ReadonlyMap<string, ReadonlyMap<string, TypingView['who']>>;

/** Notes by `seq`, each once, in order. */
export function mergeNotes(current: readonly NoteView[], incoming: readonly NoteView[]): NoteView[] {
  const bySeq = new Map(current.map((n) => [n.seq, n]));
  for (const n of incoming) bySeq.set(n.seq, n);
  return [...bySeq.values()].sort((a, b) => a.seq - b.seq);
}

/** Adds or removes a typist of a session; the console's own technician is never shown. */
export function withTyping(typing: TypingBySession, t: TypingView, selfId: string): TypingBySession {
  if (t.who.kind === 'technician' && t.who.id === selfId) return typing;
  const key = t.who.kind === 'visitor' ? 'visitor' : t.who.id;
  const current = typing.get(t.sessionId) ?? new Map<string, TypingView['who']>();
  if (t.typing === current.has(key)) return typing;
  const next = new Map(current);
  if (t.typing) next.set(key, t.who);
  else next.delete(key);
  return new Map(typing).set(t.sessionId, next);
}

/** Messages stop the typing of their author: they sent what they were typing. */
export function typingAfterMessages(typing: TypingBySession, sessionId: string, messages: readonly MessageView[]): TypingBySession {
  const current = typing.get(sessionId);
  if (!current || current.size === 0) return typing;
  const authors = new Set(messages.map((m) => (m.author.kind === 'visitor' ? 'visitor' : m.author.id)));
  if (![...current.keys()].some((k) => authors.has(k))) return typing;
  return new Map(typing).set(sessionId, new Map([...current].filter(([k]) => !authors.has(k))));
}

/** Keeps the furthest marks of each side: stale copies never take a receipt back. */
export function withReceipt(receipts: ReadonlyMap<string, SessionReceipts>, r: ReceiptView): ReadonlyMap<string, SessionReceipts> {
  const current = receipts.get(r.sessionId) ?? {};
  const known = current[r.side];
  const merged: ReceiptView = known
    ? { ...r, deliveredSeq: Math.max(known.deliveredSeq, r.deliveredSeq), readSeq: Math.max(known.readSeq, r.readSeq) }
    : r;
  if (known && known.deliveredSeq === merged.deliveredSeq && known.readSeq === merged.readSeq) return receipts;
  return new Map(receipts).set(r.sessionId, { ...current, [r.side]: merged });
}

/** The pending replies without those the server confirmed (by client id, M-1). */
export function withoutConfirmed(pending: readonly PendingReply[], confirmed: readonly { clientId: string }[]): readonly PendingReply[] {
  if (confirmed.length === 0 || pending.length === 0) return pending;
  const ids = new Set(confirmed.map((c) => c.clientId));
  return pending.some((p) => ids.has(p.clientId)) ? pending.filter((p) => !ids.has(p.clientId)) : pending;
}

/**
 * D-1: how far the technicians' last message got with the visitor (`read`, `delivered`, or `sent`),
 * for the line under it. Null without a technician message.
 */
export function lastTechnicianReceipt(
  messages: readonly MessageView[],
  receipts: SessionReceipts | undefined,
): { seq: number; status: 'sent' | 'delivered' | 'read' } | null {
  const last = messages.findLast((m) => m.author.kind === 'technician');
  if (!last) return null;
  const mark = receipts?.visitor;
  const status = mark && mark.readSeq >= last.seq ? 'read' : mark && mark.deliveredSeq >= last.seq ? 'delivered' : 'sent';
  return { seq: last.seq, status };
}
