/**
 * The visitor's side of the live signals around chat: "typing…" sent while the visitor types (Y-1),
 * the technician's "typing…" shown and dropped when it goes stale, and delivered / read receipts
 * reported for the technicians' messages (D-1). Signals are best effort: a lost one is replaced by
 * the next, so failures are not retried.
 */
import type { ReceiptView, TypingView } from '../protocol/views.js';
import { TYPING_TTL_MS } from '../protocol/views.js';
import { contiguousSeq, lastTechnicianSeq } from '../session/chat-state.js';
import type { ChatPort } from './chat-port.js';

/** How often "still typing" is sent while the visitor keeps typing; well inside the receivers' TTL. */
export const TYPING_RENEW_MS = 3000;

/** Typing and receipts of one chat. */
export class ChatSignals {
  #typingSentAt = 0;
  #typingSession = '';
  #stale: ReturnType<typeof setTimeout> | undefined;
  #sent = { session: '', delivered: 0, read: 0 };
  #reporting = false;

  constructor(private readonly chat: ChatPort) {}

  /** Call on every edit of the message box; `hasText` is whether anything is typed. */
  input(hasText: boolean): void {
    const session = this.chat.state().session?.id;
    if (!session || this.chat.state().connection !== 'online') return;
    const now = Date.now();
    if (hasText && (this.#typingSession !== session || now - this.#typingSentAt > TYPING_RENEW_MS)) {
      this.#typingSentAt = now;
      this.#typingSession = session;
      void this.chat.ask('typing:set', { sessionId: session, typing: true });
    } else if (!hasText) this.stopTyping();
  }

  /** The visitor sent or cleared the message: the technician stops seeing "typing…" at once. */
  stopTyping(): void {
    if (!this.#typingSession) return;
    const sessionId = this.#typingSession;
    this.#typingSession = '';
    this.#typingSentAt = 0;
    void this.chat.ask('typing:set', { sessionId, typing: false });
  }

  /** A technician's typing signal: shown until they send, stop, or stay silent past the TTL. */
  typed(t: TypingView): void {
    if (t.who.kind !== 'technician') return;
    clearTimeout(this.#stale);
    this.chat.apply({ type: 'typing', sessionId: t.sessionId, name: t.typing ? t.who.name : null });
    if (t.typing) this.#stale = setTimeout(() => this.chat.apply({ type: 'typing', sessionId: t.sessionId, name: null }), TYPING_TTL_MS);
  }

  /** How far the technicians got with the visitor's messages. */
  received(r: ReceiptView): void {
    if (r.side === 'technicians')
      this.chat.apply({ type: 'receipt', sessionId: r.sessionId, deliveredSeq: r.deliveredSeq, readSeq: r.readSeq });
  }

  /**
   * Call after state changes: tells the server once the technicians' newest message is here
   * (delivered) and once it was shown with the panel open (read). One report at a time.
   */
  report(): void {
    const state = this.chat.state();
    const session = state.session?.id;
    if (!session || this.#reporting || state.connection !== 'online') return;
    if (this.#sent.session !== session) this.#sent = { session, delivered: 0, read: 0 };
    const tech = lastTechnicianSeq(state);
    const delivered = contiguousSeq(state);
    const read = Math.min(state.readSeq, delivered);
    const due = tech > 0 && ((delivered >= tech && this.#sent.delivered < tech) || (read >= tech && this.#sent.read < tech));
    if (!due) return;
    this.#reporting = true;
    void this.chat.ask('messages:seen', { sessionId: session, delivered, read }).then((r) => {
      this.#reporting = false;
      if (r.ok && this.#sent.session === session) this.#sent = { session, delivered, read };
      // Whatever arrived meanwhile is reported now; after a failure, at the next change.
      if (r.ok) this.report();
    });
  }
}
