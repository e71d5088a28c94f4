/**
 * The rules engine (SPEC.md R-*): which rule routes an incoming ticket and what it changes. Pure
 * functions over data; the desk service loads the rules and saves the outcome.
 */
import type { Assignee, RuleCondition, RuleInput, TicketPriority, TicketStatus } from '../../../src/protocol/index.js';
import type { Rule, Ticket } from './desk-model.js';

/** What rules look at: the incoming mail (or form) and the ticket as it would be created. */
export interface RuleFacts {
  sender: string;
  recipient: string;
  subject: string;
  body: string;
  priority: TicketPriority;
  tags: string[];
  /** When it arrived, milliseconds since the epoch. */
  at: number;
}

/** What routing decided. `ruleId` null means the default rule: nothing changes. */
export interface RoutingOutcome {
  ruleId: string | null;
  ruleName: string;
  status?: TicketStatus;
  priority?: TicketPriority;
  assignee?: Assignee;
  addTags: string[];
  /** send a notification mail to the assignee. */
  notify: boolean;
}

const minutesOf = (hhmm: string): number => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** inside the hours on the days, in local time of the offset; `from` after `to` spans midnight. */
function withinHours(at: number, c: Extract<RuleCondition, { field: 'time' }>): boolean {
  const local = new Date(at + c.utcOffsetMinutes * 60_000);
  const minute = local.getUTCHours() * 60 + local.getUTCMinutes();
  const from = minutesOf(c.from);
  const to = minutesOf(c.to);
  if (from === to) return c.days.includes(local.getUTCDay());
  if (from < to) return c.days.includes(local.getUTCDay()) && minute >= from && minute < to;
  // Overnight: the part after midnight belongs to the day the hours started on.
  if (minute >= from) return c.days.includes(local.getUTCDay());
  if (minute < to) return c.days.includes((local.getUTCDay() + 6) % 7);
  return false;
}

type TextOp = 'contains' | 'not_contains' | 'equals' | 'starts_with' | 'ends_with';

function textMatches(haystack: string, op: TextOp, needle: string): boolean {
  const h = haystack.toLowerCase();
  const n = needle.toLowerCase();
  switch (op) {
    case 'contains':
      return h.includes(n);
    case 'not_contains':
      return !h.includes(n);
    case 'equals':
      return h.trim() === n;
    case 'starts_with':
      return h.trimStart().startsWith(n);
    case 'ends_with':
      return h.trimEnd().endsWith(n);
  }
}

/** whether one condition holds for the facts. Text comparisons ignore case. */
export function conditionMatches(c: RuleCondition, f: RuleFacts): boolean {
  switch (c.field) {
    case 'sender':
    case 'recipient':
    case 'subject':
    case 'body':
      return textMatches(f[c.field], c.op, c.value);
    case 'priority':
      return (f.priority === c.value) === (c.op === 'is');
    case 'tags':
      return f.tags.includes(c.value.toLowerCase()) === (c.op === 'has');
    case 'time':
      return withinHours(f.at, c) === (c.op === 'within');
  }
}

/** all conditions (`all`) or at least one (`any`). Ignores `enabled`. */
export function ruleMatches(rule: Pick<RuleInput, 'match' | 'conditions'>, f: RuleFacts): boolean {
  return rule.match === 'all' ? rule.conditions.every((c) => conditionMatches(c, f)) : rule.conditions.some((c) => conditionMatches(c, f));
}

/** the first enabled rule in order that matches decides; none matching is the default rule. */
export function routeTicket(rules: readonly Rule[], f: RuleFacts): RoutingOutcome {
  const ordered = [...rules].sort((a, b) => a.position - b.position || a.createdAt - b.createdAt);
  const rule = ordered.find((r) => r.enabled && ruleMatches(r, f));
  if (!rule) return { ruleId: null, ruleName: DEFAULT_RULE_NAME, addTags: [], notify: false };
  const outcome: RoutingOutcome = { ruleId: rule.id, ruleName: rule.name, addTags: [], notify: false };
  // Actions run in their order, so a later "set" of the same field wins.
  for (const a of rule.actions) {
    switch (a.type) {
      case 'set_status':
        outcome.status = a.status;
        break;
      case 'set_priority':
        outcome.priority = a.priority;
        break;
      case 'set_assignee':
        outcome.assignee = a.assignee;
        break;
      case 'add_tags':
        outcome.addTags.push(...a.tags.filter((t) => !outcome.addTags.includes(t)));
        break;
      case 'notify_assignee':
        outcome.notify = true;
        break;
    }
  }
  return outcome;
}

/** The name shown for the default rule. */
export const DEFAULT_RULE_NAME = 'Default rule';

/** The ticket with the outcome applied; tags are added once, in order. */
export function applyOutcome<T extends Pick<Ticket, 'status' | 'priority' | 'assignee' | 'tags'>>(ticket: T, o: RoutingOutcome): T {
  return {
    ...ticket,
    status: o.status ?? ticket.status,
    priority: o.priority ?? ticket.priority,
    assignee: o.assignee ?? ticket.assignee,
    tags: [...ticket.tags, ...o.addTags.filter((t) => !ticket.tags.includes(t))],
  };
}

/** The facts a stored ticket offers a dry run: its customer, desk address, name and description. */
export function factsOfTicket(t: Ticket): RuleFacts {
  return {
    sender: t.customer.email,
    recipient: t.recipient,
    subject: t.name,
    body: t.description,
    priority: t.priority,
    tags: t.tags,
    at: t.createdAt,
  };
}

/** the tickets (as they are now) that the rule would match, enabled or not. */
export function dryRun(rule: Pick<RuleInput, 'match' | 'conditions'>, tickets: readonly Ticket[]): Ticket[] {
  return tickets.filter((t) => ruleMatches(rule, factsOfTicket(t)));
}
