import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { SessionAction } from '../../../src/protocol/index.js';
import type { Session } from '../../../server/core/model.js';
import { applyAction, MAX_ACTIVE_SESSIONS, MAX_PARTICIPANTS } from '../../../server/core/session-actions.js';
import { CAST, factsFor, ownedSession, queuedSession } from './action-fixtures.js';
import { T0 } from './fixtures.js';

const ALL_ACTIONS: SessionAction[] = [
  { type: 'take' },
  { type: 'assign', technicianId: 't3' },
  { type: 'transfer', technicianId: 't3', stay: false },
  { type: 'transfer-channel', channelId: 'c2', stay: false },
  { type: 'invite', technicianId: 't3' },
  { type: 'remove', technicianId: 't2' },
  { type: 'release' },
  { type: 'close' },
  { type: 'disconnect-visitor' },
];

describe('limits of the session actions', () => {
  test('T-4, T-6: the limits are 10 active sessions and 2 participants besides the owner', () => {
    assert.equal(MAX_ACTIVE_SESSIONS, 10);
    assert.equal(MAX_PARTICIPANTS, 2);
  });

  const toOwner: [string, () => Session, SessionAction, keyof typeof CAST][] = [
    ['taking', () => queuedSession(), { type: 'take' }, 'member'],
    ['being assigned', () => queuedSession(), { type: 'assign', technicianId: 't3' }, 'member'],
    ['receiving a transfer', () => ownedSession(), { type: 'transfer', technicianId: 't3', stay: false }, 'owner'],
  ];
  for (const [what, session, action, who] of toOwner) {
    test(`T-6: ${what} an 11th active session is limit_reached; a 10th is fine`, () => {
      const at = (count: number) => applyAction(factsFor(session(), CAST[who], action, { targetActiveCount: count }), action);
      assert.equal(at(MAX_ACTIVE_SESSIONS - 1).ok, true);
      const r = at(MAX_ACTIVE_SESSIONS);
      assert.equal(!r.ok && r.error, 'limit_reached');
    });
  }

  test('T-4: a 4th technician cannot be invited (limit_reached)', () => {
    const full = ownedSession({ participantIds: ['t2', 't4'] });
    const action = { type: 'invite', technicianId: 't3' } as const;
    const r = applyAction(factsFor(full, CAST.owner, action), action);
    assert.equal(!r.ok && r.error, 'limit_reached');
  });

  test('T-3, T-4: the owner cannot stay after a transfer when that would make 4 technicians', () => {
    const full = ownedSession({ participantIds: ['t2', 't4'] });
    const stay = { type: 'transfer', technicianId: 't3', stay: true } as const;
    const r = applyAction(factsFor(full, CAST.owner, stay), stay);
    assert.equal(!r.ok && r.error, 'limit_reached');
    const leave = { type: 'transfer', technicianId: 't3', stay: false } as const;
    assert.equal(applyAction(factsFor(full, CAST.owner, leave), leave).ok, true, 'leaving is fine');
    const toParticipant = { type: 'transfer', technicianId: 't2', stay: true } as const;
    assert.equal(applyAction(factsFor(full, CAST.owner, toParticipant), toParticipant).ok, true, 'a participant taking over frees a place');
  });

  const notOpen: [string, Partial<Session>, number][] = [
    ['closed', { status: 'closed' }, T0 + 1000],
    ['expired', { status: 'expired' }, T0 + 1000],
    ['past its deadline but not yet marked', { expiresAt: T0 + 1000 }, T0 + 1000],
  ];
  for (const [what, over, now] of notOpen) {
    for (const action of ALL_ACTIONS) {
      test(`T-9: ${action.type} on a ${what} session is session_not_open`, () => {
        const session = ownedSession(over);
        const r = applyAction(factsFor(session, CAST.owner, action, { now, actorChannelIds: ['c1', 'c2'] }), action);
        assert.equal(!r.ok && r.error, 'session_not_open');
      });
    }
  }

  for (const action of [...ALL_ACTIONS, { type: 'delete' } as const]) {
    test(`T-9: ${action.type} on a deleted session is not_found, even for an admin`, () => {
      const r = applyAction(factsFor(ownedSession({ deletedAt: T0 }), CAST.admin, action), action);
      assert.equal(!r.ok && r.error, 'not_found');
    });
  }

  for (const status of ['closed', 'expired'] as const) {
    test(`T-8: a ${status} session may still be deleted by its owner, so it leaves the lists`, () => {
      const action = { type: 'delete' } as const;
      const r = applyAction(factsFor(ownedSession({ status }), CAST.owner, action), action);
      assert.equal(r.ok && r.value.session.deletedAt, T0 + 1000);
    });
  }
});
