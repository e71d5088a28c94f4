/**
 * Read models of a channel's visitor-facing profile, as the server sends them.
 */
import type { BusinessHours, PrechatForm } from './profile-schemas.js';

/** Why the channel is offline (O-1). */
export type OfflineReason = 'hours' | 'nobody_online';

/** What the widget learns about its channel before the first message (`channel:profile`). */
export interface ChannelPublicProfile {
  name: string;
  /** The pre-chat form, or null when the channel has none. */
  prechat: PrechatForm | null;
  /** Null while the channel is open; otherwise why it is not. */
  offline: OfflineReason | null;
}

/** A channel's profile as admins see it: the identity secret included (I-2). */
export interface ChannelProfileView {
  channelId: string;
  prechat: PrechatForm;
  hours: BusinessHours;
  /** Key of the HMAC the website computes for `identify()`. */
  identitySecret: string;
}

/** Who the website says the visitor is; `verified` only with a valid hash (I-3). */
export interface IdentityView {
  id: string;
  name: string;
  email: string;
  verified: boolean;
}

/** One pre-chat answer as technicians read it: the field's label and the visitor's text. */
export interface PrechatAnswerView {
  field: string;
  label: string;
  value: string;
}

/** What the visitor told about themselves in a session: pre-chat answers and identity. */
export interface SessionProfileView {
  prechat: PrechatAnswerView[];
  identity: IdentityView | null;
}

/** A message left while the channel was offline; `ticketId` is set once it became a ticket. */
export interface OfflineMessageView {
  id: string;
  channelId: string;
  name: string;
  email: string;
  message: string;
  /** Pre-chat answers besides name and email, with their labels. */
  fields: PrechatAnswerView[];
  identity: IdentityView | null;
  createdAt: number;
  ticketId: string | null;
}
