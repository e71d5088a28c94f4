/**
 * `<invitation-details>`: how a visitor joins a technician-created session: the invitation link with
 * a Copy button, and the 6-digit PIN. Both are rendered as text.
 */
import { html, LitElement, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import type { Invitation } from '../../../src/protocol/index.js';
import { invitationDetailsStyles } from './invitation-details.styles.js';
import { sharedStyles } from './shared.styles.js';

/** The link and PIN of one invitation. */
@customElement('invitation-details')
export class InvitationDetails extends LitElement {
  static override styles = [sharedStyles, invitationDetailsStyles];

  @property({ attribute: false }) invitation: Invitation | null = null;

  @state() private copied: 'yes' | 'select' | null = null;
  @query('input.link') private linkInput!: HTMLInputElement | null;

  protected override render() {
    const inv = this.invitation;
    if (!inv) return nothing;
    return html`
      <div class="field">
        <label for="link">Invitation link</label>
        <div class="copy-row">
          <input id="link" class="link" type="text" readonly .value=${inv.link} @focus=${this.#select} />
          <button type="button" class="secondary" @click=${this.#copy}>Copy</button>
        </div>
        ${this.copied === 'yes' ? html`<p class="success" role="status">Link copied.</p>` : nothing}
        ${this.copied === 'select' ? html`<p class="hint" role="status">Copying is blocked here: the link is selected, press Ctrl+C.</p>` : nothing}
      </div>
      <div class="field">
        <span>PIN</span>
        ${
          inv.pin
            ? html`<p class="pin">${inv.pin}</p>
                <p class="hint">The visitor types it in the support widget instead of opening the link. It works once.</p>`
            : html`<p class="hint">The PIN was already used.</p>`
        }
      </div>
    `;
  }

  #select() {
    this.linkInput?.select();
  }

  async #copy() {
    const link = this.invitation?.link ?? '';
    try {
      await navigator.clipboard.writeText(link);
      this.copied = 'yes';
    } catch {
      // The Clipboard API needs a secure context and permission; selecting lets the technician copy by hand.
      this.linkInput?.focus();
      this.linkInput?.select();
      this.copied = 'select';
    }
  }
}
