/**
 * The service desk's domain records (SPEC.md K-*, R-*, E-*). Storage reads and writes exactly these
 * shapes; the wire views in `src/protocol/desk-views.ts` are derived from them.
 */
import type {
  Assignee,
  Customer,
  RuleInput,
  TicketActor,
  TicketOrigin,
  TicketPriority,
  TicketStatus,
  TimelineKind,
} from '../../../src/protocol/index.js';

/** A support request: the single place of truth for one customer's problem. */
export interface Ticket {
  id: string;
  /** Allocated by the store: 1, 2, 3, ... shown as `T-<number>`. */
  number: number;
  name: string;
  description: string;
  status: TicketStatus;
  priority: TicketPriority;
  assignee: Assignee;
  tags: string[];
  customer: Customer;
  origin: TicketOrigin;
  /** The desk address the first mail was sent to (rules match on it), else empty. */
  recipient: string;
  createdAt: number;
  updatedAt: number;
}

/** A new ticket before the store numbers it. */
export type NewTicket = Omit<Ticket, 'number'>;

/** One line of a ticket's timeline. */
export interface TimelineEntry {
  id: string;
  ticketId: string;
  at: number;
  kind: TimelineKind;
  actor: TicketActor;
  summary: string;
  body: string;
  data: Record<string, unknown>;
}

/** An internal note. */
export interface TicketNote {
  id: string;
  ticketId: string;
  author: { id: string; name: string };
  text: string;
  createdAt: number;
}

/** A routing rule, in its place in the order. */
export interface Rule extends RuleInput {
  id: string;
  position: number;
  createdAt: number;
  updatedAt: number;
}

/** A named set of technicians that tickets can be assigned to (K-3). */
export interface TechnicianGroup {
  id: string;
  name: string;
  memberIds: string[];
  createdAt: number;
}

/** A mail in or out, as kept for threading and the outbox (E-*). */
export interface MailRecord {
  id: string;
  ticketId: string | null;
  direction: 'in' | 'out';
  status: 'received' | 'sent' | 'outbox' | 'failed';
  from: string;
  to: string;
  subject: string;
  text: string;
  /** The RFC 5322 Message-ID, with angle brackets; unique per direction. */
  messageId: string;
  inReplyTo: string;
  references: string[];
  /** Why a send failed, else empty. */
  error: string;
  at: number;
}

/** A file kept from an incoming mail. */
export interface TicketAttachment {
  id: string;
  ticketId: string;
  mailId: string;
  filename: string;
  contentType: string;
  size: number;
  content: Uint8Array;
  createdAt: number;
}

/** Mail intake could not make a ticket from this. */
export interface UnreadableMail {
  id: string;
  source: string;
  reason: string;
  excerpt: string;
  size: number;
  at: number;
}

/** A support session made from a ticket. */
export interface TicketSessionLink {
  ticketId: string;
  sessionId: string;
  createdAt: number;
}
