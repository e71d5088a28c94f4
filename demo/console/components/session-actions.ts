/**
 * `<session-actions>`: the actions bar of the open session. It shows what the signed-in technician
 * may do (see {@link sessionAbilities}; the server enforces the same rules), sends one `session:act`
 * per click, and shows a refused action's message until the next one.
 */
import { html, LitElement, nothing, type PropertyValues } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import type { Invitation, SessionAction, SessionView, TechnicianRef } from '../../../src/protocol/index.js';
import { sessionAbilities, type Viewer } from '../state/session-abilities.js';
import { offlineCommands, type SessionCommands } from '../state/session-commands.js';
import './confirm-dialog.js';
import type { ConfirmDialog } from './confirm-dialog.js';
import './invitation-details.js';
import './invite-email-form.js';
import { sessionActionsStyles } from './session-actions.styles.js';
import { sharedStyles } from './shared.styles.js';
import './target-picker-dialog.js';
import type { PickMode, TargetPickerDialog } from './target-picker-dialog.js';

/** The actions bar. */
@customElement('session-actions')
export class SessionActions extends LitElement {
  static override styles = [sharedStyles, sessionActionsStyles];

  @property({ attribute: false }) session: SessionView | null = null;
  @property({ attribute: false }) viewer: Viewer = { id: '', role: 'technician' };
  @property({ attribute: false }) invitation: Invitation | null = null;
  @property({ attribute: false }) commands: SessionCommands = offlineCommands;

  @state() private busy = false;
  @state() private error = '';
  @state() private status = '';
  @query('target-picker-dialog') private picker!: TargetPickerDialog;
  @query('confirm-dialog') private confirm!: ConfirmDialog;
  @query('dialog.invitation') private invitationDialog!: HTMLDialogElement;

  protected override willUpdate(changed: PropertyValues<this>): void {
    // A message about one session means nothing on another.
    if (changed.has('session') && changed.get('session')?.id !== this.session?.id) {
      this.error = '';
      this.status = '';
    }
  }

  protected override render() {
    const s = this.session;
    if (!s) return nothing;
    const can = sessionAbilities(s, this.viewer);
    const b = (label: string, action: () => unknown, cls = 'secondary') =>
      html`<button type="button" class=${cls} ?disabled=${this.busy} @click=${action}>${label}</button>`;
    if (!Object.values(can).some(Boolean) && !this.invitation) {
      // A participant sees why the bar is empty rather than a blank strip.
      return html`<p class="hint">
        ${s.owner ? `${s.owner.name} owns this session: the owner transfers, invites and removes.` : 'No actions here.'}
      </p>`;
    }
    return html`
      <div class="bar" role="toolbar" aria-label="Session actions">
        <div class="group">
          ${can.take ? b('Take', () => this.#act({ type: 'take' }), '') : nothing}
          ${can.assign ? b('Assign…', () => this.#pick('assign')) : nothing}
          ${can.transfer ? b('Transfer…', () => this.#pick('transfer')) : nothing}
          ${can.invite ? b('Invite…', () => this.#pick('invite')) : nothing}
          ${can.remove ? s.participants.map((p) => this.#removeButton(p)) : nothing}
          ${can.release ? b('Release', () => this.#act({ type: 'release' })) : nothing}
          ${can.close ? b('Close', () => this.#act({ type: 'close' })) : nothing}
          ${can.disconnectVisitor ? b('Disconnect customer', () => this.#act({ type: 'disconnect-visitor' })) : nothing}
        </div>
        <div class="group end">
          ${this.invitation ? b('Copy link', () => this.#copyLink()) : nothing}
          ${this.invitation?.pin ? b('Show PIN', () => this.invitationDialog.showModal()) : nothing}
          ${can.delete ? b('Delete', () => this.#delete(), 'danger') : nothing}
        </div>
      </div>
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
      ${this.status ? html`<p class="success" role="status">${this.status}</p>` : nothing}
      <target-picker-dialog .directory=${() => this.commands.directory()}></target-picker-dialog>
      <confirm-dialog
        heading="Delete this session?"
        message="The session, its chat and its activity disappear from every channel. This cannot be undone."
        confirmLabel="Delete"
      ></confirm-dialog>
      <dialog class="invitation" aria-labelledby="invitation-title">
        <h2 id="invitation-title">Invitation</h2>
        <invitation-details .invitation=${this.invitation}></invitation-details>
        <invite-email-form .sessionId=${s.id} .invitation=${this.invitation} .commands=${this.commands}></invite-email-form>
        <div class="dialog-actions">
          <button type="button" @click=${() => this.invitationDialog.close()}>Done</button>
        </div>
      </dialog>
    `;
  }

  #removeButton(p: TechnicianRef) {
    return html`<button
      type="button"
      class="secondary"
      ?disabled=${this.busy}
      aria-label="Remove ${p.name} from the session"
      @click=${() => this.#act({ type: 'remove', technicianId: p.id })}
    >
      Remove ${p.name}
    </button>`;
  }

  async #pick(mode: PickMode) {
    if (!this.session) return;
    const action = await this.picker.pick(mode, this.session, this.viewer.id);
    if (action) await this.#act(action);
  }

  async #delete() {
    if (await this.confirm.ask()) await this.#act({ type: 'delete' });
  }

  async #copyLink() {
    const link = this.invitation?.link;
    if (!link) return;
    try {
      await navigator.clipboard.writeText(link);
      this.error = '';
      this.status = 'Invitation link copied.';
    } catch {
      // Without clipboard access the dialog shows the link, selected, to copy by hand.
      this.invitationDialog.showModal();
    }
  }

  async #act(action: SessionAction) {
    const s = this.session;
    if (!s) return;
    this.busy = true;
    this.status = '';
    const r = await this.commands.act(s.id, action);
    this.busy = false;
    this.error = r.ok ? '' : r.message;
  }
}
