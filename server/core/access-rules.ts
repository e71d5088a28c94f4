/**
 * Who may act on which session (SPEC.md, rules A-*). Plain functions over data.
 */
import { fail, ok, type Result } from '../../src/protocol/index.js';
import type { Session } from './model.js';

/** a visitor acts only in their own sessions. Unknown, deleted and foreign sessions look the same. */
export function visitorMayAct(session: Session | undefined, visitorId: string): Result<Session> {
  if (!session || session.deletedAt || session.visitorId !== visitorId) return fail('not_found', 'No such session.');
  return ok(session);
}

/**
 * a technician acts only in sessions of channels they belong to, or that they own or take part
 * in (a transfer to another channel may keep the former owner as a participant). Deleted sessions
 * are gone for everyone.
 */
export function technicianMayAct(session: Session | undefined, channelIds: readonly string[], technicianId?: string): Result<Session> {
  if (!session || session.deletedAt) return fail('not_found', 'No such session.');
  const involved = technicianId !== undefined && (session.ownerId === technicianId || session.participantIds.includes(technicianId));
  if (!involved && !channelIds.includes(session.channelId)) {
    return fail('forbidden', 'This session belongs to a channel you are not a member of.');
  }
  return ok(session);
}
