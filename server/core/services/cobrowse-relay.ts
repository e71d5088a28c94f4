/**
 * The co-browse relay's decisions: whether a visitor's frame goes out, whether a technician may
 * watch, and when the visitor is asked for a snapshot. Frames are never stored (C-6).
 */
import {
  fail,
  isControlAnswer,
  ok,
  type CobrowseControl,
  type ControlOutcome,
  type CobrowseHighlight,
  type CobrowsePointer,
  type CobrowseFrame,
  type CobrowseStopReason,
  type CobrowseWatching,
  type Result,
} from '../../../src/protocol/index.js';
import { technicianMayAct } from '../access-rules.js';
import { controlOutcome, mayControl, mayStream, mayWatch } from '../cobrowse-rules.js';
import type { Technician } from '../model.js';
import type { Env, Store } from '../ports.js';
import { isOpen } from '../session-rules.js';
import type { VisitorContext } from './visitor-chat.js';

/**
 * How long a stream check is reused. A revoked grant stops the relay within this time (C-2) even
 * if the widget kept sending; the widget itself stops at once.
 */
export const GRANT_CHECK_MS = 250;

/** Snapshot requests for one session are merged within this window, the last one always sent (C-3). */
export const SNAPSHOT_WINDOW_MS = 400;

/** How long the visitor's widgets have to answer a control command (C-12). */
export const CONTROL_TIMEOUT_MS = 3000;

/** Where the relay delivers: socket rooms in production, anything in tests. */
export interface CobrowseOutlet {
  /** Sends a frame to the consoles watching the session. */
  toWatchers(frame: CobrowseFrame): void;
  /** Asks the visitor's widgets for a full snapshot. */
  askSnapshot(sessionId: string): void;
  /** Tells the watchers the stream paused; they stay watching for the next snapshot. */
  tellWatchers(sessionId: string, reason: CobrowseStopReason): void;
  /** Ends watching for every watcher except those `keep` accepts, and tells them why. */
  dropWatchers(sessionId: string, reason: CobrowseStopReason, keep: (technicianId: string) => boolean): Promise<void>;
  /** Passes the technician's pointer or highlight to the visitor's widgets. */
  guide(fact: { kind: 'pointer'; value: CobrowsePointer } | { kind: 'highlight'; value: CobrowseHighlight }): void;
  /** Passes a control command to the visitor's widgets; resolves their answers, unchecked, within {@link CONTROL_TIMEOUT_MS}. */
  control(command: CobrowseControl): Promise<unknown[]>;
  /** Whether any widget of the session is connected. */
  visitorOnline(sessionId: string): Promise<boolean>;
}

/** Builds the relay over the store, the clock and an {@link CobrowseOutlet}. */
export function cobrowseRelay({ store, env, outlet }: { store: Store; env: Env; outlet: CobrowseOutlet }) {
  const checks = new Map<string, { at: number; allowed: Promise<boolean> }>();
  const asks = new Map<string, { timer: ReturnType<typeof setTimeout> | null; last: number; again: boolean }>();

  const check = async (sessionId: string, visitorId: string): Promise<boolean> => {
    const session = await store.findSession(sessionId);
    const allowed = mayStream(session, visitorId, await store.listPermissions(sessionId), env.now());
    // C-1: a technician removed from the session stops receiving at the next check; C-2: nobody
    // keeps watching once the grant or the session ended.
    if (session) {
      const reason = allowed ? 'removed' : isOpen(session, env.now()) ? 'revoked' : 'closed';
      await outlet.dropWatchers(sessionId, reason, (id) => allowed && mayWatch(session, id));
    }
    return allowed;
  };

  const allowedToStream = (sessionId: string, visitorId: string): Promise<boolean> => {
    const key = `${sessionId}:${visitorId}`;
    const cached = checks.get(key);
    const now = env.now();
    if (cached && now - cached.at < GRANT_CHECK_MS) return cached.allowed;
    const allowed = check(sessionId, visitorId);
    checks.set(key, { at: now, allowed });
    allowed.catch(() => checks.delete(key));
    return allowed;
  };

  const askSnapshot = (sessionId: string) => {
    const state = asks.get(sessionId) ?? { timer: null, last: 0, again: false };
    asks.set(sessionId, state);
    if (state.timer) {
      state.again = true;
      return;
    }
    outlet.askSnapshot(sessionId);
    const close = () => {
      if (state.again) {
        state.again = false;
        outlet.askSnapshot(sessionId);
        state.timer = setTimeout(close, SNAPSHOT_WINDOW_MS);
      } else asks.delete(sessionId);
    };
    state.timer = setTimeout(close, SNAPSHOT_WINDOW_MS);
  };

  const watchable = async (tech: Technician, sessionId: string): Promise<Result<true>> => {
    const found = technicianMayAct(await store.findSession(sessionId), await store.listChannelIdsOf(tech.id), tech.id);
    if (!found.ok) return found;
    if (!mayWatch(found.value, tech.id)) return fail('forbidden', 'Only technicians in this session may watch the visitor’s page.');
    const permissions = await store.listPermissions(sessionId);
    if (!mayStream(found.value, found.value.visitorId ?? '', permissions, env.now())) {
      return fail('forbidden', 'The visitor has not allowed viewing their page.');
    }
    return ok(true);
  };

  return {
    /** C-2: relays a visitor's frame when their grant stands; refuses it (`forbidden`) otherwise. */
    async frame(ctx: VisitorContext, frame: CobrowseFrame): Promise<Result<null>> {
      if (!ctx.visitor || !(await allowedToStream(frame.sessionId, ctx.visitor.id))) {
        return fail('forbidden', 'Viewing is not allowed for this session.');
      }
      outlet.toWatchers(frame);
      return ok(null);
    },

    /** C-1, C-3: may this technician watch? If so the caller joins them to the stream, then calls {@link asked}. */
    watchable,

    /** C-3: after a watcher joined, the visitor records a full snapshot (merged with nearby asks). */
    async asked(sessionId: string): Promise<Result<CobrowseWatching>> {
      askSnapshot(sessionId);
      return ok({ sessionId, visitorOnline: await outlet.visitorOnline(sessionId) });
    },

    /**
     * C-11: a watching technician's pointer or highlight goes to the visitor, named. Watching was
     * checked against the grant when it began and ends with it (C-2), so no store read per move.
     */
    guide(tech: Technician, p: { sessionId: string } & ({ x: number; y: number } | { nodeId: number })): Result<null> {
      if ('nodeId' in p) outlet.guide({ kind: 'highlight', value: { sessionId: p.sessionId, technician: tech.name, nodeId: p.nodeId } });
      else outlet.guide({ kind: 'pointer', value: { sessionId: p.sessionId, technician: tech.name, x: p.x, y: p.y } });
      return ok(null);
    },

    /**
     * C-12: passes a watching technician's command to the visitor's page when `view` and `control`
     * both stand, read from the store every time so a revoke stops the very next command.
     */
    async control(tech: Technician, command: CobrowseControl): Promise<Result<ControlOutcome>> {
      const session = await store.findSession(command.sessionId);
      if (!mayControl(session, tech.id, await store.listPermissions(command.sessionId), env.now())) {
        return fail('forbidden', 'The visitor has not allowed control of their page.');
      }
      const answers = await outlet.control(command);
      return ok(controlOutcome(answers.filter(isControlAnswer)));
    },

    /** C-5: the visitor's last widget of the session left: watchers hear it. */
    left(sessionId: string): void {
      outlet.tellWatchers(sessionId, 'left');
    },
  };
}

/** The co-browse relay service. */
export type CobrowseRelay = ReturnType<typeof cobrowseRelay>;
