/**
 * Unattended access (SPEC.md U-*), the seed's jump client: a support client installed in service
 * mode with a channel key registers its machine as a device, and members of the channel connect to
 * it later without anyone at the machine, when the channel allows it. Support-client, console and
 * admin HTTP parts; `support-client.ts` and `events.ts` merge them into their role's maps.
 */
import * as v from 'valibot';
import type { Ack } from './events.js';
import type { ClientCapability, SystemInfo } from './support-client.js';
import { SystemReportSchema } from './system-report.js';
import type { ClientOs, TechnicianRef } from './views.js';

/** A channel's unattended-access settings, as admins see them; the key itself is shown once. */
export interface UnattendedSettingsView {
  channelId: string;
  /** U-1: off by default; while off, no device registers and no member connects. */
  allowed: boolean;
  /** What a member may use on a device without anyone there to ask (U-5). */
  capabilities: ClientCapability[];
  /** When the current channel key was made, null while there is none. */
  keyCreatedAt: number | null;
}

/** A freshly made channel key: shown once, stored only hashed (U-2). */
export interface UnattendedKeyView {
  key: string;
  createdAt: number;
}

/** A live unattended connection to a device. */
export interface DeviceConnectionView {
  id: string;
  deviceId: string;
  deviceName: string;
  sessionId: string;
  technician: TechnicianRef;
  startedAt: number;
  endedAt: number | null;
  /** Why it ended, in words (`ended by Ana`, `device went offline`). */
  endReason: string | null;
}

/** A registered device, as the console's Devices view shows it. */
export interface DeviceView {
  id: string;
  channelId: string;
  channelName: string;
  name: string;
  os: ClientOs | 'other';
  elevated: boolean;
  version: string;
  system: SystemInfo | null;
  registeredAt: number;
  lastSeenAt: number;
  /** U-6: a server process holds its socket and renewed its presence lease in time. */
  online: boolean;
  /** The connection in progress, if any. */
  connection: DeviceConnectionView | null;
}

/** A change made to a device from the console (U-8, U-9), in its log. */
export interface DeviceEventView {
  id: string;
  deviceId: string;
  at: number;
  actor: TechnicianRef;
  action: 'renamed' | 'removed';
  /** In words: `Ana renamed it from "PC-17" to "Reception PC".` */
  summary: string;
}

const Id = v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be an id'));
const Capability = v.picklist(['shell', 'files', 'system']);

/** A channel key: the channel's id, a dot, and 256 random bits (base64url). */
export const ChannelKeySecretSchema = v.pipe(
  v.string(),
  v.maxLength(200),
  v.regex(/^[A-Za-z0-9_-]{1,64}\.[A-Za-z0-9_-]{43,128}$/, 'must be a channel key'),
);

/** `PUT /api/channels/:id/unattended` body. */
export const UnattendedSettingsSchema = v.strictObject({
  allowed: v.boolean(),
  capabilities: v.pipe(v.array(Capability), v.maxLength(3)),
});

/** A device's name, as its client reports it or a member gives it. */
const DeviceName = v.pipe(v.string(), v.trim(), v.minLength(1, 'must not be empty'), v.maxLength(100));

/** `PATCH /api/devices/:id` body: a new name (U-8). */
export const DeviceRenameSchema = v.strictObject({ name: DeviceName });

/** `device:register` (support client in service mode): the channel key, the device's own credential once it has one. */
export const DeviceRegisterSchema = v.strictObject({
  key: ChannelKeySecretSchema,
  device: v.nullable(v.strictObject({ id: Id, secret: v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{43,128}$/, 'must be a device secret')) })),
  name: DeviceName,
  client: v.strictObject({
    os: v.picklist(['windows', 'macos', 'linux', 'other']),
    elevated: v.boolean(),
    version: v.pipe(v.string(), v.maxLength(40)),
  }),
  system: SystemReportSchema,
});

/** `device:attach` (support client): take up a connection a member started. */
export const DeviceAttachSchema = v.strictObject({ connectionId: Id });

/** `devices:list` (console). */
export const DevicesListSchema = v.strictObject({});

/** `device:connect` (console): start an unattended connection. */
export const DeviceConnectSchema = v.strictObject({ deviceId: Id });

/** `device:disconnect` (console): end a connection. */
export const DeviceDisconnectSchema = v.strictObject({ connectionId: Id });

/** `device:session-connection` (console): the connection behind an unattended session, ended or not. */
export const DeviceSessionConnectionSchema = v.strictObject({ sessionId: Id });

/** `device:connections` (console): a device's connection log, newest first. */
export const DeviceConnectionsSchema = v.strictObject({ deviceId: Id });

type Payload<S extends v.GenericSchema> = v.InferInput<S>;

/** What `device:register` answers; `secret` only when the server made a new device. */
export interface DeviceRegistered {
  deviceId: string;
  secret: string | null;
  channelName: string;
}

/** What `device:attach` answers: the connection's session and what the member may use. */
export interface DeviceAttached {
  clientId: string;
  sessionId: string;
  technician: TechnicianRef;
  capabilities: ClientCapability[];
}

/** Unattended commands of the support client (merged into `SupportClientCommands`). */
export interface DeviceCommands {
  'device:register': (p: Payload<typeof DeviceRegisterSchema>, ack: Ack<DeviceRegistered>) => void;
  'device:attach': (p: Payload<typeof DeviceAttachSchema>, ack: Ack<DeviceAttached>) => void;
}

/** Unattended facts the support client hears (merged into `SupportClientFacts`). */
export interface DeviceFacts {
  /** A member connects: the client attaches and serves the channel's unattended capabilities. */
  'device:connect-requested': (p: { connectionId: string; sessionId: string; technician: TechnicianRef; organisation: string }) => void;
}

/** Unattended commands of the console (merged into `ConsoleCommands`). */
export interface DeviceConsoleCommands {
  'devices:list': (p: Payload<typeof DevicesListSchema>, ack: Ack<DeviceView[]>) => void;
  'device:connect': (p: Payload<typeof DeviceConnectSchema>, ack: Ack<DeviceConnectionView>) => void;
  'device:disconnect': (p: Payload<typeof DeviceDisconnectSchema>, ack: Ack<DeviceConnectionView>) => void;
  'device:connections': (p: Payload<typeof DeviceConnectionsSchema>, ack: Ack<DeviceConnectionView[]>) => void;
  /** Null for a session that is not an unattended connection. */
  'device:session-connection': (p: Payload<typeof DeviceSessionConnectionSchema>, ack: Ack<DeviceConnectionView | null>) => void;
}

/** Unattended facts the console hears (merged into `ConsoleFacts`). */
export interface DeviceConsoleFacts {
  /** A device registered, came online, went offline, or a connection to it started or ended. */
  'device:updated': (device: DeviceView) => void;
  /** U-9: an admin removed the device. */
  'device:removed': (p: { deviceId: string; channelId: string }) => void;
}

/** Schemas of the support client's unattended commands. */
export const deviceCommandSchemas = {
  'device:register': DeviceRegisterSchema,
  'device:attach': DeviceAttachSchema,
} as const satisfies { [K in keyof DeviceCommands]: v.GenericSchema };

/** Schemas of the console's unattended commands. */
export const deviceConsoleCommandSchemas = {
  'devices:list': DevicesListSchema,
  'device:connect': DeviceConnectSchema,
  'device:disconnect': DeviceDisconnectSchema,
  'device:connections': DeviceConnectionsSchema,
  'device:session-connection': DeviceSessionConnectionSchema,
} as const satisfies { [K in keyof DeviceConsoleCommands]: v.GenericSchema };
