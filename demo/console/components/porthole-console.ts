/**
 * `<porthole-console>`: the technician console app. Shows the sign-in form until a technician is
 * signed in, then the workspace (navigation, session lists, the open session, admin pages).
 */
import { html, LitElement, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import type { TechnicianView } from '../../../src/protocol/index.js';
import { logout, me } from '../api.js';
import { consoleStyles } from './console.styles.js';
import './sign-in-form.js';
import './console-workspace.js';

/** The console app shell. */
@customElement('porthole-console')
export class PortholeConsole extends LitElement {
  static override styles = consoleStyles;

  @state() private technician: TechnicianView | null = null;
  @state() private checked = false;

  override connectedCallback(): void {
    super.connectedCallback();
    void me().then((r) => {
      this.technician = r.ok ? r.value : null;
      this.checked = true;
    });
  }

  protected override render() {
    if (!this.checked) return nothing;
    if (!this.technician) {
      return html`<sign-in-form @signed-in=${(e: CustomEvent<TechnicianView>) => (this.technician = e.detail)}></sign-in-form>`;
    }
    return html`
      <header class="topbar">
        <span class="brand">Porthole</span>
        <span class="spacer"></span>
        <span class="who">${this.technician.name} · ${this.technician.email}</span>
        <button class="ghost" type="button" @click=${this.#signOut}>Sign out</button>
      </header>
      <console-workspace .technician=${this.technician} @unauthorized=${() => (this.technician = null)}></console-workspace>
    `;
  }

  async #signOut() {
    await logout();
    this.technician = null;
  }
}
