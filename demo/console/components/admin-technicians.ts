/**
 * `<admin-technicians>`: the admin page of technician accounts: the list, and a form that creates
 * one with a role. Server messages (e.g. an email already in use) are shown as they come.
 */
import { html, LitElement, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import type { TechnicianCreate } from '../../../src/protocol/index.js';
import { AdminController } from '../state/admin-controller.js';
import { adminPageStyles } from './admin-page.styles.js';
import { formText } from './form-text.js';
import { sharedStyles } from './shared.styles.js';

const ROLE_LABEL = { admin: 'Admin', technician: 'Technician' } as const;

/** Technicians, for admins. */
@customElement('admin-technicians')
export class AdminTechnicians extends LitElement {
  static override styles = [sharedStyles, adminPageStyles];

  readonly #admin = new AdminController(this);
  @state() private busy = false;
  @state() private error = '';
  @state() private created = '';

  protected override render() {
    const { technicians, loaded, error } = this.#admin;
    return html`
      <section class="list" aria-labelledby="list-title">
        <h2 id="list-title">Technicians</h2>
        ${error ? html`<p class="error" role="alert">${error}</p>` : nothing}
        ${!loaded ? html`<p class="hint" role="status">Loading…</p>` : nothing}
        <table>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Email</th>
              <th scope="col">Role</th>
            </tr>
          </thead>
          <tbody>
            ${technicians.map(
              (t) =>
                html`<tr>
                  <td>${t.name}</td>
                  <td>${t.email}</td>
                  <td><span class="pill role-${t.role}">${ROLE_LABEL[t.role]}</span></td>
                </tr>`,
            )}
          </tbody>
        </table>
      </section>
      <section class="editor" aria-labelledby="form-title">
        <h2 id="form-title">New technician</h2>
        <form @submit=${this.#submit}>
          <label>Name <input name="name" required maxlength="80" autocomplete="off" /></label>
          <label>Email <input name="email" type="email" required maxlength="254" autocomplete="off" /></label>
          <label
            >Password
            <input name="password" type="password" required minlength="10" autocomplete="new-password" />
            <span class="hint">At least 10 characters. Give it to them privately; they can change it under Account.</span>
          </label>
          <label
            >Role
            <select name="role">
              <option value="technician">Technician: works the sessions of their channels</option>
              <option value="admin">Admin: also manages technicians and channels</option>
            </select>
          </label>
          ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
          ${this.created ? html`<p class="success" role="status">${this.created}</p>` : nothing}
          <div class="form-actions"><button type="submit" ?disabled=${this.busy}>Create technician</button></div>
        </form>
      </section>
    `;
  }

  async #submit(e: SubmitEvent) {
    e.preventDefault();
    const form = e.target as HTMLFormElement;
    const data = new FormData(form);
    const text = (name: string) => formText(data, name);
    const body: TechnicianCreate = {
      name: text('name'),
      email: text('email'),
      password: text('password'),
      role: text('role') === 'admin' ? 'admin' : 'technician',
    };
    this.busy = true;
    this.created = '';
    const r = await this.#admin.createTechnician(body);
    this.busy = false;
    if (!r.ok) {
      this.error = r.message;
      return;
    }
    this.error = '';
    this.created = `${r.value.name} can now sign in as ${r.value.email}. Add them to a channel under Admin › Channels.`;
    form.reset();
  }
}
