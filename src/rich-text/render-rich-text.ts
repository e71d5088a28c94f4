/**
 * Message text to safe HTML: the one function the widget and the console call to show a message
 * with links and markdown. The widget loads this module (and DOMPurify with it) as a lazy chunk only
 * when a message needs it (see needs-rich-text.ts).
 */
import { markdownToHtml } from './markdown.js';
import { sanitizeHtml } from './sanitize.js';

/**
 * Renders message text (bare links, `**bold**`, `*italic*`/`_italic_`, `` `code` ``, fenced code,
 * bullet and numbered lists, line breaks) as HTML that has been through DOMPurify's allow-list.
 *
 * @example
 * renderRichText('See https://example.com'); // '<p>See <a href="https://example.com/" target="_blank" rel="noopener noreferrer nofollow">https://example.com</a></p>'
 */
export function renderRichText(text: string): string {
  return sanitizeHtml(markdownToHtml(text));
}
