/**
 * `<console-workspace>`: owns the live connection and lays out the signed-in console: the
 * navigation, the toolbar, and the page (a session list beside the open session, an admin page, or
 * Account). Fires `unauthorized` when the server no longer accepts the sign-in.
 */
import { html, LitElement, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { TechnicianView } from '../../../src/protocol/index.js';
import { ConsoleController } from '../state/console-controller.js';
import type { ConsolePage, StatusFilter } from '../state/console-state.js';
import {
  channelSessions,
  filterByStatus,
  homeSessions,
  navChannels,
  queuedSessions,
  statusCounts,
  unreadTotal,
} from '../state/session-selectors.js';
import '../desk/desk-admin-page.js';
import '../desk/desk-page.js';
import './account-page.js';
import './admin-channels.js';
import './admin-technicians.js';
import './console-nav.js';
import './console-toolbar.js';
import { workspaceStyles } from './console-workspace.styles.js';
import './conversation-view.js';
import './devices-page.js';
import './session-list.js';
import { sharedStyles } from './shared.styles.js';
import './status-tabs.js';

/** The signed-in console's main area. */
@customElement('console-workspace')
export class ConsoleWorkspace extends LitElement {
  static override styles = [sharedStyles, workspaceStyles];

  @property({ attribute: false }) technician: TechnicianView | null = null;

  readonly live = new ConsoleController(
    this,
    () => this.technician,
    () => this.dispatchEvent(new CustomEvent('unauthorized', { bubbles: true, composed: true })),
  );

  protected override render() {
    const { state, refused } = this.live;
    const me = this.technician;
    const channels = navChannels(state);
    return html`
      <console-nav
        .page=${state.page}
        .channels=${channels.map((c) => ({ ...c, unread: unreadTotal(channelSessions(state, c.id)) }))}
        .homeUnread=${me ? unreadTotal([...homeSessions(state, me.id), ...queuedSessions(state)]) : 0}
        ?admin=${me?.role === 'admin'}
        @navigate=${(e: CustomEvent<ConsolePage>) => this.live.navigate(e.detail)}
      ></console-nav>
      <div class="main">
        <console-toolbar
          heading=${this.#heading()}
          ?ready=${state.channels !== null}
          .channels=${channels}
          .create=${(channelId: string) => this.live.createSession(channelId)}
          .connect=${(code: string) => this.live.connectCode(code)}
        ></console-toolbar>
        ${refused ? html`<p class="banner" role="alert">${refused}</p>` : nothing}
        ${state.connection === 'offline' && !refused ? html`<p class="banner" role="status">Reconnecting…</p>` : nothing}
        ${
          state.notice
            ? html`<div class="banner notice" role="status">
                <span>${state.notice}</span>
                <button type="button" class="secondary" @click=${() => this.live.dismissNotice()}>Dismiss</button>
              </div>`
            : nothing
        }
        ${this.#arrival()} ${this.#page()}
      </div>
    `;
  }

  /** A visitor wrote in a session that is not open: say where, and offer to open it. */
  #arrival() {
    const { state } = this.live;
    const s = state.arrival ? state.sessions.get(state.arrival.sessionId) : undefined;
    if (!s) return nothing;
    return html`<div class="banner notice arrival" role="status">
      <span>New message from <strong>${s.visitorLabel}</strong> in ${s.channelName}</span>
      <button type="button" @click=${() => this.#open(s.id)}>Open</button>
      <button type="button" class="secondary" @click=${() => this.live.dismissArrival()}>Dismiss</button>
    </div>`;
  }

  #open(sessionId: string) {
    const { kind } = this.live.state.page;
    if (kind !== 'home' && kind !== 'channel') this.live.navigate({ kind: 'home' });
    void this.live.select(sessionId);
  }

  #heading(): string {
    const page = this.live.state.page;
    switch (page.kind) {
      case 'home':
        return 'Home';
      case 'channel':
        return navChannels(this.live.state).find((c) => c.id === page.channelId)?.name ?? 'Channel';
      case 'admin-technicians':
        return 'Admin · Technicians';
      case 'admin-channels':
        return 'Admin · Channels';
      case 'account':
        return 'Account';
      case 'desk':
        return 'Service desk';
      case 'admin-desk':
        return 'Admin · Service desk';
      case 'devices':
        return 'Devices';
    }
  }

  #page() {
    const page = this.live.state.page;
    switch (page.kind) {
      case 'home':
        return this.#sessionsPage(this.#homeLists());
      case 'channel':
        return this.#sessionsPage(this.#channelList(page.channelId));
      case 'admin-technicians':
        return html`<admin-technicians></admin-technicians>`;
      case 'admin-channels':
        return html`<admin-channels @channels-changed=${() => void this.live.refreshChannels()}></admin-channels>`;
      case 'account':
        return html`<account-page .technician=${this.technician}></account-page>`;
      case 'desk':
        return html`<desk-page @open-session=${(e: CustomEvent<string>) => this.#openSession(e.detail)}></desk-page>`;
      case 'admin-desk':
        return html`<desk-admin-page></desk-admin-page>`;
      case 'devices':
        return html`<devices-page
          ?admin=${this.technician?.role === 'admin'}
          @open-session=${(e: CustomEvent<string>) => this.#openSession(e.detail)}
        ></devices-page>`;
    }
  }

  /** "Connect" on a ticket's session: the session view, on that session. */
  #openSession(sessionId: string) {
    this.live.navigate({ kind: 'home' });
    void this.live.select(sessionId);
  }

  #homeLists() {
    const { state } = this.live;
    const me = this.technician?.id ?? '';
    const queued = queuedSessions(state);
    return html`${this.#list('Your sessions', homeSessions(state, me), 'Sessions you own or were invited into appear here.')}
    ${this.#list('In queue in your channels', queued, 'Nobody is waiting.')}`;
  }

  #channelList(channelId: string) {
    const { state } = this.live;
    const all = channelSessions(state, channelId);
    return html`<status-tabs
        .filter=${state.filter}
        .counts=${statusCounts(all)}
        @filter-change=${(e: CustomEvent<StatusFilter>) => this.live.setFilter(e.detail)}
      ></status-tabs>
      ${this.#list('Sessions', filterByStatus(all, state.filter), 'No sessions with this status.')}`;
  }

  #list(heading: string, sessions: ReturnType<typeof homeSessions>, empty: string) {
    return html`<session-list
      heading=${heading}
      empty=${empty}
      meId=${this.technician?.id ?? ''}
      .sessions=${sessions}
      .selectedId=${this.live.state.selectedId}
      @select-session=${(e: CustomEvent<string>) => void this.live.select(e.detail)}
    ></session-list>`;
  }

  #sessionsPage(lists: unknown) {
    const { state } = this.live;
    const selected = state.selectedId ? state.sessions.get(state.selectedId) : undefined;
    const id = selected?.id ?? '';
    const me = this.technician;
    return html`<div class="columns">
      <div class="lists">${lists}</div>
      <conversation-view
        .session=${selected ?? null}
        .messages=${state.messages.get(id) ?? []}
        .notes=${state.notes.get(id) ?? []}
        .outbox=${state.outbox.filter((p) => p.sessionId === id)}
        .typing=${[...(state.typing.get(id)?.values() ?? [])]}
        .receipts=${state.receipts.get(id)}
        .activity=${state.activity.get(id) ?? []}
        .permissions=${state.permissions.get(id) ?? []}
        .invitation=${state.invitations.get(id) ?? null}
        .visitorOnline=${state.presence.get(id)}
        .profile=${state.profiles.get(id) ?? null}
        .viewer=${me ? { id: me.id, role: me.role } : { id: '', role: 'technician' }}
        .commands=${this.live}
        .cobrowse=${this.live.cobrowse}
      ></conversation-view>
    </div>`;
  }
}
