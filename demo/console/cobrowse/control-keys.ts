/**
 * Which of the technician's key presses go to the visitor's page in control mode (SPEC.md C-12):
 * printable characters as text, and the keys the protocol carries (Enter, Tab, the edit keys, the
 * caret keys, Space). Shortcuts with Ctrl, Meta or Alt stay the technician's own (copy, reload,
 * switching tabs).
 */
import { CONTROL_KEYS, type ControlAction, type ControlKey } from '../../../src/protocol/index.js';

const KEYS = new Set<string>(CONTROL_KEYS.filter((k) => k !== 'Space'));

/**
 * The action a key press stands for on the visitor's page, or null when it is not sent. A space
 * is text where typing goes (`typing`: the target takes text), so it joins the typed run; elsewhere
 * it is the Space key, which ticks a checkbox or presses a button.
 */
export function actionOfKey(
  e: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey' | 'isComposing'>,
  typing = true,
): ControlAction | null {
  if (e.ctrlKey || e.metaKey || e.altKey || e.isComposing) return null;
  if (e.key === ' ' && !typing) return { type: 'key', key: 'Space' };
  if ([...e.key].length === 1) return { type: 'text', text: e.key };
  return KEYS.has(e.key) ? { type: 'key', key: e.key as ControlKey } : null;
}
