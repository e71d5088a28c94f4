/**
 * Typing into editable content (`contenteditable`) as a person's keyboard would (SPEC.md C-13):
 * keys go to the focused editing host; each edit is a cancelable `beforeinput` (editors like
 * Lexical or ProseMirror take it over), then the browser's own editing command at the caret, which
 * changes the content and fires `input` with the same `inputType`, as it does for a keystroke.
 */
import { keyEvent } from './text-entry.js';

/** The editing commands of the input types the technician's keys stand for. */
const COMMAND: Record<string, string> = {
  insertText: 'insertText',
  insertParagraph: 'insertParagraph',
  deleteContentBackward: 'delete',
  deleteContentForward: 'forwardDelete',
};

/** The selection `el` is seen in: its shadow root's (Chromium) or the document's. */
export function selectionOf(el: Node): Selection | null {
  const root = el.getRootNode() as ShadowRoot & { getSelection?: () => Selection | null };
  return root instanceof ShadowRoot && root.getSelection ? root.getSelection() : getSelection();
}

/** The editing host of `el`: the outermost element of its editable content. */
function hostOf(el: HTMLElement): HTMLElement {
  let host = el;
  while (host.parentElement?.isContentEditable) host = host.parentElement;
  return host;
}

/**
 * Focuses the editing host of `el` and returns it, with a caret at the end of `el` (where a click
 * beside its text would put it), or, unless `toEnd`, where it already is inside `el`.
 */
export function caretIn(el: HTMLElement, toEnd = false): HTMLElement {
  const host = hostOf(el);
  if ((el.getRootNode() as Document | ShadowRoot).activeElement !== host) host.focus({ preventScroll: true });
  const sel = selectionOf(el);
  if (!toEnd && sel?.rangeCount && el.contains(sel.getRangeAt(0).commonAncestorContainer)) return host;
  const range = document.createRange();
  range.selectNodeContents(el);
  range.collapse(false);
  sel?.removeAllRanges();
  sel?.addRange(range);
  return host;
}

/** One edit at the caret, `beforeinput` first. */
function edit(host: HTMLElement, inputType: string, data: string | null): void {
  const init = { inputType, data, bubbles: true, composed: true, cancelable: true };
  if (host.dispatchEvent(new InputEvent('beforeinput', init))) document.execCommand(COMMAND[inputType], false, data ?? undefined);
}

/** Presses `key` on the host with its edit in between, unless the page cancels the keydown. */
function stroke(host: HTMLElement, key: string, inputType: string, data: string | null): void {
  if (keyEvent(host, 'keydown', key)) edit(host, inputType, data);
  keyEvent(host, 'keyup', key);
}

/** Types `text` one character (code point) at a time; a line break starts a new paragraph. */
export function typeContent(el: HTMLElement, text: string): void {
  const host = caretIn(el);
  for (const ch of text) {
    if (ch === '\n') stroke(host, 'Enter', 'insertParagraph', null);
    else stroke(host, ch, 'insertText', ch);
  }
}

/** The edit of Backspace, Delete, Enter or Space on editable content, after its keydown was not cancelled. */
export function editContent(host: HTMLElement, key: string): void {
  if (key === 'Space') edit(host, 'insertText', ' ');
  else if (key === 'Enter') edit(host, 'insertParagraph', null);
  else edit(host, key === 'Backspace' ? 'deleteContentBackward' : 'deleteContentForward', null);
}
