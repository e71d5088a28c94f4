/**
 * Delivers the visitor's messages: never lost, never doubled (SPEC.md M-1, M-2). What the visitor
 * types waits in the reducer's `pending` and in the persistent outbox until the server confirms it;
 * it is sent in order, one at a time, with the client id it got when typed, on every connection
 * until confirmed. A confirmation is the ack, or the same message arriving by `message:created` or a
 * catch-up (an ack may be lost while the message was stored).
 */
import * as v from 'valibot';
import { ok, type Result } from '../protocol/errors.js';
import { ClientIdSchema, MessageTextSchema } from '../protocol/schemas.js';
import type { PendingMessage } from '../session/chat-state.js';
import { loadOutbox, mirrorOutbox, type OutboxPlace } from '../transport/outbox.js';
import type { ChatPort } from './chat-port.js';

/** Pause before sending again after the server failed or did not answer on a live connection. */
export const RETRY_DELAY_MS = 1000;

/** Waits {@link RETRY_DELAY_MS}, or longer when the server said when to come back. */
export function retryPause(ms = RETRY_DELAY_MS): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, Math.max(RETRY_DELAY_MS, Math.min(ms, 30_000))));
}

/** The `retryAfterMs` of a flood-limit refusal (L-1), else the usual pause. */
function retryAfter(details: unknown): number {
  const ms = (details as { retryAfterMs?: unknown } | undefined)?.retryAfterMs;
  return typeof ms === 'number' && Number.isFinite(ms) ? ms : RETRY_DELAY_MS;
}

const CONFIRMED = Symbol('confirmed');

/** The sending half of the chat. */
export class MessageSender {
  #flushing = false;
  /** The message being sent and how to stop waiting for its ack once it is confirmed otherwise. */
  #inFlight: { clientId: string; confirmed: () => void } | null = null;

  constructor(
    private readonly chat: ChatPort,
    private readonly place: () => OutboxPlace,
  ) {}

  /** Puts the messages left in the outbox (by a reload, a closed tab) back in front of the queue. */
  async restore(): Promise<void> {
    // Stored data is not trusted: one the server would refuse forever must not hold up the rest.
    const waiting = (await loadOutbox(this.place())).filter(
      (e) => v.is(ClientIdSchema, e.clientId) && (v.is(MessageTextSchema, e.text) || typeof e.attachment?.id === 'string'),
    );
    if (waiting.length > 0) this.chat.apply({ type: 'restored', messages: waiting });
  }

  /** Call after every state change: keeps the outbox in step and notices confirmations. */
  track(before: readonly PendingMessage[], after: readonly PendingMessage[]): void {
    if (before === after) return;
    void mirrorOutbox(this.place(), before, after);
    const sending = this.#inFlight;
    if (sending && !after.some((p) => p.clientId === sending.clientId)) sending.confirmed();
  }

  /** Sends pending messages in order while connected, starting a session first if needed. */
  async flush(): Promise<void> {
    if (this.#flushing) return;
    this.#flushing = true;
    try {
      while (this.#online() && this.chat.state().pending.length > 0) {
        const next = this.chat.state().pending[0];
        const session = await this.ensureSession();
        const r = session.ok ? await this.#send(session.value, next) : session;
        if (r === CONFIRMED) continue;
        if (r.ok) {
          this.chat.apply({ type: 'messages', messages: [r.value] });
          continue;
        }
        this.chat.apply({ type: 'failed', clientId: next.clientId, message: r.message });
        // `internal` on a live connection is a lost ack or a server hiccup, and the same client id
        // is safe to send again. Anything else (an ended session, ...) waits for the visitor.
        if ((r.error !== 'internal' && r.error !== 'rate_limited') || !this.#online()) return;
        await retryPause(retryAfter(r.details));
      }
    } finally {
      this.#flushing = false;
    }
  }

  /** One attempt: the ack, or {@link CONFIRMED} as soon as the message arrives another way. */
  async #send(sessionId: string, message: PendingMessage) {
    const confirmed = new Promise<typeof CONFIRMED>((resolve) => {
      this.#inFlight = { clientId: message.clientId, confirmed: () => resolve(CONFIRMED) };
    });
    try {
      const { clientId, text, attachment } = message;
      const payload = attachment ? { sessionId, clientId, text, attachmentId: attachment.id } : { sessionId, clientId, text };
      return await Promise.race([confirmed, this.chat.ask('message:send', payload)]);
    } finally {
      this.#inFlight = null;
    }
  }

  #online(): boolean {
    return this.chat.state().connection === 'online';
  }

  /** The id of the visitor's session, started first if there is none (an upload needs one). */
  async ensureSession(): Promise<Result<string>> {
    const current = this.chat.state().session;
    if (current) return ok(current.id);
    const r = await this.chat.ask('session:start', {});
    if (!r.ok) return r;
    await this.chat.keepToken(r.value.token);
    this.chat.apply({ type: 'session', session: r.value.session });
    return ok(r.value.session.id);
  }
}
