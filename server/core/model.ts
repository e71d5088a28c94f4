/**
 * The domain records the core works on. Storage adapters read and write exactly these shapes; the
 * wire views in `src/protocol/views.ts` are derived from them by `views.ts`.
 */
import type {
  Actor,
  AttachmentView,
  Capability,
  ClientOs,
  MessageAuthor,
  PermissionStatus,
  SessionOrigin,
  SessionStatus,
} from '../../src/protocol/index.js';

/** A technician's account. */
export interface Technician {
  id: string;
  email: string;
  name: string;
  role: 'admin' | 'technician';
  passwordHash: string;
  createdAt: number;
}

/** A channel groups sessions; the widget names it by its public `key`. */
export interface Channel {
  id: string;
  key: string;
  name: string;
  createdAt: number;
  /** Minutes without activity after which an open session expires. */
  expirationMinutes: number;
  /** Website origins allowed to open sessions here, besides the server's own. */
  allowedOrigins: string[];
  /** Page invitation links open; empty means the server's own demo site. */
  siteUrl: string;
  downloadLinks: Partial<Record<ClientOs, string>>;
  /** Largest attachment accepted in this channel's sessions, in bytes (SPEC.md F-2). */
  attachmentMaxBytes: number;
}

/** A browser that asked for help, known by the hash of its bearer token. */
export interface Visitor {
  id: string;
  channelId: string;
  tokenHash: string;
  createdAt: number;
}

/** A support session: one visitor, its chat, and the technicians helping. */
export interface Session {
  id: string;
  channelId: string;
  visitorId: string | null;
  status: SessionStatus;
  origin: SessionOrigin;
  ownerId: string | null;
  /** Invited technicians besides the owner, in the order they joined. */
  participantIds: string[];
  createdBy: string | null;
  /** Secret of the invitation link while the visitor has not joined (S-5); then null. */
  inviteToken: string | null;
  /** Six-digit PIN while the visitor has not joined (S-5); then null. */
  pin: string | null;
  lastSeq: number;
  createdAt: number;
  /** Also the version for compare-and-set saves: every save moves it forward. */
  updatedAt: number;
  expiresAt: number;
  deletedAt: number | null;
  /**
   * The service-desk ticket the session is linked to (K-11), as `findSession` reads it; absent when
   * it has none or the session was read another way. Only the ticket timeline relay uses it.
   */
  ticketId?: string;
}

/** A stored chat message. */
export interface Message {
  id: string;
  sessionId: string;
  seq: number;
  clientId: string;
  author: MessageAuthor;
  text: string;
  createdAt: number;
  /** The file sent with the message (SPEC.md F-4); absent on text-only messages. */
  attachment?: AttachmentView;
}

/** A technician-only note in a session, numbered apart from the messages (N-1). */
export interface InternalNote {
  id: string;
  sessionId: string;
  seq: number;
  clientId: string;
  author: { id: string; name: string };
  text: string;
  createdAt: number;
}

/** How far one side of a session received and read the other's messages (D-1). */
export interface Receipt {
  sessionId: string;
  side: 'visitor' | 'technicians';
  deliveredSeq: number;
  readSeq: number;
}

/** A signed-in console session of a technician (the cookie holds the token, storage its hash). */
export interface AuthSession {
  tokenHash: string;
  technicianId: string;
  createdAt: number;
  expiresAt: number;
}

/** One line of a session's activity log. */
export interface Activity {
  id: string;
  sessionId: string;
  at: number;
  actor: Actor;
  action: string;
  summary: string;
}

/** One permission request and its answer (SPEC.md G-*). */
export interface Permission {
  id: string;
  sessionId: string;
  capability: Capability;
  status: PermissionStatus;
  requestedBy: { id: string; name: string };
  organisation: string;
  requestedAt: number;
  expiresAt: number;
  answeredAt: number | null;
}

/** A 9-digit support code, valid for one page load of the visitor (S-6). */
export interface SupportCode {
  code: string;
  sessionId: string;
  pageId: string;
  createdAt: number;
  revokedAt: number | null;
}
