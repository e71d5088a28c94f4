/**
 * A shell's output on the client, kept so that a lost connection loses none of it (E-15): numbered
 * chunks in a bounded buffer, sent one at a time in order, and sent again after the connection came
 * back (from the first the server did not confirm) or when a console asks for them again. Plain
 * functions over immutable values; the session drives them.
 */
import { CLIENT_LIMITS } from '../../src/protocol/index.js';

/** One numbered piece of output. */
export interface OutputChunk {
  seq: number;
  data: string;
}

/** A shell's recent output and how far the server confirmed it. */
export interface OutputBuffer {
  /** Oldest first; seqs are consecutive. */
  readonly chunks: readonly OutputChunk[];
  /** Characters held in `chunks`. */
  readonly chars: number;
  /** The seq the next chunk gets. */
  readonly nextSeq: number;
  /** The highest seq the server acknowledged (0: none). */
  readonly acked: number;
}

/** How much output a shell keeps for replays: beyond it the oldest chunks go. */
export const OUTPUT_BUFFER_CHARS = 256 * 1024;

/** Characters of one chunk (the protocol allows 8 KiB). */
export const CHUNK_CHARS = 4096;

/** An empty buffer. */
export const emptyOutput = (): OutputBuffer => ({ chunks: [], chars: 0, nextSeq: 1, acked: 0 });

/**
 * Adds output: cut into chunks of at most `chunkChars`, the oldest dropped while more than
 * `capacity` characters are held. Unconfirmed chunks go too when the output outruns the buffer
 * (the console then shows that some was lost), so a shell printing while nobody listens cannot
 * grow the client's memory.
 */
export function appendOutput(buf: OutputBuffer, text: string, capacity = OUTPUT_BUFFER_CHARS, chunkChars = CHUNK_CHARS): OutputBuffer {
  if (!text) return buf;
  const chunks = [...buf.chunks];
  let { chars, nextSeq } = buf;
  for (let i = 0; i < text.length; i += chunkChars) {
    const data = text.slice(i, i + chunkChars);
    chunks.push({ seq: nextSeq++, data });
    chars += data.length;
  }
  let drop = 0;
  while (chars > capacity && drop < chunks.length - 1) chars -= chunks[drop++].data.length;
  return { ...buf, chunks: chunks.slice(drop), chars, nextSeq };
}

/** Marks the chunks up to `seq` as confirmed by the server. */
export function ackOutput(buf: OutputBuffer, seq: number): OutputBuffer {
  return seq > buf.acked ? { ...buf, acked: seq } : buf;
}

/** The first chunk after `seq` still held, if any (the next to send). */
export function chunkAfter(buf: OutputBuffer, seq: number): OutputChunk | undefined {
  return buf.chunks.find((c) => c.seq > seq);
}

/** True when the server has every chunk. */
export const allAcked = (buf: OutputBuffer): boolean => buf.acked >= buf.nextSeq - 1;

/** How long a shell outlives a lost connection while the client tries to rejoin. */
export const SHELL_GRACE_MS = CLIENT_LIMITS.shellGraceMs;

/** What the client knows about its connection, for {@link shellFate}. */
export interface ConnectionState {
  /** When the connection was lost (null: connected). */
  lostAt: number | null;
  now: number;
  /** The rejoin's answer once there is one: the capabilities the visitor still allows, or refused. */
  rejoined: { granted: readonly string[] } | 'refused' | null;
}

/** What becomes of the shells kept over a lost connection. */
export type ShellFate = 'keep' | 'wait' | { end: 'connection_lost' | 'not_allowed' };

/**
 * E-15: shells outlive a lost connection for {@link SHELL_GRACE_MS}; after that, or when the rejoin
 * was refused (session closed, escalation withdrawn, client replaced) or the visitor no longer
 * allows the shell, they end.
 */
export function shellFate(s: ConnectionState, graceMs: number = SHELL_GRACE_MS): ShellFate {
  if (s.rejoined === 'refused') return { end: 'not_allowed' };
  if (s.rejoined) return s.rejoined.granted.includes('shell') ? 'keep' : { end: 'not_allowed' };
  if (s.lostAt === null) return 'keep';
  return s.now - s.lostAt >= graceMs ? { end: 'connection_lost' } : 'wait';
}
