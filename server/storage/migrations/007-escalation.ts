/**
 * The escalation to the support client: single-use download tickets (token hash and 9-digit code),
 * the connected clients, and the capabilities the visitor allowed them (SPEC.md E-*).
 */
import { sql, type Kysely } from 'kysely';

/** Adds the escalation tables. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('escalation_tickets')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('session_id', 'text', (c) => c.notNull().references('sessions.id').onDelete('cascade'))
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('code', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('expires_at', 'bigint', (c) => c.notNull())
    .addColumn('used_at', 'bigint')
    .addColumn('revoked_at', 'bigint')
    .execute();
  // Codes are unique while live; a used or revoked ticket frees its code.
  await db.schema
    .createIndex('escalation_tickets_code')
    .unique()
    .on('escalation_tickets')
    .column('code')
    .where(sql.ref('code'), 'is not', null)
    .execute();
  await db.schema.createIndex('escalation_tickets_session').on('escalation_tickets').column('session_id').execute();

  await db.schema
    .createTable('support_clients')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('session_id', 'text', (c) => c.notNull().references('sessions.id').onDelete('cascade'))
    .addColumn('ticket_id', 'text', (c) => c.notNull())
    .addColumn('os', 'text', (c) => c.notNull())
    .addColumn('elevated', 'integer', (c) => c.notNull())
    .addColumn('version', 'text', (c) => c.notNull())
    .addColumn('system_info', 'text')
    .addColumn('connected_at', 'bigint', (c) => c.notNull())
    .addColumn('ended_at', 'bigint')
    .execute();
  await db.schema.createIndex('support_clients_session').on('support_clients').columns(['session_id', 'connected_at']).execute();

  await db.schema
    .createTable('client_grants')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('client_id', 'text', (c) => c.notNull().references('support_clients.id').onDelete('cascade'))
    .addColumn('session_id', 'text', (c) => c.notNull())
    .addColumn('capability', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('requested_by', 'text', (c) => c.notNull())
    .addColumn('requested_by_name', 'text', (c) => c.notNull())
    .addColumn('organisation', 'text', (c) => c.notNull())
    .addColumn('requested_at', 'bigint', (c) => c.notNull())
    .addColumn('expires_at', 'bigint', (c) => c.notNull())
    .addColumn('answered_at', 'bigint')
    .execute();
  await db.schema.createIndex('client_grants_client').on('client_grants').columns(['client_id', 'requested_at']).execute();
}

/** Removes what {@link up} added. */
export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ['client_grants', 'support_clients', 'escalation_tickets']) await db.schema.dropTable(t).execute();
}
