/**
 * Contract: the activity log (T-10), permission requests (G-*), and failed join attempts (J-*).
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Activity, Permission } from '../../../../server/core/model.js';
import type { Store } from '../../../../server/core/ports.js';
import { seedSession, T0, uid } from './fixtures.js';

const activity = (sessionId: string, at: number, over: Partial<Activity> = {}): Activity => ({
  id: uid('act'),
  sessionId,
  at,
  actor: { kind: 'system' },
  action: 'session.expired',
  summary: `at ${at}`,
  ...over,
});

const permission = (sessionId: string, over: Partial<Permission> = {}): Permission => ({
  id: uid('perm'),
  sessionId,
  capability: 'view',
  status: 'pending',
  requestedBy: { id: 'tech-1', name: 'Ada' },
  organisation: 'Website',
  requestedAt: T0,
  expiresAt: T0 + 30_000,
  answeredAt: null,
  ...over,
});

/** Declares the audit tests against the store `getStore` returns. */
export function auditContract(getStore: () => Store): void {
  describe('activity', () => {
    test('T-10: entries come back newest last with every field, and only the newest `limit`', async () => {
      const store = getStore();
      const { session } = await seedSession(store);
      const { session: other } = await seedSession(store);
      const entries = [
        activity(session.id, T0 + 3, {
          actor: { kind: 'technician', id: 'tech-1', name: 'Ada' },
          action: 'session.taken',
          summary: 'Ada took the session.',
        }),
        activity(session.id, T0 + 1, { actor: { kind: 'visitor' }, action: 'session.started' }),
        activity(session.id, T0 + 2),
      ];
      for (const e of entries) await store.insertActivity(e);
      await store.insertActivity(activity(other.id, T0 + 5));
      assert.deepEqual(await store.listActivity(session.id, 10), [entries[1], entries[2], entries[0]]);
      assert.deepEqual(await store.listActivity(session.id, 2), [entries[2], entries[0]]);
      assert.deepEqual(await store.listActivity(uid('sess'), 10), []);
    });
  });

  describe('permissions', () => {
    test('G-1: a request is found by id with every field; a session lists its requests oldest first', async () => {
      const store = getStore();
      const { session } = await seedSession(store);
      const later = permission(session.id, { capability: 'control', requestedAt: T0 + 10, expiresAt: T0 + 30_010 });
      const first = permission(session.id);
      await store.insertPermission(later);
      await store.insertPermission(first);
      assert.deepEqual(await store.findPermission(first.id), first);
      assert.deepEqual(await store.listPermissions(session.id), [first, later]);
      assert.equal(await store.findPermission(uid('perm')), undefined);
    });

    test('G-2, G-3: an answer is compare-and-set on the status: the first answer wins, a second is refused', async () => {
      const store = getStore();
      const { session } = await seedSession(store);
      const p = permission(session.id);
      await store.insertPermission(p);
      const answers = await Promise.all([
        store.updatePermission(p.id, 'pending', { status: 'granted', answeredAt: T0 + 1 }),
        store.updatePermission(p.id, 'pending', { status: 'denied', answeredAt: T0 + 2 }),
      ]);
      assert.equal(answers.filter(Boolean).length, 1);
      const stored = await store.findPermission(p.id);
      assert.deepEqual(stored, {
        ...p,
        ...(answers[0] ? { status: 'granted', answeredAt: T0 + 1 } : { status: 'denied', answeredAt: T0 + 2 }),
      });
      assert.equal(await store.updatePermission(uid('perm'), 'pending', { status: 'granted', answeredAt: T0 }), false);
    });

    test('G-4: a grant is revoked from granted', async () => {
      const store = getStore();
      const { session } = await seedSession(store);
      const p = permission(session.id, { status: 'granted', answeredAt: T0 + 1 });
      await store.insertPermission(p);
      assert.equal(await store.updatePermission(p.id, 'pending', { status: 'revoked', answeredAt: T0 + 9 }), false);
      assert.equal(await store.updatePermission(p.id, 'granted', { status: 'revoked', answeredAt: T0 + 9 }), true);
      assert.equal((await store.findPermission(p.id))?.status, 'revoked');
    });

    test('G-2: the expiry pass expires pending requests at or past their deadline, once, and nothing answered', async () => {
      const store = getStore();
      const { session } = await seedSession(store);
      const now = T0 - 1_000_000; // before every other test's deadlines
      const due = permission(session.id, { expiresAt: now - 1 });
      const atDeadline = permission(session.id, { expiresAt: now });
      const later = permission(session.id, { expiresAt: now + 1 });
      const granted = permission(session.id, { status: 'granted', expiresAt: now - 1, answeredAt: now - 2 });
      for (const p of [due, atDeadline, later, granted]) await store.insertPermission(p);
      const mine = new Set([due, atDeadline, later, granted].map((p) => p.id));
      const expired = (await store.expireDuePermissions(now)).filter((p) => mine.has(p.id));
      assert.deepEqual(
        expired.sort((a, b) => a.expiresAt - b.expiresAt),
        [
          { ...due, status: 'expired', answeredAt: now },
          { ...atDeadline, status: 'expired', answeredAt: now },
        ],
      );
      assert.equal((await store.findPermission(later.id))?.status, 'pending');
      assert.deepEqual(await store.findPermission(granted.id), granted);
      assert.deepEqual(
        (await store.expireDuePermissions(now)).filter((p) => mine.has(p.id)),
        [],
        'each expiry happens once',
      );
    });
  });

  describe('join failures', () => {
    test('J-1: failures are counted per key after a time, and every key of one attempt counts', async () => {
      const store = getStore();
      const [ip, channel] = [`ip:${uid('addr')}`, `channel:${uid('chan')}`];
      await store.recordJoinFailure([ip, channel], T0);
      await store.recordJoinFailure([ip], T0 + 10);
      await store.recordJoinFailure([ip], T0 + 20);
      assert.equal(await store.countJoinFailures(ip, T0 - 1), 3);
      assert.equal(await store.countJoinFailures(ip, T0), 2, 'the window starts after `since`');
      assert.equal(await store.countJoinFailures(channel, T0 - 1), 1);
      assert.equal(await store.countJoinFailures(`ip:${uid('addr')}`, 0), 0);
    });

    test('recording no keys is not an error', async () => {
      const store = getStore();
      await store.recordJoinFailure([], T0);
      assert.equal(await store.countJoinFailures('', 0), 0);
    });

    test('J-1: pruning forgets failures older than the cut and keeps the rest', async () => {
      const store = getStore();
      const key = `ip:${uid('addr')}`;
      // Older than every other test's failures, so pruning here takes none of theirs.
      const cut = T0 - 1_000_000;
      await store.recordJoinFailure([key], cut - 10);
      await store.recordJoinFailure([key], cut);
      await store.recordJoinFailure([key], cut + 10);
      await store.pruneJoinFailures(cut);
      assert.equal(await store.countJoinFailures(key, 0), 2);
    });
  });
}
