import assert from 'node:assert/strict';
import { test } from 'node:test';
import { openStore } from '../../../server/storage/open-store.js';
import { createPostgresStorage } from '../../support/test-storage.js';
import { storeContract } from './store-contract.js';
import { seedChannel } from './contract/fixtures.js';

const url = process.env.DATABASE_URL;

if (!url) {
  test('postgres store contract', { skip: 'DATABASE_URL not set: PostgreSQL suite not configured' }, () => {});
} else {
  storeContract('postgres', async () => {
    const storage = await createPostgresStorage(url);
    const store = await openStore(storage.location);
    return {
      store,
      async cleanup() {
        await store.close();
        await storage.cleanup();
      },
    };
  });

  test('postgres: two schemas of one database migrate and keep their data apart', async () => {
    const [a, b] = [await createPostgresStorage(url), await createPostgresStorage(url)];
    const stores = [];
    try {
      stores.push(await openStore(a.location));
      stores.push(await openStore(b.location));
      const channel = await seedChannel(stores[0]);
      assert.deepEqual(await stores[0].findChannelByKey(channel.key), channel);
      assert.equal(await stores[1].findChannelByKey(channel.key), undefined);
    } finally {
      for (const s of stores) await s.close();
      await a.cleanup();
      await b.cleanup();
    }
  });
}
