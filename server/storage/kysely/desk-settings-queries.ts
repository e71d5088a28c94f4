/**
 * Desk rules and technician groups over Kysely.
 */
import type { Kysely } from 'kysely';
import type { DeskSettingsStore } from '../../core/desk/desk-ports.js';
import type { TechnicianGroup } from '../../core/desk/desk-model.js';
import { fromRule, toRule } from '../desk-rows.js';
import type { Database } from '../schema.js';

/** The {@link DeskSettingsStore} part of the store. */
export function deskSettingsQueries(db: Kysely<Database>): DeskSettingsStore {
  const groupsWhere = async (id?: string): Promise<TechnicianGroup[]> => {
    let q = db.selectFrom('technician_groups').selectAll();
    if (id) q = q.where('id', '=', id);
    const groups = await q.orderBy('name').orderBy('id').execute();
    if (groups.length === 0) return [];
    const members = await db
      .selectFrom('technician_group_members')
      .select(['group_id', 'technician_id'])
      .where(
        'group_id',
        'in',
        groups.map((g) => g.id),
      )
      .orderBy('technician_id')
      .execute();
    return groups.map((g) => ({
      id: g.id,
      name: g.name,
      createdAt: Number(g.created_at),
      memberIds: members.filter((m) => m.group_id === g.id).map((m) => m.technician_id),
    }));
  };

  return {
    async listRules() {
      const rows = await db.selectFrom('desk_rules').selectAll().orderBy('position').orderBy('created_at').orderBy('id').execute();
      return rows.map(toRule);
    },
    async findRule(id) {
      const r = await db.selectFrom('desk_rules').selectAll().where('id', '=', id).executeTakeFirst();
      return r && toRule(r);
    },
    async insertRule(r) {
      await db.insertInto('desk_rules').values(fromRule(r)).execute();
    },
    async updateRule(r) {
      const { id: _id, created_at: _c, ...fields } = fromRule(r);
      await db.updateTable('desk_rules').set(fields).where('id', '=', r.id).execute();
    },
    async deleteRule(id) {
      await db.deleteFrom('desk_rules').where('id', '=', id).execute();
    },
    async setRuleOrder(ids) {
      await db.transaction().execute(async (trx) => {
        for (const [position, id] of ids.entries()) await trx.updateTable('desk_rules').set({ position }).where('id', '=', id).execute();
      });
    },

    listGroups: () => groupsWhere(),
    async findGroup(id) {
      return (await groupsWhere(id))[0];
    },
    async saveGroup(g) {
      await db.transaction().execute(async (trx) => {
        await trx
          .insertInto('technician_groups')
          .values({ id: g.id, name: g.name, created_at: g.createdAt })
          .onConflict((oc) => oc.column('id').doUpdateSet({ name: g.name }))
          .execute();
        await trx.deleteFrom('technician_group_members').where('group_id', '=', g.id).execute();
        const unique = [...new Set(g.memberIds)];
        if (unique.length) {
          await trx
            .insertInto('technician_group_members')
            .values(unique.map((technician_id) => ({ group_id: g.id, technician_id })))
            .execute();
        }
      });
    },
    async deleteGroup(id) {
      await db.deleteFrom('technician_groups').where('id', '=', id).execute();
    },
  };
}
