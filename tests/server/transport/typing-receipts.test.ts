import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { emitAck, newClientId, nextEvent, valueOf } from '../../support/test-server.js';
import { startTeam, type Team } from './team.js';

describe('typing indicators and receipts', () => {
  let team: Team;

  before(async () => {
    team = await startTeam();
  });
  after(async () => {
    await team?.close();
  });

  test("Y-1: the visitor's typing reaches the session's technicians", async () => {
    const { sessionId, widget } = await team.joined(team.bob);
    const atBob = nextEvent(team.bob.socket, 'typing:changed', (t) => t.sessionId === sessionId);
    valueOf(await emitAck(widget, 'typing:set', { sessionId, typing: true }));
    assert.deepEqual(await atBob, { sessionId, who: { kind: 'visitor' }, typing: true });
    const stopped = nextEvent(team.bob.socket, 'typing:changed', (t) => t.sessionId === sessionId);
    valueOf(await emitAck(widget, 'typing:set', { sessionId, typing: false }));
    assert.equal((await stopped).typing, false);
  });

  test("Y-1: a technician's typing reaches the visitor with their name", async () => {
    const { sessionId, widget } = await team.joined(team.bob);
    const atWidget = nextEvent(widget, 'typing:changed');
    valueOf(await emitAck(team.bob.socket, 'typing:set', { sessionId, typing: true }));
    assert.deepEqual(await atWidget, { sessionId, who: { kind: 'technician', id: team.bob.id, name: 'Bob' }, typing: true });
  });

  test('A-1, A-2: typing in a session of someone else is refused', async () => {
    const { sessionId } = await team.joined(team.bob);
    const other = await team.joined(team.bob);
    const r = await emitAck(other.widget, 'typing:set', { sessionId, typing: true });
    assert.equal(!r.ok && r.error, 'not_found');
    const dave = await emitAck(team.dave.socket, 'typing:set', { sessionId, typing: true });
    assert.equal(!dave.ok && dave.error, 'forbidden');
  });

  test('D-1: the widget reports delivered then read; the console hears each move once', async () => {
    const { sessionId, widget } = await team.joined(team.bob);
    for (const text of ['one', 'two'])
      valueOf(await emitAck(team.bob.socket, 'message:send', { sessionId, clientId: newClientId(), text }));

    const delivered = nextEvent(team.bob.socket, 'receipt:updated', (r) => r.sessionId === sessionId);
    valueOf(await emitAck(widget, 'messages:seen', { sessionId, delivered: 2 }));
    assert.deepEqual(await delivered, { sessionId, side: 'visitor', deliveredSeq: 2, readSeq: 0 });

    const read = nextEvent(team.bob.socket, 'receipt:updated', (r) => r.sessionId === sessionId);
    // A repeat moves nothing and is not announced; the next real move is.
    valueOf(await emitAck(widget, 'messages:seen', { sessionId, delivered: 2 }));
    valueOf(await emitAck(widget, 'messages:seen', { sessionId, delivered: 2, read: 99 }));
    assert.deepEqual(await read, { sessionId, side: 'visitor', deliveredSeq: 2, readSeq: 2 }, 'marks are clamped to the last seq');

    const details = valueOf(await emitAck(team.bob.socket, 'session:details', { sessionId }));
    assert.deepEqual(details.receipts, [{ sessionId, side: 'visitor', deliveredSeq: 2, readSeq: 2 }]);
  });

  test("D-1: the console's delivery and read marks reach the widget, and come back on resume", async () => {
    const { sessionId, widget } = await team.joined(team.bob);
    const m = valueOf(await emitAck(widget, 'message:send', { sessionId, clientId: newClientId(), text: 'help' }));

    const delivered = nextEvent(widget, 'receipt:updated');
    valueOf(await emitAck(team.carol.socket, 'session:delivered', { sessionId, seq: m.seq }));
    assert.deepEqual(await delivered, { sessionId, side: 'technicians', deliveredSeq: 1, readSeq: 0 });

    const read = nextEvent(widget, 'receipt:updated');
    valueOf(await emitAck(team.bob.socket, 'session:read', { sessionId, seq: m.seq }));
    assert.deepEqual(await read, { sessionId, side: 'technicians', deliveredSeq: 1, readSeq: 1 });

    const resumed = valueOf(await emitAck(widget, 'session:resume', {}));
    assert.deepEqual(resumed.receipts, [{ sessionId, side: 'technicians', deliveredSeq: 1, readSeq: 1 }]);
  });

  test('P-2: a malformed receipt is refused and changes nothing', async () => {
    const { sessionId, widget } = await team.joined(team.bob);
    const r = await emitAck(widget, 'messages:seen', { sessionId, delivered: -1 });
    assert.equal(!r.ok && r.error, 'invalid_payload');
    const details = valueOf(await emitAck(team.bob.socket, 'session:details', { sessionId }));
    assert.deepEqual(details.receipts, []);
  });
});
