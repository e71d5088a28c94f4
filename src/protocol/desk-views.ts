/**
 * Read models of the service desk (tickets, timeline, rules, groups, mail) as the server sends them.
 * Inbound payloads have schemas in `desk-schemas.ts`; SPEC.md K-*, R-* and E-* say what they mean.
 */

/** Ticket states (K-2); new tickets are `open`. */
export const TICKET_STATUSES = ['open', 'processing', 'waiting', 'closed'] as const;
/** One of {@link TICKET_STATUSES}. */
export type TicketStatus = (typeof TICKET_STATUSES)[number];

/** Ticket priorities, lowest first. */
export const TICKET_PRIORITIES = ['low', 'medium', 'high', 'urgent'] as const;
/** One of {@link TICKET_PRIORITIES}. */
export type TicketPriority = (typeof TICKET_PRIORITIES)[number];

/** Who works a ticket: nobody, one technician, or a technician group (K-3). */
export type Assignee = { kind: 'none' } | { kind: 'technician'; id: string } | { kind: 'group'; id: string };

/** How a ticket came in. */
export type TicketOrigin = 'manual' | 'email' | 'widget';

/** The person who asked for help. */
export interface Customer {
  name: string;
  email: string;
  phone: string;
}

/** A ticket as lists and the overview panel show it. */
export interface TicketView {
  id: string;
  /** Human number, shown as `T-<number>` and carried in mail subjects. */
  number: number;
  name: string;
  description: string;
  status: TicketStatus;
  priority: TicketPriority;
  assignee: Assignee;
  /** Name of the assigned technician or group, for display; empty when unassigned. */
  assigneeName: string;
  tags: string[];
  customer: Customer;
  origin: TicketOrigin;
  createdAt: number;
  updatedAt: number;
}

/** Who did something on a ticket. */
export type TicketActor = { kind: 'technician'; id: string; name: string } | { kind: 'customer'; name: string } | { kind: 'system' };

/** Kinds of timeline entries (K-6). */
export type TimelineKind = 'created' | 'updated' | 'rule' | 'mail_in' | 'mail_out' | 'note' | 'session' | 'chat';

/** One line of a ticket's timeline. `text` is shown as text, never as HTML. */
export interface TimelineEntryView {
  id: string;
  ticketId: string;
  at: number;
  kind: TimelineKind;
  actor: TicketActor;
  /** A one-line summary. */
  summary: string;
  /** Longer text (a mail body, a note), may be empty. */
  body: string;
  /** Kind-specific extras: `mailId`, `sessionId`, `link`, `attachments`... */
  data: Record<string, unknown>;
}

/** An internal note on a ticket; customers never see notes. */
export interface TicketNoteView {
  id: string;
  ticketId: string;
  author: { id: string; name: string };
  text: string;
  createdAt: number;
}

/** An attachment kept from an incoming mail (bytes are fetched separately). */
export interface TicketAttachmentView {
  id: string;
  filename: string;
  contentType: string;
  size: number;
}

/** A session tied to a ticket, with its live state for the "connect" button. */
export interface TicketSessionView {
  sessionId: string;
  status: string;
  link: string | null;
  pin: string | null;
  visitorOnline: boolean;
  createdAt: number;
}

/** Everything the expert view shows of one ticket. */
export interface TicketDetails {
  ticket: TicketView;
  timeline: TimelineEntryView[];
  notes: TicketNoteView[];
  attachments: TicketAttachmentView[];
  sessions: TicketSessionView[];
}

/** A mail the desk sent or kept in its outbox. */
export interface MailView {
  id: string;
  ticketId: string | null;
  direction: 'in' | 'out';
  /** `outbox` when no SMTP server is configured: kept, not sent. */
  status: 'received' | 'sent' | 'outbox' | 'failed';
  from: string;
  to: string;
  subject: string;
  text: string;
  messageId: string;
  at: number;
}

/** A mail intake could not read well enough to make a ticket. */
export interface UnreadableMailView {
  id: string;
  source: string;
  reason: string;
  /** The first bytes, as text, so an admin can see what arrived. */
  excerpt: string;
  size: number;
  at: number;
}

/** A technician group (K-3); admins manage them. */
export interface GroupView {
  id: string;
  name: string;
  members: { id: string; name: string }[];
}
