import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  adminIdOf,
  buildTestServer,
  channelIdOf,
  connectConsole,
  connectWidget,
  createTechnician,
  disconnectAll,
  emitAck,
  joinedSession,
  nextEvent,
  setMembers,
  startVisitor,
  storageKindFromEnv,
  valueOf,
  type ConsoleSocket,
  type JoinedSession,
  type TestServer,
  type WidgetSocket,
} from '../../support/test-server.js';

describe('G-1..G-5: permission requests over the sockets', () => {
  let server: TestServer;
  let tech: ConsoleSocket;
  let colleague: ConsoleSocket;
  const widgets: WidgetSocket[] = [];

  before(async () => {
    server = await buildTestServer({ storage: storageKindFromEnv() });
    const cookie = await server.login();
    tech = await connectConsole(server.url, cookie);
    const bob = await createTechnician(server, cookie, { name: 'Bob' });
    await setMembers(server, cookie, await channelIdOf(server), [await adminIdOf(server), bob.id]);
    colleague = await connectConsole(server.url, bob.cookie);
  });
  after(async () => {
    disconnectAll(tech, colleague, ...widgets);
    await server?.close();
  });

  const joined = async (): Promise<JoinedSession> => {
    const j = await joinedSession(server.url, tech, await channelIdOf(server));
    widgets.push(j.widget);
    return j;
  };

  test('G-1: the visitor is asked, naming the technician and the organisation; the console hears it and the log says so', async () => {
    const { sessionId, widget } = await joined();
    const prompt = nextEvent(widget, 'permission:requested');
    const atConsole = nextEvent(colleague, 'permission:updated', (p) => p.sessionId === sessionId);
    const logged = nextEvent(colleague, 'activity:created', (a) => a.sessionId === sessionId && a.action === 'permission.requested');
    const asked = valueOf(await emitAck(tech, 'permission:request', { sessionId, capability: 'view' }));
    assert.deepEqual(
      [asked.status, asked.capability, asked.requestedBy.name, asked.organisation, asked.expiresAt - asked.requestedAt, asked.answeredAt],
      ['pending', 'view', 'Admin', 'Website', 30_000, null],
    );
    assert.deepEqual(await prompt, asked);
    assert.deepEqual(await atConsole, asked);
    assert.equal((await logged).summary, 'Admin asked the visitor for permission to view the page.');
  });

  test('G-1: asking again while the request is pending returns the same request', async () => {
    const { sessionId } = await joined();
    const first = valueOf(await emitAck(tech, 'permission:request', { sessionId, capability: 'control' }));
    const again = valueOf(await emitAck(tech, 'permission:request', { sessionId, capability: 'control' }));
    assert.deepEqual(again, first);
    assert.equal((await server.store.listPermissions(sessionId)).length, 1);
  });

  test('G-2, G-3: Allow grants; the console hears it; asking again returns the grant; a second answer is refused', async () => {
    const { sessionId, widget } = await joined();
    const asked = valueOf(await emitAck(tech, 'permission:request', { sessionId, capability: 'escalate' }));
    const atConsole = nextEvent(tech, 'permission:updated', (p) => p.id === asked.id && p.status === 'granted');
    const logged = nextEvent(tech, 'activity:created', (a) => a.sessionId === sessionId && a.action === 'permission.granted');
    const granted = valueOf(await emitAck(widget, 'permission:answer', { permissionId: asked.id, allow: true }));
    assert.deepEqual([granted.id, granted.status, typeof granted.answeredAt], [asked.id, 'granted', 'number']);
    assert.deepEqual(await atConsole, granted);
    await logged;
    assert.deepEqual(valueOf(await emitAck(tech, 'permission:request', { sessionId, capability: 'escalate' })), granted);
    const twice = await emitAck(widget, 'permission:answer', { permissionId: asked.id, allow: false });
    assert.equal(!twice.ok && twice.error, 'invalid_payload');
    assert.equal((await server.store.findPermission(asked.id))?.status, 'granted');
  });

  test('G-2: Deny refuses; asking again makes a new request', async () => {
    const { sessionId, widget } = await joined();
    const asked = valueOf(await emitAck(tech, 'permission:request', { sessionId, capability: 'view' }));
    assert.equal(valueOf(await emitAck(widget, 'permission:answer', { permissionId: asked.id, allow: false })).status, 'denied');
    const next = valueOf(await emitAck(tech, 'permission:request', { sessionId, capability: 'view' }));
    assert.notEqual(next.id, asked.id);
    assert.equal(next.status, 'pending');
  });

  test('G-4: the visitor withdraws a grant; the console hears revoked; withdrawing again answers null', async () => {
    const { sessionId, widget } = await joined();
    const asked = valueOf(await emitAck(tech, 'permission:request', { sessionId, capability: 'control' }));
    valueOf(await emitAck(widget, 'permission:answer', { permissionId: asked.id, allow: true }));
    const atConsole = nextEvent(tech, 'permission:updated', (p) => p.id === asked.id && p.status === 'revoked');
    const revoked = valueOf(await emitAck(widget, 'permission:revoke', { sessionId, capability: 'control' }));
    assert.equal(revoked?.status, 'revoked');
    await atConsole;
    assert.equal(valueOf(await emitAck(widget, 'permission:revoke', { sessionId, capability: 'control' })), null);
  });

  test('G-1: a technician not in the session is forbidden; in a session the visitor has not joined it is session_not_open', async () => {
    const { sessionId } = await joined();
    const outsider = await emitAck(colleague, 'permission:request', { sessionId, capability: 'view' });
    assert.equal(!outsider.ok && outsider.error, 'forbidden');
    const { session } = valueOf(await emitAck(tech, 'session:create', { channelId: await channelIdOf(server) }));
    const waiting = await emitAck(tech, 'permission:request', { sessionId: session.id, capability: 'view' });
    assert.equal(!waiting.ok && waiting.error, 'session_not_open');
  });

  test('G-1: a reload shows open requests again; A-1: another visitor cannot answer them', async () => {
    const { sessionId, visitorToken } = await joined();
    const asked = valueOf(await emitAck(tech, 'permission:request', { sessionId, capability: 'view' }));
    const reloaded = await connectWidget(server.url, { token: visitorToken });
    widgets.push(reloaded);
    assert.deepEqual(valueOf(await emitAck(reloaded, 'session:resume', {})).permissions, [asked]);
    const stranger = await startVisitor(server.url);
    widgets.push(stranger.socket);
    const r = await emitAck(stranger.socket, 'permission:answer', { permissionId: asked.id, allow: true });
    assert.equal(!r.ok && r.error, 'not_found');
    assert.equal((await server.store.findPermission(asked.id))?.status, 'pending');
  });
});
