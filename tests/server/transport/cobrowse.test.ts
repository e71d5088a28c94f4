import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { COBROWSE_LIMITS, encodeCobrowseFrame, readCobrowseFrame, type CobrowseFrame } from '../../../src/protocol/index.js';
import { act, emitAck, emitRaw, nextEvent, valueOf, type ConsoleSocket, type WidgetSocket } from '../../support/test-server.js';
import { startTeam, type Team } from './team.js';

const fields = (sessionId: string, over: Partial<CobrowseFrame> = {}): CobrowseFrame => ({
  sessionId,
  recording: 'rec-1',
  batch: 0,
  part: 0,
  parts: 1,
  full: true,
  encoding: 'gzip',
  data: Buffer.from([31, 139, 8, 0, 1, 2, 3, 4]),
  ...over,
});
/** A frame as the widget sends it: one binary message, header included. */
const frame = (sessionId: string, over: Partial<CobrowseFrame> = {}) => Buffer.from(encodeCobrowseFrame(fields(sessionId, over)));
/** A relayed frame, read as the console reads it. */
const read = (bytes: unknown): CobrowseFrame => {
  const f = readCobrowseFrame(bytes);
  assert.ok(f, 'a well-formed frame');
  return f;
};
const of = (sessionId: string) => (bytes: unknown) => readCobrowseFrame(bytes)?.sessionId === sessionId;

/** Resolves true if `event` arrives on `socket` before `until` settles, else false. */
async function heardBefore(socket: ConsoleSocket, event: 'cobrowse:events', until: Promise<unknown>): Promise<boolean> {
  let heard = false;
  const mark = () => (heard = true);
  socket.on(event, mark);
  await until;
  socket.off(event, mark);
  return heard;
}

