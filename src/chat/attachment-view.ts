/**
 * How the chat panel shows attachments (SPEC.md F-*), a lazy chunk of its own that
 * `attachment-loader.ts` fetches the first time a file appears or the visitor attaches one: a file
 * in a message (an inline preview for images, a download chip for the rest) and the uploads in
 * progress with their progress bar, cancel and refusal, and the upload actions themselves. File names are bound as text, never as HTML (F-7).
 */
import { html, nothing, type ReactiveControllerHost } from 'lit';
import { AttachmentActions, type UploadPlace } from '../controllers/attachment-actions.js';
import { AttachmentPreviews } from '../controllers/attachment-previews.js';
import type { ChatPort } from '../controllers/chat-port.js';
import { formatBytes, isPreviewable, type AttachmentView } from '../protocol/attachments.js';
import type { UploadState } from '../session/uploads.js';
import { attachmentStyles } from './attachment.styles.js';

/** What the upload list calls back. */
export interface UploadHandlers {
  cancel(uploadId: string): void;
  dismiss(uploadId: string): void;
}

/** The stylesheet the loader adopts into the panel once this chunk is here. */
export const styles = attachmentStyles;

/** The file actions of a chat controller (given to `ChatController.bindAttachments`). */
export function actionsFor(chat: ChatPort, ensureSession: ConstructorParameters<typeof AttachmentActions>[1], place: () => UploadPlace) {
  return new AttachmentActions(chat, ensureSession, place);
}

/** The panel's previews (F-8): fetched with the visitor's token, shown from `blob:` URLs. */
export function previewsFor(host: ReactiveControllerHost, place: () => UploadPlace): AttachmentPreviews {
  return new AttachmentPreviews(host, place);
}

/** A file carried by a message. */
export function renderAttachment(a: AttachmentView, h: AttachmentPreviews) {
  const label = `${a.name}, ${formatBytes(a.size)}`;
  if (isPreviewable(a.mime) && !h.failed(a)) {
    const src = h.src(a);
    // width/height reserve the space before the image arrives, so the log does not jump.
    return html`<button
      class="attachment image"
      type="button"
      title=${`Download ${label}`}
      @click=${() => void h.download(a).then(() => h.host.requestUpdate())}
    >
      ${
        src
          ? html`<img src=${src} alt=${a.name} width=${a.width ?? nothing} height=${a.height ?? nothing} />`
          : html`<span class="placeholder">Loading image…</span>`
      }
    </button>`;
  }
  return html`<button
    class="attachment file"
    type="button"
    title=${`Download ${label}`}
    @click=${() => void h.download(a).then(() => h.host.requestUpdate())}
  >
    <span class="icon" aria-hidden="true">⤓</span><span class="name">${a.name}</span><span class="size">${formatBytes(a.size)}</span>
  </button>`;
}

/** The files being uploaded, with progress, cancel, and why one was refused. */
export function renderUploads(uploads: readonly UploadState[], h: UploadHandlers) {
  if (uploads.length === 0) return nothing;
  return html`<ul class="uploads" aria-label="Files being sent">
    ${uploads.map((u) =>
      u.status === 'uploading'
        ? html`<li class="upload">
            <span class="name">${u.name}</span>
            <progress max=${Math.max(u.size, 1)} value=${u.loaded} aria-label=${`Sending ${u.name}`}></progress>
            <span class="pct">${Math.floor((100 * u.loaded) / Math.max(u.size, 1))}%</span>
            <button class="link" type="button" @click=${() => h.cancel(u.id)}>Cancel</button>
          </li>`
        : html`<li class="upload failed" role="alert">
            <span class="name">${u.name}</span>
            <span class="why">${u.refusal?.message ?? 'Not sent.'}</span>
            <button class="link" type="button" @click=${() => h.dismiss(u.id)}>Dismiss</button>
          </li>`,
    )}
  </ul>`;
}
