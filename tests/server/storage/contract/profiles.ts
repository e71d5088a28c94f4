/**
 * Contract: channel profiles, session profiles, offline messages and verified users' visitors
 * (SPEC.md F-*, H-*, O-*, I-*).
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Store } from '../../../../server/core/ports.js';
import type { ChannelProfile, OfflineMessage } from '../../../../server/core/profile-model.js';
import { seedChannel, seedSession, seedVisitor, T0, uid } from './fixtures.js';

const profileOf = (channelId: string, over: Partial<ChannelProfile> = {}): ChannelProfile => ({
  channelId,
  prechat: {
    enabled: true,
    name: { enabled: true, required: true },
    email: { enabled: true, required: false },
    question: { enabled: false, required: false },
    custom: [{ id: 'order', label: 'Order № «1»', required: true }],
  },
  hours: {
    enabled: true,
    timeZone: 'Europe/Paris',
    weekly: { mon: [{ from: '09:00', to: '17:00' }], tue: [], wed: [], thu: [], fri: [{ from: '22:00', to: '06:00' }], sat: [], sun: [] },
    holidays: ['2026-12-25'],
    offlineWhenNobodyOnline: true,
  },
  identitySecret: uid('secret'),
  updatedAt: T0,
  ...over,
});

const offline = (channelId: string, over: Partial<OfflineMessage> = {}): OfflineMessage => ({
  id: uid('off'),
  channelId,
  visitorId: null,
  name: 'Ada',
  email: 'ada@example.com',
  message: 'Call me back',
  fields: { order: 'A-1' },
  identity: null,
  createdAt: T0,
  ticketId: null,
  ...over,
});

/** Declares the profile tests against the store `getStore` returns. */
export function profileContract(getStore: () => Store): void {
  describe('channel profiles', () => {
    test('Q-1, H-1: a channel profile keeps its form, hours and secret; saving again replaces it', async () => {
      const store = getStore();
      const c = await seedChannel(store);
      assert.equal(await store.findChannelProfile(c.id), undefined);
      const first = profileOf(c.id);
      await store.saveChannelProfile(first);
      assert.deepEqual(await store.findChannelProfile(c.id), first);
      const next = profileOf(c.id, { identitySecret: 'rotated', updatedAt: T0 + 5, prechat: { ...first.prechat, enabled: false } });
      await store.saveChannelProfile(next);
      assert.deepEqual(await store.findChannelProfile(c.id), next);
    });

    test('Q-3, I-5: a session profile keeps answers and identity; saving again replaces it', async () => {
      const store = getStore();
      const { session } = await seedSession(store);
      assert.equal(await store.findSessionProfile(session.id), undefined);
      const p = { sessionId: session.id, prechat: { name: 'Ada', order: 'A-1' }, identity: null, updatedAt: T0 };
      await store.saveSessionProfile(p);
      assert.deepEqual(await store.findSessionProfile(session.id), p);
      const q = { ...p, identity: { id: 'u1', name: 'Ada', email: '', verified: false }, updatedAt: T0 + 1 };
      await store.saveSessionProfile(q);
      assert.deepEqual(await store.findSessionProfile(session.id), q);
    });
  });

  describe('offline messages', () => {
    test('O-2: a message keeps everything a ticket needs, ticket id null until then', async () => {
      const store = getStore();
      const c = await seedChannel(store);
      const visitor = await seedVisitor(store, c.id);
      const m = offline(c.id, { visitorId: visitor.id, identity: { id: 'u1', name: 'Ada L', email: 'a@x.io', verified: true } });
      await store.insertOfflineMessage(m);
      assert.deepEqual(await store.listOfflineMessages([c.id], 10), [m]);
    });

    test('O-3: listOfflineMessages gives the channels asked for, newest first, at most the limit', async () => {
      const store = getStore();
      const [a, b, other] = [await seedChannel(store), await seedChannel(store), await seedChannel(store)];
      const old = offline(a.id, { createdAt: T0 + 1 });
      const mid = offline(b.id, { createdAt: T0 + 2 });
      const recent = offline(a.id, { createdAt: T0 + 3 });
      for (const m of [old, recent, mid, offline(other.id)]) await store.insertOfflineMessage(m);
      assert.deepEqual(await store.listOfflineMessages([a.id, b.id], 10), [recent, mid, old]);
      assert.deepEqual(await store.listOfflineMessages([a.id, b.id], 2), [recent, mid]);
      assert.deepEqual(await store.listOfflineMessages([], 10), []);
    });
  });

  describe('verified users', () => {
    test('I-4: bindUserVisitor stores the visitor once per user and channel; later binds get the first', async () => {
      const store = getStore();
      const [c, d] = [await seedChannel(store), await seedChannel(store)];
      const user = uid('user');
      assert.equal(await store.findUserVisitor(c.id, user), undefined);
      const first = { id: uid('vis'), channelId: c.id, tokenHash: uid('h'), createdAt: T0 };
      assert.deepEqual(await store.bindUserVisitor(c.id, user, first), first);
      const second = { id: uid('vis'), channelId: c.id, tokenHash: uid('h'), createdAt: T0 + 1 };
      assert.deepEqual(await store.bindUserVisitor(c.id, user, second), first);
      assert.deepEqual(await store.findUserVisitor(c.id, user), first);
      assert.equal(await store.findVisitorByTokenHash(second.tokenHash), undefined, 'the losing visitor was not stored');
      assert.equal(await store.findUserVisitor(d.id, user), undefined, 'per channel');
    });

    test('I-4: two binds at once end with one visitor for the user', async () => {
      const store = getStore();
      const c = await seedChannel(store);
      const user = uid('user');
      const make = () => ({ id: uid('vis'), channelId: c.id, tokenHash: uid('h'), createdAt: T0 });
      const [x, y] = await Promise.all([store.bindUserVisitor(c.id, user, make()), store.bindUserVisitor(c.id, user, make())]);
      assert.deepEqual(x, y);
      assert.deepEqual(await store.findUserVisitor(c.id, user), x);
    });
  });
}
