/**
 * Contract: attachment records, messages carrying an attachment, and the per-channel limit.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Attachment } from '../../../../server/core/attachment-rules.js';
import type { Store } from '../../../../server/core/ports.js';
import { seedChannel, seedSession, seedTechnician, T0, uid, visitorMessage } from './fixtures.js';

const attachmentOf = (sessionId: string, over: Partial<Attachment> = {}): Attachment => ({
  id: uid('att'),
  sessionId,
  uploader: { kind: 'visitor' },
  name: 'screen <b>1</b>.png',
  size: 5_000_000_000,
  mime: 'image/png',
  width: 1920,
  height: 1080,
  createdAt: T0,
  ...over,
});

/** Declares the attachment tests against the store `getStore` returns. */
export function attachmentContract(getStore: () => Store): void {
  describe('attachments', () => {
    test('F-1: an attachment record reads back as written (sizes past 2^32, names as text)', async () => {
      const store = getStore();
      const { session } = await seedSession(store);
      const a = attachmentOf(session.id);
      await store.insertAttachment(a);
      assert.deepEqual(await store.findAttachment(a.id), a);
      assert.equal(await store.findAttachment(uid('att')), undefined);
    });

    test("F-1: a technician's upload keeps who uploaded it; a file without a pixel size keeps nulls", async () => {
      const store = getStore();
      const tech = await seedTechnician(store);
      const { session } = await seedSession(store);
      const a = attachmentOf(session.id, {
        uploader: { kind: 'technician', id: tech.id },
        mime: 'application/pdf',
        width: null,
        height: null,
      });
      await store.insertAttachment(a);
      assert.deepEqual(await store.findAttachment(a.id), a);
    });

    test('F-4: a message keeps its attachment through append, list and the console list; text-only ones have none', async () => {
      const store = getStore();
      const tech = await seedTechnician(store);
      const { session } = await seedSession(store);
      const plain = visitorMessage(session.id, 'hello');
      const attachment = { id: uid('att'), name: 'log.txt', size: 12, mime: 'text/plain', width: null, height: null };
      const withFile = visitorMessage(session.id, '', { attachment });
      await store.appendMessage(plain);
      assert.deepEqual((await store.appendMessage(withFile)).message, { ...withFile, seq: 2 });
      const listed = await store.listMessages(session.id, 0, 10);
      assert.deepEqual(listed, [
        { ...plain, seq: 1 },
        { ...withFile, seq: 2 },
      ]);
      assert.equal('attachment' in listed[0], false);
      const row = await store.getSessionRow(session.id, tech.id);
      assert.deepEqual(row?.lastMessage?.attachment, attachment);
    });

    test('F-2: a channel keeps its attachment limit through insert and update', async () => {
      const store = getStore();
      const channel = await seedChannel(store, 'Files', { attachmentMaxBytes: 2048 });
      assert.equal((await store.findChannelById(channel.id))?.attachmentMaxBytes, 2048);
      await store.updateChannel({ ...channel, attachmentMaxBytes: 50 * 1024 * 1024 });
      assert.equal((await store.findChannelById(channel.id))?.attachmentMaxBytes, 50 * 1024 * 1024);
    });
  });
}
