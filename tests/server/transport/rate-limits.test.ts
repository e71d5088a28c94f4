import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import type { ChannelView } from '../../../src/protocol/index.js';
import {
  adminIdOf,
  buildTestServer,
  connectConsole,
  connectWidget,
  createChannel,
  createTechnician,
  disconnectAll,
  emitAck,
  linkToken,
  storageKindFromEnv,
  testClock,
  valueOf,
  type ConsoleSocket,
  type TestServer,
  type WidgetSocket,
} from '../../support/test-server.js';

let lastAddress = 0;
/** A client address no other test used, sent as X-Forwarded-For (the server trusts its proxy here). */
const newAddress = () => `198.51.100.${++lastAddress}`;

describe('J-1, J-2: limits on wrong PINs and support codes', () => {
  const clock = testClock();
  let server: TestServer;
  let cookie: string;
  let tech: ConsoleSocket;
  const sockets: (WidgetSocket | ConsoleSocket)[] = [];

  before(async () => {
    server = await buildTestServer({ storage: storageKindFromEnv(), env: clock.env, trustProxy: true });
    cookie = await server.login();
    tech = await connectConsole(server.url, cookie);
  });
  after(async () => {
    disconnectAll(tech, ...sockets);
    await server?.close();
  });

  /** A fresh channel the admin works in, so channel counts start at zero; sessions there live a day. */
  const channel = async (): Promise<ChannelView> =>
    createChannel(server, cookie, {
      name: `Desk ${randomUUID().slice(0, 6)}`,
      memberIds: [await adminIdOf(server)],
      expirationMinutes: 1440,
    });
  const widgetAt = async (key: string, address: string) => {
    const w = await connectWidget(server.url, { channel: key, headers: { 'x-forwarded-for': address } });
    sockets.push(w);
    return w;
  };
  const consoleAt = async (address: string, as = cookie) => {
    const c = await connectConsole(server.url, as, { headers: { 'x-forwarded-for': address } });
    sockets.push(c);
    return c;
  };
  const invite = async (c: ChannelView) => valueOf(await emitAck(tech, 'session:create', { channelId: c.id })).invitation;
  /** Six digits that are nobody's PIN: every live PIN here was made by `invite` and is listed in `taken`. */
  const wrongPin = (...taken: (string | null)[]) => ['111111', '222222', '333333'].find((p) => !taken.includes(p))!;
  const tryPins = async (w: WidgetSocket, pin: string, times: number) => {
    for (let i = 0; i < times; i++) {
      const r = await emitAck(w, 'session:join', { pin });
      assert.equal(!r.ok && r.error, 'not_found', `wrong PIN #${i + 1} is simply wrong`);
    }
  };

  test('J-1: the 7th PIN in a minute from one address is rate_limited, even a right one; the link and other addresses still work', async () => {
    const desk = await channel();
    const [a, b] = [await invite(desk), await invite(desk)];
    const w = await widgetAt(desk.key, newAddress());
    await tryPins(w, wrongPin(a.pin, b.pin), 6);
    const limited = await emitAck(w, 'session:join', { pin: a.pin! });
    assert.equal(!limited.ok && limited.error, 'rate_limited');
    assert.deepEqual(!limited.ok && limited.details, { retryAfterMs: 60_000 });
    assert.equal(valueOf(await emitAck(w, 'session:join', { link: linkToken(b.link) })).session.status, 'active', 'the link keeps working');
    const elsewhere = await widgetAt(desk.key, newAddress());
    assert.equal(valueOf(await emitAck(elsewhere, 'session:join', { pin: a.pin! })).session.status, 'active');
  });

  test('J-1: a minute later the address may try again', async () => {
    const desk = await channel();
    const a = await invite(desk);
    const w = await widgetAt(desk.key, newAddress());
    await tryPins(w, wrongPin(a.pin), 6);
    clock.advance(61_000);
    assert.equal(valueOf(await emitAck(w, 'session:join', { pin: a.pin! })).session.status, 'active');
  });

  test('J-1: 30 wrong PINs in an hour from one address are refused for the rest of the hour, in any channel', async () => {
    const [first, second, third] = [await channel(), await channel(), await channel()];
    const address = newAddress();
    for (let round = 0; round < 5; round++) {
      await tryPins(await widgetAt(round < 3 ? first.key : second.key, address), '444444', 6);
      clock.advance(61_000);
    }
    const a = await invite(third);
    const limited = await emitAck(await widgetAt(third.key, address), 'session:join', { pin: a.pin! });
    assert.equal(!limited.ok && limited.error, 'rate_limited');
    assert.deepEqual(!limited.ok && limited.details, { retryAfterMs: 3_600_000 });
    clock.advance(3_600_000);
    assert.equal(valueOf(await emitAck(await widgetAt(third.key, address), 'session:join', { pin: a.pin! })).session.status, 'active');
  });

  test('J-1: 20 wrong PINs an hour in one channel, from many addresses, close PIN entry there for everyone', async () => {
    const desk = await channel();
    const a = await invite(desk);
    for (let i = 0; i < 4; i++) await tryPins(await widgetAt(desk.key, newAddress()), wrongPin(a.pin), 5);
    const fresh = await widgetAt(desk.key, newAddress());
    const limited = await emitAck(fresh, 'session:join', { pin: a.pin! });
    assert.equal(!limited.ok && limited.error, 'rate_limited');
    assert.equal(valueOf(await emitAck(fresh, 'session:join', { link: linkToken(a.link) })).session.status, 'active');
    const other = await channel();
    const b = await invite(other);
    assert.equal(
      valueOf(await emitAck(await widgetAt(other.key, newAddress()), 'session:join', { pin: b.pin! })).session.status,
      'active',
      'other channels are not affected',
    );
  });

  const sosCode = async () => {
    const visitor = await widgetAt('demo', newAddress());
    return valueOf(await emitAck(visitor, 'sos:code', { pageId: randomUUID() })).code;
  };
  const wrongCodes = async (c: ConsoleSocket, times: number) => {
    for (let i = 0; i < times; i++) {
      const r = await emitAck(c, 'session:connect-code', { code: '000000001' });
      assert.equal(!r.ok && r.error, 'not_found');
    }
  };

  test('J-2: the 7th support code in a minute from one address is rate_limited, even a right one', async () => {
    const code = await sosCode();
    const c = await consoleAt(newAddress());
    await wrongCodes(c, 6);
    const limited = await emitAck(c, 'session:connect-code', { code });
    assert.equal(!limited.ok && limited.error, 'rate_limited');
    clock.advance(61_000);
    assert.equal(valueOf(await emitAck(c, 'session:connect-code', { code })).status, 'active', 'a minute later it works');
  });

  test('J-2: 20 wrong codes an hour by one technician, from any addresses, stop that technician only', async () => {
    clock.advance(3_600_001); // past the hour of the earlier tests' failures
    const code = await sosCode();
    for (let i = 0; i < 4; i++) await wrongCodes(await consoleAt(newAddress()), 5);
    const limited = await emitAck(await consoleAt(newAddress()), 'session:connect-code', { code });
    assert.equal(!limited.ok && limited.error, 'rate_limited');
    const bob = await createTechnician(server, cookie, { name: 'Bob' });
    await createChannel(server, cookie, { name: `Bob's desk ${randomUUID().slice(0, 4)}`, memberIds: [bob.id] });
    const r = await emitAck(await consoleAt(newAddress(), bob.cookie), 'session:connect-code', { code });
    assert.equal(!r.ok && r.error, 'not_found', 'another technician is not limited (and this code is not for his channel)');
  });
});
