/**
 * Whether a channel is staffed: some console of one of its members is connected. Asked of the
 * channel's room (across server processes with the Redis adapter), never of this process's memory.
 */
import type { Namespace } from 'socket.io';
import type { ChannelPresence } from '../../core/services/channel-profile.js';
import { channelRoom } from './rooms.js';

/** {@link ChannelPresence} over the console namespace. */
export function socketChannelPresence(consoleNs: Namespace): ChannelPresence {
  return {
    async isChannelStaffed(channelId) {
      return (await consoleNs.in(channelRoom(channelId)).fetchSockets()).length > 0;
    },
  };
}
