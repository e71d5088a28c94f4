import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  act,
  buildTestServer,
  channelIdOf,
  connectConsole,
  createTestStorage,
  disconnectAll,
  emitAck,
  joinedSession,
  linkToken,
  newClientId,
  nextEvent,
  startVisitor,
  storageKindFromEnv,
  testClock,
  valueOf,
  type ConsoleSocket,
  type JoinedSession,
  type TestServer,
  type WidgetSocket,
} from '../../support/test-server.js';

const MINUTE = 60_000;

describe('G-2, S-8: deadlines on the server clock, without sleeping', () => {
  const clock = testClock();
  let server: TestServer;
  let tech: ConsoleSocket;
  const widgets: WidgetSocket[] = [];

  before(async () => {
    server = await buildTestServer({ storage: storageKindFromEnv(), env: clock.env, expiryIntervalMs: 0 });
    tech = await connectConsole(server.url, await server.login());
  });
  after(async () => {
    disconnectAll(tech, ...widgets);
    await server?.close();
  });

  const joined = async (): Promise<JoinedSession> => {
    const j = await joinedSession(server.url, tech, await channelIdOf(server));
    widgets.push(j.widget);
    return j;
  };

  test('G-2, G-3: a request nobody answers in 30 s is expired: late answers are refused, the pass tells both sides', async () => {
    const { sessionId, widget } = await joined();
    const asked = valueOf(await emitAck(tech, 'permission:request', { sessionId, capability: 'view' }));
    clock.advance(30_001);
    const early = await emitAck(widget, 'permission:answer', { permissionId: asked.id, allow: true });
    assert.equal(!early.ok && early.error, 'expired', 'refused on the server clock before any pass ran');

    const atWidget = nextEvent(widget, 'permission:updated', (p) => p.id === asked.id);
    const atConsole = nextEvent(tech, 'permission:updated', (p) => p.id === asked.id);
    const logged = nextEvent(tech, 'activity:created', (a) => a.sessionId === sessionId && a.action === 'permission.expired');
    assert.ok((await server.app.expire()).permissions >= 1);
    assert.equal((await atWidget).status, 'expired');
    assert.equal((await atConsole).status, 'expired');
    assert.equal((await logged).actor.kind, 'system');

    const late = await emitAck(widget, 'permission:answer', { permissionId: asked.id, allow: true });
    assert.equal(!late.ok && late.error, 'expired');
    const next = valueOf(await emitAck(tech, 'permission:request', { sessionId, capability: 'view' }));
    assert.notEqual(next.id, asked.id, 'the technician may ask again');
  });

  test('G-2: an answer within the window on the server clock is accepted', async () => {
    const { sessionId, widget } = await joined();
    const asked = valueOf(await emitAck(tech, 'permission:request', { sessionId, capability: 'control' }));
    clock.advance(29_000);
    assert.equal((await server.app.expire()).permissions, 0);
    assert.equal(valueOf(await emitAck(widget, 'permission:answer', { permissionId: asked.id, allow: true })).status, 'granted');
  });

  test('S-8: a message pushes the deadline out; past it, the pass expires the session and tells everyone', async () => {
    const { sessionId, widget } = await joined();
    const deadline = async () => (await server.store.findSession(sessionId))?.expiresAt ?? 0;
    const start = await deadline();
    assert.ok(Math.abs(start - (clock.now() + 60 * MINUTE)) < 5000, "the channel's 60 minutes");

    clock.advance(50 * MINUTE);
    valueOf(await emitAck(widget, 'message:send', { sessionId, clientId: newClientId(), text: 'still here' }));
    assert.ok((await deadline()) >= clock.now() + 60 * MINUTE - 1000, 'a message is activity');
    clock.advance(30 * MINUTE); // past the first deadline, not the new one
    await server.app.expire();
    assert.equal((await server.store.findSession(sessionId))?.status, 'active');

    clock.advance(61 * MINUTE);
    const atWidget = nextEvent(widget, 'session:updated', (s) => s.status === 'expired');
    const atConsole = nextEvent(tech, 'session:updated', (s) => s.id === sessionId && s.status === 'expired');
    const logged = nextEvent(tech, 'activity:created', (a) => a.sessionId === sessionId && a.action === 'session.expired');
    assert.ok((await server.app.expire()).sessions >= 1);
    await atWidget;
    await atConsole;
    assert.equal((await logged).summary, 'The session expired.');
    const send = await emitAck(widget, 'message:send', { sessionId, clientId: newClientId(), text: 'hello?' });
    assert.equal(!send.ok && send.error, 'session_not_open');
    assert.equal((await server.app.expire()).sessions, 0, 'each expiry happens once');
  });

  test('S-8: an action is activity too and moves the deadline', async () => {
    const { sessionId } = await joined();
    const before = (await server.store.findSession(sessionId))?.expiresAt ?? 0;
    clock.advance(10 * MINUTE);
    valueOf(await act(tech, sessionId, { type: 'release' }));
    const after = (await server.store.findSession(sessionId))?.expiresAt ?? 0;
    assert.ok(after >= before + 10 * MINUTE - 1000, `${after} moved past ${before}`);
  });

  test('S-8: past the deadline the session refuses messages and actions even before a pass runs', async () => {
    const visitor = await startVisitor(server.url);
    widgets.push(visitor.socket);
    const sessionId = visitor.session.id;
    clock.advance(61 * MINUTE);
    const send = await emitAck(visitor.socket, 'message:send', { sessionId, clientId: newClientId(), text: 'late' });
    assert.equal(!send.ok && send.error, 'session_not_open');
    const take = await act(tech, sessionId, { type: 'take' });
    assert.equal(!take.ok && take.error, 'session_not_open');
    const reply = await emitAck(tech, 'message:send', { sessionId, clientId: newClientId(), text: 'late reply' });
    assert.equal(!reply.ok && reply.error, 'session_not_open');
  });

  test('S-5, S-8: an invitation past its deadline no longer opens', async () => {
    const { invitation } = valueOf(await emitAck(tech, 'session:create', { channelId: await channelIdOf(server) }));
    clock.advance(61 * MINUTE);
    const visitor = await startVisitor(server.url);
    widgets.push(visitor.socket);
    const r = await emitAck(visitor.socket, 'session:join', { link: linkToken(invitation.link) });
    assert.equal(!r.ok && r.error, 'not_found');
  });
});

test('S-8: expiry survives a restart: a new server on the same storage expires what came due while it was down', async () => {
  const clock = testClock();
  const storage = await createTestStorage(storageKindFromEnv());
  let server: TestServer | undefined;
  let visitor: WidgetSocket | undefined;
  try {
    server = await buildTestServer({ storage, env: clock.env, expiryIntervalMs: 0 });
    const started = await startVisitor(server.url);
    visitor = started.socket;
    visitor.disconnect();
    await server.close();
    server = undefined;

    clock.advance(61 * MINUTE);
    server = await buildTestServer({ storage, env: clock.env, expiryIntervalMs: 0 });
    assert.deepEqual(await server.app.expire(), { sessions: 1, permissions: 0 });
    const stored = await server.store.findSession(started.session.id);
    assert.equal(stored?.status, 'expired');
    assert.equal((await server.store.listActivity(started.session.id, 10)).at(-1)?.action, 'session.expired');
  } finally {
    visitor?.disconnect();
    await server?.close();
    await storage.cleanup();
  }
});
