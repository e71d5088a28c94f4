/**
 * Contract: escalation tickets, support clients and their grants (E-*).
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { ClientGrant, EscalationTicket, SupportClient } from '../../../../server/core/escalation-model.js';
import type { Store } from '../../../../server/core/ports.js';
import { seedSession, T0, uid } from './fixtures.js';

let codeCounter = Math.floor(Math.random() * 800_000_000);
const uniqueCode = () => String(100_000_000 + (codeCounter = (codeCounter + 1) % 800_000_000));

const ticket = (sessionId: string, over: Partial<EscalationTicket> = {}): EscalationTicket => ({
  id: uid('esc'),
  sessionId,
  tokenHash: uid('hash'),
  code: uniqueCode(),
  createdAt: T0,
  expiresAt: T0 + 1_800_000,
  usedAt: null,
  revokedAt: null,
  ...over,
});

const client = (sessionId: string, over: Partial<SupportClient> = {}): SupportClient => ({
  id: uid('cl'),
  sessionId,
  ticketId: uid('esc'),
  os: 'linux',
  elevated: false,
  version: '0.1.0',
  system: null,
  connectedAt: T0,
  endedAt: null,
  ...over,
});

const grant = (c: SupportClient, over: Partial<ClientGrant> = {}): ClientGrant => ({
  id: uid('grant'),
  clientId: c.id,
  sessionId: c.sessionId,
  capability: 'shell',
  status: 'pending',
  requestedBy: { id: 'tech-1', name: 'Ada' },
  organisation: 'Website',
  requestedAt: T0,
  expiresAt: T0 + 30_000,
  answeredAt: null,
  ...over,
});

/** Declares the escalation tests against the store `getStore` returns. */
export function escalationContract(getStore: () => Store): void {
  describe('escalation tickets', () => {
    test('E-1: a ticket is found by its token hash and by its code with every field', async () => {
      const store = getStore();
      const { session } = await seedSession(store);
      const t = ticket(session.id);
      await store.insertEscalationTicket(t);
      assert.deepEqual(await store.findEscalationTicketByTokenHash(t.tokenHash), t);
      assert.deepEqual(await store.findEscalationTicketByCode(t.code ?? ''), t);
      assert.equal(await store.findEscalationTicketByTokenHash(uid('hash')), undefined);
    });

    test('E-3: a ticket is used once; its code then finds nothing and is free for another ticket', async () => {
      const store = getStore();
      const { session } = await seedSession(store);
      const t = ticket(session.id);
      await store.insertEscalationTicket(t);
      assert.equal(await store.useEscalationTicket(t.id, T0 + 5), true);
      assert.equal(await store.useEscalationTicket(t.id, T0 + 6), false);
      assert.deepEqual(await store.findEscalationTicketByTokenHash(t.tokenHash), { ...t, code: null, usedAt: T0 + 5 });
      assert.equal(await store.findEscalationTicketByCode(t.code ?? ''), undefined);
      await store.insertEscalationTicket(ticket(session.id, { code: t.code }));
    });

    test('E-1: live codes are unique; revoking frees them and makes the tickets unusable', async () => {
      const store = getStore();
      const { session } = await seedSession(store);
      const t = ticket(session.id);
      await store.insertEscalationTicket(t);
      await assert.rejects(store.insertEscalationTicket(ticket(session.id, { code: t.code })));
      const used = ticket(session.id);
      await store.insertEscalationTicket(used);
      await store.useEscalationTicket(used.id, T0 + 1);
      await store.revokeEscalationTickets(session.id, T0 + 2);
      assert.deepEqual(await store.findEscalationTicketByTokenHash(t.tokenHash), { ...t, code: null, revokedAt: T0 + 2 });
      assert.equal((await store.findEscalationTicketByTokenHash(used.tokenHash))?.revokedAt, null, 'a used ticket stays used');
      assert.equal(await store.useEscalationTicket(t.id, T0 + 3), false);
    });
  });

  describe('support clients', () => {
    test('E-10: the live client is the newest not ended one; ending happens once', async () => {
      const store = getStore();
      const { session } = await seedSession(store);
      const first = client(session.id);
      const second = client(session.id, { connectedAt: T0 + 10, elevated: true, os: 'windows' });
      await store.insertSupportClient(first);
      await store.insertSupportClient(second);
      assert.deepEqual(await store.findSupportClient(second.id), second);
      assert.deepEqual(await store.findLiveSupportClient(session.id), second);
      assert.equal(await store.endSupportClient(second.id, T0 + 20), true);
      assert.equal(await store.endSupportClient(second.id, T0 + 21), false);
      assert.deepEqual(await store.findLiveSupportClient(session.id), first);
      assert.deepEqual(await store.findLatestSupportClient(session.id), { ...second, endedAt: T0 + 20 });
      assert.equal(await store.findLiveSupportClient(uid('sess')), undefined);
    });

    test('E-6: system information is stored as sent', async () => {
      const store = getStore();
      const { session } = await seedSession(store);
      const c = client(session.id);
      await store.insertSupportClient(c);
      const system = {
        os: 'linux' as const,
        platform: 'linux',
        release: '6.1',
        arch: 'x64',
        hostname: 'desk-1',
        user: 'ana',
        elevated: false,
        cpus: 4,
        memoryMb: 8192,
        node: 'v20.19.0',
        pty: true,
      };
      await store.setSupportClientSystem(c.id, system);
      assert.deepEqual((await store.findSupportClient(c.id))?.system, system);
    });

    test('E-5: grants come back oldest first with every field; answers are compare-and-set', async () => {
      const store = getStore();
      const { session } = await seedSession(store);
      const c = client(session.id);
      await store.insertSupportClient(c);
      const later = grant(c, { capability: 'files', requestedAt: T0 + 5 });
      const first = grant(c);
      await store.insertClientGrant(later);
      await store.insertClientGrant(first);
      assert.deepEqual(await store.listClientGrants(c.id), [first, later]);
      assert.equal(await store.updateClientGrant(first.id, 'pending', { status: 'granted', answeredAt: T0 + 7 }), true);
      assert.equal(await store.updateClientGrant(first.id, 'pending', { status: 'denied', answeredAt: T0 + 8 }), false);
      assert.deepEqual(await store.findClientGrant(first.id), { ...first, status: 'granted', answeredAt: T0 + 7 });
    });
  });
}
