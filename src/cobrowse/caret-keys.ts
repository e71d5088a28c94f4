/**
 * What arrow keys, Home, End, PageUp and PageDown do where they land (SPEC.md C-13), as the
 * browser's own defaults: move the caret in a text field or editable content, step the choice of a
 * single `<select>` (with `input` and `change`), and otherwise scroll the nearest scrollable box.
 */
import type { ControlKey } from '../protocol/cobrowse-control.js';
import { chooseOptions } from './choose-option.js';
import { isEditable, isTextField, type TextField } from './control-target.js';
import { caretIn, selectionOf } from './content-entry.js';

/** The keys handled here. */
const CARET_KEYS = ['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'Home', 'End', 'PageUp', 'PageDown'] as const;

/** The keys handled here. */
export type CaretKey = (typeof CARET_KEYS)[number];

/** Whether `key` is one of the caret keys. */
export const isCaretKey = (key: ControlKey): key is CaretKey => (CARET_KEYS as readonly string[]).includes(key);

const lineStart = (text: string, at: number) => text.lastIndexOf('\n', at - 1) + 1;
const lineEnd = (text: string, at: number) => (text.indexOf('\n', at) + 1 || text.length + 1) - 1;
/** One code point back or on from `at`, so a caret never lands inside a surrogate pair. */
const back = (text: string, at: number) => Math.max(0, at - (/[\udc00-\udfff]/.test(text[at - 1] ?? '') && at > 1 ? 2 : 1));
const on = (text: string, at: number) => Math.min(text.length, at + (/[\ud800-\udbff]/.test(text[at] ?? '') ? 2 : 1));

/** Where the caret of a field goes for `key`: lines count in a textarea; an input's single line runs to both ends. */
function caretFor(text: string, start: number, end: number, key: CaretKey): number {
  switch (key) {
    case 'ArrowLeft':
      return start === end ? back(text, start) : start;
    case 'ArrowRight':
      return start === end ? on(text, end) : end;
    case 'Home':
      return lineStart(text, start);
    case 'End':
      return lineEnd(text, end);
    case 'ArrowUp': {
      const from = lineStart(text, start);
      return from === 0 ? 0 : Math.min(lineStart(text, from - 1) + start - from, from - 1);
    }
    case 'ArrowDown': {
      const to = lineEnd(text, end);
      return to === text.length ? to : Math.min(to + 1 + end - lineStart(text, end), lineEnd(text, to + 1));
    }
    case 'PageUp':
      return 0;
    case 'PageDown':
      return text.length;
  }
}

function moveInField(field: TextField, key: CaretKey): void {
  // Types like email and number have no caret a script can read.
  if (field.selectionStart === null || field.selectionEnd === null) return;
  const at = caretFor(field.value, field.selectionStart, field.selectionEnd, key);
  field.setSelectionRange(at, at);
}

const MODIFY: Record<CaretKey, [string, string]> = {
  ArrowLeft: ['backward', 'character'],
  ArrowRight: ['forward', 'character'],
  ArrowUp: ['backward', 'line'],
  ArrowDown: ['forward', 'line'],
  Home: ['backward', 'lineboundary'],
  End: ['forward', 'lineboundary'],
  PageUp: ['backward', 'documentboundary'],
  PageDown: ['forward', 'documentboundary'],
};

/** The next enabled option of a single select in the key's direction, or -1. */
function stepOption(select: HTMLSelectElement, key: ControlKey): number {
  const enabled = Array.from(select.options, (o, i) => (o.matches(':disabled') ? -1 : i)).filter((i) => i >= 0);
  const at = select.selectedIndex;
  if (key === 'Home' || key === 'PageUp') return enabled[0] ?? -1;
  if (key === 'End' || key === 'PageDown') return enabled.at(-1) ?? -1;
  if (key === 'ArrowUp' || key === 'ArrowLeft') return enabled.filter((i) => i < at).at(-1) ?? -1;
  return enabled.find((i) => i > at) ?? -1;
}

/** The box a scroll of (dx, dy) moves: `el` or its nearest ancestor that can scroll that way, else null (the page). */
export function scrollBoxOf(el: Element, dx: number, dy: number): Element | null {
  for (let at: Element | null = el; at && at !== document.body && at !== document.documentElement; at = at.parentElement) {
    const style = getComputedStyle(at);
    const scrolls = (overflow: string) => overflow === 'auto' || overflow === 'scroll';
    if (
      (dy && scrolls(style.overflowY) && at.scrollHeight > at.clientHeight) ||
      (dx && scrolls(style.overflowX) && at.scrollWidth > at.clientWidth)
    )
      return at;
  }
  return null;
}

/** Scrolls by keyboard: 40 px an arrow, most of the box a page (or Space), to an end for Home and End. */
export function keyScroll(el: Element, key: ControlKey | 'Space'): void {
  const page = key === 'PageUp' || key === 'PageDown' || key === 'Space';
  const sign = key === 'ArrowUp' || key === 'ArrowLeft' || key === 'PageUp' || key === 'Home' ? -1 : 1;
  const dx = key === 'ArrowLeft' || key === 'ArrowRight' ? sign * 40 : 0;
  const box = scrollBoxOf(el, dx, dx ? 0 : 1);
  const height = box ? box.clientHeight : innerHeight;
  const dy = dx
    ? 0
    : sign * (page ? height * 0.875 : key === 'Home' || key === 'End' ? (box ?? document.documentElement).scrollHeight : 40);
  (box ?? window).scrollBy({ left: dx, top: dy, behavior: 'instant' });
}

/** The default of a caret key on `target` (the focused element, or what the command named). */
export function caretKey(target: Element, key: CaretKey): void {
  if (isTextField(target)) moveInField(target, key);
  else if (isEditable(target)) {
    caretIn(target);
    const [direction, granularity] = MODIFY[key];
    selectionOf(target)?.modify('move', direction, granularity);
  } else if (target instanceof HTMLSelectElement && !target.multiple && !target.disabled) {
    const next = stepOption(target, key);
    if (next >= 0) chooseOptions(target, [next]);
  } else if (!(target instanceof HTMLInputElement && target.type === 'radio')) keyScroll(target, key);
}
