/**
 * Shows attachments through the lazy `attachment-view.ts` chunk, like `message-text.ts` does for
 * rich text: the first message with a file, or the first file the visitor attaches, fetches it;
 * until it arrives a file shows as its name in text. Shared by every panel on the page.
 */
import { html, nothing, type ReactiveControllerHost } from 'lit';
import type { AttachmentPreviews } from '../controllers/attachment-previews.js';
import type { UploadPlace } from '../controllers/attachment-actions.js';
import type { AttachmentView } from '../protocol/attachments.js';
import type { UploadState } from '../session/uploads.js';
import type * as AttachmentViewModule from './attachment-view.js';
import type { UploadHandlers } from './attachment-view.js';

type View = typeof AttachmentViewModule;

let view: View | null = null;
let loading: Promise<View | null> | null = null;

function loadView(): Promise<View | null> {
  loading ??= import('./attachment-view.js').then(
    (m) => (view = m),
    // Offline or blocked: files stay shown by name.
    () => null,
  );
  return loading;
}

/** Renders attachments for one chat panel. */
export class AttachmentLoader {
  #previews: AttachmentPreviews | null = null;

  constructor(
    private readonly host: ReactiveControllerHost & { renderRoot: HTMLElement | DocumentFragment },
    private readonly place: () => UploadPlace,
  ) {}

  /** Starts fetching the chunk (the visitor is about to attach a file). */
  preload(): void {
    void this.#ready();
  }

  /** The chunk, once here (null if it cannot load). */
  async ready(): Promise<View | null> {
    await this.#ready();
    return view;
  }

  /** A file in a message. */
  message(a: AttachmentView) {
    if (view && this.#previews) return view.renderAttachment(a, this.#previews);
    void this.#ready();
    return html`<span class="text">📎 ${a.name}</span>`;
  }

  /** The uploads in progress or refused. */
  uploads(uploads: readonly UploadState[], handlers: UploadHandlers) {
    if (uploads.length === 0) return nothing;
    if (view && this.#previews) return view.renderUploads(uploads, handlers);
    void this.#ready();
    return nothing;
  }

  async #ready(): Promise<void> {
    const m = await loadView();
    if (!m || this.#previews) return;
    this.#previews = m.previewsFor(this.host, this.place);
    const root = this.host.renderRoot;
    const sheet = m.styles.styleSheet;
    if (root instanceof ShadowRoot && sheet) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
    this.host.requestUpdate();
  }
}
