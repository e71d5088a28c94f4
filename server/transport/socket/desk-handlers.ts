/**
 * The console's service-desk commands: validated payload in (by `bindCommands`), desk service,
 * `Result` ack out. Merged into the console namespace's handler table.
 */
import type { ConsoleCommands, consoleCommandSchemas, DeskCommands } from '../../../src/protocol/index.js';
import type { Technician } from '../../core/model.js';
import type { ServiceDesk } from '../../core/services/desk/service-desk.js';
import type { CommandHandlers } from './commands.js';

type DeskHandlers = Pick<CommandHandlers<ConsoleCommands, typeof consoleCommandSchemas>, keyof DeskCommands>;

/** The desk's handlers for one signed-in technician. */
export function deskHandlers(desk: ServiceDesk, tech: Technician, siteBase: string): DeskHandlers {
  const { work, admin } = desk;
  return {
    'tickets:list': (p) => work.list(tech, p),
    'ticket:details': (p) => work.details(tech, p.ticketId, siteBase),
    'ticket:create': (p) => work.create(tech, p),
    'ticket:update': (p) => work.update(tech, p.ticketId, p.changes),
    'ticket:note': (p) => work.note(tech, p.ticketId, p.text),
    'ticket:reply': (p) => work.reply(tech, p.ticketId, p.text),
    'ticket:session': (p) => work.createSession(tech, p.ticketId, p.channelId, siteBase),
    'ticket:invite': (p) => work.invite(tech, p),
    'session:invite-email': (p) => work.inviteByEmail(tech, p),
    'rules:list': () => admin.listRules(),
    'rule:save': (p) => admin.saveRule(tech, p.id, p.rule),
    'rule:delete': (p) => admin.deleteRule(tech, p.ruleId),
    'rules:reorder': (p) => admin.reorderRules(tech, p.ruleIds),
    'rule:dry-run': (p) => admin.dryRun(tech, p.rule, p.lastTickets),
    'groups:list': () => admin.listGroups(),
    'group:save': (p) => admin.saveGroup(tech, p),
    'group:delete': (p) => admin.deleteGroup(tech, p.groupId),
    'mail:outbox': () => admin.outbox(tech),
    'mail:unreadable': () => admin.unreadable(tech),
  };
}
