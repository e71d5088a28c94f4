/**
 * The technicians' actions on a session (SPEC.md, rules T-*): who may do what, and what the session
 * becomes. Plain functions over data; the service gathers the facts they need.
 */
import { fail, ok, type Result, type SessionAction } from '../../src/protocol/index.js';
import type { Channel, Session } from './model.js';
import { expirationMs, isOpen, MAX_ACTIVE_SESSIONS, nextVersion } from './session-rules.js';

export { MAX_ACTIVE_SESSIONS };

/** T-4: at most this many technicians besides the owner (3 in all). */
export const MAX_PARTICIPANTS = 2;

/** Everything an action's rule needs to know, gathered by the service. */
export interface ActionFacts {
  session: Session;
  actor: { id: string; role: 'admin' | 'technician' };
  now: number;
  /** Channels the acting technician belongs to. */
  actorChannelIds: readonly string[];
  /** Channels the target technician (assign, transfer, invite) belongs to. */
  targetChannelIds: readonly string[];
  /** Active sessions the would-be owner already owns (take, assign, transfer). */
  targetActiveCount: number;
  /** The channel the session moves to (transfer-channel), or its own channel. */
  channel: Channel;
}

/** What an action did, for the activity log and the broadcasts. */
export interface ActionOutcome {
  session: Session;
  /** A stable verb, e.g. `session.transferred`. */
  verb: string;
  /** The technician the action was about, if any. */
  targetId: string | null;
  /** Technicians who no longer see the session (removed, or it moved to a channel they are not in). */
  dropped: string[];
}

const isOwner = (f: ActionFacts) => f.session.ownerId === f.actor.id;
const isAdmin = (f: ActionFacts) => f.actor.role === 'admin';

/** T-1: owner or admin; anyone of the channel when nobody owns the session. */
function mayManage(f: ActionFacts): boolean {
  return isOwner(f) || isAdmin(f) || (f.session.ownerId === null && f.actorChannelIds.includes(f.session.channelId));
}

function ownerOnly(f: ActionFacts, what: string): Result<null> {
  return isOwner(f) ? ok(null) : fail('forbidden', `Only the session's owner may ${what}.`);
}

function withinLimit(f: ActionFacts): Result<null> {
  return f.targetActiveCount < MAX_ACTIVE_SESSIONS
    ? ok(null)
    : fail('limit_reached', `A technician may hold at most ${MAX_ACTIVE_SESSIONS} active sessions; close or release one first.`);
}

/** The status a session gets when it gains an owner: Waiting stays Waiting until the visitor joins. */
const ownedStatus = (s: Session) => (s.status === 'waiting' ? 'waiting' : 'active');

/**
 * The status a session gets when it loses its owner (T-3, T-7): an invitation the visitor has not
 * opened stays Waiting, so its link and PIN still work (S-5); anything else goes to the queue.
 */
const unownedStatus = (s: Session) => (s.status === 'waiting' && !s.visitorId ? 'waiting' : 'in_queue');

function changed(
  f: ActionFacts,
  patch: Partial<Session>,
  verb: string,
  targetId: string | null = null,
  dropped: string[] = [],
): Result<ActionOutcome> {
  const session: Session = {
    ...f.session,
    ...patch,
    updatedAt: nextVersion(f.session, f.now),
    expiresAt: Math.max(f.session.expiresAt, f.now + expirationMs(f.channel)),
  };
  return ok({ session, verb, targetId, dropped });
}

