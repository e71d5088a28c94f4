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
      assert.equal(await store.endDeviceConnection(live.id, T0 + 30, 'the device went offline'), true);
      assert.equal(await store.endDeviceConnection(live.id, T0 + 40, 'again'), false);
      assert.equal(await store.findLiveDeviceConnection(d.id), undefined);
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
