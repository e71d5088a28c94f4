/**
 * Group commit for chat messages. Each commit costs far more than the statements in it (a message
 * touches several B-tree pages: its key, the two unique indexes, the session row and its expiry
 * index), so messages that arrive while a transaction is running wait for the next one and share
 * it. A lone message starts at once, so batching adds no latency; under load, one commit carries
 * many messages.
 *
 * Semantics stay those of appending one at a time (M-1, M-2): each message gets the next `seq` of its
 * session in arrival order, and a client id already stored (or earlier in the same batch) answers the
 * stored message with `created: false`. If a batch fails as a whole (e.g. another server process
 * stored one of its client ids meanwhile, or a session is gone), its messages are appended one by
 * one, so each gets its own answer.
 */
import { sql, type Kysely } from 'kysely';
import type { Message } from '../../core/model.js';
import type { NewMessage } from '../../core/ports.js';
import { fromMessage, toMessage } from '../rows.js';
import type { Database } from '../schema.js';

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

/**
 * Builds the batched append over `db`; `appendOne` is the one-message path used for a batch of one
 * and as the fallback.
 */
export function messageBatcher(db: Kysely<Database>, appendOne: (m: NewMessage, expiresAt?: number) => Promise<AppendResult>) {
  const queue: Waiting[] = [];
  let running = false;

  const drain = async () => {
    running = true;
    try {
      while (queue.length > 0) {
        const batch = queue.splice(0, MAX_BATCH);
        if (batch.length === 1) {
          await settle(batch[0], () => appendOne(batch[0].m, batch[0].expiresAt));
          continue;
        }
        let results: AppendResult[] | null = null;
        try {
          results = await appendBatch(db, batch);
        } catch {
          // Someone else's write collided with this batch, or one message cannot be stored: one by one.
        }
        if (results) batch.forEach((w, i) => w.resolve(results[i]));
        else for (const w of batch) await settle(w, () => appendOne(w.m, w.expiresAt));
      }
    } finally {
      running = false;
    }
  };

  return (m: NewMessage, expiresAt?: number): Promise<AppendResult> =>
    new Promise((resolve, reject) => {
      queue.push({ m, expiresAt, resolve, reject });
      if (!running) void drain();
    });
}

async function settle(w: Waiting, run: () => Promise<AppendResult>): Promise<void> {
  try {
    w.resolve(await run());
  } catch (e) {
    w.reject(e);
  }
}

/** One transaction for the whole batch: look up stored client ids, number the new messages, insert them. */
async function appendBatch(db: Kysely<Database>, batch: Waiting[]): Promise<AppendResult[]> {
  return db.transaction().execute(async (trx) => {
    const sessionIds = [...new Set(batch.map((w) => w.m.sessionId))];
    const stored = await trx
      .selectFrom('messages')
      .selectAll()
      .where('session_id', 'in', sessionIds)
      .where(
        'client_id',
        'in',
        batch.map((w) => w.m.clientId),
      )
      .execute();
    const known = new Map(stored.map((r) => [`${r.session_id}\n${r.client_id}`, toMessage(r)]));

    // First occurrence of each new client id, per session, in arrival order.
    const fresh = new Map<string, Waiting[]>();
    const firstOf = new Map<string, Waiting>();
    for (const w of batch) {
      const key = `${w.m.sessionId}\n${w.m.clientId}`;
      if (known.has(key) || firstOf.has(key)) continue;
      firstOf.set(key, w);
      fresh.set(w.m.sessionId, [...(fresh.get(w.m.sessionId) ?? []), w]);
    }

    const created = new Map<string, Message>();
    for (const [sessionId, items] of fresh) {
      const expiresAt = Math.max(...items.map((w) => w.expiresAt ?? 0));
      // Same row lock as the one-message path, once for all of this session's messages.
      const s = await trx
        .updateTable('sessions')
        .set({
          last_seq: sql<number>`last_seq + ${items.length}`,
          ...(expiresAt > 0 ? { expires_at: sql<number>`case when expires_at > ${expiresAt} then expires_at else ${expiresAt} end` } : {}),
        })
        .where('id', '=', sessionId)
        .returning('last_seq')
        .executeTakeFirstOrThrow();
      const first = Number(s.last_seq) - items.length + 1;
      items.forEach((w, i) => created.set(`${sessionId}\n${w.m.clientId}`, { ...w.m, seq: first + i }));
    }
    if (created.size > 0) {
      await trx
        .insertInto('messages')
        .values([...created.values()].map(fromMessage))
        .execute();
    }

    return batch.map((w): AppendResult => {
      const key = `${w.m.sessionId}\n${w.m.clientId}`;
      const old = known.get(key);
      if (old) return { message: old, created: false };
      const message = created.get(key)!;
      // A repeat of a client id inside the batch answers like a retry of a stored one.
      return { message, created: firstOf.get(key) === w };
    });
  });
}
