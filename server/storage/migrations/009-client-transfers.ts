/**
 * Files on their way between a console and a support client (E-8, E-21): in the database, so the
 * server process that takes a chunk need not be the one that started the transfer.
 */
import type { Kysely } from 'kysely';

/** Adds `client_transfers`. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('client_transfers')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('session_id', 'text', (c) => c.notNull())
    .addColumn('client_id', 'text', (c) => c.notNull().references('support_clients.id').onDelete('cascade'))
    .addColumn('direction', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('size', 'bigint', (c) => c.notNull())
    .addColumn('technician_id', 'text', (c) => c.notNull())
    .addColumn('technician_name', 'text', (c) => c.notNull())
    .addColumn('next_index', 'integer', (c) => c.notNull())
    .addColumn('bytes', 'bigint', (c) => c.notNull())
    .addColumn('done', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('client_transfers_client').on('client_transfers').column('client_id').execute();
}

/** Removes what {@link up} added. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('client_transfers').execute();
}
