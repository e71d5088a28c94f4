/**
 * Row ↔ record mapping between the tables of `schema.ts` and the core's model.
 */
import type { Selectable } from 'kysely';
import type { SessionStatus } from '../../src/protocol/index.js';
import type { Message, Session, Technician } from '../core/model.js';
import type { MessagesTable, SessionsTable, TechniciansTable } from './schema.js';

/** A technicians row as a {@link Technician}. */
export function toTechnician(r: Selectable<TechniciansTable>): Technician {
  return { id: r.id, email: r.email, name: r.name, role: r.role, passwordHash: r.password_hash, createdAt: Number(r.created_at) };
}

/** A sessions row as a {@link Session}. */
export function toSession(r: Selectable<SessionsTable>): Session {
  return {
    id: r.id,
    channelId: r.channel_id,
    visitorId: r.visitor_id,
    status: r.status as SessionStatus,
    ownerId: r.owner_id,
    lastSeq: Number(r.last_seq),
    createdAt: Number(r.created_at),
    updatedAt: Number(r.updated_at),
  };
}

/** A messages row as a {@link Message}. */
export function toMessage(r: Selectable<MessagesTable>): Message {
  return {
    id: r.id,
    sessionId: r.session_id,
    seq: Number(r.seq),
    clientId: r.client_id,
    author:
      r.author_kind === 'technician'
        ? { kind: 'technician', id: r.author_id ?? '', name: r.author_name ?? 'Technician' }
        : { kind: 'visitor' },
    text: r.text,
    createdAt: Number(r.created_at),
  };
}

/** A {@link Message} as a messages row. */
export function fromMessage(m: Message): Selectable<MessagesTable> {
  return {
    id: m.id,
    session_id: m.sessionId,
    seq: m.seq,
    client_id: m.clientId,
    author_kind: m.author.kind,
    author_id: m.author.kind === 'technician' ? m.author.id : null,
    author_name: m.author.kind === 'technician' ? m.author.name : null,
    text: m.text,
    created_at: m.createdAt,
  };
}

/** True for a unique-constraint violation from SQLite or PostgreSQL. */
export function isUniqueViolation(e: unknown): boolean {
  const code = (e as { code?: unknown } | null)?.code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}
