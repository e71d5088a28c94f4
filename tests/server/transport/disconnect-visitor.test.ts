import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { act, connectWidget, emitAck, nextEvent, valueOf, type WidgetSocket } from '../../support/test-server.js';
import { startTeam, type Team } from './team.js';

/** Resolves with the reason once the client socket is disconnected. */
const disconnected = (socket: WidgetSocket) => new Promise<string>((resolve) => socket.once('disconnect', resolve));

describe('S-9: "Disconnect the customer"', () => {
  let team: Team;

  before(async () => {
    team = await startTeam();
  });
  after(async () => {
    await team?.close();
  });

  test('S-9: only the owner may disconnect the visitor', async () => {
    const { sessionId } = await team.joined(team.bob);
    valueOf(await act(team.bob.socket, sessionId, { type: 'invite', technicianId: team.carol.id }));
    for (const who of [team.carol, team.admin, team.erin]) {
      const r = await act(who.socket, sessionId, { type: 'disconnect-visitor' });
      assert.equal(!r.ok && r.error, 'forbidden', who.name);
    }
    assert.equal((await team.server.store.findSession(sessionId))?.status, 'active');
  });

  test('S-9: the widget is told and disconnected without retrying; the session waits; the console hears both', async () => {
    const { bob, carol } = team;
    const { sessionId, widget } = await team.joined(bob);
    const told = nextEvent(widget, 'session:disconnected');
    const gone = disconnected(widget);
    const updated = nextEvent(carol.socket, 'session:updated', (s) => s.id === sessionId && s.status === 'waiting');
    const offline = nextEvent(carol.socket, 'presence:changed', (p) => p.sessionId === sessionId);
    const logged = nextEvent(
      carol.socket,
      'activity:created',
      (a) => a.sessionId === sessionId && a.action === 'session.visitor_disconnected',
    );
    const after = valueOf(await act(bob.socket, sessionId, { type: 'disconnect-visitor' }));
    assert.deepEqual([after?.status, after?.owner?.name], ['waiting', 'Bob']);
    const info = await told;
    assert.equal(info.sessionId, sessionId);
    assert.match(info.message, /Bob/);
    assert.equal(await gone, 'io server disconnect', 'a server disconnect: socket.io clients do not reconnect by themselves');
    await updated;
    assert.deepEqual(await offline, { sessionId, visitorOnline: false });
    assert.equal((await logged).actor.kind, 'technician');
    assert.equal(valueOf(await emitAck(bob.socket, 'session:details', { sessionId })).visitorOnline, false);
  });

  test('S-9: when the visitor reconnects and resumes, the session is active again and the console hears it', async () => {
    const { bob, carol } = team;
    const { sessionId, widget, visitorToken } = await team.joined(bob);
    const gone = disconnected(widget);
    valueOf(await act(bob.socket, sessionId, { type: 'disconnect-visitor' }));
    await gone;

    const back = nextEvent(carol.socket, 'session:updated', (s) => s.id === sessionId && s.status === 'active');
    const online = nextEvent(carol.socket, 'presence:changed', (p) => p.sessionId === sessionId && p.visitorOnline);
    const logged = nextEvent(carol.socket, 'activity:created', (a) => a.sessionId === sessionId && a.action === 'visitor.returned');
    const again = await connectWidget(team.server.url, { token: visitorToken });
    team.track(again);
    const resumed = valueOf(await emitAck(again, 'session:resume', {}));
    assert.deepEqual([resumed.session?.id, resumed.session?.status, resumed.session?.owner?.name], [sessionId, 'active', 'Bob']);
    await back;
    await online;
    await logged;
    assert.equal((await team.server.store.findSession(sessionId))?.status, 'active');
  });

  test('S-9: a session nobody has joined yet has no visitor to disconnect (invalid_payload)', async () => {
    const { session } = valueOf(await emitAck(team.bob.socket, 'session:create', { channelId: team.demoId }));
    const r = await act(team.bob.socket, session.id, { type: 'disconnect-visitor' });
    assert.equal(!r.ok && r.error, 'invalid_payload');
  });
});
