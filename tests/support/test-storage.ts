/**
 * Throwaway databases for tests: a SQLite file in a fresh temporary folder, or a fresh schema in the
 * PostgreSQL database of `DATABASE_URL`. Each comes with the `cleanup` that removes it.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { StoreLocation } from '../../server/storage/open-store.js';

/** A database made for one test run, and how to remove it. */
export interface TestStorage {
  /** Pass to `openStore`; several stores may open the same location. */
  location: StoreLocation;
  /** Deletes the temporary folder or drops the schema; close every store on it first. */
  cleanup(): Promise<void>;
}

/** Which kind of database a test wants. */
export type StorageKind = StoreLocation['kind'];

/** `postgres` when `DATABASE_URL` is set, else `sqlite`: the database the suite was asked to use. */
export function storageKindFromEnv(): StorageKind {
  return process.env.DATABASE_URL ? 'postgres' : 'sqlite';
}

/** A SQLite file (not yet created) in a new temporary folder. */
export async function createSqliteStorage(): Promise<TestStorage> {
  const dir = await mkdtemp(path.join(tmpdir(), 'porthole-test-'));
  return {
    location: { kind: 'sqlite', file: path.join(dir, 'porthole.sqlite') },
    cleanup: () => rm(dir, { recursive: true, force: true }),
  };
}

/**
 * A new, empty schema named `t_<random hex>` in the database at `url`; `cleanup` drops it with
 * everything in it.
 * @throws Error when no URL is given and `DATABASE_URL` is unset.
 */
export async function createPostgresStorage(url = process.env.DATABASE_URL): Promise<TestStorage> {
  if (!url) throw new Error('createPostgresStorage needs DATABASE_URL (or a url argument).');
  const schema = `t_${randomBytes(6).toString('hex')}`;
  await withClient(url, (c) => c.query(`create schema ${schema}`));
  return {
    location: { kind: 'postgres', url, schema },
    cleanup: () => withClient(url, (c) => c.query(`drop schema if exists ${schema} cascade`)).then(() => undefined),
  };
}

/** A PostgreSQL database made for one server process, and how to remove it. */
export interface TestDatabase {
  /** `DATABASE_URL` for the server. */
  url: string;
  /** Drops the database, closing any connection a killed server left behind. */
  drop(): Promise<void>;
}

/**
 * A new, empty database `porthole_t_<random hex>` on the server of `url`, for a whole server process:
 * unlike {@link createPostgresStorage}'s schemas, it needs no setting the server shell lacks.
 * @throws Error when no URL is given and `DATABASE_URL` is unset.
 */
export async function createPostgresDatabase(url = process.env.DATABASE_URL): Promise<TestDatabase> {
  if (!url) throw new Error('createPostgresDatabase needs DATABASE_URL (or a url argument).');
  const name = `porthole_t_${randomBytes(6).toString('hex')}`;
  await withClient(url, (c) => c.query(`create database ${name}`));
  const own = new URL(url);
  own.pathname = `/${name}`;
  return {
    url: own.href,
    drop: () => withClient(url, (c) => c.query(`drop database if exists ${name} with (force)`)).then(() => undefined),
  };
}

/** A throwaway database of the given kind. */
export function createTestStorage(kind: StorageKind = 'sqlite'): Promise<TestStorage> {
  return kind === 'postgres' ? createPostgresStorage() : createSqliteStorage();
}

async function withClient<T>(url: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}
