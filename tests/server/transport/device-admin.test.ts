/**
 * U-8, U-9 over HTTP and the sockets: admins rename and remove devices; bodies are validated; each
 * change is in the device's log; a removed device's connection ends, its socket is closed, and its
 * credential is refused when it registers again, until it registers anew with the channel key.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { DeviceEventView, DeviceView } from '../../../src/protocol/index.js';
import { api, emitAck, nextEvent, valueOf } from '../../support/test-server.js';
import { clientAck, nextClientEvent } from '../../support/test-support-client.js';
import { deviceFixture, type DeviceFixture } from './device-fixtures.js';
import { startTeam, type Team } from './team.js';

describe('U-8, U-9: renaming and removing devices', () => {
  let team: Team;
  let devices: DeviceFixture;

  before(async () => {
    team = await startTeam({ trustProxy: true });
    devices = await deviceFixture(team);
  });
  after(async () => {
    devices?.close();
    await team?.close();
  });

  const url = (id: string) => `/api/devices/${id}`;

  test('U-8: an admin renames a device; members hear it; the name outlives the device registering again', async () => {
    const { socket, device } = await devices.registered('PC-17');
    const heard = nextEvent(team.bob.socket, 'device:updated', (d) => d.id === device.deviceId && d.name === 'Reception PC');
    const r = await api<DeviceView>(team.server, team.admin.cookie, 'PATCH', url(device.deviceId), { name: '  Reception PC ' });
    assert.ok(r.body.ok, JSON.stringify(r.body));
    assert.deepEqual([r.body.value.name, r.body.value.online], ['Reception PC', true]);
    await heard;

    socket.disconnect();
    const again = await devices.socket();
    valueOf(await devices.register(again, { device: { id: device.deviceId, secret: device.secret ?? '' }, name: 'PC-17' }));
    assert.equal((await team.server.store.findDevice(device.deviceId))?.name, 'Reception PC', 'its own report does not undo the rename');

    const log = await api<DeviceEventView[]>(team.server, team.admin.cookie, 'GET', `${url(device.deviceId)}/events`);
    assert.ok(log.body.ok);
    assert.deepEqual(
      log.body.value.map((e) => [e.action, e.actor.name, e.summary]),
      [['renamed', 'Admin', 'Admin renamed it from "PC-17" to "Reception PC".']],
    );
  });

  test('U-8, U-9: technicians may not; bad bodies and unknown devices change nothing', async () => {
    const { device } = await devices.registered('Kiosk');
    const bob = await api(team.server, team.bob.cookie, 'PATCH', url(device.deviceId), { name: 'Mine' });
    assert.deepEqual([bob.status, !bob.body.ok && bob.body.error], [403, 'forbidden']);
    const bobRemove = await api(team.server, team.bob.cookie, 'DELETE', url(device.deviceId));
    assert.equal(bobRemove.status, 403);
    const bobLog = await api(team.server, team.bob.cookie, 'GET', `${url(device.deviceId)}/events`);
    assert.equal(bobLog.status, 403);
    for (const body of [{ name: '' }, { name: '   ' }, { name: 'ok', extra: 1 }, { name: 7 }, {}]) {
      const bad = await api(team.server, team.admin.cookie, 'PATCH', url(device.deviceId), body);
      assert.deepEqual([bad.status, !bad.body.ok && bad.body.error], [400, 'invalid_payload'], JSON.stringify(body));
    }
    const long = await api(team.server, team.admin.cookie, 'PATCH', url(device.deviceId), { name: 'x'.repeat(101) });
    assert.deepEqual([long.status, !long.body.ok && long.body.error], [413, 'payload_too_large']);
    const removeWithBody = await api(team.server, team.admin.cookie, 'DELETE', url(device.deviceId), { really: true });
    assert.equal(removeWithBody.status, 400);
    const unknown = await api(team.server, team.admin.cookie, 'PATCH', url('no-such-device'), { name: 'x' });
    assert.equal(unknown.status, 404);
    const anonymous = await api(team.server, '', 'DELETE', url(device.deviceId));
    assert.equal(anonymous.status, 401);
    const stored = await team.server.store.findDevice(device.deviceId);
    assert.deepEqual([stored?.name, stored?.renamedAt, stored?.removedAt], ['Kiosk', null, null]);
    assert.deepEqual(await team.server.store.listDeviceEvents(device.deviceId, 10), []);
  });

  test('U-9: removing ends the connection, closes the socket, drops the device from lists, and refuses its credential', async () => {
    const { socket, device } = await devices.registered('Old laptop');
    const connection = valueOf(await emitAck(team.bob.socket, 'device:connect', { deviceId: device.deviceId }));
    valueOf(await clientAck(socket, 'device:attach', { connectionId: connection.id }));
    const ended = nextClientEvent(socket, 'client:ended');
    const closed = new Promise<string>((resolve) => socket.once('disconnect', resolve));
    const gone = nextEvent(team.bob.socket, 'device:removed', (p) => p.deviceId === device.deviceId);

    const r = await api<DeviceEventView>(team.server, team.admin.cookie, 'DELETE', url(device.deviceId));
    assert.ok(r.body.ok, JSON.stringify(r.body));
    assert.equal(r.body.value.summary, 'Admin removed the device "Old laptop".');
    assert.match((await ended).message, /the device was removed by Admin/);
    assert.equal(await closed, 'io server disconnect');
    assert.deepEqual(await gone, { deviceId: device.deviceId, channelId: team.demoId });

    const list = valueOf(await emitAck(team.bob.socket, 'devices:list', {}));
    assert.ok(!list.some((d) => d.id === device.deviceId));
    const log = await emitAck(team.bob.socket, 'device:connections', { deviceId: device.deviceId });
    assert.equal(log.ok ? '' : log.error, 'not_found');
    const stored = await team.server.store.listDeviceConnections(device.deviceId, 5);
    assert.equal(stored[0]?.endReason, 'the device was removed by Admin', 'its connection log stays');
    const connect = await emitAck(team.bob.socket, 'device:connect', { deviceId: device.deviceId });
    assert.equal(connect.ok ? '' : connect.error, 'not_found');
    const twice = await api(team.server, team.admin.cookie, 'DELETE', url(device.deviceId));
    assert.equal(twice.status, 404);
    const changes = await api<DeviceEventView[]>(team.server, team.admin.cookie, 'GET', `${url(device.deviceId)}/events`);
    assert.deepEqual(changes.body.ok && changes.body.value.map((e) => e.action), ['removed'], 'who removed it stays on record');

    const back = await devices.register(await devices.socket(), { device: { id: device.deviceId, secret: device.secret ?? '' } });
    assert.equal(back.ok ? '' : back.error, 'not_found');
    assert.match(back.ok ? '' : back.message, /removed from the console/);
    const anew = valueOf(await devices.register(await devices.socket(), { device: null, name: 'Old laptop' }));
    assert.notEqual(anew.deviceId, device.deviceId, 'with the channel key alone it registers as a new device');
    assert.ok(anew.secret);
  });
});
