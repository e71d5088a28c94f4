import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  buildTestServer,
  channelIdOf,
  connectConsole,
  connectWidget,
  disconnectAll,
  emitAck,
  emitRaw,
  storageKindFromEnv,
  valueOf,
  type ConsoleSocket,
  type TestServer,
  type WidgetSocket,
} from '../../support/test-server.js';
import { ORDER_FORM, profileBody, setProfile } from './profile-support.js';

describe('pre-chat form over the widget socket (Q-1..Q-3)', () => {
  let server: TestServer;
  let admin: string;
  let tech: ConsoleSocket;
  const sockets: WidgetSocket[] = [];
  const widget = async () => {
    const s = await connectWidget(server.url);
    sockets.push(s);
    return s;
  };

  before(async () => {
    server = await buildTestServer({ storage: storageKindFromEnv() });
    admin = await server.login();
    await setProfile(server, admin, await channelIdOf(server), profileBody({ prechat: { enabled: true } }));
    tech = await connectConsole(server.url, admin);
  });
  after(async () => {
    disconnectAll(tech, ...sockets);
    await server?.close();
  });

  const sessionCount = async () => (await server.store.listSessions([await channelIdOf(server)], 'nobody', 1000)).length;

  test('Q-1: channel:profile gives the widget the form and says the channel is open', async () => {
    const profile = valueOf(await emitAck(await widget(), 'channel:profile', {}));
    assert.deepEqual(profile, { name: 'Website', prechat: ORDER_FORM, offline: null });
  });

  test('Q-2: a new session without the required answers is refused, naming the fields, and nothing is stored', async () => {
    const before = await sessionCount();
    const s = await widget();
    const r = await emitAck(s, 'session:start', {});
    assert.equal(!r.ok && r.error, 'invalid_payload');
    assert.deepEqual(!r.ok && (r.details as { field: string }[]).map((d) => d.field).sort(), ['name', 'order']);
    const wrong = await emitAck(s, 'session:start', { prechat: { name: 'Ada', order: '1', email: 'nope' } });
    assert.equal(!wrong.ok && wrong.error, 'invalid_payload');
    for (const payload of [
      { prechat: { name: 42 } },
      { prechat: 'Ada' },
      { prechat: { name: 'x'.repeat(1001), order: '1' } },
      { other: 1 },
    ]) {
      const bad = await emitRaw(s, 'session:start', payload);
      assert.equal(bad.ok, false, JSON.stringify(payload).slice(0, 60));
    }
    assert.equal(await sessionCount(), before);
  });

  test('Q-3: the answers go with the session start and the technician reads them, as labels and text', async () => {
    const s = await widget();
    const started = valueOf(
      await emitAck(s, 'session:start', { prechat: { name: 'Ada <b>L</b>', order: 'A-1234', email: 'ADA@example.com', question: '' } }),
    );
    const details = valueOf(await emitAck(tech, 'session:details', { sessionId: started.session.id }));
    assert.deepEqual(details.profile, {
      prechat: [
        { field: 'name', label: 'Name', value: 'Ada <b>L</b>' },
        { field: 'email', label: 'Email', value: 'ada@example.com' },
        { field: 'order', label: 'Order number', value: 'A-1234' },
      ],
      identity: null,
    });
    // a visitor with an open session continues it without answering again.
    const again = valueOf(await emitAck(s, 'session:start', {}));
    assert.equal(again.session.id, started.session.id);
  });

  test('Q-1: without a form a session starts with no answers and the session view has no profile', async () => {
    const other = await buildTestServer({ storage: storageKindFromEnv() });
    let s: WidgetSocket | undefined;
    let t: ConsoleSocket | undefined;
    try {
      s = await connectWidget(other.url);
      assert.equal(valueOf(await emitAck(s, 'channel:profile', {})).prechat, null);
      const started = valueOf(await emitAck(s, 'session:start', {}));
      t = await connectConsole(other.url, await other.login());
      const details = valueOf(await emitAck(t, 'session:details', { sessionId: started.session.id }));
      assert.equal(details.profile, null);
    } finally {
      disconnectAll(s, t);
      await other.close();
    }
  });
});
