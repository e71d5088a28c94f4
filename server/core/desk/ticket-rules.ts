/**
 * Ticket rules (SPEC.md K-*): building a ticket from what came in, who may see it, what changed,
 * and the `[#T-123]` reference that threads mail onto it. Pure functions over data.
 */
import type { Assignee, Customer, TicketOrigin, TicketPriority, TicketStatus } from '../../../src/protocol/index.js';
import { DESK_LIMITS } from '../../../src/protocol/index.js';
import type { NewTicket, TechnicianGroup, Ticket } from './desk-model.js';

/**
 * What any feature hands the desk to open a ticket: shaped like a "leave a message" form (name,
 * email, message), plus what a console form or a mail adds.
 */
export interface TicketInput {
  /** The customer's name. */
  name: string;
  email: string;
  phone?: string;
  message: string;
  /** Becomes the ticket's name; else the first line of the message. */
  subject?: string;
  origin: TicketOrigin;
  /** The desk address a mail was sent to. */
  recipient?: string;
  priority?: TicketPriority;
  status?: TicketStatus;
  assignee?: Assignee;
  tags?: string[];
}

/** The ticket reference people and mail subjects use. */
export const ticketRef = (number: number): string => `T-${number}`;

const REF_IN_SUBJECT = /\[#T-(\d{1,12})\]/i;

/** the subject with the ticket's `[#T-n]` reference, added once. */
export function subjectWithRef(subject: string, number: number): string {
  const clean = subject.replace(REF_IN_SUBJECT, '').replace(/\s+/g, ' ').trim();
  return `${clean || 'Your request'} [#${ticketRef(number)}]`;
}

/** the ticket number a subject refers to, if any. */
export function refFromSubject(subject: string): number | null {
  const m = REF_IN_SUBJECT.exec(subject);
  return m ? Number(m[1]) : null;
}

/** K-1: a ticket's name: the subject, else the message's first non-empty line, else a placeholder. */
export function ticketName(subject: string | undefined, message: string): string {
  const fromSubject = (subject ?? '').replace(/^\s*((re|fwd?|aw|wg):\s*)+/i, '').trim();
  const line =
    fromSubject ||
    message
      .split('\n')
      .find((l) => l.trim())
      ?.trim() ||
    '(no subject)';
  return line.length > DESK_LIMITS.ticketName ? `${line.slice(0, DESK_LIMITS.ticketName - 1)}…` : line;
}

/** Lower-cases, trims and de-duplicates tags, keeping their order. */
export function normaliseTags(tags: readonly string[]): string[] {
  return [...new Set(tags.map((t) => t.trim().toLowerCase()).filter(Boolean))].slice(0, DESK_LIMITS.tags);
}

/** K-1, K-2: a new ticket, Open and medium unless told, before rules run. */
export function newTicket(input: TicketInput, id: string, now: number): NewTicket {
  const customer: Customer = { name: input.name.trim(), email: input.email.trim().toLowerCase(), phone: (input.phone ?? '').trim() };
  return {
    id,
    // A name typed in the console stays as typed; a mail subject loses its Re:/Fwd: prefixes.
    name: input.origin === 'manual' && input.subject?.trim() ? input.subject.trim() : ticketName(input.subject, input.message),
    description: input.message.slice(0, DESK_LIMITS.description),
    status: input.status ?? 'open',
    priority: input.priority ?? 'medium',
    assignee: input.assignee ?? { kind: 'none' },
    tags: normaliseTags(input.tags ?? []),
    customer,
    origin: input.origin,
    recipient: (input.recipient ?? '').trim().toLowerCase(),
    createdAt: now,
    updatedAt: now,
  };
}

/** Who is looking at tickets. */
export interface TicketViewer {
  id: string;
  role: 'admin' | 'technician';
  /** Groups the viewer belongs to. */
  groupIds: readonly string[];
}

/** K-9: admins see every ticket; others see unassigned ones, their own, and their groups'. */
export function mayViewTicket(t: Pick<Ticket, 'assignee'>, viewer: TicketViewer): boolean {
  if (viewer.role === 'admin') return true;
  switch (t.assignee.kind) {
    case 'none':
      return true;
    case 'technician':
      return t.assignee.id === viewer.id;
    case 'group':
      return viewer.groupIds.includes(t.assignee.id);
  }
}

/** The groups a technician belongs to. */
export const groupIdsOf = (groups: readonly TechnicianGroup[], technicianId: string): string[] =>
  groups.filter((g) => g.memberIds.includes(technicianId)).map((g) => g.id);

/** Names of technicians and groups, to describe assignees. */
export interface AssigneeNames {
  technicians: ReadonlyMap<string, string>;
  groups: ReadonlyMap<string, string>;
}

/** An assignee in words: "nobody", a technician's name, or "group X". */
export function assigneeName(a: Assignee, names: AssigneeNames): string {
  switch (a.kind) {
    case 'none':
      return '';
    case 'technician':
      return names.technicians.get(a.id) ?? 'a former technician';
    case 'group':
      return names.groups.get(a.id) ?? 'a deleted group';
  }
}

const sameAssignee = (a: Assignee, b: Assignee) => a.kind === b.kind && (a.kind === 'none' || (b.kind !== 'none' && a.id === b.id));

/** K-6: one sentence per changed field, for the timeline. */
export function describeChanges(before: Ticket, after: Ticket, names: AssigneeNames): string[] {
  const out: string[] = [];
  if (before.name !== after.name) out.push(`Name: ${after.name}`);
  if (before.description !== after.description) out.push('Description changed');
  if (before.status !== after.status) out.push(`Status: ${before.status} → ${after.status}`);
  if (before.priority !== after.priority) out.push(`Priority: ${before.priority} → ${after.priority}`);
  if (!sameAssignee(before.assignee, after.assignee)) out.push(`Assignee: ${assigneeName(after.assignee, names) || 'nobody'}`);
  if (before.tags.join(',') !== after.tags.join(',')) out.push(`Tags: ${after.tags.join(', ') || 'none'}`);
  const c = (t: Ticket) => `${t.customer.name}|${t.customer.email}|${t.customer.phone}`;
  if (c(before) !== c(after)) out.push('Customer details changed');
  return out;
}
