/**
 * Attachments as use cases (SPEC.md F-*): who may upload to a session and how large, turning a
 * checked file into a stored record, who may download, and which file a message may carry. The
 * bytes themselves stay with the transport and the file store; this service sees only metadata.
 */
import { fail, ok, type AttachmentView, type Result } from '../../../src/protocol/index.js';
import { technicianMayAct, visitorMayAct } from '../access-rules.js';
import {
  acceptedType,
  attachmentLimit,
  attachmentView,
  cleanFileName,
  mayAttach,
  type Attachment,
  type DetectedContent,
  type Uploader,
} from '../attachment-rules.js';
import type { Session, Technician, Visitor } from '../model.js';
import type { Env, Store } from '../ports.js';
import { canPost } from '../session-rules.js';

/** Who asks: the visitor behind a bearer token, or a signed-in technician. */
export type AttachmentActor = { kind: 'visitor'; visitor: Visitor } | { kind: 'technician'; technician: Technician };

/** Dependencies of the attachment service. */
export interface AttachmentDeps {
  store: Store;
  env: Env;
}

/** An upload the rules allow: into which session, and at most how many bytes. */
export interface UploadTicket {
  session: Session;
  maxBytes: number;
}

/** The uploader identity of an actor. */
export function uploaderOf(actor: AttachmentActor): Uploader {
  return actor.kind === 'visitor' ? { kind: 'visitor' } : { kind: 'technician', id: actor.technician.id };
}

/** Builds the attachment operations. */
export function attachments({ store, env }: AttachmentDeps) {
  /**
   * F-5: the session, if the actor takes part in it. A technician outside the session sees
   * `not_found` like a stranger (not A-2's `forbidden`): a file's existence is not theirs to learn.
   */
  const sessionFor = async (actor: AttachmentActor, sessionId: string): Promise<Result<Session>> => {
    const session = await store.findSession(sessionId);
    const r =
      actor.kind === 'visitor'
        ? visitorMayAct(session, actor.visitor.id)
        : technicianMayAct(session, await store.listChannelIdsOf(actor.technician.id), actor.technician.id);
    return r.ok ? r : fail('not_found', 'No such session.');
  };

  return {
    /** F-1, F-2: may the actor upload to the session now, and how many bytes at most. */
    async beginUpload(actor: AttachmentActor, sessionId: string): Promise<Result<UploadTicket>> {
      const found = await sessionFor(actor, sessionId);
      if (!found.ok) return found;
      const allowed = canPost(found.value, env.now());
      if (!allowed.ok) return allowed;
      return ok({ session: found.value, maxBytes: attachmentLimit(await store.findChannelById(found.value.channelId)) });
    },

    /**
     * F-3: stores the record of a received file whose content passed the check; a refusal stores
     * nothing (the caller then discards the bytes). `keep` moves the bytes in place before the row exists.
     */
    async finishUpload(
      actor: AttachmentActor,
      ticket: UploadTicket,
      file: { name: string; size: number; content: DetectedContent },
      keep: (id: string) => Promise<void>,
    ): Promise<Result<AttachmentView>> {
      const mime = acceptedType(file.size, file.content);
      if (!mime.ok) return mime;
      const image = mime.value.startsWith('image/');
      const attachment: Attachment = {
        id: env.id(),
        sessionId: ticket.session.id,
        uploader: uploaderOf(actor),
        name: cleanFileName(file.name),
        size: file.size,
        mime: mime.value,
        width: image ? file.content.width : null,
        height: image ? file.content.height : null,
        createdAt: env.now(),
      };
      await keep(attachment.id);
      await store.insertAttachment(attachment);
      return ok(attachmentView(attachment));
    },

    /** F-5: the attachment, if the actor takes part in its session (deleted sessions included out). */
    async download(actor: AttachmentActor, attachmentId: string): Promise<Result<Attachment>> {
      const a = await store.findAttachment(attachmentId);
      if (!a) return fail('not_found', 'No such attachment.');
      const found = await sessionFor(actor, a.sessionId);
      return found.ok ? ok(a) : fail('not_found', 'No such attachment.');
    },

    /** F-4: the view a message of `author` in `sessionId` carries for `attachmentId`. */
    async forMessage(sessionId: string, attachmentId: string | undefined, author: Uploader): Promise<Result<AttachmentView | undefined>> {
      if (attachmentId === undefined) return ok(undefined);
      const r = mayAttach(await store.findAttachment(attachmentId), sessionId, author);
      return r.ok ? ok(attachmentView(r.value)) : r;
    },
  };
}

/** The attachment service. */
export type Attachments = ReturnType<typeof attachments>;
