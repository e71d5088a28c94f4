/**
 * Contract: tickets (numbering, compare-and-set saves, search, filters, sort, visibility), their
 * timeline, notes, attachments and sessions; rules and technician groups.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { NewTicket, Rule } from '../../../../server/core/desk/desk-model.js';
import type { TicketQuery } from '../../../../src/protocol/index.js';
import type { Store } from '../../../../server/core/ports.js';
import { seedSession, seedTechnician, T0, uid } from './fixtures.js';

/** A new ticket with a unique marker in its name, so searches find only this test's tickets. */
export function makeTicket(over: Partial<NewTicket> = {}): NewTicket {
  return {
    id: uid('tick'),
    name: 'Printer down',
    description: 'It shows error 42',
    status: 'open',
    priority: 'medium',
    assignee: { kind: 'none' },
    tags: [],
    customer: { name: 'Ann Example', email: 'ann@example.com', phone: '+1 555 0100' },
    origin: 'email',
    recipient: 'help@desk.test',
    createdAt: T0,
    updatedAt: T0,
    ...over,
  };
}

const query = (over: Partial<TicketQuery>): TicketQuery => ({
  search: '',
  statuses: [],
  priorities: [],
  sort: 'updated',
  direction: 'desc',
  limit: 100,
  ...over,
});

