/**
 * Table types and row mapping of the escalation tables (migration 007), for Kysely.
 */
import type { Selectable } from 'kysely';
import type { ClientCapability, ClientOs, PermissionStatus, SystemInfo } from '../../src/protocol/index.js';
import type { ClientGrant, ClientTransfer, EscalationTicket, SupportClient } from '../core/escalation-model.js';

export interface EscalationTicketsTable {
  id: string;
  session_id: string;
  token_hash: string;
  code: string | null;
  created_at: number;
  expires_at: number;
  used_at: number | null;
  revoked_at: number | null;
}

export interface SupportClientsTable {
  id: string;
  session_id: string;
  ticket_id: string;
  os: string;
  /** 0 or 1: SQLite has no boolean. */
  elevated: number;
  version: string;
  /** JSON of {@link SystemInfo}, null until the visitor allowed it. */
  system_info: string | null;
  connected_at: number;
  ended_at: number | null;
  /** E-14 (migration 011): hash of the resume credential, null once the client may not come back. */
  resume_hash: string | null;
}

export interface ClientGrantsTable {
  id: string;
  client_id: string;
  session_id: string;
  capability: string;
  status: string;
  requested_by: string;
  requested_by_name: string;
  organisation: string;
  requested_at: number;
  expires_at: number;
  answered_at: number | null;
}

/** Files on their way (migration 009). */
export interface ClientTransfersTable {
  id: string;
  session_id: string;
  client_id: string;
  direction: string;
  name: string;
  size: number;
  technician_id: string;
  technician_name: string;
  next_index: number;
  bytes: number;
  /** 0 or 1. */
  done: number;
}

/** Shell output since the last command (migration 013). */
export interface ShellJournalsTable {
  shell_id: string;
  session_id: string;
  client_id: string;
  bytes: number;
  head: string;
  /** The highest output seq counted. */
  seq: number;
}

/** The escalation tables, merged into the `Database` of `schema.ts`. */
export interface EscalationTables {
  shell_journals: ShellJournalsTable;
  escalation_tickets: EscalationTicketsTable;
  support_clients: SupportClientsTable;
  client_grants: ClientGrantsTable;
  client_transfers: ClientTransfersTable;
}

const num = (n: number | null) => (n === null ? null : Number(n));

/** A row as an {@link EscalationTicket}. */
export function toTicket(r: Selectable<EscalationTicketsTable>): EscalationTicket {
  return {
    id: r.id,
    sessionId: r.session_id,
    tokenHash: r.token_hash,
    code: r.code,
    createdAt: Number(r.created_at),
    expiresAt: Number(r.expires_at),
    usedAt: num(r.used_at),
    revokedAt: num(r.revoked_at),
  };
}

/** An {@link EscalationTicket} as a row. */
export function fromTicket(t: EscalationTicket): Selectable<EscalationTicketsTable> {
  return {
    id: t.id,
    session_id: t.sessionId,
    token_hash: t.tokenHash,
    code: t.code,
    created_at: t.createdAt,
    expires_at: t.expiresAt,
    used_at: t.usedAt,
    revoked_at: t.revokedAt,
  };
}

/** A row as a {@link SupportClient}. */
export function toSupportClient(r: Selectable<SupportClientsTable>): SupportClient {
  let system: SystemInfo | null = null;
  try {
    system = r.system_info ? (JSON.parse(r.system_info) as SystemInfo) : null;
  } catch {
    system = null;
  }
  return {
    id: r.id,
    sessionId: r.session_id,
    ticketId: r.ticket_id,
    os: r.os as ClientOs | 'other',
    elevated: Number(r.elevated) === 1,
    version: r.version,
    system,
    connectedAt: Number(r.connected_at),
    endedAt: num(r.ended_at),
    ...(r.resume_hash !== null ? { resumable: true } : {}),
  };
}

/** A {@link SupportClient} as a row. */
export function fromSupportClient(c: SupportClient): Selectable<SupportClientsTable> {
  return {
    id: c.id,
    session_id: c.sessionId,
    ticket_id: c.ticketId,
    os: c.os,
    elevated: c.elevated ? 1 : 0,
    version: c.version,
    system_info: c.system ? JSON.stringify(c.system) : null,
    connected_at: c.connectedAt,
    ended_at: c.endedAt,
    resume_hash: null,
  };
}

/** A row as a {@link ClientGrant}. */
export function toClientGrant(r: Selectable<ClientGrantsTable>): ClientGrant {
  return {
    id: r.id,
    clientId: r.client_id,
    sessionId: r.session_id,
    capability: r.capability as ClientCapability,
    status: r.status as PermissionStatus,
    requestedBy: { id: r.requested_by, name: r.requested_by_name },
    organisation: r.organisation,
    requestedAt: Number(r.requested_at),
    expiresAt: Number(r.expires_at),
    answeredAt: num(r.answered_at),
  };
}

/** A {@link ClientGrant} as a row. */
export function fromClientGrant(g: ClientGrant): Selectable<ClientGrantsTable> {
  return {
    id: g.id,
    client_id: g.clientId,
    session_id: g.sessionId,
    capability: g.capability,
    status: g.status,
    requested_by: g.requestedBy.id,
    requested_by_name: g.requestedBy.name,
    organisation: g.organisation,
    requested_at: g.requestedAt,
    expires_at: g.expiresAt,
    answered_at: g.answeredAt,
  };
}

/** A row as a {@link ClientTransfer}. */
export function toClientTransfer(r: Selectable<ClientTransfersTable>): ClientTransfer {
  return {
    id: r.id,
    sessionId: r.session_id,
    clientId: r.client_id,
    direction: r.direction as ClientTransfer['direction'],
    name: r.name,
    size: Number(r.size),
    technician: { id: r.technician_id, name: r.technician_name },
    nextIndex: Number(r.next_index),
    bytes: Number(r.bytes),
    done: Number(r.done) === 1,
  };
}

/** A {@link ClientTransfer} as a row. */
export function fromClientTransfer(t: ClientTransfer): Selectable<ClientTransfersTable> {
  return {
    id: t.id,
    session_id: t.sessionId,
    client_id: t.clientId,
    direction: t.direction,
    name: t.name,
    size: t.size,
    technician_id: t.technician.id,
    technician_name: t.technician.name,
    next_index: t.nextIndex,
    bytes: t.bytes,
    done: t.done ? 1 : 0,
  };
}
