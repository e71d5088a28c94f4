import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
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

describe('a closed session', () => {
  let server: TestServer;
  let tech: ConsoleSocket;
  let visitor: VisitorFixture;
  let returning: WidgetSocket | undefined;

  before(async () => {
    server = await buildTestServer({ storage: storageKindFromEnv() });
    tech = await connectConsole(server.url, await server.login());
    visitor = await startVisitor(server.url);
    const sessionId = visitor.session.id;
    valueOf(await emitAck(visitor.socket, 'message:send', { sessionId, clientId: newClientId(), text: 'thanks, bye' }));
    const stored = await server.store.findSession(sessionId);
    assert.ok(stored);
    assert.equal(await server.store.saveSession({ ...stored, status: 'closed', updatedAt: stored.updatedAt + 1 }, stored.updatedAt), true);
  });
  after(async () => {
    disconnectAll(tech, visitor?.socket, returning);
    await server?.close();
  });

  test('S-4: neither the visitor nor a technician may post in it, and nothing is stored', async () => {
    const sessionId = visitor.session.id;
    const fromVisitor = await emitAck(visitor.socket, 'message:send', { sessionId, clientId: newClientId(), text: 'one more thing' });
    const fromTech = await emitAck(tech, 'message:send', { sessionId, clientId: newClientId(), text: 'reopen?' });
    assert.equal(!fromVisitor.ok && fromVisitor.error, 'session_not_open');
    assert.equal(!fromTech.ok && fromTech.error, 'session_not_open');
    const stored = valueOf(await emitAck(tech, 'messages:sync', { sessionId, afterSeq: 0 }));
    assert.deepEqual(
      stored.map((m) => m.text),
      ['thanks, bye'],
    );
    assert.equal((await server.store.findSession(sessionId))?.status, 'closed', 'a reply does not take a closed session');
  });

  test('S-4: its history stays readable', async () => {
    const history = valueOf(await emitAck(visitor.socket, 'messages:sync', { sessionId: visitor.session.id, afterSeq: 0 }));
    assert.equal(history.length, 1);
  });

  test('S-2: the returning visitor resumes nothing and asking again opens a new session', async () => {
    returning = await connectWidget(server.url, { token: visitor.token });
    assert.deepEqual(valueOf(await emitAck(returning, 'session:resume', {})), { session: null, messages: [], permissions: [] });
    const { token, session } = valueOf(await emitAck(returning, 'session:start', {}));
    assert.equal(token, '', 'the visitor keeps the token they hold');
    assert.notEqual(session.id, visitor.session.id);
    assert.equal(session.status, 'in_queue');
  });
});
