import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { emitAck, nextEvent, valueOf } from '../../support/test-server.js';
import {
  clientAck,
  connectSupportClient,
  escalatedTicket,
  TEST_CLIENT,
  type SupportClientSocket,
} from '../../support/test-support-client.js';
import { startTeam, type Team } from './team.js';

describe('E-1..E-4: escalation tickets over the sockets', () => {
  let team: Team;
  const clients: SupportClientSocket[] = [];
  before(async () => {
    team = await startTeam();
  });
  after(async () => {
    for (const c of clients) c.disconnect();
    await team?.close();
  });
  const client = async () => {
    const c = await connectSupportClient(team.server.url);
    clients.push(c);
    return c;
  };

  test('E-1: no ticket before the visitor allowed the escalation', async () => {
    const { sessionId, widget } = await team.joined(team.bob);
    const r = await emitAck(widget, 'escalation:ticket', { sessionId });
    assert.equal(r.ok ? '' : r.error, 'forbidden');
  });

  test('E-1, E-2: after Allow the widget gets a 256-bit token, a 9-digit code and downloads of the reference client', async () => {
    const { sessionId, widget } = await team.joined(team.bob);
    const t = await escalatedTicket(team.bob.socket, widget, sessionId);
    assert.match(t.code, /^\d{9}$/);
    assert.ok(Buffer.from(t.token, 'base64url').length >= 32);
    assert.equal(t.downloads.linux, `/downloads/porthole-support.mjs?ticket=${t.token}`);
    const other = valueOf(await emitAck(widget, 'escalation:ticket', { sessionId }));
    const c = await client();
    const stale = await clientAck(c, 'client:redeem', { secret: { code: t.code }, client: TEST_CLIENT });
    assert.equal(stale.ok ? '' : stale.error, 'not_found', 'a new ticket revokes the earlier unused one');
    assert.ok((await clientAck(c, 'client:redeem', { secret: { token: other.token }, client: TEST_CLIENT })).ok);
  });

  test('E-3: a code works once; the technicians hear the client connect and the log says so', async () => {
    const { sessionId, widget } = await team.joined(team.bob);
    const t = await escalatedTicket(team.bob.socket, widget, sessionId);
    const connected = nextEvent(team.bob.socket, 'client:updated', (c) => c.sessionId === sessionId);
    const logged = nextEvent(team.bob.socket, 'activity:created', (a) => a.sessionId === sessionId && a.action === 'client.connected');
    const first = await client();
    const redeemed = valueOf(await clientAck(first, 'client:redeem', { secret: { code: t.code }, client: TEST_CLIENT }));
    assert.equal(redeemed.sessionId, sessionId);
    assert.deepEqual(redeemed.technicians, ['Bob']);
    assert.equal((await connected).os, 'linux');
    assert.match((await logged).summary, /without administrator rights/);
    const second = await client();
    const again = await clientAck(second, 'client:redeem', { secret: { code: t.code }, client: TEST_CLIENT });
    assert.equal(again.ok ? '' : again.error, 'not_found');
    const byToken = await clientAck(second, 'client:redeem', { secret: { token: t.token }, client: TEST_CLIENT });
    assert.equal(byToken.ok ? '' : byToken.error, 'not_found');
  });

  test('E-3: a ticket stops working once the visitor withdraws the escalation', async () => {
    const { sessionId, widget } = await team.joined(team.bob);
    const t = await escalatedTicket(team.bob.socket, widget, sessionId);
    valueOf(await emitAck(widget, 'permission:revoke', { sessionId, capability: 'escalate' }));
    const r = await clientAck(await client(), 'client:redeem', { secret: { token: t.token }, client: TEST_CLIENT });
    // Withdrawing revokes the session's tickets at once (E-3: revoked tickets answer not_found).
    assert.equal(r.ok ? '' : r.error, 'not_found');
    const again = await emitAck(widget, 'escalation:ticket', { sessionId });
    assert.equal(again.ok ? '' : again.error, 'forbidden');
  });

  test('P-1, P-2: the namespace checks the protocol version and validates every command', async () => {
    await assert.rejects(
      connectSupportClient(team.server.url, { protocol: 0 }),
      (e: { data?: { code?: string } }) => e.data?.code === 'protocol_mismatch',
    );
    const c = await client();
    const bad = await clientAck(c, 'client:redeem', { secret: { code: '12' }, client: TEST_CLIENT });
    assert.equal(bad.ok ? '' : bad.error, 'invalid_payload');
    const early = await clientAck(c, 'shell:output', { shellId: 'x', seq: 1, data: 'hi' });
    assert.equal(early.ok ? '' : early.error, 'unauthorized');
  });
});

describe('E-4: wrong escalation codes are rate limited like PINs', () => {
  let team: Team;
  before(async () => {
    team = await startTeam({ trustProxy: true });
  });
  after(async () => team?.close());

  test('E-4: the 7th wrong code in a minute from one address is refused, even a right one; another address still works', async () => {
    const { sessionId, widget } = await team.joined(team.bob);
    const t = await escalatedTicket(team.bob.socket, widget, sessionId);
    const wrong = t.code === '000000001' ? '000000002' : '000000001';
    const guesser = await connectSupportClient(team.server.url, { headers: { 'x-forwarded-for': '203.0.113.9' } });
    try {
      for (let i = 0; i < 6; i++) {
        const r = await clientAck(guesser, 'client:redeem', { secret: { code: wrong }, client: TEST_CLIENT });
        assert.equal(r.ok ? '' : r.error, 'not_found');
      }
      const limited = await clientAck(guesser, 'client:redeem', { secret: { code: t.code }, client: TEST_CLIENT });
      assert.equal(limited.ok ? '' : limited.error, 'rate_limited');
    } finally {
      guesser.disconnect();
    }
    const visitor = await connectSupportClient(team.server.url, { headers: { 'x-forwarded-for': '198.51.100.4' } });
    try {
      assert.ok((await clientAck(visitor, 'client:redeem', { secret: { code: t.code }, client: TEST_CLIENT })).ok);
    } finally {
      visitor.disconnect();
    }
  });
});
