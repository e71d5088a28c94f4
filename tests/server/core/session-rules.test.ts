import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { SessionStatus } from '../../../src/protocol/index.js';
import type { Session } from '../../../server/core/model.js';
import { afterTechnicianReply, canPost, isOpen, newVisitorSession } from '../../../server/core/session-rules.js';

const T0 = 1_700_000_000_000;

const session = (over: Partial<Session> = {}): Session => ({
  id: 's1',
  channelId: 'c1',
  visitorId: 'v1',
  status: 'in_queue',
  ownerId: null,
  lastSeq: 3,
  createdAt: T0,
  updatedAt: T0,
  ...over,
});

const OPEN_STATES: [SessionStatus, boolean][] = [
  ['waiting', true],
  ['active', true],
  ['in_queue', true],
  ['expired', false],
  ['closed', false],
];

describe('session rules', () => {
  test('S-2: a visitor who asks for help gets a new session in queue, unowned and empty', () => {
    assert.deepEqual(newVisitorSession({ id: 's9', channelId: 'c2', visitorId: 'v7', now: T0 }), {
      id: 's9',
      channelId: 'c2',
      visitorId: 'v7',
      status: 'in_queue',
      ownerId: null,
      lastSeq: 0,
      createdAt: T0,
      updatedAt: T0,
    });
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
});
