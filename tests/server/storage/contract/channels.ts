/**
 * Contract: channel settings and members, as admins change them.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Store } from '../../../../server/core/ports.js';
import { seedChannel, seedTechnician, uid } from './fixtures.js';

/** Declares the channel tests against the store `getStore` returns. */
export function channelContract(getStore: () => Store): void {
  describe('channel settings', () => {
    test('a channel keeps every setting: expiration, allowed origins, site, download links', async () => {
      const store = getStore();
      const c = await seedChannel(store, 'Shop', {
        expirationMinutes: 90,
        allowedOrigins: ['https://shop.example', 'http://localhost:3000'],
        siteUrl: 'https://shop.example/help',
        downloadLinks: { windows: 'https://dl.example/w.exe', linux: 'https://dl.example/l.tgz' },
      });
      assert.deepEqual(await store.findChannelById(c.id), c);
    });

    test('updateChannel changes every setting but id and creation time, by id', async () => {
      const store = getStore();
      const c = await seedChannel(store, 'Before');
      const other = await seedChannel(store, 'Untouched');
      const next = {
        ...c,
        key: `k-${uid('x').slice(-8)}`,
        name: 'After',
        expirationMinutes: 1440,
        allowedOrigins: ['https://a.example'],
        siteUrl: 'https://a.example/',
        downloadLinks: { macos: 'https://dl.example/m.dmg' },
      };
      await store.updateChannel(next);
      assert.deepEqual(await store.findChannelById(c.id), next);
      assert.deepEqual(await store.findChannelByKey(next.key), next);
      assert.equal(await store.findChannelByKey(c.key), undefined, 'the old key is free');
      assert.deepEqual(await store.findChannelById(other.id), other);
    });

    test('listChannels lists every channel by name', async () => {
      const store = getStore();
      const z = await seedChannel(store, `Zulu ${uid('n')}`);
      const a = await seedChannel(store, `Alpha ${uid('n')}`);
      const all = await store.listChannels();
      assert.deepEqual(
        all.filter((c) => c.id === z.id || c.id === a.id),
        [a, z],
      );
    });

    test('a second channel with the same key is refused', async () => {
      const store = getStore();
      const c = await seedChannel(store);
      await assert.rejects(seedChannel(store, 'Copy', { key: c.key }));
    });
  });

  describe('channel members', () => {
    test('setChannelMembers replaces the members; listChannelMembers names them by name', async () => {
      const store = getStore();
      const c = await seedChannel(store);
      const [bea, al, cy] = [
        await seedTechnician(store, { name: 'Bea' }),
        await seedTechnician(store, { name: 'Al' }),
        await seedTechnician(store, { name: 'Cy' }),
      ];
      await store.addChannelMember(c.id, cy.id);
      await store.setChannelMembers(c.id, [bea.id, al.id, al.id]);
      assert.deepEqual(await store.listChannelMembers(c.id), [
        { id: al.id, name: 'Al' },
        { id: bea.id, name: 'Bea' },
      ]);
      assert.deepEqual(await store.listChannelIdsOf(cy.id), [], 'a member left out is removed');
      assert.deepEqual(await store.listChannelIdsOf(al.id), [c.id]);
    });

    test('setChannelMembers with nobody empties the channel, and touches no other channel', async () => {
      const store = getStore();
      const [c, other] = [await seedChannel(store), await seedChannel(store)];
      const t = await seedTechnician(store);
      await store.addChannelMember(c.id, t.id);
      await store.addChannelMember(other.id, t.id);
      await store.setChannelMembers(c.id, []);
      assert.deepEqual(await store.listChannelMembers(c.id), []);
      assert.deepEqual(await store.listChannelIdsOf(t.id), [other.id]);
    });

    test('a channel without members lists none', async () => {
      const store = getStore();
      assert.deepEqual(await store.listChannelMembers((await seedChannel(store)).id), []);
    });
  });
}
