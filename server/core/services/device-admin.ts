/**
 * Devices managed from the console (SPEC.md U-8, U-9): an admin renames a device (its own
 * registrations then keep that name) or removes it: its connection ends, its socket is closed, its
 * credential is refused from then on, and the consoles stop listing it. Each change is kept in the
 * device's log with who made it; a removed device's connection log stays.
 */
import { fail, ok, type DeviceEventView, type DeviceView, type Result } from '../../../src/protocol/index.js';
import type { Technician } from '../model.js';
import type { Env, Store } from '../ports.js';
import type { DeviceEvent, DeviceRelay } from '../unattended-model.js';
import { mayManageDevice } from '../unattended-rules.js';
import { deviceEventView, deviceView } from '../unattended-views.js';
import type { UnattendedService } from './unattended.js';

/** How many changes the console's log shows per device. */
export const DEVICE_EVENT_LIMIT = 50;

/** Dependencies of the device admin operations. */
export interface DeviceAdminDeps {
  store: Store;
  env: Env;
  devices: DeviceRelay;
  unattended: Pick<UnattendedService, 'endConnection'>;
}

/** Builds rename, remove and the device's change log. */
export function deviceAdmin({ store, env, devices, unattended }: DeviceAdminDeps) {
  const logged = async (deviceId: string, actor: Technician, action: DeviceEvent['action'], summary: string) => {
    const event: DeviceEvent = { id: env.id(), deviceId, at: env.now(), actor: { id: actor.id, name: actor.name }, action, summary };
    await store.insertDeviceEvent(event);
    return event;
  };

  return {
    /** U-8: a new name, kept over what the device reports when it registers again. */
    async rename(actor: Technician, deviceId: string, name: string): Promise<Result<DeviceView>> {
      const allowed = mayManageDevice(await store.findDevice(deviceId), actor);
      if (!allowed.ok) return allowed;
      const before = allowed.value.name;
      await store.renameDevice(deviceId, name, env.now());
      await logged(deviceId, actor, 'renamed', `${actor.name} renamed it from "${before}" to "${name}".`);
      const renamed = await store.findDevice(deviceId);
      const live = await store.findLiveDeviceConnection(deviceId);
      const channel = await store.findChannelById(allowed.value.channelId);
      const view = deviceView(renamed ?? allowed.value, channel?.name ?? '', live, env.now());
      devices.deviceUpdated(view);
      return ok(view);
    },

    /** U-9: the device goes: its connection ends, its socket closes, its credential is refused from now on. */
    async remove(actor: Technician, deviceId: string): Promise<Result<DeviceEventView>> {
      const allowed = mayManageDevice(await store.findDevice(deviceId), actor);
      if (!allowed.ok) return allowed;
      const device = allowed.value;
      const live = await store.findLiveDeviceConnection(deviceId);
      if (live) await unattended.endConnection(live, `the device was removed by ${actor.name}`);
      // Two admins at once: the first one removes it.
      if (!(await store.removeDevice(deviceId, env.now()))) return fail('not_found', 'No such device.');
      const event = await logged(deviceId, actor, 'removed', `${actor.name} removed the device "${device.name}".`);
      devices.deviceRemoved(device);
      // Its client hears the refusal when it registers again, and forgets this identity.
      devices.disconnect(deviceId);
      return ok(deviceEventView(event));
    },

    /** U-8, U-9: the device's changes, newest first, for admins. */
    async events(actor: Technician, deviceId: string): Promise<Result<DeviceEventView[]>> {
      // A removed device's log stays readable: it says who removed it.
      const device = await store.findDevice(deviceId);
      const allowed = mayManageDevice(device && { ...device, removedAt: null }, actor);
      if (!allowed.ok) return allowed;
      return ok((await store.listDeviceEvents(deviceId, DEVICE_EVENT_LIMIT)).map(deviceEventView));
    },
  };
}

/** The device admin operations. */
export type DeviceAdmin = ReturnType<typeof deviceAdmin>;
