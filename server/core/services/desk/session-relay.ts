/**
 * K-11: what happens in a session made from a ticket (the customer joined, permissions, closed,
 * expired) also lands on the ticket's timeline. It listens to the session activity log, so the
 * session services need not know about tickets.
 */
import type { ActivityView, TicketActor } from '../../../../src/protocol/index.js';
import type { DeskContext } from './desk-context.js';

/** Builds the relay: call it with every session activity entry. */
export function sessionRelay(ctx: DeskContext) {
  return async (entry: ActivityView): Promise<void> => {
    // The desk writes its own line when it makes the session (with the link).
    if (entry.action === 'session.created') return;
    const ticketId = await ctx.store.findTicketOfSession(entry.sessionId);
    const ticket = ticketId ? await ctx.store.findTicket(ticketId) : undefined;
    if (!ticket) return;
    const actor: TicketActor =
      entry.actor.kind === 'technician'
        ? { kind: 'technician', id: entry.actor.id, name: entry.actor.name }
        : entry.actor.kind === 'visitor'
          ? { kind: 'customer', name: ticket.customer.name || 'The customer' }
          : { kind: 'system' };
    await ctx.log(ticket, 'session', actor, entry.summary, '', { sessionId: entry.sessionId, action: entry.action });
  };
}
