/**
 * Validation at the edge: every inbound payload, socket or HTTP, passes through {@link validate}
 * before any service sees it.
 */
import * as v from 'valibot';
import { fail, ok, type Result } from '../../src/protocol/index.js';

/** Deeper than any of our payloads; a deeper one is refused as too large rather than walked. */
const MAX_DEPTH = 64;

/**
 * The size of a payload as JSON in bytes, binary parts (socket.io attachments) counted as their
 * byte length, walked without serialising it: every socket event passes here, and
 * `JSON.stringify` with a replacer cost more than the rest of the validation. Strings count as their
 * UTF-8 bytes and quotes, without escapes. Stops counting once past `limit`; a payload JSON could
 * not represent (a BigInt, a depth past {@link MAX_DEPTH}) is infinite.
 */
export function payloadBytes(value: unknown, limit: number, depth = 0): number {
  switch (typeof value) {
    case 'string':
      return Buffer.byteLength(value) + 2;
    case 'number':
      return Number.isFinite(value) ? String(value).length : 4;
    case 'boolean':
      return value ? 4 : 5;
    case 'bigint':
      return Number.POSITIVE_INFINITY;
    case 'object':
      break;
    // JSON leaves these out.
    case 'function':
    case 'symbol':
    case 'undefined':
      return 0;
  }
  if (value === null) return 4;
  if (value instanceof ArrayBuffer || ArrayBuffer.isView(value)) return value.byteLength;
  if (depth >= MAX_DEPTH) return Number.POSITIVE_INFINITY;
  // Brackets, and a comma after each item but the last (taken back at the end).
  let size = 1;
  if (Array.isArray(value)) {
    for (const item of value) {
      size += payloadBytes(item, limit - size, depth + 1) + 1;
      if (size > limit) return size;
    }
    return Math.max(size, 2);
  }
  for (const key in value) {
    if (!Object.hasOwn(value, key)) continue;
    size += Buffer.byteLength(key) + 4 + payloadBytes((value as Record<string, unknown>)[key], limit - size, depth + 1);
    if (size > limit) return size;
  }
  return Math.max(size, 2);
}

/**
 * Checks size, then shape. A payload over `maxBytes`, or with a field over its length limit, is
 * `payload_too_large`; any other mismatch is `invalid_payload` with the failing paths in `details`.
 */
export function validate<S extends v.GenericSchema>(schema: S, payload: unknown, maxBytes: number): Result<v.InferOutput<S>> {
  const size = payloadBytes(payload, maxBytes);
  if (size > maxBytes) return fail('payload_too_large', `Payload is over the limit of ${maxBytes} bytes.`);
  const parsed = v.safeParse(schema, payload);
  if (parsed.success) return ok(parsed.output);
  const details = parsed.issues.map((i) => ({ path: v.getDotPath(i) ?? '', message: i.message }));
  if (parsed.issues.some((i) => i.type === 'max_length')) {
    return fail('payload_too_large', 'A field is longer than allowed.', details);
  }
  return fail('invalid_payload', `Invalid payload: ${details.map((d) => `${d.path || '(root)'} ${d.message}`).join('; ')}`, details);
}
