/**
 * The service desk, assembled: ticket intake (also for other features: the widget's offline
 * "leave a message" calls {@link ServiceDesk.createTicket}), a technician's ticket work, admin
 * settings, and the relay of session activity onto ticket timelines.
 */
import type { Ticket } from '../../desk/desk-model.js';
import type { TicketInput } from '../../desk/ticket-rules.js';
import type { Presence } from '../../ports.js';
import type { SessionDesk } from '../session-desk.js';
import { deskAdmin } from './desk-admin.js';
import { deskContext, type DeskDeps } from './desk-context.js';
import { mailOut } from './mail-out.js';
import { sessionRelay } from './session-relay.js';
import { ticketIntake } from './ticket-intake.js';
import { ticketWork } from './ticket-work.js';

/** What the desk needs besides {@link DeskDeps}. */
export interface ServiceDeskDeps extends DeskDeps {
  sessions: Pick<SessionDesk, 'create'>;
  presence: Presence;
}

/** Builds the desk. */
export function serviceDesk(deps: ServiceDeskDeps) {
  const ctx = deskContext(deps);
  const out = mailOut(ctx);
  const intake = ticketIntake(ctx, out);
  return {
    intake,
    work: ticketWork(ctx, out, intake, deps.sessions, deps.presence),
    admin: deskAdmin(ctx),
    relay: sessionRelay(ctx),
    /**
     * Opens a ticket from a customer's name, email and message (origin `widget` for the offline
     * form), running the rules when `applyRules`.
     * @example
     * await desk.createTicket({ name: 'Ann', email: 'ann@example.com', message: 'Printer is down', origin: 'widget' }, { applyRules: true });
     */
    createTicket(input: TicketInput, options: { applyRules: boolean }): Promise<Ticket> {
      const customer = input.name.trim() || input.email.trim() || 'Customer';
      return intake.createTicket(input, { applyRules: options.applyRules, actor: { kind: 'customer', name: customer } });
    },
    /**
     * O-5: tells the customer their message arrived, from the desk, with the ticket's reference, so
     * a reply to it lands on the same ticket. Without SMTP it waits in the outbox.
     */
    async acknowledge(ticket: Ticket, message: string): Promise<void> {
      if (!ticket.customer.email) return;
      await out.send({
        ticket,
        to: ticket.customer.email,
        subject: 'We received your message',
        text: [
          'Thank you: we received your message and will answer you by email.',
          'Reply to this mail to add to it.',
          '',
          ...message.split('\n').map((line) => `> ${line}`),
        ].join('\n'),
        actor: { kind: 'system' },
        onTimeline: true,
        summary: 'Confirmation sent to the customer',
      });
    },
  };
}

/** The service desk. */
export type ServiceDesk = ReturnType<typeof serviceDesk>;
