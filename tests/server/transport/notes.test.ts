import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { act, emitAck, emitRaw, newClientId, nextEvent, valueOf } from '../../support/test-server.js';
import { startTeam, type Team } from './team.js';

describe('internal notes between technicians', () => {
  let team: Team;

  before(async () => {
    team = await startTeam();
  });
  after(async () => {
    await team?.close();
  });

  test('N-1: a note reaches the technicians of the session, is stored in its own numbering, and never reaches the visitor', async () => {
    const { bob, carol } = team;
    const { sessionId, widget } = await team.joined(bob);
    valueOf(await act(bob.socket, sessionId, { type: 'invite', technicianId: carol.id }));
    const atWidget: unknown[] = [];
    widget.on('note:created' as never, (n: unknown) => void atWidget.push(n));

    const atCarol = nextEvent(carol.socket, 'note:created', (n) => n.sessionId === sessionId);
    const note = valueOf(await emitAck(bob.socket, 'note:send', { sessionId, clientId: newClientId(), text: ' Check the proxy first ' }));
    assert.equal(note.seq, 1);
    assert.equal(note.text, 'Check the proxy first');
    assert.deepEqual(note.author, { id: bob.id, name: 'Bob' });
    assert.deepEqual(await atCarol, note);

    // A message sent after the note reaches the widget; socket.io keeps order on one connection, so a
    // note sent to the widget would have arrived before it.
    const barrier = nextEvent(widget, 'message:created');
    const message = valueOf(await emitAck(bob.socket, 'message:send', { sessionId, clientId: newClientId(), text: 'Hello' }));
    assert.equal((await barrier).id, message.id);
    assert.equal(message.seq, 1, "the visitor's messages are numbered without the note (M-2)");
    assert.deepEqual(atWidget, []);

    const resumed = valueOf(await emitAck(widget, 'messages:sync', { sessionId, afterSeq: 0 }));
    assert.deepEqual(
      resumed.map((m) => m.text),
      ['Hello'],
    );
    const notes = valueOf(await emitAck(carol.socket, 'notes:sync', { sessionId, afterSeq: 0 }));
    assert.deepEqual(notes, [note]);
  });

  test('N-1: the widget has no way to send or read notes', async () => {
    const { sessionId, widget } = await team.joined(team.bob);
    const sent = await emitRaw(widget, 'note:send', { sessionId, clientId: newClientId(), text: 'x' });
    assert.equal(!sent.ok && sent.error, 'unknown_event');
    const read = await emitRaw(widget, 'notes:sync', { sessionId, afterSeq: 0 });
    assert.equal(!read.ok && read.error, 'unknown_event');
  });

  test('N-1, M-1: a retried note is stored once', async () => {
    const { sessionId } = await team.joined(team.bob);
    const clientId = newClientId();
    const first = valueOf(await emitAck(team.bob.socket, 'note:send', { sessionId, clientId, text: 'once' }));
    const again = valueOf(await emitAck(team.bob.socket, 'note:send', { sessionId, clientId, text: 'once' }));
    assert.deepEqual(again, first);
    assert.equal(valueOf(await emitAck(team.bob.socket, 'notes:sync', { sessionId, afterSeq: 0 })).length, 1);
  });

  test('A-2: a technician outside the channel can neither write nor read notes', async () => {
    const { sessionId } = await team.joined(team.bob);
    const sent = await emitAck(team.dave.socket, 'note:send', { sessionId, clientId: newClientId(), text: 'peek' });
    assert.equal(!sent.ok && sent.error, 'forbidden');
    const read = await emitAck(team.dave.socket, 'notes:sync', { sessionId, afterSeq: 0 });
    assert.equal(!read.ok && read.error, 'forbidden');
    assert.deepEqual(valueOf(await emitAck(team.bob.socket, 'notes:sync', { sessionId, afterSeq: 0 })), []);
  });

  test('S-4: a closed session takes no notes', async () => {
    const { sessionId } = await team.joined(team.bob);
    valueOf(await act(team.bob.socket, sessionId, { type: 'close' }));
    const sent = await emitAck(team.bob.socket, 'note:send', { sessionId, clientId: newClientId(), text: 'late' });
    assert.equal(!sent.ok && sent.error, 'session_not_open');
  });

  test('P-2: an empty or oversized note is refused and nothing is stored', async () => {
    const { sessionId } = await team.joined(team.bob);
    const empty = await emitAck(team.bob.socket, 'note:send', { sessionId, clientId: newClientId(), text: '   ' });
    assert.equal(!empty.ok && empty.error, 'invalid_payload');
    const long = await emitAck(team.bob.socket, 'note:send', { sessionId, clientId: newClientId(), text: 'x'.repeat(4001) });
    assert.equal(!long.ok && long.error, 'payload_too_large');
    assert.deepEqual(valueOf(await emitAck(team.bob.socket, 'notes:sync', { sessionId, afterSeq: 0 })), []);
  });
});
