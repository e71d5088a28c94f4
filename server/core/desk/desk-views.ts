/**
 * Desk records to wire views (`src/protocol/desk-views.ts`).
 */
import type {
  GroupView,
  MailView,
  TicketNoteView,
  RuleView,
  TicketView,
  TimelineEntryView,
  UnreadableMailView,
} from '../../../src/protocol/index.js';
import type { MailRecord, Rule, TechnicianGroup, Ticket, TicketNote, TimelineEntry, UnreadableMail } from './desk-model.js';
import { assigneeName, type AssigneeNames } from './ticket-rules.js';

/** The list and overview view of a ticket. */
export function ticketView(t: Ticket, names: AssigneeNames): TicketView {
  return {
    id: t.id,
    number: t.number,
    name: t.name,
    description: t.description,
    status: t.status,
    priority: t.priority,
    assignee: t.assignee,
    assigneeName: assigneeName(t.assignee, names),
    tags: t.tags,
    customer: t.customer,
    origin: t.origin,
    createdAt: t.createdAt,
    updatedAt: t.updatedAt,
  };
}

/** A timeline entry as sent. */
export const timelineView = (e: TimelineEntry): TimelineEntryView => ({ ...e });

/** A note as sent. */
export const noteView = (n: TicketNote): TicketNoteView => ({ ...n });

/** A mail as the outbox and replies show it. */
export const mailView = (m: MailRecord): MailView => ({
  id: m.id,
  ticketId: m.ticketId,
  direction: m.direction,
  status: m.status,
  from: m.from,
  to: m.to,
  subject: m.subject,
  text: m.text,
  messageId: m.messageId,
  at: m.at,
});

/** An unreadable mail as the console lists it. */
export const unreadableView = (u: UnreadableMail): UnreadableMailView => ({ ...u });

/** A rule as sent. */
export const ruleView = (r: Rule): RuleView => ({ ...r });

/** A group with its members' names. */
export const groupView = (g: TechnicianGroup, names: ReadonlyMap<string, string>): GroupView => ({
  id: g.id,
  name: g.name,
  members: g.memberIds.map((id) => ({ id, name: names.get(id) ?? 'a former technician' })),
});
