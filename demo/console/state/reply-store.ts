/**
 * The console's unsent replies, kept in IndexedDB (idb-keyval) per technician, so closing or
 * reloading the console while the server is away does not lose what was typed: the next console
 * of the same technician in this browser shows them again and sends them with their client ids,
 * so the server stores each once (M-1). Changes are atomic adds and removes by client id, so two
 * tabs merge instead of overwriting each other. Storage failures leave the replies in memory only.
 */
import { get, update } from 'idb-keyval';
import * as v from 'valibot';
import type { PendingReply } from './chat-state-merge.js';

/** What is kept of a reply: everything but the last attempt's outcome. */
export type StoredReply = Omit<PendingReply, 'error'>;

const keyOf = (technicianId: string) => `porthole-console:${technicianId}:replies`;

/** The replies a console of `technicianId` left unsent, oldest first; empty when none or unreadable. */
export async function loadReplies(technicianId: string): Promise<StoredReply[]> {
  try {
    return repliesOf(await get(keyOf(technicianId)));
  } catch {
    return [];
  }
}

/** Records what changed between two outboxes: new replies appended, confirmed or discarded ones removed. */
export async function keepReplies(technicianId: string, before: readonly PendingReply[], after: readonly PendingReply[]): Promise<void> {
  const was = new Set(before.map((r) => r.clientId));
  const is = new Set(after.map((r) => r.clientId));
  const added = after.filter((r) => !was.has(r.clientId)).map(storedOf);
  const removed = new Set(before.filter((r) => !is.has(r.clientId)).map((r) => r.clientId));
  if (added.length === 0 && removed.size === 0) return;
  try {
    await update(keyOf(technicianId), (stored: unknown) => {
      const kept = repliesOf(stored).filter((r) => !removed.has(r.clientId));
      const known = new Set(kept.map((r) => r.clientId));
      return [...kept, ...added.filter((r) => !known.has(r.clientId))];
    });
  } catch {
    // Private mode or blocked storage: the replies still wait in memory with Retry.
  }
}

function storedOf({ sessionId, clientId, text, internal, attachmentId }: PendingReply): StoredReply {
  return attachmentId ? { sessionId, clientId, text, internal, attachmentId } : { sessionId, clientId, text, internal };
}

const StoredReplySchema = v.object({
  sessionId: v.string(),
  clientId: v.string(),
  text: v.string(),
  internal: v.boolean(),
  attachmentId: v.optional(v.string()),
});

/** Only well-formed entries: the store is shared with whatever else ran on this origin. */
function repliesOf(value: unknown): StoredReply[] {
  return Array.isArray(value) ? value.filter((r): r is StoredReply => v.is(StoredReplySchema, r)) : [];
}
