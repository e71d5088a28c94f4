/**
 * What the server sends: read models of sessions and messages. They are produced by the server only,
 * so they are plain types; inbound payloads have schemas in `schemas.ts`.
 */

/** Session states, as in SPEC.md (S-1). */
export const SessionStatus = {
  waiting: 'waiting',
  active: 'active',
  in_queue: 'in_queue',
  expired: 'expired',
  closed: 'closed',
} as const;

/** One of the {@link SessionStatus} values. */
export type SessionStatus = (typeof SessionStatus)[keyof typeof SessionStatus];

/** Who wrote a message. Technician names travel with the message so history needs no second lookup. */
export type MessageAuthor = { kind: 'visitor' } | { kind: 'technician'; id: string; name: string };

/** One chat message, numbered by `seq` inside its session (1, 2, 3, ... without gaps). */
export interface MessageView {
  id: string;
  sessionId: string;
  seq: number;
  /** The id the sender gave the message; a retry with the same id never makes a second message. */
  clientId: string;
  author: MessageAuthor;
  text: string;
  /** Milliseconds since the epoch, server clock. */
  createdAt: number;
}

/** A support session as both the visitor and technicians may see it. */
export interface SessionView {
  id: string;
  channelId: string;
  status: SessionStatus;
  /** Short label for the visitor, e.g. "Visitor 3F2A". */
  visitorLabel: string;
  owner: { id: string; name: string } | null;
  /** Sequence number of the last message, 0 when there is none. */
  lastSeq: number;
  createdAt: number;
  updatedAt: number;
}

/** A session as listed in the console: with its last message and the technician's unread count. */
export interface SessionSummary extends SessionView {
  channelName: string;
  lastMessage: { text: string; authorKind: MessageAuthor['kind']; createdAt: number } | null;
  /** Messages from the visitor that this technician has not read. */
  unread: number;
}

/** The signed-in technician, as the console sees them. */
export interface TechnicianView {
  id: string;
  email: string;
  name: string;
  role: 'admin' | 'technician';
}

/** The public face of a channel, as the widget may see it. */
export interface ChannelPublicView {
  key: string;
  name: string;
}
