import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { act, emitAck, valueOf } from '../../support/test-server.js';
import { startTeam, type Team } from './team.js';

describe('invite by email from the session view', () => {
  let team: Team;
  before(async () => {
    team = await startTeam();
  });
  after(async () => {
    await team?.close();
  });

  const newSession = async () => valueOf(await emitAck(team.bob.socket, 'session:create', { channelId: team.demoId }));

  test('K-12: the mail goes out through the desk (the outbox without SMTP) and files a ticket linked to the session', async () => {
    const created = await newSession();
    const text = `Hello, please open ${created.invitation.link} or type ${created.invitation.pin}.`;
    const mail = valueOf(
      await emitAck(team.bob.socket, 'session:invite-email', {
        sessionId: created.session.id,
        to: 'Ann@Example.com',
        subject: 'Remote support',
        text,
      }),
    );
    assert.equal(mail.status, 'outbox');
    const ticketId = await team.server.store.findTicketOfSession(created.session.id);
    assert.ok(ticketId, 'the session has a ticket now');
    const ticket = await team.server.store.findTicket(ticketId);
    assert.equal(ticket?.customer.email, 'ann@example.com');
    const mails = await team.server.store.listMailsOfTicket(ticketId);
    assert.deepEqual(
      mails.map((m) => [m.direction, m.to, m.text]),
      [['out', 'Ann@Example.com', text]],
    );
    assert.match(mails[0].subject, new RegExp(`^Remote support \\[#T-${ticket?.number}\\]$`), 'threaded by the ticket reference (X-3)');

    // A second invitation (say, a corrected address) stays on the same ticket.
    valueOf(
      await emitAck(team.bob.socket, 'session:invite-email', {
        sessionId: created.session.id,
        to: 'ann@work.example',
        subject: 'Again',
        text,
      }),
    );
    assert.equal(await team.server.store.findTicketOfSession(created.session.id), ticketId);
    assert.equal((await team.server.store.listMailsOfTicket(ticketId)).length, 2);
  });

  test('A-2, S-4: outsiders cannot send it, nor anyone for an ended session, and nothing is filed', async () => {
    const created = await newSession();
    const payload = { sessionId: created.session.id, to: 'ann@example.com', subject: 'x', text: 'y' };
    const dave = await emitAck(team.dave.socket, 'session:invite-email', payload);
    assert.equal(!dave.ok && dave.error, 'forbidden');
    valueOf(await act(team.bob.socket, created.session.id, { type: 'close' }));
    const closed = await emitAck(team.bob.socket, 'session:invite-email', payload);
    assert.equal(!closed.ok && closed.error, 'session_not_open');
    assert.equal(await team.server.store.findTicketOfSession(created.session.id), undefined);
  });

  test('P-2: a bad address is refused before anything happens', async () => {
    const created = await newSession();
    const r = await emitAck(team.bob.socket, 'session:invite-email', {
      sessionId: created.session.id,
      to: 'not an address',
      subject: 'x',
      text: 'y',
    });
    assert.equal(!r.ok && r.error, 'invalid_payload');
    assert.equal(await team.server.store.findTicketOfSession(created.session.id), undefined);
  });
});
