/** The conversation link tables (migration 010), as Kysely sees them. */

export interface ConversationLinksTable {
  token_hash: string;
  visitor_id: string;
  channel_id: string;
  email: string;
  created_at: number;
  expires_at: number;
  used_at: number | null;
}

export interface VisitorTokensTable {
  token_hash: string;
  visitor_id: string;
  created_at: number;
}

/** The tables of this concept, part of the Database. */
export interface LinkTables {
  conversation_links: ConversationLinksTable;
  visitor_tokens: VisitorTokensTable;
}
