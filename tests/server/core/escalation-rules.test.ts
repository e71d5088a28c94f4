import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { mayIssueTicket, mayRedeem, newTicket, TICKET_TTL_MS } from '../../../server/core/escalation-rules.js';
import { downloadsFor, REFERENCE_CLIENT_PATH } from '../../../server/core/escalation-views.js';
import { makeChannel, makePermission, makeSession, T0 } from './fixtures.js';

const session = makeSession({ status: 'active', ownerId: 't1' });
const granted = [makePermission({ capability: 'escalate', status: 'granted', answeredAt: T0 + 1 })];
const ticket = newTicket({ id: 'e1', sessionId: 's1', tokenHash: 'h', code: '123456789', now: T0 });

describe('escalation tickets', () => {
  test('E-1: a ticket is issued only while escalate is granted in an open session', () => {
    assert.equal(mayIssueTicket(session, granted, T0 + 2).ok, true);
    const refused = mayIssueTicket(session, [makePermission({ capability: 'escalate', status: 'denied' })], T0 + 2);
    assert.equal(refused.ok ? '' : refused.error, 'forbidden');
    const viewOnly = mayIssueTicket(session, [makePermission({ capability: 'view', status: 'granted' })], T0 + 2);
    assert.equal(viewOnly.ok, false);
    const revoked = mayIssueTicket(session, [...granted, makePermission({ id: 'p2', capability: 'escalate', status: 'revoked' })], T0 + 2);
    assert.equal(revoked.ok, false);
    assert.equal(mayIssueTicket({ ...session, status: 'closed' }, granted, T0 + 2).ok, false);
  });

  test('E-3: a live ticket redeems once, for its session, until its deadline', () => {
    const r = mayRedeem(ticket, session, granted, T0 + 1000);
    assert.equal(r.ok, true);
    assert.equal(ticket.expiresAt, T0 + TICKET_TTL_MS);
    const late = mayRedeem(ticket, session, granted, T0 + TICKET_TTL_MS);
    assert.equal(late.ok ? '' : late.error, 'expired');
    const used = mayRedeem({ ...ticket, usedAt: T0 + 5 }, session, granted, T0 + 10);
    assert.equal(used.ok ? '' : used.error, 'not_found');
    const revoked = mayRedeem({ ...ticket, revokedAt: T0 + 5 }, session, granted, T0 + 10);
    assert.equal(revoked.ok ? '' : revoked.error, 'not_found');
    assert.equal(mayRedeem(undefined, session, granted, T0).ok, false);
  });

  test('E-3: a ticket stops working with its session or when the visitor withdraws the escalation', () => {
    const expired = mayRedeem(ticket, { ...session, expiresAt: T0 + 10 }, granted, T0 + 10);
    assert.equal(expired.ok ? '' : expired.error, 'forbidden');
    const closed = mayRedeem(ticket, { ...session, status: 'closed' }, granted, T0 + 10);
    assert.equal(closed.ok, false);
    const withdrawn = mayRedeem(
      ticket,
      session,
      [...granted, makePermission({ id: 'p2', capability: 'escalate', status: 'revoked' })],
      T0 + 10,
    );
    assert.equal(withdrawn.ok ? '' : withdrawn.error, 'forbidden');
  });

  test("E-2: downloads use the channel's links with the ticket, else this server's reference client", () => {
    const own = downloadsFor(makeChannel(), 'tok_en');
    assert.deepEqual(own, {
      windows: `${REFERENCE_CLIENT_PATH}?ticket=tok_en`,
      macos: `${REFERENCE_CLIENT_PATH}?ticket=tok_en`,
      linux: `${REFERENCE_CLIENT_PATH}?ticket=tok_en`,
    });
    const mixed = downloadsFor(makeChannel({ downloadLinks: { windows: 'https://dl.example.com/Support.exe?v=2' } }), 'tok');
    assert.equal(mixed.windows, 'https://dl.example.com/Support.exe?v=2&porthole_ticket=tok');
    assert.equal(mixed.linux, `${REFERENCE_CLIENT_PATH}?ticket=tok`);
  });
});
