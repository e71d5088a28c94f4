/**
 * Words the desk pages show for protocol values.
 */
import type { TicketPriority, TicketStatus, TimelineKind } from '../../../src/protocol/index.js';

/** Ticket states. */
export const TICKET_STATUS_LABEL: Record<TicketStatus, string> = {
  open: 'Open',
  processing: 'Processing',
  waiting: 'Waiting',
  closed: 'Closed',
};

/** Ticket priorities. */
export const PRIORITY_LABEL: Record<TicketPriority, string> = { low: 'Low', medium: 'Medium', high: 'High', urgent: 'Urgent' };

/** Timeline entry kinds, as a short tag. */
export const TIMELINE_LABEL: Record<TimelineKind, string> = {
  created: 'Created',
  updated: 'Updated',
  rule: 'Rule',
  mail_in: 'Email in',
  mail_out: 'Email out',
  note: 'Note',
  session: 'Session',
  chat: 'Chat',
};

/** "T-12". */
export const ref = (n: number) => `T-${n}`;

/** Date and time, short. */
export const when = (ms: number) => new Date(ms).toLocaleString([], { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });
