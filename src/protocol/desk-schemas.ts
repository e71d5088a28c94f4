/**
 * Schemas of every service-desk payload (tickets, notes, replies, rules, groups). The rule shapes
 * are also the types the rules engine in `server/core/rules-engine.ts` works on (SPEC.md R-*).
 */
import * as v from 'valibot';
import { TICKET_PRIORITIES, TICKET_STATUSES } from './desk-views.js';

/** Size limits of desk payloads. */
export const DESK_LIMITS = {
  ticketName: 200,
  description: 8000,
  noteText: 4000,
  replyText: 8000,
  tag: 40,
  tags: 20,
  conditions: 20,
  actions: 10,
  /** Tickets a dry run may look back over. */
  dryRunTickets: 500,
  listTickets: 500,
  search: 200,
} as const;

const Id = v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be an id'));
const Text = (max: number) => v.pipe(v.string(), v.trim(), v.maxLength(max, `must be at most ${max} characters`));
const NonEmpty = (max: number) =>
  v.pipe(v.string(), v.trim(), v.minLength(1, 'must not be empty'), v.maxLength(max, `must be at most ${max} characters`));

/** A ticket status. */
export const TicketStatusSchema = v.picklist(TICKET_STATUSES);
/** A ticket priority. */
export const TicketPrioritySchema = v.picklist(TICKET_PRIORITIES);

/** A tag: trimmed, lower-cased, 1-40 characters, no commas. */
export const TagSchema = v.pipe(
  v.string(),
  v.trim(),
  v.toLowerCase(),
  v.minLength(1, 'must not be empty'),
  v.maxLength(DESK_LIMITS.tag, `must be at most ${DESK_LIMITS.tag} characters`),
  v.regex(/^[^,]+$/, 'must not contain commas'),
);
const Tags = v.pipe(v.array(TagSchema), v.maxLength(DESK_LIMITS.tags, `at most ${DESK_LIMITS.tags} tags`));

/** Nobody, a technician, or a group. */
export const AssigneeSchema = v.variant('kind', [
  v.strictObject({ kind: v.literal('none') }),
  v.strictObject({ kind: v.literal('technician'), id: Id }),
  v.strictObject({ kind: v.literal('group'), id: Id }),
]);

const Email = v.pipe(v.string(), v.trim(), v.maxLength(254), v.email('must be an email address'));
const OptionalEmail = v.union([v.literal(''), Email]);

/** The customer of a ticket; every field may be empty except as rules require. */
export const CustomerSchema = v.strictObject({
  name: Text(200),
  email: OptionalEmail,
  phone: v.pipe(Text(40), v.regex(/^[0-9+()./ -]*$/, 'must be a phone number')),
});

const HHMM = v.pipe(v.string(), v.regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be HH:MM'));

/** a condition on one fact of the incoming ticket. Text comparisons ignore case. */
export const RuleConditionSchema = v.variant('field', [
  v.strictObject({
    field: v.picklist(['sender', 'recipient', 'subject', 'body']),
    op: v.picklist(['contains', 'not_contains', 'equals', 'starts_with', 'ends_with']),
    value: NonEmpty(200),
  }),
  v.strictObject({ field: v.literal('priority'), op: v.picklist(['is', 'is_not']), value: TicketPrioritySchema }),
  v.strictObject({ field: v.literal('tags'), op: v.picklist(['has', 'has_not']), value: TagSchema }),
  v.strictObject({
    field: v.literal('time'),
    /** Inside or outside the hours on the given weekdays (0 = Sunday), in the rule's UTC offset. */
    op: v.picklist(['within', 'outside']),
    days: v.pipe(v.array(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(6))), v.minLength(1), v.maxLength(7)),
    from: HHMM,
    to: HHMM,
    utcOffsetMinutes: v.pipe(v.number(), v.integer(), v.minValue(-720), v.maxValue(840)),
  }),
]);

/** what a matching rule does. */
export const RuleActionSchema = v.variant('type', [
  v.strictObject({ type: v.literal('set_status'), status: TicketStatusSchema }),
  v.strictObject({ type: v.literal('set_priority'), priority: TicketPrioritySchema }),
  v.strictObject({ type: v.literal('set_assignee'), assignee: AssigneeSchema }),
  v.strictObject({ type: v.literal('add_tags'), tags: v.pipe(Tags, v.minLength(1)) }),
  v.strictObject({ type: v.literal('notify_assignee') }),
]);

/** A rule as an admin writes it. */
export const RuleInputSchema = v.strictObject({
  name: NonEmpty(120),
  description: Text(1000),
  enabled: v.boolean(),
  match: v.picklist(['all', 'any']),
  conditions: v.pipe(v.array(RuleConditionSchema), v.minLength(1, 'needs a condition'), v.maxLength(DESK_LIMITS.conditions)),
  actions: v.pipe(v.array(RuleActionSchema), v.minLength(1, 'needs an action'), v.maxLength(DESK_LIMITS.actions)),
});

