/**
 * The ports of the service desk: its storage (part of the {@link Store}), outgoing mail, and where
 * ticket facts are announced. Adapters live in `server/storage/kysely/` and `server/mail/`.
 */
import type { TicketQuery, TicketView, TimelineEntryView } from '../../../src/protocol/index.js';
import type {
  TicketAttachment,
  MailRecord,
  NewTicket,
  Rule,
  TechnicianGroup,
  Ticket,
  TicketNote,
  TicketSessionLink,
  TimelineEntry,
  UnreadableMail,
} from './desk-model.js';

/** Who a ticket list is for: everything (admins) or what K-9 lets this technician see. */
export type TicketScope = { all: true } | { all: false; technicianId: string; groupIds: string[] };

/** Where an IMAP mailbox's intake stopped. */
export interface MailboxState {
  uidValidity: number;
  lastUid: number;
}

/** Tickets, their timeline, notes, attachments and sessions. */
export interface TicketStore {
  /** Stores the ticket with the next free number (1, 2, 3, ...) and returns it. */
  insertTicket(t: NewTicket): Promise<Ticket>;
  findTicket(id: string): Promise<Ticket | undefined>;
  findTicketByNumber(number: number): Promise<Ticket | undefined>;
  /** Writes every mutable field if the stored `updatedAt` is still `expectedUpdatedAt`. */
  saveTicket(next: Ticket, expectedUpdatedAt: number): Promise<boolean>;
  /**
   * Tickets in scope matching the query: `search` looks (case-insensitively, as a substring) in the
   * name, description, customer name, email and phone; empty filters mean any.
   */
  listTickets(query: TicketQuery, scope: TicketScope): Promise<Ticket[]>;
  /** The newest `limit` tickets by creation, newest first (for dry runs). */
  recentTickets(limit: number): Promise<Ticket[]>;

  insertTimelineEntry(e: TimelineEntry): Promise<void>;
  /** Oldest first, the newest `limit`. */
  listTimeline(ticketId: string, limit: number): Promise<TimelineEntry[]>;
  insertTicketNote(n: TicketNote): Promise<void>;
  /** Oldest first. */
  listTicketNotes(ticketId: string): Promise<TicketNote[]>;
  insertTicketAttachment(a: TicketAttachment): Promise<void>;
  /** Oldest first, without content. */
  listTicketAttachments(ticketId: string): Promise<Omit<TicketAttachment, 'content'>[]>;
  findTicketAttachment(id: string): Promise<TicketAttachment | undefined>;

  linkTicketSession(link: TicketSessionLink): Promise<void>;
  /** Oldest first. */
  listTicketSessions(ticketId: string): Promise<TicketSessionLink[]>;
  findTicketOfSession(sessionId: string): Promise<string | undefined>;
}

/** Rules and technician groups. */
export interface DeskSettingsStore {
  /** By position. */
  listRules(): Promise<Rule[]>;
  findRule(id: string): Promise<Rule | undefined>;
  insertRule(r: Rule): Promise<void>;
  updateRule(r: Rule): Promise<void>;
  deleteRule(id: string): Promise<void>;
  /** Sets positions 0, 1, 2, ... in the given order. */
  setRuleOrder(ids: string[]): Promise<void>;

  /** By name. */
  listGroups(): Promise<TechnicianGroup[]>;
  findGroup(id: string): Promise<TechnicianGroup | undefined>;
  /** Inserts or replaces the group and its members. */
  saveGroup(g: TechnicianGroup): Promise<void>;
  deleteGroup(id: string): Promise<void>;
}

/** Mail in and out, unreadable mail, and IMAP positions. */
export interface MailStore {
  /** Stores a mail once per direction and Message-ID; false (nothing stored) when already there. */
  insertMail(m: MailRecord): Promise<boolean>;
  findMail(id: string): Promise<MailRecord | undefined>;
  /** The newest mail tied to a ticket whose Message-ID is one of `messageIds`. */
  findMailByMessageIds(messageIds: string[]): Promise<MailRecord | undefined>;
  updateMailStatus(id: string, status: MailRecord['status'], error: string): Promise<void>;
  /** Ties a stored mail to its ticket. */
  setMailTicket(id: string, ticketId: string): Promise<void>;
  /** Mails of a ticket, oldest first. */
  listMailsOfTicket(ticketId: string): Promise<MailRecord[]>;
  /** Newest first. */
  listMails(direction: MailRecord['direction'], limit: number): Promise<MailRecord[]>;
  insertUnreadable(u: UnreadableMail): Promise<void>;
  /** Newest first. */
  listUnreadable(limit: number): Promise<UnreadableMail[]>;
  getMailboxState(key: string): Promise<MailboxState | undefined>;
  setMailboxState(key: string, state: MailboxState): Promise<void>;
}

/** Everything the desk stores. */
export interface DeskStore extends TicketStore, DeskSettingsStore, MailStore {}

/** A mail to send. */
export interface OutgoingMail {
  from: string;
  to: string;
  subject: string;
  text: string;
  messageId: string;
  inReplyTo?: string;
  references?: string[];
}

/** Sends mail (SMTP); absent when none is configured, and mail then stays in the outbox. */
export interface MailSender {
  send(mail: OutgoingMail): Promise<void>;
}

/** Where ticket facts go; the socket layer sends them to the consoles of the given technicians. */
export interface DeskPublisher {
  ticketChanged(ticket: TicketView, technicianIds: string[]): void;
  timelineCreated(entry: TimelineEntryView, technicianIds: string[]): void;
}
