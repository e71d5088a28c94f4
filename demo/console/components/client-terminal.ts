/**
 * `<client-terminal>`: the command shell on the visitor's computer (E-7), in xterm.js. Opening the
 * element opens a shell through the server; keystrokes go out as `client:shell-input`, output comes
 * back as `client:shell-output`. The server checks the visitor's grant on every event. Loaded lazily
 * by the support-client panel, so the console does not carry xterm until a shell is opened. The shell
 * outlives a short drop of either connection (E-15): when the console's socket or the client comes
 * back, the terminal asks for the output after the last chunk it wrote, and writes each chunk once.
 */
import { Terminal } from '@xterm/xterm';
import xtermCss from '@xterm/xterm/css/xterm.css?inline';
import { css, html, LitElement, unsafeCSS } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import type { SupportClientView } from '../../../src/protocol/index.js';
import { acceptOutput } from '../state/shell-sequence.js';
import { supportClientLink } from '../state/support-client-link.js';
import { installCspStyleShim } from './csp-style-shim.js';
import { sharedStyles } from './shared.styles.js';

const COLS = 100;
const ROWS = 16;
/** Chunks kept for a shell whose id is not known yet. */
const EARLY_CHUNKS = 64;

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
  #lastSeq = 0;
  /** Output heard while the shell's id was not known yet (its first prompt may come before the answer to the open). */
  #early: { shellId: string; seq: number; data: string }[] = [];
  #ended = false;
  /** When the client we last saw connected, to notice it rejoined. */
  #clientSince = 0;
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
        if (p.sessionId !== this.sessionId) return;
        if (!this.#shellId && this.#early.length < EARLY_CHUNKS) this.#early.push(p);
        if (p.shellId === this.#shellId) this.#write(p.seq, p.data);
      }),
      supportClientLink.on('client:shell-exited', (p) => {
        if (p.sessionId !== this.sessionId || p.shellId !== this.#shellId) return;
        this.#ended = true;
        this.status = `The shell ended${p.code === null ? '' : ` (exit code ${p.code})`}.`;
      }),
      supportClientLink.on('client:updated', (c) => this.#clientChanged(c)),
      supportClientLink.onConnect(() => void this.#attach()),
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
    for (const p of this.#early) if (p.shellId === this.#shellId) this.#write(p.seq, p.data);
    this.#early = [];
    this.status = `Shell open on ${this.where}. Everything you type is logged.`;
    this.#term?.focus();
  }

  /** Writes chunk `seq` once, in order (E-15). */
  #write(seq: number, data: string): void {
    const accepted = acceptOutput(this.#lastSeq, seq, data);
    this.#lastSeq = accepted.lastSeq;
    if (accepted.text !== null) this.#term?.write(accepted.text);
  }

  /** E-15: the client lost its connection, or came back (a newer connection): then catch up. */
  #clientChanged(c: SupportClientView): void {
    if (c.sessionId !== this.sessionId || !this.#shellId || this.#ended) return;
    if (c.endedAt !== null) {
      if (c.reconnecting) this.status = 'The support client lost its connection: the shell is kept for a minute while it comes back.';
      return;
    }
    if (c.connectedAt === this.#clientSince) return;
    this.#clientSince = c.connectedAt;
    void this.#attach();
  }

  /** Asks the client for the output after the last chunk written; says if the shell is gone. */
  async #attach(): Promise<void> {
    if (!this.#shellId || this.#ended) return;
    const r = await supportClientLink.ask('client:shell-attach', {
      sessionId: this.sessionId,
      shellId: this.#shellId,
      afterSeq: this.#lastSeq,
    });
    if (!r.ok) return; // The client is not back yet; its return (client:updated) asks again.
    if (r.value.alive) {
      this.status = `Shell open on ${this.where}. Everything you type is logged.`;
      this.problem = '';
    } else {
      this.#ended = true;
      this.status = `The shell ended on ${this.where}.`;
    }
  }

  async #input(data: string): Promise<void> {
    if (!this.#shellId) return;
    const r = await supportClientLink.ask('client:shell-input', { sessionId: this.sessionId, shellId: this.#shellId, data });
    this.problem = r.ok ? '' : r.message;
  }
}
