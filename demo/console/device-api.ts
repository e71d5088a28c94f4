/**
 * The console's HTTP calls for managing a device (U-8, U-9): rename, remove, and its change log.
 * Every answer is a `Result`, also when the server cannot be reached.
 */
import type { DeviceEventView, DeviceView } from '../../src/protocol/index.js';
import { call } from './api-call.js';

const base = (deviceId: string) => `/api/devices/${encodeURIComponent(deviceId)}`;

/** Gives the device a name that its own registrations keep (admins). */
export const renameDevice = (deviceId: string, name: string) => call<DeviceView>('PATCH', base(deviceId), { name });

/** Removes the device: its connection ends and its client is refused until it registers anew (admins). */
export const removeDevice = (deviceId: string) => call<DeviceEventView>('DELETE', base(deviceId));

/** The device's renames and removal, newest first (admins). */
export const deviceEvents = (deviceId: string) => call<DeviceEventView[]>('GET', `${base(deviceId)}/events`);
