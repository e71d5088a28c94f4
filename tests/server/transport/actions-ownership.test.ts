import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { act, emitAck, newClientId, nextEvent, startVisitor, valueOf, type VisitorFixture } from '../../support/test-server.js';
import { startTeam, type Team } from './team.js';

describe('T-1, T-2, T-7, T-8: take, assign, release, close and delete over the console socket', () => {
  let team: Team;

  before(async () => {
    team = await startTeam();
  });
  after(async () => {
    await team?.close();
  });

  const queued = async (): Promise<VisitorFixture> => {
    const v = await startVisitor(team.server.url);
    team.track(v.socket);
    return v;
  };

  test('T-1: a member takes a session nobody owns; the visitor and the channel hear it; a second take is forbidden', async () => {
    const { bob, carol } = team;
    const visitor = await queued();
    const sessionId = visitor.session.id;
    const atVisitor = nextEvent(visitor.socket, 'session:updated');
    const atCarol = nextEvent(carol.socket, 'session:updated', (s) => s.id === sessionId);
    const logged = nextEvent(carol.socket, 'activity:created', (a) => a.sessionId === sessionId && a.action === 'session.taken');
    const taken = valueOf(await act(bob.socket, sessionId, { type: 'take' }));
    assert.deepEqual([taken?.status, taken?.owner], ['active', { id: bob.id, name: 'Bob' }]);
    assert.equal((await atVisitor).owner?.name, 'Bob');
    assert.equal((await atCarol).status, 'active');
    assert.equal((await logged).summary, 'Bob took the session.');
    const again = await act(carol.socket, sessionId, { type: 'take' });
    assert.equal(!again.ok && again.error, 'forbidden');
  });

  test("A-2: a technician of another channel may not take or close the channel's sessions (forbidden)", async () => {
    const visitor = await queued();
    for (const type of ['take', 'close', 'delete'] as const) {
      const r = await act(team.dave.socket, visitor.session.id, { type });
      assert.equal(!r.ok && r.error, 'forbidden', type);
    }
    assert.equal((await team.server.store.findSession(visitor.session.id))?.status, 'in_queue');
  });

  test('T-2: anyone of the channel assigns an unowned session; only the owner or an admin re-assigns it', async () => {
    const { admin, bob, carol, erin, dave } = team;
    const visitor = await queued();
    const sessionId = visitor.session.id;
    const assigned = valueOf(await act(bob.socket, sessionId, { type: 'assign', technicianId: carol.id }));
    assert.deepEqual([assigned?.status, assigned?.owner?.name], ['active', 'Carol']);
    const byOther = await act(bob.socket, sessionId, { type: 'assign', technicianId: erin.id });
    assert.equal(!byOther.ok && byOther.error, 'forbidden');
    const toOutsider = await act(carol.socket, sessionId, { type: 'assign', technicianId: dave.id });
    assert.equal(!toOutsider.ok && toOutsider.error, 'invalid_payload', 'the new owner must be a member of the channel');
    const byOwner = valueOf(await act(carol.socket, sessionId, { type: 'assign', technicianId: erin.id }));
    assert.equal(byOwner?.owner?.name, 'Erin');
    const byAdmin = valueOf(await act(admin.socket, sessionId, { type: 'assign', technicianId: bob.id }));
    assert.equal(byAdmin?.owner?.name, 'Bob');
    const unknown = await act(bob.socket, sessionId, { type: 'assign', technicianId: 'no-such-technician' });
    assert.equal(!unknown.ok && unknown.error, 'not_found');
  });

  test('T-7: the owner or an admin releases a session back to the queue; anyone else is forbidden', async () => {
    const { admin, bob, carol } = team;
    const visitor = await queued();
    const sessionId = visitor.session.id;
    valueOf(await act(bob.socket, sessionId, { type: 'take' }));
    const byOther = await act(carol.socket, sessionId, { type: 'release' });
    assert.equal(!byOther.ok && byOther.error, 'forbidden');
    const atVisitor = nextEvent(visitor.socket, 'session:updated');
    const released = valueOf(await act(bob.socket, sessionId, { type: 'release' }));
    assert.deepEqual([released?.status, released?.owner], ['in_queue', null]);
    assert.equal((await atVisitor).status, 'in_queue');
    valueOf(await act(carol.socket, sessionId, { type: 'take' }));
    assert.equal(valueOf(await act(admin.socket, sessionId, { type: 'release' }))?.status, 'in_queue', 'an admin may release');
  });

  test('T-8, T-9, S-4: the owner closes; then actions and messages are refused with session_not_open', async () => {
    const { bob, carol } = team;
    const visitor = await queued();
    const sessionId = visitor.session.id;
    valueOf(await act(bob.socket, sessionId, { type: 'take' }));
    const byOther = await act(carol.socket, sessionId, { type: 'close' });
    assert.equal(!byOther.ok && byOther.error, 'forbidden');
    const atVisitor = nextEvent(visitor.socket, 'session:updated');
    assert.equal(valueOf(await act(bob.socket, sessionId, { type: 'close' }))?.status, 'closed');
    assert.equal((await atVisitor).status, 'closed');
    for (const action of [{ type: 'take' }, { type: 'release' }, { type: 'close' }, { type: 'invite', technicianId: carol.id }] as const) {
      const r = await act(bob.socket, sessionId, action);
      assert.equal(!r.ok && r.error, 'session_not_open', action.type);
    }
    const message = await emitAck(visitor.socket, 'message:send', { sessionId, clientId: newClientId(), text: 'hello?' });
    assert.equal(!message.ok && message.error, 'session_not_open');
  });

  test('T-8: anyone of the channel closes a session nobody owns', async () => {
    const visitor = await queued();
    assert.equal(valueOf(await act(team.carol.socket, visitor.session.id, { type: 'close' }))?.status, 'closed');
  });

  test('T-8, T-9: delete removes the session from every list and view; afterwards everything is not_found', async () => {
    const { bob, carol } = team;
    const visitor = await queued();
    const sessionId = visitor.session.id;
    valueOf(await act(bob.socket, sessionId, { type: 'take' }));
    const byOther = await act(carol.socket, sessionId, { type: 'delete' });
    assert.equal(!byOther.ok && byOther.error, 'forbidden');
    const removed = nextEvent(carol.socket, 'session:removed', (r) => r.sessionId === sessionId);
    assert.deepEqual(await act(bob.socket, sessionId, { type: 'delete' }), { ok: true, value: null });
    await removed;
    assert.equal(
      valueOf(await emitAck(carol.socket, 'sessions:list', {})).some((s) => s.id === sessionId),
      false,
    );
    for (const r of [
      await act(bob.socket, sessionId, { type: 'close' }),
      await act(bob.socket, sessionId, { type: 'delete' }),
      await emitAck(bob.socket, 'session:details', { sessionId }),
      await emitAck(bob.socket, 'message:send', { sessionId, clientId: newClientId(), text: 'still there?' }),
      await emitAck(visitor.socket, 'message:send', { sessionId, clientId: newClientId(), text: 'hello?' }),
    ]) {
      assert.equal(!r.ok && r.error, 'not_found');
    }
  });

  test('T-8: a closed session may still be deleted, so it leaves the list', async () => {
    const visitor = await queued();
    const sessionId = visitor.session.id;
    valueOf(await act(team.bob.socket, sessionId, { type: 'close' }));
    assert.deepEqual(await act(team.bob.socket, sessionId, { type: 'delete' }), { ok: true, value: null });
    assert.equal((await team.server.store.findSession(sessionId))?.deletedAt !== null, true);
  });
});
