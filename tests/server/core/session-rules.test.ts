import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { SessionStatus } from '../../../src/protocol/index.js';
import type { Session } from '../../../server/core/model.js';
import {
  afterTechnicianReply,
  canPost,
  deadlineAfterActivity,
  isOpen,
  newTechnicianSession,
  newVisitorSession,
} from '../../../server/core/session-rules.js';
import { makeChannel, makeSession, MINUTE, T0 } from './fixtures.js';

const session = (over: Partial<Session> = {}) => makeSession({ lastSeq: 3, ...over });

const OPEN_STATES: [SessionStatus, boolean][] = [
  ['waiting', true],
  ['active', true],
  ['in_queue', true],
  ['expired', false],
  ['closed', false],
];

describe('session rules', () => {
  test('S-2: a visitor who asks for help gets a new session in queue, unowned and empty, with a deadline', () => {
    const channel = makeChannel({ id: 'c2', expirationMinutes: 30 });
    assert.deepEqual(newVisitorSession({ id: 's9', channel, visitorId: 'v7', now: T0 }), {
      id: 's9',
      channelId: 'c2',
      visitorId: 'v7',
      status: 'in_queue',
      origin: 'visitor',
      ownerId: null,
      participantIds: [],
      createdBy: null,
      inviteToken: null,
      pin: null,
      lastSeq: 0,
      createdAt: T0,
      updatedAt: T0,
      expiresAt: T0 + 30 * MINUTE,
      deletedAt: null,
    });
  });

  test('S-6: a session opened for a support code has origin sos and is in queue', () => {
    const s = newVisitorSession({ id: 's9', channel: makeChannel(), visitorId: 'v7', now: T0, origin: 'sos' });
    assert.equal(s.origin, 'sos');
    assert.equal(s.status, 'in_queue');
  });

  test('S-5: a technician session waits for the visitor, owned and created by its technician, with link and PIN', () => {
    const s = newTechnicianSession({ id: 's9', channel: makeChannel(), technicianId: 't1', inviteToken: 'tok', pin: '123456', now: T0 });
    assert.deepEqual(
      {
        status: s.status,
        origin: s.origin,
        ownerId: s.ownerId,
        createdBy: s.createdBy,
        visitorId: s.visitorId,
        token: s.inviteToken,
        pin: s.pin,
      },
      { status: 'waiting', origin: 'technician', ownerId: 't1', createdBy: 't1', visitorId: null, token: 'tok', pin: '123456' },
    );
    assert.equal(s.expiresAt, T0 + 60 * MINUTE);
  });

  for (const [status, open] of OPEN_STATES) {
    test(`S-4: a ${status} session is ${open ? 'open' : 'not open'}`, () => {
      assert.equal(isOpen({ status }), open);
    });

    test(`S-4: posting in a ${status} session is ${open ? 'allowed' : 'refused with session_not_open'}`, () => {
      const r = canPost(session({ status }));
      if (open) assert.deepEqual(r, { ok: true, value: null });
      else {
        assert.equal(r.ok, false);
        assert.equal(!r.ok && r.error, 'session_not_open');
        assert.match(!r.ok ? r.message : '', new RegExp(status));
      }
    });
  }

  test('S-8: an open session is open until its deadline and not at it, on the clock given', () => {
    const s = session({ status: 'active', expiresAt: T0 + MINUTE });
    assert.equal(isOpen(s, T0 + MINUTE - 1), true);
    assert.equal(isOpen(s, T0 + MINUTE), false);
    assert.equal(isOpen(s), true, 'without a clock only the stored state counts');
  });

  test('S-8: posting past the deadline is refused and says the session expired', () => {
    const r = canPost(session({ expiresAt: T0 + 10 }), T0 + 10);
    assert.equal(!r.ok && r.error, 'session_not_open');
    assert.match(!r.ok ? r.message : '', /expired/);
  });

  test('T-8: a deleted session is not open and posting says so', () => {
    const s = session({ status: 'active', deletedAt: T0 });
    assert.equal(isOpen(s, T0), false);
    const r = canPost(s, T0);
    assert.match(!r.ok ? r.message : '', /deleted/);
  });

  test('S-3: the first technician reply takes an unowned session in queue', () => {
    const before = session();
    const after = afterTechnicianReply(before, 't1', T0 + 5);
    assert.deepEqual(after, { ...before, status: 'active', ownerId: 't1', updatedAt: T0 + 5 });
    assert.equal(before.status, 'in_queue', 'the input is not mutated');
    assert.equal(before.ownerId, null);
  });

  const unchanged: [string, Partial<Session>][] = [
    ['an owned active session', { status: 'active', ownerId: 't2' }],
    ['an in-queue session already owned', { status: 'in_queue', ownerId: 't2' }],
    ['a waiting session', { status: 'waiting' }],
    ['a closed session', { status: 'closed' }],
    ['an expired session', { status: 'expired' }],
  ];
  for (const [name, over] of unchanged) {
    test(`S-3: a technician reply to ${name} changes nothing`, () => {
      assert.equal(afterTechnicianReply(session(over), 't1', T0 + 5), null);
    });
  }

  test('S-3: a second technician replying to a session the first took does not take it over', () => {
    const taken = afterTechnicianReply(session(), 't1', T0 + 1);
    assert.ok(taken);
    assert.equal(afterTechnicianReply(taken, 't2', T0 + 2), null);
  });

  test('S-8: activity moves the deadline to now + expiration once the stored one lags by more than a minute', () => {
    const channel = makeChannel({ expirationMinutes: 120 });
    const now = T0 + 10 * MINUTE;
    const wanted = now + 120 * MINUTE;
    assert.equal(deadlineAfterActivity(session({ expiresAt: wanted - MINUTE - 1 }), channel, now), wanted);
    assert.equal(deadlineAfterActivity(session({ expiresAt: wanted - MINUTE }), channel, now), undefined, 'a minute of lag is kept');
    assert.equal(deadlineAfterActivity(session({ expiresAt: wanted + 5 }), channel, now), undefined, 'never moved back');
  });

  test('S-8: with an expiration time under 100 minutes the lag kept is 1% of it', () => {
    const channel = makeChannel({ expirationMinutes: 10 });
    const wanted = T0 + 10 * MINUTE;
    assert.equal(deadlineAfterActivity(session({ expiresAt: wanted - 6_000 }), channel, T0), undefined);
    assert.equal(deadlineAfterActivity(session({ expiresAt: wanted - 6_001 }), channel, T0), wanted);
  });
});
