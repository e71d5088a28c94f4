import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { PROTOCOL_VERSION } from '../../../src/protocol/index.js';
import { newChannel } from '../../../server/core/channel-rules.js';
import {
  buildTestServer,
  connectConsole,
  connectRefusal,
  connectWidget,
  disconnectAll,
  emitAck,
  startVisitor,
  storageKindFromEnv,
  valueOf,
  type TestServer,
} from '../../support/test-server.js';

describe('handshake refusals', () => {
  let server: TestServer;
  let cookie: string;

  before(async () => {
    server = await buildTestServer({ storage: storageKindFromEnv() });
    cookie = await server.login();
    await server.store.insertChannel(newChannel({ id: 'other-channel', key: 'other', name: 'Other', now: Date.now() }));
  });
  after(async () => {
    await server?.close();
  });

  const unknownToken = () => randomBytes(32).toString('base64url');

  const widgetCases: [string, string, Parameters<typeof connectWidget>[1], string][] = [
    ['P-1', 'another protocol version', { protocol: PROTOCOL_VERSION + 1 }, 'protocol_mismatch'],
    ['P-1', 'no protocol version', { protocol: null }, 'protocol_mismatch'],
    ['P-1', 'a protocol version as a string', { protocol: String(PROTOCOL_VERSION) }, 'protocol_mismatch'],
    ['P-2', 'a malformed channel key', { channel: 'Not A Key!' }, 'invalid_payload'],
    ['P-2', 'a malformed visitor token', { token: 'short' }, 'invalid_payload'],
    ['A-1', 'an unknown visitor token', { token: unknownToken() }, 'unauthorized'],
    ['', 'an unknown channel', { channel: 'no-such-channel' }, 'not_found'],
  ];
  for (const [rule, what, options, code] of widgetCases) {
    test(`${rule ? `${rule}: ` : ''}a widget with ${what} is refused with ${code}`, async () => {
      const refusal = await connectRefusal(connectWidget(server.url, options));
      assert.equal(refusal.code, code);
      assert.equal(typeof refusal.message, 'string');
    });
  }

  test('P-1: protocol_mismatch tells the client which version the server speaks', async () => {
    const refusal = await connectRefusal(connectWidget(server.url, { protocol: 99 }));
    assert.deepEqual(refusal.details, { expected: PROTOCOL_VERSION });
  });

  test('A-1: a visitor token is only valid in its own channel (unauthorized elsewhere)', async () => {
    const visitor = await startVisitor(server.url);
    visitor.socket.disconnect();
    const refusal = await connectRefusal(connectWidget(server.url, { channel: 'other', token: visitor.token }));
    assert.equal(refusal.code, 'unauthorized');
  });

  const consoleCases: [string, string, () => Parameters<typeof connectConsole>, string][] = [
    ['A-3', 'no cookie', () => [server.url, undefined], 'unauthorized'],
    ['A-3', 'an unknown session cookie', () => [server.url, `porthole_session=${unknownToken()}`], 'unauthorized'],
    ['A-3', 'a foreign Origin', () => [server.url, cookie, { origin: 'https://evil.example' }], 'forbidden'],
    ['A-3', 'a malformed Origin', () => [server.url, cookie, { origin: 'not a url' }], 'forbidden'],
    ['P-1', 'another protocol version', () => [server.url, cookie, { protocol: PROTOCOL_VERSION + 1 }], 'protocol_mismatch'],
  ];
  for (const [rule, what, args, code] of consoleCases) {
    test(`${rule}: a console with ${what} is refused with ${code}`, async () => {
      const refusal = await connectRefusal(connectConsole(...args()));
      assert.equal(refusal.code, code);
    });
  }

  test('A-3: after refusals the server still accepts good connections, console from its own origin included', async () => {
    const tech = await connectConsole(server.url, cookie, { origin: server.url });
    const widget = await connectWidget(server.url);
    try {
      assert.ok(Array.isArray(valueOf(await emitAck(tech, 'sessions:list', {}))));
      assert.deepEqual(valueOf(await emitAck(widget, 'session:resume', {})), { session: null, messages: [], permissions: [] });
    } finally {
      disconnectAll(tech, widget);
    }
  });
});
