/**
 * `<target-picker-dialog>`: picks who gets a session: a technician to assign or invite, or for a
 * transfer a technician or a channel, with the choice to stay as a participant. The choices come
 * from `directory:list`. `pick()` resolves with the action to send, or null when cancelled.
 */
import { html, LitElement, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import type { Directory, Result, SessionAction, SessionView } from '../../../src/protocol/index.js';
import { sharedStyles } from './shared.styles.js';
import { targetPickerStyles } from './target-picker-dialog.styles.js';

/** What the picker is for. */
export type PickMode = 'assign' | 'transfer' | 'invite';

const TITLE: Record<PickMode, string> = { assign: 'Assign a technician', transfer: 'Transfer the session', invite: 'Invite a technician' };
const SUBMIT: Record<PickMode, string> = { assign: 'Assign', transfer: 'Transfer', invite: 'Invite' };

/** The picker dialog. */
@customElement('target-picker-dialog')
export class TargetPickerDialog extends LitElement {
  static override styles = [sharedStyles, targetPickerStyles];

  /** Loads the directory; provided by the session view. */
  @property({ attribute: false }) directory: () => Promise<Result<Directory>> = () =>
    Promise.resolve({ ok: false, error: 'internal', message: 'Not ready.' });

  @state() private mode: PickMode = 'assign';
  @state() private target: 'technician' | 'channel' = 'technician';
  @state() private choices: Directory | null = null;
  @state() private error = '';
  @query('dialog') private dialog!: HTMLDialogElement;
  #session: SessionView | null = null;
  #viewerId = '';
  #resolve: ((action: SessionAction | null) => void) | null = null;

  /** Opens the picker for a session; resolves when it closes. */
  async pick(mode: PickMode, session: SessionView, viewerId: string): Promise<SessionAction | null> {
    this.#resolve?.(null);
    this.mode = mode;
    this.target = 'technician';
    this.choices = null;
    this.error = '';
    this.#session = session;
    this.#viewerId = viewerId;
    await this.updateComplete;
    this.dialog.showModal();
    const done = new Promise<SessionAction | null>((resolve) => (this.#resolve = resolve));
    const r = await this.directory();
    if (r.ok) this.choices = r.value;
    else this.error = r.message;
    return done;
  }

  protected override render() {
    return html`<dialog aria-labelledby="title" @close=${this.#closed}>
      <h2 id="title">${TITLE[this.mode]}</h2>
      <form @submit=${this.#submit}>
        ${this.mode === 'transfer' ? this.#targetChoice() : nothing} ${this.choices ? this.#select() : this.#loading()}
        ${
          this.mode === 'transfer'
            ? html`<label class="inline"><input type="checkbox" name="stay" /> Stay in the session as a participant</label>`
            : nothing
        }
        ${this.mode === 'invite' ? html`<p class="hint">Up to two technicians can join the owner in a session.</p>` : nothing}
        ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
        <div class="dialog-actions">
          <button type="button" class="secondary" @click=${() => this.dialog.close()}>Cancel</button>
          <button type="submit" ?disabled=${!this.choices}>${SUBMIT[this.mode]}</button>
        </div>
      </form>
    </dialog>`;
  }

  #targetChoice() {
    return html`<fieldset>
      <legend>Transfer to</legend>
      <label class="inline"
        ><input
          type="radio"
          name="target"
          value="technician"
          ?checked=${this.target === 'technician'}
          @change=${() => (this.target = 'technician')}
        />
        A technician</label
      >
      <label class="inline"
        ><input
          type="radio"
          name="target"
          value="channel"
          ?checked=${this.target === 'channel'}
          @change=${() => (this.target = 'channel')}
        />
        A channel</label
      >
    </fieldset>`;
  }

  #loading() {
    return this.error ? nothing : html`<p class="hint" role="status">Loading technicians and channels…</p>`;
  }

  #select() {
    const options = this.#options();
    if (options.length === 0) return html`<p class="hint">Nobody to choose from here.</p>`;
    return html`<label
      >${this.target === 'channel' && this.mode === 'transfer' ? 'Channel' : 'Technician'}
      <select name="choice" required>
        ${options.map((o) => html`<option value=${o.id}>${o.name}</option>`)}
      </select>
    </label>`;
  }

  /** The technicians or channels that make sense for this action. */
  #options(): { id: string; name: string }[] {
    const dir = this.choices;
    const s = this.#session;
    if (!dir || !s) return [];
    if (this.mode === 'transfer' && this.target === 'channel') return dir.channels.filter((c) => c.id !== s.channelId);
    const inSession = new Set([s.owner?.id, ...s.participants.map((p) => p.id)]);
    if (this.mode === 'transfer') inSession.add(this.#viewerId);
    return dir.technicians.filter((t) => (this.mode === 'assign' ? t.id !== s.owner?.id : !inSession.has(t.id)));
  }

  #submit(e: SubmitEvent) {
    e.preventDefault();
    const data = new FormData(e.target as HTMLFormElement);
    const id = data.get('choice');
    if (typeof id !== 'string' || !id) return;
    const stay = data.get('stay') === 'on';
    const action: SessionAction =
      this.mode === 'assign'
        ? { type: 'assign', technicianId: id }
        : this.mode === 'invite'
          ? { type: 'invite', technicianId: id }
          : this.target === 'channel'
            ? { type: 'transfer-channel', channelId: id, stay }
            : { type: 'transfer', technicianId: id, stay };
    this.#finish(action);
    this.dialog.close();
  }

  #closed() {
    // The close event is queued: if the picker was opened again meanwhile, it belongs to the earlier pick.
    if (!this.dialog.open) this.#finish(null);
  }

  #finish(action: SessionAction | null) {
    this.#resolve?.(action);
    this.#resolve = null;
  }
}
