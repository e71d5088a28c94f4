/**
 * A {@link Publisher} that also hands every session activity entry to a listener set later (the
 * desk's relay onto ticket timelines, K-11), so the session services stay unaware of tickets.
 */
import type { ActivityView } from '../../../src/protocol/index.js';
import type { Publisher } from '../../core/ports.js';

/** The wrapped publisher and where to plug the listener in. */
export function withActivityRelay(inner: Publisher, onError: (e: unknown) => void) {
  let listener: ((entry: ActivityView) => Promise<void>) | null = null;
  const publish: Publisher = {
    ...inner,
    activityCreated(entry, audience) {
      inner.activityCreated(entry, audience);
      listener?.(entry).catch(onError);
    },
  };
  return {
    publish,
    relayTo(l: (entry: ActivityView) => Promise<void>) {
      listener = l;
    },
  };
}
