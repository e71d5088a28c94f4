import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  buildTestServer,
  connectConsole,
  disconnectAll,
  emitAck,
  newClientId,
  startVisitor,
  storageKindFromEnv,
  valueOf,
  type ConsoleSocket,
  type TestServer,
} from '../../support/test-server.js';

describe('flood limit per sender', () => {
  let server: TestServer;
  let tech: ConsoleSocket;

  before(async () => {
    server = await buildTestServer({ storage: storageKindFromEnv(), messageRate: { perSecond: 0.001, burst: 5 } });
    tech = await connectConsole(server.url, await server.login());
  });
  after(async () => {
    disconnectAll(tech);
    await server?.close();
  });

  test('L-1: past the burst a visitor gets rate_limited with retryAfterMs, nothing is stored, and others keep chatting', async () => {
    const flooder = await startVisitor(server.url);
    const calm = await startVisitor(server.url);
    try {
      const sessionId = flooder.session.id;
      const results = [];
      for (let i = 0; i < 8; i++)
        results.push(await emitAck(flooder.socket, 'message:send', { sessionId, clientId: newClientId(), text: `spam ${i}` }));
      assert.deepEqual(
        results.map((r) => (r.ok ? 'ok' : r.error)),
        ['ok', 'ok', 'ok', 'ok', 'ok', 'rate_limited', 'rate_limited', 'rate_limited'],
      );
      const refused = results[5];
      assert.ok(!refused.ok && typeof (refused.details as { retryAfterMs: number }).retryAfterMs === 'number');
      assert.equal((await server.store.findSession(sessionId))?.lastSeq, 5, 'refused messages are not stored');

      const other = await emitAck(calm.socket, 'message:send', { sessionId: calm.session.id, clientId: newClientId(), text: 'hi' });
      assert.equal(other.ok, true, 'the limit is per sender');
    } finally {
      disconnectAll(flooder.socket, calm.socket);
    }
  });

  test('L-1: technicians have a bucket of their own, for messages and notes together', async () => {
    const visitor = await startVisitor(server.url);
    try {
      const sessionId = visitor.session.id;
      const codes = [];
      for (let i = 0; i < 3; i++)
        codes.push((await emitAck(tech, 'message:send', { sessionId, clientId: newClientId(), text: `m${i}` })).ok);
      for (let i = 0; i < 3; i++) codes.push((await emitAck(tech, 'note:send', { sessionId, clientId: newClientId(), text: `n${i}` })).ok);
      assert.deepEqual(codes, [true, true, true, true, true, false]);
      assert.equal(valueOf(await emitAck(tech, 'notes:sync', { sessionId, afterSeq: 0 })).length, 2);
    } finally {
      visitor.socket.disconnect();
    }
  });

  test('L-1: typing signals have their own limit and a flood of them is refused', async () => {
    const visitor = await startVisitor(server.url);
    try {
      const sessionId = visitor.session.id;
      const oks = [];
      for (let i = 0; i < 10; i++) oks.push((await emitAck(visitor.socket, 'typing:set', { sessionId, typing: i % 2 === 0 })).ok);
      assert.equal(oks.filter(Boolean).length, 6, 'a burst of 6, then refused');
      assert.equal(oks.at(-1), false);
    } finally {
      visitor.socket.disconnect();
    }
  });
});
