/**
 * `<permissions-panel>`: asks the visitor for a capability (view the page, control it, escalate to
 * the support client) and lists the requests live, newest first: pending with a countdown, then
 * granted, denied, expired (nobody answered) or revoked.
 */
import { html, LitElement, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { Capability, PermissionView, SessionView } from '../../../src/protocol/index.js';
import { isOpen } from '../state/session-abilities.js';
import { offlineCommands, type SessionCommands } from '../state/session-commands.js';
import { ClockController } from './clock-controller.js';
import { CAPABILITY_LABEL, PERMISSION_STATUS_LABEL, countdownLabel, timeLabel } from './labels.js';
import { permissionsPanelStyles } from './permissions-panel.styles.js';
import { sharedStyles } from './shared.styles.js';

const REQUESTS: { capability: Capability; label: string }[] = [
  { capability: 'view', label: 'Request to view the page' },
  { capability: 'control', label: 'Request control' },
  { capability: 'escalate', label: 'Request escalation to the support client' },
];

/** The permissions panel of the open session. */
@customElement('permissions-panel')
export class PermissionsPanel extends LitElement {
  static override styles = [sharedStyles, permissionsPanelStyles];

  @property({ attribute: false }) session: SessionView | null = null;
  @property({ attribute: false }) permissions: readonly PermissionView[] = [];
  @property({ attribute: false }) commands: SessionCommands = offlineCommands;

  @state() private busy = false;
  @state() private error = '';
  readonly #clock = new ClockController(this, () => this.permissions.some((p) => p.status === 'pending'));

  protected override render() {
    const s = this.session;
    if (!s) return nothing;
    const pending = new Set(this.permissions.filter((p) => this.#isPending(p)).map((p) => p.capability));
    return html`
      <h3>Permissions</h3>
      <div class="requests">
        ${REQUESTS.map(
          (r) =>
            html`<button
              type="button"
              class="secondary"
              ?disabled=${this.busy || !isOpen(s) || pending.has(r.capability)}
              @click=${() => this.#request(r.capability)}
            >
              ${r.label}
            </button>`,
        )}
      </div>
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
      ${
        this.permissions.length === 0
          ? html`<p class="hint">Nothing asked yet. The visitor sees each request and allows or denies it.</p>`
          : html`<ul aria-label="Permission requests">
              ${[...this.permissions].reverse().map((p) => this.#item(p))}
            </ul>`
      }
    `;
  }

  #isPending(p: PermissionView): boolean {
    return p.status === 'pending' && p.expiresAt > this.#clock.now;
  }

  #item(p: PermissionView) {
    // A pending request past its deadline is expired even before the server's fact arrives.
    const status = p.status === 'pending' && !this.#isPending(p) ? 'expired' : p.status;
    return html`<li data-permission-id=${p.id}>
      <div class="row">
        <span class="capability">${CAPABILITY_LABEL[p.capability]}</span>
        <span class="perm-status perm-${status}">${PERMISSION_STATUS_LABEL[status]}</span>
      </div>
      <div class="meta">
        ${p.requestedBy.name} · ${timeLabel(p.requestedAt)}
        ${status === 'pending' ? html` · <span class="countdown">${countdownLabel(p.expiresAt - this.#clock.now)} left</span>` : nothing}
      </div>
    </li>`;
  }

  async #request(capability: Capability) {
    if (!this.session) return;
    this.busy = true;
    const r = await this.commands.requestPermission(this.session.id, capability);
    this.busy = false;
    this.error = r.ok ? '' : r.message;
  }
}
