/**
 * Table types for Kysely, shared by the SQLite and PostgreSQL adapters. Timestamps are milliseconds
 * since the epoch (bigint in PostgreSQL, parsed back to numbers by the pool).
 */
import type { EscalationTables } from './escalation-schema.js';

export interface TechniciansTable {
  id: string;
  email: string;
  name: string;
  role: 'admin' | 'technician';
  password_hash: string;
  created_at: number;
}

export interface AuthSessionsTable {
  token_hash: string;
  technician_id: string;
  created_at: number;
  expires_at: number;
}

export interface ChannelsTable {
  id: string;
  key: string;
  name: string;
  created_at: number;
  expiration_minutes: number;
  /** JSON array of origins. */
  allowed_origins: string;
  site_url: string;
  /** JSON object, OS -> URL. */
  download_links: string;
}

export interface ChannelMembersTable {
  channel_id: string;
  technician_id: string;
}

export interface VisitorsTable {
  id: string;
  channel_id: string;
  token_hash: string;
  created_at: number;
}

export interface SessionsTable {
  id: string;
  channel_id: string;
  visitor_id: string | null;
  status: string;
  owner_id: string | null;
  last_seq: number;
  created_at: number;
  updated_at: number;
  origin: string;
  created_by: string | null;
  invite_token: string | null;
  pin: string | null;
  expires_at: number;
  deleted_at: number | null;
}

export interface SessionParticipantsTable {
  session_id: string;
  technician_id: string;
  added_at: number;
}

export interface SupportCodesTable {
  code: string;
  session_id: string;
  page_id: string;
  created_at: number;
  revoked_at: number | null;
}

export interface ActivityTable {
  id: string;
  session_id: string;
  at: number;
  actor_kind: string;
  actor_id: string | null;
  actor_name: string | null;
  action: string;
  summary: string;
}

export interface PermissionsTable {
  id: string;
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

export interface JoinFailuresTable {
  id: string;
  key: string;
  at: number;
}

export interface MessagesTable {
  id: string;
  session_id: string;
  seq: number;
  client_id: string;
  author_kind: 'visitor' | 'technician';
  author_id: string | null;
  author_name: string | null;
  text: string;
  created_at: number;
}

export interface SessionReadsTable {
  session_id: string;
  technician_id: string;
  last_read_seq: number;
}

/** The whole database, as Kysely sees it. */
export interface Database extends EscalationTables {
  technicians: TechniciansTable;
  auth_sessions: AuthSessionsTable;
  channels: ChannelsTable;
  channel_members: ChannelMembersTable;
  visitors: VisitorsTable;
  sessions: SessionsTable;
  messages: MessagesTable;
  session_reads: SessionReadsTable;
  session_participants: SessionParticipantsTable;
  support_codes: SupportCodesTable;
  activity: ActivityTable;
  permissions: PermissionsTable;
  join_failures: JoinFailuresTable;
}
