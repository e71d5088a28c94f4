/**
 * The first schema: technicians, console sign-ins, channels, visitors, sessions and messages.
 * Written with Kysely's schema builder so one migration serves SQLite and PostgreSQL.
 */
import type { Kysely } from 'kysely';

/** Creates the initial tables. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('technicians')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('email', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('auth_sessions')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('technician_id', 'text', (c) => c.notNull().references('technicians.id').onDelete('cascade'))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('expires_at', 'bigint', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('channels')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('key', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('channel_members')
    .addColumn('channel_id', 'text', (c) => c.notNull().references('channels.id').onDelete('cascade'))
    .addColumn('technician_id', 'text', (c) => c.notNull().references('technicians.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('channel_members_pk', ['channel_id', 'technician_id'])
    .execute();

  await db.schema
    .createTable('visitors')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('channel_id', 'text', (c) => c.notNull().references('channels.id').onDelete('cascade'))
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('channel_id', 'text', (c) => c.notNull().references('channels.id').onDelete('cascade'))
    .addColumn('visitor_id', 'text', (c) => c.references('visitors.id').onDelete('set null'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('owner_id', 'text', (c) => c.references('technicians.id').onDelete('set null'))
    .addColumn('last_seq', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('sessions_channel_updated').on('sessions').columns(['channel_id', 'updated_at']).execute();
  await db.schema.createIndex('sessions_visitor').on('sessions').column('visitor_id').execute();

  await db.schema
    .createTable('messages')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('session_id', 'text', (c) => c.notNull().references('sessions.id').onDelete('cascade'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('client_id', 'text', (c) => c.notNull())
    .addColumn('author_kind', 'text', (c) => c.notNull())
    .addColumn('author_id', 'text')
    .addColumn('author_name', 'text')
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addUniqueConstraint('messages_session_seq', ['session_id', 'seq'])
    .addUniqueConstraint('messages_session_client', ['session_id', 'client_id'])
    .execute();

  await db.schema
    .createTable('session_reads')
    .addColumn('session_id', 'text', (c) => c.notNull().references('sessions.id').onDelete('cascade'))
    .addColumn('technician_id', 'text', (c) => c.notNull().references('technicians.id').onDelete('cascade'))
    .addColumn('last_read_seq', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('session_reads_pk', ['session_id', 'technician_id'])
    .execute();
}

/** Drops the initial tables. */
export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ['session_reads', 'messages', 'sessions', 'visitors', 'channel_members', 'channels', 'auth_sessions', 'technicians']) {
    await db.schema.dropTable(t).execute();
  }
}
