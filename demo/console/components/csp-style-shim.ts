/**
 * Lets xterm.js style itself under the console's strict policy (`style-src 'self'`, no inline
 * styles). xterm's DOM renderer writes its theme and cell sizes into `<style>` elements it creates
 * (https://github.com/xtermjs/xterm.js/issues/4445), which the policy blocks, leaving black text on
 * black. This shim hands xterm an inert `<porthole-style>` element instead whenever it asks its
 * document for a `<style>`, and mirrors that element's text into a constructable stylesheet adopted
 * by the element's shadow root: constructable stylesheets are allowed by the policy, inline ones are not.
 */

/** An inert stand-in for `<style>`: its text becomes an adopted stylesheet of its root. */
class MirroredStyle extends HTMLElement {
  readonly #sheet = new CSSStyleSheet();
  #root: Document | ShadowRoot | null = null;
  readonly #observer = new MutationObserver(() => this.#sync());

  connectedCallback(): void {
    this.hidden = true;
    const root = this.getRootNode();
    this.#root = root instanceof ShadowRoot || root instanceof Document ? root : null;
    if (this.#root && !this.#root.adoptedStyleSheets.includes(this.#sheet))
      this.#root.adoptedStyleSheets = [...this.#root.adoptedStyleSheets, this.#sheet];
    this.#observer.observe(this, { childList: true, characterData: true, subtree: true });
    this.#sync();
  }

  disconnectedCallback(): void {
    this.#observer.disconnect();
    if (this.#root) this.#root.adoptedStyleSheets = this.#root.adoptedStyleSheets.filter((s) => s !== this.#sheet);
    this.#root = null;
  }

  #sync(): void {
    this.#sheet.replaceSync(this.textContent ?? '');
  }
}

let installed = false;

/**
 * Installs the shim on `doc` once: `doc.createElement('style')` returns a {@link MirroredStyle}.
 * The console creates no `<style>` elements of its own (Lit adopts its stylesheets), so only
 * libraries such as xterm are affected.
 */
export function installCspStyleShim(doc: Document = document): void {
  if (installed) return;
  installed = true;
  if (!customElements.get('porthole-style')) customElements.define('porthole-style', MirroredStyle);
  const create: (tag: string, options?: ElementCreationOptions) => HTMLElement = doc.createElement.bind(doc);
  const shimmed = (tag: string, options?: ElementCreationOptions): HTMLElement =>
    create(tag.toLowerCase() === 'style' ? 'porthole-style' : tag, options);
  doc.createElement = shimmed;
}
