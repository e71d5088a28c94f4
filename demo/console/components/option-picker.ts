/**
 * `<option-picker>`: the technician's choice in a `<select>` of the visitor's page (SPEC.md C-12).
 * A native list cannot be opened by a script, so the console lists the options as the replay shows
 * them (labels may be masked, so each carries its position) and sends the choice by index. A single
 * select takes a click on an option; a multiple one takes ticks and "Choose". Escape cancels.
 */
import { css, html, LitElement, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { ReplayedOption } from '../cobrowse/replayed-element.js';
import { sharedStyles } from './shared.styles.js';

/** Fired with the option indexes chosen. */
export type PickEvent = CustomEvent<{ indexes: number[] }>;

@customElement('option-picker')
export class OptionPicker extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host {
        display: block;
        min-width: 200px;
        max-width: 320px;
        padding: 6px;
        border-radius: 8px;
        background: #fff;
        color: #1b1f24;
        box-shadow: 0 6px 24px rgb(0 0 0 / 0.35);
        font-size: 13px;
      }
      h4 {
        margin: 2px 6px 6px;
        font-size: 12px;
        font-weight: 600;
        color: #5b6470;
      }
      ol {
        list-style: none;
        margin: 0;
        padding: 0;
        max-height: 240px;
        overflow: auto;
      }
      .option {
        font-weight: 400;
        display: flex;
        align-items: center;
        gap: 8px;
        width: 100%;
        padding: 6px 8px;
        border: 0;
        border-radius: 6px;
        background: none;
        color: inherit;
        font: inherit;
        text-align: left;
        cursor: pointer;
      }
      .option:hover:not(:disabled),
      .option:focus-visible {
        background: #eef3ff;
      }
      .option:focus-visible {
        outline: 2px solid #8fb0ff;
        outline-offset: -2px;
      }
      .hint {
        margin: 6px 6px 0;
        font-size: 12px;
        color: #5b6470;
      }
      .option[aria-selected='true'] {
        font-weight: 600;
        color: #1d3f9e;
      }
      .option:disabled {
        color: #98a2b3;
        cursor: not-allowed;
      }
      .index {
        min-width: 1.8em;
        font-variant-numeric: tabular-nums;
        color: #5b6470;
      }
      .actions {
        display: flex;
        justify-content: flex-end;
        gap: 6px;
        margin-top: 6px;
      }
    `,
  ];

  @property({ attribute: false }) options: readonly ReplayedOption[] = [];
  @property({ type: Boolean }) multiple = false;
  /** The ticks of a multiple select, from what the replay shows chosen. */
  @state() private ticked = new Set<number>();

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('options')) this.ticked = new Set(this.options.flatMap((o, i) => (o.selected ? [i] : [])));
  }

  protected override firstUpdated(): void {
    const first = this.renderRoot.querySelector<HTMLElement>('[aria-selected="true"]:not(:disabled), .option:not(:disabled)');
    first?.focus();
  }

  #pick(indexes: number[]): void {
    this.dispatchEvent(new CustomEvent('pick', { detail: { indexes }, bubbles: true, composed: true }));
  }

  #cancel = () => this.dispatchEvent(new CustomEvent('cancel', { bubbles: true, composed: true }));

  #onKey = (e: KeyboardEvent) => {
    // Keys here are the technician's own: none goes on to the visitor's page.
    e.stopPropagation();
    if (e.key === 'Escape') this.#cancel();
  };

  protected override render() {
    const multiple = this.multiple;
    return html`<div role="dialog" aria-label="Choose an option on the visitor's page" @keydown=${this.#onKey}>
      <h4>${multiple ? 'Choose options' : 'Choose an option'} (${this.options.length})</h4>
      <ol role="listbox" aria-label="Options of the list" aria-multiselectable=${multiple ? 'true' : 'false'}>
        ${this.options.map(
          (o, i) =>
            html`<li>
              <button
                type="button"
                class="option"
                role="option"
                aria-selected=${(multiple ? this.ticked.has(i) : o.selected) ? 'true' : 'false'}
                ?disabled=${o.disabled}
                @click=${() => (multiple ? this.#tick(i) : this.#pick([i]))}
              >
                ${multiple ? html`<input type="checkbox" tabindex="-1" aria-hidden="true" .checked=${this.ticked.has(i)} />` : null}
                <span class="index">${i + 1}.</span> <span class="label">${o.label || '(no label)'}</span>
              </button>
            </li>`,
        )}
      </ol>
      ${
        this.options.some((o) => /^\*+$/.test(o.label))
          ? html`<p class="hint">The labels are hidden from you; the options are in the page’s order.</p>`
          : null
      }
      <div class="actions">
        <button type="button" class="secondary" @click=${this.#cancel}>Cancel</button>
        ${multiple ? html`<button type="button" class="choose" @click=${() => this.#pick([...this.ticked].sort((a, b) => a - b))}>Choose</button>` : null}
      </div>
    </div>`;
  }

  #tick(i: number): void {
    const next = new Set(this.ticked);
    if (!next.delete(i)) next.add(i);
    this.ticked = next;
  }
}
