/**
 * `<client-files>`: file transfer with the visitor's computer (E-8), both ways, with progress. A file
 * picked here goes out in chunks, each confirmed once the client wrote it; a file fetched by its
 * path on the visitor's computer comes back in chunks and is offered as a download.
 */
import { html, LitElement, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { CLIENT_LIMITS } from '../../../src/protocol/index.js';
import { fileChunks, fromBase64, sizeLabel, supportClientLink } from '../state/support-client-link.js';
import { clientPanelStyles } from './support-client-panel.styles.js';
import { sharedStyles } from './shared.styles.js';

interface Progress {
  name: string;
  done: number;
  size: number;
  error: string;
  /** Object URL of a fetched file, once complete. */
  url: string;
}

/** File transfer of a session's support client. */
@customElement('client-files')
export class ClientFiles extends LitElement {
  static override styles = [sharedStyles, clientPanelStyles];

  @property() sessionId = '';
  @state() private sending: Progress | null = null;
  @state() private fetching: Progress | null = null;
  @query('input[type=file]') private picker!: HTMLInputElement;
  @query('input[name=path]') private path!: HTMLInputElement;

  #off: (() => void) | null = null;
  #fetchId = '';
  #parts: Uint8Array[] = [];
  #early: { transferId: string; data: string; last: boolean }[] = [];

  override connectedCallback(): void {
    super.connectedCallback();
    const offChunk = supportClientLink.on('client:file-chunk', (p) => {
      if (p.sessionId !== this.sessionId || !this.fetching) return;
      // Chunks may overtake the answer that names their transfer: keep them until it comes.
      if (!this.#fetchId) this.#early.push(p);
      else if (p.transferId === this.#fetchId) this.#take(p.data, p.last);
    });
    const offFail = supportClientLink.on('client:file-failed', (p) => {
      if (p.transferId === this.#fetchId && this.fetching) this.fetching = { ...this.fetching, error: p.message };
    });
    this.#off = () => {
      offChunk();
      offFail();
    };
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#off?.();
    if (this.fetching?.url) URL.revokeObjectURL(this.fetching.url);
  }

  protected override render() {
    return html`<div class="files">
      <form class="row" @submit=${this.#send}>
        <label>Send a file <input type="file" name="file" /></label>
        <button type="submit" class="secondary">Send</button>
      </form>
      ${this.#progress(this.sending, 'sent')}
      <form class="row" @submit=${this.#fetch}>
        <label>Fetch a file <input name="path" placeholder="e.g. ~/Documents/report.txt" maxlength="1024" /></label>
        <button type="submit" class="secondary">Fetch</button>
      </form>
      ${this.#progress(this.fetching, 'fetched')}
      <p class="hint">At most ${sizeLabel(CLIENT_LIMITS.fileBytes)} a file. Every transfer is logged.</p>
    </div>`;
  }

  #progress(p: Progress | null, verb: string) {
    if (!p) return nothing;
    const complete = p.size >= 0 && p.done >= p.size && !p.error;
    return html`<div class="progress" data-name=${p.name}>
      <progress max=${Math.max(p.size, 1)} value=${p.done} aria-label=${`${p.name}: ${p.done} of ${p.size} bytes`}></progress>
      <span>${p.name}: ${sizeLabel(p.done)} of ${sizeLabel(Math.max(p.size, 0))}${complete ? ` ${verb}` : ''}</span>
      ${p.error ? html`<span class="error" role="alert">${p.error}</span>` : nothing}
      ${p.url ? html`<a href=${p.url} download=${p.name}>Save ${p.name}</a>` : nothing}
    </div>`;
  }

  async #send(e: Event) {
    e.preventDefault();
    const file = this.picker.files?.[0];
    if (!file) return;
    if (file.size > CLIENT_LIMITS.fileBytes) {
      this.sending = { name: file.name, done: 0, size: file.size, error: 'The file is larger than the limit.', url: '' };
      return;
    }
    this.sending = { name: file.name, done: 0, size: file.size, error: '', url: '' };
    const started = await supportClientLink.ask('client:file-send', { sessionId: this.sessionId, name: file.name, size: file.size });
    if (!started.ok) {
      this.sending = { ...this.sending, error: started.message };
      return;
    }
    const bytes = new Uint8Array(await file.arrayBuffer());
    let done = 0;
    // One chunk at a time: each ack means the client wrote it, which paces the transfer.
    for (const chunk of fileChunks(bytes)) {
      const r = await supportClientLink.ask('client:file-chunk', {
        sessionId: this.sessionId,
        transferId: started.value.transferId,
        ...chunk,
      });
      if (!r.ok) {
        this.sending = { ...this.sending, error: r.message };
        return;
      }
      done = Math.min(bytes.length, done + CLIENT_LIMITS.chunkBytes);
      this.sending = { ...this.sending, done };
    }
    this.picker.value = '';
  }

  async #fetch(e: Event) {
    e.preventDefault();
    const path = this.path.value.trim();
    if (!path) return;
    if (this.fetching?.url) URL.revokeObjectURL(this.fetching.url);
    this.#parts = [];
    this.#early = [];
    this.#fetchId = '';
    this.fetching = { name: path, done: 0, size: -1, error: '', url: '' };
    const r = await supportClientLink.ask('client:file-fetch', { sessionId: this.sessionId, path });
    if (!r.ok) {
      this.fetching = { ...this.fetching, error: r.message };
      return;
    }
    this.#fetchId = r.value.transferId;
    this.fetching = { ...this.fetching, name: r.value.name, size: r.value.size };
    const early = this.#early.filter((c) => c.transferId === this.#fetchId);
    this.#early = [];
    for (const c of early) this.#take(c.data, c.last);
  }

  /** Adds a chunk of the fetched file; the last one makes it a download. */
  #take(data: string, last: boolean): void {
    if (!this.fetching) return;
    const bytes = fromBase64(data);
    this.#parts.push(bytes);
    const url = last ? URL.createObjectURL(new Blob(this.#parts as BlobPart[])) : '';
    this.fetching = { ...this.fetching, done: this.fetching.done + bytes.length, url };
    if (last) this.#parts = [];
  }
}
