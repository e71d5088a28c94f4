/**
 * The channel profile: pre-chat form, business hours and identity secret per channel; what the
 * visitor told per session; messages left while offline (ticket-ready); and the visitor record of
 * each verified user (SPEC.md F-*, H-*, O-*, I-*).
 */
import type { Kysely } from 'kysely';

/** Adds the profile tables. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('channel_profiles')
    .addColumn('channel_id', 'text', (c) => c.primaryKey().references('channels.id').onDelete('cascade'))
    .addColumn('prechat', 'text', (c) => c.notNull())
    .addColumn('hours', 'text', (c) => c.notNull())
    .addColumn('identity_secret', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('session_profiles')
    .addColumn('session_id', 'text', (c) => c.primaryKey().references('sessions.id').onDelete('cascade'))
    .addColumn('prechat', 'text', (c) => c.notNull())
    .addColumn('identity', 'text')
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('offline_messages')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('channel_id', 'text', (c) => c.notNull().references('channels.id').onDelete('cascade'))
    .addColumn('visitor_id', 'text')
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('message', 'text', (c) => c.notNull())
    .addColumn('fields', 'text', (c) => c.notNull())
    .addColumn('identity', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    // Set when the message became a ticket (tickets come later).
    .addColumn('ticket_id', 'text')
    .execute();
  await db.schema.createIndex('offline_messages_channel_at').on('offline_messages').columns(['channel_id', 'created_at']).execute();

  await db.schema
    .createTable('user_visitors')
    .addColumn('channel_id', 'text', (c) => c.notNull().references('channels.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('visitor_id', 'text', (c) => c.notNull().references('visitors.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('user_visitors_pk', ['channel_id', 'user_id'])
    .execute();
}

/** Removes what {@link up} added. */
export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ['user_visitors', 'offline_messages', 'session_profiles', 'channel_profiles']) await db.schema.dropTable(t).execute();
}
