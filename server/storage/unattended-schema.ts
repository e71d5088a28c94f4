/**
 * Table types and row mapping of the unattended tables (migration 011), for Kysely.
 */
import type { Selectable } from 'kysely';
import type { ClientCapability, ClientOs, SystemInfo } from '../../src/protocol/index.js';
import type { Device, DeviceConnection, DeviceEvent, UnattendedSettings } from '../core/unattended-model.js';

export interface UnattendedSettingsTable {
  channel_id: string;
  /** 0 or 1: SQLite has no boolean. */
  allowed: number;
  key_hash: string | null;
  key_created_at: number | null;
  /** JSON array of capabilities. */
  capabilities: string;
}

export interface DevicesTable {
  id: string;
  channel_id: string;
  name: string;
  secret_hash: string;
  os: string;
  elevated: number;
  version: string;
  system_info: string | null;
  registered_at: number;
  last_seen_at: number;
  online: number;
  renamed_at: number | null;
  removed_at: number | null;
}

export interface DeviceEventsTable {
  id: string;
  device_id: string;
  at: number;
  actor_id: string;
  actor_name: string;
  action: string;
  summary: string;
}

export interface DeviceConnectionsTable {
  id: string;
  device_id: string;
  channel_id: string;
  session_id: string;
  client_id: string;
  technician_id: string;
  technician_name: string;
  started_at: number;
  ended_at: number | null;
  end_reason: string | null;
}

/** The unattended tables, merged into the `Database` of `schema.ts`. */
export interface UnattendedTables {
  unattended_settings: UnattendedSettingsTable;
  devices: DevicesTable;
  device_connections: DeviceConnectionsTable;
  device_events: DeviceEventsTable;
}

const num = (n: number | null) => (n === null ? null : Number(n));

function parsed<T>(json: string | null, fallback: T): T {
  try {
    return json ? (JSON.parse(json) as T) : fallback;
  } catch {
    return fallback;
  }
}

/** A row as {@link UnattendedSettings}. */
export function toSettings(r: Selectable<UnattendedSettingsTable>): UnattendedSettings {
  return {
    channelId: r.channel_id,
    allowed: Number(r.allowed) === 1,
    keyHash: r.key_hash,
    keyCreatedAt: num(r.key_created_at),
    capabilities: parsed<ClientCapability[]>(r.capabilities, []),
  };
}

/** {@link UnattendedSettings} as a row. */
export function fromSettings(s: UnattendedSettings): Selectable<UnattendedSettingsTable> {
  return {
    channel_id: s.channelId,
    allowed: s.allowed ? 1 : 0,
    key_hash: s.keyHash,
    key_created_at: s.keyCreatedAt,
    capabilities: JSON.stringify(s.capabilities),
  };
}

/** A row as a {@link Device}. */
export function toDevice(r: Selectable<DevicesTable>): Device {
  return {
    id: r.id,
    channelId: r.channel_id,
    name: r.name,
    secretHash: r.secret_hash,
    os: r.os as ClientOs | 'other',
    elevated: Number(r.elevated) === 1,
    version: r.version,
    system: parsed<SystemInfo | null>(r.system_info, null),
    registeredAt: Number(r.registered_at),
    lastSeenAt: Number(r.last_seen_at),
    online: Number(r.online) === 1,
    renamedAt: num(r.renamed_at),
    removedAt: num(r.removed_at),
  };
}

/** A {@link Device} as a row. */
export function fromDevice(d: Device): Selectable<DevicesTable> {
  return {
    id: d.id,
    channel_id: d.channelId,
    name: d.name,
    secret_hash: d.secretHash,
    os: d.os,
    elevated: d.elevated ? 1 : 0,
    version: d.version,
    system_info: d.system ? JSON.stringify(d.system) : null,
    registered_at: d.registeredAt,
    last_seen_at: d.lastSeenAt,
    online: d.online ? 1 : 0,
    renamed_at: d.renamedAt,
    removed_at: d.removedAt,
  };
}

/** A row as a {@link DeviceConnection}. */
export function toConnection(r: Selectable<DeviceConnectionsTable>): DeviceConnection {
  return {
    id: r.id,
    deviceId: r.device_id,
    channelId: r.channel_id,
    sessionId: r.session_id,
    clientId: r.client_id,
    technician: { id: r.technician_id, name: r.technician_name },
    startedAt: Number(r.started_at),
    endedAt: num(r.ended_at),
    endReason: r.end_reason,
  };
}

/** A {@link DeviceConnection} as a row. */
export function fromConnection(c: DeviceConnection): Selectable<DeviceConnectionsTable> {
  return {
    id: c.id,
    device_id: c.deviceId,
    channel_id: c.channelId,
    session_id: c.sessionId,
    client_id: c.clientId,
    technician_id: c.technician.id,
    technician_name: c.technician.name,
    started_at: c.startedAt,
    ended_at: c.endedAt,
    end_reason: c.endReason,
  };
}

/** A row as a {@link DeviceEvent}. */
export function toDeviceEvent(r: Selectable<DeviceEventsTable>): DeviceEvent {
  return {
    id: r.id,
    deviceId: r.device_id,
    at: Number(r.at),
    actor: { id: r.actor_id, name: r.actor_name },
    action: r.action as DeviceEvent['action'],
    summary: r.summary,
  };
}

/** A {@link DeviceEvent} as a row. */
export function fromDeviceEvent(e: DeviceEvent): Selectable<DeviceEventsTable> {
  return {
    id: e.id,
    device_id: e.deviceId,
    at: e.at,
    actor_id: e.actor.id,
    actor_name: e.actor.name,
    action: e.action,
    summary: e.summary,
  };
}
