/**
 * The checks before the technician's command touches anything (SPEC.md C-13): the recording's node
 * id must still name a connected element of this page, outside the blocked areas and the widget;
 * typing goes only to a text field that is not a password field, or into editable content; options
 * are chosen only in an enabled `<select>`, by indexes it has.
 */
import type { CobrowseControl, ControlAction, ControlRefusal } from '../protocol/cobrowse-control.js';
import { closestAcross } from './dom-tree.js';
import { BLOCKED_SELECTOR } from './privacy.js';

/** A field the technician may type into. */
export type TextField = HTMLInputElement | HTMLTextAreaElement;

/** Input types that hold free text (others take no typed characters, or no value at all). */
const TEXT_TYPES = new Set(['text', 'search', 'email', 'url', 'tel', 'number', 'password']);

/** `autocomplete` tokens of secrets, whatever the field's type says today. */
const SECRET_AUTOCOMPLETE = /(^|\s)(current-password|new-password|one-time-code)(\s|$)/i;

/** Keys that change a field's text; the others (Enter, Tab, Escape, caret keys) work on any element. */
const EDIT_KEYS = new Set(['Backspace', 'Delete']);
/** Keys that type into what takes text (a line break, a space) and do something else elsewhere. */
const TYPING_KEYS = new Set(['Enter', 'Space']);

/** Whether `el` holds or asks for a secret: a password now, or marked as one for autofill. */
export function isSecretField(el: Element): boolean {
  return (
    el instanceof HTMLInputElement &&
    (el.type === 'password' || SECRET_AUTOCOMPLETE.test(el.autocomplete || el.getAttribute('autocomplete') || ''))
  );
}

/** Whether `el` takes typed text: a text field (of any state) or editable content. */
export function isTextField(el: Element): el is TextField {
  return el instanceof HTMLTextAreaElement || (el instanceof HTMLInputElement && TEXT_TYPES.has(el.type));
}

/** Whether `el` is, or is inside, editable content (`contenteditable`), where typing goes to the caret. */
export const isEditable = (el: Element): el is HTMLElement => el instanceof HTMLElement && el.isContentEditable;

const takesText = (el: Element) => isTextField(el) || isEditable(el);

/** Whether the indexes name enabled options of `select`: exactly one unless it is multiple. */
function validOptions(select: HTMLSelectElement, indexes: readonly number[]): boolean {
  if (!select.multiple && indexes.length !== 1) return false;
  return indexes.every((i) => {
    const option = select.options[i];
    return (
      option !== undefined && !option.disabled && !(option.parentElement instanceof HTMLOptGroupElement && option.parentElement.disabled)
    );
  });
}

/**
 * The element `node` may be acted on for `action`, or why not. `node` is what the recorder's
 * mirror holds for the id: it may have left the page since it was recorded.
 */
export function controlTarget(node: Node | null, action: ControlAction): Element | ControlRefusal {
  // Same document only: an element of a frame belongs to another window's prototypes.
  if (!(node instanceof Element) || !node.isConnected || node.ownerDocument !== document) return 'missing';
  if (closestAcross(node, BLOCKED_SELECTOR)) return 'blocked';
  if (action.type === 'select') {
    if (!(node instanceof HTMLSelectElement) || node.disabled) return 'not_select';
    return validOptions(node, action.options) ? node : 'bad_option';
  }
  const edits =
    action.type === 'text' ||
    (action.type === 'key' && EDIT_KEYS.has(action.key)) ||
    (action.type === 'key' && TYPING_KEYS.has(action.key) && takesText(node));
  if (!edits) return node;
  if (isSecretField(node)) return 'password';
  if (isEditable(node)) return node;
  if (!isTextField(node) || node.disabled || node.readOnly) return 'not_editable';
  return node;
}

/**
 * A light shape check of a passed-on command, so a malformed one cannot throw into the page. The
 * server validated it with the schema; valibot's validators are not used here because they would
 * weigh on the chat chunk that shares the library with this one.
 */
export function isControlCommand(x: unknown): x is CobrowseControl {
  const c = x as Partial<CobrowseControl> | null;
  const a = c?.action as Partial<Record<string, unknown>> | undefined;
  if (typeof c?.recording !== 'string' || !Number.isInteger(c.nodeId) || !a) return false;
  switch (a.type) {
    case 'click':
      return true;
    case 'text':
      return typeof a.text === 'string';
    case 'key':
      return typeof a.key === 'string';
    case 'scroll':
      return Number.isFinite(a.dx) && Number.isFinite(a.dy);
    case 'select':
      return Array.isArray(a.options) && a.options.every((i) => Number.isInteger(i));
    default:
      return false;
  }
}
