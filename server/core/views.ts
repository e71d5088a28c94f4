/**
 * Turns domain records into the wire views of `src/protocol/views.ts`.
 */
import type {
  ActivityView,
  ChannelView,
  MessageView,
  NoteView,
  PermissionView,
  ReceiptView,
  SessionFact,
  SessionSummary,
  SessionView,
  TechnicianRef,
} from '../../src/protocol/index.js';
import type { Activity, Channel, InternalNote, Message, Permission, Receipt, Session } from './model.js';
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
  const view: MessageView = {
    id: m.id,
    sessionId: m.sessionId,
    seq: m.seq,
    clientId: m.clientId,
    author: m.author,
    text: m.text,
    createdAt: m.createdAt,
  };
  if (m.attachment) view.attachment = { ...m.attachment };
  return view;
}

/** The wire view of an internal note. */
export function noteView(n: InternalNote): NoteView {
  return {
    id: n.id,
    sessionId: n.sessionId,
    seq: n.seq,
    clientId: n.clientId,
    author: { ...n.author },
    text: n.text,
    createdAt: n.createdAt,
  };
}

/** The wire view of a receipt. */
export function receiptView(r: Receipt): ReceiptView {
  return { sessionId: r.sessionId, side: r.side, deliveredSeq: r.deliveredSeq, readSeq: r.readSeq };
}

/** The wire view of a session; `names` maps technician ids to names. */
export function sessionView(s: Session, names: Readonly<Record<string, string>>): SessionView {
  const ref = (id: string): TechnicianRef => ({ id, name: names[id] ?? 'Technician' });
  return {
    id: s.id,
    channelId: s.channelId,
    status: s.status,
    origin: s.origin,
    visitorLabel: s.origin === 'unattended' ? 'Unattended device' : visitorLabel(s.visitorId),
    owner: s.ownerId ? ref(s.ownerId) : null,
    participants: s.participantIds.map(ref),
    lastSeq: s.lastSeq,
    createdAt: s.createdAt,
    updatedAt: s.updatedAt,
    expiresAt: s.expiresAt,
  };
}

/** A session as broadcast to consoles. */
export function sessionFact(s: Session, names: Readonly<Record<string, string>>, channelName: string): SessionFact {
  return { ...sessionView(s, names), channelName };
}

/** The console's list entry for a session. */
export function sessionSummary(row: SessionListRow): SessionSummary {
  const m = row.lastMessage;
  return {
    ...sessionView(row.session, row.names),
    channelName: row.channelName,
    // A file sent without text is listed by its name (F-4).
    lastMessage: m
      ? { text: m.text || (m.attachment ? `📎 ${m.attachment.name}` : ''), authorKind: m.author.kind, createdAt: m.createdAt }
      : null,
    unread: row.unread,
  };
}

/** The wire view of an activity entry. */
export function activityView(a: Activity): ActivityView {
  return { id: a.id, sessionId: a.sessionId, at: a.at, actor: a.actor, action: a.action, summary: a.summary };
}

/** The wire view of a permission request. */
export function permissionView(p: Permission): PermissionView {
  return { ...p, requestedBy: { ...p.requestedBy } };
}

/** The technicians' view of a channel. */
export function channelView(c: Channel, members: TechnicianRef[]): ChannelView {
  return {
    id: c.id,
    key: c.key,
    name: c.name,
    expirationMinutes: c.expirationMinutes,
    allowedOrigins: c.allowedOrigins,
    siteUrl: c.siteUrl,
    downloadLinks: c.downloadLinks,
    members,
    attachmentMaxBytes: c.attachmentMaxBytes,
  };
}
