/**
 * Group commit for chat messages. A commit writes every page the transaction dirtied, and one
 * message dirties several (its row, two unique indexes, its session's row), so messages that
 * arrive close together share one transaction: the pages they have in common (the table's and the
 * time-ordered id index's last pages) are written once, and so is the commit itself.
 *
 * When messages come seldom (on average further apart than half of {@link WINDOW_MS}), each one
 * starts at the end of the event-loop turn that brought it, with whatever else that turn brought:
 * a quiet chat waits for nothing and sets no timer. When they come often, they gather until
 * {@link WINDOW_MS} after the last commit (or while one runs), and the next transaction takes them
 * all: at most that much more latency, for a fraction of the write cost per message (`npm run bench`).
 *
 * Semantics stay those of appending one at a time (M-1, M-2): each message gets the next `seq` of its
 * session in arrival order, and a client id already stored (or earlier in the same batch) answers the
 * stored message with `created: false`. If a batch fails as a whole (a session is gone, say), its
 * messages are appended one by one, so each gets its own answer.
 */
import type { Database as SqliteDatabase } from 'better-sqlite3';
import type { Kysely } from 'kysely';
import type { NewMessage } from '../../core/ports.js';
import type { Database } from '../schema.js';
import { appendSteps, runSteps, runStepsAsync, type Append, type AppendResult } from './message-append-steps.js';
import { messageStatements, sqliteMessageStatements } from './message-statements.js';

export type { AppendResult } from './message-append-steps.js';

interface Waiting extends Append {
  resolve: (r: AppendResult) => void;
  reject: (e: unknown) => void;
}

/** Stores a batch in one transaction, each message as if appended alone. */
export type AppendBatch = (batch: readonly Append[]) => Promise<AppendResult[]>;

/** {@link AppendBatch} in a Kysely transaction, awaiting each statement (PostgreSQL). */
export function kyselyAppendBatch(db: Kysely<Database>): AppendBatch {
  const run = messageStatements(db);
  return (batch) => db.transaction().execute((trx) => runStepsAsync(appendSteps(batch), (step) => run(trx, step)));
}

/**
 * {@link AppendBatch} as one synchronous better-sqlite3 transaction on the connection Kysely uses.
 * Holding Kysely's connection while it runs keeps Kysely's own transactions from interleaving.
 */
export function sqliteAppendBatch(db: Kysely<Database>, raw: SqliteDatabase): AppendBatch {
  const run = sqliteMessageStatements(db, raw);
  const inTransaction = raw.transaction((batch: readonly Append[]) => runSteps(appendSteps(batch), run));
  return (batch) => db.connection().execute(() => Promise.resolve(inTransaction.immediate(batch)));
}

/** At most this many messages share a commit, so a huge backlog does not make one huge transaction. */
const MAX_BATCH = 200;

/** How long after a commit the next one waits for company. */
export const WINDOW_MS = 8;

/** Builds the batched append over `db`. */
export function messageBatcher(appendBatch: AppendBatch) {
  const queue: Waiting[] = [];
  let running = false;
  let timer: NodeJS.Timeout | NodeJS.Immediate | undefined;
  let lastCommit = Number.NEGATIVE_INFINITY;
  // Mean time between appends, smoothed over the last few dozen.
  let gap = Number.POSITIVE_INFINITY;
  let lastArrival: number | undefined;

  const drain = async () => {
    timer = undefined;
    running = true;
    try {
      while (queue.length > 0) {
        const batch = queue.splice(0, MAX_BATCH);
        let results: AppendResult[] | null = null;
        try {
          results = await appendBatch(batch);
        } catch (e) {
          // One message cannot be stored (its session is gone, say): one by one, so the rest can.
          if (batch.length === 1) batch[0].reject(e);
        }
        if (results) batch.forEach((w, i) => w.resolve(results[i]));
        else if (batch.length > 1) for (const w of batch) await settle(w, async () => (await appendBatch([w]))[0]);
      }
    } finally {
      running = false;
      lastCommit = performance.now();
    }
  };

  const arrived = (now: number) => {
    if (lastArrival !== undefined) gap = gap === Number.POSITIVE_INFINITY ? now - lastArrival : gap * 0.95 + (now - lastArrival) * 0.05;
    lastArrival = now;
  };

  const schedule = () => {
    if (running || timer) return;
    const now = performance.now();
    const wait = gap < WINDOW_MS / 2 ? lastCommit + WINDOW_MS - now : 0;
    timer = wait > 0 ? setTimeout(() => void drain(), wait) : setImmediate(() => void drain());
  };

  return (m: NewMessage, expiresAt?: number): Promise<AppendResult> =>
    new Promise((resolve, reject) => {
      queue.push({ m, expiresAt, resolve, reject });
      arrived(performance.now());
      schedule();
    });
}

async function settle(w: Waiting, run: () => Promise<AppendResult>): Promise<void> {
  try {
    w.resolve(await run());
  } catch (e) {
    w.reject(e);
  }
}
