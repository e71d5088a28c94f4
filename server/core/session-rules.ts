/**
 * The session state machine (SPEC.md, rules S-*), as plain functions over data. Services ask these
 * functions what may happen and store what they answer; nothing here does I/O.
 */
import { fail, ok, type Result, type SessionStatus } from '../../src/protocol/index.js';
import type { Session } from './model.js';

/** States in which the session still lives and its chat accepts messages (S-4). */
const OPEN: ReadonlySet<SessionStatus> = new Set(['waiting', 'active', 'in_queue']);

/** True while the session is neither closed nor expired. */
export function isOpen(session: Pick<Session, 'status'>): boolean {
  return OPEN.has(session.status);
}

/** S-2: a visitor who asks for help gets a new session, in queue in the widget's channel. */
export function newVisitorSession(input: { id: string; channelId: string; visitorId: string; now: number }): Session {
  return {
    id: input.id,
    channelId: input.channelId,
    visitorId: input.visitorId,
    status: 'in_queue',
    ownerId: null,
    lastSeq: 0,
    createdAt: input.now,
    updatedAt: input.now,
  };
}

/** S-4: whether anyone may still post in the session. */
export function canPost(session: Session): Result<null> {
  return isOpen(session) ? ok(null) : fail('session_not_open', `This session is ${session.status}; start a new one to chat again.`);
}

/**
 * S-3: a technician who replies to a session that nobody owns takes it. Returns the session as it
 * should become, or `null` when the reply changes nothing.
 */
export function afterTechnicianReply(session: Session, technicianId: string, now: number): Session | null {
  if (session.status !== 'in_queue' || session.ownerId !== null) return null;
  return { ...session, status: 'active', ownerId: technicianId, updatedAt: now };
}
