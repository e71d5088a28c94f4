/**
 * `<porthole-viewing-bar>`: the bar that tells the visitor their page is being viewed, with Stop
 * (SPEC.md C-8). A plain custom element in its own shadow root, fixed at the top of the page, styled
 * by a constructable stylesheet (no inline style, for strict CSP), and blocked from the recording.
 * "What is hidden" toggles the outlines of what the technician cannot see (C-14).
 * Event: `porthole-stop-viewing` when Stop is pressed.
 */

const CSS = `
:host { all: initial; position: fixed; top: 0; left: 50%; transform: translateX(-50%); z-index: 2147483001;
  font: 14px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
.bar { display: flex; align-items: center; gap: 12px; margin-top: 8px; padding: 8px 8px 8px 14px; border-radius: 999px;
  background: #1b1f24; color: #fff; box-shadow: 0 6px 20px rgb(0 0 0 / 0.3); }
.dot { width: 10px; height: 10px; border-radius: 50%; background: #e5484d; box-shadow: 0 0 0 3px rgb(229 72 77 / 0.35); }
button { all: unset; cursor: pointer; padding: 4px 14px; border-radius: 999px; background: #e5484d; color: #fff; font-weight: 600; }
button:hover { background: #c93a3f; }
button.hidden-toggle { background: transparent; box-shadow: inset 0 0 0 1px rgb(255 255 255 / 0.45); font-weight: 500; }
button.hidden-toggle:hover { background: rgb(255 255 255 / 0.12); }
button.hidden-toggle[aria-pressed='true'] { background: #7a5af8; box-shadow: none; }
button:focus-visible { outline: 3px solid #8fb0ff; outline-offset: 2px; }
`;

let sheet: CSSStyleSheet | undefined;

/** The "being viewed" bar. */
export class ViewingBar extends HTMLElement {
  #text: HTMLElement | null = null;
  #hidden: HTMLElement | null = null;
  #toggle: HTMLButtonElement | null = null;

  /** Sets who is viewing; shown as text. */
  set technician(name: string) {
    this.#ensure();
    if (this.#text) this.#text.textContent = `Your screen is being viewed by ${name}`;
  }

  connectedCallback(): void {
    this.#ensure();
  }

  disconnectedCallback(): void {
    this.showHidden(false);
  }

  /** Shows or removes the outlines of the masked and blocked areas on the page. */
  showHidden(on: boolean): void {
    if (on && !this.#hidden) {
      this.#hidden = document.createElement('porthole-hidden-view');
      document.documentElement.append(this.#hidden);
      // A chunk of its own (most visitors never ask): the element upgrades when it arrives.
      import('./hidden-view.js').then(
        (m) => m.defineHiddenView(),
        () => this.showHidden(false),
      );
    } else if (!on) {
      this.#hidden?.remove();
      this.#hidden = null;
    }
    this.#toggle?.setAttribute('aria-pressed', String(on));
  }

  #ensure(): void {
    if (this.shadowRoot) return;
    const root = this.attachShadow({ mode: 'open' });
    sheet ??= new CSSStyleSheet();
    if (sheet.cssRules.length === 0) sheet.replaceSync(CSS);
    root.adoptedStyleSheets = [sheet];
    const bar = document.createElement('div');
    bar.className = 'bar';
    bar.setAttribute('role', 'status');
    const dot = document.createElement('span');
    dot.className = 'dot';
    this.#text = document.createElement('span');
    this.#text.className = 'text';
    const stop = document.createElement('button');
    stop.type = 'button';
    stop.textContent = 'Stop';
    stop.addEventListener('click', () => this.dispatchEvent(new CustomEvent('porthole-stop-viewing', { bubbles: true, composed: true })));
    this.#toggle = document.createElement('button');
    this.#toggle.type = 'button';
    this.#toggle.className = 'hidden-toggle';
    this.#toggle.textContent = 'What is hidden';
    this.#toggle.title = 'Outline what the technician cannot see';
    this.#toggle.setAttribute('aria-pressed', 'false');
    this.#toggle.addEventListener('click', () => this.showHidden(!this.#hidden));
    bar.append(dot, this.#text, this.#toggle, stop);
    root.append(bar);
  }
}

/** Registers `<porthole-viewing-bar>` unless it is already defined. */
export function defineViewingBar(): void {
  if (!customElements.get('porthole-viewing-bar')) customElements.define('porthole-viewing-bar', ViewingBar);
}
