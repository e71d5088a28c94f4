import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  buildTestServer,
  connectConsole,
  connectWidget,
  disconnectAll,
  emitAck,
  nextEvent,
  startVisitor,
  storageKindFromEnv,
  valueOf,
  type ConsoleSocket,
  type TestServer,
  type WidgetSocket,
} from '../../support/test-server.js';

describe("presence: whether the visitor's widget is connected", () => {
  let server: TestServer;
  let tech: ConsoleSocket;
  const widgets: WidgetSocket[] = [];

  /** Resolves once the server has handled the widget's disconnect (its socket left every room). */
  const disconnectAndWait = (socket: WidgetSocket) => {
    const serverSide = server.app.io.of('/widget').sockets.get(socket.id ?? '');
    const gone = serverSide ? new Promise((resolve) => serverSide.once('disconnect', resolve)) : Promise.resolve();
    socket.disconnect();
    return gone;
  };

  before(async () => {
    server = await buildTestServer({ storage: storageKindFromEnv() });
    tech = await connectConsole(server.url, await server.login());
  });
  after(async () => {
    disconnectAll(tech, ...widgets);
    await server?.close();
  });

  const online = async (sessionId: string) => valueOf(await emitAck(tech, 'session:details', { sessionId })).visitorOnline;

  test('details.visitorOnline is true while the widget is connected; presence:changed says when it leaves and comes back', async () => {
    const visitor = await startVisitor(server.url);
    widgets.push(visitor.socket);
    const sessionId = visitor.session.id;
    assert.equal(await online(sessionId), true);

    const offline = nextEvent(tech, 'presence:changed', (p) => p.sessionId === sessionId);
    visitor.socket.disconnect();
    assert.deepEqual(await offline, { sessionId, visitorOnline: false });
    assert.equal(await online(sessionId), false);

    const back = nextEvent(tech, 'presence:changed', (p) => p.sessionId === sessionId);
    const again = await connectWidget(server.url, { token: visitor.token });
    widgets.push(again);
    valueOf(await emitAck(again, 'session:resume', {}));
    assert.deepEqual(await back, { sessionId, visitorOnline: true });
    assert.equal(await online(sessionId), true);
  });

  test('with two tabs open, closing one keeps the visitor online; closing both makes them offline', async () => {
    const first = await startVisitor(server.url);
    const second = await connectWidget(server.url, { token: first.token });
    widgets.push(first.socket, second);
    const sessionId = first.session.id;
    valueOf(await emitAck(second, 'session:resume', {}));

    await disconnectAndWait(first.socket);
    assert.equal(await online(sessionId), true, 'the other tab is still there');
    const offline = nextEvent(tech, 'presence:changed', (p) => p.sessionId === sessionId && !p.visitorOnline);
    await disconnectAndWait(second);
    await offline;
    assert.equal(await online(sessionId), false);
  });

  test('a widget that never joined a session announces nothing and makes nobody offline', async () => {
    const visitor = await startVisitor(server.url);
    widgets.push(visitor.socket);
    const idle = await connectWidget(server.url);
    await disconnectAndWait(idle);
    assert.equal(await online(visitor.session.id), true);
  });
});
