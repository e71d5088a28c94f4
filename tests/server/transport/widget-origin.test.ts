import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  buildTestServer,
  channelIdOf,
  connectRefusal,
  connectWidget,
  createChannel,
  disconnectAll,
  emitAck,
  storageKindFromEnv,
  updateChannel,
  valueOf,
  type TestServer,
} from '../../support/test-server.js';

describe('A-4: which websites may open a widget in a channel', () => {
  let server: TestServer;
  let cookie: string;

  before(async () => {
    server = await buildTestServer({ storage: storageKindFromEnv() });
    cookie = await server.login();
    await updateChannel(server, cookie, await channelIdOf(server), { allowedOrigins: ['https://shop.example', 'http://localhost:3000'] });
  });
  after(async () => {
    await server?.close();
  });

  const refused: [string, string][] = [
    ['a foreign site', 'https://evil.example'],
    ['an allowed host over another scheme', 'http://shop.example'],
    ['an allowed host on another port', 'https://shop.example:8443'],
    ['a subdomain of an allowed site', 'https://www.shop.example'],
    ['a malformed Origin', 'not a url'],
  ];
  for (const [what, origin] of refused) {
    test(`A-4: a widget on ${what} (${origin}) is refused with forbidden`, async () => {
      const refusal = await connectRefusal(connectWidget(server.url, { origin }));
      assert.equal(refusal.code, 'forbidden');
      assert.match(refusal.message, /not allowed/);
    });
  }

  const accepted: [string, () => string | undefined][] = [
    ["the server's own pages", () => server.url],
    ['an allowed site', () => 'https://shop.example'],
    ['another allowed site, with its port', () => 'http://localhost:3000'],
    ['a client that sends no Origin (not a browser)', () => undefined],
  ];
  for (const [what, origin] of accepted) {
    test(`A-4: a widget on ${what} connects and may ask for help`, async () => {
      const widget = await connectWidget(server.url, { origin: origin() });
      try {
        assert.equal(valueOf(await emitAck(widget, 'session:start', {})).session.status, 'in_queue');
      } finally {
        disconnectAll(widget);
      }
    });
  }

  test('A-4: origins are per channel: an origin allowed in one channel is refused in another', async () => {
    const other = await createChannel(server, cookie, { name: 'Partner desk', allowedOrigins: ['https://partner.example'] });
    const refusal = await connectRefusal(connectWidget(server.url, { channel: other.key, origin: 'https://shop.example' }));
    assert.equal(refusal.code, 'forbidden');
    const widget = await connectWidget(server.url, { channel: other.key, origin: 'https://partner.example' });
    disconnectAll(widget);
  });

  test('A-4: an admin removing an origin refuses that site from the next connection on', async () => {
    const demo = await channelIdOf(server);
    await updateChannel(server, cookie, demo, { allowedOrigins: ['http://localhost:3000'] });
    try {
      const refusal = await connectRefusal(connectWidget(server.url, { origin: 'https://shop.example' }));
      assert.equal(refusal.code, 'forbidden');
    } finally {
      await updateChannel(server, cookie, demo, { allowedOrigins: ['https://shop.example', 'http://localhost:3000'] });
    }
  });
});
