/**
 * The 9-digit support code (S-6): the visitor reads it out to a technician, who types it into the
 * console to join. One id per page load, so asking again (after a reconnect) gives the same code.
 */
import { newClientId } from '../transport/client-id.js';
import { refusalOf, type ChatPort } from './chat-port.js';

/** Asking for, renewing and hiding the support code. */
export class SupportCodeActions {
  /** Random, made once per page load and kept for the life of the page. */
  readonly pageId = newClientId();

  constructor(private readonly chat: ChatPort) {}

  /** Asks for the code and shows it. */
  async request(): Promise<void> {
    const { status } = this.chat.state().sos;
    if (status === 'asking' || status === 'shown') return;
    this.chat.apply({ type: 'sos', sos: { status: 'asking' } });
    await this.#ask();
  }

  /** After a reconnect, asks again for a code being shown, so it still leads to this page. */
  async renew(): Promise<void> {
    const { status } = this.chat.state().sos;
    if (status === 'asking' || status === 'shown') await this.#ask();
  }

  /** Hides the code (it stays valid; asking again shows the same one). */
  hide(): void {
    this.chat.apply({ type: 'sos', sos: { status: 'hidden' } });
  }

  async #ask(): Promise<void> {
    const r = await this.chat.ask('sos:code', { pageId: this.pageId });
    const before = this.chat.state().sos;
    if (!r.ok) {
      // A code already on screen stays there through a connection hiccup; the next connect renews it.
      if (!(r.error === 'internal' && before.status === 'shown'))
        this.chat.apply({ type: 'sos', sos: { status: 'failed', refusal: refusalOf(r) } });
      return;
    }
    await this.chat.keepToken(r.value.token);
    await this.chat.showJoined({ session: r.value.session, messages: [] });
    // The visitor may have hidden the card while we waited; only a visible request is shown.
    if (before.status !== 'hidden') this.chat.apply({ type: 'sos', sos: { status: 'shown', code: r.value.code } });
  }
}
