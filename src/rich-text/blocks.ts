/**
 * The block structure of a message: paragraphs, bullet and numbered lists, fenced code. Line-based
 * and forgiving, as chat is written: a list may follow a sentence without a blank line, and a list
 * item continues on lines indented by two spaces or more. Lists do not nest.
 */

/** One block of a message; `lines` and `items` hold raw text for the inline renderer. */
export type Block =
  { kind: 'paragraph'; lines: string[] } | { kind: 'list'; ordered: boolean; items: string[][] } | { kind: 'code'; lines: string[] };

const FENCE = /^ {0,3}(`{3,})[^`]*$/;
const BULLET = /^[ \t]*[-*+][ \t]+(.*)$/;
const NUMBERED = /^[ \t]*(\d{1,9})[.)][ \t]+(.*)$/;
const CONTINUATION = /^(?: {2,}|\t)\S/;
const BLANK = /^\s*$/;

interface Item {
  ordered: boolean;
  number: number;
  content: string;
}

function readItem(line: string): Item | null {
  const bullet = BULLET.exec(line);
  if (bullet) return { ordered: false, number: 0, content: bullet[1] };
  const numbered = NUMBERED.exec(line);
  return numbered ? { ordered: true, number: Number(numbered[1]), content: numbered[2] } : null;
}

/**
 * A line that starts a list. A numbered one must start at 1: the allow-list has no `start`
 * attribute, and "3. is my answer" must not print as "1.".
 */
function startsList(line: string): Item | null {
  const item = readItem(line);
  return item && (!item.ordered || item.number === 1) ? item : null;
}

/** Splits message text into blocks. Never fails: any text is at worst one paragraph. */
export function parseBlocks(text: string): Block[] {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const blocks: Block[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i];
    const fence = FENCE.exec(line);
    const first = fence ? null : startsList(line);
    if (BLANK.test(line)) i++;
    else if (fence) i = readCode(lines, i, fence[1].length, blocks);
    else if (first) i = readList(lines, i, first.ordered, blocks);
    else i = readParagraph(lines, i, blocks);
  }
  return blocks;
}

/** A fenced block runs to a fence at least as long as its opener, or to the end of the message. */
function readCode(lines: string[], start: number, fenceLength: number, blocks: Block[]): number {
  const close = new RegExp(`^ {0,3}\`{${fenceLength},}\\s*$`);
  let end = start + 1;
  while (end < lines.length && !close.test(lines[end])) end++;
  blocks.push({ kind: 'code', lines: lines.slice(start + 1, end) });
  return end + 1;
}

function readList(lines: string[], start: number, ordered: boolean, blocks: Block[]): number {
  const items: string[][] = [];
  let i = start;
  while (i < lines.length) {
    const item = readItem(lines[i]);
    if (item && item.ordered === ordered) {
      items.push([item.content]);
      i++;
    } else if (!item && items.length > 0 && CONTINUATION.test(lines[i])) {
      items[items.length - 1].push(lines[i].trim());
      i++;
    } else if (BLANK.test(lines[i])) {
      // Blank lines between two items of the same list do not end it.
      const next = nextNonBlank(lines, i);
      const item = next < lines.length ? readItem(lines[next]) : null;
      if (item?.ordered !== ordered) break;
      i = next;
    } else break;
  }
  blocks.push({ kind: 'list', ordered, items });
  return i;
}

function nextNonBlank(lines: string[], from: number): number {
  let i = from;
  while (i < lines.length && BLANK.test(lines[i])) i++;
  return i;
}

/** A paragraph runs to a blank line, a fence or the start of a list. */
function readParagraph(lines: string[], start: number, blocks: Block[]): number {
  let end = start + 1;
  while (end < lines.length && !BLANK.test(lines[end]) && !FENCE.test(lines[end]) && !startsList(lines[end])) end++;
  blocks.push({ kind: 'paragraph', lines: lines.slice(start, end) });
  return end;
}
