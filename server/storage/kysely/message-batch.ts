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
import type { Kysely } from 'kysely';
import type { Message } from '../../core/model.js';
import type { NewMessage } from '../../core/ports.js';
import type { Database } from '../schema.js';
import type { MessageStatements } from './message-statements.js';

/** The answer of one append. */
export type AppendResult = { message: Message; created: boolean };

interface Waiting {
  m: NewMessage;
  expiresAt: number | undefined;
  resolve: (r: AppendResult) => void;
  reject: (e: unknown) => void;
}

/** At most this many messages share a commit, so a huge backlog does not make one huge transaction. */
const MAX_BATCH = 200;

/** How long after a commit the next one waits for company. */
export const WINDOW_MS = 8;

/** Builds the batched append over `db`. */
export function messageBatcher(db: Kysely<Database>, statements: MessageStatements) {
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
          results = await appendBatch(db, statements, batch);
        } catch (e) {
          // One message cannot be stored (its session is gone, say): one by one, so the rest can.
          if (batch.length === 1) batch[0].reject(e);
        }
        if (results) batch.forEach((w, i) => w.resolve(results[i]));
        else if (batch.length > 1) for (const w of batch) await settle(w, async () => (await appendBatch(db, statements, [w]))[0]);
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

/** One transaction for the whole batch, each message in arrival order as if appended alone. */
async function appendBatch(db: Kysely<Database>, statements: MessageStatements, batch: Waiting[]): Promise<AppendResult[]> {
  return db.transaction().execute(async (trx) => {
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
      const seq = await statements.bump(trx, w.m.sessionId);
      if (seq === undefined) throw new Error(`No session ${w.m.sessionId}.`);
      const message: Message = { ...w.m, seq };
      let result: AppendResult = { message, created: true };
      if (!(await statements.insert(trx, message))) {
        // A retry of a stored message (or one another process stored first): answer with that one.
        await statements.unbump(trx, w.m.sessionId);
        const stored = await statements.findByClientId(trx, w.m.sessionId, w.m.clientId);
        if (!stored) throw new Error(`Message ${w.m.clientId} neither stored nor found.`);
        result = { message: stored, created: false };
      } else if (w.expiresAt !== undefined) await statements.pushDeadline(trx, w.m.sessionId, w.expiresAt);
      firstOf.set(key, result);
      results.push(result);
    }
    return results;
  });
}
