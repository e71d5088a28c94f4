/**
 * Attachments (SPEC.md F-*): the per-channel size limit, the metadata of uploaded files, and the
 * attachment a message carries (kept with the message as JSON, since it never changes, so history
 * reads need no join).
 */
import type { Kysely } from 'kysely';
import { DEFAULT_ATTACHMENT_MAX_BYTES } from '../../../src/protocol/index.js';

/** Adds the attachments table and columns. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('channels')
    .addColumn('attachment_max_bytes', 'bigint', (c) => c.notNull().defaultTo(DEFAULT_ATTACHMENT_MAX_BYTES))
    .execute();
  await db.schema.alterTable('messages').addColumn('attachment', 'text').execute();
  await db.schema
    .createTable('attachments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('session_id', 'text', (c) => c.notNull().references('sessions.id').onDelete('cascade'))
    .addColumn('uploader_kind', 'text', (c) => c.notNull())
    .addColumn('uploader_id', 'text')
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('size', 'bigint', (c) => c.notNull())
    .addColumn('mime', 'text', (c) => c.notNull())
    .addColumn('width', 'integer')
    .addColumn('height', 'integer')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('attachments_session').on('attachments').column('session_id').execute();
}

/** Removes what {@link up} added. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('attachments').execute();
  await db.schema.alterTable('messages').dropColumn('attachment').execute();
  await db.schema.alterTable('channels').dropColumn('attachment_max_bytes').execute();
}
