/**
 * Unattended access (SPEC.md U-*): channel settings with the hashed channel key, registered
 * devices, the log of connections to them; and the resume credential of support clients (E-14).
 */
import type { Kysely } from 'kysely';

/** Adds the unattended tables and the support clients' resume hash. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('unattended_settings')
    .addColumn('channel_id', 'text', (c) => c.primaryKey().references('channels.id').onDelete('cascade'))
    .addColumn('allowed', 'integer', (c) => c.notNull())
    .addColumn('key_hash', 'text')
    .addColumn('key_created_at', 'bigint')
    .addColumn('capabilities', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('devices')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('channel_id', 'text', (c) => c.notNull().references('channels.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('secret_hash', 'text', (c) => c.notNull())
    .addColumn('os', 'text', (c) => c.notNull())
    .addColumn('elevated', 'integer', (c) => c.notNull())
    .addColumn('version', 'text', (c) => c.notNull())
    .addColumn('system_info', 'text')
    .addColumn('registered_at', 'bigint', (c) => c.notNull())
    .addColumn('last_seen_at', 'bigint', (c) => c.notNull())
    .addColumn('online', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('devices_channel').on('devices').columns(['channel_id', 'name']).execute();

  await db.schema
    .createTable('device_connections')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('device_id', 'text', (c) => c.notNull().references('devices.id').onDelete('cascade'))
    .addColumn('channel_id', 'text', (c) => c.notNull())
    .addColumn('session_id', 'text', (c) => c.notNull())
    .addColumn('client_id', 'text', (c) => c.notNull())
    .addColumn('technician_id', 'text', (c) => c.notNull())
    .addColumn('technician_name', 'text', (c) => c.notNull())
    .addColumn('started_at', 'bigint', (c) => c.notNull())
    .addColumn('ended_at', 'bigint')
    .addColumn('end_reason', 'text')
    .execute();
  await db.schema.createIndex('device_connections_device').on('device_connections').columns(['device_id', 'started_at']).execute();
  await db.schema.createIndex('device_connections_session').on('device_connections').column('session_id').execute();

  await db.schema.alterTable('support_clients').addColumn('resume_hash', 'text').execute();
}

/** Removes what {@link up} added. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('support_clients').dropColumn('resume_hash').execute();
  for (const t of ['device_connections', 'devices', 'unattended_settings']) await db.schema.dropTable(t).execute();
}
