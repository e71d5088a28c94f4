import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { LIMITS, type ErrorCode, type MessageView } from '../../../src/protocol/index.js';
import {
  buildTestServer,
  connectConsole,
  disconnectAll,
  emitAck,
  emitRaw,
  newClientId,
  startVisitor,
  storageKindFromEnv,
  valueOf,
  type ConsoleSocket,
  type TestServer,
  type VisitorFixture,
} from '../../support/test-server.js';

/** One bad input: the event, its arguments before the ack (none: no payload at all), and the answer. */
type BadInput = { what: string; event: string; args: () => unknown[]; error: ErrorCode; path?: string; rule?: string };

describe('malformed input', () => {
  let server: TestServer;
  let tech: ConsoleSocket;
  let visitor: VisitorFixture;
  let baseline: MessageView[];

  before(async () => {
    server = await buildTestServer({ storage: storageKindFromEnv() });
    tech = await connectConsole(server.url, await server.login());
    visitor = await startVisitor(server.url);
    valueOf(await emitAck(visitor.socket, 'message:send', { sessionId: visitor.session.id, clientId: newClientId(), text: 'good one' }));
    baseline = await history();
  });
  after(async () => {
    disconnectAll(tech, visitor?.socket);
    await server?.close();
  });

  const history = async () => valueOf(await emitAck(tech, 'messages:sync', { sessionId: visitor.session.id, afterSeq: 0 }));
  const good = () => ({ sessionId: visitor.session.id, clientId: newClientId(), text: 'hello' });

  const cases: BadInput[] = [
    { what: 'no payload', event: 'message:send', args: () => [], error: 'invalid_payload' },
    { what: 'null', event: 'message:send', args: () => [null], error: 'invalid_payload' },
    { what: 'a string', event: 'message:send', args: () => ['hello'], error: 'invalid_payload' },
    { what: 'an array', event: 'message:send', args: () => [[good()]], error: 'invalid_payload' },
    { what: 'a missing text', event: 'message:send', args: () => [{ ...good(), text: undefined }], error: 'invalid_payload', path: 'text' },
    { what: 'a numeric text', event: 'message:send', args: () => [{ ...good(), text: 42 }], error: 'invalid_payload', path: 'text' },
    {
      what: 'a blank text',
      event: 'message:send',
      args: () => [{ ...good(), text: '   ' }],
      error: 'invalid_payload',
      path: 'text',
      rule: 'M-3',
    },
    {
      what: 'a missing clientId',
      event: 'message:send',
      args: () => [{ ...good(), clientId: undefined }],
      error: 'invalid_payload',
      path: 'clientId',
    },
    {
      what: 'a too short clientId',
      event: 'message:send',
      args: () => [{ ...good(), clientId: 'abc' }],
      error: 'invalid_payload',
      path: 'clientId',
    },
    {
      what: 'a sessionId with a path in it',
      event: 'message:send',
      args: () => [{ ...good(), sessionId: '../x' }],
      error: 'invalid_payload',
      path: 'sessionId',
    },
    {
      what: 'an extra key',
      event: 'message:send',
      args: () => [{ ...good(), author: { kind: 'technician' } }],
      error: 'invalid_payload',
      path: 'author',
    },
    {
      what: `a text of ${LIMITS.messageText + 1} characters`,
      event: 'message:send',
      args: () => [{ ...good(), text: 'x'.repeat(LIMITS.messageText + 1) }],
      error: 'payload_too_large',
      rule: 'M-3',
    },
    {
      what: 'a payload over 16 KiB',
      event: 'message:send',
      args: () => [{ ...good(), text: 'x'.repeat(LIMITS.eventBytes) }],
      error: 'payload_too_large',
    },
    {
      what: 'a padded payload over 16 KiB',
      event: 'message:send',
      args: () => [{ ...good(), pad: 'y'.repeat(LIMITS.eventBytes) }],
      error: 'payload_too_large',
    },
    {
      what: 'a negative afterSeq',
      event: 'messages:sync',
      args: () => [{ sessionId: visitor.session.id, afterSeq: -1 }],
      error: 'invalid_payload',
      path: 'afterSeq',
    },
    {
      what: 'a fractional afterSeq',
      event: 'messages:sync',
      args: () => [{ sessionId: visitor.session.id, afterSeq: 0.5 }],
      error: 'invalid_payload',
    },
    {
      what: 'a string afterSeq',
      event: 'messages:sync',
      args: () => [{ sessionId: visitor.session.id, afterSeq: '0' }],
      error: 'invalid_payload',
    },
    { what: 'fields in session:start', event: 'session:start', args: () => [{ channel: 'other' }], error: 'invalid_payload' },
    { what: 'an unknown event', event: 'session:delete', args: () => [{ sessionId: visitor.session.id }], error: 'unknown_event' },
  ];

  for (const c of cases) {
    test(`${c.rule ?? 'P-2'}: widget ${c.event} with ${c.what} gets ${c.error}, stores nothing, and the server still serves`, async () => {
      const r = await emitRaw(visitor.socket, c.event, ...c.args());
      assert.equal(r.ok, false);
      assert.equal(!r.ok && r.error, c.error);
      assert.doesNotMatch(!r.ok ? r.message : '', /\bat .+:\d+:\d+/, 'no stack trace');
      if (c.path) {
        const paths = ((!r.ok && r.details) || []) as { path: string }[];
        assert.ok(
          paths.some((d) => d.path === c.path),
          `details name ${c.path}: ${JSON.stringify(paths)}`,
        );
      }
      assert.deepEqual(await history(), baseline);
    });
  }

  const consoleCases: BadInput[] = [
    { what: 'fields in sessions:list', event: 'sessions:list', args: () => [{ all: true }], error: 'invalid_payload' },
    {
      what: 'a negative read mark',
      event: 'session:read',
      args: () => [{ sessionId: visitor.session.id, seq: -5 }],
      error: 'invalid_payload',
    },
    { what: 'a non-object read', event: 'session:read', args: () => [7], error: 'invalid_payload' },
    {
      what: 'an oversized reply',
      event: 'message:send',
      args: () => [{ ...good(), text: 'z'.repeat(LIMITS.messageText + 1) }],
      error: 'payload_too_large',
      rule: 'M-3',
    },
    { what: 'an unknown event', event: 'session:close', args: () => [{ sessionId: visitor.session.id }], error: 'unknown_event' },
  ];

  for (const c of consoleCases) {
    test(`${c.rule ?? 'P-2'}: console ${c.event} with ${c.what} gets ${c.error} and stores nothing`, async () => {
      const r = await emitRaw(tech, c.event, ...c.args());
      assert.equal(!r.ok && r.error, c.error);
      assert.deepEqual(await history(), baseline);
    });
  }

  test('M-2: after all that, the next good message takes the next seq, without a gap', async () => {
    const sent = valueOf(await emitAck(visitor.socket, 'message:send', good()));
    assert.equal(sent.seq, baseline.length + 1);
    assert.equal((await server.store.findSession(visitor.session.id))?.status, 'in_queue', 'no bad reply took the session');
  });
});
