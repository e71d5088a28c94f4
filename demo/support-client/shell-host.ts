/**
 * The shells the technician opened on this computer, and their output on its way to the server
 * (E-15): each shell's output is numbered and buffered (`shell-output.ts`), sent one chunk at a time
 * in order, and kept over a lost connection. The shells outlive it for a grace period; after a
 * rejoin the unconfirmed output goes again, and a console that missed some asks for it again.
 */
import type { Result, ShellEndReason } from '../../src/protocol/index.js';
import { openShell, type Shell } from './shell.js';
import { ackOutput, appendOutput, chunkAfter, emptyOutput, SHELL_GRACE_MS, shellFate, type OutputBuffer } from './shell-output.js';

/** How the host talks to the server. */
export interface ShellLine {
  output(p: { shellId: string; seq: number; data: string }): Promise<Result<null>>;
  exited(p: { shellId: string; code: number | null; reason: ShellEndReason }): Promise<Result<null>>;
  say(text: string): void;
}

/** The clock the grace period runs on (a test moves it by hand). */
export interface GraceClock {
  now(): number;
  /** Calls `fn` after `ms`; answers how to cancel it. */
  after(ms: number, fn: () => void): () => void;
}

const realClock: GraceClock = {
  now: () => Date.now(),
  after(ms, fn) {
    const t = setTimeout(fn, ms);
    return () => clearTimeout(t);
  },
};

interface Hosted {
  shell: Shell;
  out: OutputBuffer;
  /** The highest seq handed to the server on this connection. */
  sent: number;
  pumping: boolean;
  /** Set once the shell ended; reported after its last output. */
  exit: { code: number | null; reason: ShellEndReason } | null;
  /** Why the client is ending it, if it is. */
  ending: ShellEndReason | null;
}

/** The shells of one support client. */
export class ShellHost {
  readonly #shells = new Map<string, Hosted>();
  #online = true;
  /** Counts rejoins: an answer from before one says nothing about the new connection. */
  #epoch = 0;
  #lostAt: number | null = null;
  #cancelGrace: (() => void) | null = null;

  constructor(
    private readonly line: ShellLine,
    private readonly graceMs: number = SHELL_GRACE_MS,
    private readonly clock: GraceClock = realClock,
  ) {}

  /** Starts a shell; resolves whether it is a real PTY. */
  async open(shellId: string, cols: number, rows: number, usePty: boolean): Promise<boolean> {
    // The shell may print before `openShell` resolves: that output waits for the record.
    const box: { hosted?: Hosted; early: string[] } = { early: [] };
    const shell = await openShell(
      cols,
      rows,
      {
        data: (text) => {
          if (box.hosted) this.#printed(shellId, box.hosted, text);
          else box.early.push(text);
        },
        exit: (code) => {
          if (!box.hosted) return;
          box.hosted.exit = { code, reason: box.hosted.ending ?? 'exited' };
          void this.#pump(shellId);
        },
      },
      usePty,
    );
    const hosted: Hosted = { shell, out: emptyOutput(), sent: 0, pumping: false, exit: null, ending: null };
    box.hosted = hosted;
    this.#shells.set(shellId, hosted);
    for (const text of box.early) this.#printed(shellId, hosted, text);
    return shell.pty;
  }

  write(shellId: string, data: string): void {
    const h = this.#shells.get(shellId);
    if (h && !h.exit) h.shell.write(data);
  }

  resize(shellId: string, cols: number, rows: number): void {
    const h = this.#shells.get(shellId);
    if (h && !h.exit) h.shell.resize(cols, rows);
  }

  /** A console asks for the output after `afterSeq` again; false when the shell is gone. */
  replay(shellId: string, afterSeq: number): boolean {
    const h = this.#shells.get(shellId);
    if (!h || h.exit) return false;
    h.sent = Math.min(h.sent, afterSeq);
    void this.#pump(shellId);
    return true;
  }

