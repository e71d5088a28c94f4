/**
 * What admins set for unattended access (SPEC.md U-1, U-2): whether a channel allows it, what a
 * member may use on a device, and the channel key, made or replaced here and shown only once.
 */
import { fail, ok, type Result, type UnattendedKeyView, type UnattendedSettingsView } from '../../../src/protocol/index.js';
import type { Technician } from '../model.js';
import type { Env, Store } from '../ports.js';
import { newChannelKey, settingsOf } from '../unattended-rules.js';
import { settingsView } from '../unattended-views.js';

const adminOnly = (t: Technician) => (t.role === 'admin' ? null : fail('forbidden', 'Only admins may do this.'));

/** Builds the admin operations of unattended access. */
export function unattendedAdmin({ store, env }: { store: Store; env: Env }) {
  const current = async (channelId: string) => {
    if (!(await store.findChannelById(channelId))) return null;
    return settingsOf(channelId, await store.findUnattendedSettings(channelId));
  };

  return {
    /** A channel's settings (never its key). */
    async settings(actor: Technician, channelId: string): Promise<Result<UnattendedSettingsView>> {
      const refused = adminOnly(actor);
      if (refused) return refused;
      const s = await current(channelId);
      return s ? ok(settingsView(s)) : fail('not_found', 'No such channel.');
    },

    /** U-1: turns unattended access on or off and sets what members may use. */
    async save(
      actor: Technician,
      channelId: string,
      input: { allowed: boolean; capabilities: UnattendedSettingsView['capabilities'] },
    ): Promise<Result<UnattendedSettingsView>> {
      const refused = adminOnly(actor);
      if (refused) return refused;
      const s = await current(channelId);
      if (!s) return fail('not_found', 'No such channel.');
      const next = { ...s, allowed: input.allowed, capabilities: [...new Set(input.capabilities)] };
      await store.saveUnattendedSettings(next);
      return ok(settingsView(next));
    },

    /** U-2: a new channel key; the previous one stops working, and devices need the new one. */
    async rotateKey(actor: Technician, channelId: string): Promise<Result<UnattendedKeyView>> {
      const refused = adminOnly(actor);
      if (refused) return refused;
      const s = await current(channelId);
      if (!s) return fail('not_found', 'No such channel.');
      const key = newChannelKey(channelId, env.token());
      const createdAt = env.now();
      await store.saveUnattendedSettings({ ...s, keyHash: env.hashToken(key), keyCreatedAt: createdAt });
      return ok({ key, createdAt });
    },
  };
}

/** The unattended admin operations. */
export type UnattendedAdmin = ReturnType<typeof unattendedAdmin>;
