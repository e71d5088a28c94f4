/**
 * Outgoing mail: every mail is kept; it is sent through SMTP when one is configured and
 * stays in the outbox otherwise. Replies carry the thread headers and the ticket reference.
 */
import type { TicketActor } from '../../../../src/protocol/index.js';
import type { MailRecord, Ticket } from '../../desk/desk-model.js';
import { subjectWithRef } from '../../desk/ticket-rules.js';
import type { DeskContext } from './desk-context.js';

/** A mail to send about a ticket (or none, for notifications of no ticket). */
export interface MailDraft {
  ticket: Ticket;
  to: string;
  subject: string;
  text: string;
  actor: TicketActor;
  /** Whether the mail goes on the ticket's timeline (replies, invitations: yes; notifications: no). */
  onTimeline: boolean;
  summary: string;
}

/** The domain part of the desk's address, for Message-IDs. */
const domainOf = (address: string) => address.split('@')[1] || 'porthole.local';

/** Builds the sender of desk mail. */
export function mailOut(ctx: DeskContext) {
  const { store, env, mail } = ctx;

  /** The thread a reply continues: the newest mail of the ticket and every id before it. */
  const threadOf = async (ticketId: string): Promise<{ inReplyTo?: string; references: string[] }> => {
    const mails = (await store.listMailsOfTicket(ticketId)).filter((m) => m.messageId);
    const last = mails.at(-1);
    return last ? { inReplyTo: last.messageId, references: mails.map((m) => m.messageId).slice(-20) } : { references: [] };
  };

  return {
    /** keeps the mail, sends it if SMTP is configured, logs it on the timeline when asked. */
    async send(d: MailDraft): Promise<MailRecord> {
      const thread = await threadOf(d.ticket.id);
      const record: MailRecord = {
        id: env.id(),
        ticketId: d.ticket.id,
        direction: 'out',
        status: mail ? 'sent' : 'outbox',
        from: ctx.deskAddress,
        to: d.to,
        subject: subjectWithRef(d.subject, d.ticket.number),
        text: d.text,
        messageId: `<${env.id()}@${domainOf(ctx.deskAddress)}>`,
        inReplyTo: thread.inReplyTo ?? '',
        references: thread.references,
        error: '',
        at: env.now(),
      };
      await store.insertMail(record);
      if (mail) {
        try {
          await mail.send({ ...record, inReplyTo: thread.inReplyTo, references: thread.references });
        } catch (e) {
          record.status = 'failed';
          record.error = e instanceof Error ? e.message.slice(0, 500) : 'send failed';
          await store.updateMailStatus(record.id, record.status, record.error);
        }
      }
      if (d.onTimeline) {
        const how =
          record.status === 'sent'
            ? ''
            : record.status === 'outbox'
              ? ' (kept in the outbox: no SMTP server configured)'
              : ` (failed: ${record.error})`;
        await ctx.log(d.ticket, 'mail_out', d.actor, `${d.summary}${how}`, d.text, {
          mailId: record.id,
          to: d.to,
          subject: record.subject,
        });
      }
      return record;
    },
  };
}

/** The outgoing mail service. */
export type MailOut = ReturnType<typeof mailOut>;
