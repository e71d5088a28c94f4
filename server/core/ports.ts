/**
 * The ports the core needs from the outside world. Storage adapters (SQLite, PostgreSQL) implement
 * {@link Store} and are all held to `tests/server/storage/store-contract.ts`.
 */
import type {
  ActivityView,
  MessageView,
  NoteView,
  PermissionStatus,
  PermissionView,
  ReceiptView,
  SessionFact,
  TechnicianRef,
  TypingView,
} from '../../src/protocol/index.js';
import type {
  Activity,
  AuthSession,
  Channel,
  InternalNote,
  Message,
  Permission,
  Receipt,
  Session,
  SupportCode,
  Technician,
  Visitor,
} from './model.js';
import type { Attachment } from './attachment-rules.js';
import type { ProfileStore } from './profile-model.js';
import type { DeskStore } from './desk/desk-ports.js';
import type { EscalationStore } from './escalation-model.js';
import type { ConversationLinkStore } from './conversation-link-model.js';
import type { UnattendedStore } from './unattended-model.js';

/** A session row joined with what the console list shows. */
export interface SessionListRow {
  session: Session;
  channelName: string;
  /** Names of the owner and participants, by id. */
  names: Record<string, string>;
  lastMessage: Message | null;
  /** Visitor messages after this technician's read mark. */
  unread: number;
}

/** Input of {@link MessageStore.appendMessage}; `seq` is allocated by the store. */
export type NewMessage = Omit<Message, 'seq'>;

/** Technician accounts and console sign-ins. */
export interface TechnicianStore {
  countTechnicians(): Promise<number>;
  insertTechnician(t: Technician): Promise<void>;
  findTechnicianByEmail(email: string): Promise<Technician | undefined>;
  findTechnicianById(id: string): Promise<Technician | undefined>;
  listTechnicians(): Promise<Technician[]>;
  updateTechnicianPassword(id: string, passwordHash: string): Promise<void>;

  insertAuthSession(s: AuthSession): Promise<void>;
  findAuthSession(tokenHash: string): Promise<AuthSession | undefined>;
  deleteAuthSession(tokenHash: string): Promise<void>;
}

/** Channels and their members. */
export interface ChannelStore {
  insertChannel(c: Channel): Promise<void>;
  updateChannel(c: Channel): Promise<void>;
  findChannelByKey(key: string): Promise<Channel | undefined>;
  findChannelById(id: string): Promise<Channel | undefined>;
  listChannels(): Promise<Channel[]>;
  addChannelMember(channelId: string, technicianId: string): Promise<void>;
  /** Replaces the members of a channel. */
  setChannelMembers(channelId: string, technicianIds: string[]): Promise<void>;
  listChannelMembers(channelId: string): Promise<TechnicianRef[]>;
  /** Ids of the channels the technician belongs to. */
  listChannelIdsOf(technicianId: string): Promise<string[]>;
}

/** Visitors, sessions, invitations and support codes. */
export interface SessionStore {
  insertVisitor(v: Visitor): Promise<void>;
  findVisitorByTokenHash(tokenHash: string): Promise<Visitor | undefined>;

  insertSession(s: Session): Promise<void>;
  /** A session, deleted ones included (callers check `deletedAt`). */
  findSession(id: string): Promise<Session | undefined>;
  findSessionByInviteToken(token: string): Promise<Session | undefined>;
  findSessionByPin(pin: string): Promise<Session | undefined>;
  /** The visitor's open (not closed, expired or deleted) session they touched last (`updatedAt`). */
  findOpenSessionOfVisitor(visitorId: string): Promise<Session | undefined>;
  /**
   * Writes every mutable field and the participants, if the stored `updatedAt` is still
   * `expectedUpdatedAt` (compare-and-set). False when someone else saved first.
   */
  saveSession(next: Session, expectedUpdatedAt: number): Promise<boolean>;
  /** Open, not deleted sessions owned by the technician whose status is `active`. */
  countActiveOwnedBy(technicianId: string): Promise<number>;
  /** Marks open sessions past their `expiresAt` as expired; returns them as saved. */
  expireDueSessions(now: number): Promise<Session[]>;
  /**
   * Sessions of these channels or with this technician as owner or participant, not deleted, newest
   * activity first, with list details for that technician.
   */
  listSessions(channelIds: string[], technicianId: string, limit: number): Promise<SessionListRow[]>;
  getSessionRow(id: string, technicianId: string): Promise<SessionListRow | undefined>;

  insertSupportCode(c: SupportCode): Promise<void>;
  findSupportCode(code: string): Promise<SupportCode | undefined>;
  /** The live code of one page load of the visitor. */
  findSupportCodeOfPage(sessionId: string, pageId: string): Promise<SupportCode | undefined>;
  /** Revokes every live code of the session (a new page load gets a new code). */
  revokeSupportCodes(sessionId: string, at: number): Promise<void>;
}

/** Chat messages and read marks. */
export interface MessageStore {
  /**
   * Stores a message once: a second call with the same session and client id returns the stored
   * message with `created: false`. Allocates the next `seq` of the session atomically and, when
   * given, pushes the session's `expiresAt` forward to at least `expiresAt` (activity keeps it alive).
   */
  appendMessage(m: NewMessage, expiresAt?: number): Promise<{ message: Message; created: boolean }>;
  /** Messages of a session with `seq > afterSeq`, in order, at most `limit`. */
  listMessages(sessionId: string, afterSeq: number, limit: number): Promise<Message[]>;
  /** Moves the technician's read mark forward (never back). */
  markRead(sessionId: string, technicianId: string, seq: number): Promise<void>;
}

