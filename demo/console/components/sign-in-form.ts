/**
 * `<sign-in-form>`: email and password. Fires `signed-in` (detail: the technician) on success.
 */
import { html, LitElement } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { login } from '../api.js';
import { signInStyles } from './sign-in-form.styles.js';

/** The console's sign-in form. */
@customElement('sign-in-form')
export class SignInForm extends LitElement {
  static override styles = signInStyles;

  @state() private error = '';
  @state() private busy = false;

  protected override render() {
    return html`
      <form @submit=${this.#submit}>
        <h1>Porthole console</h1>
        <p class="hint">Sign in to answer your visitors.</p>
        <label>Email <input name="email" type="email" autocomplete="username" required /></label>
        <label>Password <input name="password" type="password" autocomplete="current-password" required /></label>
        ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : ''}
        <button type="submit" ?disabled=${this.busy}>Sign in</button>
      </form>
    `;
  }

  async #submit(e: SubmitEvent) {
    e.preventDefault();
    const data = new FormData(e.target as HTMLFormElement);
    this.busy = true;
    const field = (name: string) => {
      const value = data.get(name);
      return typeof value === 'string' ? value : '';
    };
    const r = await login(field('email'), field('password'));
    this.busy = false;
    if (!r.ok) {
      this.error = r.message;
      return;
    }
    this.dispatchEvent(new CustomEvent('signed-in', { detail: r.value, bubbles: true, composed: true }));
  }
}
