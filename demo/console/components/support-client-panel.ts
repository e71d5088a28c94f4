/**
 * `<support-client-panel>`: the support client of the open session (E-3..E-10). Once the visitor
 * allowed the escalation it waits for the client; once connected it shows "Support client
 * connected" with what the client told (OS, rights, and the system information the visitor allowed),
 * the capability requests with their answers, the command shell and file transfer for what was
 * granted. The terminal is a lazy chunk (xterm.js). In an unattended session (U-5) there is nobody
 * to ask: it shows the device, what the channel's settings allow, who connected, and End connection.
 */
import { html, LitElement, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import {
  CLIENT_LIMITS,
  type ClientCapability,
  type ClientGrantView,
  type DeviceConnectionView,
  type PermissionView,
  type SessionSummary,
  type SupportClientView,
} from '../../../src/protocol/index.js';
import { supportClientLink } from '../state/support-client-link.js';
import './client-files.js';
import { OS_LABEL, PERMISSION_STATUS_LABEL } from './labels.js';
import { sharedStyles } from './shared.styles.js';
import { clientPanelStyles } from './support-client-panel.styles.js';
import { unattendedCard } from './unattended-card.js';

const ASKS: { capability: ClientCapability; label: string }[] = [
  { capability: 'shell', label: 'Ask for a command shell' },
  { capability: 'files', label: 'Ask for file transfer' },
  { capability: 'system', label: 'Ask for system information' },
];

/** The latest request for each capability. */
function latestGrants(grants: readonly ClientGrantView[]): Map<ClientCapability, ClientGrantView> {
  return new Map(grants.map((g) => [g.capability, g]));
}

/** The support client of a session. */
@customElement('support-client-panel')
export class SupportClientPanel extends LitElement {
  static override styles = [sharedStyles, clientPanelStyles];

  @property({ attribute: false }) session: SessionSummary | null = null;
  @property({ attribute: false }) permissions: readonly PermissionView[] = [];
  /** The signed-in technician's id, to say "(you)". */
  @property() viewerId = '';

  @state() private client: SupportClientView | null = null;
  @state() private error = '';
  @state() private notice = '';
  @state() private terminalReady = false;
  /** U-5: the connection behind an unattended session. */
  @state() private connection: DeviceConnectionView | null = null;
  @state() private ending = false;
  #off: (() => void) | null = null;

  override connectedCallback(): void {
    super.connectedCallback();
    this.#off = supportClientLink.on('client:updated', (c) => {
      if (c.sessionId !== this.session?.id || (this.client && c.connectedAt < this.client.connectedAt)) return;
      // A new client (e.g. the elevated copy) answered whatever the notice said was asked.
      if (this.client && c.id !== this.client.id) this.notice = '';
      this.client = c;
      // The connection ends with its client (by whoever ended it): read how it ended.
      if (this.session?.origin === 'unattended') void this.#loadConnection();
    });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#off?.();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('session') && changed.get('session')?.id !== this.session?.id) {
      this.client = null;
      this.connection = null;
      this.error = '';
      this.notice = '';
      void this.#load();
      if (this.session?.origin === 'unattended') void this.#loadConnection();
    }
  }

  protected override render() {
    const s = this.session;
    if (!s) return nothing;
    const escalated = this.permissions.some((p) => p.capability === 'escalate' && p.status === 'granted');
    const c = this.client;
    if (s.origin === 'unattended') return this.#unattended(s, c);
    if (!c) {
      return escalated
        ? html`<section class="client" aria-label="Support client">
            <p class="hint">The visitor allowed the escalation: waiting for them to run the support client…</p>
          </section>`
        : nothing;
    }
    const live = c.endedAt === null;
    const grants = latestGrants(c.grants);
    const granted = (cap: ClientCapability) => live && grants.get(cap)?.status === 'granted';
    // E-15: while the client may still rejoin, its shell is kept, and so is the terminal showing it.
    const rejoining = !live && c.reconnecting && Date.now() - (c.endedAt ?? 0) < CLIENT_LIMITS.shellGraceMs;
    const shown = (cap: ClientCapability) => granted(cap) || (cap === 'shell' && rejoining && grants.get(cap)?.status === 'granted');
    return html`<section class="client" aria-label="Support client">
      <div class="head">
        <h3>${live ? 'Support client connected' : rejoining ? 'Support client reconnecting…' : 'Support client ended'}</h3>
        <span class="badge ${live ? '' : 'ended'}">${OS_LABEL[c.os]} · version ${c.version}</span>
        ${c.elevated ? html`<span class="badge">Administrator</span>` : html`<span class="badge limited">Standard user: no admin rights</span>`}
      </div>
      ${this.#system(c)}
      ${
        live
          ? html`<div class="asks">
              ${ASKS.map((a) => {
                const g = grants.get(a.capability);
                const busy = g?.status === 'pending' || g?.status === 'granted';
                return html`<button
                  type="button"
                  class="secondary"
                  data-capability=${a.capability}
                  ?disabled=${busy}
                  @click=${() => this.#ask(a.capability)}
                >
                  ${a.label}${g ? html`<span class="status">${PERMISSION_STATUS_LABEL[g.status]}</span>` : nothing}
                </button>`;
              })}
              ${
                c.elevated
                  ? nothing
                  : html`<button type="button" class="secondary" data-action="elevate" @click=${() => this.#elevate()}>
                      Ask to restart as administrator
                    </button>`
              }
            </div>`
          : rejoining
            ? html`<p class="hint">The support client lost its connection and is trying to rejoin; an open shell is kept meanwhile.</p>`
            : html`<p class="hint">The visitor ended the support client. The chat goes on; ask again for the escalation if needed.</p>`
      }
      ${this.#tools(s, shown)}
    </section>`;
  }

  /** U-5, U-7: the device, what may be used, who connected, End connection; then the shell and files. */
  #unattended(s: SessionSummary, c: SupportClientView | null) {
    const grants = latestGrants(c?.grants ?? []);
    const granted = (cap: ClientCapability) => c?.endedAt === null && grants.get(cap)?.status === 'granted';
    return html`<section class="client unattended" aria-label="Unattended device">
      ${unattendedCard({
        connection: this.connection,
        client: c,
        viewerId: this.viewerId,
        busy: this.ending,
        end: (id) => void this.#end(id),
      })}
      ${this.#tools(s, granted)}
    </section>`;
  }

  #tools(s: SessionSummary, granted: (cap: ClientCapability) => boolean) {
    return html`${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
    ${this.notice ? html`<p class="hint" role="status">${this.notice}</p>` : nothing} ${granted('shell') ? this.#terminal(s.id) : nothing}
    ${granted('files') ? html`<client-files sessionId=${s.id}></client-files>` : nothing}`;
  }

  async #loadConnection(): Promise<void> {
    const id = this.session?.id;
    if (!id) return;
    const r = await supportClientLink.ask('device:session-connection', { sessionId: id });
    if (id !== this.session?.id) return;
    if (r.ok) this.connection = r.value;
  }

  /** U-7: ends the unattended connection; the device stays registered for the next one. */
  async #end(connectionId: string): Promise<void> {
    this.ending = true;
    const r = await supportClientLink.ask('device:disconnect', { connectionId });
    this.ending = false;
    this.error = r.ok ? '' : r.message;
    if (r.ok) this.connection = r.value;
  }

  #system(c: SupportClientView) {
    const sys = c.system;
    if (!sys) return nothing;
    return html`<dl aria-label="System information">
      <dt>Computer</dt>
      <dd>${sys.hostname}</dd>
      <dt>User</dt>
      <dd>${sys.user}${sys.elevated ? ' (administrator)' : ''}</dd>
      <dt>System</dt>
      <dd>${sys.platform} ${sys.release} (${sys.arch})</dd>
      <dt>Memory</dt>
      <dd>${Math.round(sys.memoryMb / 1024)} GB, ${sys.cpus} CPUs</dd>
      <dt>Shell</dt>
      <dd>${sys.pty ? 'PTY' : 'plain pipe'}, Node ${sys.node}</dd>
    </dl>`;
  }

  #terminal(sessionId: string) {
    if (!this.terminalReady) {
      // xterm.js is fetched only when a shell is granted.
      import('./client-terminal.js').then(
        () => (this.terminalReady = true),
        () => (this.error = 'The terminal could not be loaded.'),
      );
      return html`<p class="hint" role="status">Loading the terminal…</p>`;
    }
    const where = this.session?.origin === 'unattended' ? (this.connection?.deviceName ?? 'the device') : 'the visitor’s computer';
    return html`<client-terminal sessionId=${sessionId} where=${where}></client-terminal>`;
  }

  async #load(): Promise<void> {
    const id = this.session?.id;
    if (!id) return;
    const r = await supportClientLink.ask('client:status', { sessionId: id });
    if (id !== this.session?.id) return;
    if (r.ok) this.client = r.value && (!this.client || r.value.connectedAt >= this.client.connectedAt) ? r.value : this.client;
  }

  async #elevate(): Promise<void> {
    if (!this.session) return;
    const r = await supportClientLink.ask('client:elevation-request', { sessionId: this.session.id });
    this.error = r.ok ? '' : r.message;
    this.notice = r.ok ? 'Asked the visitor to restart the support client with administrator rights.' : '';
  }

  async #ask(capability: ClientCapability): Promise<void> {
    if (!this.session) return;
    const r = await supportClientLink.ask('client:grant-request', { sessionId: this.session.id, capability });
    this.error = r.ok ? '' : r.message;
  }
}
