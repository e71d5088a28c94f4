/**
 * The binary layout of one `cobrowse:events` frame (SPEC.md C-4). The header rides inside the
 * binary attachment rather than as a JSON object beside it: at several small batches a second, a
 * JSON header cost more bytes than the compressed events themselves.
 *
 *   byte 0        format version (1)
 *   byte 1        flags: 1 full snapshot, 2 chained (else gzip alone), 4 session id is a UUID
 *   session id    16 bytes when a UUID, else 1 length byte + ASCII
 *   recording     1 length byte + ASCII
 *   batch, part, parts   unsigned LEB128 varints
 *   rest          the compressed bytes of this part
 */

/** How a batch's bytes are compressed. */
export type FrameEncoding = 'gzip' | 'chained';

/** One part of a batch, decoded. */
export interface WireFrame {
  sessionId: string;
  recording: string;
  batch: number;
  part: number;
  parts: number;
  full: boolean;
  /**
   * `gzip`: a gzip member of its own. `chained`: raw deflate against a preset dictionary made of the
   * JSON of the batches before it since the last full one, so small batches cost a few bytes each.
   */
  encoding: FrameEncoding;
  data: Uint8Array | ArrayBuffer;
}

const VERSION = 1;
const FULL = 1;
const CHAINED = 2;
const UUID = 4;
const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function pushVarint(out: number[], n: number): void {
  let v = n;
  while (v >= 0x80) {
    out.push((v % 0x80) | 0x80);
    v = Math.floor(v / 0x80);
  }
  out.push(v);
}

function pushAscii(out: number[], s: string): void {
  out.push(s.length);
  for (let i = 0; i < s.length; i++) out.push(s.charCodeAt(i) & 0x7f);
}

/** Encodes a frame for the wire. Ids must already be valid (short ASCII). */
export function encodeWireFrame(f: WireFrame): Uint8Array {
  const head: number[] = [VERSION, 0];
  const uuid = UUID_RE.test(f.sessionId);
  head[1] = (f.full ? FULL : 0) | (f.encoding === 'chained' ? CHAINED : 0) | (uuid ? UUID : 0);
  if (uuid) {
    const hex = f.sessionId.replaceAll('-', '');
    for (let i = 0; i < 32; i += 2) head.push(parseInt(hex.slice(i, i + 2), 16));
  } else pushAscii(head, f.sessionId);
  pushAscii(head, f.recording);
  pushVarint(head, f.batch);
  pushVarint(head, f.part);
  pushVarint(head, f.parts);
  const data = f.data instanceof Uint8Array ? f.data : new Uint8Array(f.data);
  const out = new Uint8Array(head.length + data.byteLength);
  out.set(head);
  out.set(data, head.length);
  return out;
}

/** Decodes a frame; answers a reason string for anything malformed. Ids and counts are checked by the schema. */
export function decodeWireFrame(input: Uint8Array | ArrayBuffer): WireFrame | string {
  const b = input instanceof Uint8Array ? input : new Uint8Array(input);
  let at = 2;
  const fail = 'is not a co-browse frame';
  if (b.byteLength < 2 || b[0] !== VERSION) return `${fail} (unknown version)`;
  const flags = b[1];
  if (flags > 7) return `${fail} (unknown flags)`;
  const ascii = (): string | null => {
    const n = b[at];
    if (n === undefined || at + 1 + n > b.byteLength) return null;
    let s = '';
    for (let i = 0; i < n; i++) s += String.fromCharCode(b[at + 1 + i]);
    at += 1 + n;
    return s;
  };
  const varint = (): number | null => {
    let n = 0;
    for (let scale = 1; scale <= 2 ** 49; scale *= 0x80) {
      const byte = b[at++];
      if (byte === undefined) return null;
      n += (byte & 0x7f) * scale;
      if (byte < 0x80) return n;
    }
    return null;
  };
  let sessionId: string | null;
  if (flags & UUID) {
    if (b.byteLength < at + 16) return `${fail} (short)`;
    const hex = Array.from(b.subarray(at, at + 16), (x) => x.toString(16).padStart(2, '0')).join('');
    sessionId = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
    at += 16;
  } else sessionId = ascii();
  const recording = ascii();
  const batch = varint();
  const part = varint();
  const parts = varint();
  if (sessionId === null || recording === null || batch === null || part === null || parts === null) return `${fail} (short)`;
  const encoding: FrameEncoding = flags & CHAINED ? 'chained' : 'gzip';
  return { sessionId, recording, batch, part, parts, full: (flags & FULL) !== 0, encoding, data: b.subarray(at) };
}
