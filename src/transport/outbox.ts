/**
 * The visitor's outbox: messages typed but not yet confirmed by the server, kept in IndexedDB
 * (idb-keyval) so a reload, a crash or a lost connection does not lose them. They are sent again
 * with their original client ids, so the server stores each once (SPEC.md M-1).
 *
 * One key per server and channel, like the visitor token: the token says whose session the
 * messages go to. Every change is an atomic add or remove by client id, so two tabs of one visitor
 * merge their outboxes instead of overwriting each other (both may then send a message; the server
 * keeps one). Storage failures (private mode, blocked storage) fall back to a copy in memory that
 * lasts as long as the page: nothing here ever throws into the host page.
 */
import { get, update } from 'idb-keyval';
import type { AttachmentView } from '../protocol/attachments.js';

/** One message waiting to be sent. */
export interface OutboxEntry {
  clientId: string;
  text: string;
  /** The uploaded file the message carries (SPEC.md F-4). */
  attachment?: AttachmentView;
}

/** Where an outbox lives: the widget's server and channel. */
export interface OutboxPlace {
  server: string;
  channel: string;
}

/** The storage key of the outbox of `place`. */
export function outboxKey({ server, channel }: OutboxPlace): string {
  return `porthole:${server}:${channel}:outbox`;
}

// The fallback when IndexedDB is unavailable, and what a later chat on this page reads then.
const memory = new Map<string, OutboxEntry[]>();

/**
 * The waiting messages, oldest first; an empty list when nothing is stored or storage fails. The
 * launcher reads it too, so this module stays free of the protocol's schemas (valibot).
 */
export async function loadOutbox(place: OutboxPlace): Promise<OutboxEntry[]> {
  const key = outboxKey(place);
  try {
    return entriesOf(await get(key));
  } catch {
    return memory.get(key) ?? [];
  }
}

/** Appends `entries` (those not stored yet) after the ones already waiting. */
export function addToOutbox(place: OutboxPlace, entries: readonly OutboxEntry[]): Promise<void> {
  return change(place, (stored) => {
    const known = new Set(stored.map((e) => e.clientId));
    const fresh = entries.filter((e) => !known.has(e.clientId));
    return [
      ...stored,
      ...fresh.map(({ clientId, text, attachment }) => (attachment ? { clientId, text, attachment } : { clientId, text })),
    ];
  });
}

/** Removes the messages with these client ids, e.g. once the server confirmed them. */
export function removeFromOutbox(place: OutboxPlace, clientIds: readonly string[]): Promise<void> {
  const gone = new Set(clientIds);
  return change(place, (stored) => stored.filter((e) => !gone.has(e.clientId)));
}

/**
 * Brings the outbox in step with a change of the chat's pending messages: what appeared is added,
 * what left (confirmed by the server) is removed.
 */
export async function mirrorOutbox(place: OutboxPlace, before: readonly OutboxEntry[], after: readonly OutboxEntry[]): Promise<void> {
  const was = new Set(before.map((e) => e.clientId));
  const is = new Set(after.map((e) => e.clientId));
  const added = after.filter((e) => !was.has(e.clientId));
  const removed = before.filter((e) => !is.has(e.clientId)).map((e) => e.clientId);
  // IndexedDB runs read-write transactions on one store in the order they were opened, so a message
  // added by one change and removed by a later one can never be left behind.
  await Promise.all([added.length > 0 && addToOutbox(place, added), removed.length > 0 && removeFromOutbox(place, removed)]);
}

async function change(place: OutboxPlace, edit: (stored: OutboxEntry[]) => OutboxEntry[]): Promise<void> {
  const key = outboxKey(place);
  memory.set(key, edit(memory.get(key) ?? []));
  try {
    await update(key, (stored: unknown) => edit(entriesOf(stored)));
  } catch {
    /* storage unavailable: the copy in memory still serves this page */
  }
}

/**
 * The entries of a stored value that have the right shape (another version may have written it);
 * whether the server would take them is for the chat to check, which has the schemas at hand.
 */
function entriesOf(value: unknown): OutboxEntry[] {
  if (!Array.isArray(value)) return [];
  return value.filter(
    (e: unknown): e is OutboxEntry =>
      typeof e === 'object' && e !== null && typeof (e as OutboxEntry).clientId === 'string' && typeof (e as OutboxEntry).text === 'string',
  );
}
