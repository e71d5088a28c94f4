/**
 * Attachment metadata over Kysely (SPEC.md F-*). The bytes are not here: see `attachment-files.ts`.
 */
import type { Kysely, Selectable } from 'kysely';
import type { Attachment } from '../../core/attachment-rules.js';
import type { AttachmentStore } from '../../core/ports.js';
import type { AttachmentsTable, Database } from '../schema.js';

function toAttachment(r: Selectable<AttachmentsTable>): Attachment {
  return {
    id: r.id,
    sessionId: r.session_id,
    uploader: r.uploader_kind === 'technician' ? { kind: 'technician', id: r.uploader_id ?? '' } : { kind: 'visitor' },
    name: r.name,
    size: Number(r.size),
    mime: r.mime,
    width: r.width === null ? null : Number(r.width),
    height: r.height === null ? null : Number(r.height),
    createdAt: Number(r.created_at),
  };
}

/** The {@link AttachmentStore} part of the store. */
export function attachmentQueries(db: Kysely<Database>): AttachmentStore {
  return {
    async insertAttachment(a) {
      await db
        .insertInto('attachments')
        .values({
          id: a.id,
          session_id: a.sessionId,
          uploader_kind: a.uploader.kind,
          uploader_id: a.uploader.kind === 'technician' ? a.uploader.id : null,
          name: a.name,
          size: a.size,
          mime: a.mime,
          width: a.width,
          height: a.height,
          created_at: a.createdAt,
        })
        .execute();
    },
    async findAttachment(id) {
      const r = await db.selectFrom('attachments').selectAll().where('id', '=', id).executeTakeFirst();
      return r && toAttachment(r);
    },
  };
}
