/**
 * The last word on what rich text may contain: DOMPurify with a tight allow-list, run on every HTML
 * string the renderer makes before anything shows it. The renderer already escapes all text, so this
 * is the second lock, not the only one: a bug in the markdown code must still not make a script.
 */
import DOMPurify, { type Config } from 'dompurify';

/** The only elements rich text may contain. */
export const ALLOWED_TAGS = ['a', 'strong', 'em', 'code', 'pre', 'ul', 'ol', 'li', 'br', 'p'] as const;

/** What every link gets: a new tab, no `window.opener`, no referrer, no endorsement. */
export const LINK_TARGET = '_blank';
export const LINK_REL = 'noopener noreferrer nofollow';

const CONFIG: Config = {
  ALLOWED_TAGS: [...ALLOWED_TAGS],
  // target and rel are set by the hook below, never taken from the input.
  ALLOWED_ATTR: ['href'],
  ALLOWED_URI_REGEXP: /^https?:\/\//i,
  ALLOW_DATA_ATTR: false,
  ALLOW_ARIA_ATTR: false,
  ALLOW_UNKNOWN_PROTOCOLS: false,
};

/** Whether `href` is an absolute http(s) address with a host (no `//host`, `/path` or empty href). */
function isHttpHref(href: string): boolean {
  try {
    const url = new URL(href);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '' && /^https?:\/\/[^/\\]/i.test(href);
  } catch {
    return false;
  }
}

// An instance of our own, so our hooks never touch a DOMPurify the host page may also use.
const purify = DOMPurify(window);

purify.addHook('uponSanitizeAttribute', (node, data) => {
  // href is the one attribute allowed, and only on links.
  if (node.nodeName !== 'A') data.keepAttr = false;
});

purify.addHook('afterSanitizeAttributes', (node) => {
  if (node.nodeName !== 'A') return;
  const href = node.getAttribute('href');
  // DOMPurify keeps an empty href; a link to the page itself is not one people wrote.
  if (href !== null && !isHttpHref(href)) node.removeAttribute('href');
  node.setAttribute('target', LINK_TARGET);
  node.setAttribute('rel', LINK_REL);
});

/**
 * Sanitizes an HTML string down to {@link ALLOWED_TAGS}, http(s) `href` on links (with target and
 * rel forced), and no other attribute. Safe to hand to `innerHTML` or Lit's `unsafeHTML`.
 */
export function sanitizeHtml(html: string): string {
  return purify.sanitize(html, CONFIG);
}
