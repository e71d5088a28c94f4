/**
 * The console treats the visitor's stream as hostile (SPEC.md C-9). Besides replaying only inside
 * rrweb's sandboxed iframe (no `allow-scripts`), every event is cleaned before the Replayer sees
 * it: scripts become inert, event-handler attributes, `javascript:` URLs, `srcdoc`, `<base>` and
 * `<meta http-equiv>` lose their effect, and event kinds the widget never sends are dropped.
 */

const EVENT = { FullSnapshot: 2, Incremental: 3, Meta: 4 } as const;
const NODE = { Document: 0, DocumentType: 1, Element: 2, Text: 3, CDATA: 4, Comment: 5 } as const;
/** Incremental sources the recorder sends (mutations, mouse, scroll, resize, input, media, styles, selection, adopted sheets). */
const SOURCES = new Set([0, 1, 2, 3, 4, 5, 6, 7, 8, 11, 13, 14, 15]);

/** Tags whose elements are replaced by an inert one, keeping the node id so later changes still apply. */
const INERT_TAGS = new Set(['script', 'base', 'object', 'embed', 'applet', 'portal', 'frame', 'frameset']);
const DROPPED_ATTRIBUTES = new Set(['srcdoc', 'http-equiv', 'formaction', 'ping', 'action']);
const SCRIPT_URL = /^(?:javascript|vbscript|data:(?:text\/html|image\/svg|application))/i;

type Attributes = Record<string, unknown>;
interface Node {
  type: number;
  tagName?: string;
  attributes?: Attributes;
  childNodes?: Node[];
  textContent?: string;
}

/** Removes whitespace and control characters browsers ignore inside URL schemes. */
// eslint-disable-next-line no-control-regex -- control characters are exactly what must go
const compact = (value: string) => value.replace(/[\s\u0000-\u001f]+/g, '');

/** True when an attribute could run code or navigate: handlers, script URLs, srcdoc and friends. */
export function dangerousAttribute(name: string, value: unknown): boolean {
  const n = name.toLowerCase();
  if (n.startsWith('on') || DROPPED_ATTRIBUTES.has(n)) return true;
  return typeof value === 'string' && (SCRIPT_URL.test(compact(value)) || /(?:java|vb)script:/i.test(compact(value)));
}

function cleanAttributes(attributes: Attributes, tag: string): void {
  for (const [name, value] of Object.entries(attributes)) {
    if (value !== null && dangerousAttribute(name, value)) delete attributes[name];
  }
  // <meta http-equiv> is gone above; its `content` alone does nothing. A `<meta charset>` is harmless.
  if (tag === 'meta' && 'content' in attributes && /url=/i.test(String(attributes.content))) delete attributes.content;
}

function cleanNode(node: Node): void {
  if (node.type === NODE.Element) {
    const tag = (node.tagName ?? '').toLowerCase();
    if (INERT_TAGS.has(tag)) {
      node.tagName = 'template';
      node.attributes = {};
      node.childNodes = [];
      return;
    }
    cleanAttributes((node.attributes ??= {}), tag);
  }
  for (const child of node.childNodes ?? []) cleanNode(child);
}

/** Whether an unknown value is a record, for reading events of unknown shape. */
const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

/**
 * Cleans one event in place; returns null for events that must not reach the Replayer (unknown
 * kinds, malformed shapes).
 */
export function guardEvent(event: unknown): { type: number; timestamp: number; data: unknown } | null {
  if (!isRecord(event) || typeof event.type !== 'number' || typeof event.timestamp !== 'number' || !isRecord(event.data)) return null;
  const data = event.data;
  switch (event.type) {
    case EVENT.Meta:
      return typeof data.href === 'string' ? (event as { type: number; timestamp: number; data: unknown }) : null;
    case EVENT.FullSnapshot:
      if (!isRecord(data.node)) return null;
      cleanNode(data.node as unknown as Node);
      return event as { type: number; timestamp: number; data: unknown };
    case EVENT.Incremental: {
      if (typeof data.source !== 'number' || !SOURCES.has(data.source)) return null;
      if (data.source === 0) {
        for (const add of Array.isArray(data.adds) ? data.adds : [])
          if (isRecord(add) && isRecord(add.node)) cleanNode(add.node as unknown as Node);
        for (const change of Array.isArray(data.attributes) ? data.attributes : []) {
          if (isRecord(change) && isRecord(change.attributes)) cleanAttributes(change.attributes, '');
        }
      }
      return event as { type: number; timestamp: number; data: unknown };
    }
    default:
      return null;
  }
}
