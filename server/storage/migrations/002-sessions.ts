/**
 * Support sessions proper: channel settings, invitations (link, PIN), 9-digit support codes,
 * participants, the activity log, permission requests, and failed join attempts for rate limits.
 */
import { sql, type Kysely } from 'kysely';

/** Adds the session tables and columns. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('channels')
    .addColumn('expiration_minutes', 'integer', (c) => c.notNull().defaultTo(60))
    .execute();
  await db.schema
    .alterTable('channels')
    .addColumn('allowed_origins', 'text', (c) => c.notNull().defaultTo('[]'))
    .execute();
  await db.schema
    .alterTable('channels')
    .addColumn('site_url', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
  await db.schema
    .alterTable('channels')
    .addColumn('download_links', 'text', (c) => c.notNull().defaultTo('{}'))
    .execute();

  await db.schema
    .alterTable('sessions')
    .addColumn('origin', 'text', (c) => c.notNull().defaultTo('visitor'))
    .execute();
  await db.schema.alterTable('sessions').addColumn('created_by', 'text').execute();
  await db.schema.alterTable('sessions').addColumn('invite_token', 'text').execute();
  await db.schema.alterTable('sessions').addColumn('pin', 'text').execute();
  await db.schema
    .alterTable('sessions')
    .addColumn('expires_at', 'bigint', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.alterTable('sessions').addColumn('deleted_at', 'bigint').execute();
  // Invitations are looked up by their secret; unique while set, free again once cleared.
  await db.schema
    .createIndex('sessions_invite_token')
    .unique()
    .on('sessions')
    .column('invite_token')
    .where(sql.ref('invite_token'), 'is not', null)
    .execute();
  await db.schema.createIndex('sessions_pin').unique().on('sessions').column('pin').where(sql.ref('pin'), 'is not', null).execute();
  await db.schema.createIndex('sessions_expiry').on('sessions').columns(['status', 'expires_at']).execute();

  await db.schema
    .createTable('session_participants')
    .addColumn('session_id', 'text', (c) => c.notNull().references('sessions.id').onDelete('cascade'))
    .addColumn('technician_id', 'text', (c) => c.notNull().references('technicians.id').onDelete('cascade'))
    .addColumn('added_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('session_participants_pk', ['session_id', 'technician_id'])
    .execute();

  await db.schema
    .createTable('support_codes')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('session_id', 'text', (c) => c.notNull().references('sessions.id').onDelete('cascade'))
    .addColumn('page_id', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('revoked_at', 'bigint')
    .execute();
  await db.schema.createIndex('support_codes_session').on('support_codes').columns(['session_id', 'page_id']).execute();

  await db.schema
    .createTable('activity')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('session_id', 'text', (c) => c.notNull().references('sessions.id').onDelete('cascade'))
    .addColumn('at', 'bigint', (c) => c.notNull())
    .addColumn('actor_kind', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('actor_name', 'text')
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('activity_session_at').on('activity').columns(['session_id', 'at']).execute();

  await db.schema
    .createTable('permissions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('session_id', 'text', (c) => c.notNull().references('sessions.id').onDelete('cascade'))
    .addColumn('capability', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('requested_by', 'text', (c) => c.notNull())
    .addColumn('requested_by_name', 'text', (c) => c.notNull())
    .addColumn('organisation', 'text', (c) => c.notNull())
    .addColumn('requested_at', 'bigint', (c) => c.notNull())
    .addColumn('expires_at', 'bigint', (c) => c.notNull())
    .addColumn('answered_at', 'bigint')
    .execute();
  await db.schema.createIndex('permissions_session').on('permissions').columns(['session_id', 'requested_at']).execute();
  await db.schema.createIndex('permissions_pending').on('permissions').columns(['status', 'expires_at']).execute();

  await db.schema
    .createTable('join_failures')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('join_failures_key_at').on('join_failures').columns(['key', 'at']).execute();
}

/** Removes what {@link up} added. */
export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ['join_failures', 'permissions', 'activity', 'support_codes', 'session_participants']) {
    await db.schema.dropTable(t).execute();
  }
  for (const i of ['sessions_invite_token', 'sessions_pin', 'sessions_expiry']) await db.schema.dropIndex(i).execute();
  for (const c of ['origin', 'created_by', 'invite_token', 'pin', 'expires_at', 'deleted_at']) {
    await db.schema.alterTable('sessions').dropColumn(c).execute();
  }
  for (const c of ['expiration_minutes', 'allowed_origins', 'site_url', 'download_links']) {
    await db.schema.alterTable('channels').dropColumn(c).execute();
  }
}
