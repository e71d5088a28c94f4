/**
 * The stream's encoding (SPEC.md C-4): a batch of events as JSON, gzip-compressed with the
 * browser's own `CompressionStream` (no library bytes), cut into parts below the frame limit.
 * The console uses {@link decodeBatch} with `DecompressionStream`, bounded so a hostile stream
 * cannot exhaust its memory.
 */
import { COBROWSE_LIMITS } from '../protocol/cobrowse.js';

/** Largest decompressed batch the console accepts (a 50,000-element page is ~10 MB of JSON). */
export const MAX_BATCH_JSON_BYTES = 64 * 1024 * 1024;

async function pipe(bytes: Uint8Array, transform: TransformStream<Uint8Array, Uint8Array>, limit: number): Promise<Uint8Array> {
  const reader = new Blob([bytes as BlobPart]).stream().pipeThrough(transform).getReader();
  const parts: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      throw new Error('The batch is larger than allowed.');
    }
    parts.push(value);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.byteLength;
  }
  return out;
}

/** Gzips a JSON-serialisable batch. */
export function encodeBatch(events: readonly unknown[]): Promise<Uint8Array> {
  const json = new TextEncoder().encode(JSON.stringify(events));
  return pipe(json, new CompressionStream('gzip') as TransformStream<Uint8Array, Uint8Array>, Number.POSITIVE_INFINITY);
}

/** Gunzips and parses a batch; throws on corrupt, oversized or non-array data. */
export async function decodeBatch(bytes: Uint8Array): Promise<unknown[]> {
  const json = await pipe(bytes, new DecompressionStream('gzip') as TransformStream<Uint8Array, Uint8Array>, MAX_BATCH_JSON_BYTES);
  const parsed: unknown = JSON.parse(new TextDecoder().decode(json));
  if (!Array.isArray(parsed)) throw new Error('A batch must be an array of events.');
  return parsed as unknown[];
}

/** Cuts compressed bytes into parts of at most `size` bytes (at least one part). */
export function cutParts(bytes: Uint8Array, size: number = COBROWSE_LIMITS.frameBytes): Uint8Array[] {
  const parts: Uint8Array[] = [];
  for (let at = 0; at < bytes.byteLength; at += size) parts.push(bytes.subarray(at, at + size));
  return parts.length > 0 ? parts : [bytes];
}

/** Joins parts back together, in order. */
export function joinParts(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.byteLength, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.byteLength;
  }
  return out;
}
