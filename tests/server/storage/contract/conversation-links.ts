/**
 * Contract: conversation links (P-*): single use, expiry, and the extra visitor tokens they issue.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { ConversationLink } from '../../../../server/core/conversation-link-model.js';
import type { Store } from '../../../../server/core/ports.js';
import { HOUR, seedChannel, seedVisitor, T0, uid } from './fixtures.js';

/** Declares the conversation link tests against the store `getStore` returns. */
export function conversationLinkContract(getStore: () => Store): void {
  describe('conversation links', () => {
    const seedLink = async (store: Store): Promise<ConversationLink> => {
      const channel = await seedChannel(store);
      const visitor = await seedVisitor(store, channel.id);
      const link: ConversationLink = {
        tokenHash: uid('link'),
        visitorId: visitor.id,
        channelId: channel.id,
        email: 'ada@example.com',
        createdAt: T0,
        expiresAt: T0 + HOUR,
        usedAt: null,
      };
      await store.insertConversationLink(link);
      return link;
    };

    test('a link is redeemed once, with every field; of two redeeming at once, one gets it', async () => {
      const store = getStore();
      const link = await seedLink(store);
      const both = await Promise.all([
        store.redeemConversationLink(link.tokenHash, T0 + 1),
        store.redeemConversationLink(link.tokenHash, T0 + 1),
      ]);
      assert.deepEqual(
        both.filter((l) => l !== undefined),
        [{ ...link, usedAt: T0 + 1 }],
      );
      assert.equal(await store.redeemConversationLink(link.tokenHash, T0 + 2), undefined);
    });

    test('an expired or unknown link is not redeemed', async () => {
      const store = getStore();
      const link = await seedLink(store);
      assert.equal(await store.redeemConversationLink(link.tokenHash, T0 + HOUR), undefined);
      assert.equal(await store.redeemConversationLink(uid('unknown'), T0), undefined);
    });

    test("an added token finds the visitor, and the visitor's own token still does", async () => {
      const store = getStore();
      const channel = await seedChannel(store);
      const visitor = await seedVisitor(store, channel.id);
      const extra = uid('token');
      await store.addVisitorToken(visitor.id, extra, T0);
      assert.deepEqual(await store.findVisitorByTokenHash(extra), visitor);
      assert.deepEqual(await store.findVisitorByTokenHash(visitor.tokenHash), visitor);
    });
  });
}
