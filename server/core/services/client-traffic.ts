/**
 * What the server remembers about live shell and file traffic between a console and a support
 * client: open transfers (so chunks arrive in order, within the announced size) and the shell
 * journal behind the bounded activity entries (E-9). Process memory: a transfer or shell lives on
 * the connection that carries it.
 */
import { CLIENT_LIMITS, fail, ok, type Result } from '../../../src/protocol/index.js';
import { feedInput, feedOutput, type OutputSummary } from '../shell-log.js';

/** One file on its way. */
export interface Transfer {
  id: string;
  sessionId: string;
  clientId: string;
  /** `to-client`: the technician sends; `from-client`: the technician fetches. */
  direction: 'to-client' | 'from-client';
  name: string;
  /** Announced size in bytes; -1 until a fetched file's size is known. */
  size: number;
  technician: { id: string; name: string };
  nextIndex: number;
  bytes: number;
}

/** Bookkeeping of transfers and shells. */
export function clientTraffic() {
  const transfers = new Map<string, Transfer>();
  const input = new Map<string, string>();
  const output = new Map<string, OutputSummary>();

  return {
    /** Starts tracking a transfer. */
    open(t: Omit<Transfer, 'nextIndex' | 'bytes'>): void {
      transfers.set(t.id, { ...t, nextIndex: 0, bytes: 0 });
    },
    /**
     * E-8: accepts the next chunk of a transfer of `clientId` in `direction`: in order, within the
     * announced size and the file limit. Answers the transfer and whether this chunk ends it.
     */
    chunk(
      id: string,
      clientId: string,
      direction: Transfer['direction'],
      index: number,
      base64: string,
      last: boolean,
    ): Result<{ transfer: Transfer; done: boolean }> {
      const t = transfers.get(id);
      if (!t || t.clientId !== clientId || t.direction !== direction) return fail('not_found', 'No such file transfer.');
      if (index !== t.nextIndex) return fail('invalid_payload', `Expected chunk ${t.nextIndex}, got ${index}.`);
      const bytes = t.bytes + base64Bytes(base64);
      if ((t.size >= 0 && bytes > t.size) || bytes > CLIENT_LIMITS.fileBytes) {
        transfers.delete(id);
        return fail('payload_too_large', 'The file is larger than announced.');
      }
      if (last && t.size >= 0 && bytes !== t.size) {
        transfers.delete(id);
        return fail('invalid_payload', `The file ended after ${bytes} of ${t.size} bytes.`);
      }
      t.nextIndex += 1;
      t.bytes = bytes;
      if (last) transfers.delete(id);
      return ok({ transfer: t, done: last });
    },
    /** Sets the name and size of a fetched file once the client told them. */
    describe(id: string, name: string, size: number): void {
      const t = transfers.get(id);
      if (t) Object.assign(t, { name, size: Math.min(size, CLIENT_LIMITS.fileBytes) });
    },
    /** Forgets a transfer (failed, or its client left). */
    drop(id: string): Transfer | undefined {
      const t = transfers.get(id);
      transfers.delete(id);
      return t;
    },
    /** Forgets everything of a client. */
    dropClient(clientId: string): void {
      for (const [id, t] of transfers) if (t.clientId === clientId) transfers.delete(id);
    },
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

/** Decoded size of a base64 string. */
export function base64Bytes(s: string): number {
  const pad = s.endsWith('==') ? 2 : s.endsWith('=') ? 1 : 0;
  return Math.floor((s.length * 3) / 4) - pad;
}

/** The traffic bookkeeping. */
export type ClientTraffic = ReturnType<typeof clientTraffic>;
