import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { checkJoinLimits, JOIN_LIMITS, joinKeys, limitsFor } from '../../../server/core/join-limits.js';

/** Every window that applies to these subjects, with `counts` failures each (in order). */
function check(subjects: Parameters<typeof joinKeys>[0], counts: (key: string, windowMs: number) => number) {
  const checks = joinKeys(subjects).flatMap((key) => limitsFor(key).map((limit) => ({ key, limit })));
  return checkJoinLimits(
    checks,
    checks.map((c) => counts(c.key, c.limit.windowMs)),
  );
}

const MINUTE = 60_000;
const HOUR = 3_600_000;

describe('join limits', () => {
  test('J-1, J-2: per address 6 a minute and 30 an hour; per channel and per technician 20 an hour', () => {
    const table = JOIN_LIMITS.map((l) => [l.prefix, l.windowMs, l.max]);
    assert.deepEqual(table, [
      ['ip', MINUTE, 6],
      ['ip', HOUR, 30],
      ['channel', HOUR, 20],
      ['technician', HOUR, 20],
    ]);
  });

  test('joinKeys names each given subject by prefix and skips missing ones', () => {
    assert.deepEqual(joinKeys({ ip: '203.0.113.7', channel: 'c1' }), ['ip:203.0.113.7', 'channel:c1']);
    assert.deepEqual(joinKeys({ ip: '', technician: undefined }), []);
  });

  test('limitsFor finds the windows of a key by its prefix only', () => {
    assert.equal(limitsFor('ip:1.2.3.4').length, 2);
    assert.deepEqual(
      limitsFor('technician:t1').map((l) => l.max),
      [20],
    );
    assert.deepEqual(limitsFor('iphone:1'), []);
  });

  const cases: [string, string, Parameters<typeof joinKeys>[0], (key: string, windowMs: number) => number, boolean][] = [
    ['J-1', '5 wrong PINs in a minute pass', { ip: 'a', channel: 'c' }, (k, w) => (k.startsWith('ip') && w === MINUTE ? 5 : 5), true],
    [
      'J-1',
      'a 7th attempt after 6 wrong PINs in a minute is refused',
      { ip: 'a', channel: 'c' },
      (k, w) => (k.startsWith('ip') && w === MINUTE ? 6 : 6),
      false,
    ],
    ['J-1', '29 in the hour but few in the last minute pass', { ip: 'a' }, (_k, w) => (w === HOUR ? 29 : 2), true],
    ['J-1', '30 in the hour are refused even if the last minute was quiet', { ip: 'a' }, (_k, w) => (w === HOUR ? 30 : 0), false],
    [
      'J-1',
      '20 wrong PINs an hour in one channel, from many addresses, are refused',
      { ip: 'b', channel: 'c' },
      (k) => (k.startsWith('channel') ? 20 : 0),
      false,
    ],
    ['J-1', '19 in the channel pass', { ip: 'b', channel: 'c' }, (k) => (k.startsWith('channel') ? 19 : 0), true],
    [
      'J-2',
      '20 wrong codes an hour by one technician are refused',
      { ip: 'b', technician: 't' },
      (k) => (k.startsWith('technician') ? 20 : 0),
      false,
    ],
    [
      'J-2',
      '6 wrong codes a minute from one address are refused',
      { ip: 'a', technician: 't' },
      (k, w) => (k.startsWith('ip') && w === MINUTE ? 6 : 0),
      false,
    ],
  ];
  for (const [rule, what, subjects, counts, passes] of cases) {
    test(`${rule}: ${what}`, () => {
      const r = check(subjects, counts);
      if (passes) assert.deepEqual(r, { ok: true, value: null });
      else assert.equal(!r.ok && r.error, 'rate_limited');
    });
  }

  test('J-1: a refusal says how long the window is, for a retry hint', () => {
    const minute = check({ ip: 'a' }, (_k, w) => (w === MINUTE ? 6 : 6));
    assert.deepEqual(!minute.ok && minute.details, { retryAfterMs: MINUTE });
    assert.match(!minute.ok ? minute.message : '', /6 a minute/);
    const hour = check({ ip: 'a' }, (_k, w) => (w === HOUR ? 30 : 0));
    assert.deepEqual(!hour.ok && hour.details, { retryAfterMs: HOUR });
  });

  test('no subjects, no limits', () => {
    assert.deepEqual(checkJoinLimits([], []), { ok: true, value: null });
  });
});
