/**
 * Sending the profile forms (lazy chunk): the pre-chat answers that start a session (SPEC Q-2) and
 * the message a visitor leaves while the channel is offline (O-2), with what the server refused.
 */
import type { ChatPort } from '../controllers/chat-port.js';
import type { OfflineLeave, PrechatAnswers } from '../protocol/index.js';

/** Sending the pre-chat answers, and what was wrong with them, by field id. */
export type PrechatState = { status: 'idle' | 'sending' } | { status: 'refused'; message: string; fields: Record<string, string> };

/** Leaving a message while offline. */
export type LeaveState = { status: 'idle' | 'sending' } | { status: 'sent'; email: string } | { status: 'failed'; message: string };

/** Mailing a link to this conversation (P-1); `until` is when the link stops working, as shown. */
export type ContinueState =
  { status: 'closed' | 'open' | 'sending' } | { status: 'sent'; email: string; until: string } | { status: 'failed'; message: string };

/** The forms' half of the chat. */
export class ProfileFormActions {
  prechat: PrechatState = { status: 'idle' };
  leave: LeaveState = { status: 'idle' };
  continuing: ContinueState = { status: 'closed' };

  constructor(
    private readonly chat: ChatPort,
    private readonly changed: () => void,
  ) {}

  /** starts the session with the answers; the server checks them and names what is missing. */
  async submitPrechat(answers: PrechatAnswers): Promise<void> {
    if (this.prechat.status === 'sending') return;
    this.prechat = { status: 'sending' };
    this.changed();
    const r = await this.chat.ask('session:start', { prechat: answers });
    if (!r.ok) {
      const fields: Record<string, string> = {};
      const details = Array.isArray(r.details) ? (r.details as { field?: unknown; message?: unknown }[]) : [];
      for (const d of details) if (typeof d.field === 'string') fields[d.field] = String(d.message);
      this.prechat = { status: 'refused', message: r.message, fields };
      this.changed();
      return;
    }
    await this.chat.keepToken(r.value.token);
    this.prechat = { status: 'idle' };
    await this.chat.showJoined({ session: r.value.session, messages: [] });
    // Anything typed before the form showed goes to the new session now.
    await this.chat.flush();
  }

  /** O-2: leaves a message for the team, answered by email. */
  async leaveMessage(message: OfflineLeave): Promise<void> {
    if (this.leave.status === 'sending') return;
    this.leave = { status: 'sending' };
    this.changed();
    const r = await this.chat.ask('offline:leave', message);
    this.leave = r.ok ? { status: 'sent', email: message.email } : { status: 'failed', message: r.message };
    this.changed();
  }

  /** Opens or closes the "continue on another device" card. */
  showContinue(open: boolean): void {
    this.continuing = { status: open ? 'open' : 'closed' };
    this.changed();
  }

  /** P-1: has the server mail a link to this conversation that opens this page elsewhere. */
  async emailLink(email: string): Promise<void> {
    if (this.continuing.status === 'sending') return;
    this.continuing = { status: 'sending' };
    this.changed();
    const r = await this.chat.ask('conversation:email-link', { email, pageUrl: location.href });
    this.continuing = r.ok
      ? { status: 'sent', email: r.value.sentTo, until: new Date(r.value.expiresAt).toLocaleString() }
      : { status: 'failed', message: r.message };
    this.changed();
  }
}
