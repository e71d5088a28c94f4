/**
 * What the server sends: read models of sessions and messages. They are produced by the server only,
 * so they are plain types; inbound payloads have schemas in `schemas.ts`.
 */
import type { AttachmentView } from './attachments.js';
import type { SessionProfileView } from './profile-views.js';

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
  /** The file sent with the message, if any (SPEC.md F-4); the text may then be empty. */
  attachment?: AttachmentView;
}

/**
 * A technician-only note in a session (N-1): a thread of its own, numbered 1, 2, 3, ... apart from the
 * visitor's messages, and never sent to the visitor.
 */
export interface NoteView {
  id: string;
  sessionId: string;
  seq: number;
  clientId: string;
  author: TechnicianRef;
  text: string;
  createdAt: number;
}

/**
 * How far one side of a session has received and read the other side's messages (D-1): `visitor`
 * marks cover the technicians' messages, `technicians` marks the visitor's. Both only move forward.
 */
export interface ReceiptView {
  sessionId: string;
  side: 'visitor' | 'technicians';
  /** Every message of the other side up to this `seq` reached this side. */
  deliveredSeq: number;
  /** Every message of the other side up to this `seq` was shown to this side. */
  readSeq: number;
}

/** Someone started or stopped typing in a session (Y-1); receivers drop it after {@link TYPING_TTL_MS}. */
export interface TypingView {
  sessionId: string;
  who: { kind: 'visitor' } | { kind: 'technician'; id: string; name: string };
  typing: boolean;
}

/** How long a typing indicator stays without being renewed; senders renew it more often than this. */
export const TYPING_TTL_MS = 6000;

/** How a session began (SPEC.md S-2, S-5, S-6). */
export type SessionOrigin = 'visitor' | 'technician' | 'sos' | 'unattended';

/** A technician as other people see them. */
export interface TechnicianRef {
  id: string;
  name: string;
}

/** A support session as both the visitor and technicians may see it. */
export interface SessionView {
  id: string;
  channelId: string;
  status: SessionStatus;
  origin: SessionOrigin;
  /** Short label for the visitor, e.g. "Visitor 3F2A". */
  visitorLabel: string;
  owner: TechnicianRef | null;
  /** Invited technicians besides the owner (at most 2). */
  participants: TechnicianRef[];
  /** Sequence number of the last message, 0 when there is none. */
  lastSeq: number;
  createdAt: number;
  updatedAt: number;
  /** When the session expires unless something happens in it (server clock). */
  expiresAt: number;
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

/** Operating systems the support client is offered for. */
export type ClientOs = 'windows' | 'macos' | 'linux';

/** A channel as technicians see it. */
export interface ChannelView {
  id: string;
  key: string;
  name: string;
  /** Minutes of inactivity after which an open session expires (30 to 1,440). */
  expirationMinutes: number;
  /** Website origins allowed to open sessions in this channel (exact match), besides this server. */
  allowedOrigins: string[];
  /** Page that invitation links open (it must embed the widget); this server's demo site when empty. */
  siteUrl: string;
  /** Download links of the support client per OS; empty means the reference client of this server. */
  downloadLinks: Partial<Record<ClientOs, string>>;
  members: TechnicianRef[];
  /** Largest attachment accepted in this channel's sessions, in bytes (SPEC.md F-2). */
  attachmentMaxBytes: number;
}

/** Capabilities a technician asks the visitor for (SPEC.md G-*). */
export type Capability = 'view' | 'control' | 'escalate';

/** States of one permission request. `expired` means nobody answered in time: it counts as a denial. */
export type PermissionStatus = 'pending' | 'granted' | 'denied' | 'expired' | 'revoked';

/** One permission request and its answer. */
export interface PermissionView {
  id: string;
  sessionId: string;
  capability: Capability;
  status: PermissionStatus;
  requestedBy: TechnicianRef;
  /** The organisation shown to the visitor, e.g. the channel's name. */
  organisation: string;
  requestedAt: number;
  /** Until when the visitor may answer (pending requests only). */
  expiresAt: number;
  answeredAt: number | null;
}

/** Who did something. */
export type Actor = { kind: 'technician'; id: string; name: string } | { kind: 'visitor' } | { kind: 'system' };

/** One line of a session's activity log: who, what, when. */
export interface ActivityView {
  id: string;
  sessionId: string;
  at: number;
  actor: Actor;
  /** A stable verb such as `session.taken` or `permission.granted`. */
  action: string;
  /** A sentence for people, built by the server. */
  summary: string;
}

/** How a visitor joins a technician-created session. */
export interface Invitation {
  /** Full URL of the invitation link (the site page with the token). */
  link: string;
  /** Six digits, single use; null once used. */
  pin: string | null;
}

/** Everything the console's session view shows. */
export interface SessionDetails {
  session: SessionSummary;
  activity: ActivityView[];
  permissions: PermissionView[];
  /** Present on technician-created sessions while the visitor has not joined. */
  invitation: Invitation | null;
  /** Whether a widget of the visitor is connected right now. */
  visitorOnline: boolean;
  /** Both sides' delivered and read marks (D-1). */
  receipts: ReceiptView[];
  /** Pre-chat answers and identity the visitor gave (Q-3, I-5); absent from servers without it. */
  profile?: SessionProfileView | null;
}
