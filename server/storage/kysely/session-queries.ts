/**
 * Visitors, sessions with their participants, invitations and support codes over Kysely.
 */
import type { Database as SqliteDatabase } from 'better-sqlite3';
import { sql, type Kysely, type Selectable } from 'kysely';
import type { Session } from '../../core/model.js';
import type { SessionListRow, SessionStore } from '../../core/ports.js';
import { sessionColumns, toMessage, toSession } from '../rows.js';
import type { Database, SessionsTable } from '../schema.js';
import { precompileRead, slot } from './precompiled.js';

const OPEN = ['waiting', 'active', 'in_queue'];

/** The {@link SessionStore} part of the store. */
export function sessionQueries(db: Kysely<Database>, sqlite?: SqliteDatabase): SessionStore {
  // Inside a transaction pass `ex`: SQLite has one connection, and using `db` there would wait forever.
  const participantsOf = async (ids: string[], ex: Kysely<Database> = db): Promise<Map<string, string[]>> => {
    const map = new Map<string, string[]>(ids.map((id) => [id, []]));
    if (ids.length === 0) return map;
    const rows = await ex
      .selectFrom('session_participants')
      .select(['session_id', 'technician_id'])
      .where('session_id', 'in', ids)
      .orderBy('added_at')
      .orderBy('technician_id')
      .execute();
    for (const r of rows) map.get(r.session_id)?.push(r.technician_id);
    return map;
  };

  const withParticipants = async (rows: Selectable<SessionsTable>[]): Promise<Session[]> => {
    const parts = await participantsOf(rows.map((r) => r.id));
    return rows.map((r) => toSession(r, parts.get(r.id) ?? []));
  };

  // Every command looks its session up first: one compiled query, a row per participant (or one
  // row with none), in the dialect-neutral form of a join rather than a JSON aggregate.
  const sessionById = precompileRead(
    db,
    sqlite,
    db
      .selectFrom('sessions as s')
      .leftJoin('session_participants as p', 'p.session_id', 's.id')
      .leftJoin('ticket_sessions as t', 't.session_id', 's.id')
      .selectAll('s')
      .select(['p.technician_id as participant_id', 'p.added_at as participant_added_at', 't.ticket_id as ticket_id'])
      // Ordered in JS (a session has a few participants): an ORDER BY here makes SQLite build a
      // sorter for every lookup, a third of the query's time.
      .where('s.id', '=', slot(0)),
    1,
  );

  const one = async (row: Selectable<SessionsTable> | undefined) => (row ? (await withParticipants([row]))[0] : undefined);

  const listBase = (technicianId: string) =>
    db
      .selectFrom('sessions as s')
      .innerJoin('channels as c', 'c.id', 's.channel_id')
      .leftJoin('messages as m', (j) => j.onRef('m.session_id', '=', 's.id').onRef('m.seq', '=', 's.last_seq'))
      .leftJoin('session_reads as r', (j) => j.onRef('r.session_id', '=', 's.id').on('r.technician_id', '=', technicianId))
      .selectAll('s')
      .select([
        'c.name as channel_name',
        'm.id as m_id',
        'm.client_id as m_client_id',
        'm.author_kind as m_author_kind',
        'm.author_id as m_author_id',
        'm.author_name as m_author_name',
        'm.text as m_text',
        'm.attachment as m_attachment',
        'm.created_at as m_created_at',
        (eb) =>
          eb
            .selectFrom('messages as u')
            .select(eb.fn.countAll().as('n'))
            .whereRef('u.session_id', '=', 's.id')
            .where('u.author_kind', '=', 'visitor')
            .where('u.seq', '>', sql<number>`coalesce(r.last_read_seq, 0)`)
            .as('unread'),
      ])
      .where('s.deleted_at', 'is', null);

  type ListRow = Awaited<ReturnType<ReturnType<typeof listBase>['execute']>>[number];

  const toListRows = async (rows: ListRow[]): Promise<SessionListRow[]> => {
    const sessions = await withParticipants(rows);
    const techIds = [...new Set(sessions.flatMap((s) => [s.ownerId, ...s.participantIds]).filter((id): id is string => !!id))];
    const names: Record<string, string> = {};
    if (techIds.length > 0) {
      for (const t of await db.selectFrom('technicians').select(['id', 'name']).where('id', 'in', techIds).execute()) names[t.id] = t.name;
    }
    return rows.map((r, i) => ({
      session: sessions[i],
      channelName: r.channel_name,
      names,
      unread: Number(r.unread ?? 0),
      lastMessage:
        r.m_id === null
          ? null
          : toMessage({
              id: r.m_id,
              session_id: r.id,
              seq: Number(r.last_seq),
              client_id: r.m_client_id ?? '',
              author_kind: r.m_author_kind ?? 'visitor',
              author_id: r.m_author_id,
              author_name: r.m_author_name,
              text: r.m_text ?? '',
              attachment: r.m_attachment,
              created_at: r.m_created_at ?? 0,
            }),
    }));
  };

  return {
    async insertVisitor(v) {
      await db
        .insertInto('visitors')
        .values({ id: v.id, channel_id: v.channelId, token_hash: v.tokenHash, created_at: v.createdAt })
        .execute();
    },
    async findVisitorByTokenHash(tokenHash) {
      const r =
        (await db.selectFrom('visitors').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst()) ??
        // A token a conversation link issued for another device (P-2).
        (await db
          .selectFrom('visitor_tokens as t')
          .innerJoin('visitors as v', 'v.id', 't.visitor_id')
          .selectAll('v')
          .where('t.token_hash', '=', tokenHash)
          .executeTakeFirst());
      return r && { id: r.id, channelId: r.channel_id, tokenHash: r.token_hash, createdAt: Number(r.created_at) };
    },

    async insertSession(s) {
      await db.transaction().execute(async (trx) => {
        await trx
          .insertInto('sessions')
          .values({ id: s.id, last_seq: s.lastSeq, created_at: s.createdAt, ...sessionColumns(s) })
          .execute();
        if (s.participantIds.length > 0) {
          await trx
            .insertInto('session_participants')
            .values(s.participantIds.map((technician_id) => ({ session_id: s.id, technician_id, added_at: s.updatedAt })))
            .execute();
        }
      });
    },
    async findSession(id) {
      const rows = await sessionById([id]);
      if (rows.length === 0) return undefined;
      const { participant_id: _first, participant_added_at: _at, ticket_id: ticketId, ...row } = rows[0];
      const participants = rows
        .flatMap((r) => (r.participant_id === null ? [] : [{ id: r.participant_id, at: Number(r.participant_added_at) }]))
        .sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
      const session = toSession(
        row,
        participants.map((p) => p.id),
      );
      // Read here so that each chat message need not look its ticket up again (K-11).
      return ticketId === null ? session : { ...session, ticketId };
    },
    async findSessionByInviteToken(token) {
      return one(await db.selectFrom('sessions').selectAll().where('invite_token', '=', token).executeTakeFirst());
    },
    async findSessionByPin(pin) {
      return one(await db.selectFrom('sessions').selectAll().where('pin', '=', pin).executeTakeFirst());
    },
    async findOpenSessionOfVisitor(visitorId) {
      const r = await db
        .selectFrom('sessions')
        .selectAll()
        .where('visitor_id', '=', visitorId)
        .where('status', 'in', OPEN)
        .where('deleted_at', 'is', null)
        // The one the visitor touched last: a session joined by invitation wins over an older one.
        .orderBy('updated_at', 'desc')
        .orderBy('id')
        .limit(1)
        .executeTakeFirst();
      return one(r);
    },
    async saveSession(next, expectedUpdatedAt) {
      return db.transaction().execute(async (trx) => {
        const r = await trx
          .updateTable('sessions')
          .set(sessionColumns(next))
          .where('id', '=', next.id)
          .where('updated_at', '=', expectedUpdatedAt)
          .executeTakeFirst();
        if (Number(r.numUpdatedRows) !== 1) return false;
        const current = (await participantsOf([next.id], trx)).get(next.id) ?? [];
        const gone = current.filter((id) => !next.participantIds.includes(id));
        const added = next.participantIds.filter((id) => !current.includes(id));
        if (gone.length > 0)
          await trx.deleteFrom('session_participants').where('session_id', '=', next.id).where('technician_id', 'in', gone).execute();
        if (added.length > 0) {
          await trx
            .insertInto('session_participants')
            .values(added.map((technician_id) => ({ session_id: next.id, technician_id, added_at: next.updatedAt })))
            .execute();
        }
        return true;
      });
    },
    async countActiveOwnedBy(technicianId) {
      const r = await db
        .selectFrom('sessions')
        .select(db.fn.countAll().as('n'))
        .where('owner_id', '=', technicianId)
        .where('status', '=', 'active')
        .where('deleted_at', 'is', null)
        .executeTakeFirstOrThrow();
      return Number(r.n);
    },
    async expireDueSessions(now) {
      const rows = await db
        .updateTable('sessions')
        .set({
          status: 'expired',
          // The save version moves forward even within the millisecond of the last save.
          updated_at: sql<number>`case when updated_at >= ${now} then updated_at + 1 else ${now} end`,
          invite_token: null,
          pin: null,
        })
        .where('status', 'in', OPEN)
        .where('deleted_at', 'is', null)
        .where('expires_at', '<=', now)
        .returningAll()
        .execute();
      return withParticipants(rows);
    },
    async listSessions(channelIds, technicianId, limit) {
      const rows = await listBase(technicianId)
        .where((eb) =>
          eb.or([
            ...(channelIds.length > 0 ? [eb('s.channel_id', 'in', channelIds)] : []),
            eb('s.owner_id', '=', technicianId),
            eb.exists(
              eb
                .selectFrom('session_participants as p')
                .select('p.session_id')
                .whereRef('p.session_id', '=', 's.id')
                .where('p.technician_id', '=', technicianId),
            ),
          ]),
        )
        .orderBy(sql`case when m.created_at > s.updated_at then m.created_at else s.updated_at end`, 'desc')
        .orderBy('s.id')
        .limit(limit)
        .execute();
      return toListRows(rows);
    },
    async getSessionRow(id, technicianId) {
      const r = await listBase(technicianId).where('s.id', '=', id).executeTakeFirst();
      return r ? (await toListRows([r]))[0] : undefined;
    },

    async insertSupportCode(c) {
      await db
        .insertInto('support_codes')
        .values({ code: c.code, session_id: c.sessionId, page_id: c.pageId, created_at: c.createdAt, revoked_at: c.revokedAt })
        .execute();
    },
    async findSupportCode(code) {
      const r = await db.selectFrom('support_codes').selectAll().where('code', '=', code).executeTakeFirst();
      return (
        r && {
          code: r.code,
          sessionId: r.session_id,
          pageId: r.page_id,
          createdAt: Number(r.created_at),
          revokedAt: r.revoked_at === null ? null : Number(r.revoked_at),
        }
      );
    },
    async findSupportCodeOfPage(sessionId, pageId) {
      const r = await db
        .selectFrom('support_codes')
        .selectAll()
        .where('session_id', '=', sessionId)
        .where('page_id', '=', pageId)
        .where('revoked_at', 'is', null)
        .executeTakeFirst();
      return r && { code: r.code, sessionId: r.session_id, pageId: r.page_id, createdAt: Number(r.created_at), revokedAt: null };
    },
    async revokeSupportCodes(sessionId, at) {
      await db
        .updateTable('support_codes')
        .set({ revoked_at: at })
        .where('session_id', '=', sessionId)
        .where('revoked_at', 'is', null)
        .execute();
    },
  };
}
