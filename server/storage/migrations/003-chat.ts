/**
 * Chat between technicians and receipts: internal notes (a thread of their own, numbered apart from
 * the visitor's messages so the visitor's `seq` stays gap-free, M-2) and delivered/read marks.
 */
import type { Kysely } from 'kysely';

/** Adds the notes and receipts tables. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('sessions')
    .addColumn('last_note_seq', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .createTable('internal_notes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('session_id', 'text', (c) => c.notNull().references('sessions.id').onDelete('cascade'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('client_id', 'text', (c) => c.notNull())
    .addColumn('author_id', 'text', (c) => c.notNull())
    .addColumn('author_name', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addUniqueConstraint('internal_notes_client', ['session_id', 'client_id'])
    .addUniqueConstraint('internal_notes_seq', ['session_id', 'seq'])
    .execute();
  await db.schema
    .createTable('receipts')
    .addColumn('session_id', 'text', (c) => c.notNull().references('sessions.id').onDelete('cascade'))
    .addColumn('side', 'text', (c) => c.notNull())
    .addColumn('delivered_seq', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('read_seq', 'integer', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('receipts_pk', ['session_id', 'side'])
    .execute();
}

/** Drops what {@link up} added. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('receipts').execute();
  await db.schema.dropTable('internal_notes').execute();
  await db.schema.alterTable('sessions').dropColumn('last_note_seq').execute();
}
