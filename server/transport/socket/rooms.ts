/**
 * Room names. Rooms, not process memory, say who hears what, so with the Redis adapter a broadcast
 * from one server process reaches sockets on every other.
 */
import type { Audience } from '../../core/ports.js';

/** The widget sockets of one session's visitor. */
export const sessionRoom = (sessionId: string) => `session:${sessionId}`;

/** The console sockets of one channel's members. */
export const channelRoom = (channelId: string) => `channel:${channelId}`;

/** The console sockets of one technician. */
export const technicianRoom = (technicianId: string) => `technician:${technicianId}`;

/** The console rooms of an audience; socket.io delivers once to a socket in several of them. */
export function consoleRooms(a: Audience): string[] {
  return [...a.channelIds.map(channelRoom), ...a.technicianIds.map(technicianRoom)];
}
