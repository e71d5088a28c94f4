/**
 * The service desk's console events: part of the console namespace (`ConsoleCommands` extends
 * {@link DeskCommands}), so one socket serves sessions and tickets.
 */
import type * as v from 'valibot';
import type { Ack } from './events.js';
import {
  DeskEmptySchema,
  GroupRefSchema,
  GroupSaveSchema,
  RuleDryRunSchema,
  RuleRefSchema,
  RuleSaveSchema,
  RulesReorderSchema,
  TicketCreateSchema,
  TicketInviteSchema,
  SessionInviteEmailSchema,
  TicketListSchema,
  TicketNoteSchema,
  TicketRefSchema,
  TicketReplySchema,
  TicketSessionSchema,
  TicketUpdateSchema,
  type RuleInput,
} from './desk-schemas.js';
import type {
  GroupView,
  MailView,
  TicketNoteView,
  TicketDetails,
  TicketSessionView,
  TicketView,
  TimelineEntryView,
  UnreadableMailView,
} from './desk-views.js';

type Payload<S extends v.GenericSchema> = v.InferInput<S>;

/** A stored rule: its fields, its place in the order, and whether it is the default rule. */
export interface RuleView extends RuleInput {
  id: string;
  position: number;
  createdAt: number;
  updatedAt: number;
}

/** What a dry run answers: the tickets looked at and those the rule matched. */
export interface DryRunResult {
  examined: number;
  matched: TicketView[];
}

/** What `ticket:session` answers. */
export interface TicketSessionCreated {
  session: TicketSessionView;
  /** A ready-to-edit invitation mail for the customer (subject and text with the link). */
  invitation: { to: string; subject: string; text: string };
}

/** Console commands of the service desk. */
export interface DeskCommands {
  'tickets:list': (p: Payload<typeof TicketListSchema>, ack: Ack<TicketView[]>) => void;
  'ticket:details': (p: Payload<typeof TicketRefSchema>, ack: Ack<TicketDetails>) => void;
  'ticket:create': (p: Payload<typeof TicketCreateSchema>, ack: Ack<TicketView>) => void;
  'ticket:update': (p: Payload<typeof TicketUpdateSchema>, ack: Ack<TicketView>) => void;
  'ticket:note': (p: Payload<typeof TicketNoteSchema>, ack: Ack<TicketNoteView>) => void;
  'ticket:reply': (p: Payload<typeof TicketReplySchema>, ack: Ack<MailView>) => void;
  'ticket:session': (p: Payload<typeof TicketSessionSchema>, ack: Ack<TicketSessionCreated>) => void;
  'ticket:invite': (p: Payload<typeof TicketInviteSchema>, ack: Ack<MailView>) => void;
  /** K-12: emails a session's invitation from the session view; files it on the session's ticket. */
  'session:invite-email': (p: Payload<typeof SessionInviteEmailSchema>, ack: Ack<MailView>) => void;
  'rules:list': (p: Payload<typeof DeskEmptySchema>, ack: Ack<RuleView[]>) => void;
  'rule:save': (p: Payload<typeof RuleSaveSchema>, ack: Ack<RuleView>) => void;
  'rule:delete': (p: Payload<typeof RuleRefSchema>, ack: Ack<null>) => void;
  'rules:reorder': (p: Payload<typeof RulesReorderSchema>, ack: Ack<RuleView[]>) => void;
  'rule:dry-run': (p: Payload<typeof RuleDryRunSchema>, ack: Ack<DryRunResult>) => void;
  'groups:list': (p: Payload<typeof DeskEmptySchema>, ack: Ack<GroupView[]>) => void;
  'group:save': (p: Payload<typeof GroupSaveSchema>, ack: Ack<GroupView>) => void;
  'group:delete': (p: Payload<typeof GroupRefSchema>, ack: Ack<null>) => void;
  /** Outgoing mail, newest first; with no SMTP configured it stays here. */
  'mail:outbox': (p: Payload<typeof DeskEmptySchema>, ack: Ack<MailView[]>) => void;
  /** Mail intake could not read, newest first. */
  'mail:unreadable': (p: Payload<typeof DeskEmptySchema>, ack: Ack<UnreadableMailView[]>) => void;
}

/** Facts the server tells consoles about tickets they may see. */
export interface DeskFacts {
  'ticket:changed': (ticket: TicketView) => void;
  'timeline:created': (entry: TimelineEntryView) => void;
}

/** The payload schema of every desk command. */
export const deskCommandSchemas = {
  'tickets:list': TicketListSchema,
  'ticket:details': TicketRefSchema,
  'ticket:create': TicketCreateSchema,
  'ticket:update': TicketUpdateSchema,
  'ticket:note': TicketNoteSchema,
  'ticket:reply': TicketReplySchema,
  'ticket:session': TicketSessionSchema,
  'ticket:invite': TicketInviteSchema,
  'session:invite-email': SessionInviteEmailSchema,
  'rules:list': DeskEmptySchema,
  'rule:save': RuleSaveSchema,
  'rule:delete': RuleRefSchema,
  'rules:reorder': RulesReorderSchema,
  'rule:dry-run': RuleDryRunSchema,
  'groups:list': DeskEmptySchema,
  'group:save': GroupSaveSchema,
  'group:delete': GroupRefSchema,
  'mail:outbox': DeskEmptySchema,
  'mail:unreadable': DeskEmptySchema,
} as const satisfies { [K in keyof DeskCommands]: v.GenericSchema };
