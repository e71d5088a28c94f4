/**
 * `<invite-email-form>`: "Invite by email" for a session's invitation (SPEC K-12): the customer's
 * address and an editable message holding the link and the PIN, sent through the desk's outgoing
 * mail (or kept in its outbox when no mail server is configured). Everything typed stays text.
 */
import { html, LitElement, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { Invitation } from '../../../src/protocol/index.js';
import { offlineCommands, type SessionCommands } from '../state/session-commands.js';
import { sharedStyles } from './shared.styles.js';
import { inviteEmailStyles } from './invite-email-form.styles.js';

/** The invitation mail of one session. */
@customElement('invite-email-form')
export class InviteEmailForm extends LitElement {
  static override styles = [sharedStyles, inviteEmailStyles];

  @property() sessionId = '';
  @property({ attribute: false }) invitation: Invitation | null = null;
  @property({ attribute: false }) commands: SessionCommands = offlineCommands;

  @state() private to = '';
  @state() private subject = 'Remote support session';
  @state() private text = '';
  @state() private sending = false;
  @state() private outcome: { ok: boolean; message: string } | null = null;

  protected override willUpdate(changed: PropertyValues<this>): void {
    const inv = this.invitation;
    if (changed.has('invitation') && inv) {
      const pin = inv.pin ? `\n\nOr type the PIN ${inv.pin} in the support window of our website.` : '';
      this.text = `Hello,\n\nto look at your problem together, please open this link:\n${inv.link}${pin}`;
      this.outcome = null;
    }
  }

  protected override render() {
    if (!this.invitation) return nothing;
    return html`<form @submit=${this.#send} aria-label="Invite by email">
      <h3>Invite by email</h3>
      <label
        >Customer's email<input type="email" name="to" required .value=${this.to} @input=${(e: Event) => (this.to = value(e))}
      /></label>
      <label
        >Subject<input name="subject" required maxlength="200" .value=${this.subject} @input=${(e: Event) => (this.subject = value(e))}
      /></label>
      <label
        >Message<textarea name="text" rows="6" required .value=${this.text} @input=${(e: Event) => (this.text = value(e))}></textarea>
      </label>
      <div class="row">
        <button type="submit" ?disabled=${this.sending}>${this.sending ? 'Sending…' : 'Send invitation'}</button>
        ${this.outcome ? html`<p class=${this.outcome.ok ? 'success' : 'error'} role="status">${this.outcome.message}</p>` : nothing}
      </div>
    </form>`;
  }

  async #send(e: Event) {
    e.preventDefault();
    if (this.sending) return;
    this.sending = true;
    const r = await this.commands.inviteByEmail(this.sessionId, this.to.trim(), this.subject.trim(), this.text.trim());
    this.sending = false;
    this.outcome = r.ok
      ? {
          ok: true,
          message: r.value.status === 'outbox' ? 'Kept in the outbox: no mail server is configured.' : `Sent to ${this.to.trim()}.`,
        }
      : { ok: false, message: r.message };
  }
}

const value = (e: Event) => (e.target as HTMLInputElement | HTMLTextAreaElement).value;
