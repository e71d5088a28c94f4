/**
 * Builds the whole server (Fastify + socket.io on one HTTP server) without listening, so tests start
 * it on port 0 and the shell in `index.ts` only adds `listen()`.
 */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fastifyCookie from '@fastify/cookie';
import Fastify, { type FastifyInstance } from 'fastify';
import { Server, type ServerOptions } from 'socket.io';
import { coalesceWrites } from './transport/socket/write-coalescing.js';
import { fail, LIMITS, NAMESPACES } from '../src/protocol/index.js';
import type { FloodRule } from './core/flood-limit.js';
import type { MailSender } from './core/desk/desk-ports.js';
import type { Env, PasswordHasher, Store } from './core/ports.js';
import { admin } from './core/services/admin.js';
import { attachments } from './core/services/attachments.js';
import { channelProfiles } from './core/services/channel-profile.js';
import { serviceDesk, type ServiceDesk } from './core/services/desk/service-desk.js';
import { clientDesk } from './core/services/client-desk.js';
import { clientTraffic } from './core/services/client-traffic.js';
import { escalationTickets } from './core/services/escalation-tickets.js';
import { supportClientService } from './core/services/support-client.js';
import { unattendedService } from './core/services/unattended.js';
import { unattendedAdmin } from './core/services/unattended-admin.js';
import { cobrowseRelay } from './core/services/cobrowse-relay.js';
import { expiry } from './core/services/expiry.js';
import { deviceAdmin } from './core/services/device-admin.js';
import { presencePass } from './core/services/presence-pass.js';
import { PRESENCE_HEARTBEAT_MS } from './core/device-presence.js';
import { deviceRoutes } from './transport/http/device-routes.js';
import { sessionDesk } from './core/services/session-desk.js';
import { technicianAuth } from './core/services/technician-auth.js';
import { chatGates } from './core/services/chat-gates.js';
import { conversationLinks } from './core/services/conversation-links.js';
import { chatSignals } from './core/services/chat-signals.js';
import { technicianChat } from './core/services/technician-chat.js';
import { technicianNotes } from './core/services/technician-notes.js';
import { visitorChat } from './core/services/visitor-chat.js';
import { visitorJoin } from './core/services/visitor-join.js';
import { visitorPermissions } from './core/services/visitor-permissions.js';
import { visitorProfile } from './core/services/visitor-profile.js';
import { identityHashMatches } from './security/identity-hash.js';
import { adminRoutes } from './transport/http/admin-routes.js';
import { unattendedRoutes } from './transport/http/unattended-routes.js';
import { attachmentRoutes } from './transport/http/attachment-routes.js';
import { authRoutes, sendFailure } from './transport/http/auth-routes.js';
import { profileRoutes } from './transport/http/profile-routes.js';
import { socketChannelPresence } from './transport/socket/channel-presence.js';
import { deskRoutes } from './transport/http/desk-routes.js';
import { staticRoutes } from './transport/http/static-routes.js';
import { withActivityRelay } from './transport/socket/activity-relay.js';
import { socketCobrowseOutlet } from './transport/socket/cobrowse-outlet.js';
import { mountConsoleNamespace, type ConsoleNamespace } from './transport/socket/console-namespace.js';
import { socketDeskPublisher } from './transport/socket/desk-publisher.js';
import { socketPresence } from './transport/socket/presence.js';
import { socketPublisher } from './transport/socket/publisher.js';
import {
  mountSupportClientNamespace,
  socketDeviceRelay,
  socketClientRelay,
  type SupportClientNamespace,
} from './transport/socket/support-client-namespace.js';
import { mountWidgetNamespace, type WidgetNamespace } from './transport/socket/widget-namespace.js';
import { attachmentFiles, type AttachmentFiles } from './storage/attachment-files.js';
import { downloadRoutes } from './transport/http/download-routes.js';

