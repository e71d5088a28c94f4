/**
 * The console's session work: list, details, new sessions with link and PIN, joining by support
 * code, the actions of SPEC.md T-*, and permission requests.
 */
import {
  fail,
  ok,
  type Capability,
  type Directory,
  type Invitation,
  type PermissionView,
  type Result,
  type SessionAction,
  type SessionCreated,
  type SessionDetails,
  type SessionSummary,
  type SessionProfileView,
} from '../../../src/protocol/index.js';
import { technicianMayAct } from '../access-rules.js';
import { CAPABILITY_WORDS } from '../activity-text.js';
import type { Channel, Session, Technician } from '../model.js';
import { requestPermission } from '../permission-rules.js';
import type { Presence } from '../ports.js';
import { applyAction, MAX_ACTIVE_SESSIONS } from '../session-actions.js';
import { isOpen, newTechnicianSession, nextVersion } from '../session-rules.js';
import { activityView, channelView, permissionView, receiptView, sessionSummary } from '../views.js';
import { joinGuard } from './join-guard.js';
import { audienceOf, sessionFeed } from './session-feed.js';
import type { TechnicianDeps } from './technician-chat.js';
import { PIN_DIGITS } from './visitor-join.js';

/** How many sessions the console list shows. */
export const LIST_LIMIT = 200;
/** How many activity entries the session view loads. */
export const ACTIVITY_LIMIT = 200;

const actorOf = (t: Technician) => ({ kind: 'technician' as const, id: t.id, name: t.name });

/** The invitation link: the channel's page (or this server's demo site) with the token. */
export function invitationLink(channel: Channel, siteBase: string, token: string): string {
  const url = new URL(channel.siteUrl || siteBase);
  url.searchParams.set('porthole', token);
  return url.href;
}