/** Declares the ticket tests. */
export function deskTicketContract(getStore: () => Store): void {
  describe('desk: tickets', () => {
    test('K-1: a stored ticket reads back exactly, numbered one after another', async () => {
      const store = getStore();
      const a = await store.insertTicket(makeTicket({ tags: ['x', 'y'], assignee: { kind: 'group', id: 'g1' } }));
      const b = await store.insertTicket(makeTicket());
      assert.equal(b.number, a.number + 1);
      assert.deepEqual(await store.findTicket(a.id), a);
      assert.deepEqual(await store.findTicketByNumber(b.number), b);
      assert.equal(await store.findTicket(uid('none')), undefined);
    });

    test('K-1: tickets inserted at once get distinct numbers', async () => {
      const store = getStore();
      const made = await Promise.all(Array.from({ length: 8 }, () => store.insertTicket(makeTicket())));
      assert.equal(new Set(made.map((t) => t.number)).size, 8);
    });

    test('K-4: saveTicket is compare-and-set on updatedAt', async () => {
      const store = getStore();
      const t = await store.insertTicket(makeTicket());
      const next = { ...t, status: 'processing' as const, customer: { ...t.customer, phone: '1' }, updatedAt: T0 + 1 };
      assert.equal(await store.saveTicket(next, T0), true);
      assert.equal(await store.saveTicket({ ...t, status: 'closed', updatedAt: T0 + 2 }, T0), false, 'a stale save is refused');
      assert.deepEqual(await store.findTicket(t.id), next);
    });

    test('K-8: search looks in name, description and customer, ignoring case; LIKE characters are literal', async () => {
      const store = getStore();
      const mark = uid('m').slice(-8);
      const byName = await store.insertTicket(makeTicket({ name: `VPN ${mark} broken` }));
      const byBody = await store.insertTicket(makeTicket({ description: `see ${mark.toUpperCase()} 100%` }));
      const byCustomer = await store.insertTicket(makeTicket({ customer: { name: `Zoë ${mark}`, email: 'z@x.test', phone: '' } }));
      const ids = async (search: string) => (await store.listTickets(query({ search }), { all: true })).map((t) => t.id).sort();
      assert.deepEqual(await ids(mark), [byName.id, byBody.id, byCustomer.id].sort());
      assert.deepEqual(await ids(`zoë ${mark}`), [byCustomer.id], 'every word must match');
      assert.deepEqual(await ids(`${mark} 100%`), [byBody.id]);
      assert.deepEqual(await ids(`${mark} 1_0`), [], '_ is not a wildcard');
    });

    test('K-8: quick filters by status and priority; sort by priority and by number', async () => {
      const store = getStore();
      const mark = uid('f').slice(-8);
      const low = await store.insertTicket(makeTicket({ name: `${mark} a`, priority: 'low' }));
      const urgent = await store.insertTicket(makeTicket({ name: `${mark} b`, priority: 'urgent', status: 'waiting' }));
      const high = await store.insertTicket(makeTicket({ name: `${mark} c`, priority: 'high', status: 'closed' }));
      const list = async (over: Partial<TicketQuery>) =>
        (await store.listTickets(query({ search: mark, ...over }), { all: true })).map((t) => t.id);
      assert.deepEqual(await list({ sort: 'priority', direction: 'desc' }), [urgent.id, high.id, low.id]);
      assert.deepEqual(await list({ sort: 'number', direction: 'asc' }), [low.id, urgent.id, high.id]);
      assert.deepEqual(await list({ statuses: ['waiting', 'closed'], sort: 'number', direction: 'asc' }), [urgent.id, high.id]);
      assert.deepEqual(await list({ priorities: ['low'] }), [low.id]);
      assert.deepEqual(await list({ limit: 1, sort: 'number', direction: 'asc' }), [low.id]);
    });

    test("K-9: a technician's scope is unassigned, their own, and their groups' tickets", async () => {
      const store = getStore();
      const mark = uid('s').slice(-8);
      const mk = (assignee: NewTicket['assignee']) => store.insertTicket(makeTicket({ name: mark, assignee }));
      const none = await mk({ kind: 'none' });
      const mine = await mk({ kind: 'technician', id: 'me' });
      await mk({ kind: 'technician', id: 'other' });
      const group = await mk({ kind: 'group', id: 'g-mine' });
      await mk({ kind: 'group', id: 'g-other' });
      const seen = await store.listTickets(query({ search: mark, sort: 'number', direction: 'asc' }), {
        all: false,
        technicianId: 'me',
        groupIds: ['g-mine'],
      });
      assert.deepEqual(
        seen.map((t) => t.id),
        [none.id, mine.id, group.id],
      );
      const noGroups = await store.listTickets(query({ search: mark }), { all: false, technicianId: 'me', groupIds: [] });
      assert.equal(noGroups.length, 2);
    });

    test('recentTickets answers the newest by creation first', async () => {
      const store = getStore();
      const a = await store.insertTicket(makeTicket({ createdAt: T0 + 10_000_000 }));
      const b = await store.insertTicket(makeTicket({ createdAt: T0 + 20_000_000 }));
      assert.deepEqual(
        (await store.recentTickets(2)).map((t) => t.id),
        [b.id, a.id],
      );
    });

    test('K-6, K-7: timeline in insertion order (even at the same instant), notes, attachments, sessions', async () => {
      const store = getStore();
      const t = await store.insertTicket(makeTicket());
      const entry = (summary: string) => ({
        id: uid('tl'),
        ticketId: t.id,
        at: T0,
        kind: 'note' as const,
        actor: { kind: 'system' as const },
        summary,
        body: '<b>x</b>',
        data: { a: [1] },
      });
      const entries = [entry('one'), entry('two'), entry('three')];
      for (const e of entries) await store.insertTimelineEntry(e);
      assert.deepEqual(await store.listTimeline(t.id, 10), entries);
      assert.deepEqual(
        (await store.listTimeline(t.id, 2)).map((e) => e.summary),
        ['two', 'three'],
        'the newest, oldest first',
      );

      const note = { id: uid('n'), ticketId: t.id, author: { id: 'a', name: 'Ada' }, text: 'internal', createdAt: T0 };
      await store.insertTicketNote(note);
      assert.deepEqual(await store.listTicketNotes(t.id), [note]);

      const bytes = new Uint8Array([0, 255, 1, 2, 128]);
      const att = {
        id: uid('at'),
        ticketId: t.id,
        mailId: 'm',
        filename: 'a.bin',
        contentType: 'application/octet-stream',
        size: 5,
        content: bytes,
        createdAt: T0,
      };
      await store.insertTicketAttachment(att);
      assert.deepEqual(await store.findTicketAttachment(att.id), att);
      const { content: _c, ...listed } = att;
      assert.deepEqual(await store.listTicketAttachments(t.id), [listed]);

      const { session } = await seedSession(store);
      await store.linkTicketSession({ ticketId: t.id, sessionId: session.id, createdAt: T0 });
      assert.deepEqual(await store.listTicketSessions(t.id), [{ ticketId: t.id, sessionId: session.id, createdAt: T0 }]);
      assert.equal(await store.findTicketOfSession(session.id), t.id);
      assert.equal(await store.findTicketOfSession(uid('s')), undefined);
    });
  });

  describe('desk: rules and groups', () => {
    const rule = (over: Partial<Rule>): Rule => ({
      id: uid('rule'),
      name: 'VIP',
      description: 'd',
      enabled: true,
      match: 'any',
      conditions: [
        { field: 'sender', op: 'ends_with', value: '@vip.test' },
        { field: 'time', op: 'within', days: [1, 2], from: '09:00', to: '17:00', utcOffsetMinutes: 60 },
      ],
      actions: [{ type: 'set_assignee', assignee: { kind: 'group', id: 'g' } }, { type: 'notify_assignee' }],
      position: 0,
      createdAt: T0,
      updatedAt: T0,
      ...over,
    });

    test('R-1: rules read back exactly; update, reorder, delete', async () => {
      const store = getStore();
      for (const r of await store.listRules()) await store.deleteRule(r.id);
      const a = rule({ position: 0 });
      const b = rule({ position: 1, enabled: false, match: 'all' });
      await store.insertRule(a);
      await store.insertRule(b);
      assert.deepEqual(await store.listRules(), [a, b]);
      const a2 = { ...a, name: 'Renamed', enabled: false, updatedAt: T0 + 5 };
      await store.updateRule(a2);
      assert.deepEqual(await store.findRule(a.id), a2);
      await store.setRuleOrder([b.id, a.id]);
      assert.deepEqual(
        (await store.listRules()).map((r) => [r.id, r.position]),
        [
          [b.id, 0],
          [a.id, 1],
        ],
      );
      await store.deleteRule(b.id);
      assert.deepEqual(
        (await store.listRules()).map((r) => r.id),
        [a.id],
      );
      await store.deleteRule(a.id);
    });

    test('K-3: groups with members; saving replaces the members; deleting removes it', async () => {
      const store = getStore();
      const [x, y] = [await seedTechnician(store), await seedTechnician(store)];
      const g = { id: uid('g'), name: `Hardware ${uid('n')}`, memberIds: [x.id, y.id].sort(), createdAt: T0 };
      await store.saveGroup(g);
      assert.deepEqual(await store.findGroup(g.id), g);
      await store.saveGroup({ ...g, name: 'Renamed', memberIds: [y.id] });
      assert.deepEqual(await store.findGroup(g.id), { ...g, name: 'Renamed', memberIds: [y.id] });
      assert.ok((await store.listGroups()).some((l) => l.id === g.id));
      await store.deleteGroup(g.id);
      assert.equal(await store.findGroup(g.id), undefined);
    });
  });
}
