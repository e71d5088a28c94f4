import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { OfflineMessageView } from '../../../src/protocol/index.js';
import {
  api,
  buildTestServer,
  channelIdOf,
  connectConsole,
  connectWidget,
  createChannel,
  createTechnician,
  disconnectAll,
  emitAck,
  emitRaw,
  storageKindFromEnv,
  testClock,
  valueOf,
  type TechnicianFixture,
  type TestClock,
  type TestServer,
  type WidgetSocket,
} from '../../support/test-server.js';
import { OFFICE_WEEK, profileBody, setProfile } from './profile-support.js';

const SATURDAY_NOON = Date.parse('2026-12-05T12:00:00Z');
const MONDAY_TEN = Date.parse('2026-12-07T10:00:00Z');

describe('offline hours and leaving a message (O-1..O-4)', () => {
  let server: TestServer;
  let clock: TestClock;
  let admin: string;
  let member: TechnicianFixture;
  let outsider: TechnicianFixture;
  let demo: string;
  const sockets: WidgetSocket[] = [];
  const widget = async (channel = 'demo') => {
    const s = await connectWidget(server.url, { channel });
    sockets.push(s);
    return s;
  };
  const offlineNow = async (channel = 'demo') => valueOf(await emitAck(await widget(channel), 'channel:profile', {})).offline;

  before(async () => {
    clock = testClock(SATURDAY_NOON - Date.now());
    server = await buildTestServer({ storage: storageKindFromEnv(), env: clock.env });
    admin = await server.login();
    member = await createTechnician(server, admin, { name: 'Member' });
    outsider = await createTechnician(server, admin, { name: 'Outsider' });
    demo = await channelIdOf(server);
    await setProfile(server, admin, demo, profileBody({ hours: { enabled: true, timeZone: 'Europe/Paris', weekly: OFFICE_WEEK } }));
  });
  after(async () => {
    disconnectAll(...sockets);
    await server?.close();
  });

  test('O-1: outside business hours on the server clock the channel is offline (hours); inside, open', async () => {
    assert.equal(await offlineNow(), 'hours');
    clock.advance(MONDAY_TEN - SATURDAY_NOON);
    assert.equal(await offlineNow(), null);
    clock.advance(SATURDAY_NOON - MONDAY_TEN);
    assert.equal(await offlineNow(), 'hours');
  });

  test('O-1: with "offline when nobody is online", the channel is offline until a member opens the console', async () => {
    const channel = await createChannel(server, admin, { name: 'Night desk', memberIds: [member.id] });
    await setProfile(server, admin, channel.id, profileBody({ hours: { offlineWhenNobodyOnline: true } }));
    assert.equal(await offlineNow(channel.key), 'nobody_online');
    const notMember = await connectConsole(server.url, outsider.cookie);
    try {
      assert.equal(await offlineNow(channel.key), 'nobody_online', 'a technician of another channel does not count');
      const console = await connectConsole(server.url, member.cookie);
      assert.equal(await offlineNow(channel.key), null);
      const gone = new Promise((resolve) =>
        server.app.io
          .of('/console')
          .sockets.get(console.id ?? '')
          ?.once('disconnect', resolve),
      );
      console.disconnect();
      await gone;
      assert.equal(await offlineNow(channel.key), 'nobody_online');
    } finally {
      notMember.disconnect();
    }
  });

  test('O-2: a message left with an email is stored with what a ticket needs; bad ones are refused and store nothing', async () => {
    const s = await widget();
    const before = await server.store.listOfflineMessages([demo], 100);
    for (const payload of [
      { name: 'Ada', message: 'Hello' },
      { email: 'not-an-email', message: 'Hello' },
      { email: 'ada@example.com', message: '   ' },
      { email: 'ada@example.com', message: 'x'.repeat(4001) },
      { email: 'ada@example.com', message: 'Hi', extra: true },
    ]) {
      const r = await emitRaw(s, 'offline:leave', payload);
      assert.equal(r.ok, false, JSON.stringify(payload).slice(0, 80));
    }
    assert.deepEqual(await server.store.listOfflineMessages([demo], 100), before);

    const r = valueOf(await emitAck(s, 'offline:leave', { email: 'Ada@Example.com', name: 'Ada', message: 'Please call me back' }));
    const [stored] = await server.store.listOfflineMessages([demo], 1);
    assert.deepEqual(stored, {
      id: r.id,
      channelId: demo,
      visitorId: null,
      name: 'Ada',
      email: 'ada@example.com',
      message: 'Please call me back',
      fields: {},
      identity: null,
      createdAt: stored.createdAt,
      ticketId: stored.ticketId,
    });
    assert.ok(Math.abs(stored.createdAt - clock.now()) < 60_000, 'stamped on the server clock');

    // O-2: it became a ticket of the service desk, with what the visitor left.
    assert.ok(stored.ticketId, 'the message names its ticket');
    const ticket = await server.store.findTicket(stored.ticketId);
    assert.equal(ticket?.origin, 'widget');
    assert.equal(ticket?.customer.email, 'ada@example.com');
    assert.equal(ticket?.customer.name, 'Ada');
    assert.equal(ticket?.description, 'Please call me back');
    assert.equal(ticket?.status, 'open');

    // O-5: the visitor is told by mail, threaded on the ticket (the outbox here: no SMTP).
    const mails = await server.store.listMailsOfTicket(stored.ticketId);
    assert.deepEqual(
      mails.map((m) => [m.direction, m.to, m.status]),
      [['out', 'ada@example.com', 'outbox']],
    );
    assert.match(mails[0].subject, new RegExp(`^We received your message \\[#T-${ticket?.number}\\]$`));
    assert.match(mails[0].text, /> Please call me back/);
  });

  test('O-3: members and admins list the messages of their channels; others do not see them', async () => {
    const list = async (cookie: string) => {
      const r = await api<OfflineMessageView[]>(server, cookie, 'GET', '/api/offline-messages');
      assert.equal(r.status, 200);
      return r.body.ok ? r.body.value : [];
    };
    const mine = (await list(admin)).filter((m) => m.channelId === demo);
    assert.equal(mine[0]?.message, 'Please call me back');
    assert.match(mine[0]?.ticketId ?? '', /.+/, 'the list names the ticket it became');
    assert.deepEqual(await list(outsider.cookie), []);
    assert.equal((await api(server, '', 'GET', '/api/offline-messages')).status, 401);
  });

  test('O-4: leaving messages is limited per address; a refused one stores nothing, and a minute later one more goes', async () => {
    const s = await widget();
    const leave = (n: number) => emitAck(s, 'offline:leave', { email: 'flood@example.com', message: `Message ${n}` });
    const stored = async () => (await server.store.listOfflineMessages([demo], 500)).filter((m) => m.email === 'flood@example.com');
    // O-2's test above left one already from this address: four more fill the burst of five.
    for (let n = 1; n <= 4; n++) valueOf(await leave(n));
    const refused = await leave(5);
    assert.equal(refused.ok, false);
    assert.equal(!refused.ok && refused.error, 'rate_limited');
    const retryAfterMs = !refused.ok ? (refused.details as { retryAfterMs: number }).retryAfterMs : 0;
    assert.ok(retryAfterMs > 0 && retryAfterMs <= 60_000, `retry after ${retryAfterMs} ms`);
    assert.equal((await stored()).length, 4, 'the refused message is not stored');
    clock.advance(retryAfterMs);
    valueOf(await leave(6));
    assert.deepEqual((await stored()).map((m) => m.message).sort(), ['Message 1', 'Message 2', 'Message 3', 'Message 4', 'Message 6']);
  });
});
