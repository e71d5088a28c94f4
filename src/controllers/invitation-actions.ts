/**
 * Joining a technician's session (S-5): by the invitation link the page was opened with
 * (`?porthole=<token>`), or by the 6-digit PIN the visitor types.
 */
import * as v from 'valibot';
import type { VisitorJoined } from '../protocol/events.js';
import { InviteTokenSchema, PinSchema } from '../protocol/schemas.js';
import { readInviteParam, stripInviteParam } from '../transport/invite-link.js';
import { refusalOf, type ChatPort } from './chat-port.js';

/** Link pickup and the PIN form. */
export class InvitationActions {
  /** A link token not yet opened; kept across reconnects until the server gives a definite answer. */
  #link: string | null = null;

  constructor(private readonly chat: ChatPort) {}

  /** Reads the invitation token from the address bar, once the chat is on the page. */
  pickUp(): void {
    const token = readInviteParam();
    if (token === null) return;
    if (v.is(InviteTokenSchema, token)) {
      this.#link = token;
      return;
    }
    stripInviteParam();
    this.chat.apply({
      type: 'link',
      link: { status: 'failed', refusal: { error: 'invalid_payload', message: 'must be an invitation token' } },
    });
  }

  /** Opens the picked-up link, if any; true when the visitor is now in its session. */
  async joinLink(): Promise<boolean> {
    const link = this.#link;
    if (link === null) return false;
    this.chat.apply({ type: 'link', link: { status: 'joining' } });
    const r = await this.chat.ask('session:join', { link });
    // `internal` is a lost connection or ack: the link may still be good, so try on the next connect.
    if (r.ok || r.error !== 'internal') {
      this.#link = null;
      stripInviteParam();
    }
    if (!r.ok) {
      this.chat.apply({ type: 'link', link: { status: 'failed', refusal: refusalOf(r) } });
      return false;
    }
    await this.#joined(r.value);
    this.chat.apply({ type: 'link', link: { status: 'none' } });
    return true;
  }

  /** Hides the message about a link that did not work. */
  dismissLinkError(): void {
    this.chat.apply({ type: 'link', link: { status: 'none' } });
  }

  /** Shows the PIN form. */
  openPin(): void {
    this.chat.apply({ type: 'pin', pin: { status: 'open', refusal: null } });
  }

  /** Hides the PIN form. */
  closePin(): void {
    this.chat.apply({ type: 'pin', pin: { status: 'closed' } });
  }

  /** Joins the session behind a PIN as typed (spaces and dashes are fine). */
  async joinWithPin(typed: string): Promise<void> {
    if (this.chat.state().pin.status === 'sending') return;
    const pin = v.safeParse(PinSchema, typed);
    if (!pin.success) {
      this.chat.apply({ type: 'pin', pin: { status: 'open', refusal: { error: 'invalid_payload', message: pin.issues[0].message } } });
      return;
    }
    this.chat.apply({ type: 'pin', pin: { status: 'sending' } });
    const r = await this.chat.ask('session:join', { pin: pin.output });
    if (!r.ok) {
      this.chat.apply({ type: 'pin', pin: { status: 'open', refusal: refusalOf(r) } });
      return;
    }
    await this.#joined(r.value);
    this.closePin();
    await this.chat.flush();
  }

  async #joined(joined: VisitorJoined): Promise<void> {
    await this.chat.keepToken(joined.token);
    await this.chat.showJoined(joined);
  }
}
