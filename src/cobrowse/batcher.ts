/**
 * Batches recorded events and sends them as frames (SPEC.md C-4): events wait up to
 * {@link BATCH_MS} (or until {@link BATCH_EVENTS} pile up), then go as one compressed batch cut
 * into parts. A full snapshot starts a batch of its own, marked `full`, and is sent at once.
 * Batches are encoded one after the other, so frames leave in the order events happened (the
 * encoder's history needs that too).
 */
import type { CobrowseFrame } from '../protocol/cobrowse.js';
import { BatchEncoder, cutParts } from './codec.js';

/** How long an event may wait for others before its batch is sent. */
export const BATCH_MS = 30;
/** A batch is sent early once this many events wait. */
export const BATCH_EVENTS = 500;

const META = 4;
const FULL_SNAPSHOT = 2;

/** Where frames go; the batcher does not wait for acks, socket.io keeps the order. */
export type FrameSink = (frame: CobrowseFrame) => void;

/** Collects events into batches and turns batches into frames. */
export class Batcher {
  #events: { type: number }[] = [];
  #full = false;
  #batch = 0;
  #timer: ReturnType<typeof setTimeout> | null = null;
  #queue: Promise<void> = Promise.resolve();
  #stopped = false;
  readonly #encoder = new BatchEncoder();

  constructor(
    private readonly sessionId: string,
    private readonly recording: string,
    private readonly sink: FrameSink,
  ) {}

  /** Adds one (already scrubbed) event. */
  push(event: { type: number }): void {
    if (this.#stopped) return;
    // rrweb emits Meta then FullSnapshot: they open a batch a new watcher can start from.
    if (event.type === META) {
      this.flush();
      this.#full = true;
    }
    this.#events.push(event);
    if (event.type === FULL_SNAPSHOT || this.#events.length >= BATCH_EVENTS) this.flush();
    else this.#timer ??= setTimeout(() => this.flush(), BATCH_MS);
  }

  /** Sends what waits now. */
  flush(): void {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
    if (this.#events.length === 0) return;
    const events = this.#events;
    const full = this.#full;
    const batch = this.#batch++;
    this.#events = [];
    this.#full = false;
    this.#queue = this.#queue.then(async () => {
      const { encoding, bytes } = await this.#encoder.encode(events, full);
      if (this.#stopped) return;
      const parts = cutParts(bytes);
      parts.forEach((data, part) =>
        this.sink({ sessionId: this.sessionId, recording: this.recording, batch, part, parts: parts.length, full, encoding, data }),
      );
    });
    this.#queue = this.#queue.catch(() => undefined);
  }

  /** Drops what waits and sends nothing more, not even batches being compressed. */
  stop(): void {
    this.#stopped = true;
    if (this.#timer) clearTimeout(this.#timer);
    this.#events = [];
  }
}
