import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Capability } from '../../../src/protocol/index.js';
import type { Permission, Session } from '../../../server/core/model.js';
import {
  ANSWER_WINDOW_MS,
  answerPermission,
  currentOf,
  hasGrant,
  requestPermission,
  revokePermission,
} from '../../../server/core/permission-rules.js';
import { makePermission, makeSession, T0 } from './fixtures.js';

const active = makeSession({ status: 'active', ownerId: 't1', participantIds: ['t2'] });

const ask = (over: { session?: Session; technicianId?: string; existing?: Permission[]; now?: number; capability?: Capability } = {}) =>
  requestPermission({
    session: over.session ?? active,
    technician: { id: over.technicianId ?? 't1', name: 'Ada' },
    capability: over.capability ?? 'view',
    organisation: 'Website',
    existing: over.existing ?? [],
    id: 'p-new',
    now: over.now ?? T0,
  });

describe('permission requests', () => {
  test('G-1, G-2: the owner asks; the request is pending for 30 seconds and names the technician and organisation', () => {
    const r = ask();
    assert.ok(r.ok);
    assert.equal(r.value.created, true);
    assert.deepEqual(r.value.permission, makePermission({ id: 'p-new', expiresAt: T0 + ANSWER_WINDOW_MS }));
    assert.equal(ANSWER_WINDOW_MS, 30_000);
  });

  test('G-1: a participant may ask too', () => {
    assert.equal(ask({ technicianId: 't2' }).ok, true);
  });

  test('G-1: a technician not in the session is forbidden', () => {
    const r = ask({ technicianId: 't3' });
    assert.equal(!r.ok && r.error, 'forbidden');
  });

  const notActive: [string, Partial<Session>][] = [
    ['waiting (the visitor is not connected)', { status: 'waiting' }],
    ['closed', { status: 'closed' }],
    ['expired', { status: 'expired' }],
    ['past its deadline', { expiresAt: T0 }],
    ['deleted', { deletedAt: T0 }],
  ];
  for (const [what, over] of notActive) {
    test(`G-1: nothing may be asked in a session that is ${what} (session_not_open)`, () => {
      const r = ask({ session: { ...active, ...over } });
      assert.equal(!r.ok && r.error, 'session_not_open');
    });
  }

  test('G-1: asking again while a request is pending returns it, created: false', () => {
    const pending = makePermission();
    assert.deepEqual(ask({ existing: [pending], now: T0 + 1000 }), { ok: true, value: { permission: pending, created: false } });
  });

  test('G-1: asking again while granted returns the grant', () => {
    const granted = makePermission({ status: 'granted', answeredAt: T0 + 5 });
    const r = ask({ existing: [granted], now: T0 + 1_800_000 });
    assert.equal(r.ok && r.value.permission, granted);
  });

  const fresh: [string, Permission][] = [
    ['denied', makePermission({ status: 'denied' })],
    ['revoked', makePermission({ status: 'revoked' })],
    ['expired', makePermission({ status: 'expired' })],
    ['pending past its window', makePermission()],
  ];
  for (const [what, previous] of fresh) {
    test(`G-1: after a request that is ${what}, asking again makes a new request`, () => {
      const r = ask({ existing: [previous], now: T0 + ANSWER_WINDOW_MS + 1 });
      assert.equal(r.ok && r.value.created, true);
      assert.equal(r.ok && r.value.permission.id, 'p-new');
    });
  }

  test('G-1: requests for another capability do not count', () => {
    const r = ask({ existing: [makePermission({ capability: 'control' })], capability: 'view' });
    assert.equal(r.ok && r.value.created, true);
  });

  test('G-2: an answer in time grants or denies, stamped with its time', () => {
    assert.deepEqual(answerPermission(makePermission(), true, T0 + 10), {
      ok: true,
      value: makePermission({ status: 'granted', answeredAt: T0 + 10 }),
    });
    assert.deepEqual(answerPermission(makePermission(), false, T0 + ANSWER_WINDOW_MS - 1), {
      ok: true,
      value: makePermission({ status: 'denied', answeredAt: T0 + ANSWER_WINDOW_MS - 1 }),
    });
  });

  test('G-3: an answer at or after the deadline is refused with expired, as the expiry pass sees it', () => {
    for (const at of [T0 + ANSWER_WINDOW_MS, T0 + ANSWER_WINDOW_MS + 1]) {
      const r = answerPermission(makePermission(), true, at);
      assert.equal(!r.ok && r.error, 'expired');
    }
  });

  test('G-3: an answer to a request the expiry pass already marked expired is refused with expired too', () => {
    const r = answerPermission(makePermission({ status: 'expired', answeredAt: T0 + ANSWER_WINDOW_MS }), true, T0 + ANSWER_WINDOW_MS + 5);
    assert.equal(!r.ok && r.error, 'expired');
  });

  for (const status of ['granted', 'denied', 'revoked'] as const) {
    test(`G-3: a request already ${status} cannot be answered again (invalid_payload)`, () => {
      const r = answerPermission(makePermission({ status }), true, T0 + 1);
      assert.equal(!r.ok && r.error, 'invalid_payload');
    });
  }

  test('G-4: a grant may be withdrawn at any time; nothing else can be', () => {
    const granted = makePermission({ status: 'granted', answeredAt: T0 + 1 });
    assert.deepEqual(revokePermission(granted, T0 + 9_999_999), {
      ok: true,
      value: { ...granted, status: 'revoked', answeredAt: T0 + 9_999_999 },
    });
    for (const status of ['pending', 'denied', 'expired', 'revoked'] as const) {
      const r = revokePermission(makePermission({ status }), T0 + 1);
      assert.equal(!r.ok && r.error, 'invalid_payload', status);
    }
  });

  test('G-2: currentOf reads the newest request of the capability, a pending one past its window as expired', () => {
    const older = makePermission({ id: 'p0', status: 'granted' });
    const newer = makePermission({ id: 'p1', requestedAt: T0 + 100, expiresAt: T0 + 100 + ANSWER_WINDOW_MS });
    assert.equal(currentOf([older, newer], 'view', T0 + 200), newer);
    assert.deepEqual(currentOf([older, newer], 'view', T0 + 101 + ANSWER_WINDOW_MS), { ...newer, status: 'expired' });
    assert.equal(currentOf([older, newer], 'control', T0), undefined);
  });

  test('G-5: a capability works while granted in an open session', () => {
    assert.equal(hasGrant(active, [makePermission({ status: 'granted' })], 'view', T0 + 1000), true);
    assert.equal(hasGrant(active, [makePermission({ status: 'granted' })], 'control', T0 + 1000), false, 'only the capability granted');
  });

  const noGrant: [string, Session, Permission[]][] = [
    ['after it was revoked', active, [makePermission({ status: 'granted' }), makePermission({ id: 'p2', status: 'revoked' })]],
    ['while only pending', active, [makePermission()]],
    ['after a denial', active, [makePermission({ status: 'denied' })]],
    ['in a closed session', { ...active, status: 'closed' }, [makePermission({ status: 'granted' })]],
    ['in an expired session', { ...active, status: 'expired' }, [makePermission({ status: 'granted' })]],
    ['past the session deadline', { ...active, expiresAt: T0 + 1000 }, [makePermission({ status: 'granted' })]],
    ['in a deleted session', { ...active, deletedAt: T0 }, [makePermission({ status: 'granted' })]],
  ];
  for (const [what, session, permissions] of noGrant) {
    test(`G-5: a capability does not work ${what}`, () => {
      assert.equal(hasGrant(session, permissions, 'view', T0 + 1000), false);
    });
  }
});
