/**
 * Turns domain records into the wire views of `src/protocol/views.ts`.
 */
import type { MessageView, SessionSummary, SessionView } from '../../src/protocol/index.js';
import type { Message, Session } from './model.js';
import type { SessionListRow } from './ports.js';

/** A short, stable, non-identifying label for a visitor. */
export function visitorLabel(visitorId: string | null): string {
  return visitorId
    ? `Visitor ${visitorId
        .replace(/[^A-Za-z0-9]/g, '')
        .slice(0, 4)
        .toUpperCase()}`
    : 'Visitor';
}

/** The wire view of a message. */
export function messageView(m: Message): MessageView {
  return { id: m.id, sessionId: m.sessionId, seq: m.seq, clientId: m.clientId, author: m.author, text: m.text, createdAt: m.createdAt };
}

/** The wire view of a session. */
export function sessionView(s: Session, ownerName: string | null): SessionView {
  return {
    id: s.id,
    channelId: s.channelId,
    status: s.status,
    visitorLabel: visitorLabel(s.visitorId),
    owner: s.ownerId ? { id: s.ownerId, name: ownerName ?? 'Technician' } : null,
    lastSeq: s.lastSeq,
    createdAt: s.createdAt,
    updatedAt: s.updatedAt,
  };
}

/** The console's list entry for a session. */
export function sessionSummary(row: SessionListRow): SessionSummary {
  const m = row.lastMessage;
  return {
    ...sessionView(row.session, row.ownerName),
    channelName: row.channelName,
    lastMessage: m ? { text: m.text, authorKind: m.author.kind, createdAt: m.createdAt } : null,
    unread: row.unread,
  };
}
