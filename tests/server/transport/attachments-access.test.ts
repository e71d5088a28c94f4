import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { argon2Hasher } from '../../../server/security/argon2-hasher.js';
import { attachmentPath, attachmentUploadPath, type AttachmentView } from '../../../src/protocol/index.js';
import { pngImage } from '../../support/sample-files.js';
import {
  buildTestServer,
  channelIdOf,
  disconnectAll,
  startVisitor,
  storageKindFromEnv,
  updateChannel,
  type TestServer,
  type VisitorFixture,
} from '../../support/test-server.js';
import { download, upload } from './attachment-http.js';

describe('who may upload and download attachments', () => {
  let server: TestServer;
  let admin: string;
  let a: VisitorFixture;
  let b: VisitorFixture;
  let outsider: string;
  let file: AttachmentView;

  before(async () => {
    server = await buildTestServer({ storage: storageKindFromEnv() });
    admin = await server.login();
    a = await startVisitor(server.url);
    b = await startVisitor(server.url);
    const password = 'outsider-password-1';
    await server.store.insertTechnician({
      id: 'outsider',
      email: 'outsider@test.local',
      name: 'Outsider',
      role: 'technician',
      passwordHash: await argon2Hasher.hash(password),
      createdAt: Date.now(),
    });
    outsider = await server.login({ email: 'outsider@test.local', password });
    const r = await upload(server, { token: a.token }, a.session.id, 'mine.png', pngImage(4, 4));
    assert.ok(r.result.ok);
    file = r.result.value;
  });
  after(async () => {
    disconnectAll(a?.socket, b?.socket);
    await server?.close();
  });

  test("F-5, A-1: visitor B gets not_found for visitor A's file and cannot upload into A's session", async () => {
    const got = await download(server, { token: b.token }, file.id);
    assert.equal(got.status, 404);
    assert.equal((got.json() as { error: string }).error, 'not_found');
    const up = await upload(server, { token: b.token }, a.session.id, 'x.png', pngImage(2, 2));
    assert.equal(!up.result.ok && up.result.error, 'not_found');
    assert.deepEqual(await server.app.files.pending(), []);
  });

  test('F-5, A-2: a technician outside the channel gets not_found (not forbidden), for download and upload', async () => {
    const got = await download(server, { cookie: outsider }, file.id);
    assert.equal(got.status, 404);
    const up = await upload(server, { cookie: outsider }, a.session.id, 'x.png', pngImage(2, 2));
    assert.equal(!up.result.ok && up.result.error, 'not_found');
  });

  test('F-5: a member of the channel downloads it; a stranger without credentials is unauthorized', async () => {
    assert.equal((await download(server, { cookie: admin }, file.id)).status, 200);
    assert.equal((await download(server, null, file.id)).status, 401);
    assert.equal((await download(server, { token: 'x'.repeat(43) }, file.id)).status, 401);
    assert.equal((await download(server, { cookie: admin }, 'no-such-file')).status, 404);
  });

  test('F-5: once the session is deleted, its files are not_found for everyone', async () => {
    const c = await startVisitor(server.url);
    try {
      const r = await upload(server, { token: c.token }, c.session.id, 'gone.png', pngImage(2, 2));
      assert.ok(r.result.ok);
      const stored = await server.store.findSession(c.session.id);
      assert.ok(stored);
      await server.store.saveSession({ ...stored, deletedAt: Date.now(), updatedAt: stored.updatedAt + 1 }, stored.updatedAt);
      assert.equal((await download(server, { token: c.token }, r.result.value.id)).status, 404);
      assert.equal((await download(server, { cookie: admin }, r.result.value.id)).status, 404);
    } finally {
      c.socket.disconnect();
    }
  });

  test('F-1, S-4: a closed session takes no uploads (session_not_open), but its files stay readable', async () => {
    const c = await startVisitor(server.url);
    try {
      const r = await upload(server, { token: c.token }, c.session.id, 'before.png', pngImage(2, 2));
      assert.ok(r.result.ok);
      const stored = await server.store.findSession(c.session.id);
      assert.ok(stored);
      await server.store.saveSession({ ...stored, status: 'closed', updatedAt: stored.updatedAt + 1 }, stored.updatedAt);
      const after = await upload(server, { token: c.token }, c.session.id, 'after.png', pngImage(2, 2));
      assert.equal(!after.result.ok && after.result.error, 'session_not_open');
      assert.equal((await download(server, { token: c.token }, r.result.value.id)).status, 200);
    } finally {
      c.socket.disconnect();
    }
  });

  test("A-4: a visitor's upload from a website the channel does not allow is forbidden; an allowed one gets CORS", async () => {
    const url = `${server.url}${attachmentUploadPath(a.session.id)}?name=x.png`;
    const headers = { authorization: `Bearer ${a.token}`, 'content-type': 'application/octet-stream' };
    const evil = await fetch(url, {
      method: 'POST',
      headers: { ...headers, origin: 'https://evil.example' },
      body: new Uint8Array(pngImage(2, 2)),
    });
    assert.equal(evil.status, 403);
    await updateChannel(server, admin, await channelIdOf(server), { allowedOrigins: ['https://shop.example'] });
    const preflight = await fetch(url, {
      method: 'OPTIONS',
      headers: {
        origin: 'https://shop.example',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization',
      },
    });
    assert.equal(preflight.status, 204);
    assert.equal(preflight.headers.get('access-control-allow-origin'), 'https://shop.example');
    assert.match(preflight.headers.get('access-control-allow-headers') ?? '', /Authorization/);
    const shop = await fetch(url, {
      method: 'POST',
      headers: { ...headers, origin: 'https://shop.example' },
      body: new Uint8Array(pngImage(2, 2)),
    });
    assert.equal(shop.status, 200);
    assert.equal(shop.headers.get('access-control-allow-origin'), 'https://shop.example');
    const got = await fetch(`${server.url}${attachmentPath(file.id)}`, {
      headers: { authorization: headers.authorization, origin: 'https://shop.example' },
    });
    assert.equal(got.status, 200);
  });
});
