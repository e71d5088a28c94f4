/**
 * Technician-only notes inside a session (SPEC.md N-1): any technician who may act on the session
 * writes and reads them; the visitor never receives one, because they are published to consoles only.
 */
import { ok, type MessageSend, type MessagesSync, type NoteView, type Result } from '../../../src/protocol/index.js';
import { technicianMayAct } from '../access-rules.js';
import type { Technician } from '../model.js';
import { canPost, deadlineAfterActivity } from '../session-rules.js';
import { noteView } from '../views.js';
import type { ChatGates } from './chat-gates.js';
import { audienceOf } from './session-feed.js';
import type { TechnicianDeps } from './technician-chat.js';
import { SYNC_PAGE } from './visitor-chat.js';

/** Builds the notes operations. */
export function technicianNotes({ store, env, publish }: TechnicianDeps, gates: ChatGates) {
  const access = async (tech: Technician, sessionId: string) =>
    technicianMayAct(await store.findSession(sessionId), await store.listChannelIdsOf(tech.id), tech.id);

  return {
    /** N-1, M-1: stores the note once (by client id) and tells the session's technicians. */
    async send(tech: Technician, p: MessageSend): Promise<Result<NoteView>> {
      const found = await access(tech, p.sessionId);
      if (!found.ok) return found;
      const now = env.now();
      const allowed = canPost(found.value, now);
      if (!allowed.ok) return allowed;
      const flooded = gates.messages.check(`technician:${tech.id}`);
      if (flooded) return flooded;
      const channel = await store.findChannelById(found.value.channelId);
      const { note, created } = await store.appendNote(
        {
          id: env.id(),
          sessionId: p.sessionId,
          clientId: p.clientId,
          author: { id: tech.id, name: tech.name },
          text: p.text,
          createdAt: now,
        },
        channel ? deadlineAfterActivity(found.value, channel, now) : undefined,
      );
      const view = noteView(note);
      if (created) publish.noteCreated(view, audienceOf(found.value, false));
      return ok(view);
    },

    /** Notes after `afterSeq`, in order. */
    async sync(tech: Technician, p: MessagesSync): Promise<Result<NoteView[]>> {
      const found = await access(tech, p.sessionId);
      if (!found.ok) return found;
      return ok((await store.listNotes(p.sessionId, p.afterSeq, SYNC_PAGE)).map(noteView));
    },
  };
}

/** The notes service. */
export type TechnicianNotes = ReturnType<typeof technicianNotes>;
