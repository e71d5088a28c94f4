/**
 * `<admin-channels>`: the admin page of channels: the list, and the form to create one or edit the
 * one picked. Fires `channels-changed` after a save, so the navigation can reload its channels.
 */
import { html, LitElement, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import type { ChannelView } from '../../../src/protocol/index.js';
import { AdminController } from '../state/admin-controller.js';
import { adminPageStyles } from './admin-page.styles.js';
import './channel-form.js';
import './channel-profile-form.js';
import './offline-messages.js';
import './unattended-form.js';
import { sharedStyles } from './shared.styles.js';

/** Channels, for admins. */
@customElement('admin-channels')
export class AdminChannels extends LitElement {
  static override styles = [sharedStyles, adminPageStyles];

  readonly #admin = new AdminController(this);
  /** The channel in the form, or null for a new one. */
  @state() private editing: ChannelView | null = null;

  protected override render() {
    const { channels, technicians, loaded, error } = this.#admin;
    return html`
      <section class="list" aria-labelledby="list-title">
        <h2 id="list-title">Channels</h2>
        ${error ? html`<p class="error" role="alert">${error}</p>` : nothing}
        ${!loaded ? html`<p class="hint" role="status">Loading…</p>` : nothing}
        <table>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Widget key</th>
              <th scope="col">Expires after</th>
              <th scope="col">Members</th>
              <th scope="col"><span class="visually-hidden">Edit</span></th>
            </tr>
          </thead>
          <tbody>
            ${channels.map(
              (c) =>
                html`<tr class=${c.id === this.editing?.id ? 'editing' : ''}>
                  <td>${c.name}</td>
                  <td><code>${c.key}</code></td>
                  <td>${durationLabel(c.expirationMinutes)}</td>
                  <td>${c.members.map((m) => m.name).join(', ') || '—'}</td>
                  <td>
                    <button type="button" class="secondary" aria-label="Edit ${c.name}" @click=${() => (this.editing = c)}>Edit</button>
                  </td>
                </tr>`,
            )}
          </tbody>
        </table>
      </section>
      <section class="editor" aria-labelledby="form-title">
        <h2 id="form-title">${this.editing ? `Edit ${this.editing.name}` : 'New channel'}</h2>
        <channel-form
          .channel=${this.editing}
          .technicians=${technicians}
          .save=${(id: string | null, body: Parameters<AdminController['saveChannel']>[1]) => this.#admin.saveChannel(id, body)}
          @channel-saved=${this.#saved}
          @channel-new=${() => (this.editing = null)}
        ></channel-form>
        ${
          this.editing
            ? html`<h2 class="sub">Visitors</h2>
                <channel-profile-form channelId=${this.editing.id}></channel-profile-form>
                <offline-messages channelId=${this.editing.id}></offline-messages>
                <h2 class="sub">Devices</h2>
                <unattended-form channelId=${this.editing.id}></unattended-form>`
            : nothing
        }
      </section>
    `;
  }

  #saved(e: CustomEvent<ChannelView>) {
    this.editing = e.detail;
    this.dispatchEvent(new CustomEvent('channels-changed', { bubbles: true, composed: true }));
  }
}

/** "45 min", "2 h", "1 day". */
function durationLabel(minutes: number): string {
  if (minutes >= 1440 && minutes % 1440 === 0) return minutes === 1440 ? '1 day' : `${minutes / 1440} days`;
  if (minutes >= 60 && minutes % 60 === 0) return `${minutes / 60} h`;
  return `${minutes} min`;
}
