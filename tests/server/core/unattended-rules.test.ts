import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { clientMayUse, requestClientGrant } from '../../../server/core/client-grant-rules.js';
import { PRESENCE_LEASE_MS } from '../../../server/core/device-presence.js';
import type { Device, DeviceConnection, UnattendedSettings } from '../../../server/core/unattended-model.js';
import {
  channelIdOfKey,
  checkChannelKey,
  constantTimeEqual,
  knownDevice,
  mayConnect,
  mayDisconnect,
  mayManageDevice,
  newChannelKey,
  newUnattendedSession,
  returningDetails,
  settingsOf,
  unattendedClient,
} from '../../../server/core/unattended-rules.js';
import type { Technician } from '../../../server/core/model.js';
import { makeChannel, makeSession, T0 } from './fixtures.js';

const makeTechnician = (over: Partial<Technician> = {}): Technician => ({
  id: 't1',
  email: 'ada@example.com',
  name: 'Ada',
  role: 'technician',
  passwordHash: 'x',
  createdAt: T0,
  ...over,
});

const settings = (over: Partial<UnattendedSettings> = {}): UnattendedSettings => ({
  channelId: 'c1',
  allowed: true,
  keyHash: 'key-hash',
  keyCreatedAt: T0,
  capabilities: ['shell', 'files'],
  ...over,
});

const device = (over: Partial<Device> = {}): Device => ({
  id: 'd1',
  channelId: 'c1',
  name: 'Reception PC',
  secretHash: 'secret-hash',
  os: 'linux',
  elevated: true,
  version: '0.1.0',
  system: null,
  registeredAt: T0,
  lastSeenAt: T0,
  online: true,
  renamedAt: null,
  removedAt: null,
  ...over,
});

const connection = (over: Partial<DeviceConnection> = {}): DeviceConnection => ({
  id: 'k1',
  deviceId: 'd1',
  channelId: 'c1',
  sessionId: 's1',
  clientId: 'cl1',
  technician: { id: 't1', name: 'Ada' },
  startedAt: T0,
  endedAt: null,
  endReason: null,
  ...over,
});

