/**
 * The statements of the chat hot path, compiled once (see `precompiled.ts`): numbering a message
 * in its session, storing it, and finding a retried one by its client id. They answer the steps of
 * `message-append-steps.ts`, through Kysely or, on SQLite, synchronously through better-sqlite3.
 */
import type { Database as SqliteDatabase } from 'better-sqlite3';
import { sql, type Compilable, type Insertable, type Kysely } from 'kysely';
import { fromMessage, toMessage } from '../rows.js';
import type { Database, MessagesTable } from '../schema.js';
import type { AppendStep } from './message-append-steps.js';
import { precompile, prepareSync, slot } from './precompiled.js';

type Runner = Parameters<ReturnType<typeof precompile>>[0];
type Row = Record<string, unknown>;

/** The queries, each with its number of slots. */
function messageSql(db: Kysely<Database>) {
  // The columns come from `fromMessage` itself, so a new column can never be left out here.
  const columns = Object.keys(
    fromMessage({ id: '', sessionId: '', seq: 0, clientId: '', author: { kind: 'visitor' }, text: '', createdAt: 0 }),
  ) as (keyof MessagesTable)[];
  const queries = {
    // The row lock taken by this update serialises seq allocation per session in PostgreSQL; SQLite
    // serialises whole transactions. `updated_at` is the session's save version, so it is left
    // alone: a message must not make a concurrent state change fail.
    bump: [
      db
        .updateTable('sessions')
        .set({ last_seq: sql<number>`last_seq + 1` })
        .where('id', '=', slot(0))
        .returning('last_seq'),
      1,
    ],
    // Apart from the numbering: most messages leave the deadline where it is (S-8), and then its
    // index entry stays untouched; and a retry must not move it.
    deadline: [
      db
        .updateTable('sessions')
        .set({ expires_at: sql<number>`case when expires_at > ${slot(0)} then expires_at else ${slot(1)} end` })
        .where('id', '=', slot(2)),
      3,
    ],
    // A client id already stored makes no row and no error: an error would abort a PostgreSQL
    // transaction, and looking first would cost every message a query for the rare retry.
    insert: [
      db
        .insertInto('messages')
        .values(Object.fromEntries(columns.map((c, i) => [c, slot(i)])) as unknown as Insertable<MessagesTable>)
        .onConflict((oc) => oc.columns(['session_id', 'client_id']).doNothing())
        .returning('seq'),
      columns.length,
    ],
    unbump: [
      db
        .updateTable('sessions')
        .set({ last_seq: sql<number>`last_seq - 1` })
        .where('id', '=', slot(0)),
      1,
    ],
    find: [db.selectFrom('messages').selectAll().where('session_id', '=', slot(0)).where('client_id', '=', slot(1)).limit(1), 2],
  } satisfies Record<AppendStep['op'], [Compilable<unknown>, number]>;
  return { columns, queries };
}

/** Which query answers `step`, with which values, and how its rows make the answer. */
function planOf(columns: (keyof MessagesTable)[], step: AppendStep): { values: unknown[]; answer: (rows: Row[]) => unknown } {
  switch (step.op) {
    case 'bump':
      return { values: [step.sessionId], answer: (rows) => rows[0] && Number(rows[0].last_seq) };
    case 'insert': {
      const r = fromMessage(step.message);
      return { values: columns.map((c) => r[c]), answer: (rows) => rows.length > 0 };
    }
    case 'unbump':
      return { values: [step.sessionId], answer: () => undefined };
    case 'find':
      return { values: [step.sessionId, step.clientId], answer: (rows) => rows[0] && toMessage(rows[0] as never) };
    case 'deadline':
      return { values: [step.expiresAt, step.expiresAt, step.sessionId], answer: () => undefined };
  }
}

/** The statements run through Kysely, on the connection (or transaction) given. */
export function messageStatements(db: Kysely<Database>) {
  const { columns, queries } = messageSql(db);
  const run = Object.fromEntries(Object.entries(queries).map(([op, [q, n]]) => [op, precompile<Row>(q as Compilable<Row>, n)])) as Record<
    AppendStep['op'],
    ReturnType<typeof precompile<Row>>
  >;
  return async (on: Runner, step: AppendStep): Promise<unknown> => {
    const plan = planOf(columns, step);
    return plan.answer(await run[step.op](on, plan.values));
  };
}

/** The statements run synchronously on SQLite's own connection, for a better-sqlite3 transaction. */
export function sqliteMessageStatements(db: Kysely<Database>, raw: SqliteDatabase) {
  const { columns, queries } = messageSql(db);
  const run = Object.fromEntries(
    Object.entries(queries).map(([op, [q, n]]) => [op, prepareSync<Row>(raw, q as Compilable<Row>, n)]),
  ) as Record<AppendStep['op'], ReturnType<typeof prepareSync<Row>>>;
  return (step: AppendStep): unknown => {
    const plan = planOf(columns, step);
    return plan.answer(run[step.op](plan.values));
  };
}

/** The Kysely statements of {@link messageStatements}. */
export type MessageStatements = ReturnType<typeof messageStatements>;
