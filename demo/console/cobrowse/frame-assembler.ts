/**
 * Puts the parts of each batch back together (SPEC.md C-4). Frames of one recording arrive in
 * order; nothing counts until a `full` batch (a snapshot) arrives, so a late watcher starts on a
 * whole page. A chained batch decodes only with every batch before it back to the last full one,
 * so after a lost batch (or one whose parts stop coming) everything waits for the next full batch.
 */
import type { CobrowseFrame, FrameEncoding } from '../../../src/protocol/index.js';
import { joinParts } from '../../../src/cobrowse/codec.js';

/** A whole batch: its compressed bytes and whether it starts with a full snapshot. */
export interface Batch {
  recording: string;
  batch: number;
  full: boolean;
  encoding: FrameEncoding;
  bytes: Uint8Array;
}

const asBytes = (data: Uint8Array | ArrayBuffer) => (data instanceof Uint8Array ? data : new Uint8Array(data));

/** Collects frames into batches. */
export class FrameAssembler {
  #recording = '';
  #started = false;
  /** The last batch completed since the last full one. */
  #last = -1;
  #open: { batch: number; full: boolean; encoding: FrameEncoding; parts: (Uint8Array | undefined)[]; have: number } | null = null;

  /** Adds a frame; returns the batch it completes, if any. */
  add(frame: CobrowseFrame): Batch | null {
    if (frame.recording !== this.#recording) {
      // A new page or a new grant: start over, from its first snapshot.
      this.#recording = frame.recording;
      this.#started = false;
      this.#open = null;
    }
    const continues = this.#open?.batch === frame.batch;
    if (!this.#started && !continues && !(frame.full && frame.part === 0)) return null;
    if (!continues) {
      if (frame.part !== 0 || (!frame.full && frame.batch !== this.#last + 1)) {
        // Something before this batch was lost: wait for the next snapshot.
        this.#started = false;
        this.#open = null;
        return null;
      }
      this.#open = {
        batch: frame.batch,
        full: frame.full,
        encoding: frame.encoding,
        parts: new Array<Uint8Array | undefined>(frame.parts),
        have: 0,
      };
    }
    const open = this.#open;
    if (!open) return null;
    if (frame.parts !== open.parts.length || open.parts[frame.part]) return null;
    open.parts[frame.part] = asBytes(frame.data);
    open.have++;
    if (open.have < open.parts.length) return null;
    this.#open = null;
    this.#started = true;
    this.#last = frame.batch;
    return {
      recording: frame.recording,
      batch: frame.batch,
      full: open.full,
      encoding: open.encoding,
      bytes: joinParts(open.parts as Uint8Array[]),
    };
  }

  /** Forgets everything; the next full batch starts again. */
  reset(): void {
    this.#recording = '';
    this.#started = false;
    this.#open = null;
  }
}
