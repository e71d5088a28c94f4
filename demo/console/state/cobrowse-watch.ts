/**
 * The console's side of the co-browse stream (SPEC.md C-1, C-3): watching one session at a time
 * over the console socket, watching again after every reconnect (which brings a fresh snapshot),
 * and handing frames and stops to whoever shows them.
 */
import type { Socket } from 'socket.io-client';
import {
  fail,
  readCobrowseFrame,
  type CobrowseFrame,
  type CobrowseStopped,
  type ConsoleCommands,
  type ConsoleFacts,
  type ControlAction,
  type ControlOutcome,
  type Result,
} from '../../../src/protocol/index.js';
import { ask } from '../../../src/transport/ask.js';

/** Who receives the stream of the watched session. */
export interface CobrowseSink {
  frame(frame: CobrowseFrame): void;
  stopped(info: CobrowseStopped): void;
  /** The watch request was answered (again, after a reconnect). */
  watching(result: Result<{ visitorOnline: boolean }>): void;
}

type ConsoleSocket = Socket<ConsoleFacts, ConsoleCommands>;

/** Watches at most one session's stream. */
export class CobrowseWatch {
  #socket: ConsoleSocket | null = null;
  #current: { sessionId: string; sink: CobrowseSink } | null = null;

  /** Binds to the console socket; called once it exists. */
  bind(socket: ConsoleSocket): void {
    this.#socket = socket;
    socket.on('connect', () => void this.#watch());
    socket.on('cobrowse:events', (bytes) => {
      const frame = readCobrowseFrame(bytes);
      if (frame && frame.sessionId === this.#current?.sessionId) this.#current.sink.frame(frame);
    });
    socket.on('cobrowse:stopped', (info) => {
      if (info.sessionId === this.#current?.sessionId) this.#current.sink.stopped(info);
    });
  }

  /** Starts watching `sessionId` (and stops watching any other). */
  start(sessionId: string, sink: CobrowseSink): void {
    if (this.#current && this.#current.sessionId !== sessionId) this.stop(this.#current.sessionId);
    this.#current = { sessionId, sink };
    void this.#watch();
  }

  /** Stops watching `sessionId`, if it is the one watched. */
  stop(sessionId: string): void {
    if (this.#current?.sessionId !== sessionId) return;
    this.#current = null;
    void ask<ConsoleCommands, 'cobrowse:unwatch'>(this.#socket, 'cobrowse:unwatch', { sessionId });
  }

  /** Asks the visitor's widget for a new full snapshot. */
  refresh(): void {
    const id = this.#current?.sessionId;
    if (id) void ask<ConsoleCommands, 'cobrowse:snapshot'>(this.#socket, 'cobrowse:snapshot', { sessionId: id });
  }

  /** Shows the technician's pointer on the visitor's page, at the visitor's viewport coordinates (C-11). */
  pointer(x: number, y: number): void {
    const id = this.#current?.sessionId;
    if (id) void ask<ConsoleCommands, 'cobrowse:pointer'>(this.#socket, 'cobrowse:pointer', { sessionId: id, x, y });
  }

  /** Outlines the element with this recording id on the visitor's page (C-11). */
  highlight(nodeId: number): void {
    const id = this.#current?.sessionId;
    if (id) void ask<ConsoleCommands, 'cobrowse:highlight'>(this.#socket, 'cobrowse:highlight', { sessionId: id, nodeId });
  }

  /** Clicks, types or scrolls on the element with this id in `recording` of the visitor's page (C-12). */
  control(recording: string, nodeId: number, action: ControlAction): Promise<Result<ControlOutcome>> {
    const id = this.#current?.sessionId;
    if (!id) return Promise.resolve(fail('forbidden', 'Not watching any session.'));
    return ask<ConsoleCommands, 'cobrowse:control'>(this.#socket, 'cobrowse:control', { sessionId: id, recording, nodeId, action });
  }

  async #watch(): Promise<void> {
    const current = this.#current;
    if (!current || !this.#socket?.connected) return;
    const r = await ask<ConsoleCommands, 'cobrowse:watch'>(this.#socket, 'cobrowse:watch', { sessionId: current.sessionId });
    if (this.#current === current) current.sink.watching(r);
  }
}
