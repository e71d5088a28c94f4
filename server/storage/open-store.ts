/**
 * Opens the configured database (SQLite file by default, PostgreSQL when a URL is given), runs the
 * migrations, and returns the {@link Store} over it.
 */
import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import type { Store } from '../core/ports.js';
import { kyselyStore } from './kysely-store.js';
import { withStatementCache } from './statement-cache.js';
import { migrationProvider } from './migrations/index.js';
import type { Database } from './schema.js';

/** Where the data lives. */
export type StoreLocation =
  | {
      kind: 'sqlite';
      file: string;
      /** `normal` (default): synced at WAL checkpoints, safe across crashes; `full`: synced on every commit. */
      synchronous?: 'normal' | 'full';
    }
  | { kind: 'postgres'; url: string; /** Schema to use instead of `public`, e.g. per test run. */ schema?: string };

const INT8_OID = 20;
const parseInt8 = (v: string) => Number(v);

function sqliteDb(file: string, synchronous: 'normal' | 'full' = 'normal'): { db: Kysely<Database>; raw: SQLite.Database } {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const database = new SQLite(file);
  // WAL lets readers and a second server process share the file while one writes.
  database.pragma('journal_mode = WAL');
  // In WAL mode NORMAL syncs at checkpoints instead of every commit: a killed process loses nothing
  // it committed, only a power cut can lose the last commits; `full` syncs every commit.
  database.pragma(`synchronous = ${synchronous === 'full' ? 'FULL' : 'NORMAL'}`);
  database.pragma('foreign_keys = ON');
  database.pragma('busy_timeout = 5000');
  return { db: new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(database) }) }), raw: database };
}

function postgresDb(url: string, schema: string | undefined): Kysely<Database> {
  const pool = new pg.Pool({
    connectionString: url,
    max: 10,
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
    // Timestamps are bigint; their values stay far below 2^53, so numbers are exact.
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
        oid === INT8_OID ? parseInt8 : (pg.types.getTypeParser(oid, format) as (v: string) => unknown)) as typeof pg.types.getTypeParser,
    },
  });
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
}

/**
 * Runs every pending migration; throws with the failing migration's error. `schema` (PostgreSQL
 * only) is where Kysely keeps its own migration tables.
 */
export async function migrate(db: Kysely<Database>, schema?: string): Promise<void> {
  // Without a schema, Kysely looks for its migration tables in every schema of the database, so a
  // second schema (another test run, another deployment) would find them and never create its own.
  const { error } = await new Migrator({
    db,
    provider: migrationProvider,
    ...(schema ? { migrationTableSchema: schema } : {}),
  }).migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error('Migration failed', { cause: error });
}

/** Opens, migrates and wraps the database at `location`. */
export async function openStore(location: StoreLocation): Promise<Store> {
  const { db, raw } =
    location.kind === 'sqlite'
      ? sqliteDb(location.file, location.synchronous)
      : { db: postgresDb(location.url, location.schema), raw: undefined };
  try {
    await migrate(db, location.kind === 'postgres' ? (location.schema ?? 'public') : undefined);
  } catch (e) {
    await db.destroy();
    throw e;
  }
  return kyselyStore(db, raw);
}
