import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { AttachmentView } from '../../../src/protocol/index.js';
import { pdfDocument, pngImage } from '../../support/sample-files.js';
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
import { upload } from './attachment-http.js';

describe('messages with an attachment', () => {
  let server: TestServer;
  let admin: string;
  let tech: ConsoleSocket;
  let visitor: VisitorFixture;
  let other: VisitorFixture;

  before(async () => {
    server = await buildTestServer({ storage: storageKindFromEnv() });
    admin = await server.login();
    tech = await connectConsole(server.url, admin);
    visitor = await startVisitor(server.url);
    other = await startVisitor(server.url);
  });
  after(async () => {
    disconnectAll(tech, visitor?.socket, other?.socket);
    await server?.close();
  });

  const uploadAs = async (
    who: { token: string } | { cookie: string },
    sessionId: string,
    name: string,
    body: Buffer,
  ): Promise<AttachmentView> => {
    const r = await upload(server, who, sessionId, name, body);
    assert.ok(r.result.ok, JSON.stringify(r.result));
    return r.result.value;
  };

  test('F-4, M-1, M-2: a visitor sends a file without text; the console hears it with its attachment, a retry stores nothing new', async () => {
    const file = await uploadAs({ token: visitor.token }, visitor.session.id, 'error.png', pngImage(8, 6));
    const clientId = newClientId();
    const heard = nextEvent(tech, 'message:created', (m) => m.clientId === clientId);
    const sent = valueOf(
      await emitAck(visitor.socket, 'message:send', { sessionId: visitor.session.id, clientId, text: '', attachmentId: file.id }),
    );
    assert.deepEqual(sent.attachment, file);
    assert.equal(sent.text, '');
    assert.deepEqual((await heard).attachment, file);
    const again = valueOf(
      await emitAck(visitor.socket, 'message:send', { sessionId: visitor.session.id, clientId, text: '', attachmentId: file.id }),
    );
    assert.equal(again.seq, sent.seq);
    const history = valueOf(await emitAck(tech, 'messages:sync', { sessionId: visitor.session.id, afterSeq: 0 }));
    assert.deepEqual(
      history.map((m) => m.attachment?.name),
      ['error.png'],
    );
  });

  test('F-4: a technician sends a file with a caption; the visitor receives it', async () => {
    const file = await uploadAs({ cookie: admin }, visitor.session.id, 'steps.pdf', pdfDocument());
    const heard = nextEvent(visitor.socket, 'message:created', (m) => m.attachment?.id === file.id);
    valueOf(
      await emitAck(tech, 'message:send', {
        sessionId: visitor.session.id,
        clientId: newClientId(),
        text: 'Follow these',
        attachmentId: file.id,
      }),
    );
    const m = await heard;
    assert.equal(m.text, 'Follow these');
    assert.equal(m.attachment?.mime, 'application/pdf');
  });

  test("F-4: nobody attaches another's file or a file of another session (not_found), and nothing is stored", async () => {
    const visitorsFile = await uploadAs({ token: visitor.token }, visitor.session.id, 'a.png', pngImage(2, 2));
    const before = (await server.store.findSession(visitor.session.id))?.lastSeq;
    const asTech = await emitAck(tech, 'message:send', {
      sessionId: visitor.session.id,
      clientId: newClientId(),
      text: 'mine now',
      attachmentId: visitorsFile.id,
    });
    assert.equal(!asTech.ok && asTech.error, 'not_found');
    const otherFile = await uploadAs({ token: other.token }, other.session.id, 'b.png', pngImage(2, 2));
    const moved = await emitAck(visitor.socket, 'message:send', {
      sessionId: visitor.session.id,
      clientId: newClientId(),
      text: '',
      attachmentId: otherFile.id,
    });
    assert.equal(!moved.ok && moved.error, 'not_found');
    assert.equal((await server.store.findSession(visitor.session.id))?.lastSeq, before);
  });

  test('F-4, M-3: without an attachment an empty text is still invalid_payload', async () => {
    const r = await emitAck(visitor.socket, 'message:send', { sessionId: visitor.session.id, clientId: newClientId(), text: '   ' });
    assert.equal(!r.ok && r.error, 'invalid_payload');
  });

  test('F-4: the console list shows a file-only last message by its name', async () => {
    const list = valueOf(await emitAck(tech, 'sessions:list', {}));
    const row = list.find((s) => s.id === other.session.id);
    assert.ok(row);
    const file = await uploadAs({ token: other.token }, other.session.id, 'only-file.png', pngImage(2, 2));
    valueOf(
      await emitAck(other.socket, 'message:send', {
        sessionId: other.session.id,
        clientId: newClientId(),
        text: '',
        attachmentId: file.id,
      }),
    );
    const after = valueOf(await emitAck(tech, 'sessions:list', {})).find((s) => s.id === other.session.id);
    assert.equal(after?.lastMessage?.text, '📎 only-file.png');
  });
});
