/**
 * U-6 with two server processes over Redis and one database: a node that starts, or sweeps lapsed
 * leases, leaves alone the devices another live node holds, and still clears those nobody holds.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { test } from 'node:test';
import { createAdapter } from '@socket.io/redis-adapter';
import { createClient } from 'redis';
import { PRESENCE_LEASE_MS } from '../../../server/core/device-presence.js';
import { buildTestServer, emitAck, testClock, valueOf, type TestServer } from '../../support/test-server.js';
import { DEVICE_SYSTEM, deviceFixture, type DeviceFixture } from './device-fixtures.js';
import { startTeam, type Team } from './team.js';

const redisUrl = process.env.REDIS_URL;

test(
  'U-6: a starting or sweeping node does not mark offline the devices another live node holds',
  { skip: redisUrl ? false : 'REDIS_URL not set: two-node (Redis adapter) suite not configured' },
  async () => {
    const key = `porthole-test-${randomBytes(6).toString('hex')}`;
    const redis: ReturnType<typeof createClient>[] = [];
    const redisAdapter = async () => {
      const pub = createClient({ url: redisUrl });
      const sub = pub.duplicate();
      redis.push(pub, sub);
      await Promise.all([pub.connect(), sub.connect()]);
      return createAdapter(pub, sub, { key });
    };
    const clock = testClock();
    let a: Team | undefined;
    let b: TestServer | undefined;
    let devices: DeviceFixture | undefined;
    try {
      a = await startTeam({ trustProxy: true, env: clock.env, adapter: await redisAdapter() });
      devices = await deviceFixture(a);
      const { device } = await devices.registered('On node A');
      const now = clock.now();
      await a.server.store.insertDevice({
        id: `ghost-${key}`,
        channelId: a.demoId,
        name: 'Nobody holds it',
        secretHash: 'unused',
        os: 'linux',
        elevated: false,
        version: 'test',
        system: DEVICE_SYSTEM,
        registeredAt: now,
        lastSeenAt: now,
        online: true,
        renamedAt: null,
        removedAt: null,
      });

      b = await buildTestServer({ storage: a.server.storage, env: clock.env, adapter: await redisAdapter() });
      assert.equal(await b.app.io.of('/support-client').adapter.serverCount(), 2, 'both nodes listen on Redis');
      assert.equal((await b.store.findDevice(device.deviceId))?.online, true, "node B's start left node A's device online");
      assert.equal((await b.store.findDevice(`ghost-${key}`))?.online, false, 'and cleared the one nobody holds');

      // Node A keeps renewing; node B's sweep, a lease later, finds nothing of A's lapsed.
      clock.advance(PRESENCE_LEASE_MS - 1);
      assert.deepEqual(await a.server.app.heartbeat(), []);
      clock.advance(1);
      assert.deepEqual(await b.app.heartbeat(), []);
      const listed = valueOf(await emitAck(a.bob.socket, 'devices:list', {})).find((d) => d.id === device.deviceId);
      assert.equal(listed?.online, true);
    } finally {
      devices?.close();
      await b?.close();
      await a?.close();
      for (const r of redis) await r.quit().catch(() => undefined);
    }
  },
);
