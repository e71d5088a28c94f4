/**
 * Channels and channel members over Kysely.
 */
import type { Kysely } from 'kysely';
import type { ChannelStore } from '../../core/ports.js';
import { fromChannel, toChannel } from '../rows.js';
import type { Database } from '../schema.js';

/** The {@link ChannelStore} part of the store. */
export function channelQueries(db: Kysely<Database>): ChannelStore {
  return {
    async insertChannel(c) {
      await db.insertInto('channels').values(fromChannel(c)).execute();
    },
    async updateChannel(c) {
      const { id: _id, created_at: _created, ...fields } = fromChannel(c);
      await db.updateTable('channels').set(fields).where('id', '=', c.id).execute();
    },
    async findChannelByKey(key) {
      const r = await db.selectFrom('channels').selectAll().where('key', '=', key).executeTakeFirst();
      return r && toChannel(r);
    },
    async findChannelById(id) {
      const r = await db.selectFrom('channels').selectAll().where('id', '=', id).executeTakeFirst();
      return r && toChannel(r);
    },
    async listChannels() {
      const rows = await db.selectFrom('channels').selectAll().orderBy('name').orderBy('id').execute();
      return rows.map(toChannel);
    },
    async addChannelMember(channelId, technicianId) {
      await db
        .insertInto('channel_members')
        .values({ channel_id: channelId, technician_id: technicianId })
        .onConflict((oc) => oc.columns(['channel_id', 'technician_id']).doNothing())
        .execute();
    },
    async setChannelMembers(channelId, technicianIds) {
      await db.transaction().execute(async (trx) => {
        await trx.deleteFrom('channel_members').where('channel_id', '=', channelId).execute();
        const unique = [...new Set(technicianIds)];
        if (unique.length > 0) {
          await trx
            .insertInto('channel_members')
            .values(unique.map((technician_id) => ({ channel_id: channelId, technician_id })))
            .execute();
        }
      });
    },
    async listChannelMembers(channelId) {
      return db
        .selectFrom('channel_members as m')
        .innerJoin('technicians as t', 't.id', 'm.technician_id')
        .select(['t.id as id', 't.name as name'])
        .where('m.channel_id', '=', channelId)
        .orderBy('t.name')
        .execute();
    },
    async listChannelIdsOf(technicianId) {
      const rows = await db.selectFrom('channel_members').select('channel_id').where('technician_id', '=', technicianId).execute();
      return rows.map((r) => r.channel_id);
    },
  };
}