/** Applies one action, or says why it is refused. */
export function applyAction(f: ActionFacts, action: SessionAction): Result<ActionOutcome> {
  const s = f.session;
  // T-9: a deleted session is gone for every action, as it is for every lookup.
  if (s.deletedAt) return fail('not_found', 'No such session.');
  if (action.type === 'delete') {
    if (!mayManage(f)) return fail('forbidden', 'Only the owner or an admin may delete this session.');
    return ok({
      session: { ...s, deletedAt: f.now, inviteToken: null, pin: null, updatedAt: nextVersion(s, f.now) },
      verb: 'session.deleted',
      targetId: null,
      dropped: [],
    });
  }
  // T-9: closed, expired and deleted sessions take no more actions.
  if (!isOpen(s, f.now)) return fail('session_not_open', 'This session is no longer open.');
  const participants = s.participantIds;

  switch (action.type) {
    case 'take': {
      if (s.ownerId) return fail('forbidden', 'This session already has an owner.');
      if (!f.actorChannelIds.includes(s.channelId) && !isAdmin(f)) return fail('forbidden', 'You are not a member of this channel.');
      const limit = withinLimit(f);
      if (!limit.ok) return limit;
      return changed(
        f,
        { ownerId: f.actor.id, status: ownedStatus(s), participantIds: participants.filter((id) => id !== f.actor.id) },
        'session.taken',
        f.actor.id,
      );
    }
    case 'assign': {
      if (s.ownerId && !isOwner(f) && !isAdmin(f)) return fail('forbidden', 'Only the owner or an admin may re-assign this session.');
      if (!s.ownerId && !f.actorChannelIds.includes(s.channelId) && !isAdmin(f))
        return fail('forbidden', 'You are not a member of this channel.');
      if (!f.targetChannelIds.includes(s.channelId)) return fail('invalid_payload', 'That technician is not a member of this channel.');
      if (action.technicianId === s.ownerId) return fail('invalid_payload', 'That technician already owns this session.');
      const limit = withinLimit(f);
      if (!limit.ok) return limit;
      const dropped = s.ownerId ? [s.ownerId] : [];
      return changed(
        f,
        { ownerId: action.technicianId, status: ownedStatus(s), participantIds: participants.filter((id) => id !== action.technicianId) },
        'session.assigned',
        action.technicianId,
        dropped,
      );
    }
    case 'transfer': {
      const owner = ownerOnly(f, 'transfer it');
      if (!owner.ok) return owner;
      if (action.technicianId === f.actor.id) return fail('invalid_payload', 'You already own this session.');
      if (!f.targetChannelIds.includes(s.channelId)) return fail('invalid_payload', 'That technician is not a member of this channel.');
      const limit = withinLimit(f);
      if (!limit.ok) return limit;
      const rest = participants.filter((id) => id !== action.technicianId);
      // T-3: the former owner may stay as a participant, within the limit of three technicians.
      if (action.stay && rest.length >= MAX_PARTICIPANTS)
        return fail('limit_reached', 'The session already has 3 technicians; you cannot stay as a participant.');
      return changed(
        f,
        { ownerId: action.technicianId, participantIds: action.stay ? [...rest, f.actor.id] : rest },
        'session.transferred',
        action.technicianId,
        action.stay ? [] : [f.actor.id],
      );
    }
    case 'transfer-channel': {
      const owner = ownerOnly(f, 'transfer it');
      if (!owner.ok) return owner;
      if (action.channelId === s.channelId) return fail('invalid_payload', 'The session is already in that channel.');
      if (!f.actorChannelIds.includes(action.channelId) && !isAdmin(f))
        return fail('forbidden', 'You can only transfer to a channel you belong to.');
      const kept = action.stay ? [f.actor.id] : [];
      return changed(
        f,
        { channelId: action.channelId, ownerId: null, status: unownedStatus(s), participantIds: kept },
        'session.transferred_channel',
        null,
        participants.filter((id) => !kept.includes(id)).concat(action.stay ? [] : [f.actor.id]),
      );
    }
    case 'invite': {
      const owner = ownerOnly(f, 'invite technicians');
      if (!owner.ok) return owner;
      if (action.technicianId === s.ownerId || participants.includes(action.technicianId))
        return fail('invalid_payload', 'That technician is already in this session.');
      if (!f.targetChannelIds.includes(s.channelId)) return fail('invalid_payload', 'That technician is not a member of this channel.');
      if (participants.length >= MAX_PARTICIPANTS) return fail('limit_reached', 'A session holds at most 3 technicians.');
      return changed(f, { participantIds: [...participants, action.technicianId] }, 'session.invited', action.technicianId);
    }
    case 'remove': {
      const owner = ownerOnly(f, 'remove technicians');
      if (!owner.ok) return owner;
      if (!participants.includes(action.technicianId))
        return fail('invalid_payload', 'That technician is not a participant of this session.');
      return changed(
        f,
        { participantIds: participants.filter((id) => id !== action.technicianId) },
        'session.removed_participant',
        action.technicianId,
        [action.technicianId],
      );
    }
    case 'release': {
      if (!s.ownerId) return fail('invalid_payload', 'This session has no owner to release it.');
      if (!isOwner(f) && !isAdmin(f)) return fail('forbidden', 'Only the owner or an admin may release this session.');
      return changed(f, { ownerId: null, status: unownedStatus(s) }, 'session.released');
    }
    case 'close':
      if (!mayManage(f)) return fail('forbidden', 'Only the owner or an admin may close this session.');
      return changed(f, { status: 'closed', inviteToken: null, pin: null }, 'session.closed');
    case 'disconnect-visitor': {
      const owner = ownerOnly(f, 'disconnect the customer');
      if (!owner.ok) return owner;
      if (!s.visitorId) return fail('invalid_payload', 'No customer has joined this session yet.');
      // S-9: the session is kept, waiting for the visitor to come back.
      return changed(f, { status: 'waiting' }, 'session.visitor_disconnected');
    }
    default:
      return assertNever(action);
  }
}

function assertNever(x: never): never {
  throw new Error(`Unhandled session action ${JSON.stringify(x)}`);
}
