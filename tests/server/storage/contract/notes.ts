/**
 * Contract: internal notes (their own numbering, idempotency) and receipts (marks only move forward).
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { InternalNote } from '../../../../server/core/model.js';
import type { Store } from '../../../../server/core/ports.js';
import { seedSession, T0, uid, visitorMessage } from './fixtures.js';

const note = (sessionId: string, text: string, over: Partial<InternalNote> = {}): Omit<InternalNote, 'seq'> => ({
  id: uid('note'),
  sessionId,
  clientId: uid('c'),
  author: { id: 'tech-1', name: 'Grace' },
  text,
  createdAt: T0,
  ...over,
});

/** Declares the notes and receipts tests against the store `getStore` returns. */
export function noteContract(getStore: () => Store): void {
  describe('internal notes', () => {
    test('N-1: notes are numbered 1, 2, ... apart from the messages, which stay gap-free', async () => {
      const store = getStore();
      const { session } = await seedSession(store);
      await store.appendMessage(visitorMessage(session.id, 'm1'));
      const n1 = await store.appendNote(note(session.id, 'looks like a driver issue'));
      const n2 = await store.appendNote(note(session.id, 'agreed'));
      const m2 = await store.appendMessage(visitorMessage(session.id, 'm2'));
      assert.deepEqual([n1.note.seq, n2.note.seq, m2.message.seq], [1, 2, 2]);
      assert.equal(n1.created, true);
      const stored = await store.findSession(session.id);
      assert.equal(stored?.lastSeq, 2);
      assert.equal(stored?.updatedAt, session.updatedAt, 'a note is not a state change');
      assert.deepEqual(
        (await store.listNotes(session.id, 0, 10)).map((n) => [n.seq, n.text, n.author.name]),
        [
          [1, 'looks like a driver issue', 'Grace'],
          [2, 'agreed', 'Grace'],
        ],
      );
      assert.deepEqual(
        (await store.listNotes(session.id, 1, 10)).map((n) => n.seq),
        [2],
      );
    });

    test('N-1, M-1: the same client id twice returns the stored note and allocates nothing', async () => {
      const store = getStore();
      const { session } = await seedSession(store);
      const first = note(session.id, 'once');
      const { note: stored } = await store.appendNote(first);
      const again = await store.appendNote({ ...first, id: uid('note'), text: 'twice' });
      assert.deepEqual(again, { note: stored, created: false });
      assert.equal((await store.appendNote(note(session.id, 'next'))).note.seq, 2);
    });

    test('N-1: a note keeps the session alive like a message', async () => {
      const store = getStore();
      const { session } = await seedSession(store);
      await store.appendNote(note(session.id, 'x'), session.expiresAt + 60_000);
      assert.equal((await store.findSession(session.id))?.expiresAt, session.expiresAt + 60_000);
    });
  });

  describe('receipts', () => {
    test('D-1: marks move forward, read counts as delivered, and a mark that does not move answers null', async () => {
      const store = getStore();
      const { session } = await seedSession(store);
      assert.deepEqual(await store.listReceipts(session.id), []);
      assert.deepEqual(await store.advanceReceipt(session.id, 'visitor', 3, 0), {
        sessionId: session.id,
        side: 'visitor',
        deliveredSeq: 3,
        readSeq: 0,
      });
      assert.equal(await store.advanceReceipt(session.id, 'visitor', 2, 0), null, 'never back');
      assert.equal(await store.advanceReceipt(session.id, 'visitor', 3, 0), null, 'same marks move nothing');
      assert.deepEqual(await store.advanceReceipt(session.id, 'visitor', 0, 5), {
        sessionId: session.id,
        side: 'visitor',
        deliveredSeq: 5,
        readSeq: 5,
      });
      assert.equal(await store.advanceReceipt(session.id, 'visitor', 4, 4), null);
    });

    test('D-1: each side has its own marks; a first all-zero mark is no news', async () => {
      const store = getStore();
      const { session } = await seedSession(store);
      assert.equal(await store.advanceReceipt(session.id, 'technicians', 0, 0), null);
      await store.advanceReceipt(session.id, 'technicians', 2, 1);
      await store.advanceReceipt(session.id, 'visitor', 7, 0);
      assert.deepEqual(
        (await store.listReceipts(session.id)).map((r) => [r.side, r.deliveredSeq, r.readSeq]),
        [
          ['technicians', 2, 1],
          ['visitor', 7, 0],
        ],
      );
    });
  });
}
