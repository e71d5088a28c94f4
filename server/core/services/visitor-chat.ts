/**
 * What a visitor's widget may do with its chat: ask for help, resume its session, send and sync.
 */
import {
  fail,
  ok,
  type MessageSend,
  type MessagesSync,
  type MessageView,
  type PermissionView,
  type Result,
  type SessionView,
  type VisitorSessionState,
  type IdentityView,
} from '../../../src/protocol/index.js';
import { visitorMayAct } from '../access-rules.js';
import type { Channel, Visitor } from '../model.js';
import type { Env, Publisher, Store } from '../ports.js';
import { canPost, deadlineAfterActivity, newVisitorSession, visitorReturns } from '../session-rules.js';
import { messageView, permissionView, receiptView, sessionView } from '../views.js';
import { chatGates, type ChatGates } from './chat-gates.js';
import { attachments } from './attachments.js';
import { audienceOf, sessionFeed } from './session-feed.js';

/** How many messages one sync or resume returns at most; clients page with `afterSeq`. */
export const SYNC_PAGE = 500;

/** The visitor behind one widget connection; `visitor` is null until they first ask for help. */
export interface VisitorContext {
  channel: Channel;
  visitor: Visitor | null;
  /** The socket's address, for rate limits. */
  ip: string;
  /** Who the website says the visitor is (`identify()`), verified or not (I-3). */
  identity?: IdentityView | null;
}

/** Dependencies of the visitor services. */
export interface VisitorDeps {
  store: Store;
  env: Env;
  publish: Publisher;
  /** Flood limits (F-1); one set per server process, shared with the technician side. */
  gates?: ChatGates;
}

/** Builds the visitor-side chat operations. */
export function visitorChat({ store, env, publish, gates = chatGates(env) }: VisitorDeps) {
  const feed = sessionFeed({ store, env, publish });
  const files = attachments({ store, env });

  /** The visitor of `ctx`, created (with a fresh token) if this browser has none yet. */
  const ensureVisitor = async (ctx: VisitorContext): Promise<{ visitor: Visitor; token: string | null }> => {
    if (ctx.visitor) return { visitor: ctx.visitor, token: null };
    const token = env.token();
    const visitor = { id: env.id(), channelId: ctx.channel.id, tokenHash: env.hashToken(token), createdAt: env.now() };
    await store.insertVisitor(visitor);
    return { visitor, token };
  };

  return {
    ensureVisitor,

    /** Resolves a widget's bearer token to its visitor, if the token is known in this channel. */
    async identify(channel: Channel, token: string): Promise<Visitor | undefined> {
      const visitor = await store.findVisitorByTokenHash(env.hashToken(token));
      return visitor && visitor.channelId === channel.id ? visitor : undefined;
    },

    /**
     * S-2: opens a session in queue, creating the visitor first if needed. Asking again while a
     * session is open returns that session, so a double click never makes two.
     */
    async start(
      ctx: VisitorContext,
      origin: 'visitor' | 'sos' = 'visitor',
    ): Promise<Result<{ token: string | null; visitor: Visitor; session: SessionView }>> {
      const { visitor, token } = await ensureVisitor(ctx);
      const open = await store.findOpenSessionOfVisitor(visitor.id);
      if (open) return ok({ token, visitor, session: sessionView(open, await feed.names(open)) });
      const session = newVisitorSession({ id: env.id(), channel: ctx.channel, visitorId: visitor.id, now: env.now(), origin });
      await store.insertSession(session);
      await feed.announce(session, { created: true, channel: ctx.channel });
      await feed.log(session, { kind: 'visitor' }, origin === 'sos' ? 'session.sos_code' : 'session.started');
      return ok({ token, visitor, session: sessionView(session, {}) });
    },

    /**
     * The visitor's open session with its history (first page) and open permission requests. A
     * visitor the owner had disconnected comes back here (S-9).
     */
    async resume(ctx: VisitorContext): Promise<Result<VisitorSessionState & { permissions: PermissionView[] }>> {
      if (!ctx.visitor) return ok({ session: null, messages: [], permissions: [] });
      let open = await store.findOpenSessionOfVisitor(ctx.visitor.id);
      if (!open) return ok({ session: null, messages: [], permissions: [] });
      const back = visitorReturns(open, env.now());
      if (back && (await store.saveSession(back, open.updatedAt))) {
        open = back;
        await feed.announce(back);
        await feed.log(back, { kind: 'visitor' }, 'visitor.returned');
      }
      const [messages, permissions, receipts] = await Promise.all([
        store.listMessages(open.id, 0, SYNC_PAGE),
        store.listPermissions(open.id),
        store.listReceipts(open.id),
      ]);
      const now = env.now();
      return ok({
        session: sessionView(open, await feed.names(open)),
        messages: messages.map(messageView),
        receipts: receipts.filter((r) => r.side === 'technicians').map(receiptView),
        permissions: permissions.filter((p) => p.status === 'granted' || (p.status === 'pending' && p.expiresAt > now)).map(permissionView),
      });
    },

    /** M-1, M-2: stores the message once and announces it. */
    async send(ctx: VisitorContext, p: MessageSend): Promise<Result<MessageView>> {
      if (!ctx.visitor) return fail('not_found', 'No such session.');
      const access = visitorMayAct(await store.findSession(p.sessionId), ctx.visitor.id);
      if (!access.ok) return access;
      const now = env.now();
      const allowed = canPost(access.value, now);
      if (!allowed.ok) return allowed;
      const flooded = gates.messages.check(`visitor:${ctx.visitor.id}`);
      if (flooded) return flooded;
      // A transferred session lives by its new channel's expiration.
      const attachment = await files.forMessage(p.sessionId, p.attachmentId, { kind: 'visitor' });
      if (!attachment.ok) return attachment;
      const channel = access.value.channelId === ctx.channel.id ? ctx.channel : await store.findChannelById(access.value.channelId);
      const { message, created } = await store.appendMessage(
        {
          id: env.id(),
          sessionId: p.sessionId,
          clientId: p.clientId,
          author: { kind: 'visitor' },
          text: p.text,
          createdAt: now,
          ...(attachment.value ? { attachment: attachment.value } : {}),
        },
        channel ? deadlineAfterActivity(access.value, channel, now) : undefined,
      );
      const view = messageView(message);
      if (created) publish.messageCreated(view, audienceOf(access.value));
      return ok(view);
    },

    /** Tells the session's technicians whether a widget of the visitor is connected. */
    async presence(sessionId: string, online: boolean): Promise<void> {
      const session = await store.findSession(sessionId);
      if (session && !session.deletedAt) publish.presenceChanged(sessionId, online, audienceOf(session, false));
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
