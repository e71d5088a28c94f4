/**
 * `<unattended-form>`: a channel's unattended access, for admins (U-1, U-2, U-5): allowed or not
 * (off by default), what members may use on a device with nobody there, and the channel key that
 * service-mode clients register with. A new key is shown once, with the command to install a device.
 */
import { html, LitElement, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { ClientCapability, UnattendedKeyView, UnattendedSettingsView } from '../../../src/protocol/index.js';
import * as api from '../unattended-api.js';
import { channelFormStyles } from './channel-form.styles.js';
import { channelProfileStyles } from './channel-profile-form.styles.js';
import { sharedStyles } from './shared.styles.js';

const CAPABILITIES: { capability: ClientCapability; label: string }[] = [
  { capability: 'shell', label: 'Command shell' },
  { capability: 'files', label: 'File transfer' },
  { capability: 'system', label: 'System information' },
];

/** Unattended settings of one channel. */
@customElement('unattended-form')
export class UnattendedForm extends LitElement {
  static override styles = [sharedStyles, channelFormStyles, channelProfileStyles];

  @property() channelId = '';
  @state() private settings: UnattendedSettingsView | null = null;
  @state() private key: UnattendedKeyView | null = null;
  @state() private error = '';
  @state() private saved = '';
  @state() private busy = false;

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('channelId')) {
      this.settings = null;
      this.key = null;
      void this.#load();
    }
  }

  protected override render() {
    const s = this.settings;
    if (!s) return this.error ? html`<p class="error" role="alert">${this.error}</p>` : html`<p class="hint" role="status">Loading…</p>`;
    return html`<form @submit=${this.#submit}>
      <fieldset class="unattended">
        <legend>Unattended access</legend>
        <p class="hint">
          A computer running the support client in service mode with this channel's key appears under Devices; members of the channel can
          then connect to it with nobody at the computer. Every connection is logged.
        </p>
        <label class="inline"><input type="checkbox" name="allowed" .checked=${s.allowed} /> Allow unattended access</label>
        <p class="hint">Members may use:</p>
        ${CAPABILITIES.map(
          (c) =>
            html`<label class="inline"
              ><input type="checkbox" name="capability" value=${c.capability} .checked=${s.capabilities.includes(c.capability)} />
              ${c.label}</label
            >`,
        )}
        <p class="hint">
          ${s.keyCreatedAt ? `Channel key made ${new Date(s.keyCreatedAt).toLocaleString()}.` : 'No channel key yet.'} A new key replaces
          the old one: devices registered with the old key stop connecting until given the new one.
        </p>
        ${
          this.key
            ? html`<p class="hint">Copy the key now: it is shown only once.</p>
                <code class="secret key">${this.key.key}</code>
                <code class="secret">node porthole-support.mjs --service --server ${location.origin} --channel-key ${this.key.key}</code>`
            : nothing
        }
        <div><button type="button" class="secondary" ?disabled=${this.busy} @click=${this.#rotate}>Make a new channel key</button></div>
      </fieldset>
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
      ${this.saved ? html`<p class="success" role="status">${this.saved}</p>` : nothing}
      <div class="form-actions"><button type="submit" ?disabled=${this.busy}>Save unattended access</button></div>
    </form>`;
  }

  async #load(): Promise<void> {
    const id = this.channelId;
    if (!id) return;
    const r = await api.getUnattended(id);
    if (id !== this.channelId) return;
    if (r.ok) this.settings = r.value;
    else this.error = r.message;
  }

  async #submit(e: SubmitEvent) {
    e.preventDefault();
    const form = e.target as HTMLFormElement;
    const allowed = (form.elements.namedItem('allowed') as HTMLInputElement).checked;
    const capabilities = [...form.querySelectorAll<HTMLInputElement>('input[name=capability]:checked')].map(
      (i) => i.value as ClientCapability,
    );
    this.busy = true;
    const r = await api.saveUnattended(this.channelId, { allowed, capabilities });
    this.busy = false;
    this.error = r.ok ? '' : r.message;
    this.saved = r.ok ? 'Unattended access saved.' : '';
    if (r.ok) this.settings = r.value;
  }

  async #rotate() {
    this.busy = true;
    const r = await api.rotateUnattendedKey(this.channelId);
    this.busy = false;
    this.error = r.ok ? '' : r.message;
    this.saved = '';
    if (!r.ok) return;
    this.key = r.value;
    if (this.settings) this.settings = { ...this.settings, keyCreatedAt: r.value.createdAt };
  }
}
