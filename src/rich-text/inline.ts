/**
 * Inline markdown of one block (a paragraph or a list item): code spans, bare links, `*`/`_`
 * emphasis, backslash escapes of those three marks, and line breaks. Everything else is text, escaped.
 * Code spans and links are read first and kept whole, so a URL's underscores never become italics.
 */
import { findLinkAt } from './autolink.js';
import { CodeSpanFinder } from './code-spans.js';
import { delimiterHtml, pairDelimiters, readDelimiterRun, type DelimiterRun } from './emphasis.js';
import { escapeHtml } from './escape-html.js';

// Where something other than text may start: a mark, an escape, a line break or a link.
const SPECIAL = /[`*_\\\n]|https?:\/\/|www\./giu;

/** Renders inline markdown to HTML whose every tag is one of a, strong, em, code, br. */
export function renderInline(text: string): string {
  // Finished HTML pieces; each delimiter run holds a slot that is filled once runs are paired.
  const out: (string | DelimiterRun)[] = [];
  const runs: DelimiterRun[] = [];
  const code = new CodeSpanFinder(text);
  let textStart = 0;
  const flushText = (until: number) => {
    if (until > textStart) out.push(escapeHtml(text.slice(textStart, until)));
  };
  SPECIAL.lastIndex = 0;
  for (let m = SPECIAL.exec(text); m; m = SPECIAL.exec(text)) {
    const at = m.index;
    let next = at + m[0].length;
    const c = text[at];
    if (c === '`') {
      const length = code.runLength(at);
      const span = code.spanAt(at, length);
      flushText(at);
      if (span) out.push(`<code>${escapeHtml(span.code)}</code>`);
      else out.push('`'.repeat(length));
      next = span ? span.end : at + length;
    } else if (c === '*' || c === '_') {
      const run = readDelimiterRun(text, at);
      flushText(at);
      out.push(run);
      runs.push(run);
      next = at + run.length;
    } else if (c === '\\') {
      // Only the marks need escaping; any other backslash (C:\Users, \\server) is text.
      if (!/[`*_]/.test(text[at + 1] ?? '')) continue;
      flushText(at);
      out.push(escapeHtml(text[at + 1]));
      next = at + 2;
    } else if (c === '\n') {
      flushText(at);
      out.push('<br>');
    } else {
      const link = findLinkAt(text, at);
      if (!link) continue;
      flushText(at);
      out.push(`<a href="${escapeHtml(link.href)}">${escapeHtml(text.slice(at, link.end))}</a>`);
      next = link.end;
    }
    textStart = next;
    SPECIAL.lastIndex = next;
  }
  flushText(text.length);
  pairDelimiters(runs);
  return out.map((piece) => (typeof piece === 'string' ? piece : delimiterHtml(piece))).join('');
}
