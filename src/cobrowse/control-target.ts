/**
 * The checks before the technician's command touches anything (SPEC.md C-13): the recording's node
 * id must still name a connected element of this page, outside the blocked areas and the widget,
 * and typing goes only to a text field that is not a password field.
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

/** Keys that change a field's text; the others (Enter, Tab, Escape) work on any element. */
const EDIT_KEYS = new Set(['Backspace', 'Delete']);

/** Whether `el` holds or asks for a secret: a password now, or marked as one for autofill. */
export function isSecretField(el: Element): boolean {
  return (
    el instanceof HTMLInputElement &&
    (el.type === 'password' || SECRET_AUTOCOMPLETE.test(el.autocomplete || el.getAttribute('autocomplete') || ''))
  );
}

function isTextField(el: Element): el is TextField {
  return el instanceof HTMLTextAreaElement || (el instanceof HTMLInputElement && TEXT_TYPES.has(el.type));
}

/**
 * The element `node` may be acted on for `action`, or why not. `node` is what the recorder's
 * mirror holds for the id: it may have left the page since it was recorded.
 */
export function controlTarget(node: Node | null, action: ControlAction): Element | ControlRefusal {
  // Same document only: an element of a frame belongs to another window's prototypes.
  if (!(node instanceof Element) || !node.isConnected || node.ownerDocument !== document) return 'missing';
  if (closestAcross(node, BLOCKED_SELECTOR)) return 'blocked';
  const edits =
    action.type === 'text' ||
    (action.type === 'key' && EDIT_KEYS.has(action.key)) ||
    (action.type === 'key' && action.key === 'Enter' && isTextField(node));
  if (!edits) return node;
  if (isSecretField(node)) return 'password';
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
    default:
      return false;
  }
}
