/**
 * The session lifecycle (SPEC.md, rules S-*), as plain functions over data. Services ask these
 * functions what may happen and store what they answer; nothing here does I/O.
 */
import { fail, ok, type Result, type SessionOrigin, type SessionStatus } from '../../src/protocol/index.js';
import type { Channel, Session } from './model.js';

/** T-6: at most this many sessions may be Active and owned by one technician. */
export const MAX_ACTIVE_SESSIONS = 10;

/** States in which the session still lives and its chat accepts messages (S-4). */
const OPEN: ReadonlySet<SessionStatus> = new Set(['waiting', 'active', 'in_queue']);

/** S-8: how long a session lives without activity in this channel. */
export function expirationMs(channel: Pick<Channel, 'expirationMinutes'>): number {
  return channel.expirationMinutes * 60_000;
}

/** At most this much may the stored deadline lag "now + expiration" before activity moves it. */
export const DEADLINE_SLACK_MS = 60_000;

/**
 * S-8: the deadline activity at `now` gives the session, or undefined when the stored one is close
 * enough: within a minute, and within 1% of the expiration time (36 s of the default hour). Moving the deadline rewrites the
 * session's row and its expiry index entry, so a busy chat moving it on every message would pay
 * two page writes per message for a difference nobody can see.
 */
export function deadlineAfterActivity(
  session: Pick<Session, 'expiresAt'>,
  channel: Pick<Channel, 'expirationMinutes'>,
  now: number,
): number | undefined {
  const wanted = now + expirationMs(channel);
  const slack = Math.min(DEADLINE_SLACK_MS, expirationMs(channel) / 100);
  return session.expiresAt >= wanted - slack ? undefined : wanted;
}

/** True while the session is neither closed, expired nor deleted, on the server clock (S-8). */
export function isOpen(session: Pick<Session, 'status'> & Partial<Pick<Session, 'expiresAt' | 'deletedAt'>>, now?: number): boolean {
  if (!OPEN.has(session.status) || session.deletedAt) return false;
  return now === undefined || session.expiresAt === undefined || session.expiresAt > now;
}

/** A new session record with everything unset but what `init` says. */
function newSession(init: {
  id: string;
  channel: Channel;
  origin: SessionOrigin;
  status: SessionStatus;
  now: number;
  visitorId?: string | null;
  ownerId?: string | null;
  inviteToken?: string | null;
  pin?: string | null;
}): Session {
  return {
    id: init.id,
    channelId: init.channel.id,
    visitorId: init.visitorId ?? null,
    status: init.status,
    origin: init.origin,
    ownerId: init.ownerId ?? null,
    participantIds: [],
    createdBy: init.ownerId ?? null,
    inviteToken: init.inviteToken ?? null,
    pin: init.pin ?? null,
    lastSeq: 0,
    createdAt: init.now,
    updatedAt: init.now,
    expiresAt: init.now + expirationMs(init.channel),
    deletedAt: null,
  };
}

/** S-2 / S-6: a visitor who asks for help (or for a support code) gets a session in queue. */
export function newVisitorSession(input: {
  id: string;
  channel: Channel;
  visitorId: string;
  now: number;
  origin?: 'visitor' | 'sos';
}): Session {
  return newSession({ ...input, origin: input.origin ?? 'visitor', status: 'in_queue' });
}

/** S-5: a technician's new session waits for the visitor, owned by its creator, with link and PIN. */
export function newTechnicianSession(input: {
  id: string;
  channel: Channel;
  technicianId: string;
  inviteToken: string;
  pin: string;
  now: number;
}): Session {
  return newSession({ ...input, origin: 'technician', status: 'waiting', ownerId: input.technicianId });
}

/** S-4: whether anyone may still post in the session. */
export function canPost(session: Session, now?: number): Result<null> {
  return isOpen(session, now)
    ? ok(null)
    : fail('session_not_open', `This session is ${statusWord(session, now)}; start a new one to chat again.`);
}

/** Why a session is not open, in one word. */
export function statusWord(session: Session, now?: number): string {
  if (session.deletedAt) return 'deleted';
  if (OPEN.has(session.status) && now !== undefined && session.expiresAt <= now) return 'expired';
  return session.status.replace('_', ' ');
}

/**
 * S-3: a technician who replies to a session that nobody owns takes it. Returns the session as it
 * should become, or `null` when the reply changes nothing.
 */
export function afterTechnicianReply(session: Session, technicianId: string, now: number): Session | null {
  if (session.status !== 'in_queue' || session.ownerId !== null) return null;
  return { ...session, status: 'active', ownerId: technicianId, updatedAt: nextVersion(session, now) };
}

/**
 * S-5: the visitor opens the invitation (link or PIN). Both secrets stop working at once: they are a
 * rendezvous, not a password. The session becomes Active when it has an owner, In queue otherwise.
 * T-6: an owner who already holds the maximum of active sessions does not get one more this way:
 * the session goes to the queue without an owner instead.
 */
export function visitorJoins(session: Session, visitorId: string, now: number, channel: Channel, ownerActiveCount = 0): Result<Session> {
  if (!isOpen(session, now) || session.status !== 'waiting') return fail('not_found', 'This invitation was already used or has expired.');
  const owner = ownerActiveCount < MAX_ACTIVE_SESSIONS ? session.ownerId : null;
  return ok({
    ...session,
    visitorId,
    ownerId: owner,
    status: owner ? 'active' : 'in_queue',
    inviteToken: null,
    pin: null,
    updatedAt: nextVersion(session, now),
    expiresAt: now + expirationMs(channel),
  });
}

/**
 * S-9: the visitor's widget reconnects to a session the owner had disconnected (Waiting with a
 * visitor already bound): it becomes Active again.
 */
export function visitorReturns(session: Session, now: number): Session | null {
  if (session.status !== 'waiting' || !session.visitorId || !session.ownerId || !isOpen(session, now)) return null;
  return { ...session, status: 'active', updatedAt: nextVersion(session, now) };
}

/** The next `updatedAt`: the save version must move forward even within one millisecond. */
export function nextVersion(session: Pick<Session, 'updatedAt'>, now: number): number {
  return Math.max(now, session.updatedAt + 1);
}
