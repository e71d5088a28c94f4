import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { act, emitAck, nextEvent, setMembers, valueOf } from '../../support/test-server.js';
import { startTeam, type Team } from './team.js';

describe('T-3, T-4, T-5: transfer, invite and remove over the console socket', () => {
  let team: Team;

  before(async () => {
    team = await startTeam();
  });
  after(async () => {
    await team?.close();
  });

  test("T-3, T-4, T-5: a non-owner's transfer, invite and remove are forbidden", async () => {
    const { bob, carol, erin } = team;
    const { sessionId } = await team.joined(bob);
    valueOf(await act(bob.socket, sessionId, { type: 'invite', technicianId: carol.id }));
    for (const [who, action] of [
      [carol, { type: 'transfer', technicianId: erin.id, stay: false }],
      [carol, { type: 'transfer-channel', channelId: team.otherId, stay: false }],
      [erin, { type: 'invite', technicianId: erin.id }],
      [erin, { type: 'remove', technicianId: carol.id }],
      [team.admin, { type: 'transfer', technicianId: erin.id, stay: false }],
    ] as const) {
      const r = await act(who.socket, sessionId, action);
      assert.equal(!r.ok && r.error, 'forbidden', `${who.name} ${action.type}`);
    }
    const stored = await team.server.store.findSession(sessionId);
    assert.deepEqual([stored?.ownerId, stored?.participantIds], [bob.id, [carol.id]], 'nothing changed');
  });

  test('T-3: a transfer without staying hands the session over; the visitor hears the new owner', async () => {
    const { bob, carol } = team;
    const { sessionId, widget } = await team.joined(bob);
    const atVisitor = nextEvent(widget, 'session:updated');
    const logged = nextEvent(carol.socket, 'activity:created', (a) => a.sessionId === sessionId && a.action === 'session.transferred');
    const after = valueOf(await act(bob.socket, sessionId, { type: 'transfer', technicianId: carol.id, stay: false }));
    assert.deepEqual([after?.owner?.name, after?.participants, after?.status], ['Carol', [], 'active']);
    assert.equal((await atVisitor).owner?.name, 'Carol');
    assert.equal((await logged).summary, 'Bob transferred the session to Carol.');
  });

  test('T-3: a transfer with stay keeps the former owner as a participant', async () => {
    const { bob, carol } = team;
    const { sessionId } = await team.joined(bob);
    const after = valueOf(await act(bob.socket, sessionId, { type: 'transfer', technicianId: carol.id, stay: true }));
    assert.deepEqual([after?.owner?.name, after?.participants.map((p) => p.name)], ['Carol', ['Bob']]);
  });

  test('T-4, T-5: the owner invites up to two technicians; a 4th is limit_reached; a removed one leaves', async () => {
    const { bob, carol, erin, admin } = team;
    const { sessionId } = await team.joined(bob);
    const heard = nextEvent(carol.socket, 'session:updated', (s) => s.id === sessionId && s.participants.length === 1);
    valueOf(await act(bob.socket, sessionId, { type: 'invite', technicianId: carol.id }));
    assert.deepEqual((await heard).participants, [{ id: carol.id, name: 'Carol' }]);
    const two = valueOf(await act(bob.socket, sessionId, { type: 'invite', technicianId: erin.id }));
    assert.deepEqual(
      two?.participants.map((p) => p.name),
      ['Carol', 'Erin'],
    );
    const fourth = await act(bob.socket, sessionId, { type: 'invite', technicianId: admin.id });
    assert.equal(!fourth.ok && fourth.error, 'limit_reached');
    const removed = valueOf(await act(bob.socket, sessionId, { type: 'remove', technicianId: carol.id }));
    assert.deepEqual(
      removed?.participants.map((p) => p.name),
      ['Erin'],
    );
    assert.equal(
      valueOf(await act(bob.socket, sessionId, { type: 'invite', technicianId: admin.id }))?.participants.length,
      2,
      'the freed place can be used',
    );
  });

  test('T-4: a technician of another channel cannot be invited (invalid_payload)', async () => {
    const { sessionId } = await team.joined(team.bob);
    const r = await act(team.bob.socket, sessionId, { type: 'invite', technicianId: team.dave.id });
    assert.equal(!r.ok && r.error, 'invalid_payload');
  });

  test('T-3, A-2: transfer to another channel: unowned in queue there; its members hear it, the old channel hears session:removed', async () => {
    const { admin, bob, dave } = team;
    const { sessionId, widget } = await team.joined(admin);
    const removedAtBob = nextEvent(bob.socket, 'session:removed', (r) => r.sessionId === sessionId);
    const atDave = nextEvent(dave.socket, 'session:updated', (s) => s.id === sessionId);
    const atVisitor = nextEvent(widget, 'session:updated');
    const moved = valueOf(await act(admin.socket, sessionId, { type: 'transfer-channel', channelId: team.otherId, stay: false }));
    assert.deepEqual([moved?.status, moved?.owner, moved?.channelName], ['in_queue', null, 'Elsewhere']);
    await removedAtBob;
    const fact = await atDave;
    assert.deepEqual([fact.channelName, fact.status], ['Elsewhere', 'in_queue']);
    assert.equal((await atVisitor).status, 'in_queue');
    const r = await act(bob.socket, sessionId, { type: 'take' });
    assert.equal(!r.ok && r.error, 'forbidden', 'Bob no longer sees it');
    assert.equal(valueOf(await act(dave.socket, sessionId, { type: 'take' }))?.owner?.name, 'Dave', "the new channel's member takes it");
  });

  test('T-3: an invitation the visitor has not opened stays waiting after a transfer to another channel', async () => {
    const { admin } = team;
    const { session } = valueOf(await emitAck(admin.socket, 'session:create', { channelId: team.demoId }));
    const moved = valueOf(await act(admin.socket, session.id, { type: 'transfer-channel', channelId: team.otherId, stay: true }));
    assert.deepEqual([moved?.status, moved?.owner, moved?.participants.map((p) => p.name)], ['waiting', null, ['Admin']]);
  });

  test('T-3: the owner may only transfer to a channel they belong to', async () => {
    const { sessionId } = await team.joined(team.bob);
    const r = await act(team.bob.socket, sessionId, { type: 'transfer-channel', channelId: team.otherId, stay: false });
    assert.equal(!r.ok && r.error, 'forbidden');
  });

  test('A-2: a removed participant who is no longer in the channel hears session:removed and loses access', async () => {
    const { admin, bob, erin } = team;
    const { sessionId } = await team.joined(bob);
    valueOf(await act(bob.socket, sessionId, { type: 'invite', technicianId: erin.id }));
    // Erin leaves the channel but still takes part in the session, so she still sees it.
    await setMembers(team.server, admin.cookie, team.demoId, [admin.id, bob.id, team.carol.id]);
    try {
      assert.ok(valueOf(await emitAck(erin.socket, 'session:details', { sessionId })));
      const removed = nextEvent(erin.socket, 'session:removed', (r) => r.sessionId === sessionId);
      valueOf(await act(bob.socket, sessionId, { type: 'remove', technicianId: erin.id }));
      await removed;
      const r = await emitAck(erin.socket, 'session:details', { sessionId });
      assert.equal(!r.ok && r.error, 'forbidden');
    } finally {
      await setMembers(team.server, admin.cookie, team.demoId, [admin.id, bob.id, team.carol.id, erin.id]);
    }
  });
});
