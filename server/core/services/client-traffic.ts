/**
 * What the server remembers about live shell traffic between a console and a support client: the
 * shell journal behind the bounded activity entries (E-9). Process memory: with several server
 * processes, each summarises what passes through it (files are tracked in storage instead, see
 * `client-transfers.ts`).
 */
import { feedInput, feedOutput, type OutputSummary } from '../shell-log.js';

/** Bookkeeping of shells. */
export function clientTraffic() {
  const input = new Map<string, string>();
  const output = new Map<string, OutputSummary>();

  return {
    /** Adds keystrokes; answers the command lines they completed, each with the output summary before it. */
    typed(shellId: string, data: string): { lines: string[]; previousOutput: OutputSummary | null } {
      const fed = feedInput(input.get(shellId) ?? '', data);
      input.set(shellId, fed.pending);
      if (fed.lines.length === 0) return { lines: [], previousOutput: null };
      return { lines: fed.lines, previousOutput: this.flushOutput(shellId) };
    },
    /** Adds shell output to the summary since the last command. */
    printed(shellId: string, data: string): void {
      output.set(shellId, feedOutput(output.get(shellId) ?? { bytes: 0, head: '' }, data));
    },
    /** The output summary since the last command, if any, and starts a new one. */
    flushOutput(shellId: string): OutputSummary | null {
      const o = output.get(shellId);
      output.delete(shellId);
      return o && o.bytes > 0 ? o : null;
    },
    /** Forgets a shell. */
    closeShell(shellId: string): void {
      input.delete(shellId);
      output.delete(shellId);
    },
  };
}

/** The traffic bookkeeping. */
export type ClientTraffic = ReturnType<typeof clientTraffic>;
