/**
 * What rrweb lets through from inside blocked elements, taken out (SPEC.md C-7): rrweb replaces a
 * blocked element by a placeholder but still observes an open shadow root attached to it, so the
 * widget's own chat, bar and pointer (and any blocked web component of the site) would stream their
 * insides as mutations, style sheets and input events. Every event is checked against the live
 * nodes it names before it is batched.
 */
import { closestAcross } from './dom-tree.js';
import { BLOCKED_SELECTOR } from './privacy.js';
import type { NodeLookup } from './scrub.js';

const INCREMENTAL = 3;
const SOURCE = { Mutation: 0, AdoptedStyleSheet: 15 } as const;

interface Mutation {
  adds?: { parentId: number }[];
  removes?: { parentId: number }[];
  texts?: { id: number }[];
  attributes?: { id: number }[];
}

/** Filters the nodes a mutation names in place; true when nothing is left of it. */
function filterMutation(data: Mutation, lookup: NodeLookup): boolean {
  const blocked = (id: number) => {
    const node = lookup(id);
    return !!node && !!closestAcross(node, BLOCKED_SELECTOR);
  };
  // Strictly inside: the blocked element's own attributes are its placeholder's.
  const inside = (id: number) => {
    const node = lookup(id);
    const found = node && closestAcross(node, BLOCKED_SELECTOR);
    return !!found && found !== node;
  };
  const had = (data.adds?.length ?? 0) + (data.removes?.length ?? 0) + (data.texts?.length ?? 0) + (data.attributes?.length ?? 0);
  if (data.adds) data.adds = data.adds.filter((a) => !blocked(a.parentId));
  if (data.removes) data.removes = data.removes.filter((r) => !blocked(r.parentId));
  if (data.texts) data.texts = data.texts.filter((t) => !inside(t.id));
  if (data.attributes) data.attributes = data.attributes.filter((a) => !inside(a.id));
  const left = (data.adds?.length ?? 0) + (data.removes?.length ?? 0) + (data.texts?.length ?? 0) + (data.attributes?.length ?? 0);
  return had > 0 && left === 0;
}

/**
 * Whether `event` is about the inside of a blocked element and must not be sent; mutations are
 * trimmed in place to what lies outside.
 */
export function isBlockedEvent(event: { type: number; data?: unknown }, lookup: NodeLookup): boolean {
  if (event.type !== INCREMENTAL || !event.data || typeof event.data !== 'object') return false;
  const data = event.data as { source?: number; id?: unknown };
  if (data.source === SOURCE.Mutation) return filterMutation(data as Mutation, lookup);
  if (typeof data.id !== 'number') return false;
  const node = lookup(data.id);
  const found = node && closestAcross(node, BLOCKED_SELECTOR);
  // A blocked host's adopted style sheets style its shadow root: inside, too.
  return !!found && (found !== node || data.source === SOURCE.AdoptedStyleSheet);
}
