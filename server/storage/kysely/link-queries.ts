/** Conversation links and extra visitor tokens (SPEC.md P-*). */
import type { Kysely } from 'kysely';
import type { ConversationLink, ConversationLinkStore } from '../../core/conversation-link-model.js';
import type { Database } from '../schema.js';

/** The conversation link queries. */
export function linkQueries(db: Kysely<Database>): ConversationLinkStore {
  return {
    async insertConversationLink(l) {
      await db
        .insertInto('conversation_links')
        .values({
          token_hash: l.tokenHash,
          visitor_id: l.visitorId,
          channel_id: l.channelId,
          email: l.email,
          created_at: l.createdAt,
          expires_at: l.expiresAt,
          used_at: l.usedAt,
        })
        .execute();
    },

    async redeemConversationLink(tokenHash, now) {
      // One conditional update: of two devices opening the link at once, only one changes the row.
      const r = await db
        .updateTable('conversation_links')
        .set({ used_at: now })
        .where('token_hash', '=', tokenHash)
        .where('used_at', 'is', null)
        .where('expires_at', '>', now)
        .returningAll()
        .executeTakeFirst();
      return r && linkOf(r);
    },

    async addVisitorToken(visitorId, tokenHash, createdAt) {
      await db.insertInto('visitor_tokens').values({ token_hash: tokenHash, visitor_id: visitorId, created_at: createdAt }).execute();
    },
  };
}

function linkOf(r: Database['conversation_links']): ConversationLink {
  return {
    tokenHash: r.token_hash,
    visitorId: r.visitor_id,
    channelId: r.channel_id,
    email: r.email,
    createdAt: Number(r.created_at),
    expiresAt: Number(r.expires_at),
    usedAt: r.used_at === null ? null : Number(r.used_at),
  };
}
