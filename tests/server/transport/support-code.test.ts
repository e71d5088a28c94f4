import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import {
  adminIdOf,
  buildTestServer,
  channelIdOf,
  connectConsole,
  connectWidget,
  createChannel,
  createTechnician,
  disconnectAll,
  emitAck,
  nextEvent,
  setMembers,
  storageKindFromEnv,
  valueOf,
  type ConsoleSocket,
  type TestServer,
  type WidgetSocket,
} from '../../support/test-server.js';

describe('S-6, S-7: support codes', () => {
  let server: TestServer;
  let admin: ConsoleSocket;
  let colleague: ConsoleSocket;
  let stranger: ConsoleSocket;
  const widgets: WidgetSocket[] = [];
  const widget = async (token?: string) => {
    const w = await connectWidget(server.url, token ? { token } : {});
    widgets.push(w);
    return w;
  };

  before(async () => {
    server = await buildTestServer({ storage: storageKindFromEnv() });
    const adminCookie = await server.login();
    admin = await connectConsole(server.url, adminCookie);
    const bob = await createTechnician(server, adminCookie, { name: 'Bob' });
    await setMembers(server, adminCookie, await channelIdOf(server), [await adminIdOf(server), bob.id]);
    colleague = await connectConsole(server.url, bob.cookie);
    const eve = await createTechnician(server, adminCookie, { name: 'Eve' });
    await createChannel(server, adminCookie, { name: 'Elsewhere', memberIds: [eve.id] });
    stranger = await connectConsole(server.url, eve.cookie);
  });
  after(async () => {
    disconnectAll(admin, colleague, stranger, ...widgets);
    await server?.close();
  });

  test('S-6: asking for a code opens an sos session in queue and announces it; the same page gets the same code', async () => {
    const visitor = await widget();
    const pageId = randomUUID();
    const created = nextEvent(admin, 'session:created');
    const first = valueOf(await emitAck(visitor, 'sos:code', { pageId }));
    assert.match(first.code, /^\d{9}$/);
    assert.deepEqual([first.session.status, first.session.origin, first.session.owner], ['in_queue', 'sos', null]);
    assert.match(first.token, /^[A-Za-z0-9_-]{32,}$/);
    assert.equal((await created).id, first.session.id);

    const again = valueOf(await emitAck(visitor, 'sos:code', { pageId }));
    assert.deepEqual([again.code, again.session.id, again.token], [first.code, first.session.id, '']);
    const reconnected = await widget(first.token);
    assert.equal(valueOf(await emitAck(reconnected, 'sos:code', { pageId })).code, first.code, 'a reconnect of the same page keeps it');
  });

  test('S-6: a new page load gets a new code for the same session, and the old code is refused', async () => {
    const visitor = await widget();
    const first = valueOf(await emitAck(visitor, 'sos:code', { pageId: randomUUID() }));
    const reloaded = await widget(first.token);
    const second = valueOf(await emitAck(reloaded, 'sos:code', { pageId: randomUUID() }));
    assert.notEqual(second.code, first.code);
    assert.equal(second.session.id, first.session.id);
    const old = await emitAck(admin, 'session:connect-code', { code: first.code });
    assert.equal(!old.ok && old.error, 'not_found');
    assert.equal((await server.store.findSession(first.session.id))?.ownerId, null, 'nobody took it with the old code');
  });

  test('S-7: a member types the code and takes the session; the visitor and the console hear it', async () => {
    const visitor = await widget();
    const { code, session } = valueOf(await emitAck(visitor, 'sos:code', { pageId: randomUUID() }));
    const atVisitor = nextEvent(visitor, 'session:updated');
    const atConsole = nextEvent(admin, 'activity:created', (a) => a.sessionId === session.id && a.action === 'session.code_connected');
    const taken = valueOf(
      await emitAck(admin, 'session:connect-code', { code: `${code.slice(0, 3)}-${code.slice(3, 6)}-${code.slice(6)}` }),
    );
    assert.deepEqual([taken.id, taken.status, taken.owner?.name], [session.id, 'active', 'Admin']);
    assert.equal((await atVisitor).owner?.name, 'Admin');
    assert.equal((await atConsole).actor.kind, 'technician');
  });

  test('S-7: after that the code refuses another member of the channel, while the owner can reconnect with it', async () => {
    const visitor = await widget();
    const { code, session } = valueOf(await emitAck(visitor, 'sos:code', { pageId: randomUUID() }));
    valueOf(await emitAck(admin, 'session:connect-code', { code }));
    const other = await emitAck(colleague, 'session:connect-code', { code });
    assert.equal(!other.ok && other.error, 'forbidden');
    const owner = valueOf(await emitAck(admin, 'session:connect-code', { code }));
    assert.equal(owner.id, session.id);
    assert.equal(owner.owner?.name, 'Admin');
    assert.equal((await server.store.findSession(session.id))?.ownerId, await adminIdOf(server));
  });

  test('S-7: a technician of another channel cannot use the code, even while nobody owns the session', async () => {
    const visitor = await widget();
    const { code, session } = valueOf(await emitAck(visitor, 'sos:code', { pageId: randomUUID() }));
    const r = await emitAck(stranger, 'session:connect-code', { code });
    assert.equal(!r.ok && r.error, 'not_found', 'a foreign code looks like an unknown one');
    assert.equal((await server.store.findSession(session.id))?.ownerId, null);
  });

  test('S-7: an unknown code is not_found; a malformed one invalid_payload', async () => {
    const unknown = await emitAck(admin, 'session:connect-code', { code: '000000000' });
    assert.equal(!unknown.ok && unknown.error, 'not_found');
    const malformed = await emitAck(admin, 'session:connect-code', { code: '12345' });
    assert.equal(!malformed.ok && malformed.error, 'invalid_payload');
  });
});
