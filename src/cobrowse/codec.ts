/**
 * The stream's encoding (SPEC.md C-4): a batch of events as JSON, compressed, cut into parts below
 * the frame limit. Full snapshots and big batches are gzipped by the browser's `CompressionStream`,
 * off the main thread. Small batches (most of a live stream: a text change, a scroll, mouse moves)
 * are deflated by fflate against a preset dictionary of the JSON sent just before them
 * ({@link HISTORY_BYTES}), so their repeated structure costs nearly nothing: on the bench's
 * stream that is ~45 bytes a batch instead of ~210 for gzip alone. Encoder and decoder keep the same
 * history, restarted by every full batch. (A long-lived deflate stream with a sync flush per batch
 * would do the same with less work, but `CompressionStream` cannot flush and fflate 0.8.3's
 * `flush(true)` writes misaligned blocks.) The console decodes bounded, so a hostile stream cannot
 * exhaust its memory.
 */
import { deflateSync, Inflate } from 'fflate';
import { COBROWSE_LIMITS, type FrameEncoding } from '../protocol/cobrowse.js';

/**
 * How much of the recent JSON serves as the dictionary of the next chained batch. Every batch
 * hashes the whole dictionary again on the main thread; on the bench's stream 4 kB compresses as
 * well as 8 or 32 kB (25.3 kB/min either way) at half the cost of 8.
 */
export const HISTORY_BYTES = 4 * 1024;
/** Batches above this much JSON go to `CompressionStream` instead, keeping the main thread free. */
export const CHAINED_MAX_BYTES = 32 * 1024;

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

const gzip = (json: Uint8Array) =>
  pipe(json, new CompressionStream('gzip') as TransformStream<Uint8Array, Uint8Array>, Number.POSITIVE_INFINITY);

/** Gzips a JSON-serialisable batch. */
export function encodeBatch(events: readonly unknown[]): Promise<Uint8Array> {
  return gzip(new TextEncoder().encode(JSON.stringify(events)));
}

function parseBatch(json: Uint8Array): unknown[] {
  const parsed: unknown = JSON.parse(new TextDecoder().decode(json));
  if (!Array.isArray(parsed)) throw new Error('A batch must be an array of events.');
  return parsed as unknown[];
}

/** Gunzips and parses a batch; throws on corrupt, oversized or non-array data. */
export async function decodeBatch(bytes: Uint8Array): Promise<unknown[]> {
  return parseBatch(await pipe(bytes, new DecompressionStream('gzip') as TransformStream<Uint8Array, Uint8Array>, MAX_BATCH_JSON_BYTES));
}

/** The last {@link HISTORY_BYTES} of `history` followed by `json`. */
function remember(history: Uint8Array, json: Uint8Array): Uint8Array {
  if (json.byteLength >= HISTORY_BYTES) return json.slice(json.byteLength - HISTORY_BYTES);
  const keep = Math.min(history.byteLength, HISTORY_BYTES - json.byteLength);
  const out = new Uint8Array(keep + json.byteLength);
  out.set(history.subarray(history.byteLength - keep));
  out.set(json, keep);
  return out;
}

/** Compresses one recording's batches, in order (the history makes each depend on those before). */
export class BatchEncoder {
  #history: Uint8Array = new Uint8Array(0);

  /** Encodes the next batch; `full` (a snapshot) restarts the history. */
  async encode(events: readonly unknown[], full: boolean): Promise<{ encoding: FrameEncoding; bytes: Uint8Array }> {
    const json = new TextEncoder().encode(JSON.stringify(events));
    const history: Uint8Array = full ? new Uint8Array(0) : this.#history;
    this.#history = remember(history, json);
    if (full || json.byteLength > CHAINED_MAX_BYTES) return { encoding: 'gzip', bytes: await gzip(json) };
    return { encoding: 'chained', bytes: deflateSync(json, { level: 6, dictionary: history }) };
  }
}

/** Inflates raw deflate against `dictionary`, a slice at a time so output stays within `limit`. */
function inflateBounded(bytes: Uint8Array, dictionary: Uint8Array, limit: number): Uint8Array {
  const parts: Uint8Array[] = [];
  let size = 0;
  let done = false;
  const inflate = new Inflate({ dictionary }, (chunk, final) => {
    size += chunk.byteLength;
    if (size > limit) throw new Error('The batch is larger than allowed.');
    parts.push(chunk);
    done ||= final;
  });
  const SLICE = 16 * 1024;
  for (let at = 0; at < bytes.byteLength; at += SLICE) {
    inflate.push(bytes.subarray(at, at + SLICE), at + SLICE >= bytes.byteLength);
  }
  if (!done) throw new Error('The batch is cut short.');
  return joinParts(parts);
}

/**
 * Decodes one recording's batches, in order and without gaps from a full batch on (the frame
 * assembler sees to that). Throws on corrupt, oversized or non-array data, and on a chained batch
 * without the history it needs.
 */
export class BatchDecoder {
  #history: Uint8Array | null = null;

  /** Decodes the next batch. */
  async decode(batch: { full: boolean; encoding: FrameEncoding; bytes: Uint8Array }): Promise<unknown[]> {
    const history = batch.full ? new Uint8Array(0) : this.#history;
    if (history === null) throw new Error('A chained batch came without the batches before it.');
    this.#history = null;
    let json: Uint8Array;
    if (batch.encoding === 'gzip') {
      json = await pipe(batch.bytes, new DecompressionStream('gzip') as TransformStream<Uint8Array, Uint8Array>, MAX_BATCH_JSON_BYTES);
    } else json = inflateBounded(batch.bytes, history, MAX_BATCH_JSON_BYTES);
    const events = parseBatch(json);
    this.#history = remember(history, json);
    return events;
  }
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
