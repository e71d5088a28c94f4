/**
 * The shell journal behind the bounded activity entries (E-9): the technician's keystrokes become
 * command lines, and the shell's output since the last command a summary. The output summary is
 * in storage (E-22), so it is whole whichever server process the client's output reaches; the line
 * being typed is process memory of the console's process, which sees every keystroke of its console.
 */
import type { EscalationStore, ShellOutputSummary } from '../escalation-model.js';
import { feedInput, outputPiece, SHELL_LOG_CHARS } from '../shell-log.js';

/** Bookkeeping of shells over `store`. */
export function clientTraffic(store: EscalationStore) {
  const input = new Map<string, string>();

  return {
    /** Starts the journal of a new shell. */
    opened(j: { shellId: string; sessionId: string; clientId: string }): Promise<void> {
      return store.openShellJournal(j);
    },
    /** Adds keystrokes; answers the command lines they completed, and the output summary before them. */
    async typed(shellId: string, data: string): Promise<{ lines: string[]; previousOutput: ShellOutputSummary | null }> {
      const fed = feedInput(input.get(shellId) ?? '', data);
      input.set(shellId, fed.pending);
      if (fed.lines.length === 0) return { lines: [], previousOutput: null };
      return { lines: fed.lines, previousOutput: (await store.takeShellOutput(shellId)) ?? null };
    },
    /** Counts output chunk `seq` (once: a chunk sent again after a lost connection is not counted again). */
    async printed(shellId: string, seq: number, data: string): Promise<void> {
      const piece = outputPiece(data);
      await store.addShellOutput(shellId, seq, piece.bytes, piece.text, SHELL_LOG_CHARS);
    },
    /** Forgets a shell; answers the output summary it still held. */
    async closed(shellId: string): Promise<ShellOutputSummary | null> {
      input.delete(shellId);
      return (await store.closeShellJournal(shellId)) ?? null;
    },
  };
}

/** The traffic bookkeeping. */
export type ClientTraffic = ReturnType<typeof clientTraffic>;
