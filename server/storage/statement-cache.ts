/**
 * better-sqlite3 behind Kysely with prepared statements reused: Kysely prepares every query anew,
 * and preparing costs more than running most of our queries. A statement is reusable as long as its
 * SQL text is the same; queries with `in (...)` lists of varying length make new texts, so the cache is
 * bounded.
 */
import type { Database, Statement } from 'better-sqlite3';
import type { SqliteDatabase } from 'kysely';

/** How many distinct SQL texts to keep prepared. */
const MAX_STATEMENTS = 500;

/** The database as Kysely's SQLite dialect wants it, with `prepare` cached by SQL text. */
export function withStatementCache(database: Database): SqliteDatabase {
  const cache = new Map<string, Statement>();
  return {
    close: () => database.close(),
    prepare: (sql: string) => {
      let statement = cache.get(sql);
      if (!statement) {
        // Dropping everything at the bound is crude but rare, and keeps the cache trivially correct.
        if (cache.size >= MAX_STATEMENTS) cache.clear();
        statement = database.prepare(sql);
        cache.set(sql, statement);
      }
      return statement;
    },
  };
}
