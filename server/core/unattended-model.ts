/**
 * Records and ports of unattended access (SPEC.md U-*): a channel's settings and key, the devices
 * registered with it, and the log of connections members made to them. Storage adapters implement
 * {@link UnattendedStore}, held to the same contract suite as the rest of the store.
 */
import type { ClientCapability, ClientOs, DeviceView, SupportClientFacts, SystemInfo } from '../../src/protocol/index.js';

/** U-1, U-2: whether a channel allows unattended access, and the hash of its channel key. */
export interface UnattendedSettings {
  channelId: string;
  allowed: boolean;
  /** Hash of the channel key; the key itself is shown once to the admin who made it. */
  keyHash: string | null;
  keyCreatedAt: number | null;
  capabilities: ClientCapability[];
}

/** A machine whose support client runs in service mode (U-3). */
export interface Device {
  id: string;
  channelId: string;
  name: string;
  /** Hash of the device's own secret, which its state file keeps. */
  secretHash: string;
  os: ClientOs | 'other';
  elevated: boolean;
  version: string;
  system: SystemInfo | null;
  registeredAt: number;
  /** Refreshed by its server process's heartbeat while connected: the presence lease (U-6). */
  lastSeenAt: number;
  /** Whether a server process holds its socket; read through `device-presence.ts`, which also checks the lease. */
  online: boolean;
  /** When a member renamed it in the console (U-8); its own registrations then keep that name. */
  renamedAt: number | null;
  /** When it was removed from the console (U-9); its credential is refused from then on. */
  removedAt: number | null;
}

/** A change made to a device from the console (U-8, U-9), in the device's log. */
export interface DeviceEvent {
  id: string;
  deviceId: string;
  at: number;
  actor: { id: string; name: string };
  action: 'renamed' | 'removed';
  summary: string;
}

/** One unattended connection of a member to a device (U-6): who, when, and how it ended. */
export interface DeviceConnection {
  id: string;
  deviceId: string;
  channelId: string;
  sessionId: string;
  /** The support-client record the device serves the session through. */
  clientId: string;
  technician: { id: string; name: string };
  startedAt: number;
  endedAt: number | null;
  endReason: string | null;
}

/** What a device says about itself each time it registers. */
export type DeviceDetails = Pick<Device, 'name' | 'os' | 'elevated' | 'version' | 'system'>;

/** Unattended settings, devices and connections in storage. Every method is atomic on its own. */
export interface UnattendedStore {
  /** A channel's settings, undefined while an admin never saved any (read as not allowed). */
  findUnattendedSettings(channelId: string): Promise<UnattendedSettings | undefined>;
  saveUnattendedSettings(s: UnattendedSettings): Promise<void>;

  insertDevice(d: Device): Promise<void>;
  findDevice(id: string): Promise<Device | undefined>;
  /** Stores what the device says about itself and marks it online, seen at `at`. */
  deviceRegistered(id: string, details: DeviceDetails, at: number): Promise<void>;
  /** Marks the device offline, seen last at `at`. */
  deviceOffline(id: string, at: number): Promise<void>;
  /** Devices of these channels, by name; removed ones left out. */
  listDevices(channelIds: string[]): Promise<Device[]>;
  /** U-6: the devices stored as online, in every channel (a starting server checks them). */
  listOnlineDevices(): Promise<Device[]>;
  /**
   * U-6: renews the lease of these devices, the ones whose sockets this process holds, and marks them
   * online: a sweep that raced with their registration is undone by the next beat. Removed ones stay.
   */
  refreshDevicePresence(ids: string[], at: number): Promise<void>;
  /** U-6: marks offline the online devices not seen since `before`; returns their ids. */
  expireDevicePresence(before: number): Promise<string[]>;
  /** U-6: marks the device offline if it is still online and was last seen at `seenAt`; false otherwise. */
  deviceOfflineIfSeenAt(id: string, seenAt: number): Promise<boolean>;
  /** U-8: gives the device the name a member chose. */
  renameDevice(id: string, name: string, at: number): Promise<void>;
  /** U-9: marks the device removed and offline; false if it was removed already. */
  removeDevice(id: string, at: number): Promise<boolean>;
  insertDeviceEvent(e: DeviceEvent): Promise<void>;
  /** The device's events, newest first, at most `limit`. */
  listDeviceEvents(deviceId: string, limit: number): Promise<DeviceEvent[]>;

  insertDeviceConnection(c: DeviceConnection): Promise<void>;
  findDeviceConnection(id: string): Promise<DeviceConnection | undefined>;
  /** The device's connection that has not ended, if any. */
  findLiveDeviceConnection(deviceId: string): Promise<DeviceConnection | undefined>;
  /** The live connection of a session, if any. */
  findLiveConnectionOfSession(sessionId: string): Promise<DeviceConnection | undefined>;
  /** The newest connection of a session, live or ended. */
  findConnectionOfSession(sessionId: string): Promise<DeviceConnection | undefined>;
  /** Ends a live connection; false if it had ended already. */
  endDeviceConnection(id: string, at: number, reason: string): Promise<boolean>;
  /** The device's connections, newest first, at most `limit`. */
  listDeviceConnections(deviceId: string, limit: number): Promise<DeviceConnection[]>;

  /** E-14: sets (or clears, with null) the hash of a support client's resume credential. */
  setSupportClientResume(clientId: string, resumeHash: string | null): Promise<void>;
  /**
   * E-14: reopens the client whose resume hash matches, ended or not, as connected at `at` (so the
   * socket it replaces can tell it no longer holds it); false when the hash does not match.
   */
  resumeSupportClient(clientId: string, resumeHash: string, at: number): Promise<boolean>;
}

/** How the core reaches a device's support client and the consoles of its channel. */
export interface DeviceRelay {
  /** Sends a fact to the device's socket, wherever it is connected. */
  toDevice<E extends keyof SupportClientFacts>(deviceId: string, event: E, payload: Parameters<SupportClientFacts[E]>[0]): void;
  /** Tells the consoles of the device's channel what it now looks like. */
  deviceUpdated(device: DeviceView): void;
  /** Whether a socket of the device is connected to any server process now. */
  isConnected(deviceId: string): Promise<boolean>;
  /** The devices whose sockets this server process holds. */
  localDevices(): string[];
  /** U-9: closes the device's sockets, wherever they are connected. */
  disconnect(deviceId: string): void;
  /** U-9: tells the consoles of the channel that the device is gone. */
  deviceRemoved(device: { id: string; channelId: string }): void;
}
