/**
 * Typing into a field as a person's keyboard would (SPEC.md C-13): every character is a keydown,
 * a cancelable `beforeinput`, the value set through the element's own prototype setter (frameworks
 * that track the value, like React, see the change), an `input`, a keyup; `change` follows on
 * commit (Enter, Tab) or when the field loses focus, only if the value differs.
 */
import type { TextField } from './control-target.js';

/** Value of each field when the technician began editing it, until its `change` is due. */
const editing = new WeakMap<TextField, string>();

/** Fires `change` if the field's value differs from when editing began; ends the edit. */
export function commit(field: TextField): void {
  const before = editing.get(field);
  editing.delete(field);
  if (before !== undefined && field.value !== before) field.dispatchEvent(new Event('change', { bubbles: true }));
}

function beginEdit(field: TextField): void {
  if (editing.has(field)) return;
  editing.set(field, field.value);
  field.addEventListener('blur', () => commit(field), { once: true });
}

/** Dispatches a key event (`Space` is the key ` `); false when the page cancelled it (its default must not happen). */
export function keyEvent(el: Element, type: 'keydown' | 'keyup', key: string): boolean {
  const space = key === 'Space' || key === ' ';
  const code = space ? 'Space' : key.length === 1 ? '' : key;
  return el.dispatchEvent(new KeyboardEvent(type, { key: space ? ' ' : key, code, bubbles: true, cancelable: true, composed: true }));
}

function setValue(field: TextField, value: string, caret: number): void {
  const proto = field instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
  Object.getOwnPropertyDescriptor(proto, 'value')?.set?.call(field, value);
  // Types like email and number have no selection to set.
  if (field.selectionStart !== null) field.setSelectionRange(caret, caret);
}

/** Applies one edit at the caret, with `beforeinput` first and `input` after, as the browser does. */
function edit(field: TextField, inputType: string, data: string | null, text = data ?? ''): void {
  const init = { inputType, data, bubbles: true, composed: true };
  if (!field.dispatchEvent(new InputEvent('beforeinput', { ...init, cancelable: true }))) return;
  const value = field.value;
  let start = field.selectionStart ?? value.length;
  let end = field.selectionEnd ?? start;
  if (start === end && inputType === 'deleteContentBackward') start = Math.max(0, start - 1);
  if (start === end && inputType === 'deleteContentForward') end = Math.min(value.length, end + 1);
  if (field.maxLength >= 0 && value.length - (end - start) + text.length > field.maxLength) return;
  beginEdit(field);
  setValue(field, value.slice(0, start) + text + value.slice(end), start + text.length);
  field.dispatchEvent(new InputEvent('input', init));
}

/** Types `text` one character (code point) at a time. */
export function typeText(field: TextField, text: string): void {
  for (const ch of text) {
    const go = keyEvent(field, 'keydown', ch);
    if (go && ch === '\n') breakLine(field);
    else if (go) edit(field, 'insertText', ch);
    keyEvent(field, 'keyup', ch);
  }
}

/** A space typed by the Space key, after its keydown was not cancelled. */
export function typeSpace(field: TextField): void {
  edit(field, 'insertText', ' ');
}

/** Backspace or Delete, after its keydown was not cancelled. */
export function deleteText(field: TextField, key: 'Backspace' | 'Delete'): void {
  edit(field, key === 'Backspace' ? 'deleteContentBackward' : 'deleteContentForward', null);
}

/** A line break: in a textarea Enter types one; an input has none to take. */
export function breakLine(field: TextField): void {
  if (field instanceof HTMLTextAreaElement) edit(field, 'insertLineBreak', null, '\n');
}
