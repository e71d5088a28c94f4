/**
 * Walking the page's tree the way privacy needs it: up through shadow roots to their hosts, so a
 * node inside a shadow root counts as inside everything its host is inside.
 */

/** The element `node` is, or sits in: a shadow root and its top-level nodes belong to the host. */
function elementOf(node: Node): Element | null {
  if (node instanceof Element) return node;
  if (node instanceof ShadowRoot) return node.host;
  const parent = node.parentNode;
  if (parent instanceof ShadowRoot) return parent.host;
  return parent instanceof Element ? parent : null;
}

/** `closest()` that climbs out of shadow roots to their hosts; starts at the element of any node. */
export function closestAcross(node: Node, selector: string): Element | null {
  for (let at = elementOf(node); at;) {
    const found = at.closest(selector);
    if (found) return found;
    const root = at.getRootNode();
    at = root instanceof ShadowRoot ? root.host : null;
  }
  return null;
}
