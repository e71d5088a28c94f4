/**
 * What the recorder keeps private (SPEC.md C-7): rrweb's options, fixed, with no setting that
 * unmasks anything. Every input is masked, passwords included; a site marks more with
 * `data-porthole-mask` (text replaced) and `data-porthole-block` (a placeholder of the same size),
 * and rrweb's own `rr-mask` / `rr-block` classes keep working. The widget never appears.
 */

/** Elements replaced by a same-size placeholder: the site's own marks and every part of the widget. */
export const BLOCK_SELECTOR = '[data-porthole-block], porthole-widget, porthole-viewing-bar, porthole-guide, porthole-hidden-view';

/** Everything the recorder blocks, rrweb's own class included: no control reaches into it either (C-13). */
export const BLOCKED_SELECTOR = `${BLOCK_SELECTOR}, .rr-block`;

/** The site's blocked areas, as the visitor's "What is hidden" view outlines them (C-14). */
export const SITE_BLOCKED_SELECTOR = '[data-porthole-block], .rr-block';

/** Elements whose text is replaced by asterisks, descendants included. */
export const MASK_TEXT_SELECTOR = '[data-porthole-mask], [contenteditable]:not([contenteditable="false"]), option, textarea';

/** What the technician sees masked, as the "What is hidden" view outlines it (C-14): fields and masked text. */
export const SITE_MASKED_SELECTOR = `input:not([type=hidden], [type=submit], [type=button], [type=reset], [type=image]), select, .rr-mask, ${MASK_TEXT_SELECTOR}`;

/** Every input type rrweb knows, masked: `maskAllInputs` and then some. */
export const MASK_INPUT_OPTIONS = {
  color: true,
  date: true,
  'datetime-local': true,
  email: true,
  month: true,
  number: true,
  range: true,
  search: true,
  tel: true,
  text: true,
  time: true,
  url: true,
  week: true,
  textarea: true,
  select: true,
  password: true,
} as const;

/** Replaces a private string by asterisks of a bounded length, so not even its length is exact. */
export function maskText(text: string): string {
  return text.trim() ? '*'.repeat(Math.min(Math.max(text.length, 1), 12)) : text;
}
