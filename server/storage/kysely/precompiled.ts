/**
 * Queries compiled once and run many times. Building and compiling a Kysely query costs more than
 * SQLite takes to run it (measured on the message path: about 40 µs of a 60 µs session lookup), so
 * the hottest queries are compiled once, with placeholder values in their parameter slots, and run
 * with the real values put in those slots. The SQL stays each dialect's own.
 */
import type { Database as SqliteDatabase } from 'better-sqlite3';
import type { Compilable, CompiledQuery, Kysely } from 'kysely';

/** The placeholder value of slot `i`; no real value looks like it. */
export const slot = (i: number): string => `\u0000porthole-slot-${i}`;

/** The compiled query and a function putting `values[i]` in slot `i` of its parameters. */
function compileWithSlots<R>(query: Compilable<R>, n: number): { compiled: CompiledQuery<R>; fill: (values: unknown[]) => unknown[] } {
  const compiled = query.compile();
  const positions = Array.from({ length: n }, (_, i) => compiled.parameters.indexOf(slot(i)));
  if (positions.some((p) => p < 0)) throw new Error('A slot is missing from the compiled query.');
  return {
    compiled,
    fill: (values) => {
      const parameters = [...compiled.parameters];
      positions.forEach((p, i) => (parameters[p] = values[i]));
      return parameters;
    },
  };
}

/** A compiled query with `n` slots, run through Kysely with `values[i]` in slot `i`. */
export function precompile<R>(
  query: Compilable<R>,
  n: number,
): (db: Pick<Kysely<never>, 'executeQuery'>, values: unknown[]) => Promise<R[]> {
  const { compiled, fill } = compileWithSlots(query, n);
  return async (db, values) => (await db.executeQuery<R>({ ...compiled, parameters: fill(values) })).rows;
}

/**
 * The same query as a better-sqlite3 statement run synchronously, outside Kysely. Prepared on first
 * use, when the migrations have made its tables. Only for code that holds Kysely's connection (or
 * runs where nothing else can), since Kysely does not see these statements.
 */
export function prepareSync<R>(raw: SqliteDatabase, query: Compilable<R>, n: number): (values: unknown[]) => R[] {
  const { compiled, fill } = compileWithSlots(query, n);
  let statement: ReturnType<SqliteDatabase['prepare']> | undefined;
  return (values) => {
    statement ??= raw.prepare(compiled.sql);
    const parameters = fill(values);
    if (statement.reader) return statement.all(parameters) as R[];
    statement.run(parameters);
    return [];
  };
}

/**
 * A read-only query with `n` slots that runs synchronously on SQLite's connection whenever no
 * transaction is open on it, and through Kysely otherwise (or always, on PostgreSQL). Outside a
 * transaction Kysely would run the very same statement on the same connection, only later and
 * through its connection queue; inside one (another request's, between its awaits) the read must
 * wait for it, as through Kysely, so that it never sees what that transaction may still roll back.
 */
export function precompileRead<R>(
  db: Pick<Kysely<never>, 'executeQuery'>,
  raw: SqliteDatabase | undefined,
  query: Compilable<R>,
  n: number,
): (values: unknown[]) => Promise<R[]> {
  const viaKysely = precompile(query, n);
  const sync = raw && prepareSync(raw, query, n);
  return (values) => (sync && !raw.inTransaction ? Promise.resolve(sync(values)) : viaKysely(db, values));
}
