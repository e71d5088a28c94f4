/**
 * `<cobrowse-view>`: the live view of the visitor's page (SPEC.md C-1..C-5, C-9), shown in the
 * session view once the visitor allows `view`. It watches the session's stream, replays it scaled to
 * fit, shows the visitor's address and viewport, and says clearly what is going on: waiting for the
 * first snapshot, live, idle, on another page, gone, or stopped by the visitor. With `control`
 * granted, Control mode sends the technician's clicks, typing, keys and wheel to the page, and a
 * click on a `<select>` opens a picker of its options (C-12). rrweb's Replayer is fetched with the
 * first live view (C-15), and the view says so while it loads.
 */
import { html, LitElement, nothing, type PropertyValues } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { styleMap } from 'lit/directives/style-map.js';
import { fail, type CobrowseStopReason, type PermissionView, type SessionSummary } from '../../../src/protocol/index.js';
import { actionOfKey } from '../cobrowse/control-keys.js';
import { ControlQueue } from '../cobrowse/control-queue.js';
import { LiveReplay } from '../cobrowse/live-replay.js';
import { loadReplayer, type ReplayerLoad } from '../cobrowse/replayer-loader.js';
import { replayedSelect, takesText, type ReplayedOption } from '../cobrowse/replayed-element.js';
import type { CobrowseWatch } from '../state/cobrowse-watch.js';
import { isOpen } from '../state/session-abilities.js';
import { cobrowseViewStyles } from './cobrowse-view.styles.js';
import './option-picker.js';
import type { PickEvent } from './option-picker.js';
import { sharedStyles } from './shared.styles.js';

/** What the view is showing. */
export type LiveState = 'off' | 'refused' | 'waiting' | 'live' | 'idle' | 'gone' | 'stopped' | 'closed';

/** No events for this long and the visitor counts as idle. */
export const IDLE_MS = 15_000;
/** How long "moved to another page" stays up after a new page's snapshot. */
const MOVED_MS = 6_000;

const LABEL: Record<LiveState, string> = {
  off: 'Not shared',
  refused: 'Unavailable',
  waiting: 'Waiting for the page…',
  live: 'Live',
  idle: 'Idle',
  gone: 'Visitor left the page',
  stopped: 'Visitor stopped sharing',
  closed: 'Session ended',
};

/** The latest `view` request of a session, if any. */
export function latestView(permissions: readonly PermissionView[]): PermissionView | undefined {
  return permissions.filter((p) => p.capability === 'view').at(-1);
}

/** Whether the latest `control` request of a session is granted. */
export function controlGranted(permissions: readonly PermissionView[]): boolean {
  return permissions.filter((p) => p.capability === 'control').at(-1)?.status === 'granted';
}

/** The live view panel. */
@customElement('cobrowse-view')
export class CobrowseView extends LitElement {
  static override styles = [sharedStyles, cobrowseViewStyles];

  @property({ attribute: false }) session: SessionSummary | null = null;
  @property({ attribute: false }) permissions: readonly PermissionView[] = [];
  @property({ attribute: false }) watch: CobrowseWatch | null = null;
  /** Fetches the replayer's chunk (C-15); a test passes its own. */
  @property({ attribute: false }) loadReplayer: ReplayerLoad = loadReplayer;

  @state() private live: LiveState = 'off';
  @state() private href = '';
  @state() private viewport = { width: 0, height: 0 };
  @state() private moved = false;
  @state() private scale = 1;
  @state() private message = '';
  /** Clicks in the view outline the element under them on the visitor's page (C-11). */
  @state() private highlighting = false;
  /** Clicks, keys and the wheel in the view act on the visitor's page (C-12). */
  @state() private controlling = false;
  /** Why the last control command was refused, if it was. */
  @state() private refusal = '';
  /** The `<select>` of the visitor's page whose options the technician is choosing, and where its picker goes. */
  @state() private picking: { nodeId: number; multiple: boolean; options: ReplayedOption[]; place: Record<string, string> } | null = null;
  /** The replayer's code (a lazy chunk, C-15): fetched with the first live view. */
  @state() private viewer: 'loading' | 'ready' | 'failed' = 'loading';

