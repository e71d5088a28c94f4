/**
 * Sending files from the widget (SPEC.md F-1, F-4): each file uploads with progress and can be
 * cancelled; once the server has it, a message carrying it joins the outbox like typed text, so it
 * is never lost nor doubled from then on. Refusals (too large, a type not accepted) say why.
 */
import { formatBytes } from '../protocol/attachments.js';
import type { Failure } from '../protocol/errors.js';
import { changeUpload, dropUpload } from '../session/uploads.js';
import { uploadFile, type RunningUpload } from '../transport/attachment-upload.js';
import { newClientId } from '../transport/client-id.js';
import { loadToken } from '../transport/visitor-token.js';
import { refusalOf, type ChatPort } from './chat-port.js';

/** Where the widget talks to, and how it gets a session to upload into. */
export interface UploadPlace {
  server: string;
  channel: string;
}

/** The words a visitor sees for a refused file. */
export function uploadRefusal(f: Pick<Failure, 'error' | 'message' | 'details'>): string {
  if (f.error === 'payload_too_large') {
    const max = (f.details as { maxBytes?: number } | undefined)?.maxBytes;
    return max ? `This file is too large: the limit is ${formatBytes(max)}.` : 'This file is too large.';
  }
  if (f.error === 'invalid_attachment')
    return 'This type of file cannot be sent. Try an image, a PDF, a zip, an Office document or a text file.';
  return f.message;
}

/** The file-sending half of the chat. */
export class AttachmentActions {
  readonly #running = new Map<string, RunningUpload>();

  constructor(
    private readonly chat: ChatPort,
    private readonly ensureSession: () => Promise<{ ok: true; value: string } | Failure>,
    private readonly place: () => UploadPlace,
  ) {}

  /** Uploads each file, then sends it as a message. */
  attach(files: Iterable<File>): void {
    for (const file of files) void this.#send(file);
  }

  /** Stops an upload in progress. */
  cancel(id: string): void {
    this.#running.get(id)?.cancel();
    this.#running.delete(id);
    this.#set(dropUpload(this.chat.state().uploads, id));
  }

  /** Hides a refused upload. */
  dismiss(id: string): void {
    this.#set(dropUpload(this.chat.state().uploads, id));
  }

  async #send(file: File): Promise<void> {
    const id = newClientId();
    this.#set([...this.chat.state().uploads, { id, name: file.name, size: file.size, loaded: 0, status: 'uploading', refusal: null }]);
    const failed = (f: Pick<Failure, 'error' | 'message' | 'details'>) =>
      this.#set(
        changeUpload(this.chat.state().uploads, id, {
          status: 'failed',
          refusal: refusalOf({ error: f.error, message: uploadRefusal(f) }),
        }),
      );
    const session = this.chat.state().connection === 'online' ? await this.ensureSession() : null;
    if (!session || !session.ok) return failed(session ?? { error: 'internal', message: 'You are offline: try again once connected.' });
    const { server, channel } = this.place();
    const token = await loadToken(server, channel);
    if (!token) return failed({ error: 'unauthorized', message: 'Send a message first, then attach the file.' });
    // Cancelled while the session started.
    if (!this.chat.state().uploads.some((u) => u.id === id)) return;
    const running = uploadFile({
      server,
      token,
      sessionId: session.value,
      file,
      name: file.name,
      onProgress: (loaded) => this.#set(changeUpload(this.chat.state().uploads, id, { loaded })),
    });
    this.#running.set(id, running);
    const r = await running.done;
    if (!this.#running.delete(id)) return;
    if (!r.ok) return failed(r);
    this.#set(dropUpload(this.chat.state().uploads, id));
    this.chat.apply({ type: 'queued', clientId: newClientId(), text: '', attachment: r.value });
    void this.chat.flush();
  }

  #set(uploads: ReturnType<typeof dropUpload>): void {
    this.chat.apply({ type: 'uploads', uploads });
  }
}
