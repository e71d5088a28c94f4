/**
 * Contract: desk mail (stored once per direction and Message-ID, threading look-ups, outbox order),
 * unreadable mail, and IMAP positions.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { MailRecord } from '../../../../server/core/desk/desk-model.js';
import type { Store } from '../../../../server/core/ports.js';
import { makeTicket } from './desk-tickets.js';
import { T0, uid } from './fixtures.js';

const mail = (over: Partial<MailRecord> = {}): MailRecord => ({
  id: uid('mail'),
  ticketId: null,
  direction: 'in',
  status: 'received',
  from: 'ann@example.com',
  to: 'help@desk.test',
  subject: 'Hello',
  text: 'Body',
  messageId: `<${uid('mid')}@example.com>`,
  inReplyTo: '',
  references: [],
  error: '',
  at: T0,
  ...over,
});

/** Declares the mail tests. */
export function deskMailContract(getStore: () => Store): void {
  describe('desk: mail', () => {
    test('X-7: a Message-ID is stored once per direction; the second insert answers false', async () => {
      const store = getStore();
      const m = mail({ references: ['<a@x>', '<b@x>'] });
      assert.equal(await store.insertMail(m), true);
      assert.equal(await store.insertMail({ ...m, id: uid('mail') }), false);
      assert.equal(
        await store.insertMail({ ...m, id: uid('mail'), direction: 'out', status: 'outbox' }),
        true,
        'the other direction is apart',
      );
      assert.deepEqual(await store.findMail(m.id), m);
    });

    test('X-3: threading finds the newest mail of a ticket among Message-IDs; mails of a ticket in order', async () => {
      const store = getStore();
      const t = await store.insertTicket(makeTicket());
      const first = mail();
      const second = mail();
      const loose = mail();
      await store.insertMail(first);
      await store.insertMail(second);
      await store.insertMail(loose);
      await store.setMailTicket(first.id, t.id);
      await store.setMailTicket(second.id, t.id);
      assert.equal((await store.findMailByMessageIds([first.messageId, second.messageId]))?.id, second.id);
      assert.equal(await store.findMailByMessageIds([loose.messageId]), undefined, 'a mail without a ticket threads nothing');
      assert.equal(await store.findMailByMessageIds([]), undefined);
      assert.deepEqual(
        (await store.listMailsOfTicket(t.id)).map((m) => m.id),
        [first.id, second.id],
      );
    });

    test('X-1: outgoing mail lists newest first; status updates stick', async () => {
      const store = getStore();
      const a = mail({ direction: 'out', status: 'outbox' });
      const b = mail({ direction: 'out', status: 'sent' });
      await store.insertMail(a);
      await store.insertMail(b);
      await store.updateMailStatus(a.id, 'failed', 'connection refused');
      const out = await store.listMails('out', 500);
      assert.deepEqual(
        out.slice(0, 2).map((m) => m.id),
        [b.id, a.id],
      );
      assert.deepEqual([out[1].status, out[1].error], ['failed', 'connection refused']);
    });

    test('X-6: unreadable mail lists newest first', async () => {
      const store = getStore();
      const u = (at: number) => ({ id: uid('u'), source: 'smtp', reason: 'bad', excerpt: '\u0001<x> é', size: 10, at });
      const [old, young] = [u(T0 + 1), u(T0 + 2_000_000_000)];
      await store.insertUnreadable(old);
      await store.insertUnreadable(young);
      const listed = await store.listUnreadable(100);
      assert.deepEqual(listed[0], young);
      assert.ok(listed.some((l) => l.id === old.id));
    });

    test('X-7: a mailbox position is kept and replaced', async () => {
      const store = getStore();
      const key = uid('imap');
      assert.equal(await store.getMailboxState(key), undefined);
      await store.setMailboxState(key, { uidValidity: 4_000_000_000, lastUid: 7 });
      await store.setMailboxState(key, { uidValidity: 4_000_000_000, lastUid: 9 });
      assert.deepEqual(await store.getMailboxState(key), { uidValidity: 4_000_000_000, lastUid: 9 });
    });
  });
}
