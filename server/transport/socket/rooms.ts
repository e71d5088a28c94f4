/**
 * Room names. Rooms, not process memory, say who hears what, so with the Redis adapter a broadcast
 * from one server process reaches sockets on every other.
 */

/** The widget sockets of one session's visitor. */
export const sessionRoom = (sessionId: string) => `session:${sessionId}`;

/** The console sockets of one channel's members. */
export const channelRoom = (channelId: string) => `channel:${channelId}`;
