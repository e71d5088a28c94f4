/**
 * Who may do what with unattended access (SPEC.md U-*), as plain functions over data: a device
 * registers with its channel's key while the channel allows it; members of the channel connect to
 * an online device and may use the capabilities the channel sets, with nobody at the machine.
 */
import { fail, ok, type Result, type TechnicianRef } from '../../src/protocol/index.js';
import type { ClientGrant, SupportClient } from './escalation-model.js';
import { isOnline } from './device-presence.js';
import type { Channel, Session, Technician } from './model.js';
import { expirationMs } from './session-rules.js';
import type { Device, DeviceConnection, DeviceDetails, UnattendedSettings } from './unattended-model.js';

/** U-5: what a member may use on a device unless an admin chose otherwise. */
export const DEFAULT_UNATTENDED_CAPABILITIES = ['shell', 'files', 'system'] as const;

/** U-1: a channel nobody configured does not allow unattended access. */
export function settingsOf(channelId: string, saved: UnattendedSettings | undefined): UnattendedSettings {
  return saved ?? { channelId, allowed: false, keyHash: null, keyCreatedAt: null, capabilities: [...DEFAULT_UNATTENDED_CAPABILITIES] };
}

/** Compares two strings in time that depends on their length only, not on where they differ. */
export function constantTimeEqual(a: string, b: string): boolean {
  let diff = a.length ^ b.length;
  for (let i = 0; i < Math.max(a.length, b.length); i++) diff |= (a.charCodeAt(i) | 0) ^ (b.charCodeAt(i) | 0);
  return diff === 0;
}

/** The channel id a channel key names (`<channel id>.<secret>`). */
export function channelIdOfKey(key: string): string {
  return key.slice(0, key.indexOf('.'));
}

/** U-2: a channel key made of the channel's id and a fresh secret. */
export function newChannelKey(channelId: string, secret: string): string {
  return `${channelId}.${secret}`;
}

/**
 * U-2, U-3: a device registers only with its channel's current key (compared in constant time)
 * while the channel allows unattended access. A wrong key and an unknown channel look the same.
 */
export function checkChannelKey(settings: UnattendedSettings | undefined, presentedHash: string): Result<UnattendedSettings> {
  if (!settings?.keyHash || !constantTimeEqual(settings.keyHash, presentedHash)) {
    return fail('unauthorized', 'This channel key is not valid. Ask an admin for the current one.');
  }
  if (!settings.allowed) return fail('forbidden', 'This channel does not allow unattended access.');
  return ok(settings);
}

/**
 * U-3, U-9: the registered device a client proves to be (its id and secret, in the key's channel), or
 * null when it must register as a new device. A removed device's credential is refused, so that the
 * client learns of it and forgets it: it comes back only by registering anew with a channel key.
 */
export function knownDevice(device: Device | undefined, channelId: string, presentedSecretHash: string | null): Result<Device | null> {
  if (!device || presentedSecretHash === null || device.channelId !== channelId) return ok(null);
  if (!constantTimeEqual(device.secretHash, presentedSecretHash)) return ok(null);
  if (device.removedAt !== null) {
    return fail(
      'not_found',
      'This device was removed from the console. Run the support client again with a channel key to register it anew.',
    );
  }
  return ok(device);
}

/** U-8: what a returning device stores of its own report: a name a member gave it stays. */
export function returningDetails(device: Device, reported: DeviceDetails): DeviceDetails {
  return device.renamedAt === null ? reported : { ...reported, name: device.name };
}

/**
 * U-8, U-9: admins rename and remove devices, as they make channel keys (U-2); members only use
 * them. A removed or unknown device is `not_found`.
 */
export function mayManageDevice(device: Device | undefined, actor: Technician): Result<Device> {
  if (actor.role !== 'admin') return fail('forbidden', 'Only admins may rename or remove devices.');
  if (!device || device.removedAt !== null) return fail('not_found', 'No such device.');
  return ok(device);
}

/**
 * U-4: a member of the device's channel connects, while the channel allows unattended access and
 * the device is online (its presence lease fresh, U-6) and free.
 */
export function mayConnect(input: {
  device: Device | undefined;
  settings: UnattendedSettings;
  memberOf: readonly string[];
  live: DeviceConnection | undefined;
  now: number;
}): Result<Device> {
  const { device, settings } = input;
  if (!device || device.removedAt !== null || !input.memberOf.includes(device.channelId)) return fail('not_found', 'No such device.');
  if (!settings.allowed) return fail('forbidden', 'This channel does not allow unattended access.');
  if (!isOnline(device, input.now)) return fail('not_found', 'The device is offline.');
  if (input.live) return fail('forbidden', `${input.live.technician.name} is connected to this device.`);
  return ok(device);
}

/** U-7: only a member of the device's channel ends a connection. */
export function mayDisconnect(connection: DeviceConnection | undefined, memberOf: readonly string[]): Result<DeviceConnection> {
  if (!connection || !memberOf.includes(connection.channelId)) return fail('not_found', 'No such connection.');
  if (connection.endedAt !== null) return fail('invalid_payload', 'This connection has ended.');
  return ok(connection);
}

/** U-4: the session of an unattended connection: active, owned by the member, without a visitor. */
export function newUnattendedSession(input: { id: string; channel: Channel; technicianId: string; now: number }): Session {
  return {
    id: input.id,
    channelId: input.channel.id,
    visitorId: null,
    status: 'active',
    origin: 'unattended',
    ownerId: input.technicianId,
    participantIds: [],
    createdBy: input.technicianId,
    inviteToken: null,
    pin: null,
    lastSeq: 0,
    createdAt: input.now,
    updatedAt: input.now,
    expiresAt: input.now + expirationMs(input.channel),
    deletedAt: null,
  };
}

/** U-5: the device's support-client record and its grants: the channel's capabilities, granted by the setting. */
export function unattendedClient(input: {
  clientId: string;
  device: Device;
  session: Session;
  technician: TechnicianRef;
  organisation: string;
  settings: UnattendedSettings;
  grantIds: () => string;
  now: number;
}): { client: SupportClient; grants: ClientGrant[] } {
  const { device, session, now } = input;
  const client: SupportClient = {
    id: input.clientId,
    sessionId: session.id,
    ticketId: `device:${device.id}`,
    os: device.os,
    elevated: device.elevated,
    version: device.version,
    system: device.system,
    connectedAt: now,
    endedAt: null,
  };
  const grants = input.settings.capabilities.map((capability) => ({
    id: input.grantIds(),
    clientId: client.id,
    sessionId: session.id,
    capability,
    status: 'granted' as const,
    requestedBy: input.technician,
    organisation: input.organisation,
    requestedAt: now,
    expiresAt: now,
    answeredAt: now,
  }));
  return { client, grants };
}
