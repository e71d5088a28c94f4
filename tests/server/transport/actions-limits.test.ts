import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { newTechnicianSession } from '../../../server/core/session-rules.js';
import { act, emitAck, newClientId, startVisitor, valueOf, type VisitorFixture } from '../../support/test-server.js';
import { startTeam, type Team } from './team.js';

describe('T-6: a technician owns at most 10 active sessions', () => {
  let team: Team;
  let full: string[];

  before(async () => {
    team = await startTeam();
    const channel = await team.server.store.findChannelById(team.demoId);
    assert.ok(channel);
    // Bob already owns 10 active sessions (arranged in storage: the visitors do not matter here).
    full = [];
    for (let i = 0; i < 10; i++) {
      const s = newTechnicianSession({ id: randomUUID(), channel, technicianId: team.bob.id, inviteToken: '', pin: '', now: Date.now() });
      await team.server.store.insertSession({ ...s, status: 'active', inviteToken: null, pin: null });
      full.push(s.id);
    }
    assert.equal(await team.server.store.countActiveOwnedBy(team.bob.id), 10);
  });
  after(async () => {
    await team?.close();
  });

  const queued = async (): Promise<VisitorFixture> => {
    const v = await startVisitor(team.server.url);
    team.track(v.socket);
    return v;
  };

  test('T-6: taking an 11th is limit_reached', async () => {
    const visitor = await queued();
    const r = await act(team.bob.socket, visitor.session.id, { type: 'take' });
    assert.equal(!r.ok && r.error, 'limit_reached');
    assert.equal((await team.server.store.findSession(visitor.session.id))?.ownerId, null);
  });

  test('T-6: being assigned an 11th is limit_reached', async () => {
    const visitor = await queued();
    const r = await act(team.carol.socket, visitor.session.id, { type: 'assign', technicianId: team.bob.id });
    assert.equal(!r.ok && r.error, 'limit_reached');
  });

  test('T-6: receiving an 11th by transfer is limit_reached', async () => {
    const { sessionId } = await team.joined(team.carol);
    const r = await act(team.carol.socket, sessionId, { type: 'transfer', technicianId: team.bob.id, stay: false });
    assert.equal(!r.ok && r.error, 'limit_reached');
    assert.equal((await team.server.store.findSession(sessionId))?.ownerId, team.carol.id);
  });

  test('S-3, T-6: replying to a session in queue still posts the reply but does not take an 11th', async () => {
    const visitor = await queued();
    const sessionId = visitor.session.id;
    valueOf(await emitAck(team.bob.socket, 'message:send', { sessionId, clientId: newClientId(), text: 'A colleague will take this.' }));
    const stored = await team.server.store.findSession(sessionId);
    assert.deepEqual([stored?.status, stored?.ownerId], ['in_queue', null]);
  });

  test('S-7, T-6: connecting by support code to an 11th is limit_reached', async () => {
    const visitor = await queued();
    const { code } = valueOf(await emitAck(visitor.socket, 'sos:code', { pageId: randomUUID() }));
    const r = await emitAck(team.bob.socket, 'session:connect-code', { code });
    assert.equal(!r.ok && r.error, 'limit_reached');
  });

  test('T-6: waiting sessions do not count, and closing one active session frees a place', async () => {
    valueOf(await emitAck(team.bob.socket, 'session:create', { channelId: team.demoId }));
    valueOf(await act(team.bob.socket, full[0], { type: 'close' }));
    const visitor = await queued();
    assert.equal(valueOf(await act(team.bob.socket, visitor.session.id, { type: 'take' }))?.owner?.name, 'Bob');
  });
});
