/**
 * Time-driven rules, run on the server clock from stored deadlines so they survive restarts (S-8,
 * G-2): sessions past their expiration, and permission requests nobody answered in time. Every
 * server process may run this; the stores' conditional updates make each change happen once.
 */
import { CAPABILITY_WORDS } from '../activity-text.js';
import { permissionView } from '../views.js';
import { audienceOf, sessionFeed, type FeedDeps } from './session-feed.js';

/** How long failed join attempts are kept (the longest rate-limit window). */
const JOIN_FAILURE_RETENTION_MS = 3_600_000;

/** Builds the expiry pass. */
export function expiry(deps: FeedDeps) {
  const { store, env, publish } = deps;
  const feed = sessionFeed(deps);
  return {
    /** Expires what is due now; returns how many sessions and requests changed. */
    async run(): Promise<{ sessions: number; permissions: number }> {
      const now = env.now();
      const sessions = await store.expireDueSessions(now);
      for (const s of sessions) {
        await feed.announce(s);
        await feed.log(s, { kind: 'system' }, 'session.expired');
      }
      const permissions = await store.expireDuePermissions(now);
      for (const p of permissions) {
        const session = await store.findSession(p.sessionId);
        if (!session) continue;
        publish.permissionUpdated(permissionView(p), audienceOf(session));
        await feed.log(session, { kind: 'system' }, 'permission.expired', CAPABILITY_WORDS[p.capability]);
      }
      await store.pruneJoinFailures(now - JOIN_FAILURE_RETENTION_MS);
      return { sessions: sessions.length, permissions: permissions.length };
    },
  };
}
