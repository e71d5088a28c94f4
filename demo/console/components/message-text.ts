/**
 * How the console shows a message's text: plain text as a Lit text binding, text with links or
 * markdown through the widget's own rich-text renderer (the console has no size budget, so it is a
 * static import). Same rules, same allow-list, as the visitor sees.
 */
import { html, type TemplateResult } from 'lit';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import { needsRichText } from '../../../src/rich-text/needs-rich-text.js';
import { renderRichText } from '../../../src/rich-text/render-rich-text.js';

// Rendered HTML per text: the view re-renders on every console event, and sanitizing is not free.
const cache = new Map<string, string>();
const CACHE_LIMIT = 500;

function richHtml(text: string): string {
  let safe = cache.get(text);
  if (safe === undefined) {
    safe = renderRichText(text);
    if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value!);
    cache.set(text, safe);
  }
  return safe;
}

/** `<span class="text">` for plain text, `<div class="text rich">` for formatted text. */
export function renderMessageText(text: string): TemplateResult {
  if (!needsRichText(text)) return html`<span class="text">${text}</span>`;
  // unsafeHTML is safe here: richHtml returns DOMPurify's output under the allow-list of
  // src/rich-text/sanitize.ts (a few formatting tags, http(s) links), never the raw message.
  return html`<div class="text rich">${unsafeHTML(richHtml(text))}</div>`;
}
