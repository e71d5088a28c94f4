/**
 * A technician's work on tickets (K-*): list with search and filters, the expert view's details,
 * edits, notes, replies by mail, and support sessions made from a ticket with their invitation.
 */
import {
  fail,
  ok,
  type MailView,
  type TicketNoteView,
  type Result,
  type TicketDetails,
  type TicketQuery,
  type TicketSessionCreated,
  type TicketSessionView,
  type TicketView,
  type TicketChanges,
  type TicketCreate,
} from '../../../../src/protocol/index.js';
import type { TicketAttachment, Ticket } from '../../desk/desk-model.js';
import { mailView, noteView, ticketView, timelineView } from '../../desk/desk-views.js';
import { describeChanges, mayViewTicket, normaliseTags, ticketRef } from '../../desk/ticket-rules.js';
import { technicianMayAct } from '../../access-rules.js';
import type { Technician } from '../../model.js';
import type { Presence } from '../../ports.js';
import { invitationLink, type SessionDesk } from '../session-desk.js';
import { technicianActor, type DeskContext } from './desk-context.js';
import type { MailOut } from './mail-out.js';
import type { TicketIntake } from './ticket-intake.js';

/** How many timeline entries the expert view loads. */
export const TIMELINE_LIMIT = 500;

/** Builds the technician's ticket operations. */
export function ticketWork(
  ctx: DeskContext,
  out: MailOut,
  intake: TicketIntake,
  sessions: Pick<SessionDesk, 'create'>,
  presence: Presence,
) {
  const { store, env } = ctx;

  /** K-9: the ticket if the technician may see it; else `not_found`, as if it did not exist. */
  const visible = async (tech: Technician, ticketId: string): Promise<Result<Ticket>> => {
    const t = await store.findTicket(ticketId);
    return t && mayViewTicket(t, await ctx.viewerOf(tech)) ? ok(t) : fail('not_found', 'No such ticket.');
  };

  /** K-3: an assignee must exist; a technician can be anyone, a group must be a stored one. */
  const checkAssignee = async (changes: Pick<TicketChanges, 'assignee'>): Promise<Result<null>> => {
    const a = changes.assignee;
    if (a?.kind === 'technician' && !(await store.findTechnicianById(a.id))) return fail('not_found', 'No such technician.');
    if (a?.kind === 'group' && !(await store.findGroup(a.id))) return fail('not_found', 'No such group.');
    return ok(null);
  };

  const sessionView = async (sessionId: string, createdAt: number, siteBase: string): Promise<TicketSessionView | null> => {
    const s = await store.findSession(sessionId);
    if (!s || s.deletedAt) return null;
    const channel = s.inviteToken ? await store.findChannelById(s.channelId) : undefined;
    return {
      sessionId,
      status: s.status,
      link: s.inviteToken && channel ? invitationLink(channel, siteBase, s.inviteToken) : null,
      pin: s.pin,
      visitorOnline: await presence.isVisitorOnline(sessionId),
      createdAt,
    };
  };

  return {
    /** K-8, K-9: what the technician may see, searched, filtered and sorted. */
    async list(tech: Technician, q: TicketQuery): Promise<Result<TicketView[]>> {
      const viewer = await ctx.viewerOf(tech);
      const scope =
        tech.role === 'admin' ? { all: true as const } : { all: false as const, technicianId: tech.id, groupIds: [...viewer.groupIds] };
      const names = await ctx.names();
      return ok((await store.listTickets(q, scope)).map((t) => ticketView(t, names)));
    },

    /** Everything the expert view shows. */
    async details(tech: Technician, ticketId: string, siteBase: string): Promise<Result<TicketDetails>> {
      const found = await visible(tech, ticketId);
      if (!found.ok) return found;
      const [timeline, notes, attachments, links] = await Promise.all([
        store.listTimeline(ticketId, TIMELINE_LIMIT),
        store.listTicketNotes(ticketId),
        store.listTicketAttachments(ticketId),
        store.listTicketSessions(ticketId),
      ]);
      const linked = await Promise.all(links.map((l) => sessionView(l.sessionId, l.createdAt, siteBase)));
      return ok({
        ticket: ticketView(found.value, await ctx.names()),
        timeline: timeline.map(timelineView),
        notes: notes.map(noteView),
        attachments: attachments.map((a) => ({ id: a.id, filename: a.filename, contentType: a.contentType, size: a.size })),
        sessions: linked.filter((s): s is TicketSessionView => !!s),
      });
    },

    /** K-1: a ticket made by hand; rules only when the form asks. */
    async create(tech: Technician, p: TicketCreate): Promise<Result<TicketView>> {
      const checked = await checkAssignee(p);
      if (!checked.ok) return checked;
      const t = await intake.createTicket(
        {
          name: p.customer.name,
          email: p.customer.email,
          phone: p.customer.phone,
          subject: p.name,
          message: p.description,
          origin: 'manual',
          priority: p.priority,
          assignee: p.assignee,
          tags: p.tags,
        },
        { applyRules: p.applyRules, actor: technicianActor(tech) },
      );
      return ok(ticketView(t, await ctx.names()));
    },

    /** K-4, K-6: changes fields; each change is one timeline line. Refused when nothing would change. */
    async update(tech: Technician, ticketId: string, changes: TicketChanges): Promise<Result<TicketView>> {
      const checked = await checkAssignee(changes);
      if (!checked.ok) return checked;
      for (let attempt = 0; attempt < 3; attempt++) {
        const found = await visible(tech, ticketId);
        if (!found.ok) return found;
        const before = found.value;
        const next: Ticket = {
          ...before,
          ...changes,
          tags: changes.tags ? normaliseTags(changes.tags) : before.tags,
          updatedAt: Math.max(env.now(), before.updatedAt + 1),
        };
        const lines = describeChanges(before, next, await ctx.names());
        if (lines.length === 0) return ok(ticketView(before, await ctx.names()));
        if (!(await store.saveTicket(next, before.updatedAt))) continue;
        await ctx.log(next, 'updated', technicianActor(tech), lines.join('; '));
        await ctx.announce(next);
        return ok(ticketView(next, await ctx.names()));
      }
      return fail('invalid_payload', 'The ticket kept changing; please try again.');
    },

    /** K-7: an internal note, also on the timeline. */
    async note(tech: Technician, ticketId: string, text: string): Promise<Result<TicketNoteView>> {
      const found = await visible(tech, ticketId);
      if (!found.ok) return found;
      const n = { id: env.id(), ticketId, author: { id: tech.id, name: tech.name }, text, createdAt: env.now() };
      await store.insertTicketNote(n);
      await ctx.log(found.value, 'note', technicianActor(tech), 'Internal note', text);
      return ok(noteView(n));
    },

    /** a reply to the customer, threaded; needs the customer's email address. */
    async reply(tech: Technician, ticketId: string, text: string): Promise<Result<MailView>> {
      const found = await visible(tech, ticketId);
      if (!found.ok) return found;
      const t = found.value;
      if (!t.customer.email) return fail('invalid_payload', 'The ticket has no customer email address; add one first.');
      const sent = await out.send({
        ticket: t,
        to: t.customer.email,
        subject: `Re: ${t.name}`,
        text,
        actor: technicianActor(tech),
        onTimeline: true,
        summary: `${tech.name} replied by email`,
      });
      return ok(mailView(sent));
    },

    /** K-10: a support session for the ticket, with a ready invitation mail to edit and send. */
    async createSession(tech: Technician, ticketId: string, channelId: string, siteBase: string): Promise<Result<TicketSessionCreated>> {
      const found = await visible(tech, ticketId);
      if (!found.ok) return found;
      const t = found.value;
      const made = await sessions.create(tech, channelId, siteBase);
      if (!made.ok) return made;
      const { session, invitation } = made.value;
      const at = env.now();
      await store.linkTicketSession({ ticketId, sessionId: session.id, createdAt: at });
      await ctx.log(t, 'session', technicianActor(tech), `${tech.name} created a support session`, '', {
        sessionId: session.id,
        link: invitation.link,
        pin: invitation.pin,
      });
      const greeting = t.customer.name ? `Hello ${t.customer.name},` : 'Hello,';
      const text = `${greeting}\n\nto look at your request ${ticketRef(t.number)} together, please open this link:\n${invitation.link}\n\nOr type the PIN ${invitation.pin ?? ''} in the support window of our website.\n\n${tech.name}`;
      return ok({
        session: {
          sessionId: session.id,
          status: session.status,
          link: invitation.link,
          pin: invitation.pin,
          visitorOnline: false,
          createdAt: at,
        },
        invitation: { to: t.customer.email, subject: `Remote support for ${t.name}`, text },
      });
    },

    /** X-5, K-9: an attachment's bytes, for a technician who may see its ticket. */
    async attachment(tech: Technician, attachmentId: string): Promise<Result<TicketAttachment>> {
      const a = await store.findTicketAttachment(attachmentId);
      const found = a ? await visible(tech, a.ticketId) : null;
      return a && found?.ok ? ok(a) : fail('not_found', 'No such attachment.');
    },

    /** K-10: sends the (edited) invitation to the customer; the session must belong to the ticket. */
    async invite(tech: Technician, p: { ticketId: string; sessionId: string; subject: string; text: string }): Promise<Result<MailView>> {
      const found = await visible(tech, p.ticketId);
      if (!found.ok) return found;
      if ((await store.findTicketOfSession(p.sessionId)) !== p.ticketId) return fail('not_found', 'No such session on this ticket.');
      if (!found.value.customer.email) return fail('invalid_payload', 'The ticket has no customer email address; add one first.');
      const sent = await out.send({
        ticket: found.value,
        to: found.value.customer.email,
        subject: p.subject,
        text: p.text,
        actor: technicianActor(tech),
        onTimeline: true,
        summary: `${tech.name} emailed the session invitation`,
      });
      return ok(mailView(sent));
    },

    /**
     * K-12: "Invite by email" from the session view. The mail goes through the desk's outgoing mail
     * like every other, so it lives on a ticket: the session's own, or a new one for this customer
     * (origin `manual`, no rules), linked to the session so its story shows there too.
     */
    async inviteByEmail(tech: Technician, p: { sessionId: string; to: string; subject: string; text: string }): Promise<Result<MailView>> {
      const access = technicianMayAct(await store.findSession(p.sessionId), await store.listChannelIdsOf(tech.id), tech.id);
      if (!access.ok) return access;
      if (access.value.status === 'closed' || access.value.status === 'expired')
        return fail('session_not_open', 'This session has ended; create a new one to invite the customer.');
      let ticketId = await store.findTicketOfSession(p.sessionId);
      if (!ticketId) {
        const t = await intake.createTicket(
          { name: '', email: p.to, subject: p.subject, message: `Invitation to a support session sent by ${tech.name}.`, origin: 'manual' },
          { applyRules: false, actor: technicianActor(tech) },
        );
        await store.linkTicketSession({ ticketId: t.id, sessionId: p.sessionId, createdAt: env.now() });
        ticketId = t.id;
      }
      const found = await visible(tech, ticketId);
      if (!found.ok) return found;
      const sent = await out.send({
        ticket: found.value,
        to: p.to,
        subject: p.subject,
        text: p.text,
        actor: technicianActor(tech),
        onTimeline: true,
        summary: `${tech.name} emailed the session invitation`,
      });
      return ok(mailView(sent));
    },
  };
}

/** The technician's ticket service. */
export type TicketWork = ReturnType<typeof ticketWork>;
