/**
 * Shared fixtures of the panel tests: a session, messages and permissions as the server sends them,
 * and a `<porthole-chat>` mounted on a FakeSocket in a channel of its own.
 */
import { waitUntil } from '@open-wc/testing';
import { defineChat, type PortholeChat } from '../../src/chat/porthole-chat.js';
import type { MessageView, PermissionView, SessionView } from '../../src/protocol/views.js';
import type { FakeSocket } from './fake-socket.js';

defineChat();

/** A visitor session waiting in the queue. */
export const session: SessionView = {
  id: 'sess-1',
  channelId: 'ch-1',
  status: 'in_queue',
  origin: 'visitor',
  visitorLabel: 'Visitor AB12',
  owner: null,
  participants: [],
  lastSeq: 0,
  createdAt: 1,
  updatedAt: 1,
  expiresAt: Date.now() + 3_600_000,
};

/** The same session taken by Alex. */
export const activeSession: SessionView = { ...session, status: 'active', owner: { id: 't1', name: 'Alex' } };

/** A message of {@link session}. */
export function message(
  seq: number,
  text: string,
  author: MessageView['author'] = { kind: 'technician', id: 't1', name: 'Alex' },
): MessageView {
  return { id: `m${seq}`, sessionId: session.id, seq, clientId: `client-${seq}-xxxxxxxx`, author, text, createdAt: seq };
}

/** A pending request by Alex of Acme Support, answerable for `ttlMs` from now. */
export function permission(overrides: Partial<PermissionView> = {}, ttlMs = 60_000): PermissionView {
  const now = Date.now();
  return {
    id: 'perm-1',
    sessionId: session.id,
    capability: 'view',
    status: 'pending',
    requestedBy: { id: 't1', name: 'Alex' },
    organisation: 'Acme Support',
    requestedAt: now,
    expiresAt: now + ttlMs,
    answeredAt: null,
    ...overrides,
  };
}

let counter = 0;

/** A channel no other test uses (the visitor token and the outbox are stored per server and channel). */
export function freshChannel(): string {
  return `test-${Date.now()}-${counter++}`;
}

/** Mounts a chat on `fake`, in a fresh channel unless `channel` is given (e.g. to mount it again, as a reload). */
export async function mountChat(fake: FakeSocket, channel = freshChannel()): Promise<PortholeChat> {
  const chat = document.createElement('porthole-chat') as PortholeChat;
  chat.connect = fake.factory;
  chat.server = 'http://127.0.0.1:9';
  chat.channel = channel;
  document.body.append(chat);
  await chat.updateComplete;
  return chat;
}

/** Mounts a chat whose visitor resumes `resumed` (with `permissions`), and waits until it shows. */
export async function mountResumed(fake: FakeSocket, resumed: SessionView, permissions: PermissionView[] = []): Promise<PortholeChat> {
  fake.handlers.set('session:resume', () => ({ ok: true, value: { session: resumed, messages: [], permissions } }));
  fake.handlers.set('messages:sync', () => ({ ok: true, value: [] }));
  const chat = await mountChat(fake);
  await fake.serverConnect();
  await waitUntil(() => chat.chat.state.session !== null, 'session resumed');
  await chat.updateComplete;
  return chat;
}

/** The element matching `selector` in the panel's shadow root, or null. */
export function $(chat: PortholeChat, selector: string): HTMLElement | null {
  return chat.shadowRoot!.querySelector<HTMLElement>(selector);
}

/** The button whose text is `label`. */
export function button(chat: PortholeChat, label: string): HTMLButtonElement {
  const found = [...chat.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent?.trim() === label);
  if (!found) throw new Error(`No button "${label}"`);
  return found;
}

/** Whether a button labelled `label` is on screen. */
export function hasButton(chat: PortholeChat, label: string): boolean {
  return [...chat.shadowRoot!.querySelectorAll('button')].some((b) => b.textContent?.trim() === label);
}

/** Removes every mounted chat (afterEach). */
export function unmountChats(): void {
  document.querySelectorAll('porthole-chat').forEach((e) => e.remove());
}