  @query('.stage') private stage!: HTMLElement | null;
  @query('.viewport') private viewportEl!: HTMLElement | null;

  #replay: LiveReplay | null = null;
  #watching = '';
  #lastActivity = 0;
  #lastPointer = 0;
  /** The element clicked last in control mode: typing goes there. */
  #target = 0;
  readonly #control = new ControlQueue(
    (nodeId, action) =>
      this.watch?.control(this.#replay?.recording ?? '', nodeId, action) ?? Promise.resolve(fail('forbidden', 'Not watching.')),
    (refusal) => (this.refusal = refusal ?? ''),
  );
  #idleTimer: ReturnType<typeof setInterval> | null = null;
  #movedTimer: ReturnType<typeof setTimeout> | null = null;
  readonly #resize = new ResizeObserver(() => this.#fit());

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#unwatch();
    this.#resize.disconnect();
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('session') || changed.has('permissions') || changed.has('watch')) this.#follow();
    if (this.controlling && (!controlGranted(this.permissions) || !this.#shown())) this.#setControl(false);
    if (this.stage) this.#resize.observe(this.stage);
  }

  /** Watches while the session is open and `view` is granted; says why not otherwise. */
  #follow(): void {
    const s = this.session;
    const view = latestView(this.permissions);
    const wanted = s && isOpen(s) && view?.status === 'granted' ? s.id : '';
    if (wanted === this.#watching) return;
    const had = this.#watching !== '';
    this.#unwatch();
    if (!wanted) {
      if (s && !isOpen(s)) this.live = had ? 'closed' : 'off';
      else this.live = had && view?.status === 'revoked' ? 'stopped' : 'off';
      return;
    }
    this.#watching = wanted;
    this.live = 'waiting';
    this.href = '';
    this.viewport = { width: 0, height: 0 };
    this.message = '';
    void this.updateComplete.then(() => this.#startReplay(wanted));
  }

  #startReplay(sessionId: string): void {
    if (this.#watching !== sessionId || !this.viewportEl || !this.watch) return;
    this.#replay = new LiveReplay(
      this.viewportEl,
      {
        snapshot: ({ href, width, height }) => {
          if (this.href && href !== this.href) this.#showMoved();
          this.href = href;
          if (width && height) this.viewport = { width, height };
          this.live = 'live';
          this.#fit();
        },
        resized: (width, height) => {
          this.viewport = { width, height };
          this.#fit();
        },
        activity: () => {
          this.#lastActivity = Date.now();
          if (this.live === 'idle') this.live = 'live';
        },
        viewer: (state) => (this.viewer = state),
      },
      this.loadReplayer,
    );
    this.watch.start(sessionId, {
      frame: (f) => this.#replay?.push(f),
      stopped: ({ reason }) => this.#stopped(reason),
      watching: (r) => {
        if (!r.ok) {
          this.live = 'refused';
          this.message = r.message;
        } else if (!r.value.visitorOnline && this.live === 'waiting') this.live = 'gone';
      },
    });
    this.#idleTimer = setInterval(() => {
      if (this.live === 'live' && Date.now() - this.#lastActivity > IDLE_MS) this.live = 'idle';
    }, 1000);
  }

  /** A fresh snapshot; after the replayer's code failed to load, a new start that fetches it again. */
  #refresh = () => {
    if (this.viewer !== 'failed') return this.watch?.refresh();
    const id = this.#watching;
    this.#unwatch();
    this.#watching = id;
    this.live = 'waiting';
    void this.updateComplete.then(() => this.#startReplay(id));
  };

  #stopped(reason: CobrowseStopReason): void {
    // `left`: the watch stays; the visitor's next page sends a new snapshot (C-5).
    if (reason === 'left') this.live = 'gone';
    else this.live = reason === 'closed' ? 'closed' : 'stopped';
  }

  #showMoved(): void {
    this.moved = true;
    if (this.#movedTimer) clearTimeout(this.#movedTimer);
    this.#movedTimer = setTimeout(() => (this.moved = false), MOVED_MS);
  }

  #unwatch(): void {
    if (this.#watching) this.watch?.stop(this.#watching);
    this.#watching = '';
    this.#target = 0;
    this.picking = null;
    this.#replay?.close();
    this.#replay = null;
    if (this.#idleTimer) clearInterval(this.#idleTimer);
    this.#idleTimer = null;
  }

  #fit(): void {
    const stage = this.stage;
    const { width, height } = this.viewport;
    if (!stage || !width || !height) return;
    this.scale = Math.min(stage.clientWidth / width, stage.clientHeight / height, 1);
  }

  protected override render() {
    if (!this.session || this.live === 'off') return nothing;
    const { width, height } = this.viewport;
    const shown = this.#shown();
    const notice = this.#notice();
    return html`<div class="bar">
        <h3>Live view</h3>
        <span class="state ${this.live}" role="status"><span class="dot" aria-hidden="true"></span>${this.#label()}</span>
        ${this.moved ? html`<span class="state">Moved to another page</span>` : nothing}
        <span class="url" title=${this.href}>${this.href}</span>
        ${width && height ? html`<span class="size">${width} × ${height}</span>` : nothing}
        <button
          type="button"
          class="secondary highlight"
          aria-pressed=${this.highlighting ? 'true' : 'false'}
          ?disabled=${!shown}
          @click=${() => {
            this.highlighting = !this.highlighting;
            if (this.highlighting) this.#setControl(false);
          }}
        >
          Highlight
        </button>
        ${
          controlGranted(this.permissions)
            ? html`<button
                type="button"
                class="secondary control"
                aria-pressed=${this.controlling ? 'true' : 'false'}
                ?disabled=${!shown}
                @click=${() => this.#setControl(!this.controlling)}
              >
                Control
              </button>`
            : nothing
        }
        <button type="button" class="secondary" ?disabled=${!this.#watching} @click=${this.#refresh}>Refresh</button>
      </div>
      ${
        this.controlling
          ? html`<p class="control-note ${this.refusal ? 'refused' : ''}" role="status">
              ${this.refusal || 'Control: click an element of the page, then type or use the keys; a list offers its options; the wheel scrolls.'}
            </p>`
          : nothing
      }
      <div
        class="stage ${this.highlighting ? 'highlighting' : ''} ${this.controlling ? 'controlling' : ''}"
        tabindex=${this.controlling ? '0' : '-1'}
        aria-label=${this.controlling ? 'Visitor page under your control' : nothing}
        @pointermove=${this.#onPointer}
        @click=${this.#onClick}
        @keydown=${this.#onKey}
        @wheel=${this.#onWheel}
      >
        <div
          class="viewport"
          style=${styleMap({
            transform: `scale(${this.scale})`,
            left: `${Math.max(0, ((this.stage?.clientWidth ?? 0) - width * this.scale) / 2)}px`,
            visibility: shown || this.live === 'gone' ? 'visible' : 'hidden',
          })}
        ></div>
        <div class="notice" ?hidden=${notice === ''}><p>${notice}</p></div>
        ${
          this.picking
            ? html`<option-picker
                style=${styleMap(this.picking.place)}
                .options=${this.picking.options}
                ?multiple=${this.picking.multiple}
                @pick=${this.#onPick}
                @cancel=${this.#closePicker}
              ></option-picker>`
            : nothing
        }
      </div>`;
  }

  /** Where the technician's pointer is on the visitor's page, or null outside the replayed page. */
  #pagePoint(e: MouseEvent): { x: number; y: number } | null {
    const box = this.viewportEl?.getBoundingClientRect();
    if (!box || !this.scale || (this.live !== 'live' && this.live !== 'idle')) return null;
    const x = (e.clientX - box.left) / this.scale;
    const y = (e.clientY - box.top) / this.scale;
    return x >= 0 && y >= 0 && x <= this.viewport.width && y <= this.viewport.height ? { x, y } : null;
  }

  #onPointer = (e: PointerEvent) => {
    const now = Date.now();
    // At most 20 moves a second: enough to follow, little for the visitor's connection.
    if (now - this.#lastPointer < 50) return;
    const at = this.#pagePoint(e);
    if (!at) return;
    this.#lastPointer = now;
    this.watch?.pointer(Math.round(at.x), Math.round(at.y));
  };

  #onClick = (e: MouseEvent) => {
    if (this.picking) {
      // A click beside the open picker closes it, and does nothing else.
      if (!e.composedPath().some((t) => t instanceof HTMLElement && t.localName === 'option-picker')) this.#closePicker();
      return;
    }
    const at = this.highlighting || this.controlling ? this.#pagePoint(e) : null;
    const id = at ? this.#replay?.nodeIdAt(at.x, at.y) : null;
    if (!id) return;
    if (this.highlighting) return this.watch?.highlight(id);
    const select = replayedSelect(this.#replay?.node(id) ?? null);
    const selectId = select && this.#replay?.idOf(select.select);
    this.#target = selectId ?? id;
    this.#control.push(this.#target, { type: 'click' });
    this.stage?.focus({ preventScroll: true });
    if (select && selectId) this.#openPicker(selectId, select.multiple, select.options, select.select.getBoundingClientRect());
  };

  /** Opens the picker under the select's box as the replay shows it, or above it when there is more room there. */
  #openPicker(nodeId: number, multiple: boolean, options: ReplayedOption[], box: DOMRect): void {
    const stage = this.stage;
    if (!stage) return;
    const offset = Math.max(0, (stage.clientWidth - this.viewport.width * this.scale) / 2);
    const left = `${Math.max(8, Math.min(offset + box.left * this.scale, stage.clientWidth - 330))}px`;
    const above = box.top * this.scale;
    const below = stage.clientHeight - box.bottom * this.scale;
    const place: Record<string, string> =
      below >= 240 || below >= above
        ? { left, top: `${box.bottom * this.scale + 4}px` }
        : { left, bottom: `${below + box.height * this.scale + 4}px` };
    this.picking = { nodeId, multiple, options, place };
  }

  #onPick = (e: PickEvent) => {
    if (this.picking) this.#control.push(this.picking.nodeId, { type: 'select', options: e.detail.indexes });
    this.#closePicker();
  };

  #closePicker = () => {
    this.picking = null;
    this.stage?.focus({ preventScroll: true });
  };

  #onKey = (e: KeyboardEvent) => {
    const typing = takesText(this.#replay?.node(this.#target) ?? null);
    const action = this.controlling && this.#target && !this.picking ? actionOfKey(e, typing) : null;
    if (!action) return;
    // Tab and Enter act on the visitor's page, not on the console.
    e.preventDefault();
    this.#control.push(this.#target, action);
  };

  #onWheel = (e: WheelEvent) => {
    // The open picker's list scrolls itself.
    const at = this.controlling && !this.picking ? this.#pagePoint(e) : null;
    const id = at ? this.#replay?.nodeIdAt(at.x, at.y) : null;
    if (!id) return;
    e.preventDefault();
    // Lines and pages (deltaMode 1, 2) as pixels, roughly as a browser scrolls them.
    const unit = e.deltaMode === 1 ? 40 : e.deltaMode === 2 ? this.viewport.height : 1;
    this.#control.push(id, { type: 'scroll', dx: Math.round(e.deltaX * unit), dy: Math.round(e.deltaY * unit) });
  };

  #setControl(on: boolean): void {
    this.controlling = on;
    this.refusal = '';
    if (on) this.highlighting = false;
    else {
      this.#target = 0;
      this.picking = null;
      this.#control.clear();
    }
  }

  #label(): string {
    if (this.live !== 'waiting' || this.viewer === 'ready') return LABEL[this.live];
    return this.viewer === 'loading' ? 'Loading the viewer…' : LABEL.refused;
  }

  #shown(): boolean {
    return this.live === 'live' || this.live === 'idle';
  }

  #notice(): string {
    switch (this.live) {
      case 'waiting':
        if (this.viewer === 'loading') return 'Loading the live viewer…';
        if (this.viewer === 'failed') return 'The live viewer could not be loaded. Check the connection, then Refresh.';
        return 'Waiting for the visitor’s page to arrive…';
      case 'gone':
        return 'The visitor left this page. The view comes back when they open the site again.';
      case 'stopped':
        return 'The visitor stopped sharing their screen.';
      case 'closed':
        return 'The session ended; nothing is shared any more.';
      case 'refused':
        return this.message || 'The live view is not available.';
      case 'off':
      case 'live':
      case 'idle':
        return '';
    }
  }
}
