/**
 * Where tickets come from: `createTicket` (the console form, the widget's "leave a message", a new
 * mail) with rules applied on request, and `receiveMail`, which threads a reply onto its
 * ticket or opens a new one, keeping attachments within bounds.
 */
import type { TicketActor } from '../../../../src/protocol/index.js';
import type { Ticket, UnreadableMail } from '../../desk/desk-model.js';
import { keptAttachments, threadIds, type InboundMail } from '../../desk/inbound-mail.js';
import { applyOutcome, routeTicket, type RoutingOutcome } from '../../desk/rules-engine.js';
import { newTicket, refFromSubject, ticketRef, type TicketInput } from '../../desk/ticket-rules.js';
import type { DeskContext } from './desk-context.js';
import type { MailOut } from './mail-out.js';

/** Options of {@link TicketIntake.createTicket}. */
export interface CreateOptions {
  /** run the rules (always for mail; by choice for the console form). */
  applyRules: boolean;
  actor: TicketActor;
}

/** What became of an incoming mail. */
export type MailOutcome = { kind: 'created'; ticket: Ticket } | { kind: 'threaded'; ticket: Ticket } | { kind: 'duplicate' };

const sizeWords = (n: number) => (n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(n / 1024)} kB`);

/** Builds ticket intake. */
export function ticketIntake(ctx: DeskContext, out: MailOut) {
  const { store, env } = ctx;

  /** the notification mail to the assignee (a technician, or every member of a group). */
  const notifyAssignee = async (t: Ticket) => {
    const ids =
      t.assignee.kind === 'technician'
        ? [t.assignee.id]
        : t.assignee.kind === 'group'
          ? ((await store.findGroup(t.assignee.id))?.memberIds ?? [])
          : [];
    for (const id of ids) {
      const tech = await store.findTechnicianById(id);
      if (!tech) continue;
      const text = `${ticketRef(t.number)} "${t.name}" from ${t.customer.name || t.customer.email || 'a customer'} was assigned to you.\n\n${t.description.slice(0, 2000)}`;
      await out.send({
        ticket: t,
        to: tech.email,
        subject: `Assigned to you: ${t.name}`,
        text,
        actor: { kind: 'system' },
        onTimeline: false,
        summary: '',
      });
    }
  };

  const logRouting = async (t: Ticket, o: RoutingOutcome) => {
    const summary = o.ruleId ? `Rule "${o.ruleName}" applied` : 'No rule matched: the default rule created the ticket';
    await ctx.log(t, 'rule', { kind: 'system' }, summary, '', { ruleId: o.ruleId });
  };

  const intake = {
    /** K-1, R-5..R-7: stores a new ticket (rules applied when asked), logs and announces it. */
    async createTicket(input: TicketInput, options: CreateOptions): Promise<Ticket> {
      const draft = newTicket(input, env.id(), env.now());
      const outcome = options.applyRules
        ? routeTicket(await store.listRules(), {
            sender: draft.customer.email,
            recipient: draft.recipient,
            subject: draft.name,
            body: draft.description,
            priority: draft.priority,
            tags: draft.tags,
            at: draft.createdAt,
          })
        : null;
      const ticket = await store.insertTicket(outcome ? applyOutcome(draft, outcome) : draft);
      const how = { manual: 'by hand', email: 'from an email', widget: 'from a message left in the widget' }[ticket.origin];
      await ctx.log(ticket, 'created', options.actor, `Ticket ${ticketRef(ticket.number)} created ${how}`, ticket.description);
      if (outcome) await logRouting(ticket, outcome);
      await ctx.announce(ticket);
      if (outcome?.notify) await notifyAssignee(ticket);
      return ticket;
    },

    /** a reply goes on its ticket's timeline; anything else opens a ticket. */
    async receiveMail(m: InboundMail): Promise<MailOutcome> {
      const messageId = m.messageId || `<generated-${env.id()}@porthole.invalid>`;
      const mailId = env.id();
      const claimed = await store.insertMail({
        id: mailId,
        ticketId: null,
        direction: 'in',
        status: 'received',
        from: m.from.address,
        to: m.to,
        subject: m.subject,
        text: m.text,
        messageId,
        inReplyTo: m.inReplyTo,
        references: m.references,
        error: '',
        at: env.now(),
      });
      // The same mail again (an IMAP retry, a resend): it is already on its ticket.
      if (!claimed) return { kind: 'duplicate' };

      const customer: TicketActor = { kind: 'customer', name: m.from.name || m.from.address || 'Unknown sender' };
      let ticket = await intake.findThread(m);
      const kind = ticket ? 'threaded' : 'created';
      if (!ticket) {
        ticket = await intake.createTicket(
          { name: m.from.name, email: m.from.address, message: m.text, subject: m.subject, origin: 'email', recipient: m.to },
          { applyRules: true, actor: customer },
        );
      } else if (ticket.status === 'waiting' || ticket.status === 'closed') {
        // K-5: the customer answered, so the ticket needs someone again.
        const reopened: Ticket = { ...ticket, status: 'open', updatedAt: Math.max(env.now(), ticket.updatedAt + 1) };
        if (await store.saveTicket(reopened, ticket.updatedAt)) {
          await ctx.log(reopened, 'updated', { kind: 'system' }, `Status: ${ticket.status} → open (the customer answered)`);
          ticket = reopened;
          await ctx.announce(ticket);
        }
      }
      await store.setMailTicket(mailId, ticket.id);

      const { kept, dropped } = keptAttachments(m.attachments);
      const attachments = [];
      for (const a of kept) {
        const id = env.id();
        await store.insertTicketAttachment({
          id,
          ticketId: ticket.id,
          mailId,
          filename: a.filename,
          contentType: a.contentType,
          size: a.content.byteLength,
          content: a.content,
          createdAt: env.now(),
        });
        attachments.push({ id, filename: a.filename, size: a.content.byteLength });
      }
      const notKept = [...m.dropped, ...dropped].map((d) => `${d.filename || 'unnamed'} (${sizeWords(d.size)})`);
      const summary = `Email from ${m.from.address || 'an unknown sender'}: ${m.subject || '(no subject)'}`;
      const body = notKept.length ? `${m.text}\n\n[Not kept, too large: ${notKept.join(', ')}]` : m.text;
      await ctx.log(ticket, 'mail_in', customer, summary, body, { mailId, attachments, source: m.source });
      return { kind, ticket };
    },

    /** keeps what intake could not read, for the console's "could not read" list. */
    async recordUnreadable(u: UnreadableMail): Promise<void> {
      await store.insertUnreadable(u);
    },

    /** the ticket a mail answers, by its thread headers, else by `[#T-n]` from its customer. */
    async findThread(m: InboundMail): Promise<Ticket | undefined> {
      const ids = threadIds(m);
      const known = ids.length ? await store.findMailByMessageIds(ids) : undefined;
      if (known?.ticketId) return store.findTicket(known.ticketId);
      const number = refFromSubject(m.subject);
      const byRef = number ? await store.findTicketByNumber(number) : undefined;
      // A subject reference alone is guessable, so it threads only mail from the ticket's customer.
      return byRef && byRef.customer.email && byRef.customer.email === m.from.address.toLowerCase() ? byRef : undefined;
    },
  };
  return intake;
}

/** The ticket intake service. */
export type TicketIntake = ReturnType<typeof ticketIntake>;
