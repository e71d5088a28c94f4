/**
 * Puts the parts of each batch back together (SPEC.md C-4). Frames of one recording arrive in
 * order; a batch whose parts stop coming is dropped when a later one completes, and nothing counts
 * until a `full` batch (a snapshot) arrives, so a late watcher starts on a whole page.
 */
import type { CobrowseFrame } from '../../../src/protocol/index.js';
import { joinParts } from '../../../src/cobrowse/codec.js';

/** A whole batch: its compressed bytes and whether it starts with a full snapshot. */
export interface Batch {
  recording: string;
  batch: number;
  full: boolean;
  bytes: Uint8Array;
}

const asBytes = (data: Uint8Array | ArrayBuffer) => (data instanceof Uint8Array ? data : new Uint8Array(data));

/** Collects frames into batches. */
export class FrameAssembler {
  #recording = '';
  #started = false;
  #open: { batch: number; full: boolean; parts: (Uint8Array | undefined)[]; have: number } | null = null;

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
      if (frame.part !== 0) return null; // The start of this batch was lost.
      this.#open = { batch: frame.batch, full: frame.full, parts: new Array<Uint8Array | undefined>(frame.parts), have: 0 };
    }
    const open = this.#open;
    if (!open) return null;
    if (frame.parts !== open.parts.length || open.parts[frame.part]) return null;
    open.parts[frame.part] = asBytes(frame.data);
    open.have++;
    if (open.have < open.parts.length) return null;
    this.#open = null;
    this.#started = true;
    return { recording: frame.recording, batch: frame.batch, full: open.full, bytes: joinParts(open.parts as Uint8Array[]) };
  }

  /** Forgets everything; the next full batch starts again. */
  reset(): void {
    this.#recording = '';
    this.#started = false;
    this.#open = null;
  }
}
