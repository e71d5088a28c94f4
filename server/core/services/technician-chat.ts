/**
 * What a signed-in technician may do with chats: list sessions, send, sync, mark read.
 */
import {
  ok,
  type MessageSend,
  type MessagesSync,
  type MessageView,
  type Result,
  type SessionRead,
  type SessionSummary,
} from '../../../src/protocol/index.js';
import { technicianMayAct } from '../access-rules.js';
import type { Technician } from '../model.js';
import type { Env, Publisher, Store } from '../ports.js';
import { afterTechnicianReply, canPost } from '../session-rules.js';
import { messageView, sessionSummary, sessionView } from '../views.js';
import { SYNC_PAGE } from './visitor-chat.js';

/** How many sessions the console list shows. */
export const LIST_LIMIT = 200;

/** Dependencies of the technician chat service. */
export interface TechnicianChatDeps {
  store: Store;
  env: Env;
  publish: Publisher;
}

/** Builds the technician-side chat operations. */
export function technicianChat({ store, env, publish }: TechnicianChatDeps) {
  const access = async (tech: Technician, sessionId: string) =>
    technicianMayAct(await store.findSession(sessionId), await store.listChannelIdsOf(tech.id));

  return {
    /** Sessions of the technician's channels, newest activity first, with unread counts. */
    async list(tech: Technician): Promise<Result<SessionSummary[]>> {
      const rows = await store.listSessions(await store.listChannelIdsOf(tech.id), tech.id, LIST_LIMIT);
      return ok(rows.map(sessionSummary));
    },

    /** M-1, M-2, S-3: stores the reply once; the first reply to an unowned session takes it. */
    async send(tech: Technician, p: MessageSend): Promise<Result<MessageView>> {
      const found = await access(tech, p.sessionId);
      if (!found.ok) return found;
      const allowed = canPost(found.value);
      if (!allowed.ok) return allowed;
      const now = env.now();
      const { message, created } = await store.appendMessage({
        id: env.id(),
        sessionId: p.sessionId,
        clientId: p.clientId,
        author: { kind: 'technician', id: tech.id, name: tech.name },
        text: p.text,
        createdAt: now,
      });
      const view = messageView(message);
      if (!created) return ok(view);
      publish.messageCreated(view, found.value.channelId);
      await store.markRead(p.sessionId, tech.id, message.seq);
      const taken = afterTechnicianReply(found.value, tech.id, now);
      if (taken && (await store.updateSessionStatus(taken.id, found.value.status, taken))) {
        publish.sessionUpdated(sessionView({ ...taken, lastSeq: message.seq }, tech.name));
      }
      return ok(view);
    },

    /** Messages after `afterSeq`, in order. */
    async sync(tech: Technician, p: MessagesSync): Promise<Result<MessageView[]>> {
      const found = await access(tech, p.sessionId);
      if (!found.ok) return found;
      return ok((await store.listMessages(p.sessionId, p.afterSeq, SYNC_PAGE)).map(messageView));
    },

    /** Moves the technician's read mark, which the unread counts are computed from. */
    async read(tech: Technician, p: SessionRead): Promise<Result<null>> {
      const found = await access(tech, p.sessionId);
      if (!found.ok) return found;
      await store.markRead(p.sessionId, tech.id, Math.min(p.seq, found.value.lastSeq));
      return ok(null);
    },
  };
}

/** The technician chat service. */
export type TechnicianChat = ReturnType<typeof technicianChat>;
