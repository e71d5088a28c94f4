/**
 * The console's HTTP calls for channel profiles (pre-chat form, business hours, identity secret)
 * and messages left while offline. Every answer is a `Result`, also when the server cannot be reached.
 */
import { type ChannelProfileFields, type ChannelProfileView, type OfflineMessageView } from '../../src/protocol/index.js';
import { call } from './api-call.js';

const profilePath = (channelId: string) => `/api/channels/${encodeURIComponent(channelId)}/profile`;

/** A channel's profile, secret included (admins). */
export const getChannelProfile = (channelId: string) => call<ChannelProfileView>('GET', profilePath(channelId));

/** Replaces a channel's pre-chat form and business hours (admins). */
export const saveChannelProfile = (channelId: string, body: ChannelProfileFields) =>
  call<ChannelProfileView>('PUT', profilePath(channelId), body);

/** Makes a new identity secret (admins). */
export const rotateIdentitySecret = (channelId: string) =>
  call<ChannelProfileView>('POST', `/api/channels/${encodeURIComponent(channelId)}/identity-secret`, {});

/** Messages left while offline in the technician's channels, newest first. */
export const listOfflineMessages = () => call<OfflineMessageView[]>('GET', '/api/offline-messages');
