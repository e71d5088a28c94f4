/**
 * Contract: deadlines kept in storage (S-8): the expiry pass and the deadline a message pushes out.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Store } from '../../../../server/core/ports.js';
import { seedSession, seedTechnician, T0, uid, uniquePin, visitorMessage } from './fixtures.js';

/** Declares the expiry tests against the store `getStore` returns. */
export function sessionExpiryContract(getStore: () => Store): void {
  describe('expireDueSessions', () => {
    test('S-8: expires open sessions at or past their deadline, returns them as saved, and leaves the rest', async () => {
      const store = getStore();
      // Earlier than every other test's deadlines, so this pass leaves their sessions alone.
      const now = T0 - 1_000_000;
      const owner = await seedTechnician(store);
      const { session: due, channel } = await seedSession(store, {
        status: 'active',
        ownerId: owner.id,
        participantIds: [owner.id],
        expiresAt: now - 1,
      });
      const { session: atDeadline } = await seedSession(store, { channel, status: 'waiting', expiresAt: now });
      const { session: queued } = await seedSession(store, { channel, status: 'in_queue', expiresAt: now - 500 });
      const { session: later } = await seedSession(store, { channel, status: 'active', expiresAt: now + 1 });
      const { session: closed } = await seedSession(store, { channel, status: 'closed', expiresAt: now - 1 });
      const { session: deleted } = await seedSession(store, { channel, status: 'active', deletedAt: T0, expiresAt: now - 1 });

      const mine = new Set([due, atDeadline, queued, later, closed, deleted].map((s) => s.id));
      const expired = (await store.expireDueSessions(now)).filter((s) => mine.has(s.id));
      const byId = new Map(expired.map((s) => [s.id, s]));
      assert.deepEqual([...byId.keys()].sort(), [due.id, atDeadline.id, queued.id].sort());
      // The save version only moves forward, even when the clock says an earlier time.
      assert.deepEqual(byId.get(due.id), { ...due, status: 'expired', updatedAt: Math.max(now, due.updatedAt + 1) });
      for (const s of expired) assert.deepEqual(await store.findSession(s.id), s, 'returned as stored');

      assert.equal((await store.findSession(later.id))?.status, 'active');
      assert.equal((await store.findSession(closed.id))?.status, 'closed');
      assert.deepEqual(await store.findSession(deleted.id), deleted);
    });

    test('S-8: each expiry happens once: a second pass returns nothing', async () => {
      const store = getStore();
      const now = T0 - 2_000_000;
      const { session } = await seedSession(store, { expiresAt: now - 10 });
      const first = await store.expireDueSessions(now);
      assert.ok(first.some((s) => s.id === session.id));
      const second = await store.expireDueSessions(now);
      assert.equal(
        second.some((s) => s.id === session.id),
        false,
      );
    });

    test('S-8, S-5: an expired invitation loses its link and PIN', async () => {
      const store = getStore();
      const now = T0 - 3_000_000;
      const [token, pin] = [uid('tok'), uniquePin()];
      const { session } = await seedSession(store, { status: 'waiting', visitorId: null, inviteToken: token, pin, expiresAt: now - 1 });
      await store.expireDueSessions(now);
      const stored = await store.findSession(session.id);
      assert.deepEqual([stored?.status, stored?.inviteToken, stored?.pin], ['expired', null, null]);
      assert.equal(await store.findSessionByPin(pin), undefined);
    });
  });

  describe('appendMessage and the deadline', () => {
    test('S-8: a message pushes the deadline out to the given time, and leaves the save version alone', async () => {
      const store = getStore();
      const { session } = await seedSession(store, { expiresAt: T0 + 100 });
      await store.appendMessage(visitorMessage(session.id, 'hi'), T0 + 5000);
      const stored = await store.findSession(session.id);
      assert.equal(stored?.expiresAt, T0 + 5000);
      assert.equal(stored?.updatedAt, session.updatedAt, 'a message is not a state change');
    });

    test('S-8: a message never moves the deadline back', async () => {
      const store = getStore();
      const { session } = await seedSession(store, { expiresAt: T0 + 9000 });
      await store.appendMessage(visitorMessage(session.id, 'hi'), T0 + 5000);
      assert.equal((await store.findSession(session.id))?.expiresAt, T0 + 9000);
    });

    test('a message without a deadline leaves it as it was', async () => {
      const store = getStore();
      const { session } = await seedSession(store, { expiresAt: T0 + 100 });
      await store.appendMessage(visitorMessage(session.id, 'hi'));
      assert.equal((await store.findSession(session.id))?.expiresAt, T0 + 100);
    });

    test('a retried message does not push the deadline', async () => {
      const store = getStore();
      const { session } = await seedSession(store, { expiresAt: T0 + 100 });
      const m = visitorMessage(session.id, 'hi');
      await store.appendMessage(m, T0 + 200);
      await store.appendMessage({ ...m, id: uid('msg') }, T0 + 900);
      assert.equal((await store.findSession(session.id))?.expiresAt, T0 + 200);
    });
  });
}
