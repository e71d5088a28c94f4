/**
 * The HMAC of `identify()`: HMAC-SHA256 of the user id with the channel's identity secret, in hex,
 * compared in constant time (SPEC.md I-2, I-3).
 */
import crypto from 'node:crypto';
import type { HashCheck } from '../core/identity-rules.js';

/** The hash a website computes on its server for `identify({ id, hash })`. */
export function identityHash(id: string, secret: string): string {
  return crypto.createHmac('sha256', secret).update(id, 'utf8').digest('hex');
}

/**
 * Whether `hash` is {@link identityHash} of `id`: both are compared as 32-byte digests with
 * `crypto.timingSafeEqual`, so the time taken tells nothing about how much of a guess was right.
 */
export const identityHashMatches: HashCheck = (id, secret, hash) => {
  const expected = crypto.createHmac('sha256', secret).update(id, 'utf8').digest();
  const given = /^[0-9a-f]{64}$/i.test(hash) ? Buffer.from(hash, 'hex') : Buffer.alloc(expected.length);
  // A malformed hash is compared against zeros, so it takes the same time as a wrong one.
  const same = crypto.timingSafeEqual(expected, given);
  return same && given.length === expected.length && /^[0-9a-f]{64}$/i.test(hash);
};
