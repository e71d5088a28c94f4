/**
 * The session lookup of the chat path reads SQLite synchronously when it can (precompiled.ts):
 * outside a transaction it skips Kysely, inside another request's open transaction it waits for
 * it through Kysely and never sees what that transaction rolls back.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { precompileRead, slot } from '../../../server/storage/kysely/precompiled.js';

interface Db {
  items: { id: string; state: string };
}

function open() {
  const raw = new SQLite(':memory:');
  raw.exec(`create table items (id text primary key, state text not null); insert into items values ('a', 'open');`);
  const db = new Kysely<Db>({ dialect: new SqliteDialect({ database: raw }) });
  let viaKysely = 0;
  const counted = {
    executeQuery: ((q: Parameters<typeof db.executeQuery>[0]) => {
      viaKysely++;
      return db.executeQuery(q);
    }) as typeof db.executeQuery,
  };
  const read = precompileRead(counted, raw, db.selectFrom('items').select('state').where('id', '=', slot(0)), 1);
  return { raw, db, read, kyselyCalls: () => viaKysely };
}

test('outside a transaction the read runs on the connection at once, not through Kysely', { timeout: 10_000 }, async () => {
  const { db, read, kyselyCalls } = open();
  try {
    assert.deepEqual(await read(['a']), [{ state: 'open' }]);
    assert.deepEqual(await read(['missing']), []);
    assert.equal(kyselyCalls(), 0);
  } finally {
    await db.destroy();
  }
});

test('during an open transaction the read waits for it and never sees its rolled-back change', { timeout: 10_000 }, async () => {
  const { db, read, kyselyCalls } = open();
  try {
    let updated!: () => void;
    const inside = new Promise<void>((resolve) => (updated = resolve));
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const failing = db.transaction().execute(async (trx) => {
      await trx.updateTable('items').set({ state: 'closed' }).where('id', '=', 'a').execute();
      updated();
      await held;
      throw new Error('rolled back');
    });
    await inside;
    const during = read(['a']);
    release();
    await assert.rejects(failing, /rolled back/);
    assert.deepEqual(await during, [{ state: 'open' }]);
    assert.equal(kyselyCalls(), 1);
  } finally {
    await db.destroy();
  }
});
