import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { DEFAULT_FLOOD_RULE, isIdle, refill, takeToken, type Bucket } from '../../../server/core/flood-limit.js';
import { floodGate } from '../../../server/core/services/flood-gate.js';

const RULE = { perSecond: 2, burst: 3 };

describe('flood limit (token bucket)', () => {
  test('L-1: a new sender starts with a full burst', () => {
    assert.deepEqual(refill(undefined, RULE, 1000), { tokens: 3, at: 1000 });
  });

  test('L-1: table of sends at given times: burst, then the average rate', () => {
    // [time ms, allowed?]
    const table: [number, boolean][] = [
      [0, true],
      [0, true],
      [0, true],
      [0, false], // burst of 3 used up
      [499, false], // 0.998 tokens back: not a whole one
      [500, true], // one token per 500 ms at 2/s
      [600, false],
      [5000, true], // refilled, capped at the burst
      [5000, true],
      [5000, true],
      [5000, false],
    ];
    let bucket: Bucket | undefined;
    const seen = table.map(([t]) => {
      const d = takeToken(bucket, RULE, t);
      bucket = d.bucket;
      return [t, d.allowed];
    });
    assert.deepEqual(seen, table);
  });

  test('L-1: a refusal says when a token is back', () => {
    let bucket: Bucket | undefined;
    for (let i = 0; i < 3; i++) bucket = takeToken(bucket, RULE, 0).bucket;
    const refused = takeToken(bucket, RULE, 100);
    assert.equal(refused.allowed, false);
    assert.equal(!refused.allowed && refused.retryAfterMs, 400);
  });

  test('a clock that goes back never adds tokens', () => {
    const b = refill({ tokens: 1, at: 10_000 }, RULE, 5_000);
    assert.deepEqual(b, { tokens: 1, at: 10_000 });
  });

  test('a full bucket is idle and may be forgotten', () => {
    assert.equal(isIdle({ tokens: 0, at: 0 }, RULE, 1499), false);
    assert.equal(isIdle({ tokens: 0, at: 0 }, RULE, 1500), true);
  });

  test('the default lets a person paste a burst of 20 lines, and then 5 a second', () => {
    assert.deepEqual(DEFAULT_FLOOD_RULE, { perSecond: 5, burst: 20 });
  });

  test('L-1: the gate keeps one bucket per sender and answers rate_limited with retryAfterMs', () => {
    let now = 0;
    const gate = floodGate({ perSecond: 1, burst: 1 }, () => now);
    assert.equal(gate.check('a'), null);
    const refused = gate.check('a');
    assert.equal(refused?.error, 'rate_limited');
    assert.deepEqual(refused?.details, { retryAfterMs: 1000 });
    assert.equal(gate.check('b'), null, 'another sender has a bucket of its own');
    now = 1000;
    assert.equal(gate.check('a'), null);
  });
});
