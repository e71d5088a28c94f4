/**
 * Who may act on which session (SPEC.md, rules A-*). Plain functions over data.
 */
import { fail, ok, type Result } from '../../src/protocol/index.js';
import type { Session } from './model.js';

/** a visitor acts only in their own sessions. Unknown and foreign sessions look the same. */
export function visitorMayAct(session: Session | undefined, visitorId: string): Result<Session> {
  if (!session || session.visitorId !== visitorId) return fail('not_found', 'No such session.');
  return ok(session);
}

/** a technician acts only in sessions of channels they belong to. */
export function technicianMayAct(session: Session | undefined, channelIds: readonly string[]): Result<Session> {
  if (!session) return fail('not_found', 'No such session.');
  if (!channelIds.includes(session.channelId)) {
    return fail('forbidden', 'This session belongs to a channel you are not a member of.');
  }
  return ok(session);
}