/** What {@link buildApp} needs. */
export interface AppDeps {
  store: Store;
  env: Env;
  hasher: PasswordHasher;
  /** Folders of the built front-ends and the demo site. */
  dirs: { distDir: string; siteDir: string };
  logLevel?: string;
  /** socket.io adapter, e.g. Redis when several server processes share the work. */
  adapter?: ServerOptions['adapter'];
  /** Believe X-Forwarded-For (only behind a proxy you run). */
  trustProxy?: boolean;
  /** Public base URL, for invitation links; else the console's own origin. */
  publicUrl?: string;
  /** How often expiry runs (sessions, permission requests); 0 turns the timer off (tests run it by hand). */
  expiryIntervalMs?: number;
  /** How often devices' presence leases are renewed and lapsed ones swept (U-6); 0 turns the timer off. */
  presenceIntervalMs?: number;
  /** Flood limit of chat messages per sender (L-1); the default suits people. */
  messageRate?: FloodRule;
  /** Folder of uploaded files (`ATTACHMENTS_DIR`); without it, a new folder in the OS's temp dir. */
  attachmentsDir?: string;
  /** Service desk mail: the SMTP sender (null keeps mail in the outbox, X-1) and the desk's address. */
  deskMail?: { sender: MailSender | null; address: string };
}

/** The built server. */
export interface App {
  http: FastifyInstance;
  io: Server;
  auth: ReturnType<typeof technicianAuth>;
  /** Runs one expiry pass now. */
  expire: () => Promise<{ sessions: number; permissions: number }>;
  /** Runs one presence heartbeat now (U-6); resolves with the devices that went offline. */
  heartbeat: () => Promise<string[]>;
  /** The attachment folder. */
  files: AttachmentFiles;
  /** The service desk, for mail intake (SMTP listener, IMAP) and other features. */
  desk: ServiceDesk;
}

