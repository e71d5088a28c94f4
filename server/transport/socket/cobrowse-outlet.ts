/**
 * The co-browse relay over socket.io rooms: one room per watched session on the console namespace,
 * so with the Redis adapter a frame from a widget on one process reaches watchers on every other.
 */
import type { Namespace, Socket } from 'socket.io';
import {
  encodeCobrowseFrame,
  fail,
  type CobrowseControlSchema,
  type CobrowseHighlightSchema,
  type CobrowsePointerSchema,
  type CobrowseTargetSchema,
  type ConsoleCommands,
  type ConsoleFacts,
  type WidgetFacts,
} from '../../../src/protocol/index.js';
import { CONTROL_TIMEOUT_MS, type CobrowseOutlet, type CobrowseRelay } from '../../core/services/cobrowse-relay.js';
import type { CommandHandlers } from './commands.js';
import type { ConsoleSocketData } from './console-namespace.js';
import { sessionRoom } from './rooms.js';

/** The console sockets watching one session's stream. */
export const cobrowseRoom = (sessionId: string) => `cobrowse:${sessionId}`;

/** Builds the outlet on the widget and console namespaces. */
export function socketCobrowseOutlet(
  widget: Namespace<object, WidgetFacts>,
  consoleNs: Namespace<object, ConsoleFacts, object, ConsoleSocketData>,
): CobrowseOutlet {
  return {
    toWatchers(frame) {
      consoleNs.to(cobrowseRoom(frame.sessionId)).emit('cobrowse:events', encodeCobrowseFrame(frame));
    },
    askSnapshot(sessionId) {
      widget.to(sessionRoom(sessionId)).emit('cobrowse:snapshot', { sessionId });
    },
    tellWatchers(sessionId, reason) {
      consoleNs.to(cobrowseRoom(sessionId)).emit('cobrowse:stopped', { sessionId, reason });
    },
    async dropWatchers(sessionId, reason, keep) {
      const room = cobrowseRoom(sessionId);
      for (const s of await consoleNs.in(room).fetchSockets()) {
        if (keep(s.data.technician.id)) continue;
        s.leave(room);
        s.emit('cobrowse:stopped', { sessionId, reason });
      }
    },
    guide(fact) {
      const room = widget.to(sessionRoom(fact.value.sessionId));
      if (fact.kind === 'pointer') room.volatile.emit('cobrowse:pointer', fact.value);
      else room.emit('cobrowse:highlight', fact.value);
    },
    control(command) {
      // A broadcast with acks: every widget of the session answers, the one recording that page decides.
      return new Promise((resolve) => {
        widget
          .to(sessionRoom(command.sessionId))
          .timeout(CONTROL_TIMEOUT_MS)
          .emit('cobrowse:control', command, (_timedOut: Error | null, answers: unknown[]) =>
            resolve(Array.isArray(answers) ? answers : []),
          );
      });
    },
    async visitorOnline(sessionId) {
      return (await widget.in(sessionRoom(sessionId)).fetchSockets()).length > 0;
    },
  };
}

type CobrowseCommands = Pick<
  ConsoleCommands,
  'cobrowse:watch' | 'cobrowse:unwatch' | 'cobrowse:snapshot' | 'cobrowse:pointer' | 'cobrowse:highlight' | 'cobrowse:control'
>;
type CobrowseSchemas = {
  'cobrowse:watch': typeof CobrowseTargetSchema;
  'cobrowse:unwatch': typeof CobrowseTargetSchema;
  'cobrowse:snapshot': typeof CobrowseTargetSchema;
  'cobrowse:pointer': typeof CobrowsePointerSchema;
  'cobrowse:highlight': typeof CobrowseHighlightSchema;
  'cobrowse:control': typeof CobrowseControlSchema;
};

/** The console's co-browse commands for one socket: watch (C-1, C-3), unwatch, ask a snapshot again, guide (C-11), control (C-12). */
export function cobrowseConsoleHandlers(
  socket: Socket<ConsoleCommands, ConsoleFacts, object, ConsoleSocketData>,
  relay: CobrowseRelay,
): CommandHandlers<CobrowseCommands, CobrowseSchemas> {
  const tech = socket.data.technician;
  const watching = (sessionId: string) => socket.rooms.has(cobrowseRoom(sessionId));
  const notWatching = () => fail('forbidden', 'Watch the session first.');
  return {
    'cobrowse:watch': async ({ sessionId }) => {
      const allowed = await relay.watchable(tech, sessionId);
      if (!allowed.ok) return allowed;
      await socket.join(cobrowseRoom(sessionId));
      return relay.asked(sessionId);
    },
    'cobrowse:unwatch': async ({ sessionId }) => {
      await socket.leave(cobrowseRoom(sessionId));
      return { ok: true, value: null };
    },
    'cobrowse:snapshot': async ({ sessionId }) => {
      if (!watching(sessionId)) return notWatching();
      const asked = await relay.asked(sessionId);
      return asked.ok ? { ok: true, value: null } : asked;
    },
    'cobrowse:pointer': (p) => Promise.resolve(watching(p.sessionId) ? relay.guide(tech, p) : notWatching()),
    'cobrowse:highlight': (p) => Promise.resolve(watching(p.sessionId) ? relay.guide(tech, p) : notWatching()),
    'cobrowse:control': (p) => (watching(p.sessionId) ? relay.control(tech, p) : Promise.resolve(notWatching())),
  };
}
