/**
 * UUIDv7 (RFC 9562): 48 bits of Unix milliseconds, then 74 random bits. New rows keyed by it land
 * at the end of their primary-key index, on a page the previous insert already dirtied, instead of
 * on a random page: with group commit, one page write serves many rows.
 */
import { randomFillSync } from 'node:crypto';

// Random bytes are drawn in bulk: one OS call per 256 ids instead of one each.
const POOL = Buffer.alloc(10 * 256);
let offset = POOL.length;

/** A new UUIDv7 for `ms` (default: now). */
export function orderedId(ms: number = Date.now()): string {
  if (offset === POOL.length) {
    randomFillSync(POOL);
    offset = 0;
  }
  const r = POOL.subarray(offset, (offset += 10));
  const b = Buffer.allocUnsafe(16);
  b.writeUIntBE(ms, 0, 6);
  b[6] = 0x70 | (r[0] & 0x0f);
  b[7] = r[1];
  b[8] = 0x80 | (r[2] & 0x3f);
  r.copy(b, 9, 3, 10);
  const h = b.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