/** Wires storage, services, HTTP routes and socket namespaces. Call `http.listen()` to serve. */
export async function buildApp(deps: AppDeps): Promise<App> {
  const { store, env } = deps;
  const trustProxy = deps.trustProxy ?? false;
  const http = Fastify({ logger: { level: deps.logLevel ?? 'info' }, bodyLimit: LIMITS.httpBodyBytes, trustProxy });
  const io = new Server(http.server, {
    // A socket.io message above this closes the connection, so it stays well above the per-event
    // limit that commands answer with `payload_too_large`.
    maxHttpBufferSize: 1_000_000,
    serveClient: false,
    cors: { origin: true, credentials: false },
    ...(deps.adapter ? { adapter: deps.adapter } : {}),
  });
  coalesceWrites(io);

  const widgetNs = io.of(NAMESPACES.widget) as WidgetNamespace;
  const consoleNs = io.of(NAMESPACES.console) as ConsoleNamespace;
  const relayed = withActivityRelay(socketPublisher(widgetNs, consoleNs), (e) =>
    http.log.error({ err: e }, 'ticket timeline relay failed'),
  );
  const publish = relayed.publish;
  const presence = socketPresence(widgetNs, consoleNs);
  const gates = chatGates(env, deps.messageRate);
  const core = { store, env, publish, gates };
  const signals = chatSignals(core, gates);
  const desk = sessionDesk({ ...core, presence, profileOf: (s) => visitorProfiles.sessionView(s) });
  const deskMail = deps.deskMail ?? { sender: null, address: 'desk@porthole.local' };
  const service = serviceDesk({
    store,
    env,
    deskPublish: socketDeskPublisher(consoleNs),
    mail: deskMail.sender,
    deskAddress: deskMail.address,
    sessions: desk,
    presence,
  });
  relayed.relayTo(service.relay);
  const auth = technicianAuth({ store, env, hasher: deps.hasher });
  const profiles = channelProfiles({ store, env, presence: socketChannelPresence(consoleNs) });
  const visitorProfiles = visitorProfile({
    store,
    env,
    profiles,
    checkHash: identityHashMatches,
    leaveGate: gates.offline,
    // O-2: a message left while offline becomes a ticket, routed by the desk's rules like a mail.
    toTicket: async (m) => {
      const extra = Object.entries(m.fields).map(([field, value]) => `${field}: ${value}`);
      const message = extra.length > 0 ? `${m.message}\n\n${extra.join('\n')}` : m.message;
      const ticket = await service.createTicket({ name: m.name, email: m.email, message, origin: 'widget' }, { applyRules: true });
      // The ticket is made: a failed confirmation must not make the message look lost.
      await service.acknowledge(ticket, m.message).catch((e: unknown) => http.log.error({ err: e }, 'offline confirmation failed'));
      return ticket.id;
    },
  });
  const supportNs = io.of(NAMESPACES.supportClient) as SupportClientNamespace;
  const clientCore = { ...core, relay: socketClientRelay(supportNs, consoleNs), traffic: clientTraffic(core.store) };
  const clientService = supportClientService(clientCore);
  const deviceRelay = socketDeviceRelay(supportNs, consoleNs);
  const devices = unattendedService({
    ...clientCore,
    devices: deviceRelay,
    announce: clientService.announce,
  });
  mountSupportClientNamespace(supportNs, { service: clientService, unattended: devices, log: http.log, trustProxy });
  const cobrowse = cobrowseRelay({ store, env, outlet: socketCobrowseOutlet(widgetNs, consoleNs) });

  mountWidgetNamespace(widgetNs, {
    store,
    chat: visitorChat(core),
    join: visitorJoin(core),
    permissions: visitorPermissions(core),
    signals,
    profiles,
    visitorProfiles,
    tickets: escalationTickets(core),
    clients: clientService,
    cobrowse,
    links: conversationLinks({ store, env, mail: deskMail.sender, from: deskMail.address, gate: gates.links }),
    log: http.log,
    trustProxy,
  });
  mountConsoleNamespace(consoleNs, {
    store,
    auth,
    chat: technicianChat(core),
    notes: technicianNotes(core, gates),
    signals,
    desk,
    serviceDesk: service,
    clients: clientDesk({ ...clientCore, announce: clientService.announce }),
    devices,
    cobrowse,
    log: http.log,
    trustProxy,
    publicUrl: deps.publicUrl,
  });

  await http.register(fastifyCookie);
  http.setErrorHandler((error: { statusCode?: number; code?: string; message: string }, request, reply) => {
    const status = error.statusCode ?? 500;
    if (status >= 500) request.log.error({ err: error }, 'request failed');
    if (status === 413) return sendFailure(reply, fail('payload_too_large', `Body is larger than ${LIMITS.httpBodyBytes} bytes.`));
    if (status === 404) return sendFailure(reply, fail('not_found', 'Not found.'));
    if (status >= 400 && status < 500) return sendFailure(reply, fail('invalid_payload', error.message));
    return sendFailure(reply, fail('internal', 'Something went wrong on the server.'));
  });
  http.setNotFoundHandler((_request, reply) => sendFailure(reply, fail('not_found', 'Not found.')));
  http.get('/api/health', () => Promise.resolve({ ok: true, value: { status: 'up' } }));
  authRoutes(http, auth);
  adminRoutes(http, auth, admin({ store, env, hasher: deps.hasher, presence }));
  unattendedRoutes(http, auth, unattendedAdmin({ store, env }));
  deviceRoutes(http, auth, deviceAdmin({ store, env, devices: deviceRelay, unattended: devices }));
  const files = attachmentFiles(deps.attachmentsDir ?? (await mkdtemp(path.join(tmpdir(), 'porthole-attachments-'))));
  await attachmentRoutes(http, { store, env, auth, attachments: attachments({ store, env }), files });
  profileRoutes(http, auth, profiles);
  deskRoutes(http, auth, service);
  downloadRoutes(http, { distDir: deps.dirs.distDir, publicUrl: deps.publicUrl });
  await staticRoutes(http, deps.dirs);

  const expiryPass = expiry(core);
  let running: Promise<{ sessions: number; permissions: number }> | null = null;
  // One pass at a time: a slow database must not stack them up.
  const expire = () => (running ??= expiryPass.run().finally(() => (running = null)));
  const interval = deps.expiryIntervalMs ?? 2000;
  const timer =
    interval > 0
      ? setInterval(() => {
          expire().catch((e: unknown) => http.log.error({ err: e }, 'expiry pass failed'));
        }, interval)
      : null;
  timer?.unref();

  // U-6: devices a killed process held read offline now, not once their lease lapses.
  const presencePasses = presencePass({ store, env, devices: deviceRelay, unattended: devices });
  await presencePasses.reconcile();
  let beating: Promise<string[]> | null = null;
  const heartbeat = () => (beating ??= presencePasses.heartbeat().finally(() => (beating = null)));
  const beat = deps.presenceIntervalMs ?? PRESENCE_HEARTBEAT_MS;
  const beatTimer =
    beat > 0
      ? setInterval(() => {
          heartbeat().catch((e: unknown) => http.log.error({ err: e }, 'presence heartbeat failed'));
        }, beat)
      : null;
  beatTimer?.unref();

  http.addHook('onClose', async () => {
    if (timer) clearInterval(timer);
    if (beatTimer) clearInterval(beatTimer);
    await beating?.catch(() => undefined);
    await running?.catch(() => undefined);
    await io.close();
  });
  return { http, io, auth, expire, heartbeat, files, desk: service };
}
