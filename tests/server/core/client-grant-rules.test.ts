import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { ClientCapability } from '../../../src/protocol/index.js';
import { answerClientGrant, clientMayUse, currentGrant, requestClientGrant } from '../../../server/core/client-grant-rules.js';
import type { ClientGrant, SupportClient } from '../../../server/core/escalation-model.js';
import type { Permission } from '../../../server/core/model.js';
import { makePermission, makeSession, T0 } from './fixtures.js';

const session = makeSession({ status: 'active', ownerId: 't1', participantIds: ['t2'] });
const escalate = [makePermission({ capability: 'escalate', status: 'granted', answeredAt: T0 })];
const client: SupportClient = {
  id: 'cl1',
  sessionId: 's1',
  ticketId: 'e1',
  os: 'linux',
  elevated: false,
  version: '1',
  system: null,
  connectedAt: T0,
  endedAt: null,
};
const grant = (over: Partial<ClientGrant> = {}): ClientGrant => ({
  id: 'g1',
  clientId: 'cl1',
  sessionId: 's1',
  capability: 'shell',
  status: 'pending',
  requestedBy: { id: 't1', name: 'Ada' },
  organisation: 'Website',
  requestedAt: T0,
  expiresAt: T0 + 30_000,
  answeredAt: null,
  ...over,
});

const ask = (
  over: { technicianId?: string; existing?: ClientGrant[]; permissions?: Permission[]; client?: SupportClient | undefined } = {},
) =>
  requestClientGrant({
    session,
    permissions: over.permissions ?? escalate,
    client: 'client' in over ? over.client : client,
    technician: { id: over.technicianId ?? 't1', name: 'Ada' },
    capability: 'shell',
    organisation: 'Website',
    existing: over.existing ?? [],
    id: 'g-new',
    now: T0 + 1000,
  });

const use = (
  grants: ClientGrant[],
  capability: ClientCapability = 'shell',
  over: { permissions?: Permission[]; client?: SupportClient; now?: number } = {},
) =>
  clientMayUse({
    session,
    permissions: over.permissions ?? escalate,
    client: over.client ?? client,
    grants,
    capability,
    now: over.now ?? T0 + 2000,
  });

describe('support client capabilities', () => {
  test('E-5: a technician of the session asks; the request is pending for 30 seconds', () => {
    const r = ask();
    assert.ok(r.ok);
    assert.equal(r.value.created, true);
    assert.deepEqual({ status: r.value.grant.status, expiresAt: r.value.grant.expiresAt }, { status: 'pending', expiresAt: T0 + 31_000 });
    assert.equal(ask({ technicianId: 't2' }).ok, true);
    const outsider = ask({ technicianId: 't9' });
    assert.equal(outsider.ok ? '' : outsider.error, 'forbidden');
  });

  test('E-5: asking needs the escalation granted and a connected client; a pending or granted request is reused', () => {
    assert.equal(ask({ permissions: [] }).ok, false);
    const none = ask({ client: undefined });
    assert.equal(none.ok ? '' : none.error, 'not_found');
    assert.equal(ask({ client: { ...client, endedAt: T0 } }).ok, false);
    const again = ask({ existing: [grant()] });
    assert.ok(again.ok);
    assert.deepEqual([again.value.created, again.value.grant.id], [false, 'g1']);
    const afterDeny = ask({ existing: [grant({ status: 'denied' })] });
    assert.ok(afterDeny.ok);
    assert.equal(afterDeny.value.created, true);
  });

  test('E-5: the answer counts only before the deadline; silence reads as expired', () => {
    const yes = answerClientGrant(grant(), true, T0 + 29_999);
    assert.ok(yes.ok);
    assert.equal(yes.value.status, 'granted');
    const late = answerClientGrant(grant(), true, T0 + 30_000);
    assert.equal(late.ok ? '' : late.error, 'expired');
    assert.equal(answerClientGrant(grant({ status: 'denied' }), true, T0 + 10).ok, false);
    assert.equal(currentGrant([grant()], 'shell', T0 + 30_000)?.status, 'expired');
  });

  test('E-7: traffic flows only for a granted capability of a live client while the escalation holds', () => {
    const shell = grant({ status: 'granted' });
    assert.equal(use([shell]).ok, true);
    const files = use([shell], 'files');
    assert.equal(files.ok ? '' : files.error, 'forbidden');
    assert.equal(use([grant({ status: 'denied' })]).ok, false);
    assert.equal(use([grant()]).ok, false, 'pending is not granted');
    assert.equal(use([shell], 'shell', { client: { ...client, endedAt: T0 } }).ok, false);
    const withdrawn = [...escalate, makePermission({ id: 'p2', capability: 'escalate', status: 'revoked' })];
    assert.equal(use([shell], 'shell', { permissions: withdrawn }).ok, false);
    assert.equal(use([shell, grant({ id: 'g2', status: 'denied' })]).ok, false, 'the latest request decides');
  });
});
