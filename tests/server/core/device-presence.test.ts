/**
 * U-6: a device is online while its server process keeps renewing its lease. The rule is a pure
 * function of the stored data and a time, so time is given here, never waited for (the transport
 * test moves the server's test clock).
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { isOnline, lapsedBefore, PRESENCE_HEARTBEAT_MS, PRESENCE_LEASE_MS } from '../../../server/core/device-presence.js';
import { T0 } from './fixtures.js';

describe('U-6: device presence as a lease', () => {
  test('the lease holds three heartbeats, so one late beat does not flap a device offline', () => {
    assert.equal(PRESENCE_LEASE_MS, 3 * PRESENCE_HEARTBEAT_MS);
  });

  test('online while the lease is fresh; offline from the moment it lapses, whatever is stored', () => {
    const device = { online: true, lastSeenAt: T0, removedAt: null };
    assert.equal(isOnline(device, T0), true);
    assert.equal(isOnline(device, T0 + PRESENCE_HEARTBEAT_MS), true, 'a missed beat is not yet offline');
    assert.equal(isOnline(device, T0 + PRESENCE_LEASE_MS - 1), true);
    assert.equal(isOnline(device, T0 + PRESENCE_LEASE_MS), false, 'nobody renewed it: its process is gone');
    const renewed = { ...device, lastSeenAt: T0 + PRESENCE_LEASE_MS };
    assert.equal(isOnline(renewed, T0 + PRESENCE_LEASE_MS), true, 'a renewal brings it back');
  });

  test('stored offline or removed is offline, however fresh', () => {
    const now = T0;
    assert.equal(isOnline({ online: false, lastSeenAt: now, removedAt: null }, now), false);
    assert.equal(isOnline({ online: true, lastSeenAt: now, removedAt: now }, now), false);
  });

  test('the sweep takes exactly the leases that read offline', () => {
    const now = T0;
    const before = lapsedBefore(now);
    assert.equal(isOnline({ online: true, lastSeenAt: before - 1, removedAt: null }, now), false);
    assert.equal(isOnline({ online: true, lastSeenAt: before, removedAt: null }, now), true);
  });
});
