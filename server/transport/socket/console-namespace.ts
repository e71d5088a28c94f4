/**
 * The console namespace: a signed-in technician. Handshake: protocol version, same-origin, and the
 * session cookie. The socket joins the rooms of the technician's channels.
 */
import { parse as parseCookie } from 'cookie';
import type { FastifyBaseLogger } from 'fastify';
import type { Namespace } from 'socket.io';
import { consoleCommandSchemas, type ConsoleCommands, type ConsoleFacts } from '../../../src/protocol/index.js';
import type { Technician } from '../../core/model.js';
import type { Store } from '../../core/ports.js';
import type { TechnicianAuth } from '../../core/services/technician-auth.js';
import type { TechnicianChat } from '../../core/services/technician-chat.js';
import { AUTH_COOKIE } from '../http/auth-cookie.js';
import { bindCommands } from './commands.js';
import { HandshakeError } from './handshake-error.js';
import { assertProtocol } from './protocol-check.js';
import { channelRoom } from './rooms.js';

/** The console namespace with its typed events and per-socket data. */
export type ConsoleNamespace = Namespace<ConsoleCommands, ConsoleFacts, object, { technician: Technician; channelIds: string[] }>;

/** True when the browser's Origin is this server, so another site cannot ride the cookie. */
function sameOrigin(origin: string | undefined, host: string | undefined): boolean {
  if (!origin) return true; // Non-browser clients send none; the cookie still has to be valid.
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

/** Installs the handshake and command handlers on the console namespace. */
export function mountConsoleNamespace(
  ns: ConsoleNamespace,
  deps: { store: Store; auth: TechnicianAuth; chat: TechnicianChat; log: FastifyBaseLogger },
): void {
  const { store, auth, chat, log } = deps;

  ns.use((socket, next) => {
    const run = async () => {
      assertProtocol(socket.handshake.auth);
      const { origin, host, cookie } = socket.handshake.headers;
      if (!sameOrigin(origin, host)) throw new HandshakeError('forbidden', 'The console only accepts connections from its own origin.');
      const technician = await auth.authenticate(parseCookie(cookie ?? '')[AUTH_COOKIE]);
      if (!technician) throw new HandshakeError('unauthorized', 'Sign in first.');
      socket.data = { technician, channelIds: await store.listChannelIdsOf(technician.id) };
    };
    run().then(
      () => next(),
      (e: unknown) => {
        if (!(e instanceof HandshakeError)) log.error({ err: e }, 'console handshake failed');
        next(e instanceof HandshakeError ? e : new HandshakeError('internal', 'The server could not accept the connection.'));
      },
    );
  });

  ns.on('connection', (socket) => {
    const tech = socket.data.technician;
    // Joined before any command is handled: a client that lists sessions right after connecting
    // must not miss a message sent in between.
    void socket.join(socket.data.channelIds.map(channelRoom));
    bindCommands<ConsoleCommands, typeof consoleCommandSchemas>(
      socket,
      consoleCommandSchemas,
      {
        'sessions:list': () => chat.list(tech),
        'message:send': (p) => chat.send(tech, p),
        'messages:sync': (p) => chat.sync(tech, p),
        'session:read': (p) => chat.read(tech, p),
      },
      log,
    );
  });
}
