/**
 * The production {@link Env}: wall clock, time-ordered UUIDs (v7) and random tokens from the OS,
 * SHA-256 token hashes.
 */
import { createHash, randomBytes, randomInt } from 'node:crypto';
import type { Env } from '../core/ports.js';
import { orderedId } from './ordered-id.js';

/** The real clock and randomness. */
export const nodeEnv: Env = {
  now: () => Date.now(),
  // Ids name rows, they are not secrets (tokens are): time order keeps inserts on the index's last page.
  id: () => orderedId(),
  // 256 random bits: tokens are bearer credentials (and invitation links, which need 128 or more).
  token: () => randomBytes(32).toString('base64url'),
  hashToken: (token) => createHash('sha256').update(token).digest('base64url'),
  // randomInt is uniform (no modulo bias) and from the OS's generator.
  digits: (length) => Array.from({ length }, () => randomInt(10)).join(''),
};
