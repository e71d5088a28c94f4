import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  buildTestServer,
  channelIdOf,
  connectConsole,
  connectWidget,
  createChannel,
  disconnectAll,
  emitAck,
  linkToken,
  newClientId,
  nextEvent,
  storageKindFromEnv,
  valueOf,
  type ConsoleSocket,
  type TestServer,
  type WidgetSocket,
} from '../../support/test-server.js';

describe('S-5: a technician-created session, opened by link or PIN', () => {
  let server: TestServer;
  let tech: ConsoleSocket;
  let demoId: string;
  const widgets: WidgetSocket[] = [];
  const widget = async () => {
    const w = await connectWidget(server.url);
    widgets.push(w);
    return w;
  };

  before(async () => {
    server = await buildTestServer({ storage: storageKindFromEnv() });
    tech = await connectConsole(server.url, await server.login());
    demoId = await channelIdOf(server);
  });
  after(async () => {
    disconnectAll(tech, ...widgets);
    await server?.close();
  });

  test('S-5: "New session" is waiting, owned by its creator, with a link of 256 random bits and a 6-digit PIN', async () => {
    const created = nextEvent(tech, 'session:created');
    const logged = nextEvent(tech, 'activity:created', (a) => a.action === 'session.created');
    const { session, invitation } = valueOf(await emitAck(tech, 'session:create', { channelId: demoId }));
    assert.deepEqual(
      [session.status, session.origin, session.owner?.name, session.channelName],
      ['waiting', 'technician', 'Admin', 'Website'],
    );
    assert.equal(new URL(invitation.link).origin, server.url, "the link opens this server's demo site");
    assert.match(linkToken(invitation.link), /^[A-Za-z0-9_-]{43}$/);
    assert.match(invitation.pin ?? '', /^\d{6}$/);
    assert.equal((await created).id, session.id);
    assert.equal((await logged).sessionId, session.id);
    const details = valueOf(await emitAck(tech, 'session:details', { sessionId: session.id }));
    assert.deepEqual(details.invitation, invitation, 'the session view shows the invitation while it waits');
  });

  test('S-5: the visitor opens the link: active, the console hears the update and the activity, and the link works only once', async () => {
    const { session, invitation } = valueOf(await emitAck(tech, 'session:create', { channelId: demoId }));
    const updated = nextEvent(tech, 'session:updated', (s) => s.id === session.id);
    const logged = nextEvent(tech, 'activity:created', (a) => a.sessionId === session.id && a.action === 'visitor.joined');
    const visitor = await widget();
    const joined = valueOf(await emitAck(visitor, 'session:join', { link: linkToken(invitation.link) }));
    assert.equal(joined.session.id, session.id);
    assert.equal(joined.session.status, 'active');
    assert.equal(joined.session.owner?.name, 'Admin');
    assert.match(joined.token, /^[A-Za-z0-9_-]{32,}$/, 'a new visitor gets a token');
    assert.deepEqual(joined.messages, []);
    assert.equal((await updated).status, 'active');
    assert.equal((await logged).actor.kind, 'visitor');

    const again = await emitAck(await widget(), 'session:join', { link: linkToken(invitation.link) });
    assert.equal(!again.ok && again.error, 'not_found');
    const byPin = await emitAck(await widget(), 'session:join', { pin: invitation.pin ?? '' });
    assert.equal(!byPin.ok && byPin.error, 'not_found', 'S-5: both secrets stop working at once');
    const details = valueOf(await emitAck(tech, 'session:details', { sessionId: session.id }));
    assert.equal(details.invitation, null);
    assert.equal(details.visitorOnline, true);
  });

  test('S-5: the visitor types the PIN (spaces allowed): active, and then neither PIN nor link works', async () => {
    const { session, invitation } = valueOf(await emitAck(tech, 'session:create', { channelId: demoId }));
    const pin = invitation.pin ?? '';
    const updated = nextEvent(tech, 'session:updated', (s) => s.id === session.id);
    const joined = valueOf(await emitAck(await widget(), 'session:join', { pin: `${pin.slice(0, 3)} ${pin.slice(3)}` }));
    assert.equal(joined.session.status, 'active');
    assert.equal((await updated).status, 'active');
    for (const p of [{ pin }, { link: linkToken(invitation.link) }]) {
      const r = await emitAck(await widget(), 'session:join', p);
      assert.equal(!r.ok && r.error, 'not_found');
    }
  });

  test('S-5: the joined visitor chats with the technician in the session', async () => {
    const { session, invitation } = valueOf(await emitAck(tech, 'session:create', { channelId: demoId }));
    const visitor = await widget();
    valueOf(await emitAck(visitor, 'session:join', { link: linkToken(invitation.link) }));
    const heard = nextEvent(visitor, 'message:created');
    const sent = valueOf(
      await emitAck(tech, 'message:send', { sessionId: session.id, clientId: newClientId(), text: 'Hello, I am Admin.' }),
    );
    assert.deepEqual(await heard, sent);
    const reply = valueOf(await emitAck(visitor, 'message:send', { sessionId: session.id, clientId: newClientId(), text: 'Hi!' }));
    assert.equal(reply.seq, 2);
  });

  test('S-5: a visitor who already has a token keeps it when joining', async () => {
    const first = await widget();
    const { token } = valueOf(await emitAck(first, 'session:start', {}));
    const returning = await connectWidget(server.url, { token });
    widgets.push(returning);
    const { invitation } = valueOf(await emitAck(tech, 'session:create', { channelId: demoId }));
    const joined = valueOf(await emitAck(returning, 'session:join', { link: linkToken(invitation.link) }));
    assert.equal(joined.token, '');
    assert.equal(joined.session.status, 'active');
  });

  test("S-5: a link or PIN of another channel's session does not open it from this channel", async () => {
    const cookie = await server.login();
    const other = await createChannel(server, cookie, {
      name: 'Other desk',
      memberIds: [(await server.store.findTechnicianByEmail('admin@test.local'))!.id],
    });
    const { session, invitation } = valueOf(await emitAck(tech, 'session:create', { channelId: other.id }));
    const visitor = await widget(); // channel "demo"
    for (const p of [{ pin: invitation.pin ?? '' }, { link: linkToken(invitation.link) }]) {
      const r = await emitAck(visitor, 'session:join', p);
      assert.equal(!r.ok && r.error, 'not_found');
    }
    assert.equal((await server.store.findSession(session.id))?.status, 'waiting', 'still waiting for its own visitor');
  });

  test('S-5: a technician may only create sessions in a channel they belong to', async () => {
    const r = await emitAck(tech, 'session:create', { channelId: 'no-such-channel' });
    assert.equal(!r.ok && r.error, 'forbidden');
  });
});
