/**
 * Shared steps of the co-browse end-to-end tests: bring a visitor and a technician to a viewed
 * session, capture every WebSocket frame a page sends, and decode the co-browse batches among them.
 */
import type { Page } from 'playwright-core';
import { gunzipSync, inflateRawSync } from 'node:zlib';
import { FrameAssembler, type Batch } from '../../demo/console/cobrowse/frame-assembler.js';
import { HISTORY_BYTES } from '../../src/cobrowse/codec.js';
import { readCobrowseFrame } from '../../src/protocol/index.js';
import type { ServerProcess } from '../support/server-process.js';
import { signIn } from './pages.js';

/** One frame a page sent over a WebSocket, in order. */
export type SentFrame = string | Buffer;

/** Records every WebSocket frame `page` sends from now on. */
export function captureFrames(page: Page): SentFrame[] {
  const frames: SentFrame[] = [];
  page.on('websocket', (ws) => ws.on('framesent', ({ payload }) => frames.push(payload)));
  return frames;
}

/** A co-browse batch rebuilt from captured frames: its header and its decompressed JSON. */
export interface CapturedBatch {
  recording: string;
  batch: number;
  full: boolean;
  json: string;
  /** What its frames cost on the WebSocket: each part's text packet and binary attachment. */
  wireBytes: number;
}

/** Decodes one recording's batches in order, synchronously, with Node's zlib (independent of the console's decoder). */
class NodeBatchDecoder {
  #history: Buffer | null = null;

  decode(batch: Batch): string {
    const history = batch.full ? Buffer.alloc(0) : this.#history;
    if (!history) throw new Error('a chained batch without the batches before it');
    const json = batch.encoding === 'gzip' ? gunzipSync(batch.bytes) : inflateRawSync(batch.bytes, { dictionary: history });
    const all = Buffer.concat([history, json]);
    this.#history = all.subarray(Math.max(0, all.byteLength - HISTORY_BYTES));
    return json.toString('utf8');
  }
}

/**
 * Rebuilds the `cobrowse:events` batches among captured frames. socket.io sends a binary event as
 * a text packet (`451-/widget,<ack>["cobrowse:events",{"_placeholder":true,"num":0}]`) followed by
 * its binary attachment, which holds the frame's header and bytes. Chained batches need every
 * batch before them, back to a full one.
 */
