/**
 * Limits on wrong PINs and support codes (SPEC.md J-*). A PIN or code is a rendezvous, not a
 * password; these limits make guessing pointless. Plain functions over counts.
 */
import { fail, ok, type Result } from '../../src/protocol/index.js';

/** One limit: at most `max` failures per `windowMs` for keys starting with `prefix`. */
export interface JoinLimit {
  prefix: 'ip' | 'channel' | 'technician';
  windowMs: number;
  max: number;
}

/** J-1, J-2: per address 6 a minute and 30 an hour; per channel or technician 20 an hour. */
export const JOIN_LIMITS: readonly JoinLimit[] = [
  { prefix: 'ip', windowMs: 60_000, max: 6 },
  { prefix: 'ip', windowMs: 3_600_000, max: 30 },
  { prefix: 'channel', windowMs: 3_600_000, max: 20 },
  { prefix: 'technician', windowMs: 3_600_000, max: 20 },
];

/** The keys failures are counted under, e.g. `ip:203.0.113.7`. */
export function joinKeys(subjects: Partial<Record<JoinLimit['prefix'], string>>): string[] {
  return Object.entries(subjects)
    .filter((e): e is [string, string] => !!e[1])
    .map(([prefix, value]) => `${prefix}:${value}`);
}

/** The limits that apply to a key. */
export function limitsFor(key: string): JoinLimit[] {
  return JOIN_LIMITS.filter((l) => key.startsWith(`${l.prefix}:`));
}

/** Refuses when any counted window is full; `counts[i]` are the failures of `checks[i]`. */
export function checkJoinLimits(checks: readonly { key: string; limit: JoinLimit }[], counts: readonly number[]): Result<null> {
  const hit = checks.findIndex((c, i) => counts[i] >= c.limit.max);
  if (hit < 0) return ok(null);
  const { limit } = checks[hit];
  const span = limit.windowMs >= 3_600_000 ? 'an hour' : 'a minute';
  return fail('rate_limited', `Too many wrong attempts (at most ${limit.max} ${span}). Wait a little, or use the invitation link.`, {
    retryAfterMs: limit.windowMs,
  });
}
