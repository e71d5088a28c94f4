/**
 * Contract: unattended settings, devices, their connection log, and support clients' resume hashes (U-*, E-14).
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { SupportClient } from '../../../../server/core/escalation-model.js';
import type { Store } from '../../../../server/core/ports.js';
import type { Device, DeviceConnection } from '../../../../server/core/unattended-model.js';
import type { SystemInfo } from '../../../../src/protocol/index.js';
import { seedChannel, seedSession, T0, uid } from './fixtures.js';

const system: SystemInfo = {
  os: 'linux',
  platform: 'linux',
  release: '6.1',
  arch: 'x64',
  hostname: 'reception-pc',
  user: 'svc',
  elevated: true,
  cpus: 4,
  memoryMb: 8192,
  node: 'v20.0.0',
  pty: false,
};

const device = (channelId: string, over: Partial<Device> = {}): Device => ({
  id: uid('dev'),
  channelId,
  name: 'Reception PC',
  secretHash: uid('hash'),
  os: 'linux',
  elevated: true,
  version: '0.1.0',
  system,
  registeredAt: T0,
  lastSeenAt: T0,
  online: true,
  renamedAt: null,
  removedAt: null,
  ...over,
});

const connection = (d: Device, sessionId: string, over: Partial<DeviceConnection> = {}): DeviceConnection => ({
  id: uid('conn'),
  deviceId: d.id,
  channelId: d.channelId,
  sessionId,
  clientId: uid('cl'),
  technician: { id: 'tech-1', name: 'Ada' },
  startedAt: T0,
  endedAt: null,
  endReason: null,
  ...over,
});

const client = (sessionId: string): SupportClient => ({
  id: uid('cl'),
  sessionId,
  ticketId: uid('esc'),
  os: 'linux',
  elevated: false,
  version: '0.1.0',
  system: null,
  connectedAt: T0,
  endedAt: null,
});

/** Declares the unattended tests against the store `getStore` returns. */
export function unattendedContract(getStore: () => Store): void {
  describe('unattended access', () => {
    test('U-1: a channel has no settings until saved; saving twice keeps the last, with every field', async () => {
      const store = getStore();
      const channel = await seedChannel(store);
      assert.equal(await store.findUnattendedSettings(channel.id), undefined);
      await store.saveUnattendedSettings({
        channelId: channel.id,
        allowed: true,
        keyHash: 'h1',
        keyCreatedAt: T0,
        capabilities: ['shell'],
      });
      const last = {
        channelId: channel.id,
        allowed: false,
        keyHash: 'h2',
        keyCreatedAt: T0 + 1,
        capabilities: ['files' as const, 'system' as const],
      };
      await store.saveUnattendedSettings(last);
      assert.deepEqual(await store.findUnattendedSettings(channel.id), last);
    });

    test('U-3: a device is found with every field; registering again updates it and marks it online', async () => {
      const store = getStore();
      const channel = await seedChannel(store);
      const d = device(channel.id, { online: false });
      await store.insertDevice(d);
      assert.deepEqual(await store.findDevice(d.id), d);
      await store.deviceRegistered(d.id, { name: 'Front desk', os: 'windows', elevated: false, version: '0.2.0', system: null }, T0 + 5);
      assert.deepEqual(await store.findDevice(d.id), {
        ...d,
        name: 'Front desk',
        os: 'windows',
        elevated: false,
        version: '0.2.0',
        system: null,
        lastSeenAt: T0 + 5,
        online: true,
      });
      await store.deviceOffline(d.id, T0 + 9);
      const off = await store.findDevice(d.id);
      assert.deepEqual([off?.online, off?.lastSeenAt], [false, T0 + 9]);
    });

    test('U-3: devices are listed for the given channels only, by name', async () => {
      const store = getStore();
      const [a, b] = [await seedChannel(store, 'A'), await seedChannel(store, 'B')];
      const zed = device(a.id, { name: 'Zed' });
      const abe = device(a.id, { name: 'Abe' });
      for (const d of [zed, abe, device(b.id)]) await store.insertDevice(d);
      assert.deepEqual(
        (await store.listDevices([a.id])).map((d) => d.id),
        [abe.id, zed.id],
      );
      assert.deepEqual(await store.listDevices([]), []);
    });

    test('U-6: heartbeats renew only the given devices; the sweep takes lapsed leases once', async () => {
      const store = getStore();
      const channel = await seedChannel(store);
      const held = device(channel.id, { lastSeenAt: T0 });
      const orphan = device(channel.id, { lastSeenAt: T0 });
      const off = device(channel.id, { online: false, lastSeenAt: T0 });
      const removed = device(channel.id, { online: false, lastSeenAt: T0, removedAt: T0 });
      for (const d of [held, orphan, off, removed]) await store.insertDevice(d);
      const ours = new Set([held.id, orphan.id, off.id, removed.id]);
      const online = async () => (await store.listOnlineDevices()).filter((d) => ours.has(d.id)).map((d) => d.id);
      assert.deepEqual((await online()).sort(), [held.id, orphan.id].sort());
      await store.refreshDevicePresence([held.id, off.id, removed.id], T0 + 100);
      assert.equal((await store.findDevice(held.id))?.lastSeenAt, T0 + 100);
      // Its process holds its socket: a sweep that raced with its registration is undone.
      assert.deepEqual(await store.findDevice(off.id), { ...off, online: true, lastSeenAt: T0 + 100 });
      assert.deepEqual(await store.findDevice(removed.id), removed, 'a removed device is not brought back');
      await store.refreshDevicePresence([], T0 + 200);
      const swept = (await store.expireDevicePresence(T0 + 50)).filter((id) => ours.has(id));
      assert.deepEqual(swept, [orphan.id]);
      assert.deepEqual(
        (await store.expireDevicePresence(T0 + 50)).filter((id) => ours.has(id)),
        [],
      );
      const gone = await store.findDevice(orphan.id);
      assert.deepEqual([gone?.online, gone?.lastSeenAt], [false, T0], 'its last contact stays');
      assert.deepEqual((await online()).sort(), [held.id, off.id].sort());
    });

    test('U-6: a starting server clears a device only while it is as it read it', async () => {
      const store = getStore();
      const channel = await seedChannel(store);
      const d = device(channel.id, { lastSeenAt: T0 });
      await store.insertDevice(d);
      // It registered again (with another process) after the read: left alone.
      await store.deviceRegistered(d.id, { name: d.name, os: d.os, elevated: d.elevated, version: d.version, system: d.system }, T0 + 5);
      assert.equal(await store.deviceOfflineIfSeenAt(d.id, T0), false);
      assert.equal((await store.findDevice(d.id))?.online, true);
      assert.equal(await store.deviceOfflineIfSeenAt(d.id, T0 + 5), true);
      assert.equal(await store.deviceOfflineIfSeenAt(d.id, T0 + 5), false);
      assert.equal((await store.findDevice(d.id))?.online, false);
    });

    test('U-8, U-9: a renamed device keeps its new name and mark; a removed one is kept out of lists, once', async () => {
      const store = getStore();
      const channel = await seedChannel(store);
      const d = device(channel.id);
      await store.insertDevice(d);
      await store.renameDevice(d.id, 'Front desk', T0 + 1);
      assert.deepEqual(await store.findDevice(d.id), { ...d, name: 'Front desk', renamedAt: T0 + 1 });
      assert.equal(await store.removeDevice(d.id, T0 + 2), true);
      assert.equal(await store.removeDevice(d.id, T0 + 3), false);
      const removed = await store.findDevice(d.id);
      assert.deepEqual([removed?.removedAt, removed?.online], [T0 + 2, false], 'kept, so its credential can be refused');
      assert.deepEqual(await store.listDevices([channel.id]), []);
      assert.equal(
        (await store.listOnlineDevices()).some((x) => x.id === d.id),
        false,
      );
    });

    test('U-8, U-9: device events are kept with every field, newest first', async () => {
      const store = getStore();
      const channel = await seedChannel(store);
      const d = device(channel.id);
      await store.insertDevice(d);
      const actor = { id: 'tech-1', name: 'Ada' };
      const first = { id: uid('ev'), deviceId: d.id, at: T0, actor, action: 'renamed' as const, summary: 'Ada renamed it.' };
      const second = { id: uid('ev'), deviceId: d.id, at: T0 + 1, actor, action: 'removed' as const, summary: 'Ada removed it.' };
      await store.insertDeviceEvent(first);
      await store.insertDeviceEvent(second);
      assert.deepEqual(await store.listDeviceEvents(d.id, 10), [second, first]);
      assert.deepEqual(await store.listDeviceEvents(d.id, 1), [second]);
    });

    test('U-6: connections are logged newest first; only a live one is found live, and it ends once', async () => {
      const store = getStore();
      const channel = await seedChannel(store);
      const { session } = await seedSession(store, { channel });
      const d = device(channel.id);
      await store.insertDevice(d);
      const old = connection(d, session.id, { startedAt: T0, endedAt: T0 + 10, endReason: 'ended by Ada' });
      const live = connection(d, session.id, { startedAt: T0 + 20 });
      await store.insertDeviceConnection(old);
      await store.insertDeviceConnection(live);
      assert.deepEqual(await store.findDeviceConnection(old.id), old);
      assert.deepEqual(await store.findLiveDeviceConnection(d.id), live);
      assert.deepEqual(await store.findLiveConnectionOfSession(session.id), live);
      assert.deepEqual(await store.findConnectionOfSession(session.id), live);
      assert.equal(await store.findConnectionOfSession('no-such-session'), undefined);
      assert.equal(await store.endDeviceConnection(live.id, T0 + 30, 'the device went offline'), true);
      assert.equal(await store.endDeviceConnection(live.id, T0 + 40, 'again'), false);
      assert.equal(await store.findLiveDeviceConnection(d.id), undefined);
      assert.deepEqual(await store.findConnectionOfSession(session.id), {
        ...live,
        endedAt: T0 + 30,
        endReason: 'the device went offline',
      });
      assert.deepEqual(await store.listDeviceConnections(d.id, 10), [
        { ...live, endedAt: T0 + 30, endReason: 'the device went offline' },
        old,
      ]);
      assert.equal((await store.listDeviceConnections(d.id, 1)).length, 1);
    });

    test('E-14: a client resumes only with its resume hash, as connected anew; a cleared hash resumes nothing', async () => {
      const store = getStore();
      const { session } = await seedSession(store);
      const c = client(session.id);
      await store.insertSupportClient(c);
      await store.setSupportClientResume(c.id, 'resume-hash');
      await store.endSupportClient(c.id, T0 + 1);
      assert.equal(await store.resumeSupportClient(c.id, 'wrong', T0 + 2), false);
      assert.equal(await store.resumeSupportClient(c.id, 'resume-hash', T0 + 3), true);
      assert.deepEqual(await store.findSupportClient(c.id), { ...c, connectedAt: T0 + 3, endedAt: null, resumable: true });
      await store.setSupportClientResume(c.id, null);
      assert.equal(await store.resumeSupportClient(c.id, 'resume-hash', T0 + 4), false);
    });
  });
}
