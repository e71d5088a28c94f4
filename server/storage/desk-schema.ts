/**
 * Kysely table types of the service desk (migration `008-desk`). Timestamps are milliseconds; JSON
 * travels in text columns; `seq` columns keep insertion order where timestamps may tie.
 */

export interface DeskCountersTable {
  key: string;
  value: number;
}

export interface TicketsTable {
  id: string;
  number: number;
  name: string;
  description: string;
  status: string;
  priority: string;
  assignee_kind: string;
  assignee_id: string | null;
  /** JSON array. */
  tags: string;
  customer_name: string;
  customer_email: string;
  customer_phone: string;
  origin: string;
  recipient: string;
  search_text: string;
  created_at: number;
  updated_at: number;
}

export interface TicketTimelineTable {
  id: string;
  ticket_id: string;
  at: number;
  seq: number;
  kind: string;
  /** JSON. */
  actor: string;
  summary: string;
  body: string;
  /** JSON object. */
  data: string;
}

export interface TicketNotesTable {
  id: string;
  ticket_id: string;
  author_id: string;
  author_name: string;
  text: string;
  created_at: number;
}

export interface TicketAttachmentsTable {
  id: string;
  ticket_id: string;
  mail_id: string;
  filename: string;
  content_type: string;
  size: number;
  /** Base64. */
  content: string;
  created_at: number;
}

export interface TicketSessionsTable {
  session_id: string;
  ticket_id: string;
  created_at: number;
}

export interface DeskRulesTable {
  id: string;
  name: string;
  description: string;
  /** 0 or 1. */
  enabled: number;
  match: string;
  /** JSON arrays. */
  conditions: string;
  actions: string;
  position: number;
  created_at: number;
  updated_at: number;
}

export interface TechnicianGroupsTable {
  id: string;
  name: string;
  created_at: number;
}

export interface TechnicianGroupMembersTable {
  group_id: string;
  technician_id: string;
}

export interface DeskMailsTable {
  id: string;
  ticket_id: string | null;
  direction: string;
  status: string;
  from_address: string;
  to_address: string;
  subject: string;
  text: string;
  message_id: string;
  in_reply_to: string;
  /** JSON array of Message-IDs. */
  refs: string;
  error: string;
  at: number;
  seq: number;
}

export interface DeskUnreadableTable {
  id: string;
  source: string;
  reason: string;
  excerpt: string;
  size: number;
  at: number;
}

export interface DeskMailboxStateTable {
  key: string;
  uid_validity: number;
  last_uid: number;
}

/** The desk's tables, merged into the whole `Database`. */
export interface DeskTables {
  desk_counters: DeskCountersTable;
  tickets: TicketsTable;
  ticket_timeline: TicketTimelineTable;
  ticket_notes: TicketNotesTable;
  ticket_attachments: TicketAttachmentsTable;
  ticket_sessions: TicketSessionsTable;
  desk_rules: DeskRulesTable;
  technician_groups: TechnicianGroupsTable;
  technician_group_members: TechnicianGroupMembersTable;
  desk_mails: DeskMailsTable;
  desk_unreadable: DeskUnreadableTable;
  desk_mailbox_state: DeskMailboxStateTable;
}
