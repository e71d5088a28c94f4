/**
 * `<connect-code-dialog>`: "Connect to a user's device". The technician types the 9-digit code the
 * visitor reads out (spaces and dashes are fine) and the session behind it opens. Call `show()`.
 */
import { html, LitElement, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import * as v from 'valibot';
import { SupportCodeSchema, type Result, type SessionSummary } from '../../../src/protocol/index.js';
import { connectCodeDialogStyles } from './connect-code-dialog.styles.js';
import { sharedStyles } from './shared.styles.js';

/** The support-code prompt. */
@customElement('connect-code-dialog')
export class ConnectCodeDialog extends LitElement {
  static override styles = [sharedStyles, connectCodeDialogStyles];

  /** Joins the session behind a code; provided by the workspace. */
  @property({ attribute: false }) connect: (code: string) => Promise<Result<SessionSummary>> = () =>
    Promise.resolve({ ok: false, error: 'internal', message: 'Not ready.' });

  @state() private busy = false;
  @state() private error = '';
  @query('dialog') private dialog!: HTMLDialogElement;
  @query('input') private input!: HTMLInputElement;

  /** Opens the prompt with an empty field. */
  async show(): Promise<void> {
    this.error = '';
    await this.updateComplete;
    this.input.value = '';
    if (!this.dialog.open) this.dialog.showModal();
    this.input.focus();
  }

  protected override render() {
    return html`<dialog aria-labelledby="title">
      <h2 id="title">Connect to a user's device</h2>
      <form @submit=${this.#submit}>
        <p class="hint">Ask the visitor to open the support widget and read out the 9-digit code it shows.</p>
        <label
          >Support code
          <input
            class="code"
            name="code"
            inputmode="numeric"
            autocomplete="off"
            placeholder="123 456 789"
            maxlength="15"
            required
            aria-invalid=${this.error ? 'true' : 'false'}
          />
        </label>
        ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
        <div class="dialog-actions">
          <button type="button" class="secondary" @click=${() => this.dialog.close()}>Cancel</button>
          <button type="submit" ?disabled=${this.busy}>Connect</button>
        </div>
      </form>
    </dialog>`;
  }

  async #submit(e: SubmitEvent) {
    e.preventDefault();
    const parsed = v.safeParse(SupportCodeSchema, this.input.value);
    if (!parsed.success) {
      this.error = 'The code has 9 digits, for example 123 456 789.';
      return;
    }
    this.busy = true;
    const r = await this.connect(parsed.output);
    this.busy = false;
    if (r.ok) this.dialog.close();
    else this.error = r.message;
  }
}
