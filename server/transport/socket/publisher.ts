/**
 * The core's {@link Publisher} over socket.io rooms.
 */
import type { Namespace } from 'socket.io';
import type { ConsoleFacts, WidgetFacts } from '../../../src/protocol/index.js';
import type { Publisher } from '../../core/ports.js';
import { consoleRooms, sessionRoom } from './rooms.js';

/** Broadcasts core facts to the widget and console namespaces. */
export function socketPublisher(widget: Namespace<object, WidgetFacts>, consoleNs: Namespace<object, ConsoleFacts>): Publisher {
  const toConsoles = (a: Parameters<Publisher['sessionUpdated']>[1]) => {
    const rooms = consoleRooms(a);
    return rooms.length > 0 ? consoleNs.to(rooms) : null;
  };
  return {
    messageCreated(message, audience) {
      widget.to(sessionRoom(message.sessionId)).emit('message:created', message);
      toConsoles(audience)?.emit('message:created', message);
    },
    sessionCreated(session, audience) {
      toConsoles(audience)?.emit('session:created', session);
    },
    sessionUpdated(session, audience) {
      const { channelName: _channelName, ...visitorView } = session;
      if (audience.visitor) widget.to(sessionRoom(session.id)).emit('session:updated', visitorView);
      toConsoles(audience)?.emit('session:updated', session);
    },
    sessionRemoved(sessionId, audience) {
      toConsoles(audience)?.emit('session:removed', { sessionId });
    },
    activityCreated(entry, audience) {
      toConsoles(audience)?.emit('activity:created', entry);
    },
    permissionRequested(permission, audience) {
      widget.to(sessionRoom(permission.sessionId)).emit('permission:requested', permission);
      toConsoles(audience)?.emit('permission:updated', permission);
    },
    permissionUpdated(permission, audience) {
      widget.to(sessionRoom(permission.sessionId)).emit('permission:updated', permission);
      toConsoles(audience)?.emit('permission:updated', permission);
    },
    visitorDisconnected(sessionId, message) {
      widget.to(sessionRoom(sessionId)).emit('session:disconnected', { sessionId, message });
      // Without closing the connection: the client hears "io server disconnect" and does not retry.
      widget.in(sessionRoom(sessionId)).disconnectSockets(false);
    },
    presenceChanged(sessionId, visitorOnline, audience) {
      toConsoles(audience)?.emit('presence:changed', { sessionId, visitorOnline });
    },
    noteCreated(note, audience) {
      // Never to the widget namespace, whatever the audience says (N-1).
      toConsoles(audience)?.emit('note:created', note);
    },
    typingChanged(typing, audience) {
      if (typing.who.kind === 'technician' && audience.visitor) widget.to(sessionRoom(typing.sessionId)).emit('typing:changed', typing);
      // The typist's own consoles hear it too and ignore their own id.
      toConsoles(audience)?.emit('typing:changed', typing);
    },
    receiptUpdated(receipt, audience) {
      // The widget shows how far the technicians got; its own marks are of no use to it.
      if (receipt.side === 'technicians' && audience.visitor) widget.to(sessionRoom(receipt.sessionId)).emit('receipt:updated', receipt);
      toConsoles(audience)?.emit('receipt:updated', receipt);
    },
  };
}
