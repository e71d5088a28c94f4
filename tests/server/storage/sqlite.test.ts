import assert from 'node:assert/strict';
import { test } from 'node:test';
import { openStore } from '../../../server/storage/open-store.js';
import { createSqliteStorage } from '../../support/test-storage.js';
import { storeContract } from './store-contract.js';
import { seedChannel } from './contract/fixtures.js';

storeContract('sqlite', async () => {
  const storage = await createSqliteStorage();
  const store = await openStore(storage.location);
  return {
    store,
    async cleanup() {
      await store.close();
      await storage.cleanup();
    },
  };
});

test('sqlite: a reopened file keeps its data and migrates again without error', async () => {
  const storage = await createSqliteStorage();
  try {
    const first = await openStore(storage.location);
    const channel = await seedChannel(first);
    await first.close();
    const second = await openStore(storage.location);
    try {
      assert.deepEqual(await second.findChannelByKey(channel.key), channel);
    } finally {
      await second.close();
    }
  } finally {
    await storage.cleanup();
  }
});
