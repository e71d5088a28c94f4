/**
 * Shell output since the technician's last command (E-9, E-22): in the database, so the server
 * process the client sends its output to and the one the console types into may differ.
 */
import type { Kysely } from 'kysely';

/** Adds `shell_journals`. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('shell_journals')
    .addColumn('shell_id', 'text', (c) => c.primaryKey())
    .addColumn('session_id', 'text', (c) => c.notNull())
    .addColumn('client_id', 'text', (c) => c.notNull().references('support_clients.id').onDelete('cascade'))
    .addColumn('bytes', 'bigint', (c) => c.notNull())
    .addColumn('head', 'text', (c) => c.notNull())
    .addColumn('seq', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('shell_journals_client').on('shell_journals').column('client_id').execute();
}

/** Removes what {@link up} added. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('shell_journals').execute();
}
