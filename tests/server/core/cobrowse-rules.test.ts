import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Capability } from '../../../src/protocol/index.js';
import type { Permission } from '../../../server/core/model.js';
import { controlOutcome, mayControl } from '../../../server/core/cobrowse-rules.js';
import { makePermission, makeSession, MINUTE, T0 } from './fixtures.js';

const session = makeSession({ status: 'active', ownerId: 't1', participantIds: ['t2'] });
const granted = (capability: Capability, over: Partial<Permission> = {}) =>
  makePermission({ id: `p-${capability}`, capability, status: 'granted', answeredAt: T0, ...over });

describe('C-12: who may act on the visitor page', () => {
  test('the owner and a participant may while view and control are both granted', () => {
    const both = [granted('view'), granted('control')];
    assert.equal(mayControl(session, 't1', both, T0), true);
    assert.equal(mayControl(session, 't2', both, T0), true);
  });

  test('a technician outside the session may not, nor anyone in a deleted session', () => {
    const both = [granted('view'), granted('control')];
    assert.equal(mayControl(session, 't3', both, T0), false);
    assert.equal(mayControl({ ...session, deletedAt: T0 }, 't1', both, T0), false);
    assert.equal(mayControl(undefined, 't1', both, T0), false);
  });

  test('control alone, view alone, a pending or a revoked control request are not enough', () => {
    assert.equal(mayControl(session, 't1', [granted('control')], T0), false);
    assert.equal(mayControl(session, 't1', [granted('view')], T0), false);
    assert.equal(mayControl(session, 't1', [granted('view'), granted('control', { status: 'pending' })], T0), false);
    assert.equal(mayControl(session, 't1', [granted('view'), granted('control', { status: 'revoked' })], T0), false);
  });

  test('the latest control request decides: revoked after granted is revoked', () => {
    const later = granted('control', { id: 'p-later', status: 'revoked', requestedAt: T0 + 1 });
    assert.equal(mayControl(session, 't1', [granted('view'), granted('control'), later], T0), false);
  });

  test('a closed or expired session allows nothing', () => {
    const both = [granted('view'), granted('control')];
    assert.equal(mayControl({ ...session, status: 'closed' }, 't1', both, T0), false);
    assert.equal(mayControl(session, 't1', both, session.expiresAt + MINUTE), false);
  });
});

describe('C-12: what a control command achieved, from the widgets’ answers', () => {
  test('the widget that records the page decides, whatever the others say', () => {
    assert.deepEqual(controlOutcome([{ status: 'elsewhere' }, { status: 'done' }]), { status: 'done' });
    assert.deepEqual(controlOutcome([{ status: 'refused', reason: 'password' }, { status: 'elsewhere' }]), {
      status: 'refused',
      reason: 'password',
    });
  });

  test('stale when every widget records another page, offline when none answered', () => {
    assert.deepEqual(controlOutcome([{ status: 'elsewhere' }]), { status: 'refused', reason: 'stale' });
    assert.deepEqual(controlOutcome([]), { status: 'refused', reason: 'offline' });
  });
});
