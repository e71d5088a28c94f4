/**
 * `<console-toolbar>`: the page title and the two ways to start helping someone: "New session" (a
 * link or PIN for the visitor) and "Connect to a user's device" (the visitor's 9-digit code).
 */
import { html, LitElement } from 'lit';
import { customElement, property, query } from 'lit/decorators.js';
import type { Result, SessionCreated, SessionSummary } from '../../../src/protocol/index.js';
import type { NavChannel } from '../state/session-selectors.js';
import './connect-code-dialog.js';
import type { ConnectCodeDialog } from './connect-code-dialog.js';
import { consoleToolbarStyles } from './console-toolbar.styles.js';
import './new-session-dialog.js';
import type { NewSessionDialog } from './new-session-dialog.js';
import { sharedStyles } from './shared.styles.js';

/** The workspace's toolbar. */
@customElement('console-toolbar')
export class ConsoleToolbar extends LitElement {
  static override styles = [sharedStyles, consoleToolbarStyles];

  @property() heading = '';
  /** False until the technician's channels are known: creating before that would find none. */
  @property({ type: Boolean }) ready = false;
  @property({ attribute: false }) channels: readonly NavChannel[] = [];
  @property({ attribute: false }) create: (channelId: string) => Promise<Result<SessionCreated>> = () =>
    Promise.resolve({ ok: false, error: 'internal', message: 'Not ready.' });
  @property({ attribute: false }) connect: (code: string) => Promise<Result<SessionSummary>> = () =>
    Promise.resolve({ ok: false, error: 'internal', message: 'Not ready.' });

  @query('new-session-dialog') private newSession!: NewSessionDialog;
  @query('connect-code-dialog') private connectCode!: ConnectCodeDialog;

  protected override render() {
    return html`
      <h1>${this.heading}</h1>
      <div class="buttons">
        <button
          type="button"
          ?disabled=${!this.ready}
          title=${this.ready ? '' : 'Loading your channels…'}
          @click=${() => void this.newSession.show()}
        >
          New session
        </button>
        <button type="button" class="secondary" @click=${() => void this.connectCode.show()}>Connect to a user's device</button>
      </div>
      <new-session-dialog .channels=${this.channels} .create=${this.create}></new-session-dialog>
      <connect-code-dialog .connect=${this.connect}></connect-code-dialog>
    `;
  }
}
