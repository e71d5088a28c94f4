/**
 * The one answer window (G-2, E-5): permission requests and support-client grants share its
 * length, its deadline and its reading of lateness.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { answerClientGrant, requestClientGrant } from '../../../server/core/client-grant-rules.js';
import { ANSWER_WINDOW_MS, answerDeadline, isLate, newestRequest } from '../../../server/core/answer-window.js';
import { answerPermission, requestPermission } from '../../../server/core/permission-rules.js';
import type { Session } from '../../../server/core/model.js';

const T0 = 1_700_000_000_000;

describe('answer window', () => {
  test('G-2, E-5: 30 seconds, counted from the request', () => {
    assert.equal(ANSWER_WINDOW_MS, 30_000);
    assert.equal(answerDeadline(T0), T0 + 30_000);
  });

  test('late from the deadline on, or once marked expired; answered requests are never late', () => {
    const pending = { status: 'pending', expiresAt: T0 };
    assert.equal(isLate(pending, T0 - 1), false);
    assert.equal(isLate(pending, T0), true);
    assert.equal(isLate({ status: 'expired', expiresAt: T0 + 10 }, T0), true);
    assert.equal(isLate({ status: 'granted', expiresAt: T0 }, T0 + 1), false);
  });

  test('the newest request of a capability, a pending one past its deadline read as expired', () => {
    const a = { capability: 'shell', status: 'denied', expiresAt: T0 };
    const b = { capability: 'shell', status: 'pending', expiresAt: T0 + 5 };
    const c = { capability: 'files', status: 'granted', expiresAt: T0 };
    assert.equal(newestRequest([a, b, c], 'shell', T0 + 4), b);
    assert.deepEqual(newestRequest([a, b, c], 'shell', T0 + 5), { ...b, status: 'expired' });
    assert.equal(newestRequest([a, b, c], 'system', T0), undefined);
  });

  test('permission requests and client grants get the same deadline and the same lateness', () => {
    const session = {
      id: 's1',
      channelId: 'c1',
      visitorId: 'v1',
      status: 'active',
      origin: 'visitor',
      ownerId: 't1',
      participantIds: [],
      createdBy: null,
      inviteToken: null,
      pin: null,
      lastSeq: 0,
      createdAt: T0,
      updatedAt: T0,
      expiresAt: T0 + 3_600_000,
      deletedAt: null,
    } as unknown as Session;
    const technician = { id: 't1', name: 'Ana' };
    const asked = requestPermission({ session, technician, capability: 'escalate', organisation: 'Acme', existing: [], id: 'p1', now: T0 });
    assert.ok(asked.ok);
    const escalate = { ...asked.value.permission, status: 'granted' as const, answeredAt: T0 };
    const client = {
      id: 'k1',
      sessionId: 's1',
      ticketId: 'x',
      os: 'linux',
      elevated: false,
      version: '1',
      system: null,
      connectedAt: T0,
      endedAt: null,
    } as const;
    const grant = requestClientGrant({
      session,
      permissions: [escalate],
      client,
      technician,
      capability: 'shell',
      organisation: 'Acme',
      existing: [],
      id: 'g1',
      now: T0,
    });
    assert.ok(grant.ok);
    assert.equal(grant.value.grant.expiresAt, asked.value.permission.expiresAt);
    const late = T0 + ANSWER_WINDOW_MS;
    assert.equal(answerPermission(asked.value.permission, true, late).ok, false);
    assert.equal(answerClientGrant(grant.value.grant, true, late).ok, false);
    assert.equal(answerPermission(asked.value.permission, true, late - 1).ok, true);
    assert.equal(answerClientGrant(grant.value.grant, true, late - 1).ok, true);
  });
});
