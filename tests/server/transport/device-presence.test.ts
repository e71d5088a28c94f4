/**
 * U-6 over the real server: a device's presence is a lease its server process renews on a
 * heartbeat. A device whose process died unheard (stored online, no socket anywhere) reads offline
 * once its lease lapses, on the test clock, and a starting server clears it at once.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { PRESENCE_HEARTBEAT_MS, PRESENCE_LEASE_MS } from '../../../server/core/device-presence.js';
import type { Device } from '../../../server/core/unattended-model.js';
import { buildTestServer, emitAck, nextEvent, testClock, valueOf } from '../../support/test-server.js';
import { DEVICE_SYSTEM, deviceFixture, type DeviceFixture } from './device-fixtures.js';
import { startTeam, type Team } from './team.js';

describe('U-6: device presence as a lease', () => {
  const clock = testClock();
  let team: Team;
  let devices: DeviceFixture;

  before(async () => {
    team = await startTeam({ trustProxy: true, env: clock.env });
    devices = await deviceFixture(team);
  });
  after(async () => {
    devices?.close();
    await team?.close();
  });

  /** A device stored online whose process is gone: nobody holds its socket, nobody renews it. */
  const ghost = async (name: string): Promise<Device> => {
    const d: Device = {
      id: `ghost-${name}`,
      channelId: team.demoId,
      name,
      secretHash: 'unused',
      os: 'linux',
      elevated: false,
      version: 'test',
      system: DEVICE_SYSTEM,
      registeredAt: clock.now(),
      lastSeenAt: clock.now(),
      online: true,
      renamedAt: null,
      removedAt: null,
    };
    await team.server.store.insertDevice(d);
    return d;
  };
  const listed = async (id: string) => valueOf(await emitAck(team.bob.socket, 'devices:list', {})).find((d) => d.id === id);

  test('a held device stays online across heartbeats; one nobody renews reads offline when its lease lapses, then is swept', async () => {
    const { device } = await devices.registered('Held');
    const lost = await ghost('Lost');
    assert.equal((await listed(lost.id))?.online, true, 'fresh: nothing tells it apart yet');

    clock.advance(PRESENCE_HEARTBEAT_MS);
    assert.deepEqual(await team.server.app.heartbeat(), []);
    clock.advance(PRESENCE_LEASE_MS - PRESENCE_HEARTBEAT_MS);
    // Before any sweep, the list already reads the lapsed lease.
    assert.deepEqual([(await listed(lost.id))?.online, (await listed(device.deviceId))?.online], [false, true]);

    const told = nextEvent(team.bob.socket, 'device:updated', (d) => d.id === lost.id);
    assert.deepEqual(await team.server.app.heartbeat(), [lost.id], 'only the device nobody renewed');
    const shown = await told;
    assert.deepEqual([shown.online, shown.lastSeenAt], [false, lost.lastSeenAt], 'offline with its last contact');
    assert.equal((await team.server.store.findDevice(lost.id))?.online, false);
    assert.equal((await listed(device.deviceId))?.online, true);
    const reach = await emitAck(team.bob.socket, 'device:connect', { deviceId: lost.id });
    assert.equal(reach.ok ? '' : reach.error, 'not_found');
  });

  test('a held device marked offline by a racing sweep is online again after the next heartbeat', async () => {
    const { device } = await devices.registered('Raced');
    await team.server.store.deviceOfflineIfSeenAt(device.deviceId, (await team.server.store.findDevice(device.deviceId))!.lastSeenAt);
    assert.equal((await listed(device.deviceId))?.online, false);
    await team.server.app.heartbeat();
    assert.equal((await listed(device.deviceId))?.online, true);
  });

  test('a lapsed device ends its live connection as gone offline', async () => {
    const lost = await ghost('Busy');
    const session = 'ghost-session';
    await team.server.store.insertDeviceConnection({
      id: 'ghost-connection',
      deviceId: lost.id,
      channelId: team.demoId,
      sessionId: session,
      clientId: 'ghost-client',
      technician: { id: team.bob.id, name: 'Bob' },
      startedAt: clock.now(),
      endedAt: null,
      endReason: null,
    });
    clock.advance(PRESENCE_LEASE_MS);
    assert.ok((await team.server.app.heartbeat()).includes(lost.id));
    const [logged] = valueOf(await emitAck(team.bob.socket, 'device:connections', { deviceId: lost.id }));
    assert.equal(logged.endReason, 'the device went offline');
  });

  test('a starting server clears the devices no process holds, at once, and leaves the rest to their lease', async () => {
    const lost = await ghost('Crashed');
    const second = await buildTestServer({ storage: team.server.storage, env: clock.env });
    try {
      assert.equal((await second.store.findDevice(lost.id))?.online, false, 'cleared on start, without waiting for the lease');
    } finally {
      await second.close();
    }
  });
});
