/**
 * Unattended settings, devices, their connection log and support clients' resume hashes over Kysely.
 */
import type { Kysely } from 'kysely';
import type { UnattendedStore } from '../../core/unattended-model.js';
import type { Database } from '../schema.js';
import {
  fromConnection,
  fromDevice,
  fromDeviceEvent,
  fromSettings,
  toConnection,
  toDevice,
  toDeviceEvent,
  toSettings,
} from '../unattended-schema.js';

/** The {@link UnattendedStore} part of the store. */
export function unattendedQueries(db: Kysely<Database>): UnattendedStore {
  const liveConnection = () => db.selectFrom('device_connections').selectAll().where('ended_at', 'is', null).orderBy('started_at', 'desc');

  return {
    async findUnattendedSettings(channelId) {
      const r = await db.selectFrom('unattended_settings').selectAll().where('channel_id', '=', channelId).executeTakeFirst();
      return r && toSettings(r);
    },
    async saveUnattendedSettings(s) {
      const row = fromSettings(s);
      const { channel_id: _, ...rest } = row;
      await db
        .insertInto('unattended_settings')
        .values(row)
        .onConflict((c) => c.column('channel_id').doUpdateSet(rest))
        .execute();
    },

    async insertDevice(d) {
      await db.insertInto('devices').values(fromDevice(d)).execute();
    },
    async findDevice(id) {
      const r = await db.selectFrom('devices').selectAll().where('id', '=', id).executeTakeFirst();
      return r && toDevice(r);
    },
    async deviceRegistered(id, d, at) {
      await db
        .updateTable('devices')
        .set({
          name: d.name,
          os: d.os,
          elevated: d.elevated ? 1 : 0,
          version: d.version,
          system_info: d.system ? JSON.stringify(d.system) : null,
          last_seen_at: at,
          online: 1,
        })
        .where('id', '=', id)
        .execute();
    },
    async deviceOffline(id, at) {
      await db.updateTable('devices').set({ online: 0, last_seen_at: at }).where('id', '=', id).execute();
    },
    async listDevices(channelIds) {
      if (channelIds.length === 0) return [];
      const rows = await db
        .selectFrom('devices')
        .selectAll()
        .where('channel_id', 'in', channelIds)
        .where('removed_at', 'is', null)
        .orderBy('name')
        .orderBy('id')
        .execute();
      return rows.map(toDevice);
    },
    async listOnlineDevices() {
      const rows = await db.selectFrom('devices').selectAll().where('online', '=', 1).orderBy('id').execute();
      return rows.map(toDevice);
    },
    async refreshDevicePresence(ids, at) {
      if (ids.length === 0) return;
      await db.updateTable('devices').set({ last_seen_at: at, online: 1 }).where('id', 'in', ids).where('removed_at', 'is', null).execute();
    },
    async expireDevicePresence(before) {
      const rows = await db
        .updateTable('devices')
        .set({ online: 0 })
        .where('online', '=', 1)
        .where('last_seen_at', '<', before)
        .returning('id')
        .execute();
      return rows.map((r) => r.id);
    },
    async deviceOfflineIfSeenAt(id, seenAt) {
      const r = await db
        .updateTable('devices')
        .set({ online: 0 })
        .where('id', '=', id)
        .where('online', '=', 1)
        .where('last_seen_at', '=', seenAt)
        .executeTakeFirst();
      return Number(r.numUpdatedRows) === 1;
    },
    async renameDevice(id, name, at) {
      await db.updateTable('devices').set({ name, renamed_at: at }).where('id', '=', id).execute();
    },
    async removeDevice(id, at) {
      const r = await db
        .updateTable('devices')
        .set({ removed_at: at, online: 0 })
        .where('id', '=', id)
        .where('removed_at', 'is', null)
        .executeTakeFirst();
      return Number(r.numUpdatedRows) === 1;
    },
    async insertDeviceEvent(e) {
      await db.insertInto('device_events').values(fromDeviceEvent(e)).execute();
    },
    async listDeviceEvents(deviceId, limit) {
      const rows = await db
        .selectFrom('device_events')
        .selectAll()
        .where('device_id', '=', deviceId)
        .orderBy('at', 'desc')
        .orderBy('id', 'desc')
        .limit(limit)
        .execute();
      return rows.map(toDeviceEvent);
    },

    async insertDeviceConnection(c) {
      await db.insertInto('device_connections').values(fromConnection(c)).execute();
    },
    async findDeviceConnection(id) {
      const r = await db.selectFrom('device_connections').selectAll().where('id', '=', id).executeTakeFirst();
      return r && toConnection(r);
    },
    async findLiveDeviceConnection(deviceId) {
      const r = await liveConnection().where('device_id', '=', deviceId).executeTakeFirst();
      return r && toConnection(r);
    },
    async findLiveConnectionOfSession(sessionId) {
      const r = await liveConnection().where('session_id', '=', sessionId).executeTakeFirst();
      return r && toConnection(r);
    },
    async findConnectionOfSession(sessionId) {
      const r = await db
        .selectFrom('device_connections')
        .selectAll()
        .where('session_id', '=', sessionId)
        .orderBy('started_at', 'desc')
        .orderBy('id', 'desc')
        .executeTakeFirst();
      return r && toConnection(r);
    },
    async endDeviceConnection(id, at, reason) {
      const r = await db
        .updateTable('device_connections')
        .set({ ended_at: at, end_reason: reason })
        .where('id', '=', id)
        .where('ended_at', 'is', null)
        .executeTakeFirst();
      return Number(r.numUpdatedRows) === 1;
    },
    async listDeviceConnections(deviceId, limit) {
      const rows = await db
        .selectFrom('device_connections')
        .selectAll()
        .where('device_id', '=', deviceId)
        .orderBy('started_at', 'desc')
        .orderBy('id', 'desc')
        .limit(limit)
        .execute();
      return rows.map(toConnection);
    },

    async setSupportClientResume(clientId, resumeHash) {
      await db.updateTable('support_clients').set({ resume_hash: resumeHash }).where('id', '=', clientId).execute();
    },
    async resumeSupportClient(clientId, resumeHash, at) {
      const r = await db
        .updateTable('support_clients')
        .set({ ended_at: null, connected_at: at })
        .where('id', '=', clientId)
        .where('resume_hash', '=', resumeHash)
        .executeTakeFirst();
      return Number(r.numUpdatedRows) === 1;
    },
  };
}
