/**
 * Validation at the edge: every inbound payload, socket or HTTP, passes through {@link validate}
 * before any service sees it.
 */
import * as v from 'valibot';
import { fail, ok, type Result } from '../../src/protocol/index.js';

/**
 * Serialised size of a payload in bytes; binary parts (socket.io attachments) count as their byte
 * length; non-serialisable payloads count as infinite.
 */
function byteSize(payload: unknown): number {
  binaryBytes = 0;
  try {
    return Buffer.byteLength(JSON.stringify(payload, countBinary) ?? '') + binaryBytes;
  } catch {
    return Number.POSITIVE_INFINITY;
  }
}

// Module-level, not a closure per call: validation runs on every socket event.
let binaryBytes = 0;
/** `this[key]` is the value before its toJSON(), so a Buffer is seen as binary, not as a number list. */
function countBinary(this: Record<string, unknown>, key: string, value: unknown): unknown {
  const original = this[key];
  if (original instanceof ArrayBuffer || ArrayBuffer.isView(original)) {
    binaryBytes += original.byteLength;
    return 0;
  }
  return value;
}

/**
 * Checks size, then shape. A payload over `maxBytes`, or with a field over its length limit, is
 * `payload_too_large`; any other mismatch is `invalid_payload` with the failing paths in `details`.
 */
export function validate<S extends v.GenericSchema>(schema: S, payload: unknown, maxBytes: number): Result<v.InferOutput<S>> {
  const size = byteSize(payload);
  if (size > maxBytes) return fail('payload_too_large', `Payload is ${size} bytes; the limit is ${maxBytes}.`);
  const parsed = v.safeParse(schema, payload);
  if (parsed.success) return ok(parsed.output);
  const details = parsed.issues.map((i) => ({ path: v.getDotPath(i) ?? '', message: i.message }));
  if (parsed.issues.some((i) => i.type === 'max_length')) {
    return fail('payload_too_large', 'A field is longer than allowed.', details);
  }
  return fail('invalid_payload', `Invalid payload: ${details.map((d) => `${d.path || '(root)'} ${d.message}`).join('; ')}`, details);
}
