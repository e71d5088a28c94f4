/**
 * The console's HTTP calls for a channel's unattended access (U-1, U-2): the settings, and a new
 * channel key, which the answer carries once. Every answer is a `Result`, also when the server cannot be reached.
 */
import { type UnattendedKeyView, type UnattendedSettingsView } from '../../src/protocol/index.js';
import { call } from './api-call.js';

const base = (channelId: string) => `/api/channels/${encodeURIComponent(channelId)}`;

/** A channel's unattended settings (admins). */
export const getUnattended = (channelId: string) => call<UnattendedSettingsView>('GET', `${base(channelId)}/unattended`);

/** Turns unattended access on or off and sets what members may use (admins). */
export const saveUnattended = (channelId: string, body: Pick<UnattendedSettingsView, 'allowed' | 'capabilities'>) =>
  call<UnattendedSettingsView>('PUT', `${base(channelId)}/unattended`, body);

/** Makes a new channel key; the old one stops working (admins). */
export const rotateUnattendedKey = (channelId: string) => call<UnattendedKeyView>('POST', `${base(channelId)}/unattended-key`, {});
