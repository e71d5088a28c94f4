/**
 * The second line of privacy, after rrweb's own masking (SPEC.md C-7): every event is scrubbed
 * before it is batched. Field values and placeholders are masked wherever they appear (snapshots,
 * added nodes, attribute changes), input events never carry text, option and textarea text is
 * masked, and page addresses lose their query and fragment (tokens live there).
 */
import { maskText } from './privacy.js';

/** rrweb event and node type numbers used here (from @rrweb/types). */
const EVENT = { FullSnapshot: 2, Incremental: 3, Meta: 4 } as const;
const SOURCE = { Mutation: 0, Input: 5 } as const;
const NODE = { Element: 2, Text: 3 } as const;

const FIELDS = new Set(['input', 'textarea', 'select', 'option', 'button']);
const TEXT_PRIVATE = new Set(['textarea', 'option', 'select']);
/** Attributes that hold what people typed or what a site prefilled for them. */
const FIELD_ATTRIBUTES = ['value', 'placeholder', 'label', 'aria-valuetext'];

type Attributes = Record<string, unknown>;
interface SerializedNode {
  type: number;
  tagName?: string;
  attributes?: Attributes;
  textContent?: string;
  childNodes?: SerializedNode[];
  id?: number;
}
interface RecordedEvent {
  type: number;
  data: Record<string, unknown>;
}

/** Finds the live node of a recorded id (rrweb's mirror), to learn the tag of a changed element. */
export type NodeLookup = (id: number) => Node | null;

/** Strips the query and fragment of a URL, keeping origin and path. */
export function stripQuery(href: string): string {
  try {
    const url = new URL(href);
    return url.origin + url.pathname;
  } catch {
    return '';
  }
}

function scrubAttributes(tag: string, attributes: Attributes): void {
  // Most elements are not fields: only a placeholder can carry what was typed for them. (A full
  // snapshot passes every element of the page through here, so the common case is one lookup.)
  if (!FIELDS.has(tag)) {
    if (typeof attributes.placeholder === 'string') attributes.placeholder = maskText(attributes.placeholder);
    return;
  }
  for (const name of FIELD_ATTRIBUTES) {
    const value = attributes[name];
    if (typeof value === 'string') attributes[name] = maskText(value);
  }
}

function scrubNode(node: SerializedNode, parentTag: string): void {
  if (node.type === NODE.Text) {
    if (node.textContent && TEXT_PRIVATE.has(parentTag)) node.textContent = maskText(node.textContent);
    return;
  }
  let tag = parentTag;
  if (node.type === NODE.Element) {
    tag = (node.tagName ?? '').toLowerCase();
    if (node.attributes) scrubAttributes(tag, node.attributes);
  }
  const children = node.childNodes;
  if (!children) return;
  for (let i = 0; i < children.length; i++) scrubNode(children[i], tag);
}

const tagOf = (node: Node | null | undefined): string => (node instanceof Element ? node.tagName.toLowerCase() : '');

function scrubMutation(data: Record<string, unknown>, lookup: NodeLookup): void {
  for (const add of (data.adds as { parentId: number; node: SerializedNode }[] | undefined) ?? []) {
    scrubNode(add.node, tagOf(lookup(add.parentId)));
  }
  for (const text of (data.texts as { id: number; value: string | null }[] | undefined) ?? []) {
    if (text.value && TEXT_PRIVATE.has(tagOf(lookup(text.id)?.parentNode))) text.value = maskText(text.value);
  }
  for (const change of (data.attributes as { id: number; attributes: Attributes }[] | undefined) ?? []) {
    scrubAttributes(tagOf(lookup(change.id)), change.attributes);
  }
}

/** Scrubs one rrweb event in place and returns it. */
export function scrubEvent<E extends { type: number; data: unknown }>(event: E, lookup: NodeLookup): E {
  const e = event as unknown as RecordedEvent;
  if (e.type === EVENT.Meta && typeof e.data.href === 'string') e.data.href = stripQuery(e.data.href);
  else if (e.type === EVENT.FullSnapshot) scrubNode(e.data.node as SerializedNode, '');
  else if (e.type === EVENT.Incremental && e.data.source === SOURCE.Mutation) scrubMutation(e.data, lookup);
  else if (e.type === EVENT.Incremental && e.data.source === SOURCE.Input && typeof e.data.text === 'string') {
    e.data.text = maskText(e.data.text);
  }
  return event;
}
