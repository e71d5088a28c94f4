/**
 * `<client-terminal>`: the command shell on the visitor's computer (E-7), in xterm.js. Opening the
 * element opens a shell through the server; keystrokes go out as `client:shell-input`, output comes
 * back as `client:shell-output`. The server checks the visitor's grant on every event. Loaded lazily
 * by the support-client panel, so the console does not carry xterm until a shell is opened.
 */
import { Terminal } from '@xterm/xterm';
import xtermCss from '@xterm/xterm/css/xterm.css?inline';
import { css, html, LitElement, unsafeCSS } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { supportClientLink } from '../state/support-client-link.js';
import { installCspStyleShim } from './csp-style-shim.js';
import { sharedStyles } from './shared.styles.js';

const COLS = 100;
const ROWS = 16;

/** The shell of a session's support client. */
@customElement('client-terminal')
export class ClientTerminal extends LitElement {
  static override styles = [
    sharedStyles,
    unsafeCSS(xtermCss),
    css`
      :host {
        display: block;
      }
      .frame {
        background: #11151c;
        border-radius: 8px;
        padding: 8px;
        overflow: auto;
      }
      .bar {
        display: flex;
        justify-content: space-between;
        align-items: center;
        gap: 8px;
        margin-bottom: 6px;
        font-size: 12px;
        color: #5b6470;
      }
      .error {
        color: #b42318;
      }
    `,
  ];

  @property() sessionId = '';
  /** Whose computer the shell runs on, in the status line (an unattended device has no visitor). */
  @property() where = 'the visitor’s computer';
  @state() private status = 'Opening a shell…';
  @state() private problem = '';
  @query('.term') private mount!: HTMLDivElement;

  #term: Terminal | null = null;
  #shellId = '';
  #off: (() => void)[] = [];

  protected override render() {
    return html`<div class="bar">
        <span role="status">${this.status}</span>
        ${this.problem ? html`<span class="error" role="alert">${this.problem}</span>` : ''}
      </div>
      <div class="frame"><div class="term" aria-label="Command shell on ${this.where}"></div></div>`;
  }

  protected override firstUpdated(): void {
    installCspStyleShim();
    const term = new Terminal({ cols: COLS, rows: ROWS, fontSize: 13, cursorBlink: true, convertEol: false, scrollback: 2000 });
    this.#term = term;
    term.open(this.mount);
    term.onData((data) => void this.#input(data));
    this.#off.push(
      supportClientLink.on('client:shell-output', (p) => {
        if (p.sessionId === this.sessionId && p.shellId === this.#shellId) term.write(p.data);
      }),
      supportClientLink.on('client:shell-exited', (p) => {
        if (p.sessionId === this.sessionId && p.shellId === this.#shellId)
          this.status = `The shell ended${p.code === null ? '' : ` (exit code ${p.code})`}.`;
      }),
    );
    void this.#open();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#off.forEach((off) => off());
    this.#term?.dispose();
  }

  async #open(): Promise<void> {
    const r = await supportClientLink.ask('client:shell-open', { sessionId: this.sessionId, cols: COLS, rows: ROWS });
    if (!r.ok) {
      this.status = 'No shell.';
      this.problem = r.message;
      return;
    }
    this.#shellId = r.value.shellId;
    this.status = `Shell open on ${this.where}. Everything you type is logged.`;
    this.#term?.focus();
  }

  async #input(data: string): Promise<void> {
    if (!this.#shellId) return;
    const r = await supportClientLink.ask('client:shell-input', { sessionId: this.sessionId, shellId: this.#shellId, data });
    this.problem = r.ok ? '' : r.message;
  }
}
