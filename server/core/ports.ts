/**
 * The ports the core needs from the outside world. Storage adapters (SQLite, PostgreSQL) implement
 * {@link Store} and are all held to `tests/server/storage/store-contract.ts`.
 */
import type { MessageView, SessionStatus, SessionView } from '../../src/protocol/index.js';
import type { AuthSession, Channel, Message, Session, Technician, Visitor } from './model.js';

/** A session row joined with what the console list shows. */
export interface SessionListRow {
  session: Session;
  channelName: string;
  ownerName: string | null;
  lastMessage: Message | null;
  /** Visitor messages after this technician's read mark. */
  unread: number;
}

/** Input of {@link Store.appendMessage}; `seq` is allocated by the store. */
export type NewMessage = Omit<Message, 'seq'>;

/** Persistent state. Every method is atomic on its own. */
export interface Store {
  countTechnicians(): Promise<number>;
  insertTechnician(t: Technician): Promise<void>;
  findTechnicianByEmail(email: string): Promise<Technician | undefined>;
  findTechnicianById(id: string): Promise<Technician | undefined>;

  insertAuthSession(s: AuthSession): Promise<void>;
  findAuthSession(tokenHash: string): Promise<AuthSession | undefined>;
  deleteAuthSession(tokenHash: string): Promise<void>;

  insertChannel(c: Channel): Promise<void>;
  findChannelByKey(key: string): Promise<Channel | undefined>;
  findChannelById(id: string): Promise<Channel | undefined>;
  addChannelMember(channelId: string, technicianId: string): Promise<void>;
  /** Ids of the channels the technician belongs to. */
  listChannelIdsOf(technicianId: string): Promise<string[]>;

  insertVisitor(v: Visitor): Promise<void>;
  findVisitorByTokenHash(tokenHash: string): Promise<Visitor | undefined>;

  insertSession(s: Session): Promise<void>;
  findSession(id: string): Promise<Session | undefined>;
  /** The visitor's newest session that is not closed or expired. */
  findOpenSessionOfVisitor(visitorId: string): Promise<Session | undefined>;
  /** Changes status and owner if the session's status is still `expected` (compare-and-set). */
  updateSessionStatus(
    id: string,
    expected: SessionStatus,
    next: { status: SessionStatus; ownerId: string | null; updatedAt: number },
  ): Promise<boolean>;
  /** Sessions of these channels, newest activity first, with list details for one technician. */
  listSessions(channelIds: string[], technicianId: string, limit: number): Promise<SessionListRow[]>;
  getSessionRow(id: string, technicianId: string): Promise<SessionListRow | undefined>;

  /**
   * Stores a message once: a second call with the same session and client id returns the stored
   * message with `created: false`. Allocates the next `seq` of the session atomically.
   */
  appendMessage(m: NewMessage): Promise<{ message: Message; created: boolean }>;
  /** Messages of a session with `seq > afterSeq`, in order, at most `limit`. */
  listMessages(sessionId: string, afterSeq: number, limit: number): Promise<Message[]>;

  /** Moves the technician's read mark forward (never back). */
  markRead(sessionId: string, technicianId: string, seq: number): Promise<void>;

  close(): Promise<void>;
}

/** Where the core announces facts; the socket layer turns them into room broadcasts. */
export interface Publisher {
  messageCreated(message: MessageView, channelId: string): void;
  sessionCreated(session: SessionView, channelName: string): void;
  sessionUpdated(session: SessionView): void;
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
}
