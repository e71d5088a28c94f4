/**
 * Which of the technician's key presses go to the visitor's page in control mode (SPEC.md C-12):
 * printable characters as text, and the few keys the protocol carries. Shortcuts with Ctrl, Meta
 * or Alt stay the technician's own (copy, reload, switching tabs).
 */
import { CONTROL_KEYS, type ControlAction } from '../../../src/protocol/index.js';

const KEYS = new Set<string>(CONTROL_KEYS);

/** The action a key press stands for on the visitor's page, or null when it is not sent. */
export function actionOfKey(e: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey' | 'isComposing'>): ControlAction | null {
  if (e.ctrlKey || e.metaKey || e.altKey || e.isComposing) return null;
  if ([...e.key].length === 1) return { type: 'text', text: e.key };
  return KEYS.has(e.key) ? { type: 'key', key: e.key as (typeof CONTROL_KEYS)[number] } : null;
}
