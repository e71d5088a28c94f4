/**
 * `<porthole-guide>`: what the technician shows on the visitor's page without control (SPEC.md
 * C-11): a cursor with their name where they point, and an outline around an element that fades.
 * Fixed over the page, never catching the visitor's clicks, and blocked from the recording.
 */
const CSS = `
:host { all: initial; position: fixed; inset: 0; pointer-events: none; z-index: 2147483002;
  font: 12px/1.3 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
.cursor { position: absolute; display: flex; align-items: flex-start; gap: 2px; transition: transform 60ms linear; }
.cursor[hidden] { display: none; }
.arrow { width: 0; height: 0; border-left: 7px solid #2456d6; border-right: 7px solid transparent;
  border-bottom: 14px solid transparent; filter: drop-shadow(0 1px 1px rgb(0 0 0 / 0.4)); }
.name { margin-top: 12px; padding: 2px 8px; border-radius: 999px; background: #2456d6; color: #fff; font-weight: 600; white-space: nowrap; }
.outline { position: absolute; border: 3px solid #f79009; border-radius: 6px; box-shadow: 0 0 0 4px rgb(247 144 9 / 0.3);
  animation: fade 2.5s ease-out forwards; }
@keyframes fade { 0%, 60% { opacity: 1; } 100% { opacity: 0; } }
`;

let sheet: CSSStyleSheet | undefined;

/** How long an outline stays before it is removed. */
export const HIGHLIGHT_MS = 2500;

/** The pointer and highlight overlay. */
export class GuideOverlay extends HTMLElement {
  #cursor: HTMLElement | null = null;
  #name: HTMLElement | null = null;
  /**
   * Where the cursor is, as a stylesheet of its own rather than a style attribute: rrweb diffs
   * changed style attributes through `setAttribute('style')` in a scratch document, which a strict
   * style-src policy reports as a violation on every move.
   */
  readonly #position = new CSSStyleSheet();

  /** Moves the named cursor to viewport coordinates. */
  point(name: string, x: number, y: number): void {
    this.#ensure();
    if (!this.#cursor || !this.#name) return;
    this.#name.textContent = name;
    this.#cursor.hidden = false;
    this.#position.replaceSync(`.cursor { transform: translate(${Math.round(x)}px, ${Math.round(y)}px); }`);
  }

  /** Outlines `target` for a moment; anything but a connected element of the page is ignored. */
  highlight(target: Node | null): boolean {
    this.#ensure();
    if (!(target instanceof Element) || !target.isConnected || target.closest('porthole-widget, porthole-viewing-bar')) return false;
    const box = target.getBoundingClientRect();
    const outline = document.createElement('div');
    outline.className = 'outline';
    // Styled before it is inserted: a new node, not a changed style attribute (see #position).
    outline.style.setProperty('left', `${box.left - 4}px`);
    outline.style.setProperty('top', `${box.top - 4}px`);
    outline.style.setProperty('width', `${box.width + 2}px`);
    outline.style.setProperty('height', `${box.height + 2}px`);
    this.shadowRoot?.append(outline);
    setTimeout(() => outline.remove(), HIGHLIGHT_MS);
    return true;
  }

  #ensure(): void {
    if (this.shadowRoot) return;
    const root = this.attachShadow({ mode: 'open' });
    sheet ??= new CSSStyleSheet();
    if (sheet.cssRules.length === 0) sheet.replaceSync(CSS);
    root.adoptedStyleSheets = [sheet, this.#position];
    this.#cursor = document.createElement('div');
    this.#cursor.className = 'cursor';
    this.#cursor.hidden = true;
    const arrow = document.createElement('span');
    arrow.className = 'arrow';
    this.#name = document.createElement('span');
    this.#name.className = 'name';
    this.#cursor.append(arrow, this.#name);
    root.append(this.#cursor);
  }
}

/** Registers `<porthole-guide>` unless it is already defined. */
export function defineGuideOverlay(): void {
  if (!customElements.get('porthole-guide')) customElements.define('porthole-guide', GuideOverlay);
}
