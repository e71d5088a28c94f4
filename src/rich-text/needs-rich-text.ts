/**
 * The fast path's test: whether a message might hold a link or markdown. It runs on every message the
 * chat shows, so it is one regular expression and imports nothing; only when it says yes does the
 * widget fetch the renderer (and DOMPurify). A false "yes" costs a fetch, never correctness: the
 * renderer turns text without markup into the same text.
 */

// Emphasis and code marks (fences and backslash escapes included), a URL scheme or `www.` anywhere;
// a list marker at the start of a line.
const MARKUP = /[*_`]|https?:\/\/|www\.|^[ \t]*(?:[-+]|\d{1,9}[.)])[ \t]/im;

/**
 * Whether `text` may need the rich-text renderer; false means plain text renders it exactly.
 *
 * @example
 * needsRichText('Thanks!'); // false
 * needsRichText('see https://example.com'); // true
 */
export function needsRichText(text: string): boolean {
  return MARKUP.test(text);
}
