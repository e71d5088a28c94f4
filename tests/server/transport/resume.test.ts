import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { nodeEnv } from '../../../server/security/node-env.js';
import {
  buildTestServer,
  connectConsole,
  connectWidget,
  disconnectAll,
  emitAck,
  newClientId,
  nextEvent,
  startVisitor,
  storageKindFromEnv,
  valueOf,
  type ConsoleSocket,
  type TestServer,
  type WidgetSocket,
} from '../../support/test-server.js';

describe('a returning visitor', () => {
  let server: TestServer;
  let tech: ConsoleSocket;
  const sockets: WidgetSocket[] = [];

  before(async () => {
    server = await buildTestServer({ storage: storageKindFromEnv() });
    tech = await connectConsole(server.url, await server.login());
  });
  after(async () => {
    disconnectAll(tech, ...sockets);
    await server?.close();
  });

  test('S-2: reconnecting with the stored token resumes the session with its history in order', async () => {
    const first = await startVisitor(server.url);
    sockets.push(first.socket);
    const sessionId = first.session.id;
    for (const text of ['one', 'two', 'three']) {
      valueOf(await emitAck(first.socket, 'message:send', { sessionId, clientId: newClientId(), text }));
    }
    valueOf(await emitAck(tech, 'message:send', { sessionId, clientId: newClientId(), text: 'four' }));
    first.socket.disconnect();

    const again = await connectWidget(server.url, { token: first.token });
    sockets.push(again);
    const { session, messages } = valueOf(await emitAck(again, 'session:resume', {}));
    assert.equal(session?.id, sessionId);
    assert.equal(session?.status, 'active');
    assert.equal(session?.lastSeq, 4);
    assert.equal(session?.owner?.name, 'Admin');
    assert.deepEqual(
      messages.map((m) => [m.seq, m.text, m.author.kind]),
      [
        [1, 'one', 'visitor'],
        [2, 'two', 'visitor'],
        [3, 'three', 'visitor'],
        [4, 'four', 'technician'],
      ],
    );

    const live = nextEvent(again, 'message:created');
    const five = valueOf(await emitAck(tech, 'message:send', { sessionId, clientId: newClientId(), text: 'five' }));
    assert.deepEqual(await live, five, 'the resumed socket hears new messages');
  });

  test('S-2: asking for help again while the session is open returns it, without a new token', async () => {
    const first = await startVisitor(server.url);
    sockets.push(first.socket);
    const again = await connectWidget(server.url, { token: first.token });
    sockets.push(again);
    const { token, session } = valueOf(await emitAck(again, 'session:start', {}));
    assert.equal(token, '');
    assert.equal(session.id, first.session.id);
    assert.equal(
      valueOf(await emitAck(first.socket, 'session:start', {})).session.id,
      first.session.id,
      'a double click makes no second session',
    );
  });

  test('S-2: two session:start at once on a new connection make one visitor and one session', async () => {
    const socket = await connectWidget(server.url);
    sockets.push(socket);
    const [first, second] = await Promise.all([emitAck(socket, 'session:start', {}), emitAck(socket, 'session:start', {})]);
    assert.equal(valueOf(second).session.id, valueOf(first).session.id);
    assert.equal(valueOf(second).token, valueOf(first).token);
    assert.ok(await server.store.findVisitorByTokenHash(nodeEnv.hashToken(valueOf(first).token)));
  });

  test('S-2: asking again on the connection that made the visitor (its first ack was lost) gives the token again', async () => {
    const socket = await connectWidget(server.url);
    sockets.push(socket);
    const first = valueOf(await emitAck(socket, 'session:start', {}));
    const again = valueOf(await emitAck(socket, 'session:start', {}));
    assert.equal(again.session.id, first.session.id);
    assert.equal(again.token, first.token, 'a widget that missed the first answer can still come back later');
  });

  test('a visitor who never asked for help resumes nothing', async () => {
    const socket = await connectWidget(server.url);
    sockets.push(socket);
    assert.deepEqual(await emitAck(socket, 'session:resume', {}), { ok: true, value: { session: null, messages: [], permissions: [] } });
  });

  test('messages:sync returns what came after a seq, for catching up', async () => {
    const visitor = await startVisitor(server.url);
    sockets.push(visitor.socket);
    const sessionId = visitor.session.id;
    for (const text of ['a', 'b', 'c']) {
      valueOf(await emitAck(visitor.socket, 'message:send', { sessionId, clientId: newClientId(), text }));
    }
    const after1 = valueOf(await emitAck(visitor.socket, 'messages:sync', { sessionId, afterSeq: 1 }));
    assert.deepEqual(
      after1.map((m) => m.text),
      ['b', 'c'],
    );
    const fromConsole = valueOf(await emitAck(tech, 'messages:sync', { sessionId, afterSeq: 0 }));
    assert.deepEqual(
      fromConsole.map((m) => m.seq),
      [1, 2, 3],
    );
  });
});
