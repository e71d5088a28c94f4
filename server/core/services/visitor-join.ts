/**
 * How a visitor gets into a session besides asking for help: an invitation (link or PIN, S-5) or a
 * 9-digit support code read out to a technician (S-6).
 */
import { fail, ok, type Result, type SessionView, type VisitorJoined } from '../../../src/protocol/index.js';
import type { Channel, Session } from '../model.js';
import { isOpen, visitorJoins } from '../session-rules.js';
import { messageView, sessionView } from '../views.js';
import { joinGuard } from './join-guard.js';
import { sessionFeed } from './session-feed.js';
import { SYNC_PAGE, visitorChat, type VisitorContext, type VisitorDeps } from './visitor-chat.js';

/** Digits of a support code. */
export const SUPPORT_CODE_DIGITS = 9;
/** Digits of an invitation PIN. */
export const PIN_DIGITS = 6;

/** Builds the join operations. */
export function visitorJoin(deps: VisitorDeps) {
  const { store, env } = deps;
  const chat = visitorChat(deps);
  const feed = sessionFeed(deps);
  const guard = joinGuard(store, env);

  const enter = async (ctx: VisitorContext, session: Session, channel: Channel): Promise<Result<VisitorJoined>> => {
    const { visitor, token } = await chat.ensureVisitor(ctx);
    const ownerActive = session.ownerId ? await store.countActiveOwnedBy(session.ownerId) : 0;
    const joined = visitorJoins(session, visitor.id, env.now(), channel, ownerActive);
    if (!joined.ok) return joined;
    if (!(await store.saveSession(joined.value, session.updatedAt))) return fail('not_found', 'This invitation was already used.');
    await feed.announce(joined.value, { channel, dropped: session.ownerId && !joined.value.ownerId ? [session.ownerId] : [] });
    await feed.log(joined.value, { kind: 'visitor' }, 'visitor.joined');
    if (session.ownerId && !joined.value.ownerId) await feed.log(joined.value, { kind: 'system' }, 'session.queued_owner_busy');
    const messages = await store.listMessages(session.id, 0, SYNC_PAGE);
    ctx.visitor = visitor;
    return ok({
      token: token ?? '',
      session: sessionView(joined.value, await feed.names(joined.value)),
      messages: messages.map(messageView),
    });
  };

  return {
    /**
     * S-5: opens the session behind an invitation link (128+ random bits, not rate limited) or a PIN
     * (rate limited per address and channel, J-1). Secrets of other channels do not work here.
     */
    async join(ctx: VisitorContext, p: { link: string } | { pin: string }): Promise<Result<VisitorJoined>> {
      if ('link' in p) {
        const session = await store.findSessionByInviteToken(p.link);
        if (!session || session.channelId !== ctx.channel.id)
          return fail('not_found', 'This invitation link is not valid, or was already used.');
        return enter(ctx, session, ctx.channel);
      }
      // PINs and support codes are counted apart, so typing one never uses up the other's allowance.
      const subjects = { ip: `pin:${ctx.ip}`, channel: ctx.channel.id };
      const allowed = await guard.check(subjects);
      if (!allowed.ok) return allowed;
      const session = await store.findSessionByPin(p.pin);
      if (!session || session.channelId !== ctx.channel.id || !isOpen(session, env.now())) {
        await guard.failed(subjects);
        return fail('not_found', 'That PIN is not valid. Check the six digits with your technician.');
      }
      return enter(ctx, session, ctx.channel);
    },

    /**
     * S-6: the code of this page load. The same page asks again after a reconnect and gets the same
     * code; a new page load revokes the old code and gets a new one.
     */
    async sosCode(ctx: VisitorContext, pageId: string): Promise<Result<{ code: string; session: SessionView; token: string }>> {
      const started = await chat.start(ctx, 'sos');
      if (!started.ok) return started;
      ctx.visitor = started.value.visitor;
      const sessionId = started.value.session.id;
      const token = started.value.token ?? '';
      const existing = await store.findSupportCodeOfPage(sessionId, pageId);
      if (existing) return ok({ code: existing.code, session: started.value.session, token });
      const now = env.now();
      await store.revokeSupportCodes(sessionId, now);
      // Collisions in a billion are rare; the primary key turns one into a retry.
      for (let attempt = 0; attempt < 5; attempt++) {
        const code = env.digits(SUPPORT_CODE_DIGITS);
        if (await store.findSupportCode(code)) continue;
        try {
          await store.insertSupportCode({ code, sessionId, pageId, createdAt: now, revokedAt: null });
          return ok({ code, session: started.value.session, token });
        } catch {
          continue;
        }
      }
      return fail('internal', 'Could not make a support code; please retry.');
    },
  };
}

/** The visitor join service. */
export type VisitorJoin = ReturnType<typeof visitorJoin>;
