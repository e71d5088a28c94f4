import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { SessionAction } from '../../../src/protocol/index.js';
import type { Session } from '../../../server/core/model.js';
import { applyAction, type ActionFacts, type ActionOutcome } from '../../../server/core/session-actions.js';
import { CAST, factsFor, ownedSession, queuedSession, type Role } from './action-fixtures.js';
import { makeChannel, MINUTE, T0 } from './fixtures.js';

/** Applies an action that must succeed and returns what it did. */
function apply(session: Session, actor: Role, action: SessionAction, over: Partial<ActionFacts> = {}): ActionOutcome {
  const r = applyAction(factsFor(session, actor, action, over), action);
  if (!r.ok) throw new Error(`${action.type} refused: ${r.error} ${r.message}`);
  return r.value;
}

/** The fields an action may change, for compact comparisons. */
const shape = (o: ActionOutcome) => ({
  status: o.session.status,
  ownerId: o.session.ownerId,
  participantIds: o.session.participantIds,
  channelId: o.session.channelId,
  verb: o.verb,
  targetId: o.targetId,
  dropped: o.dropped,
});

describe('what each action does', () => {
  test('T-1: take makes a session in queue active and owned by the taker', () => {
    assert.deepEqual(shape(apply(queuedSession(), CAST.member, { type: 'take' })), {
      status: 'active',
      ownerId: 't3',
      participantIds: [],
      channelId: 'c1',
      verb: 'session.taken',
      targetId: 't3',
      dropped: [],
    });
  });

  test('T-1, T-3: taking an unjoined invitation nobody owns keeps it waiting', () => {
    const o = apply(queuedSession({ status: 'waiting', visitorId: null }), CAST.member, { type: 'take' });
    assert.equal(o.session.status, 'waiting');
    assert.equal(o.session.ownerId, 't3');
  });

  test('T-2: assigning an unowned session makes it active for the assignee', () => {
    const o = apply(queuedSession(), CAST.member, { type: 'assign', technicianId: 't2' });
    assert.deepEqual([o.session.status, o.session.ownerId, o.verb], ['active', 't2', 'session.assigned']);
  });

  test('T-2: re-assigning moves the ownership, the former owner is dropped, a participant assignee leaves the participants', () => {
    const o = apply(ownedSession(), CAST.admin, { type: 'assign', technicianId: 't2' });
    assert.deepEqual([o.session.ownerId, o.session.participantIds, o.dropped], ['t2', [], ['t1']]);
  });

  test('T-3: transfer without staying hands the session over and drops the former owner', () => {
    assert.deepEqual(shape(apply(ownedSession(), CAST.owner, { type: 'transfer', technicianId: 't3', stay: false })), {
      status: 'active',
      ownerId: 't3',
      participantIds: ['t2'],
      channelId: 'c1',
      verb: 'session.transferred',
      targetId: 't3',
      dropped: ['t1'],
    });
  });

  test('T-3: transfer with stay keeps the former owner as a participant', () => {
    const o = apply(ownedSession(), CAST.owner, { type: 'transfer', technicianId: 't3', stay: true });
    assert.deepEqual([o.session.ownerId, o.session.participantIds, o.dropped], ['t3', ['t2', 't1'], []]);
  });

  test('T-3: transferring to a participant makes them owner and no longer a participant', () => {
    const o = apply(ownedSession(), CAST.owner, { type: 'transfer', technicianId: 't2', stay: true });
    assert.deepEqual([o.session.ownerId, o.session.participantIds], ['t2', ['t1']]);
  });

  test('T-3: transfer to a channel leaves an active session unowned in queue there; everyone leaves', () => {
    assert.deepEqual(shape(apply(ownedSession(), CAST.owner, { type: 'transfer-channel', channelId: 'c2', stay: false })), {
      status: 'in_queue',
      ownerId: null,
      participantIds: [],
      channelId: 'c2',
      verb: 'session.transferred_channel',
      targetId: null,
      dropped: ['t2', 't1'],
    });
  });

  test('T-3: transfer to a channel with stay keeps only the former owner, as a participant', () => {
    const o = apply(ownedSession(), CAST.owner, { type: 'transfer-channel', channelId: 'c2', stay: true });
    assert.deepEqual([o.session.ownerId, o.session.participantIds, o.dropped], [null, ['t1'], ['t2']]);
  });

  test('T-3: an invitation the visitor has not opened is still waiting after a transfer to a channel', () => {
    const o = apply(ownedSession({ status: 'waiting', visitorId: null, participantIds: [] }), CAST.owner, {
      type: 'transfer-channel',
      channelId: 'c2',
      stay: false,
    });
    assert.deepEqual([o.session.status, o.session.ownerId], ['waiting', null]);
  });

  test('T-3: a session whose visitor joined and was disconnected goes to the queue after a transfer to a channel', () => {
    const o = apply(ownedSession({ status: 'waiting', visitorId: 'v1' }), CAST.owner, {
      type: 'transfer-channel',
      channelId: 'c2',
      stay: false,
    });
    assert.equal(o.session.status, 'in_queue');
  });

  test("T-3, S-8: a session moved to a channel lives by that channel's expiration", () => {
    const channel = makeChannel({ id: 'c2', expirationMinutes: 600 });
    const o = apply(ownedSession(), CAST.owner, { type: 'transfer-channel', channelId: 'c2', stay: false }, { channel });
    assert.equal(o.session.expiresAt, T0 + 1000 + 600 * MINUTE);
  });

  test('T-4, T-5: invite adds a participant at the end; remove takes them out and drops them', () => {
    const invited = apply(ownedSession(), CAST.owner, { type: 'invite', technicianId: 't3' });
    assert.deepEqual([invited.session.participantIds, invited.verb, invited.targetId], [['t2', 't3'], 'session.invited', 't3']);
    const removed = apply(invited.session, CAST.owner, { type: 'remove', technicianId: 't2' });
    assert.deepEqual([removed.session.participantIds, removed.verb, removed.dropped], [['t3'], 'session.removed_participant', ['t2']]);
  });

  test('T-7: release gives an active session back to the queue, without an owner', () => {
    const o = apply(ownedSession(), CAST.owner, { type: 'release' });
    assert.deepEqual(
      [o.session.status, o.session.ownerId, o.session.participantIds, o.verb],
      ['in_queue', null, ['t2'], 'session.released'],
    );
  });

  test('T-7, S-5: releasing an invitation the visitor has not opened keeps it waiting, link and PIN working', () => {
    const invitation = ownedSession({ status: 'waiting', visitorId: null, inviteToken: 'tok', pin: '123456' });
    const o = apply(invitation, CAST.owner, { type: 'release' });
    assert.deepEqual([o.session.status, o.session.ownerId, o.session.inviteToken, o.session.pin], ['waiting', null, 'tok', '123456']);
  });

  test('T-8: close makes the session closed and clears the invitation secrets', () => {
    const o = apply(ownedSession({ status: 'waiting', visitorId: null, inviteToken: 'tok', pin: '123456' }), CAST.owner, { type: 'close' });
    assert.deepEqual([o.session.status, o.session.inviteToken, o.session.pin, o.verb], ['closed', null, null, 'session.closed']);
  });

  test('T-8: delete marks the session deleted at that time and clears the secrets, keeping its status', () => {
    const o = apply(ownedSession({ inviteToken: 'tok', pin: '123456' }), CAST.owner, { type: 'delete' });
    assert.deepEqual(
      [o.session.deletedAt, o.session.status, o.session.inviteToken, o.session.pin, o.verb],
      [T0 + 1000, 'active', null, null, 'session.deleted'],
    );
  });

  test('S-9: disconnecting the visitor puts the session back to waiting, owner and visitor kept', () => {
    const o = apply(ownedSession(), CAST.owner, { type: 'disconnect-visitor' });
    assert.deepEqual(
      [o.session.status, o.session.ownerId, o.session.visitorId, o.verb],
      ['waiting', 't1', 'v1', 'session.visitor_disconnected'],
    );
  });

  test('S-8, T-10: every change moves the version and pushes the deadline out, never back', () => {
    const near = apply(ownedSession({ expiresAt: T0 + 2000 }), CAST.owner, { type: 'invite', technicianId: 't3' });
    assert.equal(near.session.updatedAt, T0 + 1000);
    assert.equal(near.session.expiresAt, T0 + 1000 + 60 * MINUTE);
    const far = apply(ownedSession({ expiresAt: T0 + 600 * MINUTE }), CAST.owner, { type: 'invite', technicianId: 't3' });
    assert.equal(far.session.expiresAt, T0 + 600 * MINUTE);
    const sameMs = apply(ownedSession({ updatedAt: T0 + 1000 }), CAST.owner, { type: 'close' });
    assert.equal(sameMs.session.updatedAt, T0 + 1001, 'a save in the same millisecond still changes the version');
  });

  test('no action mutates the session it was given', () => {
    const s = ownedSession();
    const copy = structuredClone(s);
    apply(s, CAST.owner, { type: 'transfer-channel', channelId: 'c2', stay: true });
    apply(s, CAST.owner, { type: 'invite', technicianId: 't3' });
    assert.deepEqual(s, copy);
  });
});
