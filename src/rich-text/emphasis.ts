/**
 * Emphasis with `*` and `_`: delimiter runs and how they pair, after CommonMark's algorithm
 * (https://spec.commonmark.org/0.31.2/#emphasis-and-strong-emphasis) without its rarer corners.
 * Pairing always nests (delimiters between a matched pair are dropped), so the tags it produces are
 * balanced whatever people type; `snake_case_names` stay words.
 */

/** A run of `*` or `_` in text, and the tags it becomes once paired. */
export interface DelimiterRun {
  char: '*' | '_';
  /** Length of the run as written. */
  length: number;
  /** Characters not used by a pair: printed as they are. */
  remaining: number;
  canOpen: boolean;
  canClose: boolean;
  /** Opening tags, outermost first, printed after the remaining characters. */
  open: string;
  /** Closing tags, innermost first, printed before the remaining characters. */
  close: string;
}

const SPACE = /\s/u;
const PUNCTUATION = /[\p{P}\p{S}]/u;

/** Reads the delimiter run of `*` or `_` starting at `at`; start and end of text count as spaces. */
export function readDelimiterRun(text: string, at: number): DelimiterRun {
  const char = text[at] as '*' | '_';
  let end = at;
  while (text[end] === char) end++;
  const before = text[at - 1] ?? ' ';
  const after = text[end] ?? ' ';
  const spaceBefore = SPACE.test(before);
  const spaceAfter = SPACE.test(after);
  const punctBefore = PUNCTUATION.test(before);
  const punctAfter = PUNCTUATION.test(after);
  const left = !spaceAfter && (!punctAfter || spaceBefore || punctBefore);
  const right = !spaceBefore && (!punctBefore || spaceAfter || punctAfter);
  // `_` inside a word neither opens nor closes, so file_name_here stays as typed.
  const canOpen = char === '*' ? left : left && (!right || punctBefore);
  const canClose = char === '*' ? right : right && (!left || punctAfter);
  const length = end - at;
  return { char, length, remaining: length, canOpen, canClose, open: '', close: '' };
}

interface Linked {
  run: DelimiterRun;
  index: number;
  prev: Linked | null;
  next: Linked | null;
}

/** CommonMark's "rule of 3": `*foo**bar*` is one em, not an em and a stray strong. */
function breaksRuleOfThree(opener: DelimiterRun, closer: DelimiterRun): boolean {
  const either = opener.canClose || closer.canOpen;
  return either && (opener.length + closer.length) % 3 === 0 && !(opener.length % 3 === 0 && closer.length % 3 === 0);
}

/**
 * Pairs the runs of one inline text (in text order), filling in their `open`, `close` and `remaining`.
 * Each closer looks back for the nearest opener of its character; a failed search is remembered so
 * that thousands of lone asterisks cost linear time.
 */
export function pairDelimiters(runs: readonly DelimiterRun[]): void {
  let last: Linked | null = null;
  const nodes = runs.map((run, index) => {
    const node: Linked = { run, index, prev: last, next: null };
    if (last) last.next = node;
    last = node;
    return node;
  });
  const unlink = (n: Linked) => {
    if (n.prev) n.prev.next = n.next;
    if (n.next) n.next.prev = n.prev;
  };
  // Per (character, closer can open, closer length mod 3): openers at or below this index are useless.
  const bottom = new Map<string, number>();
  for (const closerNode of nodes) {
    const closer = closerNode.run;
    if (!closer.canClose) continue;
    while (closer.remaining > 0) {
      const key = `${closer.char}${closer.canOpen ? 1 : 0}${closer.length % 3}`;
      const floor = bottom.get(key) ?? -1;
      let o = closerNode.prev;
      while (o && o.index > floor && !(o.run.char === closer.char && o.run.canOpen && !breaksRuleOfThree(o.run, closer))) o = o.prev;
      if (!o || o.index <= floor) {
        bottom.set(key, closerNode.index - 1);
        break;
      }
      const opener = o.run;
      const tag = opener.remaining >= 2 && closer.remaining >= 2 ? 'strong' : 'em';
      const used = tag === 'strong' ? 2 : 1;
      opener.remaining -= used;
      closer.remaining -= used;
      opener.open = `<${tag}>${opener.open}`;
      closer.close = `${closer.close}</${tag}>`;
      // Runs between the pair can no longer pair with anything outside it: they print as text.
      o.next = closerNode;
      closerNode.prev = o;
      if (opener.remaining === 0) unlink(o);
    }
    if (closer.remaining === 0 || !closer.canOpen) unlink(closerNode);
  }
}

/**
 * The HTML of a paired run. A closer uses the run's first characters and an opener its last ones, so
 * unused characters print between the closing and the opening tags.
 */
export function delimiterHtml(run: DelimiterRun): string {
  return run.close + run.char.repeat(run.remaining) + run.open;
}
