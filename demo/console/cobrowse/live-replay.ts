/**
 * The live replay of one session's stream: frames in, rrweb's Replayer (live mode, in its sandboxed
 * iframe without scripts) out. Batches are reassembled, decompressed, cleaned by the stream guard
 * and fed to the Replayer in order; what the view shows (URL, viewport, last activity) is reported
 * back through {@link ReplayReport}. The Replayer's code is a lazy chunk (C-15), fetched as the
 * replay starts: batches that arrive meanwhile wait for it, in order.
 */
import type { CobrowseFrame } from '../../../src/protocol/index.js';
import { BatchDecoder } from '../../../src/cobrowse/codec.js';
import { FrameAssembler, type Batch } from './frame-assembler.js';
import { loadReplayer, type CreateReplayer, type ReplayerHost, type ReplayerLoad } from './replayer-loader.js';
import { guardEvent } from './stream-guard.js';

/** What the replay learned from the stream. */
export interface ReplayReport {
  /** A full snapshot is on screen (again). */
  snapshot(info: { href: string; width: number; height: number }): void;
  /** The viewport changed. */
  resized(width: number, height: number): void;
  /** Anything arrived. */
  activity(): void;
  /** The replayer's code: being fetched, ready, or not loadable (the view says so). */
  viewer(state: 'loading' | 'ready' | 'failed'): void;
}

type ReplayEvent = NonNullable<ReturnType<typeof guardEvent>>;

const META = 4;

/** Replays a stream into `root`. */
export class LiveReplay {
  readonly #assembler = new FrameAssembler();
  #decoder = new BatchDecoder();
  /** The recording the decoder's history belongs to (chained batches decode only against their own). */
  #decoding = '';
  #replayer: ReplayerHost | null = null;
  readonly #create: Promise<CreateReplayer | null>;
  #queue: Promise<void> = Promise.resolve();
  /** Smallest seen (console clock - visitor clock) at arrival: events play with the least latency. */
  #offset = Number.POSITIVE_INFINITY;
  #closed = false;
  #recording = '';

  constructor(
    private readonly root: HTMLElement,
    private readonly report: ReplayReport,
    load: ReplayerLoad = loadReplayer,
  ) {
    report.viewer('loading');
    this.#create = load().then(
      (create) => {
        if (!this.#closed) report.viewer('ready');
        return create;
      },
      () => {
        if (!this.#closed) report.viewer('failed');
        return null;
      },
    );
  }

  /** Adds one frame of the stream. */
  push(frame: CobrowseFrame): void {
    const batch = this.#assembler.add(frame);
    if (!batch) return;
    this.report.activity();
    const arrived = Date.now();
    this.#queue = this.#queue.then(() => this.#play(batch, arrived)).catch(() => undefined);
  }

  /** The recording's id of the element at viewport coordinates of the replayed page, if any. */
  nodeIdAt(x: number, y: number): number | null {
    return this.#replayer?.nodeIdAt(x, y) ?? null;
  }

  /** The replayed node with the recording's id (what the technician sees of it), if any. */
  node(id: number): Node | null {
    return this.#replayer?.node(id) ?? null;
  }

  /** The recording's id of a replayed node, or null. */
  idOf(node: Node): number | null {
    const id = this.#replayer?.idOf(node) ?? -1;
    return id > 0 ? id : null;
  }

  /** The recording on screen (its node ids are the ones control commands name), or '' before the first snapshot. */
  get recording(): string {
    return this.#recording;
  }

  /** Removes the replay. */
  close(): void {
    this.#closed = true;
    this.#replayer?.destroy();
    this.#replayer = null;
    this.root.replaceChildren();
  }

  async #play(batch: Batch, arrived: number): Promise<void> {
    if (batch.recording !== this.#decoding) {
      this.#decoding = batch.recording;
      this.#decoder = new BatchDecoder();
    }
    const raw = await this.#decoder.decode(batch);
    const create = await this.#create;
    if (this.#closed || !create) return;
    const events = raw.map(guardEvent).filter((e): e is ReplayEvent => e !== null);
    const last = events.at(-1);
    if (!last) return;
    this.#offset = Math.min(this.#offset, arrived - last.timestamp);
    for (const e of events) e.timestamp += this.#offset;
    // The replayer's clock starts now, on the console's clock that the timestamps were moved to: events
    // play as they arrive. (Starting at the first event's time delayed every later one by how long
    // the first snapshot took to record.)
    const replayer = (this.#replayer ??= create(this.root, Date.now(), (width, height) => this.report.resized(width, height)));
    if (batch.full) this.#recording = batch.recording;
    for (const e of events) {
      replayer.addEvent(e);
      if (e.type === META) {
        const d = e.data as { href: string; width: number; height: number };
        this.report.snapshot({ href: d.href, width: Number(d.width) || 0, height: Number(d.height) || 0 });
      }
    }
  }
}
