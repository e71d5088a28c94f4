import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { test } from 'node:test';
import { createAdapter } from '@socket.io/redis-adapter';
import { createClient } from 'redis';
import {
  buildTestServer,
  connectConsole,
  createTestStorage,
  disconnectAll,
  emitAck,
  newClientId,
  nextEvent,
  startVisitor,
  storageKindFromEnv,
  valueOf,
  type ConsoleSocket,
  type TestServer,
  type VisitorFixture,
} from '../../support/test-server.js';

const redisUrl = process.env.REDIS_URL;

if (!redisUrl) {
  test('two server nodes over Redis', { skip: 'REDIS_URL not set: two-node (Redis adapter) suite not configured' }, () => {});
} else {
  test('two server nodes over Redis: a visitor on node A and a technician on node B chat', async () => {
    // One key per run, so other runs on the same Redis do not hear these broadcasts.
    const key = `porthole-test-${randomBytes(6).toString('hex')}`;
    const storage = await createTestStorage(storageKindFromEnv());
    const redis: ReturnType<typeof createClient>[] = [];
    const nodes: TestServer[] = [];
    let visitor: VisitorFixture | undefined;
    let tech: ConsoleSocket | undefined;
    const redisAdapter = async () => {
      const pub = createClient({ url: redisUrl });
      const sub = pub.duplicate();
      redis.push(pub, sub);
      await Promise.all([pub.connect(), sub.connect()]);
      return createAdapter(pub, sub, { key });
    };

    try {
      nodes.push(await buildTestServer({ storage, adapter: await redisAdapter() }));
      nodes.push(await buildTestServer({ storage, adapter: await redisAdapter() }));
      const [a, b] = nodes;
      assert.equal(await b.app.io.of('/console').adapter.serverCount(), 2, 'both nodes listen on Redis');

      tech = await connectConsole(b.url, await b.login());
      const created = nextEvent(tech, 'session:created');
      visitor = await startVisitor(a.url);
      const sessionId = visitor.session.id;
      assert.equal((await created).id, sessionId, 'S-2: node B hears the session started on node A');

      const atConsole = nextEvent(tech, 'message:created', (m) => m.sessionId === sessionId);
      const question = valueOf(await emitAck(visitor.socket, 'message:send', { sessionId, clientId: newClientId(), text: 'via node A' }));
      assert.deepEqual(await atConsole, question);

      const atVisitor = nextEvent(visitor.socket, 'message:created', (m) => m.author.kind === 'technician');
      const updated = nextEvent(visitor.socket, 'session:updated');
      const reply = valueOf(await emitAck(tech, 'message:send', { sessionId, clientId: newClientId(), text: 'via node B' }));
      assert.deepEqual(await atVisitor, reply);
      assert.equal(reply.seq, 2, 'M-2: both nodes number one sequence');
      assert.equal((await updated).status, 'active', 'S-3: the take reaches the visitor on the other node');

      // Presence is asked of every node's rooms. Waiting for it also lets node A finish asking node B
      // before the nodes close, so no cross-node request is left in flight.
      const offline = nextEvent(tech, 'presence:changed', (p) => p.sessionId === sessionId);
      visitor.socket.disconnect();
      assert.deepEqual(await offline, { sessionId, visitorOnline: false }, 'node B hears the visitor leave node A');
    } finally {
      disconnectAll(visitor?.socket, tech);
      for (const node of nodes) await node.close();
      await Promise.all(redis.map((c) => c.quit()));
      await storage.cleanup();
    }
  });
}
