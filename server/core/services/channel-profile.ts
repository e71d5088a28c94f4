/**
 * A channel's visitor-facing profile: admins read and change the pre-chat form and business hours
 * and rotate the identity secret; the widget learns the public part and whether the channel is
 * offline now (O-1); technicians list the messages left while it was.
 */
import {
  fail,
  ok,
  type ChannelProfileFields,
  type ChannelProfileView,
  type ChannelPublicProfile,
  type OfflineMessageView,
  type Result,
} from '../../../src/protocol/index.js';
import { defaultBusinessHours, isWithinBusinessHours } from '../business-hours.js';
import type { Channel, Technician } from '../model.js';
import type { Env, Store } from '../ports.js';
import { answerViews, defaultPrechatForm } from '../prechat-rules.js';
import type { ChannelProfile, OfflineMessage } from '../profile-model.js';

/** Whether some technician of the channel has the console open right now (socket presence). */
export interface ChannelPresence {
  isChannelStaffed(channelId: string): Promise<boolean>;
}

/** Dependencies of the profile service. */
export interface ChannelProfileDeps {
  store: Store;
  env: Env;
  presence: ChannelPresence;
}

/** How many offline messages one list returns. */
export const OFFLINE_LIST_LIMIT = 200;

/** The admin's view of a profile. */
export function channelProfileView(p: ChannelProfile): ChannelProfileView {
  return { channelId: p.channelId, prechat: p.prechat, hours: p.hours, identitySecret: p.identitySecret };
}

/** The technicians' view of an offline message. */
export function offlineMessageView(m: OfflineMessage, prechat = defaultPrechatForm()): OfflineMessageView {
  return {
    id: m.id,
    channelId: m.channelId,
    name: m.name,
    email: m.email,
    message: m.message,
    fields: answerViews(prechat, m.fields, ['name', 'email']),
    identity: m.identity,
    createdAt: m.createdAt,
    ticketId: m.ticketId,
  };
}

/** Builds the profile operations. */
export function channelProfiles({ store, env, presence }: ChannelProfileDeps) {
  /** The channel's profile, made with defaults and a fresh secret the first time it is asked for. */
  const ensure = async (channelId: string): Promise<ChannelProfile> => {
    const found = await store.findChannelProfile(channelId);
    if (found) return found;
    const made: ChannelProfile = {
      channelId,
      prechat: defaultPrechatForm(),
      hours: defaultBusinessHours(),
      identitySecret: env.token(),
      updatedAt: env.now(),
    };
    await store.saveChannelProfile(made);
    // Two first reads at once both save; reading back makes later callers agree on the one stored.
    return (await store.findChannelProfile(channelId)) ?? made;
  };

  const adminChannel = async (actor: Technician, channelId: string): Promise<Result<ChannelProfile>> => {
    if (actor.role !== 'admin') return fail('forbidden', 'Only admins may do this.');
    if (!(await store.findChannelById(channelId))) return fail('not_found', 'No such channel.');
    return ok(await ensure(channelId));
  };

  return {
    ensure,

    /** The profile, secret included (admins). */
    async read(actor: Technician, channelId: string): Promise<Result<ChannelProfileView>> {
      const p = await adminChannel(actor, channelId);
      return p.ok ? ok(channelProfileView(p.value)) : p;
    },

    /** Replaces the form and the hours (admins); the secret stays. */
    async update(actor: Technician, channelId: string, fields: ChannelProfileFields): Promise<Result<ChannelProfileView>> {
      const p = await adminChannel(actor, channelId);
      if (!p.ok) return p;
      const holidays = [...new Set(fields.hours.holidays)].sort();
      const next: ChannelProfile = { ...p.value, prechat: fields.prechat, hours: { ...fields.hours, holidays }, updatedAt: env.now() };
      await store.saveChannelProfile(next);
      return ok(channelProfileView(next));
    },

    /** I-2: a new identity secret (admins); hashes made with the old one stop verifying at once. */
    async rotateSecret(actor: Technician, channelId: string): Promise<Result<ChannelProfileView>> {
      const p = await adminChannel(actor, channelId);
      if (!p.ok) return p;
      const next: ChannelProfile = { ...p.value, identitySecret: env.token(), updatedAt: env.now() };
      await store.saveChannelProfile(next);
      return ok(channelProfileView(next));
    },

    /** O-1: offline outside business hours (server clock), or when asked to be while nobody is online. */
    async publicProfile(channel: Channel): Promise<ChannelPublicProfile> {
      const p = await ensure(channel.id);
      let offline: ChannelPublicProfile['offline'] = null;
      if (!isWithinBusinessHours(p.hours, env.now())) offline = 'hours';
      else if (p.hours.offlineWhenNobodyOnline && !(await presence.isChannelStaffed(channel.id))) offline = 'nobody_online';
      return { name: channel.name, prechat: p.prechat.enabled ? p.prechat : null, offline };
    },

    /** O-3: messages left in the technician's channels (every channel for admins), newest first. */
    async listOffline(actor: Technician): Promise<Result<OfflineMessageView[]>> {
      const ids = actor.role === 'admin' ? (await store.listChannels()).map((c) => c.id) : await store.listChannelIdsOf(actor.id);
      const messages = await store.listOfflineMessages(ids, OFFLINE_LIST_LIMIT);
      const forms = new Map<string, ChannelProfile>();
      for (const id of new Set(messages.map((m) => m.channelId))) forms.set(id, await ensure(id));
      return ok(messages.map((m) => offlineMessageView(m, forms.get(m.channelId)?.prechat)));
    },
  };
}

/** The channel profile service. */
export type ChannelProfiles = ReturnType<typeof channelProfiles>;
