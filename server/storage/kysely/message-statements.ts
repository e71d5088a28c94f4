/**
 * The statements of the chat hot path, compiled once (see `precompiled.ts`): numbering a message
 * in its session, storing it, and finding a retried one by its client id.
 */
import { sql, type Insertable, type Kysely } from 'kysely';
import type { Message } from '../../core/model.js';
import { fromMessage, toMessage } from '../rows.js';
import type { Database, MessagesTable } from '../schema.js';
import { precompile, slot } from './precompiled.js';

type Runner = Parameters<ReturnType<typeof precompile>>[0];

/** The compiled statements over `db`'s dialect; each takes the connection (or transaction) to run on. */
export function messageStatements(db: Kysely<Database>) {
  // The row lock taken by this update serialises seq allocation per session in PostgreSQL; SQLite
  // serialises whole transactions. `updated_at` is the session's save version, so it is left alone:
  // a message must not make a concurrent state change fail.
  const bump = precompile(
    db
      .updateTable('sessions')
      .set({ last_seq: sql<number>`last_seq + 1` })
      .where('id', '=', slot(0))
      .returning('last_seq'),
    1,
  );
  // Apart from the numbering: most messages leave the deadline where it is (S-8), and then its
  // index entry stays untouched; and a retry must not move it.
  const pushDeadline = precompile(
    db
      .updateTable('sessions')
      .set({ expires_at: sql<number>`case when expires_at > ${slot(0)} then expires_at else ${slot(1)} end` })
      .where('id', '=', slot(2)),
    3,
  );
  // The columns come from `fromMessage` itself, so a new column can never be left out here.
  const columns = Object.keys(
    fromMessage({ id: '', sessionId: '', seq: 0, clientId: '', author: { kind: 'visitor' }, text: '', createdAt: 0 }),
  ) as (keyof MessagesTable)[];
  // A client id already stored makes no row and no error: an error would abort a PostgreSQL
  // transaction, and looking first would cost every message a query for the rare retry.
  const insert = precompile(
    db
      .insertInto('messages')
      .values(Object.fromEntries(columns.map((c, i) => [c, slot(i)])) as unknown as Insertable<MessagesTable>)
      .onConflict((oc) => oc.columns(['session_id', 'client_id']).doNothing())
      .returning('seq'),
    columns.length,
  );
  // Gives back a number taken for a retry; the bump's row lock (or SQLite's single writer) means
  // nobody has taken a later one since.
  const unbump = precompile(
    db
      .updateTable('sessions')
      .set({ last_seq: sql<number>`last_seq - 1` })
      .where('id', '=', slot(0)),
    1,
  );
  const byClientId = precompile(
    db.selectFrom('messages').selectAll().where('session_id', '=', slot(0)).where('client_id', '=', slot(1)).limit(1),
    2,
  );

  return {
    /** Takes the session's next number; undefined when there is no such session. */
    async bump(on: Runner, sessionId: string): Promise<number | undefined> {
      const [s] = await bump(on, [sessionId]);
      return s && Number(s.last_seq);
    },
    /** Pushes the session's deadline to at least `expiresAt` (never back). */
    async pushDeadline(on: Runner, sessionId: string, expiresAt: number): Promise<void> {
      await pushDeadline(on, [expiresAt, expiresAt, sessionId]);
    },
    /** Stores `m` unless its client id is stored already; true when stored. */
    async insert(on: Runner, m: Message): Promise<boolean> {
      const r = fromMessage(m);
      const rows = await insert(
        on,
        columns.map((c) => r[c]),
      );
      return rows.length > 0;
    },
    async unbump(on: Runner, sessionId: string): Promise<void> {
      await unbump(on, [sessionId]);
    },
    async findByClientId(on: Runner, sessionId: string, clientId: string): Promise<Message | undefined> {
      const [r] = await byClientId(on, [sessionId, clientId]);
      return r && toMessage(r);
    },
  };
}

/** The statements of {@link messageStatements}. */
export type MessageStatements = ReturnType<typeof messageStatements>;
