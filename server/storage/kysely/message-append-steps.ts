/**
 * The append of a batch of messages as a sequence of statements, written once and run by two
 * drivers: Kysely's asynchronous transaction (PostgreSQL) and better-sqlite3's synchronous one
 * (SQLite, where awaiting each statement through Kysely costs more than SQLite's own work).
 *
 * Each message gets the next `seq` of its session in arrival order, as if appended alone (M-1,
 * M-2); a client id already stored, or earlier in the same batch, answers the stored message.
 */
import type { Message } from '../../core/model.js';
import type { NewMessage } from '../../core/ports.js';

/** The answer of one append. */
export type AppendResult = { message: Message; created: boolean };

/** One message waiting to be appended, with the deadline its session should reach (S-8). */
export interface Append {
  m: NewMessage;
  expiresAt: number | undefined;
}

/** A statement the steps ask the driver to run, and what the driver answers with. */
export type AppendStep =
  | { op: 'bump'; sessionId: string } // → the session's next seq, or undefined without a session
  | { op: 'insert'; message: Message } // → true when stored, false when the client id was there
  | { op: 'unbump'; sessionId: string } // → nothing
  | { op: 'find'; sessionId: string; clientId: string } // → the stored message, if any
  | { op: 'deadline'; sessionId: string; expiresAt: number }; // → nothing

/** The statements of one batch; the driver sends each statement's answer back in with `next`. */
export function* appendSteps(batch: readonly Append[]): Generator<AppendStep, AppendResult[], unknown> {
  const firstOf = new Map<string, AppendResult>();
  const results: AppendResult[] = [];
  for (const w of batch) {
    const key = `${w.m.sessionId}\n${w.m.clientId}`;
    const earlier = firstOf.get(key);
    // A repeat of a client id inside the batch answers like a retry of a stored one.
    if (earlier) {
      results.push({ message: earlier.message, created: false });
      continue;
    }
    const seq = (yield { op: 'bump', sessionId: w.m.sessionId }) as number | undefined;
    if (seq === undefined) throw new Error(`No session ${w.m.sessionId}.`);
    const message: Message = { ...w.m, seq };
    let result: AppendResult = { message, created: true };
    if (!((yield { op: 'insert', message }) as boolean)) {
      // A retry of a stored message (or one another process stored first): answer with that one.
      // The bump's row lock (or SQLite's single writer) means nobody took a later number since.
      yield { op: 'unbump', sessionId: w.m.sessionId };
      const stored = (yield { op: 'find', sessionId: w.m.sessionId, clientId: w.m.clientId }) as Message | undefined;
      if (!stored) throw new Error(`Message ${w.m.clientId} neither stored nor found.`);
      result = { message: stored, created: false };
    } else if (w.expiresAt !== undefined) yield { op: 'deadline', sessionId: w.m.sessionId, expiresAt: w.expiresAt };
    firstOf.set(key, result);
    results.push(result);
  }
  return results;
}

/** Runs `steps` to the end, answering each statement with `run`. */
export function runSteps(steps: Generator<AppendStep, AppendResult[], unknown>, run: (s: AppendStep) => unknown): AppendResult[] {
  let r = steps.next();
  while (!r.done) r = steps.next(run(r.value));
  return r.value;
}

/** {@link runSteps} for a driver whose statements are asynchronous. */
export async function runStepsAsync(
  steps: Generator<AppendStep, AppendResult[], unknown>,
  run: (s: AppendStep) => Promise<unknown>,
): Promise<AppendResult[]> {
  let r = steps.next();
  while (!r.done) r = steps.next(await run(r.value));
  return r.value;
}
