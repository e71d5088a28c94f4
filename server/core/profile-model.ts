/**
 * Records of the channel profile (pre-chat form, business hours, identity secret), of what a visitor
 * told in a session, and of messages left while offline, with the storage port they need. Kept apart
 * from `model.ts` and `ports.ts`; {@link ProfileStore} is part of the {@link Store}.
 */
import type { BusinessHours, IdentityView, PrechatAnswers, PrechatForm } from '../../src/protocol/index.js';
import type { Visitor } from './model.js';

/** A channel's visitor-facing settings. */
export interface ChannelProfile {
  channelId: string;
  prechat: PrechatForm;
  hours: BusinessHours;
  /** Key of the HMAC of `identify()`; rotating it makes every earlier hash unverified. */
  identitySecret: string;
  updatedAt: number;
}

/** What the visitor told in one session: pre-chat answers and the identity the website gave. */
export interface SessionProfile {
  sessionId: string;
  prechat: PrechatAnswers;
  identity: IdentityView | null;
  updatedAt: number;
}

/**
 * A message left while the channel was offline, with what a ticket needs (who, how to answer,
 * what, where from, when). `ticketId` stays null until tickets exist and one is made from it.
 */
export interface OfflineMessage {
  id: string;
  channelId: string;
  visitorId: string | null;
  name: string;
  email: string;
  message: string;
  /** Pre-chat answers besides name and email (custom fields, question). */
  fields: PrechatAnswers;
  identity: IdentityView | null;
  createdAt: number;
  ticketId: string | null;
}

/** Storage of the records above. */
export interface ProfileStore {
  findChannelProfile(channelId: string): Promise<ChannelProfile | undefined>;
  /** Inserts or replaces the channel's profile. */
  saveChannelProfile(p: ChannelProfile): Promise<void>;

  findSessionProfile(sessionId: string): Promise<SessionProfile | undefined>;
  /** Inserts or replaces the session's profile. */
  saveSessionProfile(p: SessionProfile): Promise<void>;

  insertOfflineMessage(m: OfflineMessage): Promise<void>;
  /** Messages of these channels, newest first, at most `limit`. */
  listOfflineMessages(channelIds: string[], limit: number): Promise<OfflineMessage[]>;

  /** I-4: the visitor record that holds a verified user's conversations in a channel. */
  findUserVisitor(channelId: string, userId: string): Promise<Visitor | undefined>;
  /**
   * Stores `visitor` and binds it to the user unless the user already has one; returns the bound
   * visitor either way, so two devices identifying at once end up with the same.
   */
  bindUserVisitor(channelId: string, userId: string, visitor: Visitor): Promise<Visitor>;
}
