/**
 * Row ↔ record mapping between the tables of `schema.ts` and the core's model.
 */
import type { Selectable } from 'kysely';
import type { AttachmentView, Capability, PermissionStatus, SessionOrigin, SessionStatus } from '../../src/protocol/index.js';
import type { Activity, Channel, Message, Permission, Session, Technician } from '../core/model.js';
import type { ActivityTable, ChannelsTable, MessagesTable, PermissionsTable, SessionsTable, TechniciansTable } from './schema.js';

/** A technicians row as a {@link Technician}. */
export function toTechnician(r: Selectable<TechniciansTable>): Technician {
  return { id: r.id, email: r.email, name: r.name, role: r.role, passwordHash: r.password_hash, createdAt: Number(r.created_at) };
}

function parseJson<T>(text: string, fallback: T): T {
  try {
    return JSON.parse(text) as T;
  } catch {
    return fallback;
  }
}

/** A channels row as a {@link Channel}. */
export function toChannel(r: Selectable<ChannelsTable>): Channel {
  return {
    id: r.id,
    key: r.key,
    name: r.name,
    createdAt: Number(r.created_at),
    expirationMinutes: Number(r.expiration_minutes),
    allowedOrigins: parseJson<string[]>(r.allowed_origins, []),
    siteUrl: r.site_url,
    downloadLinks: parseJson<Channel['downloadLinks']>(r.download_links, {}),
    attachmentMaxBytes: Number(r.attachment_max_bytes),
  };
}

/** A {@link Channel} as a channels row. */
export function fromChannel(c: Channel): Selectable<ChannelsTable> {
  return {
    id: c.id,
    key: c.key,
    name: c.name,
    created_at: c.createdAt,
    expiration_minutes: c.expirationMinutes,
    allowed_origins: JSON.stringify(c.allowedOrigins),
    site_url: c.siteUrl,
    download_links: JSON.stringify(c.downloadLinks),
    attachment_max_bytes: c.attachmentMaxBytes,
  };
}

/** A sessions row and its participant ids as a {@link Session}. */
export function toSession(r: Selectable<SessionsTable>, participantIds: string[]): Session {
  return {
    id: r.id,
    channelId: r.channel_id,
    visitorId: r.visitor_id,
    status: r.status as SessionStatus,
    origin: r.origin as SessionOrigin,
    ownerId: r.owner_id,
    participantIds,
    createdBy: r.created_by,
    inviteToken: r.invite_token,
    pin: r.pin,
    lastSeq: Number(r.last_seq),
    createdAt: Number(r.created_at),
    updatedAt: Number(r.updated_at),
    expiresAt: Number(r.expires_at),
    deletedAt: r.deleted_at === null ? null : Number(r.deleted_at),
  };
}

/** The mutable columns of a {@link Session}. */
export function sessionColumns(s: Session) {
  return {
    channel_id: s.channelId,
    visitor_id: s.visitorId,
    status: s.status,
    origin: s.origin,
    owner_id: s.ownerId,
    created_by: s.createdBy,
    invite_token: s.inviteToken,
    pin: s.pin,
    updated_at: s.updatedAt,
    expires_at: s.expiresAt,
    deleted_at: s.deletedAt,
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
    // Only when present, so text-only messages keep their exact shape.
    ...(r.attachment ? { attachment: parseJson<AttachmentView>(r.attachment, {} as AttachmentView) } : {}),
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
    attachment: m.attachment ? JSON.stringify(m.attachment) : null,
  };
}

/** An activity row as an {@link Activity}. */
export function toActivity(r: Selectable<ActivityTable>): Activity {
  const actor: Activity['actor'] =
    r.actor_kind === 'technician'
      ? { kind: 'technician', id: r.actor_id ?? '', name: r.actor_name ?? 'Technician' }
      : r.actor_kind === 'visitor'
        ? { kind: 'visitor' }
        : { kind: 'system' };
  return { id: r.id, sessionId: r.session_id, at: Number(r.at), actor, action: r.action, summary: r.summary };
}

/** An {@link Activity} as an activity row. */
export function fromActivity(a: Activity): Selectable<ActivityTable> {
  return {
    id: a.id,
    session_id: a.sessionId,
    at: a.at,
    actor_kind: a.actor.kind,
    actor_id: a.actor.kind === 'technician' ? a.actor.id : null,
    actor_name: a.actor.kind === 'technician' ? a.actor.name : null,
    action: a.action,
    summary: a.summary,
  };
}

/** A permissions row as a {@link Permission}. */
export function toPermission(r: Selectable<PermissionsTable>): Permission {
  return {
    id: r.id,
    sessionId: r.session_id,
    capability: r.capability as Capability,
    status: r.status as PermissionStatus,
    requestedBy: { id: r.requested_by, name: r.requested_by_name },
    organisation: r.organisation,
    requestedAt: Number(r.requested_at),
    expiresAt: Number(r.expires_at),
    answeredAt: r.answered_at === null ? null : Number(r.answered_at),
  };
}

/** A {@link Permission} as a permissions row. */
export function fromPermission(p: Permission): Selectable<PermissionsTable> {
  return {
    id: p.id,
    session_id: p.sessionId,
    capability: p.capability,
    status: p.status,
    requested_by: p.requestedBy.id,
    requested_by_name: p.requestedBy.name,
    organisation: p.organisation,
    requested_at: p.requestedAt,
    expires_at: p.expiresAt,
    answered_at: p.answeredAt,
  };
}

/** True for a unique-constraint violation from SQLite or PostgreSQL. */
export function isUniqueViolation(e: unknown): boolean {
  const code = (e as { code?: unknown } | null)?.code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}
