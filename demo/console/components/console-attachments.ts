/**
 * Attachments in the console (SPEC.md F-*): a file in a message (an inline preview for images, a
 * download link for the rest), and the technician's uploads with progress, cancel and refusals.
 * The console is on the server's own origin, so files load by URL with its HttpOnly cookie (F-8);
 * names are bound as text (F-7).
 */
import { html, nothing, type ReactiveController, type ReactiveControllerHost } from 'lit';
import { uploadRefusal } from '../../../src/controllers/attachment-actions.js';
import { attachmentPath, formatBytes, isPreviewable, type AttachmentView, type Result } from '../../../src/protocol/index.js';
import { changeUpload, dropUpload, type UploadState } from '../../../src/session/uploads.js';
import { uploadFile, type RunningUpload } from '../../../src/transport/attachment-upload.js';
import { newClientId } from '../../../src/transport/client-id.js';

/** A file carried by a message. */
export function renderConsoleAttachment(a: AttachmentView) {
  const url = attachmentPath(a.id);
  const label = `${a.name}, ${formatBytes(a.size)}`;
  if (isPreviewable(a.mime)) {
    return html`<a class="attachment image" href=${url} target="_blank" rel="noopener" title=${`Open ${label}`}>
      <img src=${url} alt=${a.name} width=${a.width ?? nothing} height=${a.height ?? nothing} loading="lazy" />
    </a>`;
  }
  return html`<a class="attachment file" href=${url} download=${a.name} title=${`Download ${label}`}>
    <span class="icon" aria-hidden="true">⤓</span><span class="name">${a.name}</span><span class="size">${formatBytes(a.size)}</span>
  </a>`;
}

/** Sends the uploaded file as a message; the view's `commands.send`. */
export type SendFile = (sessionId: string, attachmentId: string) => Promise<Result<unknown>>;

/** The technician's uploads of one view; re-renders its host on every change. */
export class ConsoleUploads implements ReactiveController {
  uploads: UploadState[] = [];
  readonly #running = new Map<string, RunningUpload>();

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostDisconnected(): void {
    for (const r of this.#running.values()) r.cancel();
    this.#running.clear();
  }

  /** Uploads each file to the session, then sends it. */
  attach(sessionId: string, files: Iterable<File>, send: SendFile): void {
    for (const file of files) void this.#one(sessionId, file, send);
  }

  /** Stops an upload in progress. */
  cancel(id: string): void {
    this.#running.get(id)?.cancel();
    this.#running.delete(id);
    this.#set(dropUpload(this.uploads, id));
  }

  /** Hides a refused upload. */
  dismiss(id: string): void {
    this.#set(dropUpload(this.uploads, id));
  }

  async #one(sessionId: string, file: File, send: SendFile): Promise<void> {
    const id = newClientId();
    this.#set([...this.uploads, { id, name: file.name, size: file.size, loaded: 0, status: 'uploading', refusal: null }]);
    const running = uploadFile({
      server: '',
      sessionId,
      file,
      name: file.name,
      onProgress: (loaded) => this.#set(changeUpload(this.uploads, id, { loaded })),
    });
    this.#running.set(id, running);
    const up = await running.done;
    if (!this.#running.delete(id)) return;
    const sent = up.ok ? await send(sessionId, up.value.id) : up;
    if (sent.ok) return this.#set(dropUpload(this.uploads, id));
    this.#set(changeUpload(this.uploads, id, { status: 'failed', refusal: { error: sent.error, message: uploadRefusal(sent) } }));
  }

  #set(uploads: UploadState[]): void {
    this.uploads = uploads;
    this.host.requestUpdate();
  }
}

/** The uploads in progress or refused. */
export function renderConsoleUploads(u: ConsoleUploads) {
  if (u.uploads.length === 0) return nothing;
  return html`<ul class="uploads" aria-label="Files being sent">
    ${u.uploads.map((x) =>
      x.status === 'uploading'
        ? html`<li class="upload">
            <span class="name">${x.name}</span>
            <progress max=${Math.max(x.size, 1)} value=${x.loaded} aria-label=${`Sending ${x.name}`}></progress>
            <span class="pct">${Math.floor((100 * x.loaded) / Math.max(x.size, 1))}%</span>
            <button class="secondary small" type="button" @click=${() => u.cancel(x.id)}>Cancel</button>
          </li>`
        : html`<li class="upload failed" role="alert">
            <span class="name">${x.name}</span><span class="why">${x.refusal?.message ?? 'Not sent.'}</span>
            <button class="secondary small" type="button" @click=${() => u.dismiss(x.id)}>Dismiss</button>
          </li>`,
    )}
  </ul>`;
}
