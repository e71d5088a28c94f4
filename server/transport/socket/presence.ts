/**
 * The core's {@link Presence} port over socket.io: who is connected is asked of the rooms (across
 * every server process with the Redis adapter), never kept in this process's memory.
 */
import type { Namespace } from 'socket.io';
import type { Presence } from '../../core/ports.js';
import { channelRoom, sessionRoom, technicianRoom } from './rooms.js';

/** Presence over the widget and console namespaces. */
export function socketPresence(widget: Namespace, consoleNs: Namespace): Presence {
  return {
    async isVisitorOnline(sessionId) {
      return (await widget.in(sessionRoom(sessionId)).fetchSockets()).length > 0;
    },
    channelMembershipChanged(channelId, added, removed) {
      for (const id of added) consoleNs.in(technicianRoom(id)).socketsJoin(channelRoom(channelId));
      for (const id of removed) consoleNs.in(technicianRoom(id)).socketsLeave(channelRoom(channelId));
    },
  };
}
