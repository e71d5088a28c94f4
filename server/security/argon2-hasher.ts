/**
 * Password hashing with argon2id (OWASP's first choice), behind the core's {@link PasswordHasher}.
 */
import argon2 from 'argon2';
import type { PasswordHasher } from '../core/ports.js';

/** argon2id with the library's defaults (64 MiB, 3 passes). */
export const argon2Hasher: PasswordHasher = {
  hash: (password) => argon2.hash(password, { type: argon2.argon2id }),
  verify: async (hash, password) => {
    try {
      return await argon2.verify(hash, password);
    } catch {
      return false;
    }
  },
};
