/**
 * The core's {@link Publisher} over socket.io rooms.
 */
import type { Namespace } from 'socket.io';
import type { ConsoleFacts, WidgetFacts } from '../../../src/protocol/index.js';
import type { Publisher } from '../../core/ports.js';
import { channelRoom, sessionRoom } from './rooms.js';

/** Broadcasts core facts to the widget and console namespaces. */
export function socketPublisher(widget: Namespace<object, WidgetFacts>, consoleNs: Namespace<object, ConsoleFacts>): Publisher {
  return {
    messageCreated(message, channelId) {
      widget.to(sessionRoom(message.sessionId)).emit('message:created', message);
      consoleNs.to(channelRoom(channelId)).emit('message:created', message);
    },
    sessionCreated(session, channelName) {
      consoleNs.to(channelRoom(session.channelId)).emit('session:created', { ...session, channelName });
    },
    sessionUpdated(session) {
      widget.to(sessionRoom(session.id)).emit('session:updated', session);
      consoleNs.to(channelRoom(session.channelId)).emit('session:updated', session);
    },
  };
}
