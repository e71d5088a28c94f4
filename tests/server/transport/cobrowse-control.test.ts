import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { CobrowseControl, Capability, ControlAnswer } from '../../../src/protocol/index.js';
import { emitAck, emitRaw, valueOf, type WidgetSocket } from '../../support/test-server.js';
import { startTeam, type Team } from './team.js';

/** Makes the widget answer every passed-on command with `answer`, recording what it heard. */
function answering(widget: WidgetSocket, answer: unknown): CobrowseControl[] {
  const heard: CobrowseControl[] = [];
  widget.on('cobrowse:control', (command, ack) => {
    heard.push(command);
    ack(answer as ControlAnswer);
  });
  return heard;
}

describe('C-12: control commands over real sockets', () => {
  let team: Team;

  before(async () => {
    team = await startTeam();
  });
  after(async () => {
    await team?.close();
  });

  /** An Active session owned by Bob whose visitor allowed `capabilities`, watched by Bob. */
  const watched = async (capabilities: Capability[]): Promise<{ sessionId: string; widget: WidgetSocket }> => {
    const { sessionId, widget } = await team.joined(team.bob);
    for (const capability of capabilities) {
      const asked = valueOf(await emitAck(team.bob.socket, 'permission:request', { sessionId, capability }));
      valueOf(await emitAck(widget, 'permission:answer', { permissionId: asked.id, allow: true }));
    }
    valueOf(await emitAck(team.bob.socket, 'cobrowse:watch', { sessionId }));
    return { sessionId, widget };
  };

  const click = (sessionId: string): CobrowseControl => ({ sessionId, recording: 'rec-1', nodeId: 12, action: { type: 'click' } });

  test('without a control grant the command is forbidden and never reaches the widget', async () => {
    const { sessionId, widget } = await watched(['view']);
    const heard = answering(widget, { status: 'done' });
    const r = await emitAck(team.bob.socket, 'cobrowse:control', click(sessionId));
    assert.equal(r.ok ? 'ok' : r.error, 'forbidden');
    // Another round trip on the same widget connection: a relayed command would have come first.
    valueOf(await emitAck(widget, 'typing:set', { sessionId, typing: false }));
    assert.deepEqual(heard, []);
  });

  test('with view and control granted the command reaches the widget as sent, and its answer comes back', async () => {
    const { sessionId, widget } = await watched(['view', 'control']);
    const heard = answering(widget, { status: 'refused', reason: 'password' });
    const command: CobrowseControl = { sessionId, recording: 'rec-1', nodeId: 7, action: { type: 'text', text: 'hello' } };
    assert.deepEqual(valueOf(await emitAck(team.bob.socket, 'cobrowse:control', command)), { status: 'refused', reason: 'password' });
    assert.deepEqual(heard, [command]);
  });

  test('C-13: option choices and the caret keys reach the widget as sent; its new refusals come back', async () => {
    const { sessionId, widget } = await watched(['view', 'control']);
    const heard = answering(widget, { status: 'refused', reason: 'bad_option' });
    const commands: CobrowseControl[] = [
      { sessionId, recording: 'rec-1', nodeId: 3, action: { type: 'select', options: [0, 2] } },
      { sessionId, recording: 'rec-1', nodeId: 3, action: { type: 'select', options: [] } },
      { sessionId, recording: 'rec-1', nodeId: 4, action: { type: 'key', key: 'ArrowLeft' } },
      { sessionId, recording: 'rec-1', nodeId: 4, action: { type: 'key', key: 'Space' } },
      { sessionId, recording: 'rec-1', nodeId: 4, action: { type: 'key', key: 'PageDown' } },
    ];
    for (const command of commands) {
      assert.deepEqual(valueOf(await emitAck(team.bob.socket, 'cobrowse:control', command)), { status: 'refused', reason: 'bad_option' });
    }
    assert.deepEqual(heard, commands);
  });

  test('a watcher-to-be, or a channel member outside the session, is refused', async () => {
    const { sessionId } = await team.joined(team.bob);
    const carol = await emitAck(team.carol.socket, 'cobrowse:control', click(sessionId));
    assert.equal(carol.ok ? 'ok' : carol.error, 'forbidden');
    const notWatching = await emitAck(team.bob.socket, 'cobrowse:control', click(sessionId));
    assert.equal(notWatching.ok ? 'ok' : notWatching.error, 'forbidden');
  });

  test('once the visitor revokes control the very next command is forbidden', async () => {
    const { sessionId, widget } = await watched(['view', 'control']);
    const heard = answering(widget, { status: 'done' });
    assert.deepEqual(valueOf(await emitAck(team.bob.socket, 'cobrowse:control', click(sessionId))), { status: 'done' });
    valueOf(await emitAck(widget, 'permission:revoke', { sessionId, capability: 'control' }));
    const r = await emitAck(team.bob.socket, 'cobrowse:control', click(sessionId));
    assert.equal(r.ok ? 'ok' : r.error, 'forbidden');
    assert.equal(heard.length, 1);
  });

  test('a widget answer that is not one is ignored; no widget online is offline', async () => {
    const { sessionId, widget } = await watched(['view', 'control']);
    answering(widget, { status: 'done', extra: '<script>' });
    assert.deepEqual(valueOf(await emitAck(team.bob.socket, 'cobrowse:control', click(sessionId))), {
      status: 'refused',
      reason: 'offline',
    });
    widget.disconnect();
    assert.deepEqual(valueOf(await emitAck(team.bob.socket, 'cobrowse:control', click(sessionId))), {
      status: 'refused',
      reason: 'offline',
    });
  });

  test('P-2: malformed commands are invalid_payload, too much text or too many options payload_too_large', async () => {
    const { sessionId } = await watched(['view', 'control']);
    const cases: unknown[] = [
      { ...click(sessionId), nodeId: 0 },
      { ...click(sessionId), recording: '../x' },
      { ...click(sessionId), action: { type: 'text', text: '' } },
      { ...click(sessionId), action: { type: 'key', key: 'F5' } },
      { ...click(sessionId), action: { type: 'scroll', dx: 0, dy: Number.POSITIVE_INFINITY } },
      { ...click(sessionId), action: { type: 'submit' } },
      { ...click(sessionId), extra: 1 },
      { ...click(sessionId), action: { type: 'key', key: ' ' } },
      { ...click(sessionId), action: { type: 'key', key: 'arrowleft' } },
      { ...click(sessionId), action: { type: 'select' } },
      { ...click(sessionId), action: { type: 'select', options: 1 } },
      { ...click(sessionId), action: { type: 'select', options: [-1] } },
      { ...click(sessionId), action: { type: 'select', options: [1.5] } },
      { ...click(sessionId), action: { type: 'select', options: ['1'] } },
      { ...click(sessionId), action: { type: 'select', options: [100_000] } },
      { ...click(sessionId), action: { type: 'select', options: [2, 2] } },
      { ...click(sessionId), action: { type: 'select', options: [0], value: 'x' } },
    ];
    for (const payload of cases) {
      const r = await emitRaw(team.bob.socket, 'cobrowse:control', payload);
      assert.equal(r.ok ? 'ok' : r.error, 'invalid_payload', JSON.stringify(payload).slice(0, 100));
    }
    const long = await emitRaw(team.bob.socket, 'cobrowse:control', {
      ...click(sessionId),
      action: { type: 'text', text: 'x'.repeat(501) },
    });
    assert.equal(long.ok ? 'ok' : long.error, 'payload_too_large');
    const many = await emitRaw(team.bob.socket, 'cobrowse:control', {
      ...click(sessionId),
      action: { type: 'select', options: Array.from({ length: 1001 }, (_, i) => i) },
    });
    assert.equal(many.ok ? 'ok' : many.error, 'payload_too_large');
  });
});
