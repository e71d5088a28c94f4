/**
 * The visitor's side of the escalation: after they allowed `escalate`, the widget asks for a
 * download ticket (E-1, E-2). Each ask issues a fresh single-use ticket and revokes the earlier
 * unused ones, since the server keeps only the token's hash and cannot show it again.
 */
import { fail, ok, type EscalationTicketView, type Result } from '../../../src/protocol/index.js';
import { visitorMayAct } from '../access-rules.js';
import { ESCALATION_CODE_DIGITS, mayIssueTicket, newTicket } from '../escalation-rules.js';
import { ticketView } from '../escalation-views.js';
import { sessionFeed } from './session-feed.js';
import type { VisitorContext, VisitorDeps } from './visitor-chat.js';

/** Builds the ticket operation. */
export function escalationTickets(deps: VisitorDeps) {
  const { store, env } = deps;
  const feed = sessionFeed(deps);

  return {
    /** E-1, E-2: a new ticket for the visitor's session, while `escalate` is granted. */
    async ticket(ctx: VisitorContext, sessionId: string): Promise<Result<EscalationTicketView>> {
      if (!ctx.visitor) return fail('not_found', 'No such session.');
      const access = visitorMayAct(await store.findSession(sessionId), ctx.visitor.id);
      if (!access.ok) return access;
      const session = access.value;
      const now = env.now();
      const allowed = mayIssueTicket(session, await store.listPermissions(session.id), now);
      if (!allowed.ok) return allowed;
      await store.revokeEscalationTickets(session.id, now);
      // A live code taken by another session is drawn again; the unique index backs this up.
      for (let attempt = 0; attempt < 5; attempt++) {
        const code = env.digits(ESCALATION_CODE_DIGITS);
        if (await store.findEscalationTicketByCode(code)) continue;
        const token = env.token();
        const ticket = newTicket({ id: env.id(), sessionId: session.id, tokenHash: env.hashToken(token), code, now });
        try {
          await store.insertEscalationTicket(ticket);
        } catch {
          continue;
        }
        await feed.log(session, { kind: 'visitor' }, 'escalation.ticket');
        return ok(ticketView(ticket, token, ctx.channel));
      }
      return fail('internal', 'Could not make an escalation code; please retry.');
    },
  };
}

/** The escalation ticket service. */
export type EscalationTickets = ReturnType<typeof escalationTickets>;
