/**
 * How the chat shows a message's text. Plain text (most messages) is a Lit text binding and costs
 * nothing more. Text with a link or markdown fetches the rich-text renderer, a lazy chunk of its own
 * with DOMPurify, the first time such a message appears; until it arrives, or if it never does, the
 * text shows as text.
 */
import { html, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import { needsRichText } from '../rich-text/needs-rich-text.js';

type Renderer = (text: string) => string;

// Shared by every panel on the page: the chunk is fetched once.
let renderer: Renderer | null = null;
let loading: Promise<Renderer | null> | null = null;

function loadRenderer(): Promise<Renderer | null> {
  loading ??= import('../rich-text/render-rich-text.js').then(
    (m) => (renderer = m.renderRichText),
    // Offline or blocked: the messages stay readable as text.
    () => null,
  );
  return loading;
}

/** Rendered HTML kept per text, so the log's frequent re-renders do not sanitize again. */
const CACHE_LIMIT = 300;

/** Renders message text for a Lit host, and updates the host once the rich-text renderer has loaded. */
export class MessageText {
  readonly #host: ReactiveControllerHost;
  readonly #cache = new Map<string, string>();
  #waiting = false;

  constructor(host: ReactiveControllerHost) {
    this.#host = host;
  }

  /** `<span class="text">` for plain text, `<div class="text rich">` for formatted text. */
  render(text: string): TemplateResult {
    const safe = needsRichText(text) ? this.#richHtml(text) : null;
    // unsafeHTML is safe here: `safe` is DOMPurify's output under the allow-list of
    // rich-text/sanitize.ts (a few formatting tags, http(s) links), never the raw message.
    return safe === null ? html`<span class="text">${text}</span>` : html`<div class="text rich">${unsafeHTML(safe)}</div>`;
  }

  #richHtml(text: string): string | null {
    if (!renderer) {
      this.#awaitRenderer();
      return null;
    }
    let safe = this.#cache.get(text);
    if (safe === undefined) {
      try {
        safe = renderer(text);
      } catch {
        return null;
      }
      if (this.#cache.size >= CACHE_LIMIT) this.#cache.delete(this.#cache.keys().next().value!);
      this.#cache.set(text, safe);
    }
    return safe;
  }

  #awaitRenderer(): void {
    if (this.#waiting) return;
    this.#waiting = true;
    void loadRenderer().then((loaded) => {
      if (loaded) this.#host.requestUpdate();
    });
  }
}
