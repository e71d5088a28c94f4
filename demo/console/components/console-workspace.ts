/**
 * `<console-workspace>`: owns the live connection and lays out the session list beside the open
 * conversation. Fires `unauthorized` when the server no longer accepts the sign-in.
 */
import { html, LitElement } from 'lit';
import { customElement } from 'lit/decorators.js';
import { ConsoleController } from '../state/console-controller.js';
import { sortedSessions } from '../state/console-state.js';
import { workspaceStyles } from './console-workspace.styles.js';
import './conversation-view.js';
import './session-list.js';

/** The signed-in console's main area. */
@customElement('console-workspace')
export class ConsoleWorkspace extends LitElement {
  static override styles = workspaceStyles;

  readonly live = new ConsoleController(this, () => this.dispatchEvent(new CustomEvent('unauthorized', { bubbles: true, composed: true })));

  protected override render() {
    const { state, refused } = this.live;
    const selected = state.selectedId ? state.sessions.get(state.selectedId) : undefined;
    return html`
      ${refused ? html`<p class="banner" role="alert">${refused}</p>` : ''}
      ${state.connection === 'offline' && !refused ? html`<p class="banner" role="status">Reconnecting…</p>` : ''}
      <div class="columns">
        <session-list
          .sessions=${sortedSessions(state)}
          .selectedId=${state.selectedId}
          @select-session=${(e: CustomEvent<string>) => void this.live.select(e.detail)}
        ></session-list>
        <conversation-view
          .session=${selected ?? null}
          .messages=${(selected && state.messages.get(selected.id)) || []}
          .send=${(sessionId: string, text: string) => this.live.send(sessionId, text)}
        ></conversation-view>
      </div>
    `;
  }
}
