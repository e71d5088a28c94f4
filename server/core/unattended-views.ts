/**
 * Wire views of devices and their connections, derived from the records of `unattended-model.ts`.
 */
import type { DeviceConnectionView, DeviceEventView, DeviceView, UnattendedSettingsView } from '../../src/protocol/index.js';
import { isOnline } from './device-presence.js';
import type { Device, DeviceConnection, DeviceEvent, UnattendedSettings } from './unattended-model.js';

/** A connection as the console sees it. */
export function connectionView(c: DeviceConnection, deviceName: string): DeviceConnectionView {
  return {
    id: c.id,
    deviceId: c.deviceId,
    deviceName,
    sessionId: c.sessionId,
    technician: c.technician,
    startedAt: c.startedAt,
    endedAt: c.endedAt,
    endReason: c.endReason,
  };
}

/** A device as the console sees it at `now`; the secret's hash stays on the server. */
export function deviceView(d: Device, channelName: string, live: DeviceConnection | undefined, now: number): DeviceView {
  return {
    id: d.id,
    channelId: d.channelId,
    channelName,
    name: d.name,
    os: d.os,
    elevated: d.elevated,
    version: d.version,
    system: d.system,
    registeredAt: d.registeredAt,
    lastSeenAt: d.lastSeenAt,
    online: isOnline(d, now),
    connection: live ? connectionView(live, d.name) : null,
  };
}

/** Settings as admins see them; the key's hash stays on the server. */
export function settingsView(s: UnattendedSettings): UnattendedSettingsView {
  return { channelId: s.channelId, allowed: s.allowed, capabilities: s.capabilities, keyCreatedAt: s.keyCreatedAt };
}

/** A device event as the console sees it. */
export function deviceEventView(e: DeviceEvent): DeviceEventView {
  return { id: e.id, deviceId: e.deviceId, at: e.at, actor: e.actor, action: e.action, summary: e.summary };
}
