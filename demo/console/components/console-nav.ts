/**
 * `<console-nav>`: the left navigation: Home, Service desk, Devices, one entry per channel of the technician, the Admin
 * pages for admins, and Account. Fires `navigate` (detail: the {@link ConsolePage}).
 */
import { html, LitElement, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { ConsolePage } from '../state/console-state.js';
import type { NavChannel } from '../state/session-selectors.js';
import { consoleNavStyles } from './console-nav.styles.js';
import { sharedStyles } from './shared.styles.js';

/** A navigation channel with its unread count. */
export type NavChannelEntry = NavChannel & { unread: number };

/** The navigation. */
@customElement('console-nav')
export class ConsoleNav extends LitElement {
  static override styles = [sharedStyles, consoleNavStyles];

  @property({ attribute: false }) page: ConsolePage = { kind: 'home' };
  @property({ attribute: false }) channels: readonly NavChannelEntry[] = [];
  /** Unread visitor messages in the sessions Home lists. */
  @property({ type: Number }) homeUnread = 0;
  @property({ type: Boolean }) admin = false;

  protected override render() {
    const p = this.page;
    return html`<nav aria-label="Console">
      <ul>
        ${this.#item('Home', { kind: 'home' }, p.kind === 'home', this.homeUnread)}
        ${this.#item('Service desk', { kind: 'desk' }, p.kind === 'desk')}
        ${this.#item('Devices', { kind: 'devices' }, p.kind === 'devices')}
      </ul>
      <h2 id="channels">Channels</h2>
      <ul aria-labelledby="channels">
        ${this.channels.length === 0 ? html`<li class="empty">No channels yet</li>` : nothing}
        ${this.channels.map((c) => this.#item(c.name, { kind: 'channel', channelId: c.id }, p.kind === 'channel' && p.channelId === c.id, c.unread))}
      </ul>
      ${
        this.admin
          ? html`<h2 id="admin">Admin</h2>
              <ul aria-labelledby="admin">
                ${this.#item('Technicians', { kind: 'admin-technicians' }, p.kind === 'admin-technicians')}
                ${this.#item('Channels', { kind: 'admin-channels' }, p.kind === 'admin-channels')}
                ${this.#item('Service desk', { kind: 'admin-desk' }, p.kind === 'admin-desk')}
              </ul>`
          : nothing
      }
      <ul class="bottom">
        ${this.#item('Account', { kind: 'account' }, p.kind === 'account')}
      </ul>
    </nav>`;
  }

  #item(label: string, page: ConsolePage, current: boolean, unread = 0) {
    return html`<li>
      <button type="button" class="entry" aria-current=${current ? 'page' : 'false'} @click=${() => this.#go(page)}>
        <span class="label">${label}</span>
        ${unread > 0 ? html`<span class="unread"><span class="visually-hidden">, </span>${unread}<span class="visually-hidden"> unread</span></span>` : nothing}
      </button>
    </li>`;
  }

  #go(page: ConsolePage) {
    this.dispatchEvent(new CustomEvent<ConsolePage>('navigate', { detail: page, bubbles: true, composed: true }));
  }
}
