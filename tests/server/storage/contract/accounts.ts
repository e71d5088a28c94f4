/**
 * Contract: technicians, console sign-ins, channels and their members, visitors.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Store } from '../../../../server/core/ports.js';
import { makeTechnician, seedChannel, seedTechnician, T0, uid } from './fixtures.js';

/** Declares the account tests against the store `getStore` returns. */
export function accountContract(getStore: () => Store): void {
  describe('technicians', () => {
    test('countTechnicians grows by one per inserted technician', async () => {
      const store = getStore();
      const before = await store.countTechnicians();
      await seedTechnician(store);
      await seedTechnician(store);
      assert.equal(await store.countTechnicians(), before + 2);
    });

    test('a technician is found by email and by id, with every field', async () => {
      const store = getStore();
      const t = await seedTechnician(store, { role: 'admin', name: 'Grace' });
      assert.deepEqual(await store.findTechnicianByEmail(t.email), t);
      assert.deepEqual(await store.findTechnicianById(t.id), t);
    });

    test('unknown emails and ids find nothing', async () => {
      const store = getStore();
      assert.equal(await store.findTechnicianByEmail('nobody@test.local'), undefined);
      assert.equal(await store.findTechnicianById(uid('tech')), undefined);
    });

    test('listTechnicians lists everyone by name, with every field', async () => {
      const store = getStore();
      const zed = await seedTechnician(store, { name: `Zed ${uid('n')}` });
      const abe = await seedTechnician(store, { name: `Abe ${uid('n')}` });
      const all = await store.listTechnicians();
      assert.deepEqual(
        all.filter((t) => t.id === zed.id || t.id === abe.id),
        [abe, zed],
      );
      assert.equal(all.length, await store.countTechnicians());
    });

    test("A-5: updateTechnicianPassword changes that technician's hash only", async () => {
      const store = getStore();
      const [t, other] = [await seedTechnician(store), await seedTechnician(store)];
      await store.updateTechnicianPassword(t.id, 'argon2id$new');
      assert.deepEqual(await store.findTechnicianById(t.id), { ...t, passwordHash: 'argon2id$new' });
      assert.deepEqual(await store.findTechnicianById(other.id), other);
    });

    test('a second technician with the same email is refused', async () => {
      const store = getStore();
      const t = await seedTechnician(store);
      await assert.rejects(store.insertTechnician(makeTechnician({ email: t.email })));
      assert.deepEqual(await store.findTechnicianByEmail(t.email), t);
    });
  });

  describe('auth sessions', () => {
    test('an auth session is found by its token hash until deleted', async () => {
      const store = getStore();
      const t = await seedTechnician(store);
      const s = { tokenHash: uid('hash'), technicianId: t.id, createdAt: T0, expiresAt: T0 + 12 * 3600_000 };
      const other = { ...s, tokenHash: uid('hash') };
      await store.insertAuthSession(s);
      await store.insertAuthSession(other);
      assert.deepEqual(await store.findAuthSession(s.tokenHash), s);
      await store.deleteAuthSession(s.tokenHash);
      assert.equal(await store.findAuthSession(s.tokenHash), undefined);
      assert.deepEqual(await store.findAuthSession(other.tokenHash), other, 'other sign-ins stay');
    });

    test('deleting an unknown auth session is not an error', async () => {
      await getStore().deleteAuthSession(uid('hash'));
      assert.equal(await getStore().findAuthSession(uid('hash')), undefined);
    });
  });

  describe('channels and members', () => {
    test('a channel is found by key and by id; unknown ones find nothing', async () => {
      const store = getStore();
      const c = await seedChannel(store, 'Support');
      assert.deepEqual(await store.findChannelByKey(c.key), c);
      assert.deepEqual(await store.findChannelById(c.id), c);
      assert.equal(await store.findChannelByKey('no-such-key'), undefined);
      assert.equal(await store.findChannelById(uid('chan')), undefined);
    });

    test('listChannelIdsOf lists each channel a technician joined once, even if added twice', async () => {
      const store = getStore();
      const t = await seedTechnician(store);
      const [a, b] = [await seedChannel(store), await seedChannel(store)];
      await seedChannel(store); // a channel the technician is not in
      await store.addChannelMember(a.id, t.id);
      await store.addChannelMember(b.id, t.id);
      await store.addChannelMember(a.id, t.id);
      assert.deepEqual((await store.listChannelIdsOf(t.id)).sort(), [a.id, b.id].sort());
    });

    test('a technician without channels has none', async () => {
      const store = getStore();
      const t = await seedTechnician(store);
      assert.deepEqual(await store.listChannelIdsOf(t.id), []);
    });
  });

  describe('visitors', () => {
    test('a visitor is found by token hash; unknown hashes find nothing', async () => {
      const store = getStore();
      const c = await seedChannel(store);
      const v = { id: uid('vis'), channelId: c.id, tokenHash: uid('hash'), createdAt: T0 };
      await store.insertVisitor(v);
      assert.deepEqual(await store.findVisitorByTokenHash(v.tokenHash), v);
      assert.equal(await store.findVisitorByTokenHash(uid('hash')), undefined);
    });
  });
}
