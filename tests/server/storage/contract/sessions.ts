/**
 * Contract: sessions, their compare-and-set status change, and the console's list rows.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Store } from '../../../../server/core/ports.js';
import {
  appendAll,
  seedChannel,
  seedSession,
  seedTechnician,
  seedVisitor,
  T0,
  technicianMessage,
  uid,
  visitorMessage,
} from './fixtures.js';

/** Declares the session tests against the store `getStore` returns. */
export function sessionContract(getStore: () => Store): void {
  describe('sessions', () => {
    test('a session is found by id with every field; unknown ids find nothing', async () => {
      const store = getStore();
      const owner = await seedTechnician(store);
      const { session } = await seedSession(store, { status: 'active', ownerId: owner.id, createdAt: T0 + 1, updatedAt: T0 + 2 });
      assert.deepEqual(await store.findSession(session.id), session);
      assert.equal(await store.findSession(uid('sess')), undefined);
    });

    test("findOpenSessionOfVisitor returns the visitor's newest open session, skipping closed and expired", async () => {
      const store = getStore();
      const { channel, visitor } = await seedSession(store, { createdAt: T0 });
      const { session: newest } = await seedSession(store, { channel, visitor, status: 'active', createdAt: T0 + 10 });
      await seedSession(store, { channel, visitor, status: 'closed', createdAt: T0 + 20 });
      await seedSession(store, { channel, visitor, status: 'expired', createdAt: T0 + 30 });
      await seedSession(store, { channel, createdAt: T0 + 40 }); // another visitor's
      assert.deepEqual(await store.findOpenSessionOfVisitor(visitor.id), newest);
    });

    test('findOpenSessionOfVisitor finds nothing when every session is closed or expired', async () => {
      const store = getStore();
      const { channel, visitor } = await seedSession(store, { status: 'closed' });
      await seedSession(store, { channel, visitor, status: 'expired' });
      assert.equal(await store.findOpenSessionOfVisitor(visitor.id), undefined);
      assert.equal(await store.findOpenSessionOfVisitor(uid('vis')), undefined);
    });

    test('updateSessionStatus changes status, owner and time when the status is still the expected one', async () => {
      const store = getStore();
      const owner = await seedTechnician(store);
      const { session } = await seedSession(store);
      const next = { status: 'active', ownerId: owner.id, updatedAt: T0 + 50 } as const;
      assert.equal(await store.updateSessionStatus(session.id, 'in_queue', next), true);
      assert.deepEqual(await store.findSession(session.id), { ...session, ...next });
    });

    test('updateSessionStatus with a stale expected status changes nothing and says so', async () => {
      const store = getStore();
      const owner = await seedTechnician(store);
      const { session } = await seedSession(store, { status: 'closed' });
      assert.equal(
        await store.updateSessionStatus(session.id, 'in_queue', { status: 'active', ownerId: owner.id, updatedAt: T0 + 9 }),
        false,
      );
      assert.deepEqual(await store.findSession(session.id), session);
      assert.equal(await store.updateSessionStatus(uid('sess'), 'in_queue', { status: 'active', ownerId: null, updatedAt: T0 }), false);
    });

    test('S-3: of two concurrent compare-and-sets from the same status, exactly one wins', async () => {
      const store = getStore();
      const [a, b] = [await seedTechnician(store), await seedTechnician(store)];
      const { session } = await seedSession(store);
      const results = await Promise.all(
        [a, b].map((t) => store.updateSessionStatus(session.id, 'in_queue', { status: 'active', ownerId: t.id, updatedAt: T0 + 1 })),
      );
      assert.deepEqual(results.filter(Boolean).length, 1);
      const owner = (await store.findSession(session.id))?.ownerId;
      assert.equal(owner, results[0] ? a.id : b.id);
    });
  });

  describe('session list rows', () => {
    test('listSessions returns the sessions of the given channels, newest activity first, up to the limit', async () => {
      const store = getStore();
      const tech = await seedTechnician(store);
      const [a, b] = [await seedChannel(store, 'A'), await seedChannel(store, 'B')];
      await seedSession(store, { channel: await seedChannel(store, 'C'), updatedAt: T0 + 99 }); // not asked for
      const s1 = (await seedSession(store, { channel: a, updatedAt: T0 + 1 })).session;
      const s2 = (await seedSession(store, { channel: b, updatedAt: T0 + 3 })).session;
      const s3 = (await seedSession(store, { channel: a, updatedAt: T0 + 2 })).session;
      const ids = async (channels: string[], limit: number) =>
        (await store.listSessions(channels, tech.id, limit)).map((r) => r.session.id);
      assert.deepEqual(await ids([a.id], 10), [s3.id, s1.id]);
      assert.deepEqual(await ids([a.id, b.id], 10), [s2.id, s3.id, s1.id]);
      assert.deepEqual(await ids([a.id, b.id], 2), [s2.id, s3.id]);
      assert.deepEqual(await ids([], 10), []);
    });

    test('a list row carries the session, channel name, owner name, and no last message when empty', async () => {
      const store = getStore();
      const owner = await seedTechnician(store, { name: 'Grace' });
      const channel = await seedChannel(store, 'Billing');
      const { session } = await seedSession(store, { channel, status: 'active', ownerId: owner.id });
      const [row] = await store.listSessions([channel.id], owner.id, 10);
      assert.deepEqual(row, { session, channelName: 'Billing', ownerName: 'Grace', lastMessage: null, unread: 0 });
      assert.deepEqual(await store.getSessionRow(session.id, owner.id), row);
    });

    test("unread counts the visitor's messages after each technician's own read mark; last message is the newest", async () => {
      const store = getStore();
      const [tech, other] = [await seedTechnician(store), await seedTechnician(store)];
      const { channel, session } = await seedSession(store);
      const last = visitorMessage(session.id, 'four', { createdAt: T0 + 4 });
      await appendAll(store, [
        visitorMessage(session.id, 'one', { createdAt: T0 + 1 }),
        visitorMessage(session.id, 'two', { createdAt: T0 + 2 }),
        technicianMessage(session.id, tech, 'three', { createdAt: T0 + 3 }),
        last,
      ]);
      const row = async (t: string) => (await store.listSessions([channel.id], t, 10))[0];
      assert.equal((await row(tech.id)).unread, 3, 'technician messages never count');
      assert.deepEqual((await row(tech.id)).lastMessage, { ...last, seq: 4 });
      assert.equal((await row(tech.id)).session.lastSeq, 4);

      await store.markRead(session.id, tech.id, 2);
      assert.equal((await row(tech.id)).unread, 1);
      assert.equal((await store.getSessionRow(session.id, tech.id))?.unread, 1);
      assert.equal((await row(other.id)).unread, 3, "one technician's read mark is not another's");
    });

    test('getSessionRow of an unknown session finds nothing', async () => {
      const store = getStore();
      const tech = await seedTechnician(store);
      assert.equal(await store.getSessionRow(uid('sess'), tech.id), undefined);
    });

    test('a session of a visitor in another channel does not leak into the list', async () => {
      const store = getStore();
      const tech = await seedTechnician(store);
      const [mine, theirs] = [await seedChannel(store), await seedChannel(store)];
      const { session } = await seedSession(store, { channel: mine });
      await seedSession(store, { channel: theirs, visitor: await seedVisitor(store, theirs.id) });
      assert.deepEqual(
        (await store.listSessions([mine.id], tech.id, 10)).map((r) => r.session.id),
        [session.id],
      );
    });
  });
}
