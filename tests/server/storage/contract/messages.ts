/**
 * Contract: appending messages (seq allocation, idempotency, concurrency), paging, read marks.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Store } from '../../../../server/core/ports.js';
import { appendAll, seedSession, seedTechnician, T0, technicianMessage, uid, visitorMessage } from './fixtures.js';

/** Declares the message tests against the store `getStore` returns. */
export function messageContract(getStore: () => Store): void {
  describe('appendMessage', () => {
    test('M-2: messages get seq 1, 2, 3 in order and the session records the last one', async () => {
      const store = getStore();
      const { session } = await seedSession(store);
      const inputs = [1, 2, 3].map((n) => visitorMessage(session.id, `#${n}`, { createdAt: T0 + n * 10 }));
      for (const [i, m] of inputs.entries()) {
        assert.deepEqual(await store.appendMessage(m), { message: { ...m, seq: i + 1 }, created: true });
      }
      const stored = await store.findSession(session.id);
      assert.equal(stored?.lastSeq, 3);
      assert.equal(stored?.updatedAt, session.updatedAt, 'a message is not a state change: the save version stays');
    });

    test('M-2: each session numbers its own messages from 1', async () => {
      const store = getStore();
      const [a, b] = [(await seedSession(store)).session, (await seedSession(store)).session];
      await store.appendMessage(visitorMessage(a.id, 'a1'));
      await store.appendMessage(visitorMessage(a.id, 'a2'));
      assert.equal((await store.appendMessage(visitorMessage(b.id, 'b1'))).message.seq, 1);
    });

    test("a technician's message keeps its author's id and name", async () => {
      const store = getStore();
      const tech = await seedTechnician(store, { name: 'Linus' });
      const { session } = await seedSession(store);
      const m = technicianMessage(session.id, tech, 'On it');
      await store.appendMessage(m);
      assert.deepEqual(await store.listMessages(session.id, 0, 10), [{ ...m, seq: 1 }]);
    });

    test('M-1: the same client id twice returns the stored message with created: false', async () => {
      const store = getStore();
      const { session } = await seedSession(store);
      const first = visitorMessage(session.id, 'hello');
      const { message: stored } = await store.appendMessage(first);
      const retry = { ...first, id: uid('msg'), text: 'hello again', createdAt: T0 + 5000 };
      assert.deepEqual(await store.appendMessage(retry), { message: stored, created: false });
      assert.deepEqual(await store.listMessages(session.id, 0, 10), [stored]);
      assert.equal((await store.findSession(session.id))?.lastSeq, 1, 'a retry allocates no seq');
    });

    test('M-1: the same client id in another session is another message', async () => {
      const store = getStore();
      const [a, b] = [(await seedSession(store)).session, (await seedSession(store)).session];
      const clientId = uid('c');
      await store.appendMessage(visitorMessage(a.id, 'x', { clientId }));
      const r = await store.appendMessage(visitorMessage(b.id, 'y', { clientId }));
      assert.equal(r.created, true);
      assert.equal(r.message.text, 'y');
    });

    test('M-2: 50 concurrent appends get seq 1..50, each exactly once', async () => {
      const store = getStore();
      const { session } = await seedSession(store);
      const inputs = Array.from({ length: 50 }, (_, i) => visitorMessage(session.id, `#${i}`));
      const results = await Promise.all(inputs.map((m) => store.appendMessage(m)));
      assert.ok(results.every((r) => r.created));
      assert.deepEqual(
        results.map((r) => r.message.seq).sort((x, y) => x - y),
        Array.from({ length: 50 }, (_, i) => i + 1),
      );
      const stored = await store.listMessages(session.id, 0, 100);
      assert.deepEqual(
        stored.map((m) => m.seq),
        Array.from({ length: 50 }, (_, i) => i + 1),
      );
      assert.deepEqual(new Set(stored.map((m) => m.clientId)), new Set(inputs.map((m) => m.clientId)));
      assert.equal((await store.findSession(session.id))?.lastSeq, 50);
    });

    test('M-1: concurrent duplicates of one client id store exactly one message', async () => {
      const store = getStore();
      const { session } = await seedSession(store);
      const clientId = uid('c');
      const results = await Promise.all(
        Array.from({ length: 20 }, (_, i) => store.appendMessage(visitorMessage(session.id, `try ${i}`, { clientId }))),
      );
      assert.equal(results.filter((r) => r.created).length, 1);
      const winner = results.find((r) => r.created)?.message;
      for (const r of results) assert.deepEqual(r.message, winner);
      assert.deepEqual(await store.listMessages(session.id, 0, 100), [winner]);
      assert.equal((await store.findSession(session.id))?.lastSeq, 1);
    });
  });

  describe('appendMessage in batches (group commit)', () => {
    test('M-1, M-2: concurrent appends to several sessions, with repeats and one missing session, keep per-message answers', async () => {
      const store = getStore();
      const [a, b] = [(await seedSession(store)).session, (await seedSession(store)).session];
      const repeated = uid('c');
      const inputs = [
        visitorMessage(a.id, 'a1'),
        visitorMessage(b.id, 'b1'),
        visitorMessage(a.id, 'a2', { clientId: repeated }),
        visitorMessage(a.id, 'a2 again', { clientId: repeated }),
        visitorMessage(uid('sess'), 'nowhere'),
        visitorMessage(b.id, 'b2'),
        visitorMessage(a.id, 'a3'),
      ];
      const results = await Promise.allSettled(inputs.map((m) => store.appendMessage(m)));
      assert.deepEqual(
        results.map((r) => r.status),
        ['fulfilled', 'fulfilled', 'fulfilled', 'fulfilled', 'rejected', 'fulfilled', 'fulfilled'],
        'only the message of a missing session fails',
      );
      const ok = results.map((r) => (r.status === 'fulfilled' ? r.value : null));
      assert.deepEqual(
        ok.map((r) => r && [r.message.text, r.message.seq, r.created]),
        [['a1', 1, true], ['b1', 1, true], ['a2', 2, true], ['a2', 2, false], null, ['b2', 2, true], ['a3', 3, true]],
      );
      assert.deepEqual(
        (await store.listMessages(a.id, 0, 10)).map((m) => m.text),
        ['a1', 'a2', 'a3'],
      );
      assert.equal((await store.findSession(b.id))?.lastSeq, 2);
    });

    test('M-1: a batch holding a client id stored earlier answers the stored message', async () => {
      const store = getStore();
      const { session } = await seedSession(store);
      const first = await store.appendMessage(visitorMessage(session.id, 'first'));
      const results = await Promise.all([
        store.appendMessage(visitorMessage(session.id, 'x')),
        store.appendMessage(visitorMessage(session.id, 'first, retried', { clientId: first.message.clientId })),
        store.appendMessage(visitorMessage(session.id, 'y')),
      ]);
      assert.deepEqual(results[1], { message: first.message, created: false });
      assert.deepEqual(
        results.map((r) => r.message.seq),
        [2, 1, 3],
      );
    });
    test('S-8, M-1: a retry inside a batch leaves the deadline and the numbering as they were', async () => {
      const store = getStore();
      const { session } = await seedSession(store, { expiresAt: T0 + 100 });
      const first = await store.appendMessage(visitorMessage(session.id, 'first'), T0 + 200);
      const results = await Promise.all([
        store.appendMessage(visitorMessage(session.id, 'first, retried', { clientId: first.message.clientId }), T0 + 900),
        store.appendMessage(visitorMessage(session.id, 'next')),
      ]);
      assert.deepEqual(
        results.map((r) => [r.message.seq, r.created]),
        [
          [1, false],
          [2, true],
        ],
      );
      const stored = await store.findSession(session.id);
      assert.equal(stored?.expiresAt, T0 + 200, 'the retry did not push the deadline');
      assert.equal(stored?.lastSeq, 2, 'the number the retry took was given back');
    });
  });

  describe('listMessages', () => {
    test('pages through a session with afterSeq and limit, in order, without other sessions', async () => {
      const store = getStore();
      const { session } = await seedSession(store);
      const { session: other } = await seedSession(store);
      await appendAll(
        store,
        Array.from({ length: 7 }, (_, i) => visitorMessage(session.id, `#${i + 1}`)),
      );
      await store.appendMessage(visitorMessage(other.id, 'elsewhere'));
      const seqs = async (after: number, limit: number) => (await store.listMessages(session.id, after, limit)).map((m) => m.seq);
      assert.deepEqual(await seqs(0, 3), [1, 2, 3]);
      assert.deepEqual(await seqs(3, 3), [4, 5, 6]);
      assert.deepEqual(await seqs(6, 3), [7]);
      assert.deepEqual(await seqs(7, 3), []);
      assert.deepEqual(
        (await store.listMessages(session.id, 0, 100)).map((m) => m.text),
        ['#1', '#2', '#3', '#4', '#5', '#6', '#7'],
      );
      assert.deepEqual(await store.listMessages(uid('sess'), 0, 10), []);
    });
  });

  describe('markRead', () => {
    test('the read mark moves forward and never back', async () => {
      const store = getStore();
      const tech = await seedTechnician(store);
      const { session } = await seedSession(store);
      await appendAll(
        store,
        Array.from({ length: 5 }, (_, i) => visitorMessage(session.id, `#${i + 1}`)),
      );
      const unread = async () => (await store.getSessionRow(session.id, tech.id))?.unread;
      assert.equal(await unread(), 5);
      await store.markRead(session.id, tech.id, 3);
      assert.equal(await unread(), 2);
      await store.markRead(session.id, tech.id, 1);
      assert.equal(await unread(), 2, 'an older mark does not move it back');
      await store.markRead(session.id, tech.id, 5);
      assert.equal(await unread(), 0);
    });
  });
}
