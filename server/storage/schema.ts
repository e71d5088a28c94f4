/**
 * Table types for Kysely, shared by the SQLite and PostgreSQL adapters. Timestamps are milliseconds
 * since the epoch (bigint in PostgreSQL, parsed back to numbers by the pool).
 */
import type { Generated } from 'kysely';
import type { DeskTables } from './desk-schema.js';
import type { EscalationTables } from './escalation-schema.js';
import type { LinkTables } from './link-schema.js';
import type { UnattendedTables } from './unattended-schema.js';

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
  attachment_max_bytes: number;
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
  /** Allocated like `last_seq`, for the internal notes; the database fills it in. */
  last_note_seq: Generated<number>;
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
  /** JSON of the message's AttachmentView, or null. */
  attachment: string | null;
}

export interface SessionReadsTable {
  session_id: string;
  technician_id: string;
  last_read_seq: number;
}

export interface InternalNotesTable {
  id: string;
  session_id: string;
  seq: number;
  client_id: string;
  author_id: string;
  author_name: string;
  text: string;
  created_at: number;
}

export interface ReceiptsTable {
  session_id: string;
  /** Who received: `visitor` (the technicians' messages) or `technicians` (the visitor's). */
  side: 'visitor' | 'technicians';
  delivered_seq: number;
  read_seq: number;
}

export interface AttachmentsTable {
  id: string;
  session_id: string;
  uploader_kind: 'visitor' | 'technician';
  uploader_id: string | null;
  name: string;
  size: number;
  mime: string;
  width: number | null;
  height: number | null;
  created_at: number;
}

export interface ChannelProfilesTable {
  channel_id: string;
  /** JSON of the pre-chat form. */
  prechat: string;
  /** JSON of the business hours. */
  hours: string;
  identity_secret: string;
  updated_at: number;
}

export interface SessionProfilesTable {
  session_id: string;
  /** JSON object, field id -> answer. */
  prechat: string;
  /** JSON of the identity, or null. */
  identity: string | null;
  updated_at: number;
}

export interface OfflineMessagesTable {
  id: string;
  channel_id: string;
  visitor_id: string | null;
  name: string;
  email: string;
  message: string;
  /** JSON object, field id -> answer. */
  fields: string;
  /** JSON of the identity, or null. */
  identity: string | null;
  created_at: number;
  ticket_id: string | null;
}

export interface UserVisitorsTable {
  channel_id: string;
  user_id: string;
  visitor_id: string;
}

/** The whole database, as Kysely sees it. */
export interface Database extends DeskTables, EscalationTables, LinkTables, UnattendedTables {
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
  internal_notes: InternalNotesTable;
  receipts: ReceiptsTable;
  attachments: AttachmentsTable;
  channel_profiles: ChannelProfilesTable;
  session_profiles: SessionProfilesTable;
  offline_messages: OfflineMessagesTable;
  user_visitors: UserVisitorsTable;
}
