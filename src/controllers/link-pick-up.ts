/**
 * Opening a conversation link on another device (SPEC.md P-2): the page was opened with
 * `?porthole-resume=<token>`; the server answers a visitor token of that conversation's visitor,
 * which this browser keeps, and the chat connects again as that visitor.
 */
import { CONVERSATION_LINK_PARAM } from '../protocol/link-params.js';
import { stripInviteParam } from '../transport/invite-link.js';
import { refusalOf, type ChatPort } from './chat-port.js';

/** The link found in the address bar, until the server gave a definite answer. */
export class LinkPickUp {
  #link: string | null = null;

  constructor(
    private readonly chat: ChatPort,
    /** Connects again, so the handshake carries the kept token. */
    private readonly reconnect: () => void,
  ) {}

  /** Reads the link's token from the address bar, once the chat is on the page. */
  read(): void {
    this.#link = new URLSearchParams(location.search).get(CONVERSATION_LINK_PARAM);
  }

  /** Whether a link waits to be redeemed. */
  get waiting(): boolean {
    return this.#link !== null;
  }

  /** Redeems the link, if any; true when the chat is connecting again as the link's visitor. */
  async open(): Promise<boolean> {
    const link = this.#link;
    if (link === null) return false;
    this.chat.apply({ type: 'link', link: { status: 'joining' } });
    const r = await this.chat.ask('conversation:pick-up', { link });
    // `internal` is a lost connection or ack: the link may still be good, so try on the next connect.
    if (!r.ok && r.error === 'internal') return false;
    this.#link = null;
    stripInviteParam(CONVERSATION_LINK_PARAM);
    if (!r.ok) {
      this.chat.apply({ type: 'link', link: { status: 'failed', refusal: refusalOf(r) } });
      return false;
    }
    await this.chat.keepToken(r.value.token);
    this.chat.apply({ type: 'link', link: { status: 'none' } });
    this.reconnect();
    return true;
  }
}
