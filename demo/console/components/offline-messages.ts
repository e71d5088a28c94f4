/**
 * `<offline-messages>`: the messages visitors left while a channel was offline (SPEC O-3), newest
 * first, with how to answer them. Every value is text. Until tickets exist, this is their list.
 */
import { html, LitElement, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { OfflineMessageView } from '../../../src/protocol/index.js';
import * as api from '../profile-api.js';
import { offlineMessagesStyles } from './offline-messages.styles.js';
import { sharedStyles } from './shared.styles.js';

/** Messages left while offline, of one channel or of all the technician sees. */
@customElement('offline-messages')
export class OfflineMessages extends LitElement {
  static override styles = [sharedStyles, offlineMessagesStyles];

  /** Only this channel's messages; empty for all. */
  @property() channelId = '';

  @state() private messages: OfflineMessageView[] | null = null;
  @state() private error = '';

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('channelId')) void this.reload();
  }

  /** Loads the list again. */
  async reload(): Promise<void> {
    const r = await api.listOfflineMessages();
    if (!r.ok) {
      this.error = r.message;
      return;
    }
    this.error = '';
    this.messages = r.value.filter((m) => !this.channelId || m.channelId === this.channelId);
  }

  protected override render() {
    const list = this.messages;
    return html`<div class="head">
        <h3>Messages left while offline</h3>
        <button type="button" class="secondary" @click=${() => this.reload()}>Refresh</button>
      </div>
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
      ${list === null ? html`<p class="hint" role="status">Loading…</p>` : nothing}
      ${list?.length === 0 ? html`<p class="hint">None yet.</p>` : nothing}
      <ol>
        ${(list ?? []).map(
          (m) =>
            html`<li>
              <p class="from">
                <strong>${m.name || m.email}</strong> <a href="mailto:${m.email}">${m.email}</a>
                ${m.identity ? html`<span class="mark">${m.identity.verified ? 'Verified user' : 'Unverified user'} ${m.identity.id}</span>` : nothing}
                <time datetime=${new Date(m.createdAt).toISOString()}>${new Date(m.createdAt).toLocaleString()}</time>
              </p>
              <p class="text">${m.message}</p>
              ${
                m.fields.length > 0
                  ? html`<dl>
                      ${m.fields.map(
                        (f) =>
                          html`<dt>${f.label}</dt>
                            <dd>${f.value}</dd>`,
                      )}
                    </dl>`
                  : nothing
              }
            </li>`,
        )}
      </ol>`;
  }
}
