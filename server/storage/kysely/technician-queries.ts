/**
 * Technicians and console sign-ins over Kysely.
 */
import type { Kysely } from 'kysely';
import type { TechnicianStore } from '../../core/ports.js';
import { toTechnician } from '../rows.js';
import type { Database } from '../schema.js';

/** The {@link TechnicianStore} part of the store. */
export function technicianQueries(db: Kysely<Database>): TechnicianStore {
  return {
    async countTechnicians() {
      const r = await db.selectFrom('technicians').select(db.fn.countAll().as('n')).executeTakeFirstOrThrow();
      return Number(r.n);
    },
    async insertTechnician(t) {
      await db
        .insertInto('technicians')
        .values({ id: t.id, email: t.email, name: t.name, role: t.role, password_hash: t.passwordHash, created_at: t.createdAt })
        .execute();
    },
    async findTechnicianByEmail(email) {
      const r = await db.selectFrom('technicians').selectAll().where('email', '=', email).executeTakeFirst();
      return r && toTechnician(r);
    },
    async findTechnicianById(id) {
      const r = await db.selectFrom('technicians').selectAll().where('id', '=', id).executeTakeFirst();
      return r && toTechnician(r);
    },
    async listTechnicians() {
      const rows = await db.selectFrom('technicians').selectAll().orderBy('name').orderBy('id').execute();
      return rows.map(toTechnician);
    },
    async updateTechnicianPassword(id, passwordHash) {
      await db.updateTable('technicians').set({ password_hash: passwordHash }).where('id', '=', id).execute();
    },

    async insertAuthSession(s) {
      await db
        .insertInto('auth_sessions')
        .values({ token_hash: s.tokenHash, technician_id: s.technicianId, created_at: s.createdAt, expires_at: s.expiresAt })
        .execute();
    },
    async findAuthSession(tokenHash) {
      const r = await db.selectFrom('auth_sessions').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
      return (
        r && { tokenHash: r.token_hash, technicianId: r.technician_id, createdAt: Number(r.created_at), expiresAt: Number(r.expires_at) }
      );
    },
    async deleteAuthSession(tokenHash) {
      await db.deleteFrom('auth_sessions').where('token_hash', '=', tokenHash).execute();
    },
  };
}
