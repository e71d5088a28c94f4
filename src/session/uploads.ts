/**
 * Files the visitor is sending, while they upload (SPEC.md F-1). Once the server has a file, it
 * becomes a pending message of the outbox like any text; until then it lives only on this page,
 * since a reload cannot resume an upload.
 */
import type { Refusal } from './chat-state.js';

/** One file on its way up, or refused. */
export interface UploadState {
  /** Local id, for cancel and dismiss. */
  id: string;
  name: string;
  size: number;
  /** Bytes sent so far. */
  loaded: number;
  status: 'uploading' | 'failed';
  refusal: Refusal | null;
}

/** The uploads with `id` changed by `change`. */
export function changeUpload(uploads: readonly UploadState[], id: string, change: Partial<UploadState>): UploadState[] {
  return uploads.map((u) => (u.id === id ? { ...u, ...change } : u));
}

/** The uploads without `id`. */
export function dropUpload(uploads: readonly UploadState[], id: string): UploadState[] {
  return uploads.filter((u) => u.id !== id);
}
