/**
 * A {@link Publisher} that also hands every session activity entry and chat message to listeners
 * set later (the desk's relay onto ticket timelines, K-11), so the session services stay unaware
 * of tickets.
 */
import type { ActivityView, MessageView } from '../../../src/protocol/index.js';
import type { Publisher } from '../../core/ports.js';

/** The wrapped publisher and where to plug the listener in. */
export function withActivityRelay(inner: Publisher, onError: (e: unknown) => void) {
  let listener: ((entry: ActivityView) => Promise<void>) | null = null;
  let messages: ((message: MessageView, ticketId: string | undefined) => Promise<void>) | null = null;
  const publish: Publisher = {
    ...inner,
    messageCreated(message, audience) {
      inner.messageCreated(message, audience);
      messages?.(message, audience.ticketId).catch(onError);
    },
    activityCreated(entry, audience) {
      inner.activityCreated(entry, audience);
      listener?.(entry).catch(onError);
    },
  };
  return {
    publish,
    relayTo(l: {
      activity: (entry: ActivityView) => Promise<void>;
      message: (message: MessageView, ticketId: string | undefined) => Promise<void>;
    }) {
      listener = l.activity;
      messages = l.message;
    },
  };
}
