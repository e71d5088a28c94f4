/**
 * Tickets, their timeline, notes, attachments and sessions over Kysely.
 */
import { sql, type Kysely } from 'kysely';
import type { TicketStore } from '../../core/desk/desk-ports.js';
import { fromTicket, toTicket, toTimelineEntry } from '../desk-rows.js';
import type { Database } from '../schema.js';
import { nextCounter } from './desk-counter.js';
import { precompile, slot } from './precompiled.js';

const PRIORITY_RANK = sql<number>`case priority when 'low' then 0 when 'medium' then 1 when 'high' then 2 else 3 end`;
const STATUS_RANK = sql<number>`case status when 'open' then 0 when 'processing' then 1 when 'waiting' then 2 else 3 end`;

/** A LIKE pattern matching `term` anywhere, with LIKE's own characters taken literally. */
const containsPattern = (term: string) => `%${term.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** The {@link TicketStore} part of the store. */
export function ticketQueries(db: Kysely<Database>): TicketStore {
  // Every chat message asks for its session's ticket (the timeline relay): compiled once.
  const ticketOfSession = precompile(db.selectFrom('ticket_sessions').select('ticket_id').where('session_id', '=', slot(0)), 1);

  return {
    async insertTicket(t) {
      return db.transaction().execute(async (trx) => {
        const ticket = { ...t, number: await nextCounter(trx, 'ticket') };
        await trx.insertInto('tickets').values(fromTicket(ticket)).execute();
        return ticket;
      });
    },
    async findTicket(id) {
      const r = await db.selectFrom('tickets').selectAll().where('id', '=', id).executeTakeFirst();
      return r && toTicket(r);
    },
    async findTicketByNumber(number) {
      const r = await db.selectFrom('tickets').selectAll().where('number', '=', number).executeTakeFirst();
      return r && toTicket(r);
    },
    async saveTicket(next, expectedUpdatedAt) {
      const { id: _id, number: _n, created_at: _c, ...fields } = fromTicket(next);
      const r = await db
        .updateTable('tickets')
        .set(fields)
        .where('id', '=', next.id)
        .where('updated_at', '=', expectedUpdatedAt)
        .executeTakeFirst();
      return Number(r.numUpdatedRows) === 1;
    },
    async listTickets(q, scope) {
      let query = db.selectFrom('tickets').selectAll();
      if (!scope.all) {
        const { technicianId, groupIds } = scope;
        query = query.where((eb) =>
          eb.or([
            eb('assignee_kind', '=', 'none'),
            eb.and([eb('assignee_kind', '=', 'technician'), eb('assignee_id', '=', technicianId)]),
            ...(groupIds.length ? [eb.and([eb('assignee_kind', '=', 'group'), eb('assignee_id', 'in', groupIds)])] : []),
          ]),
        );
      }
      if (q.statuses.length) query = query.where('status', 'in', q.statuses);
      if (q.priorities.length) query = query.where('priority', 'in', q.priorities);
      for (const term of q.search.split(/\s+/).filter(Boolean)) {
        query = query.where(sql<boolean>`search_text like ${containsPattern(term)} escape '\\'`);
      }
      const dir = q.direction;
      const sorted =
        q.sort === 'priority'
          ? query.orderBy(PRIORITY_RANK, dir)
          : q.sort === 'status'
            ? query.orderBy(STATUS_RANK, dir)
            : q.sort === 'name'
              ? query.orderBy(sql`lower(name)`, dir)
              : query.orderBy(q.sort === 'created' ? 'created_at' : q.sort === 'number' ? 'number' : 'updated_at', dir);
      const rows = await sorted.orderBy('number', dir).limit(q.limit).execute();
      return rows.map(toTicket);
    },
    async recentTickets(limit) {
      const rows = await db
        .selectFrom('tickets')
        .selectAll()
        .orderBy('created_at', 'desc')
        .orderBy('number', 'desc')
        .limit(limit)
        .execute();
      return rows.map(toTicket);
    },

    async insertTimelineEntry(e) {
      await db.transaction().execute(async (trx) => {
        const seq = await nextCounter(trx, 'timeline');
        await trx
          .insertInto('ticket_timeline')
          .values({
            id: e.id,
            ticket_id: e.ticketId,
            at: e.at,
            seq,
            kind: e.kind,
            actor: JSON.stringify(e.actor),
            summary: e.summary,
            body: e.body,
            data: JSON.stringify(e.data),
          })
          .execute();
      });
    },
    async listTimeline(ticketId, limit) {
      const rows = await db
        .selectFrom('ticket_timeline')
        .selectAll()
        .where('ticket_id', '=', ticketId)
        .orderBy('seq', 'desc')
        .limit(limit)
        .execute();
      return rows.reverse().map(toTimelineEntry);
    },
    async insertTicketNote(n) {
      await db
        .insertInto('ticket_notes')
        .values({
          id: n.id,
          ticket_id: n.ticketId,
          author_id: n.author.id,
          author_name: n.author.name,
          text: n.text,
          created_at: n.createdAt,
        })
        .execute();
    },
    async listTicketNotes(ticketId) {
      const rows = await db
        .selectFrom('ticket_notes')
        .selectAll()
        .where('ticket_id', '=', ticketId)
        .orderBy('created_at')
        .orderBy('id')
        .execute();
      return rows.map((r) => ({
        id: r.id,
        ticketId: r.ticket_id,
        author: { id: r.author_id, name: r.author_name },
        text: r.text,
        createdAt: Number(r.created_at),
      }));
    },
    async insertTicketAttachment(a) {
      await db
        .insertInto('ticket_attachments')
        .values({
          id: a.id,
          ticket_id: a.ticketId,
          mail_id: a.mailId,
          filename: a.filename,
          content_type: a.contentType,
          size: a.size,
          content: Buffer.from(a.content).toString('base64'),
          created_at: a.createdAt,
        })
        .execute();
    },
    async listTicketAttachments(ticketId) {
      const rows = await db
        .selectFrom('ticket_attachments')
        .select(['id', 'ticket_id', 'mail_id', 'filename', 'content_type', 'size', 'created_at'])
        .where('ticket_id', '=', ticketId)
        .orderBy('created_at')
        .orderBy('id')
        .execute();
      return rows.map((r) => ({
        id: r.id,
        ticketId: r.ticket_id,
        mailId: r.mail_id,
        filename: r.filename,
        contentType: r.content_type,
        size: Number(r.size),
        createdAt: Number(r.created_at),
      }));
    },
    async findTicketAttachment(id) {
      const r = await db.selectFrom('ticket_attachments').selectAll().where('id', '=', id).executeTakeFirst();
      return (
        r && {
          id: r.id,
          ticketId: r.ticket_id,
          mailId: r.mail_id,
          filename: r.filename,
          contentType: r.content_type,
          size: Number(r.size),
          content: new Uint8Array(Buffer.from(r.content, 'base64')),
          createdAt: Number(r.created_at),
        }
      );
    },

    async linkTicketSession(l) {
      await db.insertInto('ticket_sessions').values({ session_id: l.sessionId, ticket_id: l.ticketId, created_at: l.createdAt }).execute();
    },
    async listTicketSessions(ticketId) {
      const rows = await db
        .selectFrom('ticket_sessions')
        .selectAll()
        .where('ticket_id', '=', ticketId)
        .orderBy('created_at')
        .orderBy('session_id')
        .execute();
      return rows.map((r) => ({ ticketId: r.ticket_id, sessionId: r.session_id, createdAt: Number(r.created_at) }));
    },
    async findTicketOfSession(sessionId) {
      const [r] = await ticketOfSession(db, [sessionId]);
      return r?.ticket_id;
    },
  };
}
