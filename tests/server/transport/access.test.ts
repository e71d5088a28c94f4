import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { argon2Hasher } from '../../../server/security/argon2-hasher.js';
import {
  buildTestServer,
  connectConsole,
  connectWidget,
  disconnectAll,
  emitAck,
  newClientId,
  startVisitor,
  storageKindFromEnv,
  valueOf,
  type ConsoleSocket,
  type TestServer,
  type VisitorFixture,
  type WidgetSocket,
} from '../../support/test-server.js';

describe('who may act on a session', () => {
  let server: TestServer;
  let a: VisitorFixture;
  let b: VisitorFixture;
  let fresh: WidgetSocket;
  let outsider: ConsoleSocket;

  before(async () => {
    server = await buildTestServer({ storage: storageKindFromEnv() });
    a = await startVisitor(server.url);
    b = await startVisitor(server.url);
    fresh = await connectWidget(server.url);
    valueOf(await emitAck(a.socket, 'message:send', { sessionId: a.session.id, clientId: newClientId(), text: 'private' }));
    const password = 'outsider-password-1';
    await server.store.insertTechnician({
      id: 'outsider',
      email: 'outsider@test.local',
      name: 'Outsider',
      role: 'technician',
      passwordHash: await argon2Hasher.hash(password),
      createdAt: Date.now(),
    });
    outsider = await connectConsole(server.url, await server.login({ email: 'outsider@test.local', password }));
  });
  after(async () => {
    disconnectAll(a?.socket, b?.socket, fresh, outsider);
    await server?.close();
  });

  const historyOfA = async () =>
    valueOf(await emitAck(a.socket, 'messages:sync', { sessionId: a.session.id, afterSeq: 0 })).map((m) => m.text);

  test("A-1: visitor B cannot send to visitor A's session (not_found) and nothing is stored", async () => {
    const r = await emitAck(b.socket, 'message:send', { sessionId: a.session.id, clientId: newClientId(), text: 'hijack' });
    assert.equal(!r.ok && r.error, 'not_found');
    assert.deepEqual(await historyOfA(), ['private']);
  });

  test("A-1: visitor B cannot sync visitor A's session (not_found)", async () => {
    const r = await emitAck(b.socket, 'messages:sync', { sessionId: a.session.id, afterSeq: 0 });
    assert.equal(r.ok, false);
    assert.equal(!r.ok && r.error, 'not_found');
    assert.equal('value' in r, false, 'no message leaks');
  });

  test('A-1: a foreign session answers exactly like an unknown one', async () => {
    const foreign = await emitAck(b.socket, 'messages:sync', { sessionId: a.session.id, afterSeq: 0 });
    const unknown = await emitAck(b.socket, 'messages:sync', { sessionId: 'no-such-session', afterSeq: 0 });
    assert.deepEqual(foreign, unknown);
  });

  test('A-1: a visitor who has not asked for help cannot send or sync anywhere', async () => {
    const send = await emitAck(fresh, 'message:send', { sessionId: a.session.id, clientId: newClientId(), text: 'hi' });
    const sync = await emitAck(fresh, 'messages:sync', { sessionId: a.session.id, afterSeq: 0 });
    assert.equal(!send.ok && send.error, 'not_found');
    assert.equal(!sync.ok && sync.error, 'not_found');
    assert.deepEqual(await historyOfA(), ['private']);
  });

  test("A-2: a technician outside the session's channel is forbidden to sync, send or mark read", async () => {
    const sessionId = a.session.id;
    const results = [
      await emitAck(outsider, 'messages:sync', { sessionId, afterSeq: 0 }),
      await emitAck(outsider, 'message:send', { sessionId, clientId: newClientId(), text: 'mine now' }),
      await emitAck(outsider, 'session:read', { sessionId, seq: 1 }),
    ];
    assert.deepEqual(
      results.map((r) => !r.ok && r.error),
      ['forbidden', 'forbidden', 'forbidden'],
    );
    assert.deepEqual(await historyOfA(), ['private']);
    const stored = await server.store.findSession(sessionId);
    assert.equal(stored?.ownerId, null, 'the outsider did not take the session');
  });

  test('A-2: a technician outside the channel does not see its sessions; unknown sessions are not_found', async () => {
    assert.deepEqual(valueOf(await emitAck(outsider, 'sessions:list', {})), []);
    const r = await emitAck(outsider, 'messages:sync', { sessionId: 'no-such-session', afterSeq: 0 });
    assert.equal(!r.ok && r.error, 'not_found');
  });
});
