/**
 * Helpers of the channel profile tests: a profile body with defaults, and setting it over HTTP.
 */
import type { ChannelProfileFields, ChannelProfileView, PrechatForm } from '../../../src/protocol/index.js';
import { api, type TestServer } from '../../support/test-server.js';

const none = { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] };

/** A pre-chat form: name required, email optional, one required custom field. */
export const ORDER_FORM: PrechatForm = {
  enabled: true,
  name: { enabled: true, required: true },
  email: { enabled: true, required: false },
  question: { enabled: true, required: false },
  custom: [{ id: 'order', label: 'Order number', required: true }],
};

/** A profile body: no form, hours off, unless given. */
export function profileBody(
  over: { prechat?: Partial<PrechatForm>; hours?: Partial<ChannelProfileFields['hours']> } = {},
): ChannelProfileFields {
  return {
    prechat: { ...ORDER_FORM, enabled: false, ...over.prechat },
    hours: { enabled: false, timeZone: 'UTC', weekly: none, holidays: [], offlineWhenNobodyOnline: false, ...over.hours },
  };
}

/** Office hours, Monday to Friday 09:00-17:00. */
export const OFFICE_WEEK = {
  ...none,
  mon: [{ from: '09:00', to: '17:00' }],
  tue: [{ from: '09:00', to: '17:00' }],
  wed: [{ from: '09:00', to: '17:00' }],
  thu: [{ from: '09:00', to: '17:00' }],
  fri: [{ from: '09:00', to: '17:00' }],
};

/** Sets a channel's profile as the admin behind `cookie`. */
export async function setProfile(
  server: TestServer,
  cookie: string,
  channelId: string,
  body: ChannelProfileFields,
): Promise<ChannelProfileView> {
  const r = await api<ChannelProfileView>(server, cookie, 'PUT', `/api/channels/${channelId}/profile`, body);
  if (!r.body.ok) throw new Error(`setProfile: ${r.body.error} ${r.body.message}`);
  return r.body.value;
}

/** The channel's identity secret (admins). */
export async function secretOf(server: TestServer, cookie: string, channelId: string): Promise<string> {
  const r = await api<ChannelProfileView>(server, cookie, 'GET', `/api/channels/${channelId}/profile`);
  if (!r.body.ok) throw new Error(`secretOf: ${r.body.error}`);
  return r.body.value.identitySecret;
}
