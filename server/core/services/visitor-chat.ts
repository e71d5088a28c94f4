/**
 * What a visitor's widget may do: ask for help, resume its session, send and sync messages.
 */
import {
  fail,
  ok,
  type MessageSend,
  type MessagesSync,
  type MessageView,
  type Result,
  type SessionView,
  type VisitorSessionState,
} from '../../../src/protocol/index.js';
import { visitorMayAct } from '../access-rules.js';
import type { Channel, Visitor } from '../model.js';
import type { Env, Publisher, Store } from '../ports.js';
import { canPost, newVisitorSession } from '../session-rules.js';
import { messageView, sessionView } from '../views.js';

/** How many messages one sync or resume returns at most; clients page with `afterSeq`. */
export const SYNC_PAGE = 500;

/** The visitor behind one widget connection; `visitor` is null until they first ask for help. */
export interface VisitorContext {
  channel: Channel;
  visitor: Visitor | null;
}

/** Dependencies of the visitor chat service. */
export interface VisitorChatDeps {
  store: Store;
  env: Env;
  publish: Publisher;
}

/** Builds the visitor-side chat operations. */
export function visitorChat({ store, env, publish }: VisitorChatDeps) {
  const ownerName = async (ownerId: string | null) => (ownerId ? ((await store.findTechnicianById(ownerId))?.name ?? null) : null);

  return {
    /** Resolves a widget's bearer token to its visitor, if the token is known in this channel. */
    async identify(channel: Channel, token: string): Promise<Visitor | undefined> {
      const visitor = await store.findVisitorByTokenHash(env.hashToken(token));
      return visitor && visitor.channelId === channel.id ? visitor : undefined;
    },

    /**
     * S-2: opens a session in queue, creating the visitor first if needed. Asking again while a
     * session is open returns that session, so a double click never makes two.
     */
    async start(ctx: VisitorContext): Promise<Result<{ token: string | null; visitor: Visitor; session: SessionView }>> {
      let token: string | null = null;
      let visitor = ctx.visitor;
      if (!visitor) {
        token = env.token();
        visitor = { id: env.id(), channelId: ctx.channel.id, tokenHash: env.hashToken(token), createdAt: env.now() };
        await store.insertVisitor(visitor);
      } else {
        const open = await store.findOpenSessionOfVisitor(visitor.id);
        if (open) return ok({ token, visitor, session: sessionView(open, await ownerName(open.ownerId)) });
      }
      const session = newVisitorSession({ id: env.id(), channelId: ctx.channel.id, visitorId: visitor.id, now: env.now() });
      await store.insertSession(session);
      const view = sessionView(session, null);
      publish.sessionCreated(view, ctx.channel.name);
      return ok({ token, visitor, session: view });
    },

    /** The visitor's open session with its history (first page), or nothing. */
    async resume(ctx: VisitorContext): Promise<Result<VisitorSessionState>> {
      if (!ctx.visitor) return ok({ session: null, messages: [] });
      const open = await store.findOpenSessionOfVisitor(ctx.visitor.id);
      if (!open) return ok({ session: null, messages: [] });
      const messages = await store.listMessages(open.id, 0, SYNC_PAGE);
      return ok({ session: sessionView(open, await ownerName(open.ownerId)), messages: messages.map(messageView) });
    },

    /** M-1, M-2: stores the message once and announces it. */
    async send(ctx: VisitorContext, p: MessageSend): Promise<Result<MessageView>> {
      if (!ctx.visitor) return fail('not_found', 'No such session.');
      const access = visitorMayAct(await store.findSession(p.sessionId), ctx.visitor.id);
      if (!access.ok) return access;
      const allowed = canPost(access.value);
      if (!allowed.ok) return allowed;
      const { message, created } = await store.appendMessage({
        id: env.id(),
        sessionId: p.sessionId,
        clientId: p.clientId,
        author: { kind: 'visitor' },
        text: p.text,
        createdAt: env.now(),
      });
      const view = messageView(message);
      if (created) publish.messageCreated(view, access.value.channelId);
      return ok(view);
    },

    /** Messages after `afterSeq`, for catching up after a reconnect. */
    async sync(ctx: VisitorContext, p: MessagesSync): Promise<Result<MessageView[]>> {
      if (!ctx.visitor) return fail('not_found', 'No such session.');
      const access = visitorMayAct(await store.findSession(p.sessionId), ctx.visitor.id);
      if (!access.ok) return access;
      return ok((await store.listMessages(p.sessionId, p.afterSeq, SYNC_PAGE)).map(messageView));
    },
  };
}

/** The visitor chat service. */
export type VisitorChat = ReturnType<typeof visitorChat>;
