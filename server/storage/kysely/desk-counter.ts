/**
 * The desk's counters (ticket numbers, timeline and mail order): one row each, moved forward with
 * `update ... returning`, whose row lock serialises concurrent callers in PostgreSQL (SQLite
 * serialises whole write transactions).
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../schema.js';

/** Which counter. */
export type DeskCounter = 'ticket' | 'timeline' | 'mail';

/** The next value of `key`, inside the caller's transaction. */
export async function nextCounter(trx: Transaction<Database> | Kysely<Database>, key: DeskCounter): Promise<number> {
  const r = await trx
    .updateTable('desk_counters')
    .set({ value: sql<number>`value + 1` })
    .where('key', '=', key)
    .returning('value')
    .executeTakeFirstOrThrow();
  return Number(r.value);
}
