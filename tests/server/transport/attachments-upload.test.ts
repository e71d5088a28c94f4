import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  buildTestServer,
  channelIdOf,
  createChannel,
  createTechnician,
  disconnectAll,
  startVisitor,
  storageKindFromEnv,
  updateChannel,
  type TestServer,
  type VisitorFixture,
} from '../../support/test-server.js';
import { binaryNoise, elfExecutable, pdfDocument, pngImage } from '../../support/sample-files.js';
import { chunkedStream, download, upload } from './attachment-http.js';

describe('attachment uploads', () => {
  let server: TestServer;
  let admin: string;
  let visitor: VisitorFixture;

  before(async () => {
    server = await buildTestServer({ storage: storageKindFromEnv() });
    admin = await server.login();
    visitor = await startVisitor(server.url);
  });
  after(async () => {
    disconnectAll(visitor?.socket);
    await server?.close();
  });

  /** Nothing of a refused upload may stay: no file in the folder, not even a temporary one. */
  const assertNothingLeft = async () => assert.deepEqual(await server.app.files.pending(), []);

  test('F-1, F-3, F-6: a visitor uploads a PNG; it is stored as detected and served back byte for byte', async () => {
    const png = pngImage(30, 20);
    const { status, result } = await upload(server, { token: visitor.token }, visitor.session.id, 'screen.png', png);
    assert.equal(status, 200);
    assert.ok(result.ok);
    assert.deepEqual(
      { ...result.value, id: '' },
      { id: '', name: 'screen.png', size: png.length, mime: 'image/png', width: 30, height: 20 },
    );
    assert.ok(await server.app.files.exists(result.value.id));
    const got = await download(server, { token: visitor.token }, result.value.id);
    assert.equal(got.status, 200);
    assert.deepEqual(got.bytes, png);
    assert.equal(got.headers.get('content-type'), 'image/png');
    assert.match(got.headers.get('content-disposition') ?? '', /^inline;/);
    assert.equal(got.headers.get('x-content-type-options'), 'nosniff');
    assert.match(got.headers.get('content-security-policy') ?? '', /^sandbox;/);
  });

  test('F-3, F-6: a PDF claimed as an image is served as the PDF it is, as a download', async () => {
    const { result } = await upload(server, { token: visitor.token }, visitor.session.id, 'invoice.png', pdfDocument());
    assert.ok(result.ok);
    assert.equal(result.value.mime, 'application/pdf');
    const got = await download(server, { token: visitor.token }, result.value.id);
    assert.equal(got.headers.get('content-type'), 'application/pdf');
    assert.match(got.headers.get('content-disposition') ?? '', /^attachment; filename="invoice.png"/);
  });

  test('F-3: UTF-8 text is accepted as text/plain, served with its charset', async () => {
    const text = Buffer.from('Error 0x80070005 — accès refusé\nline 2\n', 'utf8');
    const { result } = await upload(server, { token: visitor.token }, visitor.session.id, 'log.txt', text);
    assert.ok(result.ok);
    assert.equal(result.value.mime, 'text/plain');
    const got = await download(server, { token: visitor.token }, result.value.id);
    assert.equal(got.headers.get('content-type'), 'text/plain; charset=utf-8');
    assert.deepEqual(got.bytes, text);
  });

  test('F-3: an executable named .png is refused with invalid_attachment and nothing is stored', async () => {
    const { status, result } = await upload(server, { token: visitor.token }, visitor.session.id, 'photo.png', elfExecutable());
    assert.equal(status, 415);
    assert.equal(!result.ok && result.error, 'invalid_attachment');
    await assertNothingLeft();
  });

  test('F-3: binary noise (not a known type, not UTF-8) and an empty file are refused', async () => {
    for (const body of [binaryNoise(), Buffer.alloc(0)]) {
      const { result } = await upload(server, { token: visitor.token }, visitor.session.id, 'x.txt', body);
      assert.equal(!result.ok && result.error, 'invalid_attachment');
    }
    await assertNothingLeft();
  });

  test('F-2: a file over the default 10 MB is refused with payload_too_large, before or while streaming; nothing stored', async () => {
    const declared = await upload(
      server,
      { token: visitor.token },
      visitor.session.id,
      'big.txt',
      Buffer.alloc(10 * 1024 * 1024 + 1, 0x61),
    );
    assert.equal(declared.status, 413);
    assert.equal(!declared.result.ok && declared.result.error, 'payload_too_large');
    // Chunked: no length to check first, so the limit stops the stream and the partial file goes.
    const streamed = await upload(server, { token: visitor.token }, visitor.session.id, 'big.txt', chunkedStream(10 * 1024 * 1024 + 65536));
    assert.equal(streamed.status, 413);
    assert.deepEqual(!streamed.result.ok && streamed.result.details, { maxBytes: 10 * 1024 * 1024 });
    await assertNothingLeft();
    // Exactly the limit passes.
    const exact = await upload(server, { token: visitor.token }, visitor.session.id, 'edge.txt', chunkedStream(10 * 1024 * 1024));
    assert.ok(exact.result.ok);
  });

  test("F-2: the channel's own limit, set by an admin, is the one enforced", async () => {
    const channel = await createChannel(server, admin, { name: 'Small files' });
    assert.equal(channel.attachmentMaxBytes, 10 * 1024 * 1024, 'a new channel has the default');
    const edited = await updateChannel(server, admin, channel.id, { attachmentMaxBytes: 2048 });
    assert.equal(edited.attachmentMaxBytes, 2048);
    const small = await startVisitor(server.url, { channel: channel.key });
    try {
      const over = await upload(server, { token: small.token }, small.session.id, 'a.txt', Buffer.alloc(2049, 0x61));
      assert.equal(!over.result.ok && over.result.error, 'payload_too_large');
      const fits = await upload(server, { token: small.token }, small.session.id, 'a.txt', Buffer.alloc(2048, 0x61));
      assert.ok(fits.result.ok);
      // Other channels keep theirs.
      const demo = await upload(server, { token: visitor.token }, visitor.session.id, 'a.txt', Buffer.alloc(4096, 0x61));
      assert.ok(demo.result.ok);
    } finally {
      small.socket.disconnect();
    }
    await assertNothingLeft();
  });

  test('F-2: an admin cannot set a limit outside 1 kB to 100 MB', async () => {
    const id = await channelIdOf(server);
    await assert.rejects(updateChannel(server, admin, id, { attachmentMaxBytes: 10 }), /invalid_payload/);
    await assert.rejects(updateChannel(server, admin, id, { attachmentMaxBytes: 200 * 1024 * 1024 }), /invalid_payload/);
  });

  test('F-7: the file name loses folders and control characters and is cut to 200 characters', async () => {
    const { result } = await upload(
      server,
      { token: visitor.token },
      visitor.session.id,
      `..\\../etc/\u202e${'n'.repeat(300)}.txt`,
      Buffer.from('x'),
    );
    assert.ok(result.ok);
    assert.equal(result.value.name, 'n'.repeat(200));
  });

  test('F-1: a technician of the channel uploads with the console cookie', async () => {
    const tech = await createTechnician(server, admin);
    await updateChannel(server, admin, await channelIdOf(server), {
      memberIds: [...(await server.store.listChannelMembers(await channelIdOf(server))).map((m) => m.id), tech.id],
    });
    const { result } = await upload(server, { cookie: tech.cookie }, visitor.session.id, 'fix.pdf', pdfDocument());
    assert.ok(result.ok);
    const got = await download(server, { token: visitor.token }, result.value.id);
    assert.equal(got.status, 200, 'the visitor downloads what the technician sent');
  });
});
