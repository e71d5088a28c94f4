/**
 * The presence lease of devices (SPEC.md U-6), kept by every server process: a heartbeat renews the
 * leases of the devices whose sockets this process holds and sweeps the lapsed ones, and a starting
 * process clears at once the devices that no process holds. No process speaks for another: what
 * another live process holds, it renews, and the conditional updates leave a device that registered
 * again meanwhile alone.
 */
import { lapsedBefore } from '../device-presence.js';
import type { Env, Store } from '../ports.js';
import type { DeviceRelay } from '../unattended-model.js';
import type { UnattendedService } from './unattended.js';

/** What the presence pass needs. */
export interface PresencePassDeps {
  store: Store;
  env: Env;
  devices: Pick<DeviceRelay, 'localDevices' | 'isConnected'>;
  unattended: Pick<UnattendedService, 'wentAway'>;
}

/** Builds the heartbeat and the start-up sweep. */
export function presencePass({ store, env, devices, unattended }: PresencePassDeps) {
  return {
    /**
     * Every {@link PRESENCE_HEARTBEAT_MS}: renews this process's devices, then marks offline the
     * devices whose lease lapsed (their process died unheard). Returns the ids that went offline.
     */
    async heartbeat(): Promise<string[]> {
      const now = env.now();
      await store.refreshDevicePresence(devices.localDevices(), now);
      const lapsed = await store.expireDevicePresence(lapsedBefore(now));
      for (const id of lapsed) await unattended.wentAway(id);
      return lapsed;
    },

    /**
     * When the process starts: a device stored online whose socket no process holds (its process was
     * killed) goes offline now rather than when its lease lapses. Returns the ids cleared.
     */
    async reconcile(): Promise<string[]> {
      const cleared: string[] = [];
      for (const d of await store.listOnlineDevices()) {
        if (await devices.isConnected(d.id)) continue;
        if (!(await store.deviceOfflineIfSeenAt(d.id, d.lastSeenAt))) continue;
        cleared.push(d.id);
        await unattended.wentAway(d.id);
      }
      return cleared;
    },
  };
}
