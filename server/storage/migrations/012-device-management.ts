/**
 * Devices managed from the console (SPEC.md U-8, U-9): a name a member gave it, which its own
 * registration no longer overwrites; removal kept as a mark, so the device's connection log stays
 * and its old credential is refused; and the device's log of those changes, with who made them.
 */
import type { Kysely } from 'kysely';

/** Adds the rename and removal marks and the device events table. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('devices').addColumn('renamed_at', 'bigint').execute();
  await db.schema.alterTable('devices').addColumn('removed_at', 'bigint').execute();
  await db.schema
    .createTable('device_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('device_id', 'text', (c) => c.notNull().references('devices.id').onDelete('cascade'))
    .addColumn('at', 'bigint', (c) => c.notNull())
    .addColumn('actor_id', 'text', (c) => c.notNull())
    .addColumn('actor_name', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('device_events_device').on('device_events').columns(['device_id', 'at']).execute();
  // The presence sweep looks for online devices whose lease lapsed (U-6).
  await db.schema.createIndex('devices_online').on('devices').columns(['online', 'last_seen_at']).execute();
}

/** Removes what {@link up} added. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('devices_online').execute();
  await db.schema.dropTable('device_events').execute();
  await db.schema.alterTable('devices').dropColumn('removed_at').execute();
  await db.schema.alterTable('devices').dropColumn('renamed_at').execute();
}
