import assert from 'node:assert/strict';
import os from 'node:os';
import { PassThrough } from 'node:stream';
import { after, before, describe, test } from 'node:test';
import { SupportSession } from '../../../demo/support-client/session.js';
import { Terminal } from '../../../demo/support-client/terminal.js';
import { EVENT_TIMEOUT_MS, nextEvent, valueOf } from '../../support/test-server.js';
import { escalatedTicket } from '../../support/test-support-client.js';
import { startTeam, type Team } from '../transport/team.js';

/** The client's terminal as pipes: what it prints, and a wait for a line, with a deadline. */
function pipes() {
  const input = new PassThrough();
  const output = new PassThrough();
  let printed = '';
  const waiters = new Set<() => void>();
  output.on('data', (b: Buffer) => {
    printed += b.toString('utf8');
    for (const w of waiters) w();
  });
  const waitFor = (pattern: RegExp, from = 0) =>
    new Promise<void>((resolve, reject) => {
      const check = () => {
        if (!pattern.test(printed.slice(from))) return;
        waiters.delete(check);
        clearTimeout(timer);
        resolve();
      };
      const timer = setTimeout(() => reject(new Error(`No ${pattern} in:\n${printed}`)), EVENT_TIMEOUT_MS);
      waiters.add(check);
      check();
    });
  return { terminal: new Terminal(input, output), waitFor, printed: () => printed };
}

describe('E-14: the reference client rejoins after a lost connection', () => {
  let team: Team;
  before(async () => {
    team = await startTeam();
  });
  after(async () => {
    await team?.close();
  });

  test('E-14: the transport drops; the client reconnects by itself and resumes the same support client', async () => {
    const { sessionId, widget } = await team.joined(team.bob);
    const t = await escalatedTicket(team.bob.socket, widget, sessionId);
    const term = pipes();
    const session = new SupportSession({
      server: team.server.url,
      terminal: term.terminal,
      filesDir: os.tmpdir(),
      elevated: false,
      os: 'linux',
      usePty: false,
      version: 'test',
    });
    await session.connect();
    const redeemed = valueOf(await session.redeem({ token: t.token }));

    const from = term.printed().length;
    const resumed = nextEvent(team.bob.socket, 'activity:created', (a) => a.action === 'client.resumed');
    // A network failure as the client sees it: the server's side of the transport closes.
    for (const s of team.server.app.io.of('/support-client').sockets.values()) s.conn.close();
    await term.waitFor(/connection to the server was lost; trying to rejoin/, from);
    await term.waitFor(/Rejoined the support session\./, from);
    await resumed;
    const client = await team.server.store.findLiveSupportClient(sessionId);
    assert.equal(client?.id, redeemed.clientId, 'the same support client, live again');

    await session.end();
    await session.closed();
    await term.waitFor(/You ended the support session\./, from);
    assert.equal(await team.server.store.findLiveSupportClient(sessionId), undefined);
    term.terminal.close();
  });

  test('E-14: a client the server will not take back says so and stops', async () => {
    const { sessionId, widget } = await team.joined(team.bob);
    const t = await escalatedTicket(team.bob.socket, widget, sessionId);
    const term = pipes();
    const session = new SupportSession({
      server: team.server.url,
      terminal: term.terminal,
      filesDir: os.tmpdir(),
      elevated: false,
      os: 'linux',
      usePty: false,
      version: 'test',
    });
    await session.connect();
    const redeemed = valueOf(await session.redeem({ token: t.token }));
    // As after an end the client did not hear of: its resume credential no longer works.
    await team.server.store.setSupportClientResume(redeemed.clientId, null);
    for (const s of team.server.app.io.of('/support-client').sockets.values()) s.conn.close();
    await term.waitFor(/Could not rejoin: This support session has ended/);
    await session.closed();
    term.terminal.close();
  });
});
