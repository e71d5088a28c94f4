/**
 * Builds the whole server (Fastify + socket.io on one HTTP server) without listening, so tests start
 * it on port 0 and the shell in `index.ts` only adds `listen()`.
 */
import fastifyCookie from '@fastify/cookie';
import Fastify, { type FastifyInstance } from 'fastify';
import { Server, type ServerOptions } from 'socket.io';
import { fail, LIMITS, NAMESPACES } from '../src/protocol/index.js';
import type { Env, PasswordHasher, Store } from './core/ports.js';
import { technicianAuth } from './core/services/technician-auth.js';
import { technicianChat } from './core/services/technician-chat.js';
import { visitorChat } from './core/services/visitor-chat.js';
import { authRoutes, sendFailure } from './transport/http/auth-routes.js';
import { staticRoutes } from './transport/http/static-routes.js';
import { mountConsoleNamespace, type ConsoleNamespace } from './transport/socket/console-namespace.js';
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
}

/** The built server. */
export interface App {
  http: FastifyInstance;
  io: Server;
  auth: ReturnType<typeof technicianAuth>;
}

/** Wires storage, services, HTTP routes and socket namespaces. Call `http.listen()` to serve. */
export async function buildApp(deps: AppDeps): Promise<App> {
  const http = Fastify({
    logger: { level: deps.logLevel ?? 'info' },
    bodyLimit: LIMITS.httpBodyBytes,
    trustProxy: false,
  });
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
  const auth = technicianAuth({ store: deps.store, env: deps.env, hasher: deps.hasher });

  mountWidgetNamespace(widgetNs, { store: deps.store, chat: visitorChat({ store: deps.store, env: deps.env, publish }), log: http.log });
  mountConsoleNamespace(consoleNs, {
    store: deps.store,
    auth,
    chat: technicianChat({ store: deps.store, env: deps.env, publish }),
    log: http.log,
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
  await staticRoutes(http, deps.dirs);

  http.addHook('onClose', async () => {
    await io.close();
  });
  return { http, io, auth };
}
