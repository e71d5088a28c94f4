/**
 * `<porthole-escalation>`: the download prompt of the support client (E-2), a lazy chunk of its own
 * that the chat fetches only once the visitor allowed the escalation. It offers a button for the
 * visitor's system, the other systems one click away, and the 9-digit code to type instead. Links
 * come from the server (the channel's own client, or this server's reference client).
 *
 * Events: `porthole-escalation-renew` (the visitor wants a new download and code).
 */
import { html, LitElement, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import type { EscalationState } from '../controllers/escalation-actions.js';
import type { ClientOs } from '../protocol/views.js';
import { CLIENT_OSES, detectOs, OS_NAMES } from '../session/client-os.js';
import { escalationStyles } from './escalation.styles.js';
import { partStyles } from './parts.styles.js';
import { groupDigits } from './wording.js';

/** Resolves a server path against the Porthole server (links to other hosts stay as they are). */
export function downloadHref(link: string, server: string): string {
  try {
    return new URL(link, server || globalThis.location?.href).href;
  } catch {
    return link;
  }
}

/** The download prompt. */
export class PortholeEscalation extends LitElement {
  static override styles = [partStyles, escalationStyles];

  /** What to show; `none` renders nothing. */
  @property({ attribute: false }) state: EscalationState = { status: 'none' };
  /** Origin of the Porthole server, for the reference client's path. */
  @property() server = '';

  readonly #os: ClientOs | null = detectOs(navigator);

  protected override render() {
    const state = this.state;
    if (state.status === 'none') return nothing;
    if (state.status === 'asking') return html`<section class="card escalation"><p role="status">Preparing the support app…</p></section>`;
    if (state.status === 'failed') {
      return html`<section class="card escalation">
        <p class="error" role="alert">The support app is not available right now: ${state.message}</p>
        <button type="button" class="secondary" @click=${this.#renew}>Try again</button>
      </section>`;
    }
    const { ticket } = state;
    const first = this.#os ?? 'windows';
    const others = CLIENT_OSES.filter((o) => o !== first);
    const href = (o: ClientOs) => downloadHref(ticket.downloads[o], this.server);
    const reference = ticket.downloads[first].startsWith('/downloads/');
    return html`<section class="card escalation" aria-labelledby="escalation-title">
      <h3 id="escalation-title">Get the support app</h3>
      <p class="explain">
        Download and run it on this computer. It asks you before your technician can do anything, and you can close it at any time.
      </p>
      <a class="download" href=${href(first)} download rel="noopener">Download for ${OS_NAMES[first]}</a>
      <p class="others">
        Other systems: ${others.map((o, i) => html`${i > 0 ? ' · ' : ''}<a href=${href(o)} download rel="noopener">${OS_NAMES[o]}</a>`)}
      </p>
      ${reference ? html`<p class="explain">It needs Node.js: run <code>node porthole-support.mjs</code> in a terminal.</p>` : nothing}
      <p class="explain">Or type this code in the support app:</p>
      <p class="digits" aria-label=${`Code ${ticket.code.split('').join(' ')}`}>${groupDigits(ticket.code)}</p>
      <button type="button" class="link" @click=${this.#renew}>New download and code</button>
    </section>`;
  }

  #renew = () => this.dispatchEvent(new CustomEvent('porthole-escalation-renew', { bubbles: true, composed: true }));
}

/** Registers `<porthole-escalation>` unless it is already defined. */
export function defineEscalationPrompt(): void {
  if (!customElements.get('porthole-escalation')) customElements.define('porthole-escalation', PortholeEscalation);
}
