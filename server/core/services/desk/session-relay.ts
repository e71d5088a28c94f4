/**
 * K-11: what happens in a session made from a ticket (the customer joined, permissions, closed,
 * expired, and its chat) also lands on the ticket's timeline. It listens to the session activity
 * log and chat, so the session services need not know about tickets.
 */
import type { ActivityView, MessageView, TicketActor } from '../../../../src/protocol/index.js';
import type { Ticket } from '../../desk/desk-model.js';
import type { DeskContext } from './desk-context.js';

/**
 * Builds the relay: call `activity` with every session activity entry, `message` with every chat
 * message and the ticket its audience names.
 */
export function sessionRelay(ctx: DeskContext) {
  const ticketOf = async (sessionId: string): Promise<Ticket | undefined> => {
    const ticketId = await ctx.store.findTicketOfSession(sessionId);
    return ticketId ? ctx.store.findTicket(ticketId) : undefined;
  };
  const activity = async (entry: ActivityView): Promise<void> => {
    // The desk writes its own line when it makes the session (with the link).
    if (entry.action === 'session.created') return;
    const ticket = await ticketOf(entry.sessionId);
    if (!ticket) return;
    const actor: TicketActor =
      entry.actor.kind === 'technician'
        ? { kind: 'technician', id: entry.actor.id, name: entry.actor.name }
        : entry.actor.kind === 'visitor'
          ? { kind: 'customer', name: ticket.customer.name || 'The customer' }
          : { kind: 'system' };
    await ctx.log(ticket, 'session', actor, entry.summary, '', { sessionId: entry.sessionId, action: entry.action });
  };
  // The chat services publish messages with the session as `findSession` read it, ticket included,
  // so a message of a session without a ticket costs no lookup.
  const message = async (m: MessageView, ticketId: string | undefined): Promise<void> => {
    const ticket = ticketId ? await ctx.store.findTicket(ticketId) : undefined;
    if (!ticket) return;
    const actor: TicketActor =
      m.author.kind === 'technician'
        ? { kind: 'technician', id: m.author.id, name: m.author.name }
        : { kind: 'customer', name: ticket.customer.name || 'The customer' };
    await ctx.log(ticket, 'chat', actor, 'Chat message', m.text, { sessionId: m.sessionId, messageId: m.id });
  };
  return { activity, message };
}
