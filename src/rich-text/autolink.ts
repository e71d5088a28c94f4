/**
 * Bare URLs in message text: `http://…`, `https://…` and `www.…` (taken as https). Only these become
 * links: a support chat has no use for labelled links (`[text](url)`), which would let a message show
 * one address and open another.
 */

/** A link found in text: where its visible text ends and the address it opens. */
export interface FoundLink {
  /** Index just past the link's last character. */
  end: number;
  /** The absolute http(s) address, normalized by the URL parser. */
  href: string;
}

// A scheme or `www.` then anything up to whitespace or `<` (as GitHub's autolinks), tried at one index.
const CANDIDATE = /(?:https?:\/\/|www\.)[^\s<]*/iy;
// Punctuation that ends a sentence rather than an address: "see https://example.com."
const TRAILING = /[?!.,:;*_~'"]$/;
// Closing brackets stay only while they balance an opening one: "(https://en.wikipedia.org/wiki/Ajax_(x))".
const CLOSER_OF = new Map([
  ['(', ')'],
  ['[', ']'],
  ['{', '}'],
]);

/** Whether `c` is a letter or digit, so that a link cannot start in the middle of a word. */
function isWordChar(c: string | undefined): boolean {
  return c !== undefined && /[\p{L}\p{N}]/u.test(c);
}

/** Drops trailing punctuation and unbalanced closing brackets from a candidate link, in linear time. */
function trimEnd(raw: string): string {
  // Per closing bracket: how many more closing than opening ones the candidate holds.
  const excess = new Map([...CLOSER_OF.values()].map((c) => [c, 0]));
  for (const c of raw) {
    const closer = CLOSER_OF.get(c);
    if (closer) excess.set(closer, excess.get(closer)! - 1);
    else if (excess.has(c)) excess.set(c, excess.get(c)! + 1);
  }
  let end = raw.length;
  for (; end > 0; end--) {
    const last = raw[end - 1];
    const extra = excess.get(last);
    if (extra !== undefined && extra > 0) excess.set(last, extra - 1);
    else if (!TRAILING.test(last)) break;
  }
  return raw.slice(0, end);
}

/**
 * The absolute http(s) address `raw` stands for, or null when it is not one: parsed by the URL
 * parser, which rejects what a browser would not open and normalizes the rest.
 */
export function toHttpUrl(raw: string): string | null {
  const absolute = /^www\./i.test(raw) ? `https://${raw}` : raw;
  if (!/^https?:\/\/[^/\\]/i.test(absolute)) return null;
  if (/^www\./i.test(raw) && !/^www\.[\p{L}\p{N}-]/iu.test(raw)) return null;
  try {
    const url = new URL(absolute);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname ? url.href : null;
  } catch {
    return null;
  }
}

/**
 * The link that starts exactly at `at` in `text`, or null.
 *
 * @example
 * findLinkAt('see www.example.com.', 4); // { end: 19, href: 'https://www.example.com/' }
 */
export function findLinkAt(text: string, at: number): FoundLink | null {
  if (isWordChar(text[at - 1])) return null;
  CANDIDATE.lastIndex = at;
  const match = CANDIDATE.exec(text);
  if (!match) return null;
  const raw = trimEnd(match[0]);
  const href = toHttpUrl(raw);
  return href ? { end: at + raw.length, href } : null;
}
