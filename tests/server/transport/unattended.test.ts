import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { DeviceRegistered, SystemInfo, UnattendedKeyView, UnattendedSettingsView } from '../../../src/protocol/index.js';
import { api, emitAck, nextEvent, valueOf } from '../../support/test-server.js';
import {
  clientAck,
  connectSupportClient,
  escalatedTicket,
  nextClientEvent,
  TEST_CLIENT,
  type SupportClientSocket,
} from '../../support/test-support-client.js';
import { startTeam, type Team } from './team.js';

const SYSTEM: SystemInfo = {
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

describe('U-*: unattended devices over the sockets', () => {
  let team: Team;
  let key: string;
  const sockets: SupportClientSocket[] = [];
  let address = 0;

  before(async () => {
    team = await startTeam({ trustProxy: true });
    key = (await rotate()).key;
  });
  after(async () => {
    for (const s of sockets) s.disconnect();
    await team?.close();
  });

  const settingsUrl = () => `/api/channels/${team.demoId}/unattended`;
  const rotate = async () => {
    const r = await api<UnattendedKeyView>(team.server, team.admin.cookie, 'POST', `/api/channels/${team.demoId}/unattended-key`);
    assert.ok(r.body.ok);
    return r.body.value;
  };
  const allow = async (allowed: boolean, capabilities = ['shell', 'files', 'system']) => {
    const r = await api<UnattendedSettingsView>(team.server, team.admin.cookie, 'PUT', settingsUrl(), { allowed, capabilities });
    assert.ok(r.body.ok, JSON.stringify(r.body));
  };
  /** A device socket from its own address, so rate limits of one test do not touch another. */
  const deviceSocket = async (ip = `198.51.100.${++address}`) => {
    const s = await connectSupportClient(team.server.url, { headers: { 'x-forwarded-for': ip } });
    sockets.push(s);
    return s;
  };
  const register = (s: SupportClientSocket, over: { key?: string; device?: { id: string; secret: string } | null; name?: string } = {}) =>
    clientAck(s, 'device:register', {
      key: over.key ?? key,
      device: over.device ?? null,
      name: over.name ?? 'Reception PC',
      client: TEST_CLIENT,
      system: SYSTEM,
    });
  const registered = async (name = 'Reception PC'): Promise<{ socket: SupportClientSocket; device: DeviceRegistered }> => {
    const socket = await deviceSocket();
    return { socket, device: valueOf(await register(socket, { name })) };
  };

  test('U-1, U-2: off by default; admins alone see the settings; the key is shown once and stored hashed', async () => {
    const fresh = await api<UnattendedSettingsView>(team.server, team.admin.cookie, 'GET', `/api/channels/${team.otherId}/unattended`);
    assert.deepEqual(fresh.body.ok && [fresh.body.value.allowed, fresh.body.value.keyCreatedAt], [false, null]);
    const bob = await api(team.server, team.bob.cookie, 'GET', settingsUrl());
    assert.equal(bob.status, 403);
    const bobKey = await api(team.server, team.bob.cookie, 'POST', `/api/channels/${team.demoId}/unattended-key`);
    assert.equal(bobKey.status, 403);
    const stored = await team.server.store.findUnattendedSettings(team.demoId);
    assert.ok(stored?.keyHash && !stored.keyHash.includes(key.split('.')[1]));
    const read = await api<UnattendedSettingsView>(team.server, team.admin.cookie, 'GET', settingsUrl());
    assert.ok(read.body.ok && !JSON.stringify(read.body.value).includes(key.split('.')[1]));
    const bad = await api(team.server, team.admin.cookie, 'PUT', settingsUrl(), { allowed: 'yes', capabilities: [] });
    assert.equal(bad.status, 400);
  });

  test('U-3: while the channel does not allow unattended access, the right key is refused', async () => {
    await allow(false);
    const r = await register(await deviceSocket());
    assert.equal(r.ok ? '' : r.error, 'forbidden');
  });

  test('U-3, U-4: a device registers, members see it online, outsiders neither see nor reach it', async () => {
    await allow(true);
    const seen = nextEvent(team.carol.socket, 'device:updated', (d) => d.name === 'Front desk');
    const { device } = await registered('Front desk');
    assert.match(device.secret ?? '', /^[A-Za-z0-9_-]{43}$/);
    assert.equal(device.channelName, 'Website');
    const shown = await seen;
    assert.deepEqual([shown.online, shown.system?.hostname, shown.connection], [true, 'reception-pc', null]);
    const list = valueOf(await emitAck(team.bob.socket, 'devices:list', {}));
    assert.ok(list.some((d) => d.id === device.deviceId && d.online));
    const daves = valueOf(await emitAck(team.dave.socket, 'devices:list', {}));
    assert.ok(!daves.some((d) => d.id === device.deviceId));
    const reach = await emitAck(team.dave.socket, 'device:connect', { deviceId: device.deviceId });
    assert.equal(reach.ok ? '' : reach.error, 'not_found');
    const log = await emitAck(team.dave.socket, 'device:connections', { deviceId: device.deviceId });
    assert.equal(log.ok ? '' : log.error, 'not_found');
  });

  test('U-3: with its id and secret a device comes back as itself; a wrong secret makes a new device', async () => {
    const first = await registered('Lab');
    first.socket.disconnect();
    const again = valueOf(
      await register(await deviceSocket(), { device: { id: first.device.deviceId, secret: first.device.secret ?? '' }, name: 'Lab' }),
    );
    assert.deepEqual([again.deviceId, again.secret], [first.device.deviceId, null]);
    const forged = valueOf(await register(await deviceSocket(), { device: { id: first.device.deviceId, secret: 'x'.repeat(43) } }));
    assert.notEqual(forged.deviceId, first.device.deviceId);
  });

  test('U-4..U-7: a member connects, uses the shell with nobody asked, ends it; every step is logged', async () => {
    await allow(true, ['shell']);
    const { socket, device } = await registered('Workshop');
    const requested = nextClientEvent(socket, 'device:connect-requested');
    const connection = valueOf(await emitAck(team.bob.socket, 'device:connect', { deviceId: device.deviceId }));
    const heard = await requested;
    assert.deepEqual([heard.connectionId, heard.technician.name, heard.organisation], [connection.id, 'Bob', 'Website']);
    const attached = valueOf(await clientAck(socket, 'device:attach', { connectionId: connection.id }));
    assert.deepEqual(attached.capabilities, ['shell']);
    const busy = await emitAck(team.carol.socket, 'device:connect', { deviceId: device.deviceId });
    assert.equal(busy.ok ? '' : busy.error, 'forbidden');

    const sessionId = connection.sessionId;
    const behind = valueOf(await emitAck(team.carol.socket, 'device:session-connection', { sessionId }));
    assert.deepEqual([behind?.id, behind?.deviceName, behind?.technician.name], [connection.id, 'Workshop', 'Bob']);
    const hidden = await emitAck(team.dave.socket, 'device:session-connection', { sessionId });
    assert.equal(hidden.ok ? '' : hidden.error, 'not_found', 'outsiders do not learn of it');
    const details = valueOf(await emitAck(team.bob.socket, 'session:details', { sessionId }));
    assert.deepEqual([details.session.origin, details.session.status], ['unattended', 'active']);
    const opened = nextClientEvent(socket, 'shell:open');
    const { shellId } = valueOf(await emitAck(team.bob.socket, 'client:shell-open', { sessionId, cols: 80, rows: 24 }));
    assert.equal((await opened).shellId, shellId);
    const shown = nextEvent(team.bob.socket, 'client:shell-output');
    valueOf(await clientAck(socket, 'shell:output', { shellId, seq: 1, data: 'uptime 3 days\r\n' }));
    assert.equal((await shown).data, 'uptime 3 days\r\n');
    const files = await emitAck(team.bob.socket, 'client:file-send', { sessionId, name: 'a.txt', size: 1 });
    assert.equal(files.ok ? '' : files.error, 'forbidden', 'files are not among the channel’s unattended capabilities');
    const more = await emitAck(team.bob.socket, 'client:grant-request', { sessionId, capability: 'files' });
    assert.equal(more.ok ? '' : more.error, 'forbidden');

    const ended = nextClientEvent(socket, 'client:ended');
    const outsider = await emitAck(team.dave.socket, 'device:disconnect', { connectionId: connection.id });
    assert.equal(outsider.ok ? '' : outsider.error, 'not_found');
    const done = valueOf(await emitAck(team.bob.socket, 'device:disconnect', { connectionId: connection.id }));
    assert.equal(done.endReason, 'ended by Bob');
    assert.match((await ended).message, /ended by Bob/);
    const after = await clientAck(socket, 'shell:output', { shellId, seq: 2, data: 'late' });
    assert.equal(after.ok ? '' : after.error, 'not_found');

    const endedBehind = valueOf(await emitAck(team.bob.socket, 'device:session-connection', { sessionId }));
    assert.equal(endedBehind?.endReason, 'ended by Bob');
    const log = valueOf(await emitAck(team.carol.socket, 'device:connections', { deviceId: device.deviceId }));
    assert.deepEqual(
      log.map((c) => [c.technician.name, c.sessionId, c.endReason, c.endedAt !== null]),
      [['Bob', sessionId, 'ended by Bob', true]],
    );
    const activity = (await team.server.store.listActivity(sessionId, 50)).map((a) => a.action);
    assert.deepEqual(
      activity.filter((a) => a.startsWith('device.')),
      ['device.connected', 'device.ended'],
    );
  });

  test('U-6: a device that goes away shows offline and its connection ends as such', async () => {
    await allow(true);
    const { socket, device } = await registered('Laptop');
    const connection = valueOf(await emitAck(team.bob.socket, 'device:connect', { deviceId: device.deviceId }));
    valueOf(await clientAck(socket, 'device:attach', { connectionId: connection.id }));
    const offline = nextEvent(team.bob.socket, 'device:updated', (d) => d.id === device.deviceId && !d.online);
    socket.disconnect();
    assert.equal((await offline).connection, null);
    const [logged] = valueOf(await emitAck(team.bob.socket, 'device:connections', { deviceId: device.deviceId }));
    assert.equal(logged.endReason, 'the device went offline');
    const again = await emitAck(team.bob.socket, 'device:connect', { deviceId: device.deviceId });
    assert.equal(again.ok ? '' : again.error, 'not_found');
  });

  test('U-3: an invalid payload is refused at the edge; an attach of someone else’s connection finds nothing', async () => {
    const s = await deviceSocket();
    const bad = await clientAck(s, 'device:register', { key: 'nope', device: null, name: '', client: TEST_CLIENT, system: SYSTEM });
    assert.equal(bad.ok ? '' : bad.error, 'invalid_payload');
    const early = await clientAck(s, 'device:attach', { connectionId: 'abc' });
    assert.equal(early.ok ? '' : early.error, 'unauthorized');
    const { sessionId } = await team.joined(team.bob);
    assert.equal(valueOf(await emitAck(team.bob.socket, 'device:session-connection', { sessionId })), null, 'an attended session has none');
    const invalid = await emitAck(team.bob.socket, 'device:session-connection', { sessionId: 'a b' });
    assert.equal(invalid.ok ? '' : invalid.error, 'invalid_payload');
  });

  test('E-14: an attended client rejoins its session with its resume credential, with what the visitor allowed', async () => {
    const { sessionId, widget } = await team.joined(team.bob);
    const t = await escalatedTicket(team.bob.socket, widget, sessionId);
    const first = await deviceSocket();
    const redeemed = valueOf(await clientAck(first, 'client:redeem', { secret: { token: t.token }, client: TEST_CLIENT }));
    const asked = nextClientEvent(first, 'grant:requested');
    valueOf(await emitAck(team.bob.socket, 'client:grant-request', { sessionId, capability: 'shell' }));
    valueOf(await clientAck(first, 'grant:answer', { grantId: (await asked).id, allow: true }));

    const second = await deviceSocket();
    const wrong = await clientAck(second, 'client:resume', { clientId: redeemed.clientId, resume: 'x'.repeat(43) });
    assert.equal(wrong.ok ? '' : wrong.error, 'not_found');
    // The server may not have seen the first socket go yet: the rejoin takes over from it.
    const kicked = new Promise<string>((resolve) => first.once('disconnect', resolve));
    const back = valueOf(await clientAck(second, 'client:resume', { clientId: redeemed.clientId, resume: redeemed.resume }));
    assert.deepEqual([back.sessionId, back.granted], [sessionId, ['shell']]);
    assert.equal(await kicked, 'io server disconnect');
    const status = valueOf(await emitAck(team.bob.socket, 'client:status', { sessionId }));
    assert.equal(status?.endedAt, null, 'the replaced socket did not end the client');
    const opened = nextClientEvent(second, 'shell:open');
    valueOf(await emitAck(team.bob.socket, 'client:shell-open', { sessionId, cols: 80, rows: 24 }));
    await opened;

    valueOf(await clientAck(second, 'client:end', {}));
    const third = await deviceSocket();
    const afterEnd = await clientAck(third, 'client:resume', { clientId: redeemed.clientId, resume: redeemed.resume });
    assert.equal(afterEnd.ok ? '' : afterEnd.error, 'not_found', 'a client the visitor ended does not come back');
  });

  test('U-2: wrong channel keys are refused, then rate limited per address even with the right key', async () => {
    await allow(true);
    const ip = '203.0.113.9';
    const wrong = `${team.demoId}.${'w'.repeat(43)}`;
    for (let i = 0; i < 6; i++) {
      const r = await register(await deviceSocket(ip), { key: wrong });
      assert.equal(r.ok ? '' : r.error, 'unauthorized');
    }
    const limited = await register(await deviceSocket(ip));
    assert.equal(limited.ok ? '' : limited.error, 'rate_limited');
    assert.ok((await register(await deviceSocket())).ok, 'another address is not limited');
    const old = key;
    key = (await rotate()).key;
    const stale = await register(await deviceSocket(), { key: old });
    assert.equal(stale.ok ? '' : stale.error, 'unauthorized', 'a replaced key stops working');
  });
});
