/**
 * Contract: sessions as records, and their compare-and-set save (S-3 and every action of T-*).
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Session } from '../../../../server/core/model.js';
import type { Store } from '../../../../server/core/ports.js';
import { seedSession, seedTechnician, T0, uid, uniquePin } from './fixtures.js';

/** Declares the session record tests against the store `getStore` returns. */
export function sessionContract(getStore: () => Store): void {
  describe('sessions', () => {
    test('a session is found by id with every field; unknown ids find nothing', async () => {
      const store = getStore();
      const [owner, helper] = [await seedTechnician(store), await seedTechnician(store)];
      const { session } = await seedSession(store, {
        status: 'waiting',
        origin: 'technician',
        ownerId: owner.id,
        createdBy: owner.id,
        participantIds: [helper.id],
        inviteToken: uid('tok'),
        pin: uniquePin(),
        createdAt: T0 + 1,
        updatedAt: T0 + 2,
        expiresAt: T0 + 3,
      });
      assert.deepEqual(await store.findSession(session.id), session);
      assert.equal(await store.findSession(uid('sess')), undefined);
    });

    test('a deleted session is still found by id, with its deletion time', async () => {
      const store = getStore();
      const { session } = await seedSession(store, { deletedAt: T0 + 7 });
      assert.equal((await store.findSession(session.id))?.deletedAt, T0 + 7);
    });

    test("findOpenSessionOfVisitor returns the visitor's latest open session, skipping closed, expired and deleted", async () => {
      const store = getStore();
      const at = (t: number) => ({ createdAt: T0 + t, updatedAt: T0 + t });
      const { channel, visitor } = await seedSession(store, at(0));
      const { session: newest } = await seedSession(store, { channel, visitor, status: 'active', ...at(10) });
      await seedSession(store, { channel, visitor, status: 'closed', ...at(20) });
      await seedSession(store, { channel, visitor, status: 'expired', ...at(30) });
      await seedSession(store, { channel, visitor, status: 'active', deletedAt: T0 + 45, ...at(40) });
      await seedSession(store, { channel, ...at(50) }); // another visitor's
      assert.deepEqual(await store.findOpenSessionOfVisitor(visitor.id), newest);
    });

    test('S-5: findOpenSessionOfVisitor prefers the session the visitor touched last, e.g. an older invitation just joined', async () => {
      const store = getStore();
      const { channel, visitor } = await seedSession(store, { createdAt: T0 + 10, updatedAt: T0 + 10 });
      const { session: joined } = await seedSession(store, {
        channel,
        visitor,
        status: 'active',
        origin: 'technician',
        createdAt: T0,
        updatedAt: T0 + 20,
      });
      assert.equal((await store.findOpenSessionOfVisitor(visitor.id))?.id, joined.id);
    });

    test('findOpenSessionOfVisitor finds nothing when every session is closed, expired or deleted', async () => {
      const store = getStore();
      const { channel, visitor } = await seedSession(store, { status: 'closed' });
      await seedSession(store, { channel, visitor, status: 'expired' });
      await seedSession(store, { channel, visitor, deletedAt: T0 });
      assert.equal(await store.findOpenSessionOfVisitor(visitor.id), undefined);
      assert.equal(await store.findOpenSessionOfVisitor(uid('vis')), undefined);
    });
  });

  describe('saveSession (compare-and-set on updatedAt)', () => {
    test('writes every mutable field when the stored version is the expected one', async () => {
      const store = getStore();
      const owner = await seedTechnician(store);
      const { session } = await seedSession(store, { inviteToken: uid('tok'), pin: uniquePin() });
      const next: Session = {
        ...session,
        status: 'active',
        ownerId: owner.id,
        inviteToken: null,
        pin: null,
        updatedAt: T0 + 50,
        expiresAt: T0 + 5000,
        deletedAt: null,
      };
      assert.equal(await store.saveSession(next, session.updatedAt), true);
      assert.deepEqual(await store.findSession(session.id), next);
    });

    test('with a stale expected version changes nothing and says so; an unknown session is false too', async () => {
      const store = getStore();
      const owner = await seedTechnician(store);
      const { session } = await seedSession(store, { status: 'closed', updatedAt: T0 + 5 });
      assert.equal(await store.saveSession({ ...session, status: 'active', ownerId: owner.id, updatedAt: T0 + 9 }, T0), false);
      assert.deepEqual(await store.findSession(session.id), session);
      assert.equal(await store.saveSession({ ...session, id: uid('sess'), updatedAt: T0 + 9 }, T0 + 5), false);
    });

    test('S-3: of two concurrent saves from the same version, exactly one wins', async () => {
      const store = getStore();
      const [a, b] = [await seedTechnician(store), await seedTechnician(store)];
      const { session } = await seedSession(store);
      const results = await Promise.all(
        [a, b].map((t) => store.saveSession({ ...session, status: 'active', ownerId: t.id, updatedAt: T0 + 1 }, session.updatedAt)),
      );
      assert.deepEqual(results.filter(Boolean).length, 1);
      const owner = (await store.findSession(session.id))?.ownerId;
      assert.equal(owner, results[0] ? a.id : b.id);
    });

    test('a saved version cannot be saved over again from the old version', async () => {
      const store = getStore();
      const { session } = await seedSession(store);
      assert.equal(await store.saveSession({ ...session, status: 'closed', updatedAt: T0 + 1 }, T0), true);
      assert.equal(await store.saveSession({ ...session, status: 'active', updatedAt: T0 + 2 }, T0), false);
      assert.equal((await store.findSession(session.id))?.status, 'closed');
    });

    test('T-4, T-5: the participants are replaced by the saved list, in the order they joined; removed ones are gone', async () => {
      const store = getStore();
      const [t1, t2, t3] = [await seedTechnician(store), await seedTechnician(store), await seedTechnician(store)];
      const { session } = await seedSession(store, { status: 'active', participantIds: [t2.id] });
      const save = async (participantIds: string[], from: number, to: number) => {
        assert.equal(await store.saveSession({ ...session, participantIds, updatedAt: to }, from), true);
        return (await store.findSession(session.id))?.participantIds;
      };
      // Ids are random, so only the time each one joined can put t1 after t2.
      assert.deepEqual(await save([t2.id, t1.id], T0, T0 + 10), [t2.id, t1.id]);
      assert.deepEqual(await save([t1.id, t3.id], T0 + 10, T0 + 11), [t1.id, t3.id]);
      assert.deepEqual(await save([], T0 + 11, T0 + 12), []);
    });

    test('a refused save leaves the participants alone', async () => {
      const store = getStore();
      const [t1, t2] = [await seedTechnician(store), await seedTechnician(store)];
      const { session } = await seedSession(store, { participantIds: [t1.id], updatedAt: T0 + 3 });
      assert.equal(await store.saveSession({ ...session, participantIds: [t2.id], updatedAt: T0 + 4 }, T0), false);
      assert.deepEqual((await store.findSession(session.id))?.participantIds, [t1.id]);
    });

    test('T-3: a save may move the session to another channel and clear its owner', async () => {
      const store = getStore();
      const owner = await seedTechnician(store);
      const { session } = await seedSession(store, { status: 'active', ownerId: owner.id });
      const { channel: other } = await seedSession(store);
      const next: Session = { ...session, channelId: other.id, ownerId: null, status: 'in_queue', updatedAt: T0 + 1 };
      assert.equal(await store.saveSession(next, session.updatedAt), true);
      assert.deepEqual(await store.findSession(session.id), next);
    });
  });
}
