/**
 * The console namespace: a signed-in technician. Handshake: protocol version, same-origin, and the
 * session cookie. The socket joins its technician's room and the rooms of their channels.
 */
import { parse as parseCookie } from 'cookie';
import type { FastifyBaseLogger } from 'fastify';
import type { Namespace } from 'socket.io';
import { consoleCommandSchemas, type ConsoleCommands, type ConsoleFacts } from '../../../src/protocol/index.js';
import type { Technician } from '../../core/model.js';
import type { Store } from '../../core/ports.js';
import type { ChatSignals } from '../../core/services/chat-signals.js';
import type { ServiceDesk } from '../../core/services/desk/service-desk.js';
import type { ClientDesk } from '../../core/services/client-desk.js';
import type { UnattendedService } from '../../core/services/unattended.js';
import type { CobrowseRelay } from '../../core/services/cobrowse-relay.js';
import type { SessionDesk } from '../../core/services/session-desk.js';
import type { TechnicianAuth } from '../../core/services/technician-auth.js';
import type { TechnicianChat } from '../../core/services/technician-chat.js';
import type { TechnicianNotes } from '../../core/services/technician-notes.js';
import { clientAddress } from '../client-address.js';
import { AUTH_COOKIE } from '../http/auth-cookie.js';
import { cobrowseConsoleHandlers } from './cobrowse-outlet.js';
import { bindCommands } from './commands.js';
import { deskHandlers } from './desk-handlers.js';
import { HandshakeError } from './handshake-error.js';
import { assertProtocol } from './protocol-check.js';
import { channelRoom, technicianRoom } from './rooms.js';

/** What each console socket carries. */
export interface ConsoleSocketData {
  technician: Technician;
  channelIds: string[];
  ip: string;
  /** Base URL of this server as the technician reaches it, for invitation links. */
  siteBase: string;
}

/** The console namespace with its typed events and per-socket data. */
export type ConsoleNamespace = Namespace<ConsoleCommands, ConsoleFacts, object, ConsoleSocketData>;

/** What the console namespace needs. */
export interface ConsoleNamespaceDeps {
  store: Store;
  auth: TechnicianAuth;
  chat: TechnicianChat;
  notes: TechnicianNotes;
  signals: ChatSignals;
  desk: SessionDesk;
  serviceDesk: ServiceDesk;
  /** The support client's console commands. */
  clients: ClientDesk;
  /** Unattended devices (U-4..U-7). */
  devices: UnattendedService;
  cobrowse: CobrowseRelay;
  log: FastifyBaseLogger;
  trustProxy: boolean;
  publicUrl: string | undefined;
}

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
export function mountConsoleNamespace(ns: ConsoleNamespace, deps: ConsoleNamespaceDeps): void {
  const { store, auth, chat, notes, signals, desk, clients, log } = deps;

  ns.use((socket, next) => {
    const run = async () => {
      assertProtocol(socket.handshake.auth);
      const { origin, host, cookie } = socket.handshake.headers;
      if (!sameOrigin(origin, host)) throw new HandshakeError('forbidden', 'The console only accepts connections from its own origin.');
      const technician = await auth.authenticate(parseCookie(cookie ?? '')[AUTH_COOKIE]);
      if (!technician) throw new HandshakeError('unauthorized', 'Sign in first.');
      socket.data = {
        technician,
        channelIds: await store.listChannelIdsOf(technician.id),
        ip: clientAddress(socket.handshake.address, socket.handshake.headers['x-forwarded-for'], deps.trustProxy),
        siteBase: deps.publicUrl ?? (origin || `http://${host ?? 'localhost'}`),
      };
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
    const { technician: tech, siteBase, ip } = socket.data;
    // Joined before any command is handled: a client that lists sessions right after connecting
    // must not miss a message sent in between.
    void socket.join([technicianRoom(tech.id), ...socket.data.channelIds.map(channelRoom)]);
    bindCommands<ConsoleCommands, typeof consoleCommandSchemas>(
      socket,
      consoleCommandSchemas,
      {
        'sessions:list': () => desk.list(tech),
        'session:details': (p) => desk.details(tech, p.sessionId, siteBase),
        'session:create': (p) => desk.create(tech, p.channelId, siteBase),
        'session:connect-code': (p) => desk.connectCode(tech, p.code, ip),
        'session:act': (p) => desk.act(tech, p.sessionId, p.action),
        'permission:request': (p) => desk.requestPermission(tech, p.sessionId, p.capability),
        'directory:list': () => desk.directory(tech),
        'message:send': (p) => chat.send(tech, p),
        'messages:sync': (p) => chat.sync(tech, p),
        'session:read': (p) => chat.read(tech, p),
        'session:delivered': (p) => signals.technicianDelivered(tech, p),
        'note:send': (p) => notes.send(tech, p),
        'notes:sync': (p) => notes.sync(tech, p),
        'typing:set': (p) => signals.technicianTyping(tech, p),
        ...deskHandlers(deps.serviceDesk, tech, siteBase),
        'client:status': (p) => clients.status(tech, p),
        'client:grant-request': (p) => clients.requestGrant(tech, p),
        'client:shell-open': (p) => clients.shellOpen(tech, p),
        'client:shell-input': (p) => clients.shellInput(tech, p),
        'client:shell-resize': (p) => clients.shellResize(tech, p),
        'client:shell-attach': (p) => clients.shellAttach(tech, p),
        'client:file-send': (p) => clients.fileSend(tech, p),
        'client:file-chunk': (p) => clients.fileChunk(tech, p),
        'client:file-fetch': (p) => clients.fileFetch(tech, p),
        'client:elevation-request': (p) => clients.requestElevation(tech, p),
        'devices:list': () => deps.devices.list(tech),
        'device:connect': (p) => deps.devices.connect(tech, p.deviceId),
        'device:disconnect': (p) => deps.devices.disconnect(tech, p.connectionId),
        'device:connections': (p) => deps.devices.connections(tech, p.deviceId),
        'device:session-connection': (p) => deps.devices.sessionConnection(tech, p.sessionId),
        ...cobrowseConsoleHandlers(socket, deps.cobrowse),
      },
      log,
    );
  });
}
