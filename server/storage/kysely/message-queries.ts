/**
 * Chat messages and read marks over Kysely.
 */
import type { Database as SqliteDatabase } from 'better-sqlite3';
import { sql, type Kysely } from 'kysely';
import type { MessageStore } from '../../core/ports.js';
import { toMessage } from '../rows.js';
import type { Database } from '../schema.js';
import { kyselyAppendBatch, messageBatcher, sqliteAppendBatch } from './message-batch.js';

/** The {@link MessageStore} part of the store. */
export function messageQueries(db: Kysely<Database>, sqlite?: SqliteDatabase): MessageStore {
  const append = messageBatcher(sqlite ? sqliteAppendBatch(db, sqlite) : kyselyAppendBatch(db));

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
