/**
 * The real server for tests: {@link buildApp} over a real store, argon2 and the real clock (or a
 * {@link TestClock} the test moves forward), listening on a free port of 127.0.0.1. Server transport tests and end-to-end tests both start it here.
 *
 * @example
 * const server = await buildTestServer();
 * try {
 *   const cookie = await server.login();
 *   const tech = await connectConsole(server.url, cookie);
 *   // ...
 * } finally {
 *   await server.close();
 * }
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildApp, type App, type AppDeps } from '../../server/app.js';
import type { Env, Store } from '../../server/core/ports.js';
import { AUTH_COOKIE } from '../../server/transport/http/auth-cookie.js';
import { argon2Hasher } from '../../server/security/argon2-hasher.js';
import { nodeEnv } from '../../server/security/node-env.js';
import { openStore } from '../../server/storage/open-store.js';
import { createTestStorage, type StorageKind, type TestStorage } from './test-storage.js';

export * from './test-clock.js';
export * from './test-sockets.js';
export * from './test-storage.js';
export * from './test-team.js';

/** The admin that every test server creates on start. */
export const TEST_ADMIN = { email: 'admin@test.local', password: 'test-password-1' } as const;

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** Options of {@link buildTestServer}. */
export interface TestServerOptions {
  /**
   * Where the data lives: a new SQLite file (`'sqlite'`, the default), a new PostgreSQL schema in
   * `DATABASE_URL` (`'postgres'`), or an existing {@link TestStorage} to share with another test
   * server, which the caller then cleans up.
   */
  storage?: StorageKind | TestStorage;
  /** socket.io adapter, e.g. Redis to join several test servers. */
  adapter?: AppDeps['adapter'];
  /** Clock and randomness; a {@link TestClock}'s `env` lets the test move time forward. */
  env?: Env;
  /**
   * How often the server runs its expiry pass; 0 (the default here) turns the timer off, so tests
   * run it with `server.app.expire()` when they mean to.
   */
  expiryIntervalMs?: number;
  /** How often the presence heartbeat runs (U-6); 0 (the default here): tests run `server.app.heartbeat()`. */
  presenceIntervalMs?: number;
  /** Believe X-Forwarded-For, so tests can speak from several client addresses (J-1, J-2). */
  trustProxy?: boolean;
  /** Chat flood limit (L-1); tests that send hundreds of messages at once raise it. */
  messageRate?: AppDeps['messageRate'];
  /** Service desk mail: an SMTP sender (e.g. to a test sink) and the desk's address. */
  deskMail?: AppDeps['deskMail'];
}

/** A started test server. */
export interface TestServer {
  /** Base URL, e.g. `http://127.0.0.1:41234`, for HTTP and socket.io clients. */
  url: string;
  app: App;
  /** The store the app uses, for arranging and inspecting data directly. */
  store: Store;
  storage: TestStorage;
  /**
   * Signs in through `POST /api/auth/login` (as {@link TEST_ADMIN} by default) and returns the
   * `Cookie` header value, e.g. for {@link connectConsole}.
   */
  login(credentials?: { email: string; password: string }): Promise<string>;
  /** Stops the server, closes the store, and removes the storage it created. */
  close(): Promise<void>;
}

/** Builds, bootstraps (admin + `demo` channel) and starts the real app on port 0. */
export async function buildTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  const owned = typeof options.storage !== 'object';
  const storage = typeof options.storage === 'object' ? options.storage : await createTestStorage(options.storage);
  const store = await openStore(storage.location);
  const attachmentsDir = await mkdtemp(path.join(tmpdir(), 'porthole-files-'));
  const app = await buildApp({
    store,
    env: options.env ?? nodeEnv,
    hasher: argon2Hasher,
    dirs: { distDir: path.join(ROOT, 'dist'), siteDir: path.join(ROOT, 'demo/site') },
    logLevel: 'silent',
    adapter: options.adapter,
    expiryIntervalMs: options.expiryIntervalMs ?? 0,
    presenceIntervalMs: options.presenceIntervalMs ?? 0,
    trustProxy: options.trustProxy,
    messageRate: options.messageRate,
    attachmentsDir,
    deskMail: options.deskMail,
  });
  await app.auth.bootstrap({ ...TEST_ADMIN });
  await app.http.listen({ port: 0, host: '127.0.0.1' });
  const address = app.http.server.address();
  if (!address || typeof address === 'string') throw new Error('The test server has no TCP address.');

  return {
    url: `http://127.0.0.1:${address.port}`,
    app,
    store,
    storage,
    async login(credentials = TEST_ADMIN) {
      const res = await app.http.inject({ method: 'POST', url: '/api/auth/login', payload: credentials });
      const cookie = res.cookies.find((c) => c.name === AUTH_COOKIE);
      if (res.statusCode !== 200 || !cookie) throw new Error(`Login failed (${res.statusCode}): ${res.body}`);
      return `${cookie.name}=${cookie.value}`;
    },
    async close() {
      await app.http.close();
      await store.close();
      await rm(attachmentsDir, { recursive: true, force: true });
      if (owned) await storage.cleanup();
    },
  };
}
