/**
 * Contract: the secrets that lead to a session: invitation links and PINs (S-5), support codes (S-6).
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Store } from '../../../../server/core/ports.js';
import { seedSession, T0, uid, uniquePin } from './fixtures.js';

/** A 9-digit code no other call in this run returned. */
const uniqueCode = () => String(100_000_000 + Number(uniquePin()));

/** Declares the invitation and support code tests against the store `getStore` returns. */
export function sessionSecretContract(getStore: () => Store): void {
  describe('invitations', () => {
    test('S-5: a waiting session is found by its invitation token and by its PIN; unknown ones find nothing', async () => {
      const store = getStore();
      const [token, pin] = [uid('tok'), uniquePin()];
      const { session } = await seedSession(store, { status: 'waiting', visitorId: null, inviteToken: token, pin });
      assert.deepEqual(await store.findSessionByInviteToken(token), session);
      assert.deepEqual(await store.findSessionByPin(pin), session);
      assert.equal(await store.findSessionByInviteToken(uid('tok')), undefined);
      assert.equal(await store.findSessionByPin(uniquePin()), undefined);
    });

    test('S-5: once saved without its secrets, the session is found by neither', async () => {
      const store = getStore();
      const [token, pin] = [uid('tok'), uniquePin()];
      const { session } = await seedSession(store, { status: 'waiting', inviteToken: token, pin });
      assert.equal(await store.saveSession({ ...session, status: 'active', inviteToken: null, pin: null, updatedAt: T0 + 1 }, T0), true);
      assert.equal(await store.findSessionByInviteToken(token), undefined);
      assert.equal(await store.findSessionByPin(pin), undefined);
    });

    test('S-5: a second live session with the same PIN is refused, and the first keeps it', async () => {
      const store = getStore();
      const pin = uniquePin();
      const { session, channel } = await seedSession(store, { status: 'waiting', pin });
      await assert.rejects(seedSession(store, { channel, status: 'waiting', pin }));
      assert.equal((await store.findSessionByPin(pin))?.id, session.id);
    });

    test('S-5: a second session with the same invitation token is refused', async () => {
      const store = getStore();
      const token = uid('tok');
      const { channel } = await seedSession(store, { status: 'waiting', inviteToken: token });
      await assert.rejects(seedSession(store, { channel, status: 'waiting', inviteToken: token }));
    });

    test('S-5: a PIN cleared from its session may be used by a new session', async () => {
      const store = getStore();
      const pin = uniquePin();
      const { session, channel } = await seedSession(store, { status: 'waiting', pin });
      assert.equal(await store.saveSession({ ...session, status: 'closed', pin: null, updatedAt: T0 + 1 }, T0), true);
      const { session: next } = await seedSession(store, { channel, status: 'waiting', pin });
      assert.equal((await store.findSessionByPin(pin))?.id, next.id);
    });

    test('S-5: a save may not give a session a PIN another live session holds', async () => {
      const store = getStore();
      const pin = uniquePin();
      const { channel } = await seedSession(store, { status: 'waiting', pin });
      const { session } = await seedSession(store, { channel, status: 'waiting', pin: uniquePin() });
      await assert.rejects(store.saveSession({ ...session, pin, updatedAt: T0 + 1 }, T0));
    });

    test('many sessions without secrets live side by side', async () => {
      const store = getStore();
      const { channel } = await seedSession(store);
      await seedSession(store, { channel });
      await seedSession(store, { channel });
      assert.equal(await store.findSessionByPin('000000'), undefined);
    });
  });

  describe('support codes', () => {
    test('S-6: a code is found by itself and as the live code of its page', async () => {
      const store = getStore();
      const { session } = await seedSession(store, { origin: 'sos' });
      const code = { code: uniqueCode(), sessionId: session.id, pageId: uid('page'), createdAt: T0, revokedAt: null };
      await store.insertSupportCode(code);
      assert.deepEqual(await store.findSupportCode(code.code), code);
      assert.deepEqual(await store.findSupportCodeOfPage(session.id, code.pageId), code);
      assert.equal(await store.findSupportCodeOfPage(session.id, uid('page')), undefined, 'another page has none');
      assert.equal(await store.findSupportCode(uniqueCode()), undefined);
    });

    test("S-6: revoking marks every live code of the session, not of other sessions; a revoked code is no page's code", async () => {
      const store = getStore();
      const { session, channel } = await seedSession(store, { origin: 'sos' });
      const { session: other } = await seedSession(store, { channel, origin: 'sos' });
      const mine = { code: uniqueCode(), sessionId: session.id, pageId: uid('page'), createdAt: T0, revokedAt: null };
      const theirs = { code: uniqueCode(), sessionId: other.id, pageId: uid('page'), createdAt: T0, revokedAt: null };
      await store.insertSupportCode(mine);
      await store.insertSupportCode(theirs);
      await store.revokeSupportCodes(session.id, T0 + 5);
      assert.deepEqual(await store.findSupportCode(mine.code), { ...mine, revokedAt: T0 + 5 });
      assert.equal(await store.findSupportCodeOfPage(session.id, mine.pageId), undefined);
      assert.deepEqual(await store.findSupportCode(theirs.code), theirs);
    });

    test('S-6: revoking again keeps the first revocation time', async () => {
      const store = getStore();
      const { session } = await seedSession(store, { origin: 'sos' });
      const code = { code: uniqueCode(), sessionId: session.id, pageId: uid('page'), createdAt: T0, revokedAt: null };
      await store.insertSupportCode(code);
      await store.revokeSupportCodes(session.id, T0 + 5);
      await store.revokeSupportCodes(session.id, T0 + 9);
      assert.equal((await store.findSupportCode(code.code))?.revokedAt, T0 + 5);
    });

    test('S-6: the same code twice is refused, so a collision becomes a retry', async () => {
      const store = getStore();
      const { session } = await seedSession(store, { origin: 'sos' });
      const code = { code: uniqueCode(), sessionId: session.id, pageId: uid('page'), createdAt: T0, revokedAt: null };
      await store.insertSupportCode(code);
      await assert.rejects(store.insertSupportCode({ ...code, pageId: uid('page') }));
    });
  });
}
