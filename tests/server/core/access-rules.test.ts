import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Session } from '../../../server/core/model.js';
import { technicianMayAct, visitorMayAct } from '../../../server/core/access-rules.js';

const session: Session = {
  id: 's1',
  channelId: 'c1',
  visitorId: 'v1',
  status: 'active',
  ownerId: 't1',
  lastSeq: 0,
  createdAt: 1,
  updatedAt: 1,
};

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

  const technicianCases: [string, Session | undefined, string[], 'ok' | 'not_found' | 'forbidden'][] = [
    ['a member of the channel', session, ['c0', 'c1'], 'ok'],
    ['a technician of other channels only', session, ['c2'], 'forbidden'],
    ['a technician of no channel', session, [], 'forbidden'],
    ['anyone, for an unknown session', undefined, ['c1'], 'not_found'],
  ];
  for (const [who, s, channels, expected] of technicianCases) {
    test(`A-2: ${who} gets ${expected}`, () => {
      const r = technicianMayAct(s, channels);
      if (expected === 'ok') assert.deepEqual(r, { ok: true, value: session });
      else assert.equal(!r.ok && r.error, expected);
    });
  }
});
