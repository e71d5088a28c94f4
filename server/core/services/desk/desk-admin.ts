/**
 * Admin settings of the desk: rules and technician groups (K-3), plus the outbox and the
 * "could not read" list that every technician may look at.
 */
import {
  fail,
  ok,
  type DryRunResult,
  type GroupView,
  type MailView,
  type Result,
  type RuleInput,
  type RuleView,
  type UnreadableMailView,
} from '../../../../src/protocol/index.js';
import { groupView, mailView, ruleView, ticketView, unreadableView } from '../../desk/desk-views.js';
import { dryRun } from '../../desk/rules-engine.js';
import { mayViewTicket } from '../../desk/ticket-rules.js';
import type { Technician } from '../../model.js';
import type { DeskContext } from './desk-context.js';

/** How many outbox and unreadable entries the console lists. */
export const MAIL_LIST_LIMIT = 200;

const adminOnly = (tech: Technician) => (tech.role === 'admin' ? null : fail('forbidden', 'Only admins manage rules and groups.'));

/** Builds the desk's admin operations. */
export function deskAdmin(ctx: DeskContext) {
  const { store, env } = ctx;

  const technicianNames = async () => new Map((await store.listTechnicians()).map((t) => [t.id, t.name]));

  return {
    /** every rule, in order; any technician may read them. */
    async listRules(): Promise<Result<RuleView[]>> {
      return ok((await store.listRules()).map(ruleView));
    },

    /** creates (at the end of the order) or replaces a rule. */
    async saveRule(tech: Technician, id: string | undefined, input: RuleInput): Promise<Result<RuleView>> {
      const refused = adminOnly(tech);
      if (refused) return refused;
      const now = env.now();
      if (id) {
        const before = await store.findRule(id);
        if (!before) return fail('not_found', 'No such rule.');
        const next = { ...before, ...input, updatedAt: now };
        await store.updateRule(next);
        return ok(ruleView(next));
      }
      const rules = await store.listRules();
      const rule = { ...input, id: env.id(), position: (rules.at(-1)?.position ?? -1) + 1, createdAt: now, updatedAt: now };
      await store.insertRule(rule);
      return ok(ruleView(rule));
    },

    async deleteRule(tech: Technician, id: string): Promise<Result<null>> {
      const refused = adminOnly(tech);
      if (refused) return refused;
      if (!(await store.findRule(id))) return fail('not_found', 'No such rule.');
      await store.deleteRule(id);
      return ok(null);
    },

    /** the new order must name every rule exactly once. */
    async reorderRules(tech: Technician, ids: string[]): Promise<Result<RuleView[]>> {
      const refused = adminOnly(tech);
      if (refused) return refused;
      const stored = (await store.listRules()).map((r) => r.id);
      if (ids.length !== stored.length || new Set(ids).size !== ids.length || !ids.every((id) => stored.includes(id))) {
        return fail('invalid_payload', 'The new order must list every rule exactly once.');
      }
      await store.setRuleOrder(ids);
      return ok((await store.listRules()).map(ruleView));
    },

    /** which of the last N tickets the rule would match, without changing anything. */
    async dryRun(tech: Technician, rule: RuleInput, lastTickets: number): Promise<Result<DryRunResult>> {
      const refused = adminOnly(tech);
      if (refused) return refused;
      const tickets = await store.recentTickets(lastTickets);
      const names = await ctx.names();
      return ok({ examined: tickets.length, matched: dryRun(rule, tickets).map((t) => ticketView(t, names)) });
    },

    async listGroups(): Promise<Result<GroupView[]>> {
      const names = await technicianNames();
      return ok((await store.listGroups()).map((g) => groupView(g, names)));
    },

    /** K-3: creates or replaces a group; every member must be a technician. */
    async saveGroup(tech: Technician, p: { id?: string; name: string; memberIds: string[] }): Promise<Result<GroupView>> {
      const refused = adminOnly(tech);
      if (refused) return refused;
      const names = await technicianNames();
      const memberIds = [...new Set(p.memberIds)];
      if (memberIds.some((id) => !names.has(id))) return fail('not_found', 'No such technician.');
      const before = p.id ? await store.findGroup(p.id) : undefined;
      if (p.id && !before) return fail('not_found', 'No such group.');
      const group = { id: before?.id ?? env.id(), name: p.name, memberIds, createdAt: before?.createdAt ?? env.now() };
      await store.saveGroup(group);
      return ok(groupView(group, names));
    },

    /** K-3: a deleted group's tickets keep pointing at it until reassigned, shown as "a deleted group". */
    async deleteGroup(tech: Technician, id: string): Promise<Result<null>> {
      const refused = adminOnly(tech);
      if (refused) return refused;
      if (!(await store.findGroup(id))) return fail('not_found', 'No such group.');
      await store.deleteGroup(id);
      return ok(null);
    },

    /** outgoing mail, newest first. Admins see all; others the mail of tickets they may see. */
    async outbox(tech: Technician): Promise<Result<MailView[]>> {
      const mails = await store.listMails('out', MAIL_LIST_LIMIT);
      if (tech.role === 'admin') return ok(mails.map(mailView));
      const viewer = await ctx.viewerOf(tech);
      const out: MailView[] = [];
      for (const m of mails) {
        const t = m.ticketId ? await store.findTicket(m.ticketId) : undefined;
        if (t && mayViewTicket(t, viewer)) out.push(mailView(m));
      }
      return ok(out);
    },

    /** what intake could not read, newest first (admins only: it may be anyone's mail). */
    async unreadable(tech: Technician): Promise<Result<UnreadableMailView[]>> {
      const refused = adminOnly(tech);
      if (refused) return refused;
      return ok((await store.listUnreadable(MAIL_LIST_LIMIT)).map(unreadableView));
    },
  };
}

/** The desk's admin service. */
export type DeskAdmin = ReturnType<typeof deskAdmin>;
