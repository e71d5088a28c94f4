import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { ClientCapability } from '../../../src/protocol/index.js';
import { emitAck, emitRaw, newClientId, nextEvent, valueOf, type ConsoleSocket, type WidgetSocket } from '../../support/test-server.js';
import {
  clientAck,
  connectSupportClient,
  escalatedTicket,
  nextClientEvent,
  TEST_CLIENT,
  type SupportClientSocket,
} from '../../support/test-support-client.js';
import { startTeam, type Team } from './team.js';

describe('E-5..E-10: the support client over the sockets', () => {
  let team: Team;
  const clients: SupportClientSocket[] = [];
  before(async () => {
    team = await startTeam();
  });
  after(async () => {
    for (const c of clients) c.disconnect();
    await team?.close();
  });

  /** A session with a connected client of Bob's. */
  const connected = async (): Promise<{ sessionId: string; widget: WidgetSocket; client: SupportClientSocket; tech: ConsoleSocket }> => {
    const { sessionId, widget } = await team.joined(team.bob);
    const t = await escalatedTicket(team.bob.socket, widget, sessionId);
    const client = await connectSupportClient(team.server.url);
    clients.push(client);
    valueOf(await clientAck(client, 'client:redeem', { secret: { token: t.token }, client: TEST_CLIENT }));
    return { sessionId, widget, client, tech: team.bob.socket };
  };

  /** Bob asks for `capability`; the visitor answers `allow` in the client. */
  const answer = async (
    c: { sessionId: string; client: SupportClientSocket; tech: ConsoleSocket },
    capability: ClientCapability,
    allow: boolean,
  ) => {
    const asked = nextClientEvent(c.client, 'grant:requested');
    const requested = valueOf(await emitAck(c.tech, 'client:grant-request', { sessionId: c.sessionId, capability }));
    const heard = await asked;
    assert.deepEqual([heard.id, heard.requestedBy.name, heard.organisation], [requested.id, 'Bob', 'Website']);
    return valueOf(await clientAck(c.client, 'grant:answer', { grantId: heard.id, allow }));
  };

  test('E-5, E-7: with the shell allowed, keystrokes reach the client and its output reaches the console', async () => {
    const c = await connected();
    const updated = nextEvent(c.tech, 'client:updated', (v) => v.grants.some((g) => g.capability === 'shell' && g.status === 'granted'));
    assert.equal((await answer(c, 'shell', true)).status, 'granted');
    await updated;
    const opened = nextClientEvent(c.client, 'shell:open');
    const { shellId } = valueOf(await emitAck(c.tech, 'client:shell-open', { sessionId: c.sessionId, cols: 80, rows: 24 }));
    assert.deepEqual(await opened, { shellId, cols: 80, rows: 24 });
    const typed = nextClientEvent(c.client, 'shell:input');
    const logged = nextEvent(c.tech, 'activity:created', (a) => a.action === 'client.shell_input');
    valueOf(await emitAck(c.tech, 'client:shell-input', { sessionId: c.sessionId, shellId, data: 'echo hi\r' }));
    assert.deepEqual(await typed, { shellId, data: 'echo hi\r' });
    assert.equal((await logged).summary, 'Bob ran: echo hi');
    const shown = nextEvent(c.tech, 'client:shell-output');
    valueOf(await clientAck(c.client, 'shell:output', { shellId, seq: 1, data: 'hi\r\n' }));
    assert.deepEqual(await shown, { sessionId: c.sessionId, shellId, seq: 1, data: 'hi\r\n' });
    const outputLogged = nextEvent(c.tech, 'activity:created', (a) => a.action === 'client.shell_output');
    valueOf(await emitAck(c.tech, 'client:shell-input', { sessionId: c.sessionId, shellId, data: 'exit\r' }));
    assert.match((await outputLogged).summary, /4 bytes: "hi"/);
  });

  test('E-15: a console that came back asks for the output again; chunks sent again reach it but are counted once', async () => {
    const c = await connected();
    await answer(c, 'shell', true);
    const { shellId } = valueOf(await emitAck(c.tech, 'client:shell-open', { sessionId: c.sessionId, cols: 80, rows: 24 }));
    valueOf(await clientAck(c.client, 'shell:output', { shellId, seq: 1, data: 'one\r\n' }));
    valueOf(await clientAck(c.client, 'shell:output', { shellId, seq: 2, data: 'two\r\n' }));

    // The client answers the replay request by sending what came after the console's last chunk.
    c.client.on('shell:replay', (p, ack) => {
      ack({ ok: true, value: { alive: p.shellId === shellId } });
      if (p.shellId === shellId) void clientAck(c.client, 'shell:output', { shellId, seq: p.afterSeq + 1, data: 'two\r\n' });
    });
    const again = nextEvent(c.tech, 'client:shell-output');
    assert.deepEqual(valueOf(await emitAck(c.tech, 'client:shell-attach', { sessionId: c.sessionId, shellId, afterSeq: 1 })), {
      alive: true,
    });
    assert.deepEqual(await again, { sessionId: c.sessionId, shellId, seq: 2, data: 'two\r\n' });
    assert.deepEqual(valueOf(await emitAck(c.tech, 'client:shell-attach', { sessionId: c.sessionId, shellId: 'gone', afterSeq: 0 })), {
      alive: false,
    });

    const outputLogged = nextEvent(c.tech, 'activity:created', (a) => a.action === 'client.shell_output');
    valueOf(await emitAck(c.tech, 'client:shell-input', { sessionId: c.sessionId, shellId, data: 'ls\r' }));
    assert.match((await outputLogged).summary, /10 bytes: "one two"/, 'the chunk sent twice counts once');

    const exited = nextEvent(c.tech, 'activity:created', (a) => a.action === 'client.shell_exited');
    valueOf(await clientAck(c.client, 'shell:exited', { shellId, code: null, reason: 'connection_lost' }));
    assert.match((await exited).summary, /the connection did not come back in time/);
  });

  test('E-7: a denied capability stays refused by the server, whatever the console or the client sends', async () => {
    const c = await connected();
    assert.equal((await answer(c, 'shell', false)).status, 'denied');
    const open = await emitAck(c.tech, 'client:shell-open', { sessionId: c.sessionId, cols: 80, rows: 24 });
    assert.equal(open.ok ? '' : open.error, 'forbidden');
    const input = await emitAck(c.tech, 'client:shell-input', { sessionId: c.sessionId, shellId: 'guess', data: 'id\r' });
    assert.equal(input.ok ? '' : input.error, 'forbidden');
    const output = await clientAck(c.client, 'shell:output', { shellId: 'guess', seq: 1, data: 'secret' });
    assert.equal(output.ok ? '' : output.error, 'forbidden');
    const send = await emitAck(c.tech, 'client:file-send', { sessionId: c.sessionId, name: 'a.txt', size: 1 });
    assert.equal(send.ok ? '' : send.error, 'forbidden', 'files were never asked for');
    const system = await clientAck(c.client, 'system:report', {
      os: 'linux',
      platform: 'linux',
      release: '6',
      arch: 'x64',
      hostname: 'h',
      user: 'u',
      elevated: false,
      cpus: 1,
      memoryMb: 1,
      node: 'v20',
      pty: false,
    });
    assert.equal(system.ok ? '' : system.error, 'forbidden');
    const details = valueOf(await emitAck(c.tech, 'session:details', { sessionId: c.sessionId }));
    assert.ok(details.activity.some((a) => a.action === 'client.denied'));
    assert.ok(details.activity.some((a) => a.action === 'client.refused'));
  });

  test('E-5: only technicians of the session may ask the client', async () => {
    const c = await connected();
    const r = await emitAck(team.carol.socket, 'client:grant-request', { sessionId: c.sessionId, capability: 'shell' });
    assert.equal(r.ok ? '' : r.error, 'forbidden');
  });

  test('E-8: files go both ways in ordered chunks, within the announced size, and are logged', async () => {
    const c = await connected();
    await answer(c, 'files', true);
    // To the client: the client accepts the offer, then writes each chunk before the console's ack.
    const received: string[] = [];
    c.client.on('file:offer', (p, ack) => ack(p.name === 'notes.txt' ? { ok: true, value: null } : { ok: false, message: 'no' }));
    c.client.on('file:data', (p, ack) => {
      received.push(p.data);
      ack({ ok: true, value: null });
    });
    const { transferId } = valueOf(await emitAck(c.tech, 'client:file-send', { sessionId: c.sessionId, name: 'notes.txt', size: 6 }));
    const skipped = await emitAck(c.tech, 'client:file-chunk', { sessionId: c.sessionId, transferId, index: 1, data: 'YWJj', last: false });
    assert.equal(skipped.ok ? '' : skipped.error, 'invalid_payload');
    valueOf(await emitAck(c.tech, 'client:file-chunk', { sessionId: c.sessionId, transferId, index: 0, data: 'YWJj', last: false }));
    const sentLog = nextEvent(c.tech, 'activity:created', (a) => a.action === 'client.file_sent');
    valueOf(await emitAck(c.tech, 'client:file-chunk', { sessionId: c.sessionId, transferId, index: 1, data: 'ZGVm', last: true }));
    assert.equal(Buffer.from(received.join(''), 'base64').toString(), 'abcdef');
    assert.match((await sentLog).summary, /notes\.txt \(6 bytes\)/);
    const refusedName = await emitAck(c.tech, 'client:file-send', { sessionId: c.sessionId, name: '../etc/passwd', size: 1 });
    assert.equal(refusedName.ok ? '' : refusedName.error, 'invalid_payload');
    const tooBig = await emitAck(c.tech, 'client:file-send', { sessionId: c.sessionId, name: 'big.bin', size: 6 * 1024 * 1024 });
    assert.equal(tooBig.ok ? '' : tooBig.error, 'invalid_payload');

    // From the client: it answers name and size, then sends chunks that the console hears.
    c.client.on('file:fetch', (p, ack) => {
      ack({ ok: true, value: { name: 'report.txt', size: 3 } });
      void clientAck(c.client, 'file:chunk', { transferId: p.transferId, index: 0, data: 'eHl6', last: true });
    });
    const chunk = nextEvent(c.tech, 'client:file-chunk');
    const fetchedLog = nextEvent(c.tech, 'activity:created', (a) => a.action === 'client.file_fetched');
    const fetched = valueOf(await emitAck(c.tech, 'client:file-fetch', { sessionId: c.sessionId, path: '/tmp/report.txt' }));
    assert.deepEqual([fetched.name, fetched.size], ['report.txt', 3]);
    assert.equal((await chunk).data, 'eHl6');
    assert.match((await fetchedLog).summary, /report\.txt \(3 bytes\)/);
  });

  test('E-6: system information arrives only after the visitor allowed it', async () => {
    const c = await connected();
    await answer(c, 'system', true);
    const updated = nextEvent(c.tech, 'client:updated', (v) => v.system !== null);
    valueOf(
      await clientAck(c.client, 'system:report', {
        os: 'linux',
        platform: 'linux',
        release: '6.1',
        arch: 'x64',
        hostname: 'desk',
        user: 'ana',
        elevated: false,
        cpus: 2,
        memoryMb: 2048,
        node: 'v20',
        pty: true,
      }),
    );
    assert.equal((await updated).system?.hostname, 'desk');
    const status = valueOf(await emitAck(c.tech, 'client:status', { sessionId: c.sessionId }));
    assert.equal(status?.system?.user, 'ana');
  });

  test('E-10: the visitor ends the client; the console hears it and the chat goes on', async () => {
    const c = await connected();
    await answer(c, 'shell', true);
    const ended = nextEvent(c.tech, 'client:updated', (v) => v.endedAt !== null);
    valueOf(await clientAck(c.client, 'client:end', {}));
    await ended;
    const open = await emitAck(c.tech, 'client:shell-open', { sessionId: c.sessionId, cols: 80, rows: 24 });
    assert.equal(open.ok ? '' : open.error, 'not_found');
    valueOf(await emitAck(c.widget, 'message:send', { sessionId: c.sessionId, clientId: newClientId(), text: 'still here' }));
    const details = valueOf(await emitAck(c.tech, 'session:details', { sessionId: c.sessionId }));
    assert.equal(details.session.status, 'active');
    assert.ok(details.activity.some((a) => a.action === 'client.ended'));
  });

  test('E-7: withdrawing the escalation in the chat ends the support client', async () => {
    const c = await connected();
    const told = nextClientEvent(c.client, 'client:ended');
    const ended = nextEvent(c.tech, 'client:updated', (v) => v.sessionId === c.sessionId && v.endedAt !== null);
    valueOf(await emitAck(c.widget, 'permission:revoke', { sessionId: c.sessionId, capability: 'escalate' }));
    assert.match((await told).message, /withdrawn/);
    await ended;
    const ask = await emitAck(c.tech, 'client:grant-request', { sessionId: c.sessionId, capability: 'shell' });
    assert.equal(ask.ok ? '' : ask.error, 'forbidden');
  });

  test('E-13: asked to restart elevated, the client gets a fresh ticket that rejoins and replaces it', async () => {
    const c = await connected();
    const asked = nextClientEvent(c.client, 'elevation:requested');
    valueOf(await emitAck(c.tech, 'client:elevation-request', { sessionId: c.sessionId }));
    const { token, requestedBy } = await asked;
    assert.equal(requestedBy.name, 'Bob');
    const declined = nextEvent(c.tech, 'activity:created', (a) => a.action === 'client.elevation_accepted');
    valueOf(await clientAck(c.client, 'elevation:answer', { allow: true }));
    await declined;
    const replaced = nextClientEvent(c.client, 'client:ended');
    const elevated = await connectSupportClient(team.server.url);
    clients.push(elevated);
    valueOf(await clientAck(elevated, 'client:redeem', { secret: { token }, client: { ...TEST_CLIENT, elevated: true } }));
    assert.match((await replaced).message, /Another support client/);
    const status = valueOf(await emitAck(c.tech, 'client:status', { sessionId: c.sessionId }));
    assert.equal(status?.elevated, true);
    const again = await emitAck(c.tech, 'client:elevation-request', { sessionId: c.sessionId });
    assert.equal(again.ok ? '' : again.error, 'invalid_payload', 'already elevated');
    const other = await emitAck(team.carol.socket, 'client:elevation-request', { sessionId: c.sessionId });
    assert.equal(other.ok ? '' : other.error, 'forbidden');
  });

  test('P-2: oversized and malformed console commands are refused before anything happens', async () => {
    const c = await connected();
    const huge = await emitRaw(c.tech, 'client:shell-input', { sessionId: c.sessionId, shellId: 's', data: 'x'.repeat(20_000) });
    assert.equal(huge.ok ? '' : huge.error, 'payload_too_large');
    const bad = await emitRaw(c.tech, 'client:grant-request', { sessionId: c.sessionId, capability: 'root' });
    assert.equal(bad.ok ? '' : bad.error, 'invalid_payload');
  });
});
