/**
 * `<porthole-escalation>`: the download prompt of the support client (E-2), a lazy chunk of its own
 * that the chat fetches only once the visitor allowed the escalation. It offers a button for the
 * visitor's system, the other systems one click away, and the 9-digit code to type instead. Links
 * come from the server (the channel's own client, or this server's reference client).
 *
 * Plain DOM rather than Lit, so the chunk shares no module with the chat and stays its own
 * download; every server string is set as text (`textContent`, attributes), never parsed as HTML.
 *
 * Events: `porthole-escalation-renew` (the visitor wants a new download and code).
 */
import type { EscalationState } from '../controllers/escalation-actions.js';
import type { ClientOs } from '../protocol/views.js';
import { CLIENT_OSES, detectOs, OS_NAMES } from '../session/client-os.js';
import { ESCALATION_CSS } from './escalation.styles.js';

/** Resolves a server path against the Porthole server (links to other hosts stay as they are). */
export function downloadHref(link: string, server: string): string {
  try {
    return new URL(link, server || globalThis.location?.href).href;
  } catch {
    return link;
  }
}

let sheet: CSSStyleSheet | null = null;

/** `tag` with a class and text. */
function el<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text = ''): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (className) e.className = className;
  if (text) e.textContent = text;
  return e;
}

/** The download prompt. */
export class PortholeEscalation extends HTMLElement {
  #state: EscalationState = { status: 'none' };
  #server = '';
  readonly #os: ClientOs | null = detectOs(navigator);
  readonly #root = this.attachShadow({ mode: 'open' });

  constructor() {
    super();
    sheet ??= new CSSStyleSheet();
    sheet.replaceSync(ESCALATION_CSS);
    this.#root.adoptedStyleSheets = [sheet];
  }

  /** What to show; `none` renders nothing. */
  get state(): EscalationState {
    return this.#state;
  }
  set state(next: EscalationState) {
    this.#state = next;
    this.#render();
  }

  /** Origin of the Porthole server, for the reference client's path. */
  get server(): string {
    return this.#server;
  }
  set server(next: string) {
    this.#server = next;
    this.#render();
  }

  static get observedAttributes(): string[] {
    return ['server'];
  }

  attributeChangedCallback(_name: string, _old: string | null, value: string | null): void {
    this.server = value ?? '';
  }

  connectedCallback(): void {
    // The chat may set properties before this chunk arrives; those landed on the plain element
    // and hide the accessors until moved over (https://web.dev/articles/custom-elements-best-practices).
    for (const key of ['state', 'server'] as const) {
      if (Object.prototype.hasOwnProperty.call(this, key)) {
        const value: unknown = this[key];
        delete (this as Partial<Pick<PortholeEscalation, typeof key>>)[key];
        (this as Record<typeof key, unknown>)[key] = value;
      }
    }
    this.#render();
  }

  #render(): void {
    const state = this.#state;
    const card = el('section', 'card escalation');
    if (state.status === 'none') {
      this.#root.replaceChildren();
      return;
    }
    if (state.status === 'asking') {
      const p = el('p', 'explain', 'Preparing the support app…');
      p.setAttribute('role', 'status');
      card.append(p);
    } else if (state.status === 'failed') {
      const p = el('p', 'error', `The support app is not available right now: ${state.message}`);
      p.setAttribute('role', 'alert');
      card.append(p, this.#renewButton('Try again'));
    } else this.#ready(card, state.ticket);
    this.#root.replaceChildren(card);
  }

  #ready(card: HTMLElement, ticket: Extract<EscalationState, { status: 'ready' }>['ticket']): void {
    const first = this.#os ?? 'windows';
    const link = (os: ClientOs, className: string, text: string) => {
      const a = el('a', className, text);
      a.href = downloadHref(ticket.downloads[os], this.#server);
      a.setAttribute('download', '');
      a.rel = 'noopener';
      return a;
    };
    const title = el('h3', '', 'Get the support app');
    title.id = 'escalation-title';
    card.setAttribute('aria-labelledby', title.id);
    const others = el('p', 'others', 'Other systems: ');
    CLIENT_OSES.filter((o) => o !== first).forEach((o, i) => {
      if (i > 0) others.append(' · ');
      others.append(link(o, '', OS_NAMES[o]));
    });
    card.append(
      title,
      el(
        'p',
        'explain',
        'Download and run it on this computer. It asks you before your technician can do anything, and you can close it at any time.',
      ),
      link(first, 'download', `Download for ${OS_NAMES[first]}`),
      others,
    );
    if (ticket.downloads[first].startsWith('/downloads/')) {
      const how = el('p', 'explain', 'It needs Node.js: run ');
      how.append(el('code', '', 'node porthole-support.mjs'), ' in a terminal.');
      card.append(how);
    }
    const digits = el('p', 'digits', ticket.code.replace(/(\d{3})(?=\d)/g, '$1 '));
    digits.setAttribute('aria-label', `Code ${ticket.code.split('').join(' ')}`);
    card.append(el('p', 'explain', 'Or type this code in the support app:'), digits, this.#renewButton('New download and code'));
  }

  #renewButton(text: string): HTMLButtonElement {
    const b = el('button', 'link', text);
    b.type = 'button';
    b.addEventListener('click', () => this.dispatchEvent(new CustomEvent('porthole-escalation-renew', { bubbles: true, composed: true })));
    return b;
  }
}

/** Registers `<porthole-escalation>` unless it is already defined. */
export function defineEscalationPrompt(): void {
  if (!customElements.get('porthole-escalation')) customElements.define('porthole-escalation', PortholeEscalation);
}
