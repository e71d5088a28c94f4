/**
 * `<account-page>`: who is signed in, and a form to change the password (the current one, then the
 * new one twice so a typo does not lock the technician out).
 */
import { html, LitElement, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { TechnicianView } from '../../../src/protocol/index.js';
import { changePassword } from '../api.js';
import { formText } from './form-text.js';
import { accountPageStyles } from './account-page.styles.js';
import { sharedStyles } from './shared.styles.js';

const MIN_PASSWORD = 10;

/** The Account page. */
@customElement('account-page')
export class AccountPage extends LitElement {
  static override styles = [sharedStyles, accountPageStyles];

  @property({ attribute: false }) technician: TechnicianView | null = null;

  @state() private busy = false;
  @state() private error = '';
  @state() private done = false;

  protected override render() {
    const t = this.technician;
    return html`
      <section aria-labelledby="me-title">
        <h2 id="me-title">Account</h2>
        ${
          t
            ? html`<dl>
                <dt>Name</dt>
                <dd>${t.name}</dd>
                <dt>Email</dt>
                <dd>${t.email}</dd>
                <dt>Role</dt>
                <dd>${t.role === 'admin' ? 'Admin' : 'Technician'}</dd>
              </dl>`
            : nothing
        }
      </section>
      <section aria-labelledby="password-title">
        <h2 id="password-title">Change password</h2>
        <form @submit=${this.#submit}>
          <label>Current password <input name="current" type="password" required autocomplete="current-password" /></label>
          <label
            >New password <input name="next" type="password" required minlength=${MIN_PASSWORD} autocomplete="new-password" />
            <span class="hint">At least ${MIN_PASSWORD} characters.</span>
          </label>
          <label>Repeat the new password <input name="repeat" type="password" required autocomplete="new-password" /></label>
          ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
          ${this.done ? html`<p class="success" role="status">Password changed.</p>` : nothing}
          <div class="form-actions"><button type="submit" ?disabled=${this.busy}>Change password</button></div>
        </form>
      </section>
    `;
  }

  async #submit(e: SubmitEvent) {
    e.preventDefault();
    const form = e.target as HTMLFormElement;
    const data = new FormData(form);
    const [current, next, repeat] = ['current', 'next', 'repeat'].map((k) => formText(data, k));
    this.done = false;
    if (next !== repeat) {
      this.error = 'The two new passwords differ.';
      return;
    }
    this.busy = true;
    const r = await changePassword(current, next);
    this.busy = false;
    this.error = r.ok ? '' : r.message;
    if (r.ok) {
      this.done = true;
      form.reset();
    }
  }
}