/** Builds the console's session operations. */
export function sessionDesk(deps: TechnicianDeps & { presence: Presence; profileOf?: (s: Session) => Promise<SessionProfileView | null> }) {
  const { store, env, publish, presence } = deps;
  const feed = sessionFeed(deps);
  const guard = joinGuard(store, env);

  const access = async (tech: Technician, sessionId: string) =>
    technicianMayAct(await store.findSession(sessionId), await store.listChannelIdsOf(tech.id), tech.id);

  const summary = async (tech: Technician, id: string): Promise<SessionSummary | null> => {
    const row = await store.getSessionRow(id, tech.id);
    return row ? sessionSummary(row) : null;
  };

  const invitationOf = async (s: Session, siteBase: string): Promise<Invitation | null> => {
    const channel = s.inviteToken ? await store.findChannelById(s.channelId) : undefined;
    return s.inviteToken && channel ? { link: invitationLink(channel, siteBase, s.inviteToken), pin: s.pin } : null;
  };

  /** Takes an unowned session for a technician who joined by code, within the active limit. */
  const takeByCode = async (tech: Technician, s: Session): Promise<Result<Session>> => {
    if ((await store.countActiveOwnedBy(tech.id)) >= MAX_ACTIVE_SESSIONS) {
      return fail('limit_reached', `A technician may hold at most ${MAX_ACTIVE_SESSIONS} active sessions; close or release one first.`);
    }
    const taken: Session = {
      ...s,
      ownerId: tech.id,
      status: 'active',
      participantIds: s.participantIds.filter((id) => id !== tech.id),
      updatedAt: nextVersion(s, env.now()),
    };
    if (!(await store.saveSession(taken, s.updatedAt))) return fail('forbidden', 'Another technician connected with this code first.');
    await feed.announce(taken);
    await feed.log(taken, actorOf(tech), 'session.code_connected');
    return ok(taken);
  };

  return {
    /** Sessions of the technician's channels and those they take part in, newest activity first. */
    async list(tech: Technician): Promise<Result<SessionSummary[]>> {
      const rows = await store.listSessions(await store.listChannelIdsOf(tech.id), tech.id, LIST_LIMIT);
      return ok(rows.map(sessionSummary));
    },

    /** Everything the session view shows. */
    async details(tech: Technician, sessionId: string, siteBase: string): Promise<Result<SessionDetails>> {
      const found = await access(tech, sessionId);
      if (!found.ok) return found;
      const [row, activity, permissions, visitorOnline, invitation, receipts] = await Promise.all([
        store.getSessionRow(sessionId, tech.id),
        store.listActivity(sessionId, ACTIVITY_LIMIT),
        store.listPermissions(sessionId),
        presence.isVisitorOnline(sessionId),
        invitationOf(found.value, siteBase),
        store.listReceipts(sessionId),
      ]);
      if (!row) return fail('not_found', 'No such session.');
      return ok({
        session: sessionSummary(row),
        activity: activity.map(activityView),
        permissions: permissions.map(permissionView),
        invitation,
        visitorOnline,
        receipts: receipts.map(receiptView),
        profile: deps.profileOf ? await deps.profileOf(found.value) : null,
      });
    },

    /** S-5: "New session": Waiting, owned by its creator, with an invitation link and a PIN. */
    async create(tech: Technician, channelId: string, siteBase: string): Promise<Result<SessionCreated>> {
      const channel = await store.findChannelById(channelId);
      if (!channel || !(await store.listChannelIdsOf(tech.id)).includes(channelId))
        return fail('forbidden', 'You are not a member of this channel.');
      for (let attempt = 0; attempt < 5; attempt++) {
        const pin = env.digits(PIN_DIGITS);
        // PINs are unique while live; a taken one is drawn again (a unique index backs this up).
        if (await store.findSessionByPin(pin)) continue;
        const token = env.token();
        const session = newTechnicianSession({ id: env.id(), channel, technicianId: tech.id, inviteToken: token, pin, now: env.now() });
        try {
          await store.insertSession(session);
        } catch {
          continue;
        }
        await feed.announce(session, { created: true, channel });
        await feed.log(session, actorOf(tech), 'session.created');
        const created = await summary(tech, session.id);
        if (!created) return fail('internal', 'The session could not be read back.');
        return ok({ session: created, invitation: { link: invitationLink(channel, siteBase, token), pin } });
      }
      return fail('internal', 'Could not draw a free PIN; please retry.');
    },

    /**
     * S-6, J-2: "Connect to a user's device". The first technician takes the session; later the code
     * reconnects only the technicians already in it.
     */
    async connectCode(tech: Technician, code: string, ip: string): Promise<Result<SessionSummary>> {
      const subjects = { ip: `code:${ip}`, technician: tech.id };
      const allowed = await guard.check(subjects);
      if (!allowed.ok) return allowed;
      const entry = await store.findSupportCode(code);
      const session = entry && !entry.revokedAt ? await store.findSession(entry.sessionId) : undefined;
      const member = session ? (await store.listChannelIdsOf(tech.id)).includes(session.channelId) : false;
      const involved = !!session && (session.ownerId === tech.id || session.participantIds.includes(tech.id));
      if (!session || !isOpen(session, env.now()) || (!member && !involved)) {
        await guard.failed(subjects);
        return fail('not_found', 'No session has that code. Check the nine digits with the visitor; a reloaded page shows a new code.');
      }
      if (!involved) {
        if (session.ownerId) return fail('forbidden', 'Another technician already connected with this code; ask them to invite you.');
        const taken = await takeByCode(tech, session);
        if (!taken.ok) return taken;
      }
      const s = await summary(tech, session.id);
      return s ? ok(s) : fail('not_found', 'No such session.');
    },

    /** T-*: one action. Answers the session as it now is, or null when it left the technician's view. */
    async act(tech: Technician, sessionId: string, action: SessionAction): Promise<Result<SessionSummary | null>> {
      const actorChannelIds = await store.listChannelIdsOf(tech.id);
      // A concurrent save makes the compare-and-set fail; the rules are then applied again to the new state.
      for (let attempt = 0; attempt < 3; attempt++) {
        const found = technicianMayAct(await store.findSession(sessionId), actorChannelIds, tech.id);
        if (!found.ok) return found;
        const session = found.value;
        const targetId = 'technicianId' in action ? action.technicianId : action.type === 'take' ? tech.id : null;
        const target = targetId ? await store.findTechnicianById(targetId) : undefined;
        if (targetId && !target) return fail('not_found', 'No such technician.');
        const channel = await store.findChannelById(action.type === 'transfer-channel' ? action.channelId : session.channelId);
        if (!channel) return fail('not_found', 'No such channel.');
        const outcome = applyAction(
          {
            session,
            actor: { id: tech.id, role: tech.role },
            now: env.now(),
            actorChannelIds,
            targetChannelIds: targetId ? await store.listChannelIdsOf(targetId) : [],
            targetActiveCount: targetId ? await store.countActiveOwnedBy(targetId) : 0,
            channel,
          },
          action,
        );
        if (!outcome.ok) return outcome;
        if (!(await store.saveSession(outcome.value.session, session.updatedAt))) continue;
        const next = outcome.value.session;
        await feed.log(next, actorOf(tech), outcome.value.verb, action.type === 'transfer-channel' ? channel.name : (target?.name ?? ''));
        await feed.announce(next, { dropped: outcome.value.dropped, previous: session, channel });
        if (action.type === 'disconnect-visitor')
          publish.visitorDisconnected(sessionId, `${tech.name} ended the connection. You can reconnect when you are ready.`);
        if (next.deletedAt || !(await access(tech, sessionId)).ok) return ok(null);
        return ok(await summary(tech, sessionId));
      }
      return fail('invalid_payload', 'The session kept changing; please try again.');
    },

    /** G-1: asks the visitor for a capability; the prompt names the technician and the organisation. */
    async requestPermission(tech: Technician, sessionId: string, capability: Capability): Promise<Result<PermissionView>> {
      const found = await access(tech, sessionId);
      if (!found.ok) return found;
      const channel = await store.findChannelById(found.value.channelId);
      const asked = requestPermission({
        session: found.value,
        technician: { id: tech.id, name: tech.name },
        capability,
        organisation: channel?.name ?? 'Support',
        existing: await store.listPermissions(sessionId),
        id: env.id(),
        now: env.now(),
      });
      if (!asked.ok) return asked;
      const view = permissionView(asked.value.permission);
      if (asked.value.created) {
        await store.insertPermission(asked.value.permission);
        publish.permissionRequested(view, audienceOf(found.value));
        await feed.log(found.value, actorOf(tech), 'permission.requested', CAPABILITY_WORDS[capability]);
      }
      return ok(view);
    },

    /** Channels and technicians the console may offer in pickers. */
    async directory(tech: Technician): Promise<Result<Directory>> {
      const mine = new Set(await store.listChannelIdsOf(tech.id));
      const channels = (await store.listChannels()).filter((c) => tech.role === 'admin' || mine.has(c.id));
      const views = await Promise.all(channels.map(async (c) => channelView(c, await store.listChannelMembers(c.id))));
      const technicians = new Map(views.flatMap((c) => c.members).map((m) => [m.id, m]));
      if (tech.role === 'admin') for (const t of await store.listTechnicians()) technicians.set(t.id, { id: t.id, name: t.name });
      return ok({ channels: views, technicians: [...technicians.values()].sort((a, b) => a.name.localeCompare(b.name)) });
    },
  };
}

/** The session desk service. */
export type SessionDesk = ReturnType<typeof sessionDesk>;
