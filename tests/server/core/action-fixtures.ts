/**
 * The cast of the session-action tests: who each technician is, and the facts `applyAction` gets.
 * The session is in channel c1; c2 is another channel.
 */
import type { SessionAction } from '../../../src/protocol/index.js';
import type { Session } from '../../../server/core/model.js';
import type { ActionFacts } from '../../../server/core/session-actions.js';
import { makeChannel, makeSession, T0 } from './fixtures.js';

/** A technician of the cast: their id, role and channels. */
export interface Role {
  id: string;
  role: 'admin' | 'technician';
  channels: string[];
}

/** t1 owns the session (and is in c2 too), t2 takes part in it, t3 is a member, a1 an admin outside it, t9 of c2 only. */
export const CAST = {
  owner: { id: 't1', role: 'technician', channels: ['c1', 'c2'] },
  participant: { id: 't2', role: 'technician', channels: ['c1'] },
  member: { id: 't3', role: 'technician', channels: ['c1'] },
  admin: { id: 'a1', role: 'admin', channels: [] },
  outsider: { id: 't9', role: 'technician', channels: ['c2'] },
} as const satisfies Record<string, Role>;

/** An active session owned by t1 with t2 taking part. */
export const ownedSession = (over: Partial<Session> = {}): Session =>
  makeSession({ status: 'active', ownerId: 't1', participantIds: ['t2'], ...over });

/** An in-queue session nobody owns. */
export const queuedSession = (over: Partial<Session> = {}): Session => makeSession(over);

/** The channels each technician of the cast belongs to, for `targetChannelIds`. */
export function channelsOf(id: string | null): string[] {
  const found = Object.values(CAST).find((r) => r.id === id);
  return found ? [...found.channels] : [];
}

/** The technician an action is about, if any (the actor themselves for `take`). */
export function targetOf(action: SessionAction, actor: Role): string | null {
  if ('technicianId' in action) return action.technicianId;
  return action.type === 'take' ? actor.id : null;
}

/** The facts for `actor` doing `action` on `session` at T0 + 1000, the target's channels from the cast. */
export function factsFor(session: Session, actor: Role, action: SessionAction, over: Partial<ActionFacts> = {}): ActionFacts {
  const target = targetOf(action, actor);
  return {
    session,
    actor: { id: actor.id, role: actor.role },
    now: T0 + 1000,
    actorChannelIds: actor.channels,
    targetChannelIds: channelsOf(target),
    targetActiveCount: 0,
    channel: action.type === 'transfer-channel' ? makeChannel({ id: action.channelId, name: 'Billing' }) : makeChannel(),
    ...over,
  };
}
