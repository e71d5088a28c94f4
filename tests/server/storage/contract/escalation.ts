/**
 * Contract: escalation tickets, support clients and their grants (E-*).
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { ClientGrant, ClientTransfer, EscalationTicket, SupportClient } from '../../../../server/core/escalation-model.js';
import { clientTransfers } from '../../../../server/core/services/client-transfers.js';
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

  describe('client transfers', () => {
    const tech = { id: 'tech-1', name: 'Ada' };
    const seeded = async () => {
      const store = getStore();
      const { session } = await seedSession(store);
      const c = client(session.id);
      await store.insertSupportClient(c);
      return { store, c };
    };
    const transfer = (c: SupportClient, over: Partial<ClientTransfer> = {}): ClientTransfer => ({
      id: uid('tr'),
      sessionId: c.sessionId,
      clientId: c.id,
      direction: 'to-client',
      name: 'a.txt',
      size: 6,
      technician: tech,
      nextIndex: 0,
      bytes: 0,
      done: false,
      ...over,
    });

    test('E-8: a transfer comes back with every field; chunks advance compare-and-set, once each', async () => {
      const { store, c } = await seeded();
      const t = transfer(c);
      await store.insertClientTransfer(t);
      assert.deepEqual(await store.findClientTransfer(t.id), t);
      assert.equal(await store.advanceClientTransfer(t.id, 0, 3, false), true);
      assert.equal(await store.advanceClientTransfer(t.id, 0, 3, false), false, 'chunk 0 was taken');
      assert.equal(await store.finishClientTransfer(t.id), undefined, 'not done yet');
      assert.equal(await store.advanceClientTransfer(t.id, 1, 6, true), true);
      assert.equal(await store.advanceClientTransfer(t.id, 2, 7, false), false, 'done takes no more');
      assert.deepEqual(await store.finishClientTransfer(t.id), { ...t, nextIndex: 2, bytes: 6, done: true });
      assert.equal(await store.finishClientTransfer(t.id), undefined, 'finished once');
      assert.equal(await store.findClientTransfer(t.id), undefined);
    });

    test('E-21: a fetch done before its size is known finishes when the size is recorded, once', async () => {
      const { store, c } = await seeded();
      const t = transfer(c, { direction: 'from-client', name: '/tmp/r.txt', size: -1 });
      await store.insertClientTransfer(t);
      assert.equal(await store.advanceClientTransfer(t.id, 0, 4, true), true);
      assert.equal(await store.finishClientTransfer(t.id), undefined, 'size unknown');
      await store.describeClientTransfer(t.id, 'r.txt', 4);
      await store.describeClientTransfer(t.id, 'other.txt', 9);
      assert.deepEqual(await store.finishClientTransfer(t.id), { ...t, name: 'r.txt', size: 4, nextIndex: 1, bytes: 4, done: true });
    });

    test('E-22: shell output is counted once per seq, taken once, and what is left comes with the close', async () => {
      const { store, c } = await seeded();
      const shellId = uid('sh');
      await store.openShellJournal({ shellId, sessionId: c.sessionId, clientId: c.id });
      assert.equal(await store.takeShellOutput(shellId), undefined, 'no output yet');
      assert.equal(await store.addShellOutput(shellId, 1, 4, 'one ', 6), true);
      assert.equal(await store.addShellOutput(shellId, 1, 4, 'one ', 6), false, 'a chunk sent again is not counted again');
      assert.equal(await store.addShellOutput(shellId, 2, 9, 'two three', 6), true);
      assert.equal(await store.addShellOutput(shellId, 3, 5, 'four ', 6), true);
      assert.deepEqual(await store.takeShellOutput(shellId), { bytes: 18, head: 'one two thre' }, 'the head stops at twice its length');
      assert.equal(await store.takeShellOutput(shellId), undefined, 'taken once');
      assert.equal(await store.addShellOutput(shellId, 3, 5, 'four ', 6), false);
      assert.equal(await store.addShellOutput(shellId, 4, 3, 'end', 6), true);
      assert.deepEqual(await store.closeShellJournal(shellId), { bytes: 3, head: 'end' });
      assert.equal(await store.addShellOutput(shellId, 5, 1, 'x', 6), false, 'a closed shell counts nothing');
      const other = uid('sh');
      await store.openShellJournal({ shellId: other, sessionId: c.sessionId, clientId: c.id });
      await store.addShellOutput(other, 1, 1, 'x', 6);
      await store.deleteShellJournalsOf(c.id);
      assert.equal(await store.closeShellJournal(other), undefined);
    });

    test('E-8: transfers are deleted one by one or all of a client', async () => {
      const { store, c } = await seeded();
      const [x, y] = [transfer(c), transfer(c)];
      await store.insertClientTransfer(x);
      await store.insertClientTransfer(y);
      assert.deepEqual(await store.deleteClientTransfer(x.id), x);
      assert.equal(await store.deleteClientTransfer(x.id), undefined);
      await store.deleteClientTransfersOf(c.id);
      assert.equal(await store.findClientTransfer(y.id), undefined);
    });

    test('E-8: chunks are taken in order, from their client, within the announced size', async () => {
      const { store, c } = await seeded();
      const transfers = clientTransfers(store);
      await transfers.open({
        id: 'x',
        sessionId: c.sessionId,
        clientId: c.id,
        direction: 'to-client',
        name: 'a.txt',
        size: 6,
        technician: tech,
      });
      assert.equal((await transfers.chunk('x', 'other', 'to-client', 0, 'YWJj', false)).ok, false, 'another client');
      assert.equal((await transfers.chunk('x', c.id, 'from-client', 0, 'YWJj', false)).ok, false, 'the other direction');
      const skipped = await transfers.chunk('x', c.id, 'to-client', 1, 'YWJj', false);
      assert.equal(skipped.ok ? '' : skipped.error, 'invalid_payload');
      assert.equal((await transfers.chunk('x', c.id, 'to-client', 0, 'YWJj', false)).ok, true);
      const done = await transfers.chunk('x', c.id, 'to-client', 1, 'ZGVm', true);
      assert.ok(done.ok);
      assert.equal(done.value.finished, true);
      assert.equal((await transfers.chunk('x', c.id, 'to-client', 2, 'ZGVm', false)).ok, false, 'finished transfers are gone');
      await transfers.open({
        id: 'y',
        sessionId: c.sessionId,
        clientId: c.id,
        direction: 'to-client',
        name: 'b',
        size: 2,
        technician: tech,
      });
      const big = await transfers.chunk('y', c.id, 'to-client', 0, 'YWJj', false);
      assert.equal(big.ok ? '' : big.error, 'payload_too_large');
      assert.equal(await store.findClientTransfer('y'), undefined, 'a refused transfer is dropped');
      await transfers.open({
        id: 'z',
        sessionId: c.sessionId,
        clientId: c.id,
        direction: 'to-client',
        name: 'c',
        size: 6,
        technician: tech,
      });
      const short = await transfers.chunk('z', c.id, 'to-client', 0, 'YWJj', true);
      assert.equal(short.ok ? '' : short.error, 'invalid_payload', 'ended before the announced size');
    });

    test('E-21: a fetch is finished by whichever comes last, its last chunk or its size', async () => {
      const { store, c } = await seeded();
      const transfers = clientTransfers(store);
      const fetch = (id: string) =>
        transfers.open({
          id,
          sessionId: c.sessionId,
          clientId: c.id,
          direction: 'from-client',
          name: '/tmp/r',
          size: -1,
          technician: tech,
        });
      await fetch('early');
      const described = await transfers.describe('early', 'r', 6);
      assert.equal(described, null, 'no chunk yet');
      const last = await transfers.chunk('early', c.id, 'from-client', 0, 'YWJjZGVm', true);
      assert.ok(last.ok);
      assert.deepEqual([last.value.finished, last.value.transfer.name, last.value.transfer.size], [true, 'r', 6]);

      await fetch('late');
      const before = await transfers.chunk('late', c.id, 'from-client', 0, 'YWJjZGVm', true);
      assert.ok(before.ok);
      assert.equal(before.value.finished, false, 'its size is not known yet');
      const after = await transfers.describe('late', 'r', 6);
      assert.deepEqual([after?.complete, after?.transfer.name, after?.transfer.bytes], [true, 'r', 6]);

      await fetch('liar');
      assert.ok((await transfers.chunk('liar', c.id, 'from-client', 0, 'YWJj', true)).ok);
      assert.equal((await transfers.describe('liar', 'r', 6))?.complete, false, 'it sent 3 of the 6 bytes it announced');
    });
  });
}
