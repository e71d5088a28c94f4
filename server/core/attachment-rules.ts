/**
 * Attachments as plain data (SPEC.md F-*): the record the store keeps, the per-channel limit, the
 * accepted types, file names, who may see a file and how it is served.
 */
import {
  ATTACHMENT_NAME_LENGTH,
  ATTACHMENT_TYPES,
  DEFAULT_ATTACHMENT_MAX_BYTES,
  fail,
  isPreviewable,
  ok,
  type AttachmentView,
  type Result,
} from '../../src/protocol/index.js';
import type { Channel } from './model.js';

/** Who uploaded a file: the session's visitor or a technician. */
export type Uploader = { kind: 'visitor' } | { kind: 'technician'; id: string };

/** A stored file of a session. The bytes live in the file store under `id`. */
export interface Attachment {
  id: string;
  sessionId: string;
  uploader: Uploader;
  name: string;
  size: number;
  mime: string;
  width: number | null;
  height: number | null;
  createdAt: number;
}

/** What the content check found out about an uploaded file. */
export interface DetectedContent {
  /** The type the content matches, or null when nothing known matched. */
  mime: string | null;
  /** The whole file is valid UTF-8 without NUL bytes. */
  text: boolean;
  width: number | null;
  height: number | null;
}

/** F-2: the largest file a session of `channel` accepts. */
export function attachmentLimit(channel: Pick<Channel, 'attachmentMaxBytes'> | undefined): number {
  return channel?.attachmentMaxBytes ?? DEFAULT_ATTACHMENT_MAX_BYTES;
}

/**
 * F-3: the type a file is stored and served as, decided by its content alone: a detected type of
 * the allow-list, else plain text when the whole file is UTF-8 without NULs; anything else is refused.
 */
export function acceptedType(size: number, content: DetectedContent): Result<string> {
  if (size === 0) return fail('invalid_attachment', 'The file is empty.');
  const allowed: readonly string[] = ATTACHMENT_TYPES;
  if (content.mime && allowed.includes(content.mime)) return ok(content.mime);
  // A zip-based or binary format we do not take (an .exe, a .jar) must not pass as text.
  if (!content.mime && content.text) return ok('text/plain');
  return fail('invalid_attachment', 'This type of file is not accepted: send an image, a PDF, a zip, an Office document or plain text.');
}

/**
 * F-7: the file name as shown: no folders, no control or bidi-override characters, trimmed and cut
 * to {@link ATTACHMENT_NAME_LENGTH} characters; "file" when nothing is left.
 */
export function cleanFileName(raw: string): string {
  const base = raw.split(/[/\\]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is removed
  const visible = base.replace(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, '').trim();
  return [...visible].slice(0, ATTACHMENT_NAME_LENGTH).join('') || 'file';
}

/** The wire view of an attachment. */
export function attachmentView(a: Attachment): AttachmentView {
  return { id: a.id, name: a.name, size: a.size, mime: a.mime, width: a.width, height: a.height };
}

/**
 * F-4: a message may carry only a file of its own session that its own author uploaded, so nobody
 * re-posts another's file under their name or moves a file into another session.
 */
export function mayAttach(a: Attachment | undefined, sessionId: string, author: Uploader): Result<Attachment> {
  const same =
    a !== undefined &&
    a.sessionId === sessionId &&
    a.uploader.kind === author.kind &&
    (author.kind === 'visitor' || (a.uploader.kind === 'technician' && a.uploader.id === author.id));
  return same ? ok(a) : fail('not_found', 'No such attachment.');
}

/**
 * F-6: response headers of a download. The stored type, never sniffed; images inline, everything
 * else as a download; a sandbox policy so a file opened directly cannot run script or reach out.
 */
export function downloadHeaders(a: Pick<Attachment, 'name' | 'mime' | 'size'>): Record<string, string> {
  const disposition = isPreviewable(a.mime) ? 'inline' : 'attachment';
  const ascii = a.name.replace(/[^\x20-\x7e]|["\\%]/g, '_');
  return {
    'Content-Type': a.mime === 'text/plain' ? 'text/plain; charset=utf-8' : a.mime,
    'Content-Length': String(a.size),
    'Content-Disposition': `${disposition}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(a.name)}`,
    'X-Content-Type-Options': 'nosniff',
    'Content-Security-Policy': "sandbox; default-src 'none'; img-src 'self'; style-src 'unsafe-inline'",
    'Cache-Control': 'private, max-age=3600',
    // Other sites may not embed the file; the widget reads it with CORS, which this does not restrict.
    'Cross-Origin-Resource-Policy': 'same-origin',
  };
}
