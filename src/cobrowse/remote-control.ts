/**
 * Carries out the technician's control command on the visitor's page (SPEC.md C-12, C-13), once
 * {@link controlTarget} accepted the element: a click as pointer and mouse events with focus in
 * between, keys with their keydown and keyup and the browser's default between them, typing into
 * fields and editable content, options chosen in a select, a scroll of the nearest scrollable box
 * (or the page). Events are dispatched on the element itself, never at screen coordinates.
 */
import type { ControlAction, ControlAnswer, ControlKey } from '../protocol/cobrowse-control.js';
import { caretKey, isCaretKey, keyScroll, scrollBoxOf } from './caret-keys.js';
import { chooseOptions } from './choose-option.js';
import { caretIn, editContent, typeContent } from './content-entry.js';
import { controlTarget, isEditable, isTextField, type TextField } from './control-target.js';
import { closestAcross } from './dom-tree.js';
import { BLOCKED_SELECTOR } from './privacy.js';
import { breakLine, commit, deleteText, keyEvent, typeSpace, typeText } from './text-entry.js';

export { isControlCommand } from './control-target.js';

const FOCUSABLE = 'a[href], button, input, select, textarea, summary, [tabindex], [contenteditable]:not([contenteditable="false"])';

/** The element a press on `el` focuses, as the browser picks it: itself or its nearest focusable ancestor. */
function focusOf(el: Element): HTMLElement | null {
  const found = closestAcross(el, FOCUSABLE);
  return found instanceof HTMLElement && !(found as HTMLButtonElement).disabled ? found : null;
}

function click(el: Element): void {
  const box = el.getBoundingClientRect();
  const at = { clientX: box.left + box.width / 2, clientY: box.top + box.height / 2 };
  const init = { ...at, bubbles: true, cancelable: true, composed: true, view: window, button: 0, detail: 1 };
  const pointer = { ...init, pointerId: 1, pointerType: 'mouse', isPrimary: true };
  el.dispatchEvent(new PointerEvent('pointerdown', { ...pointer, buttons: 1 }));
  // A cancelled mousedown keeps the focus where it was, as in the browser.
  if (el.dispatchEvent(new MouseEvent('mousedown', { ...init, buttons: 1 }))) {
    const target = focusOf(el);
    if (target) target.focus({ preventScroll: true });
    else if (document.activeElement instanceof HTMLElement) document.activeElement.blur();
    // The caret goes after the text, where a click beside it would put it.
    if (target && isTextField(target) && target.selectionStart !== null) target.setSelectionRange(target.value.length, target.value.length);
    else if (el instanceof HTMLElement && isEditable(el)) caretIn(el, true);
  }
  el.dispatchEvent(new PointerEvent('pointerup', pointer));
  el.dispatchEvent(new MouseEvent('mouseup', init));
  el.dispatchEvent(new MouseEvent('click', init));
}

/** Focuses the next element in tab order after `el`, skipping blocked areas and the widget. */
function tabFrom(el: Element): void {
  const order = Array.from(document.querySelectorAll<HTMLElement>(FOCUSABLE)).filter(
    (x) => x.tabIndex >= 0 && !(x as HTMLButtonElement).disabled && x.getClientRects().length > 0 && !closestAcross(x, BLOCKED_SELECTOR),
  );
  const next = order.find((x) => el.compareDocumentPosition(x) & Node.DOCUMENT_POSITION_FOLLOWING && !el.contains(x));
  next?.focus();
}

/** Enter in an input submits its form as the browser's implicit submission does: through its default button. */
function submitFrom(field: HTMLInputElement): void {
  const form = field.form;
  if (!form) return;
  const button = form.querySelector<HTMLElement>('button:not([type]), button[type=submit], input[type=submit], input[type=image]');
  if (button) button.click();
  else if (form.querySelectorAll('input:not([type=hidden], [type=checkbox], [type=radio])').length === 1) form.requestSubmit();
}

/** Space on what it activates (buttons, checkboxes, radios, summaries): a click after keyup, as the browser does. */
const activatedBySpace = (el: Element) =>
  el instanceof HTMLButtonElement ||
  (el instanceof HTMLElement && el.localName === 'summary') ||
  (el instanceof HTMLInputElement && ['checkbox', 'radio', 'button', 'submit', 'reset'].includes(el.type));

/** The browser's default of `key` on the focused `target`, after its keydown was not cancelled; true when Space activates it. */
function keyDefault(target: Element, key: ControlKey): boolean {
  const field = isTextField(target) ? target : null;
  const editable = !field && isEditable(target) ? target : null;
  if (isCaretKey(key)) caretKey(target, key);
  else if (key === 'Tab') {
    if (field) commit(field);
    tabFrom(target);
  } else if (editable && (key === 'Backspace' || key === 'Delete' || key === 'Enter' || key === 'Space')) editContent(editable, key);
  else if (key === 'Backspace' || key === 'Delete') {
    if (field) deleteText(field, key);
  } else if (key === 'Space') {
    if (field) typeSpace(field);
    else if (activatedBySpace(target)) return true;
    // A select would open its list, which only the visitor's own hand can do.
    else if (!(target instanceof HTMLSelectElement)) keyScroll(target, key);
  } else if (key === 'Enter' && target instanceof HTMLTextAreaElement) breakLine(target);
  else if (key === 'Enter' && target instanceof HTMLInputElement) {
    commit(target);
    submitFrom(target);
  } else if (key === 'Enter' && (target instanceof HTMLButtonElement || target instanceof HTMLAnchorElement)) target.click();
  return false;
}

function press(el: Element, key: ControlKey): void {
  // Keys go to the focused element: in editable content its host, with the caret inside `el`.
  const target = el instanceof HTMLElement && isEditable(el) ? caretIn(el) : (focusOf(el) ?? el);
  if (target instanceof HTMLElement && (target.getRootNode() as Document | ShadowRoot).activeElement !== target)
    target.focus({ preventScroll: true });
  const activate = keyEvent(target, 'keydown', key) && keyDefault(target, key);
  // After Tab the keyup goes where the focus went; inside a shadow root, to its focused element.
  const up = (target.getRootNode() as Document | ShadowRoot).activeElement ?? document.activeElement ?? target;
  if (keyEvent(up, 'keyup', key) && activate && up === target) (target as HTMLElement).click();
}

function scroll(el: Element, dx: number, dy: number): void {
  // Listeners of `wheel` (carousels, maps) may take it over, as they would from a real wheel.
  if (!el.dispatchEvent(new WheelEvent('wheel', { deltaX: dx, deltaY: dy, bubbles: true, cancelable: true, composed: true }))) return;
  (scrollBoxOf(el, dx, dy) ?? window).scrollBy({ left: dx, top: dy, behavior: 'instant' });
}

/** Acts on the live node the recording knows by the command's id, after checking it; answers what happened. */
export function performControl(node: Node | null, action: ControlAction): ControlAnswer {
  const el = controlTarget(node, action);
  if (typeof el === 'string') return { status: 'refused', reason: el };
  switch (action.type) {
    case 'click':
      click(el);
      break;
    case 'text': {
      if (el instanceof HTMLElement && isEditable(el)) {
        typeContent(el, action.text);
        break;
      }
      const field = el as TextField;
      if (document.activeElement !== field) field.focus({ preventScroll: true });
      typeText(field, action.text);
      break;
    }
    case 'key':
      press(el, action.key);
      break;
    case 'scroll':
      scroll(el, action.dx, action.dy);
      break;
    case 'select':
      chooseOptions(el as HTMLSelectElement, action.options);
      break;
  }
  return { status: 'done' };
}
