/**
 * A visitor for the load bench that is not a page: a socket.io client on the widget namespace
 * (handshake, `session:join` by link, `permission:answer`, `cobrowse:events` with acks, as the
 * widget speaks them) that sends a stream the real recorder produced on a real page, batch for
 * batch at the moments they were made. The server and the console cannot tell it from a page, and
 * it costs the bench no renderer: on a 2-core machine 50 Chromium pages starve each other (and the
 * server) of CPU, which a real deployment, one visitor per computer, never sees.
 */
import { io, type Socket } from 'socket.io-client';
import { encodeCobrowseFrame, PROTOCOL_VERSION, type CobrowseFrame } from '../../src/protocol/index.js';

/** One batch the recorder sent: its parts, and when it left relative to the first live batch. */
export interface RecordedBatch {
  at: number;
  frames: CobrowseFrame[];
}

/** A real page's stream: the snapshot batch a new watcher gets, then the live batches in order. */
export interface RecordedStream {
  snapshot: CobrowseFrame[];
  live: RecordedBatch[];
}

const ask = <T>(s: Socket, event: string, payload: unknown) =>
  new Promise<T>((resolve, reject) => {
    s.timeout(60_000).emit(event, payload, (err: Error | null, r: { ok: boolean; value: T; message?: string }) =>
      err ? reject(err) : r.ok ? resolve(r.value) : reject(new Error(r.message)),
    );
  });

/** A widget connection replaying {@link RecordedStream} into its own session. */
export class StreamedVisitor {
  /** When each live batch number was handed to socket.io (Date.now()). */
  readonly sentAt = new Map<number, number>();
  #timers: ReturnType<typeof setTimeout>[] = [];

  private constructor(
    readonly socket: Socket,
    readonly sessionId: string,
    readonly stream: RecordedStream,
  ) {
    // C-3: a watcher asks for a snapshot; the recorded one is this stream's start.
    socket.on('cobrowse:snapshot', () => this.#send(stream.snapshot));
  }

  /** Connects as a new visitor of channel `demo` and joins the session behind invitation `link`. */
  static async join(url: string, link: string, stream: RecordedStream): Promise<StreamedVisitor> {
    const socket = await new Promise<Socket>((resolve, reject) => {
      const s = io(`${url}/widget`, {
        transports: ['websocket'],
        reconnection: false,
        auth: { protocol: PROTOCOL_VERSION, channel: 'demo' },
      });
      s.once('connect', () => resolve(s));
      s.once('connect_error', reject);
    });
    const token = new URL(link).searchParams.get('porthole');
    const joined = await ask<{ session: { id: string } }>(socket, 'session:join', { link: token });
    return new StreamedVisitor(socket, joined.session.id, stream);
  }

  /** Allows the technician's `view` request, as the visitor's Allow would. */
  allow(permissionId: string): Promise<unknown> {
    return ask(this.socket, 'permission:answer', { permissionId, allow: true });
  }

  #send(frames: CobrowseFrame[]): void {
    for (const f of frames) this.socket.emit('cobrowse:events', encodeCobrowseFrame({ ...f, sessionId: this.sessionId }), () => undefined);
  }

  /**
   * Sends the live batches at their recorded moments, `offset` ms from now; resolves after the
   * last with how many of them were not snapshots (the ones a watcher measures).
   */
  play(offset: number): Promise<number> {
    return new Promise((resolve) => {
      const { live } = this.stream;
      const measured = live.filter((b) => !b.frames[0].full).length;
      if (live.length === 0) return resolve(0);
      live.forEach((b, i) => {
        this.#timers.push(
          setTimeout(() => {
            if (!b.frames[0].full) this.sentAt.set(b.frames[0].batch, Date.now());
            this.#send(b.frames);
            if (i === live.length - 1) resolve(measured);
          }, offset + b.at),
        );
      });
    });
  }

  close(): void {
    for (const t of this.#timers) clearTimeout(t);
    this.socket.disconnect();
  }
}
