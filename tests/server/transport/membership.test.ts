import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { SessionFact } from '../../../src/protocol/index.js';
import {
  adminIdOf,
  buildTestServer,
  channelIdOf,
  connectConsole,
  createChannel,
  createTechnician,
  disconnectAll,
  emitAck,
  nextEvent,
  setMembers,
  startVisitor,
  storageKindFromEnv,
  valueOf,
  type ConsoleSocket,
  type TechnicianFixture,
  type TestServer,
  type WidgetSocket,
} from '../../support/test-server.js';

describe('A-5: channel membership changes reach a connected console without reconnecting', () => {
  let server: TestServer;
  let admin: string;
  let bob: TechnicianFixture;
  let console_: ConsoleSocket;
  let demoId: string;
  let ownKey: string;
  const widgets: WidgetSocket[] = [];

  before(async () => {
    server = await buildTestServer({ storage: storageKindFromEnv() });
    admin = await server.login();
    bob = await createTechnician(server, admin, { name: 'Bob' });
    ownKey = (await createChannel(server, admin, { name: 'Bob desk', memberIds: [bob.id] })).key;
    demoId = await channelIdOf(server);
    console_ = await connectConsole(server.url, bob.cookie);
  });
  after(async () => {
    disconnectAll(console_, ...widgets);
    await server?.close();
  });

  const visitorIn = async (channel = 'demo') => {
    const v = await startVisitor(server.url, { channel });
    widgets.push(v.socket);
    return v;
  };
  const listed = async () => valueOf(await emitAck(console_, 'sessions:list', {})).map((s) => s.id);

  test('before joining the channel Bob neither lists nor may open its sessions', async () => {
    const visitor = await visitorIn();
    assert.equal((await listed()).includes(visitor.session.id), false);
    const r = await emitAck(console_, 'session:details', { sessionId: visitor.session.id });
    assert.equal(!r.ok && r.error, 'forbidden');
  });

  test("A-5: added to the channel, Bob's open console hears its new sessions and lists them", async () => {
    await setMembers(server, admin, demoId, [await adminIdOf(server), bob.id]);
    const created = nextEvent(console_, 'session:created');
    const visitor = await visitorIn();
    assert.equal((await created).id, visitor.session.id);
    assert.ok((await listed()).includes(visitor.session.id));
    assert.equal(valueOf(await emitAck(console_, 'session:details', { sessionId: visitor.session.id })).session.id, visitor.session.id);
  });

  test("A-5: removed from the channel, Bob's console stops hearing it and no longer lists it", async () => {
    const earlier = await visitorIn();
    await setMembers(server, admin, demoId, [await adminIdOf(server)]);
    const heard: SessionFact[] = [];
    const record = (s: SessionFact) => heard.push(s);
    console_.on('session:created', record);
    try {
      await visitorIn(); // in demo: Bob must not hear of it
      // Facts reach one socket in order: once Bob hears a session of his own channel that started
      // later, he would have heard the demo one before it.
      const marker = nextEvent(console_, 'session:created', (s) => s.channelName === 'Bob desk');
      const own = await visitorIn(ownKey);
      assert.equal((await marker).id, own.session.id);
      assert.deepEqual(
        heard.map((s) => s.id),
        [own.session.id],
      );
    } finally {
      console_.off('session:created', record);
    }
    assert.equal((await listed()).includes(earlier.session.id), false);
    const r = await emitAck(console_, 'session:details', { sessionId: earlier.session.id });
    assert.equal(!r.ok && r.error, 'forbidden');
  });
});