describe('C-1..C-5: the co-browse relay over real sockets', () => {
  let team: Team;

  before(async () => {
    team = await startTeam();
  });
  after(async () => {
    await team?.close();
  });

  /** An Active session owned by Bob whose visitor allowed `view`. */
  const viewed = async (): Promise<{ sessionId: string; widget: WidgetSocket }> => {
    const { sessionId, widget } = await team.joined(team.bob);
    const asked = valueOf(await emitAck(team.bob.socket, 'permission:request', { sessionId, capability: 'view' }));
    valueOf(await emitAck(widget, 'permission:answer', { permissionId: asked.id, allow: true }));
    return { sessionId, widget };
  };

  test('C-2: before the visitor allows view, frames are refused and reach nobody; watching is refused', async () => {
    const { sessionId, widget } = await team.joined(team.bob);
    const watch = await emitAck(team.bob.socket, 'cobrowse:watch', { sessionId });
    assert.equal(watch.ok ? 'ok' : watch.error, 'forbidden');
    valueOf(await emitAck(team.bob.socket, 'permission:request', { sessionId, capability: 'view' }));
    const sent = emitAck(widget, 'cobrowse:events', frame(sessionId));
    assert.equal(await heardBefore(team.bob.socket, 'cobrowse:events', sent), false);
    const r = await sent;
    assert.equal(r.ok ? 'ok' : r.error, 'forbidden');
  });

  test('C-3: watching asks the visitor for a full snapshot; C-2: the frame arrives byte for byte', async () => {
    const { sessionId, widget } = await viewed();
    const asked = nextEvent(widget, 'cobrowse:snapshot');
    const watching = valueOf(await emitAck(team.bob.socket, 'cobrowse:watch', { sessionId }));
    assert.deepEqual(watching, { sessionId, visitorOnline: true });
    assert.deepEqual(await asked, { sessionId });
    const sent = frame(sessionId, { data: Buffer.from('hello stream'), batch: 3, full: false, encoding: 'chained' });
    const relayed = nextEvent(team.bob.socket, 'cobrowse:events', of(sessionId));
    valueOf(await emitAck(widget, 'cobrowse:events', sent));
    const got = await relayed;
    assert.deepEqual(Buffer.from(got as Uint8Array), sent);
    assert.equal(Buffer.from(read(got).data as Uint8Array).toString(), 'hello stream');
  });

  test('C-1: a channel member outside the session may not watch; an invited participant may and sees the same', async () => {
    const { sessionId, widget } = await viewed();
    const carol = await emitAck(team.carol.socket, 'cobrowse:watch', { sessionId });
    assert.equal(carol.ok ? 'ok' : carol.error, 'forbidden');
    valueOf(await act(team.bob.socket, sessionId, { type: 'invite', technicianId: team.carol.id }));
    valueOf(await emitAck(team.carol.socket, 'cobrowse:watch', { sessionId }));
    valueOf(await emitAck(team.bob.socket, 'cobrowse:watch', { sessionId }));
    const atCarol = nextEvent(team.carol.socket, 'cobrowse:events', of(sessionId));
    const atBob = nextEvent(team.bob.socket, 'cobrowse:events', of(sessionId));
    valueOf(await emitAck(widget, 'cobrowse:events', frame(sessionId, { batch: 7 })));
    assert.deepEqual([read(await atCarol).batch, read(await atBob).batch], [7, 7]);
  });

  test('C-1: a participant removed from the session stops receiving', async () => {
    const { sessionId, widget } = await viewed();
    valueOf(await act(team.bob.socket, sessionId, { type: 'invite', technicianId: team.erin.id }));
    valueOf(await emitAck(team.erin.socket, 'cobrowse:watch', { sessionId }));
    valueOf(await act(team.bob.socket, sessionId, { type: 'remove', technicianId: team.erin.id }));
    const stopped = nextEvent(team.erin.socket, 'cobrowse:stopped', (s) => s.sessionId === sessionId);
    // The grant check is reused for a moment; keep sending until the relay looks again.
    let reason = '';
    void stopped.then((s) => (reason = s.reason));
    const deadline = Date.now() + 3000;
    while (!reason && Date.now() < deadline) valueOf(await emitAck(widget, 'cobrowse:events', frame(sessionId)));
    assert.equal(reason, 'removed');
    const later = emitAck(widget, 'cobrowse:events', frame(sessionId, { batch: 99 }));
    assert.equal(await heardBefore(team.erin.socket, 'cobrowse:events', later), false);
  });

  test('C-2: after the visitor revokes view, frames are refused and watchers are told', async () => {
    const { sessionId, widget } = await viewed();
    valueOf(await emitAck(team.bob.socket, 'cobrowse:watch', { sessionId }));
    valueOf(await emitAck(widget, 'permission:revoke', { sessionId, capability: 'view' }));
    const stopped = nextEvent(team.bob.socket, 'cobrowse:stopped', (s) => s.sessionId === sessionId);
    const deadline = Date.now() + 3000;
    let r = await emitAck(widget, 'cobrowse:events', frame(sessionId));
    while (r.ok && Date.now() < deadline) r = await emitAck(widget, 'cobrowse:events', frame(sessionId));
    assert.equal(r.ok ? 'ok' : r.error, 'forbidden');
    assert.equal((await stopped).reason, 'revoked');
  });

  test('C-2: a closed session relays nothing', async () => {
    const { sessionId, widget } = await viewed();
    valueOf(await act(team.bob.socket, sessionId, { type: 'close' }));
    const r = await emitAck(widget, 'cobrowse:events', frame(sessionId));
    assert.equal(r.ok ? 'ok' : r.error, 'forbidden');
  });

  test('C-5: when the visitor leaves, watchers hear it', async () => {
    const { sessionId, widget } = await viewed();
    valueOf(await emitAck(team.bob.socket, 'cobrowse:watch', { sessionId }));
    const stopped = nextEvent(team.bob.socket, 'cobrowse:stopped', (s) => s.sessionId === sessionId);
    widget.disconnect();
    assert.equal((await stopped).reason, 'left');
  });

  test('C-4, P-2: oversized, malformed and out-of-range frames are refused and the connection stays', async () => {
    const { sessionId, widget } = await viewed();
    const big = await emitRaw(widget, 'cobrowse:events', frame(sessionId, { data: Buffer.alloc(COBROWSE_LIMITS.frameBytes + 4096, 1) }));
    assert.equal(big.ok ? 'ok' : big.error, 'payload_too_large');
    const cases: unknown[] = [
      fields(sessionId),
      'not binary',
      Buffer.from('not a frame'),
      Buffer.from([1, 0]),
      frame(sessionId).subarray(0, 20),
      frame(sessionId, { data: Buffer.alloc(0) }),
      frame(sessionId, { part: 2, parts: 2 }),
      frame(sessionId, { parts: COBROWSE_LIMITS.parts + 1 }),
      frame('../etc'),
    ];
    for (const payload of cases) {
      const r = await emitRaw(widget, 'cobrowse:events', payload);
      assert.equal(r.ok ? 'ok' : r.error, 'invalid_payload', JSON.stringify(payload).slice(0, 80));
    }
    valueOf(await emitAck(widget, 'cobrowse:events', frame(sessionId)));
  });

  test('C-4: a frame near the limit goes through (binary counts as its bytes, not as JSON)', async () => {
    const { sessionId, widget } = await viewed();
    valueOf(await emitAck(team.bob.socket, 'cobrowse:watch', { sessionId }));
    const relayed = nextEvent(team.bob.socket, 'cobrowse:events', of(sessionId));
    valueOf(await emitAck(widget, 'cobrowse:events', frame(sessionId, { data: Buffer.alloc(COBROWSE_LIMITS.frameBytes, 7) })));
    assert.equal(read(await relayed).data.byteLength, COBROWSE_LIMITS.frameBytes);
  });

  test('C-3: asking for a snapshot again needs watching first', async () => {
    const { sessionId } = await viewed();
    const r = await emitAck(team.carol.socket, 'cobrowse:snapshot', { sessionId });
    assert.equal(r.ok ? 'ok' : r.error, 'forbidden');
  });

  test('C-11: the pointer and highlight of a watching technician reach the visitor, named; others are refused', async () => {
    const { sessionId, widget } = await viewed();
    const early = await emitAck(team.bob.socket, 'cobrowse:pointer', { sessionId, x: 10, y: 20 });
    assert.equal(early.ok ? 'ok' : early.error, 'forbidden');
    valueOf(await emitAck(team.bob.socket, 'cobrowse:watch', { sessionId }));
    const pointer = nextEvent(widget, 'cobrowse:pointer');
    valueOf(await emitAck(team.bob.socket, 'cobrowse:pointer', { sessionId, x: 10.5, y: 20 }));
    assert.deepEqual(await pointer, { sessionId, technician: 'Bob', x: 10.5, y: 20 });
    const highlight = nextEvent(widget, 'cobrowse:highlight');
    valueOf(await emitAck(team.bob.socket, 'cobrowse:highlight', { sessionId, nodeId: 42 }));
    assert.deepEqual(await highlight, { sessionId, technician: 'Bob', nodeId: 42 });
    for (const bad of [
      { sessionId, x: Number.NaN, y: 1 },
      { sessionId, x: 1 },
      { sessionId, nodeId: 0 },
      { sessionId, nodeId: 1.5 },
    ]) {
      const event = 'nodeId' in bad ? 'cobrowse:highlight' : 'cobrowse:pointer';
      const r = await emitRaw(team.bob.socket, event, bad);
      assert.equal(r.ok ? 'ok' : r.error, 'invalid_payload', JSON.stringify(bad));
    }
    const carol = await emitAck(team.carol.socket, 'cobrowse:highlight', { sessionId, nodeId: 1 });
    assert.equal(carol.ok ? 'ok' : carol.error, 'forbidden');
  });
});
