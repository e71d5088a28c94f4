import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { SessionView } from '../../../src/protocol/index.js';
import { argon2Hasher } from '../../../server/security/argon2-hasher.js';
import {
  buildTestServer,
  connectConsole,
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

describe('two technicians replying at once', () => {
  let server: TestServer;
  let admin: ConsoleSocket;
  let colleague: ConsoleSocket;
  let visitor: VisitorFixture;

  before(async () => {
    server = await buildTestServer({ storage: storageKindFromEnv() });
    const password = 'colleague-password-1';
    await server.store.insertTechnician({
      id: 'colleague',
      email: 'colleague@test.local',
      name: 'Colleague',
      role: 'technician',
      passwordHash: await argon2Hasher.hash(password),
      createdAt: Date.now(),
    });
    const demo = await server.store.findChannelByKey('demo');
    assert.ok(demo);
    await server.store.addChannelMember(demo.id, 'colleague');
    admin = await connectConsole(server.url, await server.login());
    colleague = await connectConsole(server.url, await server.login({ email: 'colleague@test.local', password }));
    visitor = await startVisitor(server.url);
  });
  after(async () => {
    disconnectAll(admin, colleague, visitor?.socket);
    await server?.close();
  });

  test('S-3: both replies are stored, and exactly one technician takes the session', async () => {
    const sessionId = visitor.session.id;
    const updates: SessionView[] = [];
    const record = (s: SessionView) => updates.push(s);
    visitor.socket.on('session:updated', record);
    try {
      const [a, b] = await Promise.all([
        emitAck(admin, 'message:send', { sessionId, clientId: newClientId(), text: 'I have it' }),
        emitAck(colleague, 'message:send', { sessionId, clientId: newClientId(), text: 'No, I have it' }),
      ]);
      assert.deepEqual([valueOf(a).seq, valueOf(b).seq].sort(), [1, 2], 'M-2: both replies get a seq');
      // Facts reach a socket in order: once the visitor hears its own later message, every
      // session:updated the replies caused has arrived.
      const marker = newClientId();
      const heard = nextEvent(visitor.socket, 'message:created', (m) => m.clientId === marker);
      valueOf(await emitAck(visitor.socket, 'message:send', { sessionId, clientId: marker, text: 'thanks' }));
      await heard;

      const stored = await server.store.findSession(sessionId);
      assert.equal(stored?.status, 'active');
      const authors = [valueOf(a).author, valueOf(b).author].map((x) => (x.kind === 'technician' ? x.id : ''));
      assert.ok(stored?.ownerId && authors.includes(stored.ownerId), 'the owner is one of the two');
      assert.equal(updates.length, 1, 'one take, announced once');
      assert.equal(updates[0].owner?.id, stored?.ownerId, 'the visitor is told who took it');
    } finally {
      visitor.socket.off('session:updated', record);
    }
  });

  test('S-3: a later reply by the other technician does not take the session over', async () => {
    const sessionId = visitor.session.id;
    const owner = (await server.store.findSession(sessionId))?.ownerId;
    const other = owner === 'colleague' ? admin : colleague;
    valueOf(await emitAck(other, 'message:send', { sessionId, clientId: newClientId(), text: 'Still here too' }));
    assert.equal((await server.store.findSession(sessionId))?.ownerId, owner);
  });
});
