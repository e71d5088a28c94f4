import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { MessageView } from '../../../src/protocol/index.js';
import {
  buildTestServer,
  connectConsole,
  disconnectAll,
  emitAck,
  newClientId,
  nextEvent,
  startVisitor,
  storageKindFromEnv,
  valueOf,
  type ConsoleSocket,
  type TestServer,
  type VisitorFixture,
} from '../../support/test-server.js';

describe('retried messages', () => {
  let server: TestServer;
  let tech: ConsoleSocket;
  let visitor: VisitorFixture;

  before(async () => {
    server = await buildTestServer({ storage: storageKindFromEnv() });
    tech = await connectConsole(server.url, await server.login());
    visitor = await startVisitor(server.url);
  });
  after(async () => {
    disconnectAll(tech, visitor?.socket);
    await server?.close();
  });

  const sync = async () => valueOf(await emitAck(visitor.socket, 'messages:sync', { sessionId: visitor.session.id, afterSeq: 0 }));

  test('M-1: the same clientId sent twice by the visitor stores one message', async () => {
    const before = (await sync()).length;
    const payload = { sessionId: visitor.session.id, clientId: newClientId(), text: 'Is anyone there?' };
    const first = valueOf(await emitAck(visitor.socket, 'message:send', payload));
    const second = valueOf(await emitAck(visitor.socket, 'message:send', payload));
    assert.deepEqual(second, first);
    const stored = await sync();
    assert.equal(stored.length, before + 1);
    assert.equal(stored.filter((m) => m.clientId === payload.clientId).length, 1);
  });

  test('M-1: a retry with other text still answers with the message first stored', async () => {
    const clientId = newClientId();
    const first = valueOf(await emitAck(visitor.socket, 'message:send', { sessionId: visitor.session.id, clientId, text: 'original' }));
    const retry = valueOf(await emitAck(visitor.socket, 'message:send', { sessionId: visitor.session.id, clientId, text: 'edited' }));
    assert.equal(retry.text, 'original');
    assert.equal(retry.id, first.id);
  });

  test('M-1: concurrent retries of one technician message store it once', async () => {
    const payload = { sessionId: visitor.session.id, clientId: newClientId(), text: 'Working on it' };
    const acks = await Promise.all(Array.from({ length: 5 }, () => emitAck(tech, 'message:send', payload)));
    const ids = new Set(acks.map((a) => valueOf(a).id));
    assert.equal(ids.size, 1);
    assert.equal((await sync()).filter((m) => m.clientId === payload.clientId).length, 1);
  });

  test('M-1: a retry announces nothing new to the console', async () => {
    const announced: string[] = [];
    const record = (m: MessageView) => announced.push(m.clientId);
    tech.on('message:created', record);
    try {
      const payload = { sessionId: visitor.session.id, clientId: newClientId(), text: 'once' };
      valueOf(await emitAck(visitor.socket, 'message:send', payload));
      valueOf(await emitAck(visitor.socket, 'message:send', payload));
      // Facts reach one socket in the order they were sent, so once the console hears this later
      // message it has heard everything the retry could have caused.
      const marker = { sessionId: visitor.session.id, clientId: newClientId(), text: 'marker' };
      const heard = nextEvent(tech, 'message:created', (m) => m.clientId === marker.clientId);
      valueOf(await emitAck(visitor.socket, 'message:send', marker));
      await heard;
      assert.deepEqual(announced, [payload.clientId, marker.clientId]);
    } finally {
      tech.off('message:created', record);
    }
  });

  test('M-2: retries leave no gap in the numbering', async () => {
    const seqs = (await sync()).map((m) => m.seq);
    assert.deepEqual(
      seqs,
      Array.from({ length: seqs.length }, (_, i) => i + 1),
    );
    const next = valueOf(
      await emitAck(visitor.socket, 'message:send', { sessionId: visitor.session.id, clientId: newClientId(), text: 'next' }),
    );
    assert.equal(next.seq, seqs.length + 1);
  });
});
