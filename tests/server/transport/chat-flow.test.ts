import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
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
} from '../../support/test-server.js';

describe('chat between a visitor and the signed-in admin', () => {
  let server: TestServer;
  let tech: ConsoleSocket;

  before(async () => {
    server = await buildTestServer({ storage: storageKindFromEnv() });
    tech = await connectConsole(server.url, await server.login());
  });
  after(async () => {
    disconnectAll(tech);
    await server?.close();
  });

  test('S-2: a new session is in queue, unowned, and announced to the console with its channel name', async () => {
    const created = nextEvent(tech, 'session:created');
    const visitor = await startVisitor(server.url);
    try {
      assert.match(visitor.token, /^[A-Za-z0-9_-]{32,}$/);
      assert.equal(visitor.session.status, 'in_queue');
      assert.equal(visitor.session.owner, null);
      assert.equal(visitor.session.lastSeq, 0);
      assert.deepEqual(await created, { ...visitor.session, channelName: 'Website' });
    } finally {
      visitor.socket.disconnect();
    }
  });

  test('M-2, M-3: a visitor message is stored trimmed, as seq 1, and reaches the console and the visitor', async () => {
    const visitor = await startVisitor(server.url);
    try {
      const sessionId = visitor.session.id;
      const atConsole = nextEvent(tech, 'message:created', (m) => m.sessionId === sessionId);
      const atVisitor = nextEvent(visitor.socket, 'message:created');
      const clientId = newClientId();
      const sent = valueOf(await emitAck(visitor.socket, 'message:send', { sessionId, clientId, text: '  My printer is on fire  ' }));
      assert.equal(sent.seq, 1);
      assert.equal(sent.clientId, clientId);
      assert.equal(sent.text, 'My printer is on fire', 'text is trimmed');
      assert.deepEqual(sent.author, { kind: 'visitor' });
      assert.deepEqual(await atConsole, sent);
      assert.deepEqual(await atVisitor, sent);
    } finally {
      visitor.socket.disconnect();
    }
  });

  test('S-3: the first technician reply reaches the visitor and makes the session active and owned, on both sides', async () => {
    const visitor = await startVisitor(server.url);
    try {
      const sessionId = visitor.session.id;
      valueOf(await emitAck(visitor.socket, 'message:send', { sessionId, clientId: newClientId(), text: 'Hello?' }));

      const replyAtVisitor = nextEvent(visitor.socket, 'message:created', (m) => m.author.kind === 'technician');
      const updatedAtVisitor = nextEvent(visitor.socket, 'session:updated');
      const updatedAtConsole = nextEvent(tech, 'session:updated', (s) => s.id === sessionId);
      const reply = valueOf(await emitAck(tech, 'message:send', { sessionId, clientId: newClientId(), text: 'Hi, I am here.' }));

      const admin = await server.store.findTechnicianByEmail('admin@test.local');
      assert.ok(admin);
      assert.equal(reply.seq, 2);
      assert.deepEqual(reply.author, { kind: 'technician', id: admin.id, name: admin.name });
      assert.deepEqual(await replyAtVisitor, reply);
      for (const updated of [await updatedAtVisitor, await updatedAtConsole]) {
        assert.equal(updated.id, sessionId);
        assert.equal(updated.status, 'active');
        assert.deepEqual(updated.owner, { id: admin.id, name: admin.name });
        assert.equal(updated.lastSeq, 2);
      }
      const stored = await server.store.findSession(sessionId);
      assert.equal(stored?.status, 'active');
      assert.equal(stored?.ownerId, admin.id);
    } finally {
      visitor.socket.disconnect();
    }
  });

  test('sessions:list shows unread visitor messages; session:read clears them, never past the last message', async () => {
    const visitor = await startVisitor(server.url);
    try {
      const sessionId = visitor.session.id;
      const send = async (text: string) =>
        valueOf(await emitAck(visitor.socket, 'message:send', { sessionId, clientId: newClientId(), text }));
      const summary = async () => {
        const found = valueOf(await emitAck(tech, 'sessions:list', {})).find((s) => s.id === sessionId);
        assert.ok(found, 'the session is listed');
        return found;
      };
      await send('first');
      const second = await send('second');

      const listed = await summary();
      assert.equal(listed.unread, 2);
      assert.equal(listed.channelName, 'Website');
      assert.equal(listed.status, 'in_queue');
      assert.deepEqual(listed.lastMessage, { text: 'second', authorKind: 'visitor', createdAt: second.createdAt });

      assert.deepEqual(await emitAck(tech, 'session:read', { sessionId, seq: 1 }), { ok: true, value: null });
      assert.equal((await summary()).unread, 1);

      valueOf(await emitAck(tech, 'session:read', { sessionId, seq: 99 }));
      assert.equal((await summary()).unread, 0);
      await send('third');
      assert.equal((await summary()).unread, 1, 'reading past the end marked only what existed');

      valueOf(await emitAck(tech, 'session:read', { sessionId, seq: 0 }));
      assert.equal((await summary()).unread, 1, 'the read mark never moves back');
    } finally {
      visitor.socket.disconnect();
    }
  });

  test('a technician reply marks the session read for that technician', async () => {
    const visitor = await startVisitor(server.url);
    try {
      const sessionId = visitor.session.id;
      valueOf(await emitAck(visitor.socket, 'message:send', { sessionId, clientId: newClientId(), text: 'ping' }));
      valueOf(await emitAck(tech, 'message:send', { sessionId, clientId: newClientId(), text: 'pong' }));
      const listed = valueOf(await emitAck(tech, 'sessions:list', {})).find((s) => s.id === sessionId);
      assert.equal(listed?.unread, 0);
      assert.deepEqual(listed?.lastMessage?.authorKind, 'technician');
    } finally {
      visitor.socket.disconnect();
    }
  });
});
