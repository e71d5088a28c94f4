/**
 * `<porthole-hidden-view>`: what the technician cannot see, shown to the visitor on their own page
 * (SPEC.md C-14). Every masked field or text and every blocked element gets a labelled outline in
 * an overlay fixed over the page; the page's own elements and styles are never touched. Its shadow
 * root is closed: rrweb records what happens inside the open shadow root of any element, blocked
 * hosts included, and these outlines must never reach the technician.
 */
import { SITE_BLOCKED_SELECTOR, SITE_MASKED_SELECTOR } from './privacy.js';

const CSS = `
:host { all: initial; position: fixed; inset: 0; pointer-events: none; z-index: 2147483000;
  font: 600 11px/1.2 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
.box { position: absolute; box-sizing: border-box; border: 2px dashed #7a5af8; border-radius: 4px; background: rgb(122 90 248 / 0.08); }
.box.blocked { border-color: #d92d20; background: repeating-linear-gradient(45deg, rgb(217 45 32 / 0.12) 0 8px, rgb(217 45 32 / 0.04) 8px 16px); }
/* Inside the box, at its end: outside it would cover the page's own labels above the field. */
.label { position: absolute; top: 2px; right: 2px; padding: 1px 5px; border-radius: 3px; background: #7a5af8; color: #fff; white-space: nowrap; }
.blocked .label { background: #d92d20; }
`;

let sheet: CSSStyleSheet | undefined;

/** One area hidden from the technician, in viewport coordinates. */
export interface HiddenArea {
  kind: 'masked' | 'blocked';
  box: DOMRect;
}

/** Elements matching `selector` in `root` and in every open shadow root below it, the widget's own left out. */
function queryDeep(root: Document | ShadowRoot, selector: string, out: Element[] = []): Element[] {
  for (const el of Array.from(root.querySelectorAll('*'))) {
    if (el.tagName.startsWith('PORTHOLE-')) continue;
    if (el.matches(selector)) out.push(el);
    if (el.shadowRoot) queryDeep(el.shadowRoot, selector, out);
  }
  return out;
}

/** The masked and blocked areas of the page on screen now; what lies inside a blocked area counts once, as blocked. */
export function hiddenAreas(doc: Document = document): HiddenArea[] {
  const blocked = queryDeep(doc, SITE_BLOCKED_SELECTOR);
  const masked = queryDeep(doc, SITE_MASKED_SELECTOR).filter((el) => !blocked.some((b) => b !== el && b.contains(el)));
  const areas = [
    ...blocked.filter((el) => !blocked.some((b) => b !== el && b.contains(el))).map((el) => ({ kind: 'blocked' as const, el })),
    ...masked.filter((el) => !masked.some((m) => m !== el && m.contains(el))).map((el) => ({ kind: 'masked' as const, el })),
  ];
  return areas
    .map(({ kind, el }) => ({ kind, box: el.getBoundingClientRect() }))
    .filter(({ box }) => box.width > 0 && box.height > 0 && box.bottom > 0 && box.top < innerHeight);
}

/** The overlay; it follows scrolling, resizing and changes of the page while connected. */
export class HiddenView extends HTMLElement {
  #root: ShadowRoot | null = null;
  #frame = 0;
  readonly #changes = new MutationObserver((records) => {
    // Its own outlines are in its shadow root, which the observer does not see; the bar's are skipped here.
    if (records.some((r) => !(r.target instanceof Element && r.target.tagName.startsWith('PORTHOLE-')))) this.#schedule();
  });
  readonly #schedule = () => {
    this.#frame ||= requestAnimationFrame(() => {
      this.#frame = 0;
      this.#draw();
    });
  };

  connectedCallback(): void {
    if (!this.#root) {
      this.#root = this.attachShadow({ mode: 'closed' });
      sheet ??= new CSSStyleSheet();
      if (sheet.cssRules.length === 0) sheet.replaceSync(CSS);
      this.#root.adoptedStyleSheets = [sheet];
    }
    addEventListener('scroll', this.#schedule, { capture: true, passive: true });
    addEventListener('resize', this.#schedule, { passive: true });
    this.#changes.observe(document.documentElement, { subtree: true, childList: true, attributes: true, characterData: true });
    this.#draw();
  }

  /** The outlines on screen now (the shadow root is closed to scripts that do not hold the element). */
  outlines(): HTMLElement[] {
    return Array.from(this.#root?.querySelectorAll<HTMLElement>('.box') ?? []);
  }

  disconnectedCallback(): void {
    removeEventListener('scroll', this.#schedule, { capture: true });
    removeEventListener('resize', this.#schedule);
    this.#changes.disconnect();
    cancelAnimationFrame(this.#frame);
    this.#frame = 0;
  }

  #draw(): void {
    const boxes = hiddenAreas().map(({ kind, box }) => {
      const div = document.createElement('div');
      div.className = `box ${kind}`;
      // Styled before insertion: new nodes in the overlay's own shadow root, never the page's styles.
      div.style.setProperty('left', `${box.left}px`);
      div.style.setProperty('top', `${box.top}px`);
      div.style.setProperty('width', `${box.width}px`);
      div.style.setProperty('height', `${box.height}px`);
      const label = document.createElement('span');
      label.className = 'label';
      label.textContent = kind;
      div.append(label);
      return div;
    });
    this.#root?.replaceChildren(...boxes);
  }
}

/** Registers `<porthole-hidden-view>` unless it is already defined. */
export function defineHiddenView(): void {
  if (!customElements.get('porthole-hidden-view')) customElements.define('porthole-hidden-view', HiddenView);
}