  /** The connection was lost: the shells keep running, their output waits, for the grace period. */
  offline(now: number): void {
    if (!this.#online) return;
    this.#online = false;
    this.#lostAt = now;
    if (this.#shells.size === 0) return;
    this.line.say(`The command shell keeps running for ${Math.round(this.graceMs / 1000)} s while the connection comes back.`);
    this.#cancelGrace = this.clock.after(this.graceMs, () => {
      const fate = shellFate({ lostAt: this.#lostAt, now: this.clock.now(), rejoined: null }, this.graceMs);
      if (typeof fate === 'object') this.end(fate.end);
    });
  }

  /**
   * The client rejoined, still allowed `granted`: the shells go on (their unconfirmed output is
   * sent again), or end if the visitor no longer allows the shell.
   */
  online(granted: readonly string[]): void {
    this.#cancelGrace?.();
    this.#cancelGrace = null;
    const wasOffline = !this.#online;
    this.#online = true;
    this.#epoch++;
    this.#lostAt = null;
    const fate = shellFate({ lostAt: null, now: this.clock.now(), rejoined: { granted } });
    if (typeof fate === 'object') this.end(fate.end);
    for (const [id, h] of this.#shells) {
      // A pump waiting for an answer rewinds itself once it has it (see #pump).
      if (!h.pumping) h.sent = h.out.acked;
      if (wasOffline && !h.exit) this.line.say('The command shell is back with the technician.');
      void this.#pump(id);
    }
  }

  /** Ends every shell, to be reported as `reason` (E-15: the grace ran out, or the shell is no longer allowed). */
  end(reason: ShellEndReason): void {
    const running = [...this.#shells.values()].filter((h) => !h.exit);
    if (running.length === 0) return;
    this.line.say(
      reason === 'connection_lost'
        ? `The command shell was ended: the connection did not come back within ${Math.round(this.graceMs / 1000)} s.`
        : 'The command shell was ended: it is no longer allowed.',
    );
    for (const h of running) {
      h.ending = reason;
      h.shell.kill();
    }
  }

  /** Ends every shell without reporting (the client or the connection is over). */
  killAll(): void {
    this.#cancelGrace?.();
    this.#cancelGrace = null;
    for (const h of this.#shells.values()) h.shell.kill();
    this.#shells.clear();
  }

  #printed(shellId: string, h: Hosted, text: string): void {
    h.out = appendOutput(h.out, text);
    void this.#pump(shellId);
  }

  /** Sends the shell's next chunks in order, one at a time, then its exit once all output is confirmed. */
  async #pump(shellId: string): Promise<void> {
    const h = this.#shells.get(shellId);
    if (!h || h.pumping) return;
    h.pumping = true;
    try {
      while (this.#online) {
        const next = chunkAfter(h.out, h.sent);
        const epoch = this.#epoch;
        // Refused on the same live connection (e.g. no longer allowed) is final; lost on the way goes again.
        const settled = (ok: boolean) => ok || (epoch === this.#epoch && this.#online);
        if (next) {
          h.sent = next.seq;
          const r = await this.line.output({ shellId, seq: next.seq, data: next.data });
          if (settled(r.ok)) h.out = ackOutput(h.out, next.seq);
          // Rejoined meanwhile: go on from the first chunk the server did not confirm.
          if (epoch !== this.#epoch) h.sent = h.out.acked;
          continue;
        }
        if (h.exit && this.#online) {
          const r = await this.line.exited({ shellId, ...h.exit });
          if (settled(r.ok)) this.#shells.delete(shellId);
          else continue;
        }
        break;
      }
    } finally {
      h.pumping = false;
    }
    // Output or an exit may have come while the last answer was awaited.
    if (this.#online && this.#shells.get(shellId) === h && (chunkAfter(h.out, h.sent) || h.exit)) void this.#pump(shellId);
  }
}