/** Technician-only notes and delivered/read receipts (N-1, D-1). */
export interface NoteStore {
  /** Like {@link MessageStore.appendMessage}, in the notes' own numbering. */
  appendNote(n: Omit<InternalNote, 'seq'>, expiresAt?: number): Promise<{ note: InternalNote; created: boolean }>;
  /** Notes of a session with `seq > afterSeq`, in order, at most `limit`. */
  listNotes(sessionId: string, afterSeq: number, limit: number): Promise<InternalNote[]>;
  /**
   * Moves one side's marks forward (never back; `read` also counts as delivered). Answers the marks as
   * stored when they moved, null when nothing moved, so only real changes are announced.
   */
  advanceReceipt(sessionId: string, side: Receipt['side'], delivered: number, read: number): Promise<Receipt | null>;
  /** Both sides' marks; a side without any yet is left out. */
  listReceipts(sessionId: string): Promise<Receipt[]>;
}

/** Activity log, permission requests, and failed join attempts. */
export interface AuditStore {
  insertActivity(a: Activity): Promise<void>;
  /** Newest last, at most `limit` (the newest ones). */
  listActivity(sessionId: string, limit: number): Promise<Activity[]>;

  insertPermission(p: Permission): Promise<void>;
  findPermission(id: string): Promise<Permission | undefined>;
  /** Compare-and-set on the status. */
  updatePermission(id: string, expected: PermissionStatus, next: { status: PermissionStatus; answeredAt: number | null }): Promise<boolean>;
  /** Oldest first. */
  listPermissions(sessionId: string): Promise<Permission[]>;
  /** Marks pending requests past their `expiresAt` as expired; returns them as saved. */
  expireDuePermissions(now: number): Promise<Permission[]>;

  recordJoinFailure(keys: string[], at: number): Promise<void>;
  countJoinFailures(key: string, since: number): Promise<number>;
  /** Forgets failures older than `before`. */
  pruneJoinFailures(before: number): Promise<void>;
}

/** Metadata of uploaded files (SPEC.md F-*); the bytes are in the attachment folder (`server/storage/attachment-files.ts`). */
export interface AttachmentStore {
  insertAttachment(a: Attachment): Promise<void>;
  findAttachment(id: string): Promise<Attachment | undefined>;
}

/** Persistent state. Every method is atomic on its own. */
export interface Store
  extends
    TechnicianStore,
    ChannelStore,
    SessionStore,
    MessageStore,
    NoteStore,
    AuditStore,
    AttachmentStore,
    ProfileStore,
    DeskStore,
    EscalationStore,
    ConversationLinkStore,
    UnattendedStore {
  close(): Promise<void>;
}

/** Where the core announces facts; the socket layer turns them into room broadcasts. */
export interface Publisher {
  messageCreated(message: MessageView, audience: Audience): void;
  sessionCreated(session: SessionFact, audience: Audience): void;
  sessionUpdated(session: SessionFact, audience: Audience): void;
  /** The session left these technicians' view (deleted, or moved to a channel they are not in). */
  sessionRemoved(sessionId: string, audience: Audience): void;
  activityCreated(entry: ActivityView, audience: Audience): void;
  permissionRequested(permission: PermissionView, audience: Audience): void;
  permissionUpdated(permission: PermissionView, audience: Audience): void;
  /** Tells the visitor's widgets to stop, then disconnects them. */
  visitorDisconnected(sessionId: string, message: string): void;
  presenceChanged(sessionId: string, visitorOnline: boolean, audience: Audience): void;
  /** To technicians only, whatever the audience says (N-1). */
  noteCreated(note: NoteView, audience: Audience): void;
  /** To the other side: a visitor's typing to consoles; a technician's to the widget and other consoles. */
  typingChanged(typing: TypingView, audience: Audience): void;
  receiptUpdated(receipt: ReceiptView, audience: Audience): void;
}

/** Who hears about a session: its visitor's widgets, the consoles of a channel and of technicians. */
export interface Audience {
  sessionId: string;
  channelIds: string[];
  technicianIds: string[];
  /** False for technician-only facts (activity, sessions lists). */
  visitor: boolean;
  /** The ticket whose timeline hears chat messages too (K-11), from {@link Session.ticketId}. */
  ticketId?: string;
}

/** Live facts that only the socket layer knows. */
export interface Presence {
  isVisitorOnline(sessionId: string): Promise<boolean>;
  /** Makes the technicians' consoles hear (or stop hearing) a channel after a membership change. */
  channelMembershipChanged(channelId: string, added: string[], removed: string[]): void;
}

/** One-way password hashing (argon2id in production). */
export interface PasswordHasher {
  hash(password: string): Promise<string>;
  verify(hash: string, password: string): Promise<boolean>;
}

/** Randomness and time, injected so rules stay deterministic in tests. */
export interface Env {
  now(): number;
  /** A new unique id. */
  id(): string;
  /** A new secret token of at least 128 random bits, URL-safe. */
  token(): string;
  /** One-way hash of a token for storage lookups. */
  hashToken(token: string): string;
  /** A uniformly random string of `length` decimal digits (PINs, support codes). */
  digits(length: number): string;
}
