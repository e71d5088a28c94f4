/**
 * What the visitor tells about themselves: the identity the website vouches for (I-1..I-5), the
 * pre-chat answers that go with a new session, and messages left while the channel is
 * offline (O-2). Identity is settled at the handshake; the rest runs around `session:start`.
 */
import {
  ok,
  type IdentityClaim,
  type IdentityView,
  type OfflineLeave,
  type PrechatAnswers,
  type Result,
  type SessionProfileView,
} from '../../../src/protocol/index.js';
import { resolveIdentity, type HashCheck } from '../identity-rules.js';
import type { Channel, Session, Visitor } from '../model.js';
import type { Env, Store } from '../ports.js';
import type { OfflineMessage } from '../profile-model.js';
import { answerViews, formFields, validatePrechatAnswers } from '../prechat-rules.js';
import type { ChannelProfiles } from './channel-profile.js';
import type { FloodGate } from './flood-gate.js';
import type { VisitorContext } from './visitor-chat.js';

/** Dependencies of the visitor profile service. */
export interface VisitorProfileDeps {
  store: Store;
  env: Env;
  profiles: ChannelProfiles;
  checkHash: HashCheck;
  /**
   * Turns a message left while offline into a ticket (O-2) and answers its id; without it (or when it
   * fails) the message is kept alone and listed, so nothing the visitor wrote is lost.
   */
  toTicket?: (m: OfflineMessage) => Promise<string | null>;
  /** Limits leaving messages per address (L-1); without it, unlimited (unit tests). */
  leaveGate?: FloodGate;
}

/** Builds the visitor profile operations. */
export function visitorProfile({ store, env, profiles, checkHash, toTicket, leaveGate }: VisitorProfileDeps) {
  const sameIdentity = (a: IdentityView | null, b: IdentityView | null) => JSON.stringify(a) === JSON.stringify(b);

  return {
    /**
     * I-3, I-4: the identity of a connection and the visitor it acts as. A verified user acts as
     * their own visitor record, shared by every device that proves the same id and never reachable
     * by a widget token, so history without a valid hash never shows theirs. An unverified claim
     * keeps the token's visitor and is only shown, marked unverified.
     */
    async identify(
      channel: Channel,
      claim: IdentityClaim,
      tokenVisitor: Visitor | null,
    ): Promise<{ identity: IdentityView; visitor: Visitor | null }> {
      const profile = await profiles.ensure(channel.id);
      const identity = resolveIdentity(claim, profile.identitySecret, checkHash);
      if (!identity.verified) return { identity, visitor: tokenVisitor };
      const fresh: Visitor = { id: env.id(), channelId: channel.id, tokenHash: env.hashToken(env.token()), createdAt: env.now() };
      const bound = (await store.findUserVisitor(channel.id, identity.id)) ?? (await store.bindUserVisitor(channel.id, identity.id, fresh));
      return { identity, visitor: bound };
    },

    /**
     * checks the answers before a session is opened. A visitor who already has an open session
     * continues it and needs none; a new session in a channel with a form needs valid answers.
     */
    async checkStart(ctx: VisitorContext, answers: PrechatAnswers | undefined): Promise<Result<PrechatAnswers>> {
      if (ctx.visitor && (await store.findOpenSessionOfVisitor(ctx.visitor.id))) return ok({});
      const { prechat } = await profiles.ensure(ctx.channel.id);
      if (!prechat.enabled) return ok({});
      return validatePrechatAnswers(prechat, answers ?? {});
    },

    /** Q-3, I-5: keeps the answers (first start only) and the connection's identity on the session. */
    async record(ctx: VisitorContext, sessionId: string, answers: PrechatAnswers): Promise<void> {
      const stored = await store.findSessionProfile(sessionId);
      const identity = ctx.identity ?? stored?.identity ?? null;
      if (stored && sameIdentity(stored.identity, identity)) return;
      if (!stored && !ctx.identity && Object.keys(answers).length === 0) return;
      await store.saveSessionProfile({ sessionId, prechat: stored?.prechat ?? answers, identity, updatedAt: env.now() });
    },

    /** O-2: stores a message left while offline, with what a ticket will need. */
    async leave(ctx: VisitorContext, p: OfflineLeave): Promise<Result<{ id: string }>> {
      const flooded = leaveGate?.check(`ip:${ctx.ip}`);
      if (flooded) return flooded;
      const { prechat } = await profiles.ensure(ctx.channel.id);
      // Answers the visitor gave to the form, if it has one; required ones are not enforced here,
      // so a visitor can always leave a message with an email address.
      const known = new Set(formFields(prechat).map((f) => f.id));
      const fields = Object.fromEntries(
        Object.entries(p.prechat ?? {}).filter(([id, value]) => known.has(id) && value && id !== 'email' && id !== 'name'),
      );
      const id = env.id();
      const left: OfflineMessage = {
        id,
        channelId: ctx.channel.id,
        visitorId: ctx.visitor?.id ?? null,
        name: p.name || ctx.identity?.name || '',
        email: p.email,
        message: p.message,
        fields,
        identity: ctx.identity ?? null,
        createdAt: env.now(),
        ticketId: null,
      };
      const ticketId = toTicket ? await toTicket(left).catch(() => null) : null;
      await store.insertOfflineMessage({ ...left, ticketId });
      return ok({ id });
    },

    /** What the console's session view shows about the visitor. */
    async sessionView(session: Session): Promise<SessionProfileView | null> {
      const stored = await store.findSessionProfile(session.id);
      if (!stored) return null;
      const { prechat } = await profiles.ensure(session.channelId);
      return { prechat: answerViews(prechat, stored.prechat), identity: stored.identity };
    },
  };
}

/** The visitor profile service. */
export type VisitorProfile = ReturnType<typeof visitorProfile>;
