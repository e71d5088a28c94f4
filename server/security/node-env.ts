/**
 * The production {@link Env}: wall clock, random UUIDs and tokens from the OS, SHA-256 token hashes.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Env } from '../core/ports.js';

/** The real clock and randomness. */
export const nodeEnv: Env = {
  now: () => Date.now(),
  id: () => randomUUID(),
  // 256 random bits: tokens are bearer credentials.
  token: () => randomBytes(32).toString('base64url'),
  hashToken: (token) => createHash('sha256').update(token).digest('base64url'),
};
