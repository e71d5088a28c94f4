import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  acceptedType,
  attachmentLimit,
  cleanFileName,
  downloadHeaders,
  mayAttach,
  type Attachment,
  type DetectedContent,
} from '../../../server/core/attachment-rules.js';
import { editChannel } from '../../../server/core/channel-rules.js';
import { makeChannel } from './fixtures.js';

const content = (over: Partial<DetectedContent>): DetectedContent => ({ mime: null, text: false, width: null, height: null, ...over });

const file: Attachment = {
  id: 'a1',
  sessionId: 's1',
  uploader: { kind: 'technician', id: 't1' },
  name: 'x.png',
  size: 10,
  mime: 'image/png',
  width: 1,
  height: 1,
  createdAt: 0,
};

describe('attachment rules', () => {
  test('F-2: the limit is the channel’s; an edit without one keeps it', () => {
    const channel = makeChannel({ attachmentMaxBytes: 4096 });
    assert.equal(attachmentLimit(channel), 4096);
    assert.equal(attachmentLimit(undefined), 10 * 1024 * 1024);
    const { name, expirationMinutes, allowedOrigins, siteUrl, downloadLinks } = channel;
    assert.equal(editChannel(channel, { name, expirationMinutes, allowedOrigins, siteUrl, downloadLinks }).attachmentMaxBytes, 4096);
  });

  test('F-3: detected types of the allow-list pass as detected; text only when nothing else matched', () => {
    assert.deepEqual(acceptedType(10, content({ mime: 'image/webp' })), { ok: true, value: 'image/webp' });
    assert.deepEqual(acceptedType(10, content({ text: true })), { ok: true, value: 'text/plain' });
    for (const mime of ['application/x-elf', 'application/x-msdownload', 'application/java-archive', 'image/svg+xml', 'text/html']) {
      const r = acceptedType(10, content({ mime, text: true }));
      assert.equal(!r.ok && r.error, 'invalid_attachment', mime);
    }
    assert.equal(acceptedType(10, content({})).ok, false, 'binary that is not text');
    assert.equal(acceptedType(0, content({ text: true })).ok, false, 'empty');
  });

  test('F-7: names lose folders, control and bidi characters, and are never empty', () => {
    assert.equal(cleanFileName('C:\\Users\\me\\report.pdf'), 'report.pdf');
    assert.equal(cleanFileName('../../etc/passwd'), 'passwd');
    assert.equal(cleanFileName('evil\u202egnp.exe'), 'evilgnp.exe');
    assert.equal(cleanFileName('a\u0000b\nc'), 'abc');
    assert.equal(cleanFileName('   /'), 'file');
    assert.equal(
      cleanFileName('<img src=x onerror=alert(1)>.png'),
      '<img src=x onerror=alert(1)>.png',
      'markup stays text; clients bind it as text',
    );
  });

  test('F-4: only the uploader attaches a file, and only in its own session', () => {
    assert.ok(mayAttach(file, 's1', { kind: 'technician', id: 't1' }).ok);
    assert.equal(mayAttach(file, 's1', { kind: 'technician', id: 't2' }).ok, false);
    assert.equal(mayAttach(file, 's1', { kind: 'visitor' }).ok, false);
    assert.equal(mayAttach(file, 's2', { kind: 'technician', id: 't1' }).ok, false);
    assert.equal(mayAttach(undefined, 's1', { kind: 'visitor' }).ok, false);
  });

  test('F-6: images inline, other files as downloads, both sandboxed and never sniffed; names encoded', () => {
    const img = downloadHeaders({ name: 'ß "x".png', mime: 'image/png', size: 3 });
    assert.equal(img['Content-Disposition'], `inline; filename="_ _x_.png"; filename*=UTF-8''%C3%9F%20%22x%22.png`);
    assert.equal(img['X-Content-Type-Options'], 'nosniff');
    assert.match(img['Content-Security-Policy'], /^sandbox;/);
    const pdf = downloadHeaders({ name: 'a.pdf', mime: 'application/pdf', size: 3 });
    assert.match(pdf['Content-Disposition'], /^attachment;/);
    assert.equal(downloadHeaders({ name: 'a.txt', mime: 'text/plain', size: 3 })['Content-Type'], 'text/plain; charset=utf-8');
  });
});
