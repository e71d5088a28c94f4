/**
 * Shows attachments in the widget (SPEC.md F-8). The visitor's credential is a bearer header, which
 * an `<img src>` cannot send, so each file is fetched with the header and shown from a `blob:` URL:
 * the token never appears in a URL (logs, history, Referer), and no signing key is needed. Host
 * pages with a Content-Security-Policy allow `img-src blob:` for previews.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { attachmentPath, type AttachmentView } from '../protocol/attachments.js';
import { loadToken } from '../transport/visitor-token.js';
import type { UploadPlace } from './attachment-actions.js';

/** Object URLs of fetched attachments, per panel; released when the panel goes. */
export class AttachmentPreviews implements ReactiveController {
  readonly #urls = new Map<string, Promise<string | null>>();
  readonly #ready = new Map<string, string>();
  readonly #failed = new Set<string>();
  #live = false;

  constructor(
    /** The panel, re-rendered when a file arrives. */
    readonly host: ReactiveControllerHost,
    private readonly place: () => UploadPlace,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.#live = true;
  }

  hostDisconnected(): void {
    // A removed panel may still render once more; it must not fetch files for nobody.
    this.#live = false;
    for (const url of this.#ready.values()) URL.revokeObjectURL(url);
    this.#ready.clear();
    this.#urls.clear();
  }

  /**
   * The `blob:` URL of an image once fetched, else null: the first call starts the fetch and the
   * host re-renders when it is done. A failed fetch is not retried on every render; a click is.
   */
  src(a: AttachmentView): string | null {
    const ready = this.#ready.get(a.id);
    if (ready || this.#failed.has(a.id) || !this.#live) return ready ?? null;
    void this.#load(a.id).then(() => this.host.requestUpdate());
    return null;
  }

  /** Whether fetching the file failed (the panel offers to try again). */
  failed(a: AttachmentView): boolean {
    return this.#failed.has(a.id);
  }

  /** Fetches the file and hands it to the browser as a download under its name. */
  async download(a: AttachmentView): Promise<boolean> {
    if (this.#failed.delete(a.id)) this.#urls.delete(a.id);
    const url = await this.#load(a.id);
    if (!url) return false;
    const link = document.createElement('a');
    link.href = url;
    link.download = a.name;
    link.click();
    return true;
  }

  #load(id: string): Promise<string | null> {
    let url = this.#urls.get(id);
    if (!url) {
      url = this.#fetch(id);
      this.#urls.set(id, url);
    }
    return url;
  }

  async #fetch(id: string): Promise<string | null> {
    const { server, channel } = this.place();
    try {
      const token = await loadToken(server, channel);
      const res = await fetch(`${server}${attachmentPath(id)}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
      if (!res.ok) throw new Error(String(res.status));
      const url = URL.createObjectURL(await res.blob());
      this.#ready.set(id, url);
      return url;
    } catch {
      this.#failed.add(id);
      return null;
    }
  }
}
