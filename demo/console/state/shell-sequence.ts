/**
 * The console's side of numbered shell output (E-15): after a lost connection the client sends
 * chunks again, so the terminal writes each seq once, in order, and says where output was lost
 * (the client's buffer is bounded). A plain function over the last seq written.
 */

/** What the terminal writes for a chunk, and the seq it has shown up to. */
export interface Accepted {
  lastSeq: number;
  /** Null: already shown. */
  text: string | null;
}

/** The notice written where chunks are missing. */
export const LOST_OUTPUT = '\r\n[… some output was lost while the connection was down …]\r\n';

/** Takes chunk `seq` after `lastSeq`: a duplicate is dropped, a gap is marked. */
export function acceptOutput(lastSeq: number, seq: number, data: string): Accepted {
  if (seq <= lastSeq) return { lastSeq, text: null };
  return { lastSeq: seq, text: seq === lastSeq + 1 ? data : LOST_OUTPUT + data };
}
