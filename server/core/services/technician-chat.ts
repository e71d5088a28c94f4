/**
 * What a signed-in technician may do with chats: send, sync, mark read.
 */
import { ok, type MessageSend, type MessagesSync, type MessageView, type Result, type SessionRead } from '../../../src/protocol/index.js';
import { technicianMayAct } from '../access-rules.js';
import { MAX_ACTIVE_SESSIONS } from '../session-actions.js';
import type { Technician } from '../model.js';
import type { Env, Publisher, Store } from '../ports.js';
import { afterTechnicianReply, canPost, deadlineAfterActivity } from '../session-rules.js';
import { messageView } from '../views.js';
import { chatGates, type ChatGates } from './chat-gates.js';
import { chatSignals } from './chat-signals.js';
import { attachments } from './attachments.js';
import { audienceOf, sessionFeed } from './session-feed.js';
import { SYNC_PAGE } from './visitor-chat.js';

/** Dependencies of the technician services. */
export interface TechnicianDeps {
  store: Store;
  env: Env;
  publish: Publisher;
  /** Flood limits (F-1); one set per server process, shared with the visitor side. */
  gates?: ChatGates;
}

/** Builds the technician-side chat operations. */
export function technicianChat({ store, env, publish, gates = chatGates(env) }: TechnicianDeps) {
  const feed = sessionFeed({ store, env, publish });
  const signals = chatSignals({ store, env, publish }, gates);
  const files = attachments({ store, env });
  const access = async (tech: Technician, sessionId: string) =>
    technicianMayAct(await store.findSession(sessionId), await store.listChannelIdsOf(tech.id), tech.id);

  return {
    /** M-1, M-2, S-3: stores the reply once; the first reply to an unowned session takes it. */
    async send(tech: Technician, p: MessageSend): Promise<Result<MessageView>> {
      const found = await access(tech, p.sessionId);
      if (!found.ok) return found;
      const now = env.now();
      const allowed = canPost(found.value, now);
      if (!allowed.ok) return allowed;
      const flooded = gates.messages.check(`technician:${tech.id}`);
      if (flooded) return flooded;
      const attachment = await files.forMessage(p.sessionId, p.attachmentId, { kind: 'technician', id: tech.id });
      if (!attachment.ok) return attachment;
      const channel = await store.findChannelById(found.value.channelId);
      const { message, created } = await store.appendMessage(
        {
          id: env.id(),
          sessionId: p.sessionId,
          clientId: p.clientId,
          author: { kind: 'technician', id: tech.id, name: tech.name },
          text: p.text,
          createdAt: now,
          ...(attachment.value ? { attachment: attachment.value } : {}),
        },
        channel ? deadlineAfterActivity(found.value, channel, now) : undefined,
      );
      const view = messageView(message);
      if (!created) return ok(view);
      publish.messageCreated(view, audienceOf(found.value));
      await store.markRead(p.sessionId, tech.id, message.seq);
      const taken = afterTechnicianReply({ ...found.value, lastSeq: message.seq }, tech.id, now);
      if (
        taken &&
        (await store.countActiveOwnedBy(tech.id)) < MAX_ACTIVE_SESSIONS &&
        (await store.saveSession(taken, found.value.updatedAt))
      ) {
        await feed.announce(taken, { channel });
        await feed.log(taken, { kind: 'technician', id: tech.id, name: tech.name }, 'session.taken');
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
      const seq = Math.min(p.seq, found.value.lastSeq);
      await store.markRead(p.sessionId, tech.id, seq);
      return signals.technicianRead(found.value, seq);
    },
  };
}

/** The technician chat service. */
export type TechnicianChat = ReturnType<typeof technicianChat>;