describe('unattended access rules', () => {
  test('U-1: a channel nobody configured does not allow unattended access and has no key', () => {
    const s = settingsOf('c9', undefined);
    assert.deepEqual([s.allowed, s.keyHash, s.capabilities], [false, null, ['shell', 'files', 'system']]);
    assert.equal(settingsOf('c1', settings()).allowed, true);
  });

  test('U-2: a channel key names its channel before the dot', () => {
    const key = newChannelKey('chan_1', 'A'.repeat(43));
    assert.equal(channelIdOfKey(key), 'chan_1');
  });

  test('U-2: constant-time comparison answers like ===, lengths included', () => {
    assert.equal(constantTimeEqual('abc', 'abc'), true);
    assert.equal(constantTimeEqual('abc', 'abd'), false);
    assert.equal(constantTimeEqual('abc', 'abcd'), false);
    assert.equal(constantTimeEqual('', ''), true);
  });

  test('U-2, U-3: only the current key registers, and only while the channel allows it', () => {
    assert.equal(checkChannelKey(settings(), 'key-hash').ok, true);
    const wrong = checkChannelKey(settings(), 'other-hash');
    assert.equal(!wrong.ok && wrong.error, 'unauthorized');
    const none = checkChannelKey(undefined, 'key-hash');
    assert.equal(!none.ok && none.error, 'unauthorized');
    const noKey = checkChannelKey(settings({ keyHash: null }), 'key-hash');
    assert.equal(!noKey.ok && noKey.error, 'unauthorized');
    const off = checkChannelKey(settings({ allowed: false }), 'key-hash');
    assert.equal(!off.ok && off.error, 'forbidden');
  });

  test('U-3: a device is known by its id and secret in the key’s channel; anything else registers anew', () => {
    const known = knownDevice(device(), 'c1', 'secret-hash');
    assert.equal(known.ok && known.value?.id, 'd1');
    assert.deepEqual(knownDevice(device(), 'c1', 'wrong'), { ok: true, value: null });
    assert.deepEqual(knownDevice(device(), 'c2', 'secret-hash'), { ok: true, value: null });
    assert.deepEqual(knownDevice(device(), 'c1', null), { ok: true, value: null });
    assert.deepEqual(knownDevice(undefined, 'c1', 'secret-hash'), { ok: true, value: null });
  });

  test('U-9: a removed device’s credential is refused (not_found), so its client learns it and forgets it', () => {
    const removed = knownDevice(device({ removedAt: T0 + 1 }), 'c1', 'secret-hash');
    assert.equal(!removed.ok && removed.error, 'not_found');
    assert.match(!removed.ok ? removed.message : '', /removed from the console/);
    // Without its secret, a removed device is only an unknown one: nothing is told.
    assert.deepEqual(knownDevice(device({ removedAt: T0 + 1 }), 'c1', 'wrong'), { ok: true, value: null });
  });

  test('U-8: a returning device keeps the name a member gave it; otherwise its own report stands', () => {
    const reported = { name: 'PC-17', os: 'windows' as const, elevated: false, version: '0.2.0', system: null };
    assert.deepEqual(returningDetails(device(), reported), reported);
    assert.deepEqual(returningDetails(device({ renamedAt: T0 + 1 }), reported), { ...reported, name: 'Reception PC' });
  });

  test('U-8, U-9: admins manage devices; technicians are refused, removed or unknown devices are not found', () => {
    const admin = makeTechnician({ role: 'admin' });
    const tech = makeTechnician({ role: 'technician' });
    assert.equal(mayManageDevice(device(), admin).ok, true);
    const refused = mayManageDevice(device(), tech);
    assert.equal(!refused.ok && refused.error, 'forbidden');
    for (const d of [undefined, device({ removedAt: T0 })]) {
      const r = mayManageDevice(d, admin);
      assert.equal(!r.ok && r.error, 'not_found');
    }
  });

  test('U-4: members of the channel connect to an online, free device while the channel allows it', () => {
    const base = { device: device(), settings: settings(), memberOf: ['c1'], live: undefined, now: T0 + 1 };
    assert.equal(mayConnect(base).ok, true);
    const cases = [
      [{ memberOf: ['c2'] }, 'not_found'],
      [{ device: undefined }, 'not_found'],
      [{ settings: settings({ allowed: false }) }, 'forbidden'],
      [{ device: device({ online: false }) }, 'not_found'],
      [{ device: device({ removedAt: T0 }) }, 'not_found'],
      // U-6: stored online, but its process stopped renewing the lease.
      [{ now: T0 + PRESENCE_LEASE_MS }, 'not_found'],
      [{ live: connection() }, 'forbidden'],
    ] as const;
    for (const [over, error] of cases) {
      const r = mayConnect({ ...base, ...over });
      assert.equal(!r.ok && r.error, error, JSON.stringify(over));
    }
  });

  test('U-7: only a member of the channel ends a live connection', () => {
    assert.equal(mayDisconnect(connection(), ['c1']).ok, true);
    const outsider = mayDisconnect(connection(), ['c2']);
    assert.equal(!outsider.ok && outsider.error, 'not_found');
    const ended = mayDisconnect(connection({ endedAt: T0 + 1 }), ['c1']);
    assert.equal(!ended.ok && ended.error, 'invalid_payload');
  });

  test('U-4: the session of a connection is active, owned by the member, without visitor or invitation', () => {
    const s = newUnattendedSession({ id: 's1', channel: makeChannel({ id: 'c1' }), technicianId: 't1', now: T0 });
    assert.deepEqual(
      [s.status, s.origin, s.ownerId, s.visitorId, s.inviteToken, s.pin, s.expiresAt > T0],
      ['active', 'unattended', 't1', null, null, null, true],
    );
  });

  test('U-5: the device’s client holds exactly the channel’s capabilities, granted; E-7 lets them through and nothing more', () => {
    const session = newUnattendedSession({ id: 's1', channel: makeChannel({ id: 'c1' }), technicianId: 't1', now: T0 });
    let n = 0;
    const { client, grants } = unattendedClient({
      clientId: 'cl1',
      device: device(),
      session,
      technician: { id: 't1', name: 'Ada' },
      organisation: 'Website',
      settings: settings({ capabilities: ['shell'] }),
      grantIds: () => `g${++n}`,
      now: T0,
    });
    assert.deepEqual(
      grants.map((g) => [g.capability, g.status]),
      [['shell', 'granted']],
    );
    const use = (capability: 'shell' | 'files', s = session) =>
      clientMayUse({ session: s, permissions: [], client, grants, capability, now: T0 + 1 });
    assert.equal(use('shell').ok, true);
    assert.equal(use('files').ok, false);
    assert.equal(use('shell', { ...session, status: 'closed' }).ok, false);
  });

  test('U-5: nobody at an unattended device can be asked for more', () => {
    const session = makeSession({ status: 'active', origin: 'unattended', ownerId: 't1' });
    const r = requestClientGrant({
      session,
      permissions: [],
      client: undefined,
      technician: { id: 't1', name: 'Ada' },
      capability: 'files',
      organisation: 'Website',
      existing: [],
      id: 'g1',
      now: T0,
    });
    assert.equal(!r.ok && r.error, 'forbidden');
  });
});
