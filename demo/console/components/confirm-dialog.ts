/**
 * `<confirm-dialog>`: asks a yes/no question before something that cannot be undone.
 * `ask()` resolves with true when the technician confirms.
 */
import { html, LitElement } from 'lit';
import { customElement, property, query } from 'lit/decorators.js';
import { confirmDialogStyles } from './confirm-dialog.styles.js';
import { sharedStyles } from './shared.styles.js';

/** A modal confirmation. */
@customElement('confirm-dialog')
export class ConfirmDialog extends LitElement {
  static override styles = [sharedStyles, confirmDialogStyles];

  @property() heading = 'Are you sure?';
  @property() message = '';
  @property() confirmLabel = 'Confirm';

  @query('dialog') private dialog!: HTMLDialogElement;
  #resolve: ((yes: boolean) => void) | null = null;

  /** Opens the dialog; resolves when it closes. */
  async ask(): Promise<boolean> {
    await this.updateComplete;
    this.#resolve?.(false);
    this.dialog.returnValue = '';
    this.dialog.showModal();
    return new Promise((resolve) => (this.#resolve = resolve));
  }

  protected override render() {
    // method="dialog" closes the dialog with the pressed button's value, Escape with an empty one.
    return html`<dialog aria-labelledby="title" @close=${this.#closed}>
      <h2 id="title">${this.heading}</h2>
      <form method="dialog">
        <p class="hint">${this.message}</p>
        <div class="dialog-actions">
          <button class="secondary" value="no">Cancel</button>
          <button class="danger solid" value="yes">${this.confirmLabel}</button>
        </div>
      </form>
    </dialog>`;
  }

  #closed() {
    // The close event is queued: if the dialog was opened again meanwhile, it belongs to the earlier question.
    if (this.dialog.open) return;
    this.#resolve?.(this.dialog.returnValue === 'yes');
    this.#resolve = null;
  }
}
