/**
 * What every session change shares: loading the names of the technicians involved, telling the
 * right people (the visitor's widgets, the channel's consoles, the owner's and participants'), and
 * writing the activity log (SPEC.md T-10: every change writes an entry).
 */
import type { Actor } from '../../../src/protocol/index.js';
import { describe } from '../activity-text.js';
import type { Channel, Session } from '../model.js';
import type { Audience, Env, Publisher, Store } from '../ports.js';
import { activityView, sessionFact } from '../views.js';

/** Dependencies of the feed. */
export interface FeedDeps {
  store: Store;
  env: Env;
  publish: Publisher;
}

/** The technicians of a session. */
export function technicianIdsOf(s: Session): string[] {
  return [s.ownerId, ...s.participantIds].filter((id): id is string => !!id);
}

/** Who hears about `s`. */
export function audienceOf(s: Session, visitor = true): Audience {
  return {
    sessionId: s.id,
    channelIds: [s.channelId],
    technicianIds: technicianIdsOf(s),
    visitor,
    ...(s.ticketId ? { ticketId: s.ticketId } : {}),
  };
}

/** Builds the feed. */
export function sessionFeed({ store, env, publish }: FeedDeps) {
  const names = async (ids: readonly string[]): Promise<Record<string, string>> => {
    const out: Record<string, string> = {};
    for (const id of new Set(ids)) {
      const t = await store.findTechnicianById(id);
      if (t) out[id] = t.name;
    }
    return out;
  };

  return {
    /** Names of the session's technicians plus `extra` ids, by id. */
    names: (s: Session, extra: readonly string[] = []) => names([...technicianIdsOf(s), ...extra]),

    /**
     * Broadcasts the session's new state. Technicians who lost sight of it (`dropped` ones, or the
     * members of `previous`'s channel after a transfer) and no longer see it through the new channel
     * or a role in it are told it is gone.
     */
    async announce(s: Session, opts: { created?: boolean; dropped?: readonly string[]; previous?: Session; channel?: Channel } = {}) {
      const involved = technicianIdsOf(s);
      if (s.deletedAt) {
        publish.sessionRemoved(s.id, { ...audienceOf(s, false), technicianIds: [...involved, ...(opts.dropped ?? [])] });
        return;
      }
      const channel = opts.channel ?? (await store.findChannelById(s.channelId));
      const fact = sessionFact(s, await names(involved), channel?.name ?? '');
      if (opts.created) publish.sessionCreated(fact, audienceOf(s));
      else publish.sessionUpdated(fact, audienceOf(s));

      const moved = opts.previous && opts.previous.channelId !== s.channelId ? opts.previous.channelId : null;
      const candidates = [...(opts.dropped ?? []), ...(moved ? (await store.listChannelMembers(moved)).map((m) => m.id) : [])];
      if (candidates.length === 0) return;
      const stillSee = new Set([...(await store.listChannelMembers(s.channelId)).map((m) => m.id), ...involved]);
      const lost = [...new Set(candidates)].filter((id) => !stillSee.has(id));
      if (lost.length > 0) publish.sessionRemoved(s.id, { sessionId: s.id, channelIds: [], technicianIds: lost, visitor: false });
    },

    /** Writes one activity entry and shows it to the session's technicians. */
    async log(s: Session, actor: Actor, verb: string, targetName = '') {
      const entry = {
        id: env.id(),
        sessionId: s.id,
        at: env.now(),
        actor,
        action: verb,
        summary: describe(
          verb,
          actor.kind === 'technician' ? actor.name : actor.kind === 'visitor' ? 'The visitor' : 'Porthole',
          targetName,
        ),
      };
      await store.insertActivity(entry);
      publish.activityCreated(activityView(entry), audienceOf(s, false));
      return entry;
    },
  };
}

/** The session feed. */
export type SessionFeed = ReturnType<typeof sessionFeed>;
