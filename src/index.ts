/**
 * Porthole widget SDK: the public entry. Loading this module defines `<porthole-widget>`; the chat
 * itself is fetched only when the visitor shows intent.
 *
 * @example
 * <script type="module" src="/widget/porthole.js"></script>
 * <porthole-widget channel="demo"></porthole-widget>
 */
import { defineWidget } from './launcher/porthole-widget.js';

export { PortholeWidget, defineWidget } from './launcher/porthole-widget.js';
export {
  PortholeMessageEvent,
  type PortholeIdentity,
  type PortholeMessageAuthor,
  type PortholeMessageDetail,
} from './launcher/widget-events.js';

try {
  defineWidget();
} catch {
  // Another custom element registry quirk must never break the host page.
}
