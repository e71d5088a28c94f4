/**
 * Contract: the console's session list rows, and which sessions a technician sees.
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

/** Declares the session list tests against the store `getStore` returns. */
export function sessionListContract(getStore: () => Store): void {
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

    test('a newer message counts as newer activity in the order', async () => {
      const store = getStore();
      const tech = await seedTechnician(store);
      const channel = await seedChannel(store);
      const quiet = (await seedSession(store, { channel, updatedAt: T0 + 10 })).session;
      const chatty = (await seedSession(store, { channel, updatedAt: T0 + 1 })).session;
      await store.appendMessage(visitorMessage(chatty.id, 'hello', { createdAt: T0 + 20 }));
      const ids = (await store.listSessions([channel.id], tech.id, 10)).map((r) => r.session.id);
      assert.deepEqual(ids, [chatty.id, quiet.id]);
    });

    test('a list row carries the session, channel name, names of owner and participants, and no last message when empty', async () => {
      const store = getStore();
      const owner = await seedTechnician(store, { name: 'Grace' });
      const helper = await seedTechnician(store, { name: 'Linus' });
      const channel = await seedChannel(store, 'Billing');
      const { session } = await seedSession(store, { channel, status: 'active', ownerId: owner.id, participantIds: [helper.id] });
      const [row] = await store.listSessions([channel.id], owner.id, 10);
      assert.deepEqual(row, {
        session,
        channelName: 'Billing',
        names: { [owner.id]: 'Grace', [helper.id]: 'Linus' },
        lastMessage: null,
        unread: 0,
      });
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

    test('getSessionRow of an unknown or deleted session finds nothing', async () => {
      const store = getStore();
      const tech = await seedTechnician(store);
      const { session } = await seedSession(store, { deletedAt: T0 });
      assert.equal(await store.getSessionRow(uid('sess'), tech.id), undefined);
      assert.equal(await store.getSessionRow(session.id, tech.id), undefined);
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

    test('A-2: listSessions includes sessions the technician owns or takes part in outside their channels', async () => {
      const store = getStore();
      const tech = await seedTechnician(store);
      const other = await seedTechnician(store);
      const [mine, elsewhere] = [await seedChannel(store), await seedChannel(store)];
      const inMine = (await seedSession(store, { channel: mine, updatedAt: T0 + 1 })).session;
      const owned = (await seedSession(store, { channel: elsewhere, status: 'active', ownerId: tech.id, updatedAt: T0 + 2 })).session;
      const joined = (await seedSession(store, { channel: elsewhere, ownerId: other.id, participantIds: [tech.id], updatedAt: T0 + 3 }))
        .session;
      await seedSession(store, { channel: elsewhere, ownerId: other.id, updatedAt: T0 + 4 }); // not theirs
      const ids = (await store.listSessions([mine.id], tech.id, 10)).map((r) => r.session.id);
      assert.deepEqual(ids, [joined.id, owned.id, inMine.id]);
      const noChannels = (await store.listSessions([], tech.id, 10)).map((r) => r.session.id);
      assert.deepEqual(noChannels, [joined.id, owned.id]);
    });

    test("T-8: deleted sessions are in no list, not even their owner's", async () => {
      const store = getStore();
      const tech = await seedTechnician(store);
      const channel = await seedChannel(store);
      const kept = (await seedSession(store, { channel })).session;
      await seedSession(store, { channel, ownerId: tech.id, status: 'active', deletedAt: T0 + 1 });
      await seedSession(store, { channel, participantIds: [tech.id], deletedAt: T0 + 1 });
      assert.deepEqual(
        (await store.listSessions([channel.id], tech.id, 10)).map((r) => r.session.id),
        [kept.id],
      );
    });
  });

  describe('countActiveOwnedBy', () => {
    test('T-6: counts only active, not deleted sessions the technician owns', async () => {
      const store = getStore();
      const [tech, other] = [await seedTechnician(store), await seedTechnician(store)];
      const channel = await seedChannel(store);
      const own = (status: 'active' | 'waiting' | 'in_queue' | 'closed' | 'expired', deletedAt: number | null = null) =>
        seedSession(store, { channel, status, ownerId: tech.id, deletedAt });
      assert.equal(await store.countActiveOwnedBy(tech.id), 0);
      await own('active');
      await own('active');
      await own('waiting');
      await own('in_queue');
      await own('closed');
      await own('expired');
      await own('active', T0);
      await seedSession(store, { channel, status: 'active', ownerId: other.id });
      await seedSession(store, { channel, status: 'active', ownerId: other.id, participantIds: [tech.id] });
      assert.equal(await store.countActiveOwnedBy(tech.id), 2);
    });
  });
}
