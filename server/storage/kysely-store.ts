/**
 * The {@link Store} over Kysely: one implementation for SQLite and PostgreSQL, held to the shared
 * contract suite in `tests/server/storage/`.
 */
import { sql, type Kysely } from 'kysely';
import type { SessionStatus } from '../../src/protocol/index.js';
import type { Message, Session } from '../core/model.js';
import type { NewMessage, SessionListRow, Store } from '../core/ports.js';
import { fromMessage, isUniqueViolation, toMessage, toSession, toTechnician } from './rows.js';
import type { Database } from './schema.js';

/** Builds a {@link Store} over an open, migrated database; `close` destroys it. */
export function kyselyStore(db: Kysely<Database>): Store {
  const findByClientId = async (sessionId: string, clientId: string): Promise<Message | undefined> => {
    const r = await db
      .selectFrom('messages')
      .selectAll()
      .where('session_id', '=', sessionId)
      .where('client_id', '=', clientId)
      .executeTakeFirst();
    return r && toMessage(r);
  };

  const listRows = (technicianId: string) =>
    db
      .selectFrom('sessions as s')
      .innerJoin('channels as c', 'c.id', 's.channel_id')
      .leftJoin('technicians as o', 'o.id', 's.owner_id')
      .leftJoin('messages as m', (j) => j.onRef('m.session_id', '=', 's.id').onRef('m.seq', '=', 's.last_seq'))
      .leftJoin('session_reads as r', (j) => j.onRef('r.session_id', '=', 's.id').on('r.technician_id', '=', technicianId))
      .selectAll('s')
      .select([
        'c.name as channel_name',
        'o.name as owner_name',
        'm.id as m_id',
        'm.seq as m_seq',
        'm.client_id as m_client_id',
        'm.author_kind as m_author_kind',
        'm.author_id as m_author_id',
        'm.author_name as m_author_name',
        'm.text as m_text',
        'm.created_at as m_created_at',
        (eb) =>
          eb
            .selectFrom('messages as u')
            .select(eb.fn.countAll().as('n'))
            .whereRef('u.session_id', '=', 's.id')
            .where('u.author_kind', '=', 'visitor')
            .where('u.seq', '>', sql<number>`coalesce(r.last_read_seq, 0)`)
            .as('unread'),
      ]);

  type ListRow = Awaited<ReturnType<ReturnType<typeof listRows>['execute']>>[number];
  const toListRow = (r: ListRow): SessionListRow => ({
    session: toSession(r),
    channelName: r.channel_name,
    ownerName: r.owner_name,
    unread: Number(r.unread ?? 0),
    lastMessage:
      r.m_id === null
        ? null
        : toMessage({
            id: r.m_id,
            session_id: r.id,
            seq: r.m_seq ?? 0,
            client_id: r.m_client_id ?? '',
            author_kind: r.m_author_kind ?? 'visitor',
            author_id: r.m_author_id,
            author_name: r.m_author_name,
            text: r.m_text ?? '',
            created_at: r.m_created_at ?? 0,
          }),
  });

  return {
    async countTechnicians() {
      const r = await db.selectFrom('technicians').select(db.fn.countAll().as('n')).executeTakeFirstOrThrow();
      return Number(r.n);
    },
    async insertTechnician(t) {
      await db
        .insertInto('technicians')
        .values({ id: t.id, email: t.email, name: t.name, role: t.role, password_hash: t.passwordHash, created_at: t.createdAt })
        .execute();
    },
    async findTechnicianByEmail(email) {
      const r = await db.selectFrom('technicians').selectAll().where('email', '=', email).executeTakeFirst();
      return r && toTechnician(r);
    },
    async findTechnicianById(id) {
      const r = await db.selectFrom('technicians').selectAll().where('id', '=', id).executeTakeFirst();
      return r && toTechnician(r);
    },

    async insertAuthSession(s) {
      await db
        .insertInto('auth_sessions')
        .values({ token_hash: s.tokenHash, technician_id: s.technicianId, created_at: s.createdAt, expires_at: s.expiresAt })
        .execute();
    },
    async findAuthSession(tokenHash) {
      const r = await db.selectFrom('auth_sessions').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
      return (
        r && { tokenHash: r.token_hash, technicianId: r.technician_id, createdAt: Number(r.created_at), expiresAt: Number(r.expires_at) }
      );
    },
    async deleteAuthSession(tokenHash) {
      await db.deleteFrom('auth_sessions').where('token_hash', '=', tokenHash).execute();
    },

    async insertChannel(c) {
      await db.insertInto('channels').values({ id: c.id, key: c.key, name: c.name, created_at: c.createdAt }).execute();
    },
    async findChannelByKey(key) {
      const r = await db.selectFrom('channels').selectAll().where('key', '=', key).executeTakeFirst();
      return r && { id: r.id, key: r.key, name: r.name, createdAt: Number(r.created_at) };
    },
    async findChannelById(id) {
      const r = await db.selectFrom('channels').selectAll().where('id', '=', id).executeTakeFirst();
      return r && { id: r.id, key: r.key, name: r.name, createdAt: Number(r.created_at) };
    },
    async addChannelMember(channelId, technicianId) {
      await db
        .insertInto('channel_members')
        .values({ channel_id: channelId, technician_id: technicianId })
        .onConflict((oc) => oc.columns(['channel_id', 'technician_id']).doNothing())
        .execute();
    },
    async listChannelIdsOf(technicianId) {
      const rows = await db.selectFrom('channel_members').select('channel_id').where('technician_id', '=', technicianId).execute();
      return rows.map((r) => r.channel_id);
    },

    async insertVisitor(v) {
      await db
        .insertInto('visitors')
        .values({ id: v.id, channel_id: v.channelId, token_hash: v.tokenHash, created_at: v.createdAt })
        .execute();
    },
    async findVisitorByTokenHash(tokenHash) {
      const r = await db.selectFrom('visitors').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
      return r && { id: r.id, channelId: r.channel_id, tokenHash: r.token_hash, createdAt: Number(r.created_at) };
    },

    async insertSession(s: Session) {
      await db
        .insertInto('sessions')
        .values({
          id: s.id,
          channel_id: s.channelId,
          visitor_id: s.visitorId,
          status: s.status,
          owner_id: s.ownerId,
          last_seq: s.lastSeq,
          created_at: s.createdAt,
          updated_at: s.updatedAt,
        })
        .execute();
    },
    async findSession(id) {
      const r = await db.selectFrom('sessions').selectAll().where('id', '=', id).executeTakeFirst();
      return r && toSession(r);
    },
    async findOpenSessionOfVisitor(visitorId) {
      const r = await db
        .selectFrom('sessions')
        .selectAll()
        .where('visitor_id', '=', visitorId)
        .where('status', 'in', ['waiting', 'active', 'in_queue'])
        .orderBy('created_at', 'desc')
        .limit(1)
        .executeTakeFirst();
      return r && toSession(r);
    },
    async updateSessionStatus(id, expected: SessionStatus, next) {
      const r = await db
        .updateTable('sessions')
        .set({ status: next.status, owner_id: next.ownerId, updated_at: next.updatedAt })
        .where('id', '=', id)
        .where('status', '=', expected)
        .executeTakeFirst();
      return Number(r.numUpdatedRows) === 1;
    },
    async listSessions(channelIds, technicianId, limit) {
      if (channelIds.length === 0) return [];
      const rows = await listRows(technicianId)
        .where('s.channel_id', 'in', channelIds)
        .orderBy('s.updated_at', 'desc')
        .orderBy('s.id')
        .limit(limit)
        .execute();
      return rows.map(toListRow);
    },
    async getSessionRow(id, technicianId) {
      const r = await listRows(technicianId).where('s.id', '=', id).executeTakeFirst();
      return r && toListRow(r);
    },

    async appendMessage(m: NewMessage) {
      const existing = await findByClientId(m.sessionId, m.clientId);
      if (existing) return { message: existing, created: false };
      try {
        return await db.transaction().execute(async (trx) => {
          // The row lock taken by this update serialises seq allocation per session in PostgreSQL;
          // SQLite serialises whole transactions.
          const s = await trx
            .updateTable('sessions')
            .set({ last_seq: sql<number>`last_seq + 1`, updated_at: m.createdAt })
            .where('id', '=', m.sessionId)
            .returning('last_seq')
            .executeTakeFirstOrThrow();
          const message: Message = { ...m, seq: Number(s.last_seq) };
          await trx.insertInto('messages').values(fromMessage(message)).execute();
          return { message, created: true };
        });
      } catch (e) {
        // A concurrent retry of the same message won the race: answer with the stored one.
        if (!isUniqueViolation(e)) throw e;
        const stored = await findByClientId(m.sessionId, m.clientId);
        if (!stored) throw e;
        return { message: stored, created: false };
      }
    },
    async listMessages(sessionId, afterSeq, limit) {
      const rows = await db
        .selectFrom('messages')
        .selectAll()
        .where('session_id', '=', sessionId)
        .where('seq', '>', afterSeq)
        .orderBy('seq')
        .limit(limit)
        .execute();
      return rows.map(toMessage);
    },

    async markRead(sessionId, technicianId, seq) {
      await db
        .insertInto('session_reads')
        .values({ session_id: sessionId, technician_id: technicianId, last_read_seq: seq })
        .onConflict((oc) =>
          oc.columns(['session_id', 'technician_id']).doUpdateSet({
            last_read_seq: sql<number>`case when excluded.last_read_seq > session_reads.last_read_seq then excluded.last_read_seq else session_reads.last_read_seq end`,
          }),
        )
        .execute();
    },

    async close() {
      await db.destroy();
    },
  };
}
