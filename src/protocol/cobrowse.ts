/**
 * The co-browse part of the wire contract (SPEC.md C-*): the widget streams rrweb events as
 * compressed binary frames, the server relays them to the session's technicians only while the
 * visitor's `view` grant stands, and consoles ask for a fresh full snapshot when they start watching.
 */
import * as v from 'valibot';
import { decodeWireFrame } from './cobrowse-wire.js';

export { encodeWireFrame as encodeCobrowseFrame, type FrameEncoding } from './cobrowse-wire.js';

/** Limits of the co-browse stream; socket.io closes a connection on any message above 1 MB. */
export const COBROWSE_LIMITS = {
  /** Bytes of compressed data in one frame; a bigger batch is cut into parts (C-4). */
  frameBytes: 192 * 1024,
  /** Parts of one batch: 256 x 192 kB = 48 MB compressed is more than any page needs. */
  parts: 256,
} as const;

/**
 * Per-event byte limits above the default {@link LIMITS.eventBytes}, for events that carry binary
 * frames. Binary counts as its byte length.
 */
export const EVENT_BYTE_LIMITS: Readonly<Record<string, number>> = {
  'cobrowse:events': COBROWSE_LIMITS.frameBytes + 1024,
};

const Id = v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be an id'));
const Count = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(Number.MAX_SAFE_INTEGER));

/** Compressed bytes: a `Uint8Array` (Node's `Buffer` is one) or an `ArrayBuffer`, not empty, bounded. */
export const FrameDataSchema = v.custom<Uint8Array | ArrayBuffer>((x) => {
  const bytes = x instanceof Uint8Array || x instanceof ArrayBuffer ? x.byteLength : -1;
  return bytes > 0 && bytes <= COBROWSE_LIMITS.frameBytes;
}, `must be binary data of 1 to ${COBROWSE_LIMITS.frameBytes} bytes`);

/** A frame's fields once its binary header is read (see cobrowse-wire.ts). */
const FrameFieldsSchema = v.pipe(
  v.strictObject({
    sessionId: Id,
    recording: Id,
    batch: Count,
    part: v.pipe(v.number(), v.integer(), v.minValue(0)),
    parts: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(COBROWSE_LIMITS.parts)),
    full: v.boolean(),
    encoding: v.picklist(['gzip', 'chained']),
    data: FrameDataSchema,
  }),
  v.check((f) => f.part < f.parts, 'part must be below parts'),
);

/**
 * `cobrowse:events`: one part of a batch of rrweb events, sent as one binary frame (header and
 * compressed bytes, see {@link encodeWireFrame}); the batch is a compressed JSON array cut into
 * `parts` pieces. `recording` is new each time the widget starts recording (a page load, a new
 * grant); `full` marks a batch that begins with a full snapshot, where a new watcher can start.
 * Validation reads the header, so handlers get the fields.
 */
export const CobrowseFrameSchema = v.pipe(
  v.custom<Uint8Array | ArrayBuffer>((x) => x instanceof Uint8Array || x instanceof ArrayBuffer, 'must be a binary co-browse frame'),
  v.rawTransform(({ dataset, addIssue, NEVER }) => {
    const decoded = decodeWireFrame(dataset.value);
    if (typeof decoded === 'string') {
      addIssue({ message: decoded });
      return NEVER;
    }
    const checked = v.safeParse(FrameFieldsSchema, decoded);
    if (!checked.success) {
      for (const issue of checked.issues) addIssue({ message: `${v.getDotPath(issue) ?? 'frame'}: ${issue.message}` });
      return NEVER;
    }
    return checked.output;
  }),
);

/** Decodes a frame that a console received, checked like the server checks it; null if malformed. */
export function readCobrowseFrame(bytes: unknown): CobrowseFrame | null {
  const r = v.safeParse(CobrowseFrameSchema, bytes);
  return r.success ? r.output : null;
}

/** `cobrowse:watch`, `cobrowse:unwatch` and `cobrowse:snapshot` from the console. */
export const CobrowseTargetSchema = v.strictObject({ sessionId: Id });

const Coordinate = v.pipe(v.number(), v.finite(), v.minValue(-100_000), v.maxValue(100_000));
const NodeId = v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(Number.MAX_SAFE_INTEGER));

/** `cobrowse:pointer`: where the technician points, in the visitor's page coordinates (CSS px of the viewport). */
export const CobrowsePointerSchema = v.strictObject({ sessionId: Id, x: Coordinate, y: Coordinate });

/** `cobrowse:highlight`: the element to outline, by its id in the recording (C-11). */
export const CobrowseHighlightSchema = v.strictObject({ sessionId: Id, nodeId: NodeId });

/** The technician's pointer, as the widget hears it. */
export interface CobrowsePointer {
  sessionId: string;
  technician: string;
  x: number;
  y: number;
}

/** An element to outline, as the widget hears it. */
export interface CobrowseHighlight {
  sessionId: string;
  technician: string;
  nodeId: number;
}

/** One part of a batch, decoded; on the wire it is {@link encodeCobrowseFrame}'s bytes. */
export type CobrowseFrame = v.InferOutput<typeof CobrowseFrameSchema>;

/** Why a console stopped receiving a stream. */
export type CobrowseStopReason = 'left' | 'revoked' | 'closed' | 'removed';

/** `cobrowse:stopped`: the stream of a session ended for this console. */
export interface CobrowseStopped {
  sessionId: string;
  reason: CobrowseStopReason;
}

/** What `cobrowse:watch` answers: whether the visitor has a widget online to stream from. */
export interface CobrowseWatching {
  sessionId: string;
  visitorOnline: boolean;
}
