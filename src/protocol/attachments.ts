/**
 * The attachment part of the wire contract: what a message says about its file, the size limits,
 * the types the server accepts, and where files are uploaded and downloaded (SPEC.md F-*). Files
 * travel over HTTP, not the socket: socket.io keeps whole messages in memory and closes the
 * connection above its buffer size.
 */

/** A file attached to a message, as every client sees it. The name is text, never HTML. */
export interface AttachmentView {
  id: string;
  /** The file name the sender gave, cleaned of paths and control characters. */
  name: string;
  /** Bytes. */
  size: number;
  /** The type the server detected from the content (F-3), never the sender's claim. */
  mime: string;
  /** Pixel size of images when the header gave it cheaply; null otherwise. */
  width: number | null;
  height: number | null;
}

/** The per-channel limit of a channel nobody configured: 10 MB. */
export const DEFAULT_ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024;

/** Bounds of the per-channel limit an admin may set: 1 kB to 100 MB. */
export const ATTACHMENT_MAX_BYTES_RANGE = { min: 1024, max: 100 * 1024 * 1024 } as const;

/** Characters kept of a file name. */
export const ATTACHMENT_NAME_LENGTH = 200;

/**
 * Types the server accepts, by detected content (F-3). Images are previewed inline; everything else
 * is offered as a download.
 */
export const ATTACHMENT_TYPES = [
  'image/png',
  'image/jpeg',
  'image/gif',
  'image/webp',
  'application/pdf',
  'application/zip',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'text/plain',
] as const;

/** Whether clients show the attachment as an inline image (F-6). */
export function isPreviewable(mime: string): boolean {
  return mime === 'image/png' || mime === 'image/jpeg' || mime === 'image/gif' || mime === 'image/webp';
}

/** `POST` the raw file here (`?name=<file name>`) to upload it to a session. */
export function attachmentUploadPath(sessionId: string): string {
  return `/api/sessions/${encodeURIComponent(sessionId)}/attachments`;
}

/** `GET` here to download the file; only the session's participants may (F-5). */
export function attachmentPath(attachmentId: string): string {
  return `/api/attachments/${encodeURIComponent(attachmentId)}`;
}

/** "1.2 MB", "340 kB", "12 bytes": a size for people, in binary units like the limits (10 MB = 10 × 2^20 bytes). */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} kB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
