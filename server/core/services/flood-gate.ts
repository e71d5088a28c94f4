/**
 * Keeps the flood-limit buckets of the senders this server process talks to (SPEC.md L-1). A sender's
 * socket lives on one process, so process memory is where its bucket belongs; buckets that filled up
 * again are forgotten, so memory follows the senders who are active.
 */
import { fail, type Failure } from '../../../src/protocol/index.js';
import { isIdle, takeToken, type Bucket, type FloodRule } from '../flood-limit.js';

/** A gate over one kind of send (messages, typing, ...). */
export interface FloodGate {
  /** Null when `sender` may send now, else the `rate_limited` failure to answer (details: `retryAfterMs`). */
  check(sender: string): Failure | null;
}

/** Builds a gate with `rule` on the clock `now`. */
export function floodGate(rule: FloodRule, now: () => number): FloodGate {
  const buckets = new Map<string, Bucket>();
  let sweptAt = now();
  const sweep = (t: number) => {
    if (t - sweptAt < 60_000) return;
    sweptAt = t;
    for (const [k, b] of buckets) if (isIdle(b, rule, t)) buckets.delete(k);
  };
  return {
    check(sender) {
      const t = now();
      sweep(t);
      const decision = takeToken(buckets.get(sender), rule, t);
      buckets.set(sender, decision.bucket);
      if (decision.allowed) return null;
      return fail('rate_limited', 'You are sending too fast; wait a moment and send again.', {
        retryAfterMs: decision.retryAfterMs,
      });
    },
  };
}
