/**
 * The flood limit of a conversation (SPEC.md L-1): a token bucket per sender. Plain functions over
 * data; the service keeps the buckets.
 */

/** How fast one sender may send: `perSecond` on average, `burst` at once. */
export interface FloodRule {
  perSecond: number;
  burst: number;
}

/** The default: generous for a person typing fast or pasting lines, far below a script's flood. */
export const DEFAULT_FLOOD_RULE: FloodRule = { perSecond: 5, burst: 20 };

/** One sender's bucket: tokens left at time `at`. */
export interface Bucket {
  tokens: number;
  at: number;
}

/** What {@link takeToken} decided. */
export type FloodDecision = { allowed: true; bucket: Bucket } | { allowed: false; bucket: Bucket; retryAfterMs: number };

/** The bucket refilled up to `now` (never above `burst`); a new sender starts full. */
export function refill(bucket: Bucket | undefined, rule: FloodRule, now: number): Bucket {
  if (!bucket) return { tokens: rule.burst, at: now };
  const elapsed = Math.max(0, now - bucket.at);
  return { tokens: Math.min(rule.burst, bucket.tokens + (elapsed * rule.perSecond) / 1000), at: Math.max(now, bucket.at) };
}

/** L-1: one send costs one token; without a whole token left the send is refused until one is back. */
export function takeToken(bucket: Bucket | undefined, rule: FloodRule, now: number): FloodDecision {
  const full = refill(bucket, rule, now);
  if (full.tokens >= 1) return { allowed: true, bucket: { tokens: full.tokens - 1, at: full.at } };
  return { allowed: false, bucket: full, retryAfterMs: Math.ceil(((1 - full.tokens) * 1000) / rule.perSecond) };
}

/** True when the bucket is full again at `now`, so forgetting it changes nothing. */
export function isIdle(bucket: Bucket, rule: FloodRule, now: number): boolean {
  return refill(bucket, rule, now).tokens >= rule.burst;
}
