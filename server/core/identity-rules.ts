/**
 * The website owner's `identify()` as plain data (SPEC.md I-1..I-4): a claim becomes a verified
 * identity only with a hash the channel's secret makes for that very id. The comparison itself is
 * injected (constant time, in `server/security/identity-hash.ts`) so this file stays free of I/O.
 */
import type { IdentityClaim, IdentityView } from '../../src/protocol/index.js';

/** Checks `hash` against HMAC-SHA256(`id`, `secret`) in constant time. */
export type HashCheck = (id: string, secret: string, hash: string) => boolean;

/**
 * I-3: the identity a claim stands for. `verified` is true only when the channel has a secret and
 * the claim carries the hash of its own id; anything else (no hash, a wrong one, one made for
 * another id) is the same claim, unverified.
 */
export function resolveIdentity(claim: IdentityClaim, secret: string, check: HashCheck): IdentityView {
  const verified = !!secret && !!claim.hash && check(claim.id, secret, claim.hash);
  return { id: claim.id, name: claim.name ?? '', email: claim.email ?? '', verified };
}
