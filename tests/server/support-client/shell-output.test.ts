import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  ackOutput,
  allAcked,
  appendOutput,
  chunkAfter,
  emptyOutput,
  SHELL_GRACE_MS,
  shellFate,
} from '../../../demo/support-client/shell-output.js';

describe('E-15: a shell’s output kept over a lost connection', () => {
  test('output is cut into numbered chunks, in order, from 1', () => {
    let buf = appendOutput(emptyOutput(), 'abcdefg', 100, 3);
    buf = appendOutput(buf, 'hi', 100, 3);
    assert.deepEqual(
      buf.chunks.map((c) => [c.seq, c.data]),
      [
        [1, 'abc'],
        [2, 'def'],
        [3, 'g'],
        [4, 'hi'],
      ],
    );
    assert.equal(buf.chars, 9);
    assert.equal(buf.nextSeq, 5);
    assert.equal(appendOutput(buf, ''), buf, 'nothing to add');
  });

  test('the buffer is bounded: the oldest chunks go, the numbering goes on', () => {
    let buf = emptyOutput();
    for (let i = 0; i < 10; i++) buf = appendOutput(buf, `${i}`.repeat(4), 10, 4);
    assert.deepEqual(
      buf.chunks.map((c) => c.seq),
      [9, 10],
    );
    assert.equal(buf.chars, 8);
    const huge = appendOutput(emptyOutput(), 'x'.repeat(50), 10, 20);
    assert.deepEqual(
      huge.chunks.map((c) => [c.seq, c.data.length]),
      [[3, 10]],
      'the newest chunk stays even alone over the limit',
    );
  });

  test('sending goes from the first chunk after a seq; acks only move forward', () => {
    let buf = appendOutput(emptyOutput(), 'aabbcc', 100, 2);
    assert.equal(chunkAfter(buf, 0)?.data, 'aa');
    assert.equal(chunkAfter(buf, 2)?.data, 'cc');
    assert.equal(chunkAfter(buf, 3), undefined);
    assert.equal(allAcked(buf), false);
    buf = ackOutput(buf, 2);
    buf = ackOutput(buf, 1);
    assert.equal(buf.acked, 2);
    assert.equal(chunkAfter(buf, buf.acked)?.seq, 3, 'after a rejoin, the first unconfirmed chunk goes again');
    assert.equal(allAcked(ackOutput(buf, 3)), true);
    // A console that saw up to 1 but whose chunks were dropped from the buffer gets the oldest held one.
    let small = emptyOutput();
    for (const t of ['aa', 'bb', 'cc']) small = appendOutput(small, t, 4, 2);
    assert.equal(chunkAfter(small, 0)?.seq, 2);
  });

  test('shells outlive a drop for the grace period, and end when it runs out or the rejoin says no', () => {
    const lostAt = 1_000_000;
    assert.equal(shellFate({ lostAt: null, now: lostAt, rejoined: null }), 'keep');
    assert.equal(shellFate({ lostAt, now: lostAt + SHELL_GRACE_MS - 1, rejoined: null }), 'wait');
    assert.deepEqual(shellFate({ lostAt, now: lostAt + SHELL_GRACE_MS, rejoined: null }), { end: 'connection_lost' });
    assert.equal(shellFate({ lostAt, now: lostAt + 5, rejoined: { granted: ['files', 'shell'] } }), 'keep');
    assert.deepEqual(shellFate({ lostAt, now: lostAt + 5, rejoined: { granted: ['files'] } }), { end: 'not_allowed' });
    assert.deepEqual(shellFate({ lostAt, now: lostAt + 5, rejoined: 'refused' }), { end: 'not_allowed' });
    assert.deepEqual(shellFate({ lostAt, now: lostAt + 10, rejoined: null }, 10), { end: 'connection_lost' });
  });
});
