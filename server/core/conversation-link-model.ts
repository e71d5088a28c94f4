/**
 * Conversation links (SPEC.md P-*): a visitor asks for a link by email and opens it on another
 * device, which then acts as the same visitor. Only the token's hash is stored; the link works once.
 */

/** One emailed link. */
export interface ConversationLink {
  tokenHash: string;
  visitorId: string;
  channelId: string;
  email: string;
  createdAt: number;
  expiresAt: number;
  /** When it was opened; a used link never works again. */
  usedAt: number | null;
}

/** How long a link works: long enough to open it tonight on the laptop, short enough to go stale. */
export const CONVERSATION_LINK_TTL_MS = 24 * 60 * 60 * 1000;

/** What the store keeps of links, and the extra visitor tokens they issue. Part of the Store. */
export interface ConversationLinkStore {
  insertConversationLink(link: ConversationLink): Promise<void>;
  /**
   * Marks the link used when it is unused and not expired at `now`, and answers it; undefined
   * otherwise. Atomic: of two devices opening one link at once, one gets it.
   */
  redeemConversationLink(tokenHash: string, now: number): Promise<ConversationLink | undefined>;
  /** Lets one more token act as `visitorId` (the visitor's first token keeps working). */
  addVisitorToken(visitorId: string, tokenHash: string, createdAt: number): Promise<void>;
}
