/**
 * Whether a device is online (SPEC.md U-6), as a lease: the server process holding its socket renews
 * `lastSeenAt` on a heartbeat, and a device counts online only while that lease is fresh. A process
 * that dies without a word (SIGKILL, a lost machine) stops renewing, so its devices read offline once
 * the lease lapses, whichever process is asked, and no process has to speak for another.
 */
import type { Device } from './unattended-model.js';

/** How often a server process renews the leases of the devices whose sockets it holds. */
export const PRESENCE_HEARTBEAT_MS = 15_000;

/** How long a renewal holds: three heartbeats, so one slow beat does not flap a device offline. */
export const PRESENCE_LEASE_MS = 3 * PRESENCE_HEARTBEAT_MS;

/** Online: a process said so, the lease is fresh, and the device was not removed. */
export function isOnline(d: Pick<Device, 'online' | 'lastSeenAt' | 'removedAt'>, now: number): boolean {
  return d.online && d.removedAt === null && now - d.lastSeenAt < PRESENCE_LEASE_MS;
}

/** Leases renewed before this time have lapsed at `now`. */
export function lapsedBefore(now: number): number {
  return now - PRESENCE_LEASE_MS + 1;
}
