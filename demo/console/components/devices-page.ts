/**
 * `<devices-page>`: the unattended devices of the technician's channels (U-3..U-7), with their
 * online state and last contact, Connect (which opens the connection's session, with the same
 * shell and file panel as an escalation), and the selected device's connection log: who connected,
 * when, and how it ended. Admins also rename and remove devices (U-8, U-9) and see those changes
 * in the log. Fires `open-session` (detail: the session id).
 */
import { html, LitElement, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { DeviceConnectionView, DeviceEventView, DeviceView } from '../../../src/protocol/index.js';
import { deviceEvents, removeDevice, renameDevice } from '../device-api.js';
import { supportClientLink } from '../state/support-client-link.js';
import { adminPageStyles } from './admin-page.styles.js';
import { devicesPageStyles } from './devices-page.styles.js';
import { sharedStyles } from './shared.styles.js';
import { OS_LABEL } from './labels.js';

const when = (at: number) => new Date(at).toLocaleString();

/** Devices and their connection log. */
@customElement('devices-page')
export class DevicesPage extends LitElement {
  static override styles = [sharedStyles, adminPageStyles, devicesPageStyles];

  /** Whether the viewer is an admin, who may rename and remove devices. */
  @property({ type: Boolean }) admin = false;

  @state() private devices: DeviceView[] = [];
  /** The device whose name is being edited, or whose removal waits for a confirmation. */
  @state() private editing: { id: string; mode: 'rename' | 'remove' } | null = null;
  @state() private changes: DeviceEventView[] = [];
  @state() private loaded = false;
  @state() private selectedId: string | null = null;
  @state() private log: DeviceConnectionView[] = [];
  @state() private error = '';
  @state() private busy = false;
  #off: (() => void) | null = null;

  override connectedCallback(): void {
    super.connectedCallback();
    const offUpdated = supportClientLink.on('device:updated', (d) => {
      const rest = this.devices.filter((x) => x.id !== d.id);
      this.devices = [...rest, d].sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
      if (d.id === this.selectedId) void this.#loadLog(d.id);
    });
    const offRemoved = supportClientLink.on('device:removed', ({ deviceId }) => this.#forget(deviceId));
    this.#off = () => {
      offUpdated();
      offRemoved();
    };
    void this.#load();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#off?.();
  }

  protected override render() {
    const selected = this.devices.find((d) => d.id === this.selectedId);
    return html`
      <section class="list" aria-labelledby="devices-title">
        <h2 id="devices-title">Devices</h2>
        ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
        ${!this.loaded ? html`<p class="hint" role="status">Loading…</p>` : nothing}
        ${
          this.loaded && this.devices.length === 0
            ? html`<p class="hint">
                No devices yet. An admin allows unattended access for a channel (Admin › Channels) and installs the support client in
                service mode with the channel key.
              </p>`
            : nothing
        }
        ${this.devices.length > 0 ? this.#table() : nothing}
      </section>
      <section class="editor" aria-labelledby="log-title">
        <h2 id="log-title">${selected ? `Connections to ${selected.name}` : 'Connections'}</h2>
        ${selected ? this.#log() : html`<p class="hint">Pick a device to see who connected to it, when, and how it ended.</p>`}
        ${selected && this.admin && this.changes.length > 0 ? this.#changes() : nothing}
      </section>
    `;
  }

  #table() {
    return html`<table>
      <thead>
        <tr>
          <th scope="col">Device</th>
          <th scope="col">Channel</th>
          <th scope="col">State</th>
          <th scope="col">Last seen</th>
          <th scope="col"><span class="visually-hidden">Actions</span></th>
        </tr>
      </thead>
      <tbody>
        ${this.devices.map((d) => {
          const c = d.connection;
          const stateText = c ? `In use by ${c.technician.name}` : d.online ? 'Online' : 'Offline';
          if (this.editing?.id === d.id) return this.#editRow(d, this.editing.mode);
          return html`<tr class=${d.id === this.selectedId ? 'editing' : ''} data-device=${d.id}>
            <td>
              ${d.name}
              <span class="sub"
                >${OS_LABEL[d.os]}${d.system ? ` · ${d.system.hostname} · ${d.system.user}` : ''}${d.elevated ? ' · administrator' : ''}</span
              >
            </td>
            <td>${d.channelName}</td>
            <td><span class="state ${c ? 'busy' : d.online ? 'online' : ''}">${stateText}</span></td>
            <td>${d.online ? 'now' : when(d.lastSeenAt)}</td>
            <td class="actions">
              ${
                c
                  ? html`<button type="button" @click=${() => this.#open(c.sessionId)}>Open</button>
                      <button type="button" class="secondary" ?disabled=${this.busy} @click=${() => this.#disconnect(c.id)}>
                        Disconnect
                      </button>`
                  : html`<button type="button" ?disabled=${!d.online || this.busy} @click=${() => this.#connect(d)}>Connect</button>`
              }
              <button type="button" class="secondary" aria-label="Connections to ${d.name}" @click=${() => this.#select(d.id)}>Log</button>
              ${
                this.admin
                  ? html`<button type="button" class="secondary" aria-label="Rename ${d.name}" @click=${() => this.#edit(d.id, 'rename')}>
                        Rename
                      </button>
                      <button type="button" class="secondary" aria-label="Remove ${d.name}" @click=${() => this.#edit(d.id, 'remove')}>
                        Remove
                      </button>`
                  : nothing
              }
            </td>
          </tr>`;
        })}
      </tbody>
    </table>`;
  }

  /** U-8, U-9: the row of a device being renamed, or whose removal waits for a confirmation. */
  #editRow(d: DeviceView, mode: 'rename' | 'remove') {
    if (mode === 'rename') {
      return html`<tr class="editing" data-device=${d.id}>
        <td colspan="5">
          <form class="inline-edit" @submit=${(e: Event) => this.#rename(e, d)}>
            <label
              >New name for ${d.name}
              <input name="name" .value=${d.name} required maxlength="100" autocomplete="off" />
            </label>
            <button type="submit" ?disabled=${this.busy}>Save</button>
            <button type="button" class="secondary" @click=${() => (this.editing = null)}>Cancel</button>
          </form>
        </td>
      </tr>`;
    }
    return html`<tr class="editing" data-device=${d.id}>
      <td colspan="5">
        <div class="inline-edit" role="group" aria-label="Remove ${d.name}">
          <p>
            Remove <strong>${d.name}</strong>?${d.connection ? ` ${d.connection.technician.name}'s connection ends.` : ''} Its support
            client is refused from now on; to come back it must register again with a channel key (make a new key to keep it out).
          </p>
          <button type="button" class="danger" ?disabled=${this.busy} @click=${() => this.#remove(d)}>Remove</button>
          <button type="button" class="secondary" @click=${() => (this.editing = null)}>Cancel</button>
        </div>
      </td>
    </tr>`;
  }

  #changes() {
    return html`<h3>Changes</h3>
      <ol class="log" aria-label="Device changes">
        ${this.changes.map((e) => html`<li>${e.summary} <span class="sub">${when(e.at)}</span></li>`)}
      </ol>`;
  }

  #log() {
    if (this.log.length === 0) return html`<p class="hint">Nobody connected yet.</p>`;
    return html`<ol class="log" aria-label="Connection log">
      ${this.log.map(
        (c) =>
          html`<li class=${c.endedAt === null ? 'live' : ''}>
            <strong>${c.technician.name}</strong> connected ${when(c.startedAt)}
            <span class="sub"
              >${c.endedAt === null ? 'Still connected' : `Ended ${when(c.endedAt)}: ${c.endReason ?? ''}`} ·
              <a href="#" @click=${(e: Event) => this.#openLink(e, c.sessionId)}>session</a></span
            >
          </li>`,
      )}
    </ol>`;
  }

  async #load(): Promise<void> {
    const r = await supportClientLink.ask('devices:list', {});
    this.loaded = true;
    if (r.ok) this.devices = r.value;
    else this.error = r.message;
  }

  async #select(deviceId: string): Promise<void> {
    this.selectedId = deviceId;
    this.log = [];
    this.changes = [];
    await this.#loadLog(deviceId);
  }

  async #loadLog(deviceId: string): Promise<void> {
    const [r, changes] = await Promise.all([
      supportClientLink.ask('device:connections', { deviceId }),
      this.admin ? deviceEvents(deviceId) : Promise.resolve(null),
    ]);
    if (deviceId !== this.selectedId) return;
    if (r.ok) this.log = r.value;
    else this.error = r.message;
    if (changes?.ok) this.changes = changes.value;
  }

  #edit(id: string, mode: 'rename' | 'remove') {
    this.editing = { id, mode };
    this.error = '';
  }

  async #rename(e: Event, d: DeviceView): Promise<void> {
    e.preventDefault();
    const name = new FormData(e.target as HTMLFormElement).get('name');
    this.busy = true;
    const r = await renameDevice(d.id, typeof name === 'string' ? name : '');
    this.busy = false;
    this.error = r.ok ? '' : r.message;
    if (!r.ok) return;
    this.editing = null;
    this.devices = this.devices.map((x) => (x.id === d.id ? r.value : x)).sort((a, b) => a.name.localeCompare(b.name));
    if (d.id === this.selectedId) void this.#loadLog(d.id);
  }

  async #remove(d: DeviceView): Promise<void> {
    this.busy = true;
    const r = await removeDevice(d.id);
    this.busy = false;
    this.error = r.ok ? '' : r.message;
    if (r.ok) this.#forget(d.id);
  }

  #forget(deviceId: string) {
    this.devices = this.devices.filter((d) => d.id !== deviceId);
    if (this.editing?.id === deviceId) this.editing = null;
    if (this.selectedId === deviceId) {
      this.selectedId = null;
      this.log = [];
      this.changes = [];
    }
  }

  async #connect(d: DeviceView): Promise<void> {
    this.busy = true;
    const r = await supportClientLink.ask('device:connect', { deviceId: d.id });
    this.busy = false;
    this.error = r.ok ? '' : r.message;
    if (r.ok) this.#open(r.value.sessionId);
  }

  async #disconnect(connectionId: string): Promise<void> {
    this.busy = true;
    const r = await supportClientLink.ask('device:disconnect', { connectionId });
    this.busy = false;
    this.error = r.ok ? '' : r.message;
  }

  #openLink(e: Event, sessionId: string) {
    e.preventDefault();
    this.#open(sessionId);
  }

  #open(sessionId: string) {
    this.dispatchEvent(new CustomEvent<string>('open-session', { detail: sessionId, bubbles: true, composed: true }));
  }
}