export function cobrowseBatches(frames: readonly SentFrame[]): CapturedBatch[] {
  const streams = new Map<string, { assembler: FrameAssembler; decoder: NodeBatchDecoder; wire: number }>();
  const out: CapturedBatch[] = [];
  for (let i = 0; i < frames.length; i++) {
    const f = frames[i];
    if (typeof f !== 'string' || !/^451-\/widget,\d*\["cobrowse:events"/.test(f)) continue;
    const frame = readCobrowseFrame(frames[i + 1]);
    if (!frame) continue;
    const key = `${frame.sessionId}:${frame.recording}`;
    const at = streams.get(key) ?? { assembler: new FrameAssembler(), decoder: new NodeBatchDecoder(), wire: 0 };
    streams.set(key, at);
    if (frame.part === 0) at.wire = 0;
    at.wire += Buffer.byteLength(f) + frames[i + 1].length;
    const batch = at.assembler.add(frame);
    if (batch) {
      out.push({ recording: batch.recording, batch: batch.batch, full: batch.full, json: at.decoder.decode(batch), wireBytes: at.wire });
    }
  }
  return out;
}

/** The ways a string may appear in what left the browser: raw, JSON-escaped, URL-encoded, base64. */
export function encodings(s: string): string[] {
  return [
    s,
    JSON.stringify(s).slice(1, -1),
    encodeURIComponent(s),
    Buffer.from(s).toString('base64'),
    Buffer.from(s).toString('base64url'),
  ];
}

/** Every place `needle` shows up among frames and decompressed batches, in any of its {@link encodings}. */
export function findLeaks(frames: readonly SentFrame[], batches: readonly CapturedBatch[], needle: string): string[] {
  const forms = encodings(needle);
  const hay = [
    ...frames.map((f, i) => ({ where: `frame ${i}`, text: typeof f === 'string' ? f : f.toString('latin1') })),
    ...frames.filter((f): f is Buffer => Buffer.isBuffer(f)).map((f, i) => ({ where: `binary ${i} as utf8`, text: f.toString('utf8') })),
    ...batches.map((b) => ({ where: `batch ${b.recording}:${b.batch}`, text: b.json })),
  ];
  return hay.filter((h) => forms.some((form) => h.text.includes(form))).map((h) => h.where);
}

/** The technician creates a session, the visitor opens its link on `pagePath` (with more `query`). */
export async function joinByLink(
  tech: Page,
  visitor: Page,
  server: ServerProcess,
  pagePath = '/',
  query: Record<string, string> = {},
): Promise<void> {
  await signIn(tech, server);
  await tech.locator('console-toolbar button', { hasText: 'New session' }).click();
  const dialog = tech.locator('new-session-dialog dialog');
  await dialog.locator('input.link').waitFor();
  const link = new URL(await dialog.locator('input.link').inputValue());
  await dialog.locator('button', { hasText: 'Done' }).click();
  link.pathname = pagePath;
  for (const [k, v] of Object.entries(query)) link.searchParams.set(k, v);
  await visitor.goto(link.href);
  await visitor.locator('porthole-chat header', { hasText: 'Admin is helping you' }).waitFor();
}

/** The technician asks to view the page; the visitor allows; the console shows it live. */
export async function allowView(tech: Page, visitor: Page): Promise<void> {
  await tech.locator('permissions-panel button', { hasText: 'Request to view the page' }).click();
  await visitor.locator('porthole-chat .prompt button.primary', { hasText: 'Allow' }).click();
  await tech.locator('cobrowse-view .state.live').waitFor();
}

/** Text of the console's live view (the sandboxed iframe's body), found through the shadow roots. */
function replayBodyText(): string {
  const view = document.querySelector('porthole-console')?.shadowRoot?.querySelector('console-workspace')?.shadowRoot;
  const frame = view?.querySelector('conversation-view')?.shadowRoot?.querySelector('cobrowse-view')?.shadowRoot?.querySelector('iframe');
  return frame?.contentDocument?.body?.innerText ?? '';
}

/** Text of the replayed page in the console's live view. */
export function replayText(tech: Page): Promise<string> {
  return tech.evaluate(replayBodyText);
}

/** Waits (polling in the page, with a deadline) until the replay's text contains `needle`. */
export async function waitForReplay(tech: Page, needle: string, timeoutMs = 5000): Promise<void> {
  await tech.waitForFunction(
    (wanted) => {
      // Page functions cannot share helpers with Node: the same lookup as replayBodyText, inline.
      const view = document.querySelector('porthole-console')?.shadowRoot?.querySelector('console-workspace')?.shadowRoot;
      const frame = view
        ?.querySelector('conversation-view')
        ?.shadowRoot?.querySelector('cobrowse-view')
        ?.shadowRoot?.querySelector('iframe');
      return (frame?.contentDocument?.body?.innerText ?? '').includes(wanted);
    },
    needle,
    { timeout: timeoutMs },
  );
}

/** Polls `condition` until it holds, failing after `timeoutMs`. */
export async function until(condition: () => boolean, what: string, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}.`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** What a page of web components looks like, shadow roots included: for comparing page and replay. */
export interface ComponentsLook {
  text: string;
  cardBorder: string;
  cardTitle: string;
  badge: string;
  adopted: string;
}

/** Reads {@link ComponentsLook} from a document (the visitor's page or the replay's). */
export function readComponentsLook(doc: Document): ComponentsLook {
  const texts: string[] = [];
  // nodeType and tagName, not instanceof: the replay's nodes belong to another window.
  const walk = (root: Node) => {
    for (const n of Array.from(root.childNodes)) {
      if (n.nodeType === 3 && n.textContent?.trim()) texts.push(n.textContent.trim());
      if (n.nodeType !== 1) continue;
      const el = n as Element;
      // The widget is the visitor's own and never in the stream (C-7).
      if (/^(porthole-|script$|style$)/i.test(el.tagName)) continue;
      if (el.shadowRoot) walk(el.shadowRoot);
      walk(el);
    }
  };
  walk(doc.body);
  const card = doc.querySelector('bike-card');
  const win = doc.defaultView!;
  const style = (el: Element | null | undefined, prop: string) => (el ? win.getComputedStyle(el).getPropertyValue(prop) : 'missing');
  const badge = card?.shadowRoot?.querySelector('stock-badge')?.shadowRoot?.querySelector('span');
  return {
    text: texts.join(' | '),
    cardBorder: style(card, 'border-top-color'),
    cardTitle: style(card?.shadowRoot?.querySelector('h2'), 'color'),
    badge: style(badge, 'background-color'),
    adopted: style(doc.querySelector('.adopted-by-document'), 'color'),
  };
}

const REPLAY_DOC_EXPRESSION = `document.querySelector('porthole-console').shadowRoot.querySelector('console-workspace').shadowRoot
  .querySelector('conversation-view').shadowRoot.querySelector('cobrowse-view').shadowRoot.querySelector('iframe').contentDocument`;

/** {@link readComponentsLook} of the visitor's page, or of the console's replay of it. */
export function componentsLook(page: Page, where: 'page' | 'replay'): Promise<ComponentsLook> {
  const doc = where === 'page' ? 'document' : REPLAY_DOC_EXPRESSION;
  // An expression, not a function: the reader must run on a document of the page's choosing.
  // tsx names functions through an `__name` helper that the page does not have.
  return page.evaluate(`(() => { const __name = (f) => f; return (${readComponentsLook.toString()})(${doc}); })()`);
}
