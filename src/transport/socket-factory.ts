/**
 * How the widget opens its socket. The chat takes a {@link SocketFactory} so tests can hand it a fake
 * socket instead of a network connection.
 */
import { io, type Socket } from 'socket.io-client';
import { NAMESPACES, type WidgetCommands, type WidgetFacts, type WidgetHandshake } from '../protocol/index.js';

/** The widget's typed socket. */
export type WidgetSocket = Socket<WidgetFacts, WidgetCommands>;

/** Opens a socket to `server`'s widget namespace; `auth` is asked again on every reconnect. */
export type SocketFactory = (server: string, auth: () => Promise<WidgetHandshake>) => WidgetSocket;

/** The real factory: socket.io over WebSocket, falling back to long-polling. */
export const connectSocket: SocketFactory = (server, auth) =>
  io(new URL(NAMESPACES.widget, server).href, {
    auth: (cb) => {
      auth().then(cb, () => cb({}));
    },
    transports: ['websocket', 'polling'],
    reconnectionDelayMax: 5000,
  });
