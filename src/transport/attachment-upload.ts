/**
 * Uploads one file to the Porthole server with progress (SPEC.md F-1). XMLHttpRequest, not fetch:
 * fetch reports no upload progress. The body is the raw file, so the browser streams it from disk.
 */
import type { AttachmentView } from '../protocol/attachments.js';
import { attachmentUploadPath } from '../protocol/attachments.js';
import { fail, type Result } from '../protocol/errors.js';

/** What {@link uploadFile} needs. */
export interface UploadRequest {
  server: string;
  /** The visitor's bearer token; the console sends none (its cookie goes by itself). */
  token?: string;
  sessionId: string;
  file: Blob;
  name: string;
  /** Bytes sent so far, as the browser reports them. */
  onProgress(loaded: number, total: number): void;
}

/** A running upload: its answer, and how to stop it. */
export interface RunningUpload {
  done: Promise<Result<AttachmentView>>;
  cancel(): void;
}

/** Starts the upload; `done` never rejects (a network failure is an `internal` failure). */
export function uploadFile(r: UploadRequest): RunningUpload {
  const xhr = new XMLHttpRequest();
  const done = new Promise<Result<AttachmentView>>((resolve) => {
    xhr.upload.onprogress = (e) => r.onProgress(e.loaded, e.lengthComputable ? e.total : r.file.size);
    xhr.onload = () => {
      try {
        resolve(JSON.parse(xhr.responseText) as Result<AttachmentView>);
      } catch {
        resolve(fail('internal', `The server answered ${xhr.status}.`));
      }
    };
    xhr.onerror = () => resolve(fail('internal', 'The upload failed: check the connection and try again.'));
    xhr.onabort = () => resolve(fail('internal', 'Cancelled.'));
  });
  xhr.open('POST', `${r.server}${attachmentUploadPath(r.sessionId)}?name=${encodeURIComponent(r.name)}`);
  if (r.token) xhr.setRequestHeader('Authorization', `Bearer ${r.token}`);
  xhr.setRequestHeader('Content-Type', 'application/octet-stream');
  xhr.send(r.file);
  return { done, cancel: () => xhr.abort() };
}
