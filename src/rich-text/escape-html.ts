/**
 * HTML escaping for the rich-text renderer: every character people wrote reaches the HTML string
 * through here, so no markup they type is ever parsed as markup.
 */

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Escapes `&`, `<`, `>`, `"` and `'`, so the result is safe as element text and inside a quoted
 * attribute value.
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c]);
}
