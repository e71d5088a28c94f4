/**
 * `<new-session-dialog>`: creates a session in a channel (asking which one when the technician has
 * several) and shows its invitation link and PIN. Call `show()` to start.
 */
import { html, LitElement, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import type { Invitation, Result, SessionCreated } from '../../../src/protocol/index.js';
import type { NavChannel } from '../state/session-selectors.js';
import './invitation-details.js';
import { newSessionDialogStyles } from './new-session-dialog.styles.js';
import { sharedStyles } from './shared.styles.js';

/** The "New session" flow. */
@customElement('new-session-dialog')
export class NewSessionDialog extends LitElement {
  static override styles = [sharedStyles, newSessionDialogStyles];

  /** Channels the technician may create sessions in. */
  @property({ attribute: false }) channels: readonly NavChannel[] = [];
  /** Creates the session; provided by the workspace. */
  @property({ attribute: false }) create: (channelId: string) => Promise<Result<SessionCreated>> = () =>
    Promise.resolve({ ok: false, error: 'internal', message: 'Not ready.' });

  @state() private invitation: Invitation | null = null;
  @state() private busy = false;
  @state() private error = '';
  @query('dialog') private dialog!: HTMLDialogElement;

  /** Opens the dialog; with a single channel the session is created at once. */
  async show(): Promise<void> {
    this.invitation = null;
    this.error = '';
    await this.updateComplete;
    if (!this.dialog.open) this.dialog.showModal();
    const only = this.channels.length === 1 ? this.channels[0] : undefined;
    if (only) await this.#create(only.id);
  }

  /** Shows an invitation that already exists (e.g. for tests or "Show PIN"). */
  async showInvitation(invitation: Invitation): Promise<void> {
    this.invitation = invitation;
    this.error = '';
    await this.updateComplete;
    if (!this.dialog.open) this.dialog.showModal();
  }

  protected override render() {
    return html`<dialog aria-labelledby="title" @close=${() => (this.busy = false)}>
      <h2 id="title">${this.invitation ? 'Session created' : 'New session'}</h2>
      ${this.invitation ? this.#created(this.invitation) : this.#picker()}
    </dialog>`;
  }

  #picker() {
    if (this.channels.length === 0) {
      return html`<p class="hint">You are not a member of any channel yet: ask an admin to add you to one.</p>
        <div class="dialog-actions"><button type="button" class="secondary" @click=${this.#close}>Close</button></div>`;
    }
    return html`<form @submit=${this.#submit}>
      ${
        this.channels.length > 1
          ? html`<label
              >Channel
              <select name="channel">
                ${this.channels.map((c) => html`<option value=${c.id}>${c.name}</option>`)}
              </select>
            </label>`
          : html`<p class="hint">Creating a session…</p>`
      }
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
      <div class="dialog-actions">
        <button type="button" class="secondary" @click=${this.#close}>Cancel</button>
        ${this.channels.length > 1 || this.error ? html`<button type="submit" ?disabled=${this.busy}>Create session</button>` : nothing}
      </div>
    </form>`;
  }

  #created(invitation: Invitation) {
    return html`<p class="hint lead">Send the link to the visitor, or read out the PIN. The session waits until they join.</p>
      <invitation-details .invitation=${invitation}></invitation-details>
      <div class="dialog-actions"><button type="button" @click=${this.#close}>Done</button></div>`;
  }

  #submit(e: SubmitEvent) {
    e.preventDefault();
    const form = e.target as HTMLFormElement;
    const picked = new FormData(form).get('channel');
    const channelId = typeof picked === 'string' ? picked : this.channels[0]?.id;
    if (channelId) void this.#create(channelId);
  }

  async #create(channelId: string) {
    this.busy = true;
    this.error = '';
    const r = await this.create(channelId);
    this.busy = false;
    if (r.ok) this.invitation = r.value.invitation;
    else this.error = r.message;
  }

  #close() {
    this.dialog.close();
  }
}
