/**
 * Desk mail, unreadable mail and IMAP positions over Kysely.
 */
import type { Kysely } from 'kysely';
import type { MailStore } from '../../core/desk/desk-ports.js';
import { fromMail, toMail } from '../desk-rows.js';
import { isUniqueViolation } from '../rows.js';
import type { Database } from '../schema.js';
import { nextCounter } from './desk-counter.js';

/** The {@link MailStore} part of the store. */
export function mailQueries(db: Kysely<Database>): MailStore {
  return {
    async insertMail(m) {
      try {
        await db.transaction().execute(async (trx) => {
          await trx
            .insertInto('desk_mails')
            .values(fromMail(m, await nextCounter(trx, 'mail')))
            .execute();
        });
        return true;
      } catch (e) {
        if (isUniqueViolation(e)) return false;
        throw e;
      }
    },
    async findMail(id) {
      const r = await db.selectFrom('desk_mails').selectAll().where('id', '=', id).executeTakeFirst();
      return r && toMail(r);
    },
    async findMailByMessageIds(ids) {
      if (ids.length === 0) return undefined;
      const r = await db
        .selectFrom('desk_mails')
        .selectAll()
        .where('message_id', 'in', ids)
        .where('ticket_id', 'is not', null)
        .orderBy('seq', 'desc')
        .executeTakeFirst();
      return r && toMail(r);
    },
    async updateMailStatus(id, status, error) {
      await db.updateTable('desk_mails').set({ status, error }).where('id', '=', id).execute();
    },
    async setMailTicket(id, ticketId) {
      await db.updateTable('desk_mails').set({ ticket_id: ticketId }).where('id', '=', id).execute();
    },
    async listMailsOfTicket(ticketId) {
      const rows = await db.selectFrom('desk_mails').selectAll().where('ticket_id', '=', ticketId).orderBy('seq').execute();
      return rows.map(toMail);
    },
    async listMails(direction, limit) {
      const rows = await db
        .selectFrom('desk_mails')
        .selectAll()
        .where('direction', '=', direction)
        .orderBy('seq', 'desc')
        .limit(limit)
        .execute();
      return rows.map(toMail);
    },
    async insertUnreadable(u) {
      await db
        .insertInto('desk_unreadable')
        .values({ id: u.id, source: u.source, reason: u.reason, excerpt: u.excerpt, size: u.size, at: u.at })
        .execute();
    },
    async listUnreadable(limit) {
      const rows = await db.selectFrom('desk_unreadable').selectAll().orderBy('at', 'desc').orderBy('id', 'desc').limit(limit).execute();
      return rows.map((r) => ({
        id: r.id,
        source: r.source,
        reason: r.reason,
        excerpt: r.excerpt,
        size: Number(r.size),
        at: Number(r.at),
      }));
    },
    async getMailboxState(key) {
      const r = await db.selectFrom('desk_mailbox_state').selectAll().where('key', '=', key).executeTakeFirst();
      return r && { uidValidity: Number(r.uid_validity), lastUid: Number(r.last_uid) };
    },
    async setMailboxState(key, s) {
      await db
        .insertInto('desk_mailbox_state')
        .values({ key, uid_validity: s.uidValidity, last_uid: s.lastUid })
        .onConflict((oc) => oc.column('key').doUpdateSet({ uid_validity: s.uidValidity, last_uid: s.lastUid }))
        .execute();
    },
  };
}
