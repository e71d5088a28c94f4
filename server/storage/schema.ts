/**
 * Table types for Kysely, shared by the SQLite and PostgreSQL adapters. Timestamps are milliseconds
 * since the epoch (bigint in PostgreSQL, parsed back to numbers by the pool).
 */

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
export interface Database {
  technicians: TechniciansTable;
  auth_sessions: AuthSessionsTable;
  channels: ChannelsTable;
  channel_members: ChannelMembersTable;
  visitors: VisitorsTable;
  sessions: SessionsTable;
  messages: MessagesTable;
  session_reads: SessionReadsTable;
}
