import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Session } from '../../../server/core/model.js';
import { technicianMayAct, visitorMayAct } from '../../../server/core/access-rules.js';
import { makeSession, T0 } from './fixtures.js';

const session = makeSession({ status: 'active', ownerId: 't1', participantIds: ['t3'] });

describe('access rules', () => {
  test('A-1: a visitor may act in their own session', () => {
    assert.deepEqual(visitorMayAct(session, 'v1'), { ok: true, value: session });
  });

  test('A-1: a foreign session looks exactly like an unknown one (not_found)', () => {
    const foreign = visitorMayAct(session, 'v2');
    const unknown = visitorMayAct(undefined, 'v2');
    assert.equal(foreign.ok, false);
    assert.equal(!foreign.ok && foreign.error, 'not_found');
    assert.deepEqual(foreign, unknown);
  });

  test('A-1: a session without a visitor belongs to no visitor', () => {
    const r = visitorMayAct({ ...session, visitorId: null }, 'v1');
    assert.equal(!r.ok && r.error, 'not_found');
  });

  test('A-2: a deleted session is not_found even for its own visitor', () => {
    const r = visitorMayAct({ ...session, deletedAt: T0 }, 'v1');
    assert.equal(!r.ok && r.error, 'not_found');
  });

  const technicianCases: [string, Session | undefined, string[], string | undefined, 'ok' | 'not_found' | 'forbidden'][] = [
    ['a member of the channel', session, ['c0', 'c1'], 't9', 'ok'],
    ['a technician of other channels only', session, ['c2'], 't9', 'forbidden'],
    ['a technician of no channel', session, [], 't9', 'forbidden'],
    ['a technician of no channel, unnamed', session, [], undefined, 'forbidden'],
    ['the owner, outside the channel', session, ['c2'], 't1', 'ok'],
    ['a participant, outside the channel', session, [], 't3', 'ok'],
    ['anyone, for an unknown session', undefined, ['c1'], 't1', 'not_found'],
    ['a member, for a deleted session', { ...session, deletedAt: T0 }, ['c1'], 't9', 'not_found'],
    ['the owner, for a deleted session', { ...session, deletedAt: T0 }, ['c1'], 't1', 'not_found'],
  ];
  for (const [who, s, channels, techId, expected] of technicianCases) {
    test(`A-2: ${who} gets ${expected}`, () => {
      const r = technicianMayAct(s, channels, techId);
      if (expected === 'ok') assert.deepEqual(r, { ok: true, value: s });
      else assert.equal(!r.ok && r.error, expected);
    });
  }
});
