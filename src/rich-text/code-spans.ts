/**
 * Inline code: a run of backticks up to the next run of exactly as many (CommonMark's rule), so
 * ``a `tick` inside`` works. Content is taken literally: no links, emphasis or escapes inside.
 */

/** A code span found in text. */
export interface CodeSpan {
  /** Index just past the closing backticks. */
  end: number;
  /** The code, with one wrapping space on each side removed and line breaks as spaces. */
  code: string;
}

/**
 * Finds code spans in one text, remembering which run lengths have no closer left so that a message
 * full of unmatched backticks stays linear.
 */
export class CodeSpanFinder {
  readonly #text: string;
  /** Run length -> index from which no run of that length exists. */
  readonly #noCloserFrom = new Map<number, number>();

  constructor(text: string) {
    this.#text = text;
  }

  /** Length of the backtick run starting at `at`. */
  runLength(at: number): number {
    let end = at;
    while (this.#text[end] === '`') end++;
    return end - at;
  }

  /** The code span whose opening run of `length` backticks starts at `at`, or null if it is not closed. */
  spanAt(at: number, length: number): CodeSpan | null {
    const text = this.#text;
    const from = at + length;
    const hopeless = this.#noCloserFrom.get(length);
    if (hopeless !== undefined && hopeless <= from) return null;
    let i = text.indexOf('`', from);
    while (i !== -1) {
      const run = this.runLength(i);
      if (run === length) return { end: i + run, code: stripPadding(text.slice(from, i).replace(/\n/g, ' ')) };
      i = text.indexOf('`', i + run);
    }
    this.#noCloserFrom.set(length, from);
    return null;
  }
}

/** `` ` a ` `` is "a": one space on each side pads code that starts or ends with a backtick. */
function stripPadding(code: string): string {
  return code.length > 2 && code.startsWith(' ') && code.endsWith(' ') && code.trim() !== '' ? code.slice(1, -1) : code;
}
