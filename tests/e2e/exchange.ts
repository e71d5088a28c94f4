/**
 * Shared steps of the delivery tests (SPEC.md M-1, M-2): driving the real widget in the visitor's
 * page through its chat controller (fast, no typing), reading what each side holds, and checking
 * that every side ends with the same messages in the same order: 0 lost, 0 doubled.
 */
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import type { PortholeChat } from '../../src/chat/porthole-chat.js';
import type { MessageView } from '../../src/protocol/index.js';
import { connectConsole, emitAck, valueOf } from '../support/test-sockets.js';
import { replyId } from '../support/tech-bot.js';

/** The stores the delivery tests run on: SQLite always, PostgreSQL when `DATABASE_URL` is set. */
export const STORES = [
  { store: 'sqlite', skip: false },
  { store: 'postgres', skip: process.env.DATABASE_URL ? false : 'DATABASE_URL not set: PostgreSQL run not configured' },
] as const;

/** Opens the demo site and the chat panel, and waits for the chat element. */
export async function openWidget(page: Page, url: string): Promise<void> {
  await page.goto(`${url}/`);
  await page.locator('porthole-widget button.launch').click();
  await page.locator('porthole-widget porthole-chat').waitFor({ state: 'attached' });
}

/** Sends `texts` through the chat controller, as fast as the visitor could press Enter. */
export async function sendFromWidget(page: Page, texts: readonly string[]): Promise<void> {
  await page.evaluate((all) => {
    const chat = document.querySelector('porthole-widget')?.shadowRoot?.querySelector<PortholeChat>('porthole-chat');
    if (!chat) throw new Error('no chat element');
    for (const text of all) chat.chat.send(text);
  }, texts);
}

/** Waits for the widget's session and returns its id. */
export async function widgetSessionId(page: Page): Promise<string> {
  const handle = await page.waitForFunction(
    () => document.querySelector('porthole-widget')?.shadowRoot?.querySelector<PortholeChat>('porthole-chat')?.chat.state.session?.id,
    undefined,
    { polling: 50, timeout: 15_000 },
  );
  return (await handle.jsonValue()) as string;
}

/**
 * Waits until the widget holds `total` confirmed messages and none pending (there is no event to
 * wait on from outside the page: the condition is polled, with a deadline).
 */
export async function widgetSettled(page: Page, total: number, timeoutMs = 60_000): Promise<void> {
  await page.waitForFunction(
    (n) => {
      const state = document.querySelector('porthole-widget')?.shadowRoot?.querySelector<PortholeChat>('porthole-chat')?.chat.state;
      return state && state.pending.length === 0 && state.messages.length >= n;
    },
    total,
    { polling: 100, timeout: timeoutMs },
  );
}

/** The confirmed messages the widget holds, in its order. */
export function widgetMessages(page: Page): Promise<MessageView[]> {
  return page.evaluate(
    () => document.querySelector('porthole-widget')?.shadowRoot?.querySelector<PortholeChat>('porthole-chat')?.chat.state.messages ?? [],
  );
}

/** Everything the server stored for the session, read with `messages:sync` from 0, page by page. */
export async function serverMessages(url: string, cookie: string, sessionId: string): Promise<MessageView[]> {
  const socket = await connectConsole(url, cookie);
  try {
    const all: MessageView[] = [];
    for (;;) {
      const page = valueOf(await emitAck(socket, 'messages:sync', { sessionId, afterSeq: all.at(-1)?.seq ?? 0 }));
      if (page.length === 0) return all;
      all.push(...page);
    }
  } finally {
    socket.disconnect();
  }
}

/** What one side holds, counted: the assertion compares these first, so a failure says how it broke. */
function tally(list: readonly MessageView[], total: number) {
  const seqs = new Set(list.map((m) => m.seq));
  const ids = new Set(list.map((m) => m.clientId));
  return {
    messages: list.length,
    lost: Array.from({ length: total }, (_, i) => i + 1).filter((seq) => !seqs.has(seq)).length,
    doubledBySeq: list.length - seqs.size,
    doubledByClientId: list.length - ids.size,
    inSeqOrder: list.every((m, i) => i === 0 || list[i - 1].seq < m.seq),
  };
}

/**
 * Asserts that every side holds the same `2 × typed` messages in the same order (the visitor's, in
 * the order typed, each answered once by the technician after it): 0 lost, 0 doubled, by seq and by
 * client id.
 */
export function assertSameExchange(sides: Record<string, readonly MessageView[]>, typed: readonly string[]): void {
  const total = typed.length * 2;
  const perfect = { messages: total, lost: 0, doubledBySeq: 0, doubledByClientId: 0, inSeqOrder: true };
  for (const [side, list] of Object.entries(sides)) assert.deepEqual(tally(list, total), perfect, `${side}: 0 lost, 0 doubled`);

  const key = (m: MessageView) => `${m.seq} ${m.clientId} ${m.author.kind} ${m.text}`;
  const [[first, reference], ...others] = Object.entries(sides);
  for (const [side, list] of others) assert.deepEqual(list.map(key), reference.map(key), `${side} holds what ${first} holds`);

  assert.deepEqual(
    reference.filter((m) => m.author.kind === 'visitor').map((m) => m.text),
    typed,
    'the visitor messages, in the order typed',
  );
  const seqOf = new Map(reference.map((m) => [m.clientId, m.seq]));
  const unanswered = reference.filter((m) => m.author.kind === 'visitor' && !((seqOf.get(replyId(m.clientId)) ?? 0) > m.seq));
  assert.deepEqual(unanswered, [], 'each visitor message answered once, after it');
}
