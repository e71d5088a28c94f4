/**
 * Choosing options of a `<select>` as a person's pick in its list would (SPEC.md C-13): the
 * select takes the focus, the options' own `selected` setter changes the choice (a framework's
 * tracker on the select's `value` sees no script set it), then `input` and `change` fire, only
 * when the choice changed. {@link controlTarget} checked the indexes first.
 */

// eslint-disable-next-line @typescript-eslint/unbound-method -- called with an option as `this`
const setSelected = Object.getOwnPropertyDescriptor(HTMLOptionElement.prototype, 'selected')?.set;

/** Leaves exactly the options at `indexes` chosen (one for a single select). */
export function chooseOptions(select: HTMLSelectElement, indexes: readonly number[]): void {
  if ((select.getRootNode() as Document | ShadowRoot).activeElement !== select) select.focus({ preventScroll: true });
  const want = new Set(indexes);
  let changed = false;
  Array.from(select.options).forEach((option, i) => {
    // A single select deselects the others itself; unselecting its one option would pick another.
    if (option.selected === want.has(i) || (!select.multiple && !want.has(i))) return;
    setSelected?.call(option, want.has(i));
    changed = true;
  });
  if (!changed) return;
  select.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  select.dispatchEvent(new Event('change', { bubbles: true }));
}
