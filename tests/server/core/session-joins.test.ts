import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Session } from '../../../server/core/model.js';
import { nextVersion, visitorJoins, visitorReturns } from '../../../server/core/session-rules.js';
import { makeChannel, makeSession, MINUTE, T0 } from './fixtures.js';

const channel = makeChannel({ expirationMinutes: 30 });
const invitation = (over: Partial<Session> = {}) =>
  makeSession({
    status: 'waiting',
    origin: 'technician',
    visitorId: null,
    ownerId: 't1',
    createdBy: 't1',
    inviteToken: 'tok',
    pin: '123456',
    ...over,
  });

describe('visitors joining and returning', () => {
  test('S-5: opening the invitation makes an owned session active, binds the visitor and clears both secrets', () => {
    const r = visitorJoins(invitation(), 'v9', T0 + 5 * MINUTE, channel);
    assert.ok(r.ok);
    assert.deepEqual(
      { status: r.value.status, visitorId: r.value.visitorId, token: r.value.inviteToken, pin: r.value.pin, ownerId: r.value.ownerId },
      { status: 'active', visitorId: 'v9', token: null, pin: null, ownerId: 't1' },
    );
    assert.equal(r.value.expiresAt, T0 + 35 * MINUTE, 'S-8: joining is activity and moves the deadline');
    assert.ok(r.value.updatedAt > T0);
  });

  test('T-6: an owner already holding 10 active sessions does not get an 11th by invitation: it goes to the queue', () => {
    const r = visitorJoins(invitation(), 'v9', T0 + 1, channel, 10);
    assert.ok(r.ok);
    assert.deepEqual(
      { status: r.value.status, ownerId: r.value.ownerId, visitorId: r.value.visitorId },
      { status: 'in_queue', ownerId: null, visitorId: 'v9' },
    );
    const below = visitorJoins(invitation(), 'v9', T0 + 1, channel, 9);
    assert.equal(below.ok && below.value.status, 'active');
  });

  test('S-5: an invitation nobody owns any more puts the joined session in queue', () => {
    const r = visitorJoins(invitation({ ownerId: null }), 'v9', T0 + 1, channel);
    assert.equal(r.ok && r.value.status, 'in_queue');
  });

  const refused: [string, Partial<Session>, number][] = [
    ['already joined (active)', { status: 'active', visitorId: 'v1' }, T0 + 1],
    ['in queue', { status: 'in_queue' }, T0 + 1],
    ['closed', { status: 'closed' }, T0 + 1],
    ['expired', { status: 'expired' }, T0 + 1],
    ['deleted', { deletedAt: T0 }, T0 + 1],
    ['past its deadline', {}, T0 + 60 * MINUTE],
  ];
  for (const [what, over, now] of refused) {
    test(`S-5: an invitation that is ${what} does not open (not_found)`, () => {
      const r = visitorJoins(invitation(over), 'v9', now, channel);
      assert.equal(!r.ok && r.error, 'not_found');
    });
  }

  test('S-9: a disconnected visitor returning makes the session active again', () => {
    const s = makeSession({ status: 'waiting', ownerId: 't1', visitorId: 'v1' });
    const back = visitorReturns(s, T0 + 1);
    assert.deepEqual(back, { ...s, status: 'active', updatedAt: T0 + 1 });
  });

  const stays: [string, Partial<Session>, number][] = [
    ['an active session', { status: 'active', ownerId: 't1' }, T0 + 1],
    ['a waiting invitation nobody opened yet', { status: 'waiting', ownerId: 't1', visitorId: null }, T0 + 1],
    ['a waiting session nobody owns', { status: 'waiting', ownerId: null }, T0 + 1],
    ['a closed session', { status: 'closed', ownerId: 't1' }, T0 + 1],
    ['a waiting session past its deadline', { status: 'waiting', ownerId: 't1' }, T0 + 60 * MINUTE],
  ];
  for (const [what, over, now] of stays) {
    test(`S-9: a visitor returning to ${what} changes nothing`, () => {
      assert.equal(visitorReturns(makeSession(over), now), null);
    });
  }

  test('nextVersion moves forward with the clock, and by one within the same millisecond or a clock step back', () => {
    assert.equal(nextVersion({ updatedAt: T0 }, T0 + 50), T0 + 50);
    assert.equal(nextVersion({ updatedAt: T0 }, T0), T0 + 1);
    assert.equal(nextVersion({ updatedAt: T0 }, T0 - 1000), T0 + 1);
  });
});
