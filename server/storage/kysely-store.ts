/**
 * The {@link Store} over Kysely: one implementation for SQLite and PostgreSQL, held to the shared
 * contract suite in `tests/server/storage/`. Each concept's queries live in `kysely/`.
 */
import { randomUUID } from 'node:crypto';
import type { Database as SqliteDatabase } from 'better-sqlite3';
import type { Kysely } from 'kysely';
import type { Store } from '../core/ports.js';
import { attachmentQueries } from './kysely/attachment-queries.js';
import { auditQueries } from './kysely/audit-queries.js';
import { escalationQueries } from './kysely/escalation-queries.js';
import { channelQueries } from './kysely/channel-queries.js';
import { deskSettingsQueries } from './kysely/desk-settings-queries.js';
import { linkQueries } from './kysely/link-queries.js';
import { mailQueries } from './kysely/mail-queries.js';
import { messageQueries } from './kysely/message-queries.js';
import { noteQueries } from './kysely/note-queries.js';
import { profileQueries } from './kysely/profile-queries.js';
import { sessionQueries } from './kysely/session-queries.js';
import { technicianQueries } from './kysely/technician-queries.js';
import { ticketQueries } from './kysely/ticket-queries.js';
import { unattendedQueries } from './kysely/unattended-queries.js';
import type { Database } from './schema.js';

/**
 * Builds a {@link Store} over an open, migrated database; `close` destroys it. `sqlite`, the
 * better-sqlite3 connection under a SQLite `db`, lets the chat path (the session lookup and the
 * append) skip Kysely.
 */
export function kyselyStore(db: Kysely<Database>, sqlite?: SqliteDatabase): Store {
  return {
    ...technicianQueries(db),
    ...channelQueries(db),
    ...sessionQueries(db, sqlite),
    ...messageQueries(db, sqlite),
    ...noteQueries(db),
    ...auditQueries(db, randomUUID),
    ...attachmentQueries(db),
    ...profileQueries(db),
    ...ticketQueries(db),
    ...deskSettingsQueries(db),
    ...mailQueries(db),
    ...escalationQueries(db),
    ...linkQueries(db),
    ...unattendedQueries(db),
    async close() {
      await db.destroy();
    },
  };
}
