/**
 * Builds the whole server (Fastify + socket.io on one HTTP server) without listening, so tests start
 * it on port 0 and the shell in `index.ts` only adds `listen()`.
 */
import fastifyCookie from '@fastify/cookie';
import Fastify, { type FastifyInstance } from 'fastify';
import { Server, type ServerOptions } from 'socket.io';
import { fail, LIMITS, NAMESPACES } from '../src/protocol/index.js';
import type { Env, PasswordHasher, Store } from './core/ports.js';
import { admin } from './core/services/admin.js';
import { cobrowseRelay } from './core/services/cobrowse-relay.js';
import { expiry } from './core/services/expiry.js';
import { sessionDesk } from './core/services/session-desk.js';
import { technicianAuth } from './core/services/technician-auth.js';
import { technicianChat } from './core/services/technician-chat.js';
import { visitorChat } from './core/services/visitor-chat.js';
import { visitorJoin } from './core/services/visitor-join.js';
import { visitorPermissions } from './core/services/visitor-permissions.js';
import { adminRoutes } from './transport/http/admin-routes.js';
import { authRoutes, sendFailure } from './transport/http/auth-routes.js';
import { staticRoutes } from './transport/http/static-routes.js';
import { socketCobrowseOutlet } from './transport/socket/cobrowse-outlet.js';
import { mountConsoleNamespace, type ConsoleNamespace } from './transport/socket/console-namespace.js';
import { socketPresence } from './transport/socket/presence.js';
import { socketPublisher } from './transport/socket/publisher.js';
import { mountWidgetNamespace, type WidgetNamespace } from './transport/socket/widget-namespace.js';

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
}

/** The built server. */
export interface App {
  http: FastifyInstance;
  io: Server;
  auth: ReturnType<typeof technicianAuth>;
  /** Runs one expiry pass now. */
  expire: () => Promise<{ sessions: number; permissions: number }>;
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

  const widgetNs = io.of(NAMESPACES.widget) as WidgetNamespace;
  const consoleNs = io.of(NAMESPACES.console) as ConsoleNamespace;
  const publish = socketPublisher(widgetNs, consoleNs);
  const presence = socketPresence(widgetNs, consoleNs);
  const core = { store, env, publish };
  const auth = technicianAuth({ store, env, hasher: deps.hasher });
  const cobrowse = cobrowseRelay({ store, env, outlet: socketCobrowseOutlet(widgetNs, consoleNs) });

  mountWidgetNamespace(widgetNs, {
    store,
    chat: visitorChat(core),
    join: visitorJoin(core),
    permissions: visitorPermissions(core),
    cobrowse,
    log: http.log,
    trustProxy,
  });
  mountConsoleNamespace(consoleNs, {
    store,
    auth,
    chat: technicianChat(core),
    desk: sessionDesk({ ...core, presence }),
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

  http.addHook('onClose', async () => {
    if (timer) clearInterval(timer);
    await running?.catch(() => undefined);
    await io.close();
  });
  return { http, io, auth, expire };
}
