/**
 * Counts wrong PINs and support codes in storage (so every server process sees the same counts and
 * a restart forgets nothing) and refuses attempts past the limits of `join-limits.ts`.
 */
import type { Result } from '../../../src/protocol/index.js';
import { checkJoinLimits, joinKeys, limitsFor, type JoinLimit } from '../join-limits.js';
import type { Env, Store } from '../ports.js';

/** Who an attempt is counted against. */
export type JoinSubjects = Partial<Record<JoinLimit['prefix'], string>>;

/** Builds the guard. */
export function joinGuard(store: Store, env: Env) {
  return {
    /** Refuses with `rate_limited` when any subject has used up a window. */
    async check(subjects: JoinSubjects): Promise<Result<null>> {
      const now = env.now();
      const checks = joinKeys(subjects).flatMap((key) => limitsFor(key).map((limit) => ({ key, limit })));
      const counts = await Promise.all(checks.map((c) => store.countJoinFailures(c.key, now - c.limit.windowMs)));
      return checkJoinLimits(checks, counts);
    },
    /** Counts one wrong attempt against every subject. */
    async failed(subjects: JoinSubjects): Promise<void> {
      await store.recordJoinFailure(joinKeys(subjects), env.now());
    },
  };
}

/** The join guard. */
export type JoinGuard = ReturnType<typeof joinGuard>;
