/**
 * Technician-only notes and delivered/read receipts over Kysely.
 */
import { sql, type Kysely, type Selectable } from 'kysely';
import type { InternalNote, Receipt } from '../../core/model.js';
import type { NoteStore } from '../../core/ports.js';
import { isUniqueViolation } from '../rows.js';
import type { Database, InternalNotesTable, ReceiptsTable } from '../schema.js';

const toNote = (r: Selectable<InternalNotesTable>): InternalNote => ({
  id: r.id,
  sessionId: r.session_id,
  seq: Number(r.seq),
  clientId: r.client_id,
  author: { id: r.author_id, name: r.author_name },
  text: r.text,
  createdAt: Number(r.created_at),
});

const toReceipt = (r: Selectable<ReceiptsTable>): Receipt => ({
  sessionId: r.session_id,
  side: r.side,
  deliveredSeq: Number(r.delivered_seq),
  readSeq: Number(r.read_seq),
});

/** The {@link NoteStore} part of the store. */
export function noteQueries(db: Kysely<Database>): NoteStore {
  return {
    async appendNote(n, expiresAt) {
      try {
        return await db.transaction().execute(async (trx) => {
          // Same scheme as messages: the row lock of this update serialises the numbering.
          const s = await trx
            .updateTable('sessions')
            .set({
              last_note_seq: sql<number>`last_note_seq + 1`,
              ...(expiresAt === undefined
                ? {}
                : { expires_at: sql<number>`case when expires_at > ${expiresAt} then expires_at else ${expiresAt} end` }),
            })
            .where('id', '=', n.sessionId)
            .returning('last_note_seq')
            .executeTakeFirstOrThrow();
          const note: InternalNote = { ...n, seq: Number(s.last_note_seq) };
          await trx
            .insertInto('internal_notes')
            .values({
              id: note.id,
              session_id: note.sessionId,
              seq: note.seq,
              client_id: note.clientId,
              author_id: note.author.id,
              author_name: note.author.name,
              text: note.text,
              created_at: note.createdAt,
            })
            .execute();
          return { note, created: true };
        });
      } catch (e) {
        if (!isUniqueViolation(e)) throw e;
        const stored = await db
          .selectFrom('internal_notes')
          .selectAll()
          .where('session_id', '=', n.sessionId)
          .where('client_id', '=', n.clientId)
          .executeTakeFirst();
        if (!stored) throw e;
        return { note: toNote(stored), created: false };
      }
    },

    async listNotes(sessionId, afterSeq, limit) {
      const rows = await db
        .selectFrom('internal_notes')
        .selectAll()
        .where('session_id', '=', sessionId)
        .where('seq', '>', afterSeq)
        .orderBy('seq')
        .limit(limit)
        .execute();
      return rows.map(toNote);
    },

    async advanceReceipt(sessionId, side, delivered, read) {
      const d = Math.max(delivered, read);
      // The WHERE of the upsert leaves the row alone unless a mark moves forward; RETURNING then
      // answers no row, which is how "nothing changed" is told apart without a second query.
      const row = await db
        .insertInto('receipts')
        .values({ session_id: sessionId, side, delivered_seq: d, read_seq: read })
        .onConflict((oc) =>
          oc
            .columns(['session_id', 'side'])
            .doUpdateSet({
              delivered_seq: sql<number>`case when excluded.delivered_seq > receipts.delivered_seq then excluded.delivered_seq else receipts.delivered_seq end`,
              read_seq: sql<number>`case when excluded.read_seq > receipts.read_seq then excluded.read_seq else receipts.read_seq end`,
            })
            .where((eb) =>
              eb.or([
                eb(sql.ref('excluded.delivered_seq'), '>', sql.ref('receipts.delivered_seq')),
                eb(sql.ref('excluded.read_seq'), '>', sql.ref('receipts.read_seq')),
              ]),
            ),
        )
        .returningAll()
        .executeTakeFirst();
      if (!row) return null;
      // A first insert of all zeros moves nothing a reader could see.
      const receipt = toReceipt(row);
      return receipt.deliveredSeq === 0 && receipt.readSeq === 0 ? null : receipt;
    },

    async listReceipts(sessionId) {
      const rows = await db.selectFrom('receipts').selectAll().where('session_id', '=', sessionId).orderBy('side').execute();
      return rows.map(toReceipt);
    },
  };
}
