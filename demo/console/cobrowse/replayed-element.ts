/**
 * What the console reads of an element of the replayed page (SPEC.md C-12): whether typing goes to
 * it as text, and the options of a `<select>` as the replay shows them. The replay lives in another
 * document, so elements are told apart by tag and attributes, not by `instanceof`.
 */

/** Input types the widget types text into (`control-target.ts` holds the same list). */
const TEXT_TYPES = new Set(['text', 'search', 'email', 'url', 'tel', 'number', 'password']);

/** An option as the technician picks it: by its position; the label may be masked (C-7). */
export interface ReplayedOption {
  label: string;
  disabled: boolean;
  selected: boolean;
}

/** A replayed `<select>`: its node, whether it takes several options, and its options in order. */
export interface ReplayedSelect {
  select: Element;
  multiple: boolean;
  options: ReplayedOption[];
}

const tag = (node: Node | null) => (node?.nodeType === Node.ELEMENT_NODE ? (node as Element).localName : '');

/** Whether typing at `node` goes in as text: a text field, a textarea or editable content. */
export function takesText(node: Node | null): boolean {
  const t = tag(node);
  if (t === 'textarea') return true;
  if (t === 'input') return TEXT_TYPES.has(((node as Element).getAttribute('type') ?? 'text').toLowerCase());
  return !!t && (node as HTMLElement).isContentEditable;
}

/** The `<select>` that `node` is or is in (an option or group of it), with its options; null for anything else. */
export function replayedSelect(node: Node | null): ReplayedSelect | null {
  const select = node?.nodeType === Node.ELEMENT_NODE ? (node as Element).closest('select') : null;
  if (!select) return null;
  const options = Array.from(select.querySelectorAll('option'), (o) => ({
    label: (o.label || o.textContent || '').trim(),
    disabled: o.matches(':disabled'),
    selected: o.selected,
  }));
  return { select, multiple: select.hasAttribute('multiple'), options };
}
