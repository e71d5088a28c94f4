import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Ticket } from '../../../server/core/desk/desk-model.js';
import { mailIngest } from '../../../server/mail/mail-ingest.js';
import { startSmtpListener, type SmtpListener } from '../../../server/mail/smtp-listener.js';
import { smtpSender } from '../../../server/mail/smtp-sender.js';
import { nodeEnv } from '../../../server/security/node-env.js';
import { eventually, sendMail, startMailSink, type MailSink } from '../../support/mail-sink.js';
import { freePort } from '../../support/free-port.js';
import {
  adminIdOf,
  buildTestServer,
  TEST_ADMIN,
  connectConsole,
  disconnectAll,
  emitAck,
  storageKindFromEnv,
  valueOf,
  type ConsoleSocket,
  type TestServer,
} from '../../support/test-server.js';

const DESK = 'help@desk.test';
const silent = { error: () => undefined };

describe('mail in over the built-in SMTP listener, mail out over SMTP', () => {
  let server: TestServer;
  let sink: MailSink;
  let listener: SmtpListener;
  let tech: ConsoleSocket;
  let sender: ReturnType<typeof smtpSender>;

  const ticketNamed = (name: string) =>
    eventually(async () => (await server.store.recentTickets(100)).find((t) => t.name === name), `a ticket named "${name}"`);

  before(async () => {
    sink = await startMailSink();
    sender = smtpSender({ host: '127.0.0.1', port: sink.port, secure: false });
    server = await buildTestServer({ storage: storageKindFromEnv(), deskMail: { sender, address: DESK } });
    listener = await startSmtpListener({
      host: '127.0.0.1',
      port: 0,
      deskAddress: DESK,
      ingest: mailIngest(server.app.desk, nodeEnv, silent),
      log: silent,
    });
    tech = await connectConsole(server.url, await server.login());
  });
  after(async () => {
    disconnectAll(tech);
    await listener?.close();
    sender?.close();
    await server?.close();
    await sink?.close();
  });

  test('X-4, R-5: a new mail becomes a ticket with its customer; the rules route it', async () => {
    valueOf(
      await emitAck(tech, 'rule:save', {
        rule: {
          name: 'Billing',
          description: '',
          enabled: true,
          match: 'any',
          conditions: [{ field: 'subject', op: 'contains', value: 'invoice' }],
          actions: [
            { type: 'set_priority', priority: 'high' },
            { type: 'add_tags', tags: ['billing'] },
          ],
        },
      }),
    );
    await sendMail(listener.port, {
      from: '"Ann Example" <Ann@Example.com>',
      to: DESK,
      subject: 'Wrong invoice',
      text: 'Invoice 7 is wrong.',
    });
    const t = await ticketNamed('Wrong invoice');
    assert.deepEqual(
      [t.origin, t.customer.name, t.customer.email, t.recipient, t.description.trim(), t.priority, t.tags],
      ['email', 'Ann Example', 'ann@example.com', DESK, 'Invoice 7 is wrong.', 'high', ['billing']],
    );
    const d = valueOf(await emitAck(tech, 'ticket:details', { ticketId: t.id }));
    assert.deepEqual(
      d.timeline.map((e) => e.kind),
      ['created', 'rule', 'mail_in'],
    );
  });

  test("X-2, X-3: a reply goes out over SMTP, threaded; the customer's answer lands on the same ticket and reopens it", async () => {
    await sendMail(listener.port, {
      from: 'bo@example.org',
      to: DESK,
      subject: 'VPN broken',
      text: 'Cannot connect.',
      messageId: '<first-vpn@example.org>',
    });
    const t = await ticketNamed('VPN broken');
    valueOf(await emitAck(tech, 'ticket:update', { ticketId: t.id, changes: { status: 'waiting' } }));
    const reply = valueOf(await emitAck(tech, 'ticket:reply', { ticketId: t.id, text: 'Which client version?' }));
    assert.equal(reply.status, 'sent');
    const out = await sink.next((m) => m.messageId === reply.messageId);
    assert.equal(out.subject, `Re: VPN broken [#T-${t.number}]`);
    assert.equal(out.inReplyTo, '<first-vpn@example.org>');
    assert.equal(out.from?.value[0].address, DESK);

    await sendMail(listener.port, {
      from: 'bo@example.org',
      to: DESK,
      subject: `Re: ${out.subject}`,
      text: 'Version 5.1',
      inReplyTo: reply.messageId,
      references: ['<first-vpn@example.org>', reply.messageId],
    });
    const answered = await eventually(async () => {
      const d = valueOf(await emitAck(tech, 'ticket:details', { ticketId: t.id }));
      return d.timeline.filter((e) => e.kind === 'mail_in').length === 2 && d;
    }, 'the answer on the timeline');
    assert.equal(answered.ticket.status, 'open', 'K-5: an answer reopens a waiting ticket');
    assert.equal((await server.store.recentTickets(100)).filter((x) => x.name === 'VPN broken').length, 1, 'no second ticket');

    // A subject reference threads only mail from the ticket's customer.
    await sendMail(listener.port, { from: 'stranger@evil.test', to: DESK, subject: `[#T-${t.number}] hijack`, text: 'x' });
    const own = await ticketNamed(`[#T-${t.number}] hijack`);
    assert.notEqual(own.id, t.id);
  });

  test('X-5: attachments are kept; one above the bound is dropped by name and size and noted', async () => {
    await sendMail(listener.port, {
      from: 'cy@example.org',
      to: DESK,
      subject: 'Screenshots',
      text: 'See attached.',
      attachments: [
        { filename: 'small.png', content: Buffer.from([137, 80, 78, 71, 1, 2, 3]), contentType: 'image/png' },
        { filename: 'huge.bin', content: Buffer.alloc(6 * 1024 * 1024, 7) },
      ],
    });
    const t = await ticketNamed('Screenshots');
    const d = await eventually(async () => {
      const x = valueOf(await emitAck(tech, 'ticket:details', { ticketId: t.id }));
      return x.timeline.some((e) => e.kind === 'mail_in') && x;
    }, 'the mail on the timeline');
    assert.deepEqual(
      d.attachments.map((a) => [a.filename, a.size, a.contentType]),
      [['small.png', 7, 'image/png']],
    );
    const stored = await server.store.findTicketAttachment(d.attachments[0].id);
    assert.deepEqual([...(stored?.content ?? [])], [137, 80, 78, 71, 1, 2, 3]);
    assert.match(d.timeline.find((e) => e.kind === 'mail_in')?.body ?? '', /Not kept, too large: huge\.bin \(6\.0 MB\)/);

    // The console downloads it over HTTP, signed in, always as an attachment.
    const url = `${server.url}/api/desk/attachments/${d.attachments[0].id}`;
    const res = await fetch(url, { headers: { cookie: await server.login() } });
    assert.equal(res.status, 200);
    assert.deepEqual([...new Uint8Array(await res.arrayBuffer())], [137, 80, 78, 71, 1, 2, 3]);
    assert.equal(res.headers.get('content-type'), 'application/octet-stream');
    assert.equal(res.headers.get('content-disposition'), 'attachment; filename="small.png"');
    assert.equal((await fetch(url)).status, 401, 'not without signing in');
    assert.equal((await fetch(`${server.url}/api/desk/attachments/nope`, { headers: { cookie: await server.login() } })).status, 404);
  });

  test('X-6: broken MIME, missing headers, odd charsets and garbage never stop intake', async () => {
    const raw = (text: string) => sendMail(listener.port, { envelope: { from: 'x@example.org', to: [DESK] }, raw: text });
    // A multipart whose boundary never appears: the text is still read.
    await raw(
      'From: dee@example.org\r\nSubject: Broken MIME\r\nContent-Type: multipart/mixed; boundary="nope"\r\n\r\nJust text, no parts.\r\n',
    );
    // No From, no Subject, no Message-ID.
    await raw('Content-Type: text/plain\r\n\r\nNobody signed this.\r\n');
    // An unknown charset and a Latin-1 one.
    await raw(
      'From: eve@example.org\r\nSubject: =?x-unknown?Q?Odd?=\r\nContent-Type: text/plain; charset=x-unknown\r\n\r\nplain bytes\r\n',
    );
    await raw(
      'From: fay@example.org\r\nSubject: Latin\r\nContent-Type: text/plain; charset=iso-8859-1\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\nCaf=E9 cr=E8me\r\n',
    );
    // Nothing usable at all: lands on the "could not read" list.
    await raw('\r\n\r\n');

    await ticketNamed('Broken MIME');
    const latin = await ticketNamed('Latin');
    assert.equal(latin.description.trim(), 'Café crème');
    const anonymous = await ticketNamed('Nobody signed this.');
    assert.equal(anonymous.customer.email, '');
    await eventually(
      async () => (await server.store.recentTickets(100)).some((t) => t.customer.email === 'eve@example.org'),
      'the odd-charset ticket',
    );
    const unreadable = await eventually(async () => {
      const list = valueOf(await emitAck(tech, 'mail:unreadable', {}));
      return list.length > 0 && list;
    }, 'an unreadable entry');
    assert.match(unreadable[0].reason, /No sender, subject or readable text/);

    await sendMail(listener.port, { from: 'gus@example.org', to: DESK, subject: 'Still working', text: 'ok' });
    await ticketNamed('Still working');
  });

  test('X-4: mail for another domain is refused at RCPT; the same Message-ID twice makes one ticket', async () => {
    await assert.rejects(
      sendMail(listener.port, { from: 'a@example.org', to: 'someone@elsewhere.test', subject: 'nope', text: 'x' }),
      /550/,
    );
    const once = { from: 'hal@example.org', to: DESK, subject: 'Sent twice', text: 'x', messageId: '<twice@example.org>' };
    await sendMail(listener.port, once);
    await sendMail(listener.port, once);
    await sendMail(listener.port, { ...once, subject: 'After the twice', messageId: '<after@example.org>' });
    await ticketNamed('After the twice');
    const all: Ticket[] = await server.store.recentTickets(200);
    assert.equal(all.filter((t) => t.name === 'Sent twice').length, 1);
  });

  test('R-4: "email the assignee" sends the assignee a notification; it is not on the customer\'s timeline', async () => {
    const adminId = await adminIdOf(server);
    valueOf(
      await emitAck(tech, 'rule:save', {
        rule: {
          name: 'Outages to the admin',
          description: '',
          enabled: true,
          match: 'all',
          conditions: [{ field: 'subject', op: 'starts_with', value: 'outage' }],
          actions: [{ type: 'set_assignee', assignee: { kind: 'technician', id: adminId } }, { type: 'notify_assignee' }],
        },
      }),
    );
    await sendMail(listener.port, { from: 'ida@example.org', to: DESK, subject: 'Outage in hall B', text: 'Everything is down.' });
    const t = await ticketNamed('Outage in hall B');
    const note = await sink.next((m) => m.subject === `Assigned to you: Outage in hall B [#T-${t.number}]`);
    assert.equal(note.to && !Array.isArray(note.to) ? note.to.value[0].address : '', TEST_ADMIN.email);
    const d = valueOf(await emitAck(tech, 'ticket:details', { ticketId: t.id }));
    assert.equal(d.timeline.filter((e) => e.kind === 'mail_out').length, 0);
  });
});

describe('X-1: mail out when the SMTP server is down', () => {
  test('X-1: the reply is kept, marked failed, and the timeline says so', async () => {
    const sender = smtpSender({ host: '127.0.0.1', port: await freePort(), secure: false });
    const server = await buildTestServer({ storage: storageKindFromEnv(), deskMail: { sender, address: DESK } });
    const tech = await connectConsole(server.url, await server.login());
    try {
      const t = valueOf(
        await emitAck(tech, 'ticket:create', { name: 'Down', description: '', customer: { name: '', email: 'jo@example.org', phone: '' } }),
      );
      const mail = valueOf(await emitAck(tech, 'ticket:reply', { ticketId: t.id, text: 'hello' }));
      assert.equal(mail.status, 'failed');
      assert.equal((await server.store.findMail(mail.id))?.status, 'failed');
      const d = valueOf(await emitAck(tech, 'ticket:details', { ticketId: t.id }));
      assert.match(d.timeline.at(-1)?.summary ?? '', /failed/);
    } finally {
      disconnectAll(tech);
      sender.close();
      await server.close();
    }
  });
});
