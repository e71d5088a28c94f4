/**
 * Chat messages and read marks over Kysely.
 */
import { sql, type Insertable, type Kysely } from 'kysely';
import type { Message } from '../../core/model.js';
import type { MessageStore, NewMessage } from '../../core/ports.js';
import { fromMessage, isUniqueViolation, toMessage } from '../rows.js';
import type { Database, MessagesTable } from '../schema.js';
import { messageBatcher } from './message-batch.js';
import { precompile, slot } from './precompiled.js';

/** The {@link MessageStore} part of the store. */
export function messageQueries(db: Kysely<Database>): MessageStore {
  const findByClientId = async (sessionId: string, clientId: string): Promise<Message | undefined> => {
    const r = await db
      .selectFrom('messages')
      .selectAll()
      .where('session_id', '=', sessionId)
      .where('client_id', '=', clientId)
      .executeTakeFirst();
    return r && toMessage(r);
  };

  // The one-message path is the hot path of chat: its two statements are compiled once.
  const bumpSeq = precompile(
    db
      .updateTable('sessions')
      .set({
        last_seq: sql<number>`last_seq + 1`,
        // 0 when not given: every real deadline is later, so the stored one stays.
        expires_at: sql<number>`case when expires_at > ${slot(0)} then expires_at else ${slot(1)} end`,
      })
      .where('id', '=', slot(2))
      .returning('last_seq'),
    3,
  );
  // The columns come from `fromMessage` itself, so a new column can never be left out here.
  const columns = Object.keys(
    fromMessage({ id: '', sessionId: '', seq: 0, clientId: '', author: { kind: 'visitor' }, text: '', createdAt: 0 }),
  ) as (keyof MessagesTable)[];
  const insertMessage = precompile(
    db.insertInto('messages').values(Object.fromEntries(columns.map((c, i) => [c, slot(i)])) as unknown as Insertable<MessagesTable>),
    columns.length,
  );

  const appendOne = async (m: NewMessage, expiresAt?: number) => {
    // Straight to the insert: retries are rare, so looking first would cost every message a query.
    try {
      return await db.transaction().execute(async (trx) => {
        // The row lock taken by this update serialises seq allocation per session in PostgreSQL;
        // SQLite serialises whole transactions. `updated_at` is the session's save version, so it
        // is left alone: a message must not make a concurrent state change fail.
        const deadline = expiresAt ?? 0;
        const [s] = await bumpSeq(trx, [deadline, deadline, m.sessionId]);
        if (!s) throw new Error(`No session ${m.sessionId}.`);
        const message: Message = { ...m, seq: Number(s.last_seq) };
        const r = fromMessage(message);
        await insertMessage(
          trx,
          columns.map((c) => r[c]),
        );
        return { message, created: true };
      });
    } catch (e) {
      // A retry of a stored message (or a concurrent one that won the race): answer with the stored one.
      if (!isUniqueViolation(e)) throw e;
      const stored = await findByClientId(m.sessionId, m.clientId);
      if (!stored) throw e;
      return { message: stored, created: false };
    }
  };
  const append = messageBatcher(db, appendOne);

  return {
    appendMessage: (m, expiresAt) => append(m, expiresAt),
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
  };
}
