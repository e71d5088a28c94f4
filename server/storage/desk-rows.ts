/**
 * Row ↔ record mapping for the desk tables of `desk-schema.ts`.
 */
import type { Selectable } from 'kysely';
import type { Assignee, TicketActor, TicketOrigin, TicketPriority, TicketStatus, TimelineKind } from '../../src/protocol/index.js';
import type { MailRecord, Rule, Ticket, TimelineEntry } from '../core/desk/desk-model.js';
import type { DeskMailsTable, DeskRulesTable, TicketsTable, TicketTimelineTable } from './desk-schema.js';

function parseJson<T>(text: string, fallback: T): T {
  try {
    return JSON.parse(text) as T;
  } catch {
    return fallback;
  }
}

/** What the LIKE search looks in, lower-cased once in JavaScript so both databases compare alike. */
export function searchTextOf(t: Pick<Ticket, 'name' | 'description' | 'customer'>): string {
  return [t.name, t.description, t.customer.name, t.customer.email, t.customer.phone].join('\n').toLowerCase();
}

/** A {@link Ticket} as a tickets row. */
export function fromTicket(t: Ticket): Selectable<TicketsTable> {
  return {
    id: t.id,
    number: t.number,
    name: t.name,
    description: t.description,
    status: t.status,
    priority: t.priority,
    assignee_kind: t.assignee.kind,
    assignee_id: t.assignee.kind === 'none' ? null : t.assignee.id,
    tags: JSON.stringify(t.tags),
    customer_name: t.customer.name,
    customer_email: t.customer.email,
    customer_phone: t.customer.phone,
    origin: t.origin,
    recipient: t.recipient,
    search_text: searchTextOf(t),
    created_at: t.createdAt,
    updated_at: t.updatedAt,
  };
}

/** A tickets row as a {@link Ticket}. */
export function toTicket(r: Selectable<TicketsTable>): Ticket {
  const assignee: Assignee =
    r.assignee_kind === 'technician' && r.assignee_id
      ? { kind: 'technician', id: r.assignee_id }
      : r.assignee_kind === 'group' && r.assignee_id
        ? { kind: 'group', id: r.assignee_id }
        : { kind: 'none' };
  return {
    id: r.id,
    number: Number(r.number),
    name: r.name,
    description: r.description,
    status: r.status as TicketStatus,
    priority: r.priority as TicketPriority,
    assignee,
    tags: parseJson<string[]>(r.tags, []),
    customer: { name: r.customer_name, email: r.customer_email, phone: r.customer_phone },
    origin: r.origin as TicketOrigin,
    recipient: r.recipient,
    createdAt: Number(r.created_at),
    updatedAt: Number(r.updated_at),
  };
}

/** A timeline row as a {@link TimelineEntry}. */
export function toTimelineEntry(r: Selectable<TicketTimelineTable>): TimelineEntry {
  return {
    id: r.id,
    ticketId: r.ticket_id,
    at: Number(r.at),
    kind: r.kind as TimelineKind,
    actor: parseJson<TicketActor>(r.actor, { kind: 'system' }),
    summary: r.summary,
    body: r.body,
    data: parseJson<Record<string, unknown>>(r.data, {}),
  };
}

/** A {@link Rule} as a desk_rules row. */
export function fromRule(r: Rule): Selectable<DeskRulesTable> {
  return {
    id: r.id,
    name: r.name,
    description: r.description,
    enabled: r.enabled ? 1 : 0,
    match: r.match,
    conditions: JSON.stringify(r.conditions),
    actions: JSON.stringify(r.actions),
    position: r.position,
    created_at: r.createdAt,
    updated_at: r.updatedAt,
  };
}

/** A desk_rules row as a {@link Rule}. */
export function toRule(r: Selectable<DeskRulesTable>): Rule {
  return {
    id: r.id,
    name: r.name,
    description: r.description,
    enabled: Number(r.enabled) === 1,
    match: r.match === 'any' ? 'any' : 'all',
    conditions: parseJson<Rule['conditions']>(r.conditions, []),
    actions: parseJson<Rule['actions']>(r.actions, []),
    position: Number(r.position),
    createdAt: Number(r.created_at),
    updatedAt: Number(r.updated_at),
  };
}

/** A {@link MailRecord} as a desk_mails row (the `seq` comes from the counter). */
export function fromMail(m: MailRecord, seq: number): Selectable<DeskMailsTable> {
  return {
    id: m.id,
    ticket_id: m.ticketId,
    direction: m.direction,
    status: m.status,
    from_address: m.from,
    to_address: m.to,
    subject: m.subject,
    text: m.text,
    message_id: m.messageId,
    in_reply_to: m.inReplyTo,
    refs: JSON.stringify(m.references),
    error: m.error,
    at: m.at,
    seq,
  };
}

/** A desk_mails row as a {@link MailRecord}. */
export function toMail(r: Selectable<DeskMailsTable>): MailRecord {
  return {
    id: r.id,
    ticketId: r.ticket_id,
    direction: r.direction === 'in' ? 'in' : 'out',
    status: r.status as MailRecord['status'],
    from: r.from_address,
    to: r.to_address,
    subject: r.subject,
    text: r.text,
    messageId: r.message_id,
    inReplyTo: r.in_reply_to,
    references: parseJson<string[]>(r.refs, []),
    error: r.error,
    at: Number(r.at),
  };
}
