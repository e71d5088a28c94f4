/**
 * A clock that tests move forward by hand, so rules decided on the server clock (session expiry
 * S-8, the permission answer window G-2, rate-limit windows J-*) are tested without sleeping.
 *
 * @example
 * const clock = testClock();
 * const server = await buildTestServer({ env: clock.env });
 * clock.advance(31_000);
 * await server.app.expire();
 */
import type { Env } from '../../server/core/ports.js';
import { nodeEnv } from '../../server/security/node-env.js';

/** The real clock plus an offset the test controls. */
export interface TestClock {
  /** The production {@link Env} with `now()` shifted by the offset; pass it to `buildTestServer`. */
  env: Env;
  /** Moves the clock forward by `ms` milliseconds. */
  advance(ms: number): void;
  /** The clock's current time. */
  now(): number;
}

/** A clock that starts at the real time, `offsetMs` ahead if given. */
export function testClock(offsetMs = 0): TestClock {
  let offset = offsetMs;
  const env: Env = { ...nodeEnv, now: () => Date.now() + offset };
  return {
    env,
    advance(ms) {
      offset += ms;
    },
    now: () => env.now(),
  };
}
