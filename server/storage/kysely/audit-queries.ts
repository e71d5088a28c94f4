/**
 * Activity log, permission requests and failed join attempts over Kysely.
 */
import type { Kysely } from 'kysely';
import type { AuditStore } from '../../core/ports.js';
import { fromActivity, fromPermission, toActivity, toPermission } from '../rows.js';
import type { Database } from '../schema.js';

/** The {@link AuditStore} part of the store. */
export function auditQueries(db: Kysely<Database>, newId: () => string): AuditStore {
  return {
    async insertActivity(a) {
      await db.insertInto('activity').values(fromActivity(a)).execute();
    },
    async listActivity(sessionId, limit) {
      const rows = await db
        .selectFrom('activity')
        .selectAll()
        .where('session_id', '=', sessionId)
        .orderBy('at', 'desc')
        .orderBy('id', 'desc')
        .limit(limit)
        .execute();
      return rows.reverse().map(toActivity);
    },

    async insertPermission(p) {
      await db.insertInto('permissions').values(fromPermission(p)).execute();
    },
    async findPermission(id) {
      const r = await db.selectFrom('permissions').selectAll().where('id', '=', id).executeTakeFirst();
      return r && toPermission(r);
    },
    async updatePermission(id, expected, next) {
      const r = await db
        .updateTable('permissions')
        .set({ status: next.status, answered_at: next.answeredAt })
        .where('id', '=', id)
        .where('status', '=', expected)
        .executeTakeFirst();
      return Number(r.numUpdatedRows) === 1;
    },
    async listPermissions(sessionId) {
      const rows = await db
        .selectFrom('permissions')
        .selectAll()
        .where('session_id', '=', sessionId)
        .orderBy('requested_at')
        .orderBy('id')
        .execute();
      return rows.map(toPermission);
    },
    async expireDuePermissions(now) {
      const rows = await db
        .updateTable('permissions')
        .set({ status: 'expired', answered_at: now })
        .where('status', '=', 'pending')
        .where('expires_at', '<=', now)
        .returningAll()
        .execute();
      return rows.map(toPermission);
    },

    async recordJoinFailure(keys, at) {
      if (keys.length === 0) return;
      await db
        .insertInto('join_failures')
        .values(keys.map((key) => ({ id: newId(), key, at })))
        .execute();
    },
    async countJoinFailures(key, since) {
      const r = await db
        .selectFrom('join_failures')
        .select(db.fn.countAll().as('n'))
        .where('key', '=', key)
        .where('at', '>', since)
        .executeTakeFirstOrThrow();
      return Number(r.n);
    },
    async pruneJoinFailures(before) {
      await db.deleteFrom('join_failures').where('at', '<', before).execute();
    },
  };
}
