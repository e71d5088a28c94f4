/**
 * Continuing a conversation on another device (SPEC.md P-*): the visitor asks for a link by email
 * (P-1); the other device opens it and gets a token of the same visitor (P-2).
 */
import { fail, ok, type ConversationLinkAsk, type ConversationPickUp, type Result } from '../../../src/protocol/index.js';
import { CONVERSATION_LINK_TTL_MS } from '../conversation-link-model.js';
import { linkAddress, linkMail, linkOpensHere, mayAskLink } from '../conversation-link-rules.js';
import type { MailSender } from '../desk/desk-ports.js';
import type { Env, Store } from '../ports.js';
import type { FloodGate } from './flood-gate.js';
import type { VisitorContext } from './visitor-chat.js';

/** Dependencies of the conversation links. */
export interface ConversationLinkDeps {
  store: Store;
  env: Env;
  /** Outgoing mail; without it no link can be sent. */
  mail: MailSender | null;
  /** The sender address of the mail. */
  from: string;
  /** Limits asking per address: every ask sends a mail to an address the visitor typed. */
  gate: FloodGate;
}

/** The page the widget runs on, as its handshake showed it. */
export interface WidgetSite {
  origin: string | undefined;
  host: string | undefined;
}

/** Builds the conversation link operations. */
export function conversationLinks({ store, env, mail, from, gate }: ConversationLinkDeps) {
  return {
    /** P-1: mails a single-use link to the visitor's open conversation. */
    async emailLink(ctx: VisitorContext, site: WidgetSite, p: ConversationLinkAsk): Promise<Result<{ sentTo: string; expiresAt: number }>> {
      const open = ctx.visitor ? await store.findOpenSessionOfVisitor(ctx.visitor.id) : undefined;
      const allowed = mayAskLink(ctx.visitor, ctx.identity, open);
      if (!allowed.ok) return allowed;
      if (!mail) return fail('unavailable', 'This server cannot send email; ask the team to set it up.');
      const token = env.token();
      const address = linkAddress(ctx.channel, p.pageUrl, site, token);
      if (!address.ok) return address;
      const flooded = gate.check(`ask:${ctx.ip}`);
      if (flooded) return flooded;
      const now = env.now();
      const expiresAt = now + CONVERSATION_LINK_TTL_MS;
      await store.insertConversationLink({
        tokenHash: env.hashToken(token),
        visitorId: allowed.value.id,
        channelId: ctx.channel.id,
        email: p.email,
        createdAt: now,
        expiresAt,
        usedAt: null,
      });
      const { subject, text } = linkMail(ctx.channel.name, address.value, expiresAt);
      try {
        await mail.send({ from, to: p.email, subject, text, messageId: `<${env.id()}@${from.split('@')[1] || 'porthole.local'}>` });
      } catch {
        return fail('unavailable', 'The mail could not be sent; try again later.');
      }
      return ok({ sentTo: p.email, expiresAt });
    },

    /** P-2: opens a link once; this device then acts as the link's visitor with a token of its own. */
    async pickUp(ctx: VisitorContext, p: ConversationPickUp): Promise<Result<{ token: string }>> {
      if (ctx.identity?.verified) return fail('forbidden', 'Signed-in users find their conversation by signing in.');
      const flooded = gate.check(`pick-up:${ctx.ip}`);
      if (flooded) return flooded;
      const link = linkOpensHere(await store.redeemConversationLink(env.hashToken(p.link), env.now()), ctx.channel.id);
      if (!link.ok) return link;
      const token = env.token();
      await store.addVisitorToken(link.value.visitorId, env.hashToken(token), env.now());
      return ok({ token });
    },
  };
}

/** The conversation link service. */
export type ConversationLinks = ReturnType<typeof conversationLinks>;
