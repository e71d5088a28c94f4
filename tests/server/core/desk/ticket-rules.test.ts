import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { keptAttachments, MAX_ATTACHMENT_BYTES, threadIds } from '../../../../server/core/desk/inbound-mail.js';
import {
  describeChanges,
  mayViewTicket,
  newTicket,
  refFromSubject,
  subjectWithRef,
  ticketName,
} from '../../../../server/core/desk/ticket-rules.js';

describe('ticket rules', () => {
  test('K-1, K-2: a new ticket is Open, medium, unassigned, named after the subject, customer email lower-cased', () => {
    const t = newTicket(
      { name: ' Ann ', email: 'Ann@Example.COM', message: 'Help', subject: 'Re: Fwd: Printer', origin: 'email' },
      'id1',
      5,
    );
    assert.deepEqual(
      [t.status, t.priority, t.assignee, t.name, t.customer],
      ['open', 'medium', { kind: 'none' }, 'Printer', { name: 'Ann', email: 'ann@example.com', phone: '' }],
    );
  });

  test('K-1: without a subject the name is the first line of the message; a console name stays as typed', () => {
    assert.equal(ticketName('', '\n  first line \nsecond'), 'first line');
    assert.equal(ticketName(undefined, ''), '(no subject)');
    assert.equal(ticketName('x'.repeat(300), '').length, 200);
    assert.equal(newTicket({ name: '', email: '', message: '', subject: 'Re: keep me', origin: 'manual' }, 'i', 0).name, 'Re: keep me');
  });

  test('X-3: the subject carries [#T-n] once, and the number is read back', () => {
    assert.equal(subjectWithRef('Re: Printer [#T-7]', 7), 'Re: Printer [#T-7]');
    assert.equal(subjectWithRef('  ', 3), 'Your request [#T-3]');
    assert.equal(refFromSubject('RE: Printer [#t-42] again'), 42);
    assert.equal(refFromSubject('Printer T-42'), null);
  });

  test("K-9: admins see all; technicians see unassigned, their own and their groups' tickets", () => {
    const tech = { id: 'me', role: 'technician', groupIds: ['g1'] } as const;
    const table = [
      [{ kind: 'none' }, true],
      [{ kind: 'technician', id: 'me' }, true],
      [{ kind: 'technician', id: 'other' }, false],
      [{ kind: 'group', id: 'g1' }, true],
      [{ kind: 'group', id: 'g2' }, false],
    ] as const;
    for (const [assignee, expected] of table) assert.equal(mayViewTicket({ assignee }, tech), expected, JSON.stringify(assignee));
    assert.equal(mayViewTicket({ assignee: { kind: 'group', id: 'g2' } }, { id: 'a', role: 'admin', groupIds: [] }), true);
  });

  test('K-6: every changed field is one line for the timeline', () => {
    const before = { ...newTicket({ name: 'Ann', email: 'a@x.test', message: 'm', subject: 's', origin: 'manual' }, 'i', 0), number: 1 };
    const after = { ...before, status: 'processing' as const, assignee: { kind: 'group' as const, id: 'g' }, tags: ['x'] };
    const names = { technicians: new Map(), groups: new Map([['g', 'Hardware']]) };
    assert.deepEqual(describeChanges(before, after, names), ['Status: open → processing', 'Assignee: Hardware', 'Tags: x']);
    assert.deepEqual(describeChanges(before, { ...before }, names), []);
  });

  test('X-5: attachments above the size bound are dropped by name and size; the rest kept in order', () => {
    const a = (name: string, size: number) => ({ filename: name, contentType: 'application/octet-stream', content: new Uint8Array(size) });
    const r = keptAttachments([a('small', 10), a('huge', MAX_ATTACHMENT_BYTES + 1), a('also', 20)]);
    assert.deepEqual(
      r.kept.map((k) => k.filename),
      ['small', 'also'],
    );
    assert.deepEqual(r.dropped, [{ filename: 'huge', size: MAX_ATTACHMENT_BYTES + 1 }]);
  });

  test('X-3: a reply is looked up by In-Reply-To first, then References from the newest', () => {
    assert.deepEqual(threadIds({ inReplyTo: '<c>', references: ['<a>', '<b>', '<c>'] }), ['<c>', '<b>', '<a>']);
    assert.deepEqual(threadIds({ inReplyTo: '', references: [] }), []);
  });
});
