/**
 * What admins manage (technicians, channels) and what every technician manages for themselves
 * (their password). Channel membership changes reach live consoles through the presence port.
 */
import {
  fail,
  ok,
  type ChannelCreate,
  type ChannelFields,
  type ChannelView,
  type Result,
  type TechnicianCreate,
  type TechnicianView,
} from '../../../src/protocol/index.js';
import { channelKeyFrom, editChannel, newChannel } from '../channel-rules.js';
import type { Technician } from '../model.js';
import type { Env, PasswordHasher, Presence, Store } from '../ports.js';
import { channelView } from '../views.js';
import { technicianView } from './technician-auth.js';

/** Dependencies of the admin service. */
export interface AdminDeps {
  store: Store;
  env: Env;
  hasher: PasswordHasher;
  presence: Presence;
}

const adminOnly = (t: Technician) => (t.role === 'admin' ? null : fail('forbidden', 'Only admins may do this.'));

/** Builds the admin operations. */
export function admin({ store, env, hasher, presence }: AdminDeps) {
  const viewOf = async (id: string): Promise<ChannelView | null> => {
    const c = await store.findChannelById(id);
    return c ? channelView(c, await store.listChannelMembers(c.id)) : null;
  };

  const knownTechnicians = async (ids: readonly string[]) => {
    const all = new Set((await store.listTechnicians()).map((t) => t.id));
    return ids.every((id) => all.has(id));
  };

  const setMembers = async (channelId: string, memberIds: readonly string[]) => {
    const before = (await store.listChannelMembers(channelId)).map((m) => m.id);
    await store.setChannelMembers(channelId, [...memberIds]);
    presence.channelMembershipChanged(
      channelId,
      memberIds.filter((id) => !before.includes(id)),
      before.filter((id) => !memberIds.includes(id)),
    );
  };

  return {
    async listTechnicians(actor: Technician): Promise<Result<TechnicianView[]>> {
      return adminOnly(actor) ?? ok((await store.listTechnicians()).map(technicianView));
    },

    async createTechnician(actor: Technician, input: TechnicianCreate): Promise<Result<TechnicianView>> {
      const refused = adminOnly(actor);
      if (refused) return refused;
      if (await store.findTechnicianByEmail(input.email)) return fail('invalid_payload', 'A technician with this email already exists.');
      const tech: Technician = {
        id: env.id(),
        email: input.email,
        name: input.name,
        role: input.role,
        passwordHash: await hasher.hash(input.password),
        createdAt: env.now(),
      };
      await store.insertTechnician(tech);
      return ok(technicianView(tech));
    },

    /** Admins see every channel; technicians their own. */
    async listChannels(actor: Technician): Promise<Result<ChannelView[]>> {
      const mine = new Set(await store.listChannelIdsOf(actor.id));
      const channels = (await store.listChannels()).filter((c) => actor.role === 'admin' || mine.has(c.id));
      return ok(await Promise.all(channels.map(async (c) => channelView(c, await store.listChannelMembers(c.id)))));
    },

    async createChannel(actor: Technician, input: ChannelCreate): Promise<Result<ChannelView>> {
      const refused = adminOnly(actor);
      if (refused) return refused;
      if (!(await knownTechnicians(input.memberIds))) return fail('invalid_payload', 'A member is not a known technician.');
      let key = input.key ?? channelKeyFrom(input.name);
      if (await store.findChannelByKey(key)) {
        if (input.key) return fail('invalid_payload', `The channel key "${key}" is taken.`);
        key = `${key.slice(0, 50)}-${env.digits(4)}`;
      }
      const channel = editChannel(newChannel({ id: env.id(), key, name: input.name, now: env.now() }), input);
      await store.insertChannel(channel);
      await setMembers(channel.id, input.memberIds);
      return ok((await viewOf(channel.id))!);
    },

    async updateChannel(actor: Technician, id: string, input: ChannelFields): Promise<Result<ChannelView>> {
      const refused = adminOnly(actor);
      if (refused) return refused;
      const channel = await store.findChannelById(id);
      if (!channel) return fail('not_found', 'No such channel.');
      if (!(await knownTechnicians(input.memberIds))) return fail('invalid_payload', 'A member is not a known technician.');
      await store.updateChannel(editChannel(channel, input));
      await setMembers(id, input.memberIds);
      return ok((await viewOf(id))!);
    },

    /** Any technician, for themselves, with their current password. */
    async changePassword(actor: Technician, current: string, next: string): Promise<Result<null>> {
      if (!(await hasher.verify(actor.passwordHash, current))) return fail('invalid_credentials', 'The current password is wrong.');
      await store.updateTechnicianPassword(actor.id, await hasher.hash(next));
      return ok(null);
    },
  };
}

/** The admin service. */
export type Admin = ReturnType<typeof admin>;