/** A condition of a rule. */
export type RuleCondition = v.InferOutput<typeof RuleConditionSchema>;
/** An action of a rule. */
export type RuleAction = v.InferOutput<typeof RuleActionSchema>;
/** A rule's editable fields. */
export type RuleInput = v.InferOutput<typeof RuleInputSchema>;

/** `ticket:create`: by hand in the console; rules apply only when asked. */
export const TicketCreateSchema = v.strictObject({
  name: NonEmpty(DESK_LIMITS.ticketName),
  description: Text(DESK_LIMITS.description),
  priority: v.optional(TicketPrioritySchema),
  assignee: v.optional(AssigneeSchema),
  tags: v.optional(Tags),
  customer: CustomerSchema,
  applyRules: v.optional(v.boolean(), false),
});

/** A parsed `ticket:create` payload. */
export type TicketCreate = v.InferOutput<typeof TicketCreateSchema>;

/** `ticket:update`: any subset of the editable fields. */
export const TicketUpdateSchema = v.strictObject({
  ticketId: Id,
  changes: v.strictObject({
    name: v.optional(NonEmpty(DESK_LIMITS.ticketName)),
    description: v.optional(Text(DESK_LIMITS.description)),
    status: v.optional(TicketStatusSchema),
    priority: v.optional(TicketPrioritySchema),
    assignee: v.optional(AssigneeSchema),
    tags: v.optional(Tags),
    customer: v.optional(CustomerSchema),
  }),
});

/** The fields a `ticket:update` changes. */
export type TicketChanges = v.InferOutput<typeof TicketUpdateSchema>['changes'];

/** How ticket lists sort. */
export const TICKET_SORTS = ['updated', 'created', 'number', 'name', 'status', 'priority'] as const;

/** `tickets:list`: search (name, description, customer), quick filters, sort (K-8). */
export const TicketListSchema = v.strictObject({
  search: v.optional(Text(DESK_LIMITS.search), ''),
  statuses: v.optional(v.pipe(v.array(TicketStatusSchema), v.maxLength(4)), []),
  priorities: v.optional(v.pipe(v.array(TicketPrioritySchema), v.maxLength(4)), []),
  sort: v.optional(v.picklist(TICKET_SORTS), 'updated'),
  direction: v.optional(v.picklist(['asc', 'desc']), 'desc'),
  limit: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(DESK_LIMITS.listTickets)), 200),
});
/** A parsed ticket list query. */
export type TicketQuery = v.InferOutput<typeof TicketListSchema>;

/** Payloads that name one ticket. */
export const TicketRefSchema = v.strictObject({ ticketId: Id });
/** `ticket:note`: an internal note. */
export const TicketNoteSchema = v.strictObject({ ticketId: Id, text: NonEmpty(DESK_LIMITS.noteText) });
/** `ticket:reply`: an email to the ticket's customer, threaded onto the ticket. */
export const TicketReplySchema = v.strictObject({ ticketId: Id, text: NonEmpty(DESK_LIMITS.replyText) });
/** `ticket:session`: a support session tied to the ticket, in one of the technician's channels. */
export const TicketSessionSchema = v.strictObject({ ticketId: Id, channelId: Id });
/** `ticket:invite`: the (edited) invitation mail with the session link, to the customer. */
export const TicketInviteSchema = v.strictObject({
  ticketId: Id,
  sessionId: Id,
  subject: NonEmpty(200),
  text: NonEmpty(DESK_LIMITS.replyText),
});

/** `session:invite-email`: the (edited) invitation mail of a session, from the session view (K-12). */
export const SessionInviteEmailSchema = v.strictObject({
  sessionId: Id,
  to: Email,
  subject: NonEmpty(200),
  text: NonEmpty(DESK_LIMITS.replyText),
});

/** `rule:save`: create (no id) or replace a rule. */
export const RuleSaveSchema = v.strictObject({ id: v.optional(Id), rule: RuleInputSchema });
/** Payloads that name one rule. */
export const RuleRefSchema = v.strictObject({ ruleId: Id });
/** `rules:reorder`: every rule id, in the new order. */
export const RulesReorderSchema = v.strictObject({ ruleIds: v.pipe(v.array(Id), v.maxLength(500)) });
/** `rule:dry-run`: which of the last N tickets the (unsaved) rule would match. */
export const RuleDryRunSchema = v.strictObject({
  rule: RuleInputSchema,
  lastTickets: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(DESK_LIMITS.dryRunTickets)),
});

/** `group:save`: create (no id) or replace a technician group. */
export const GroupSaveSchema = v.strictObject({
  id: v.optional(Id),
  name: NonEmpty(120),
  memberIds: v.pipe(v.array(Id), v.maxLength(500)),
});
/** Payloads that name one group. */
export const GroupRefSchema = v.strictObject({ groupId: Id });
/** `GET /api/desk/attachments/:attachmentId`. */
export const AttachmentRefSchema = v.strictObject({ attachmentId: Id });
/** Payloads without fields. */
export const DeskEmptySchema = v.strictObject({});
