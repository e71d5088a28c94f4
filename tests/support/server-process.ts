/**
 * Starts the real server shell (`server/index.ts`, as `npm start` does after building) in a child
 * process on a free port with a throw-away data folder (or a throw-away PostgreSQL database), and
 * stops it. End-to-end tests use it so they exercise exactly what a user runs; crash tests kill it
 * with SIGKILL and start it again on the same port and data.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createPostgresDatabase, type StorageKind } from './test-storage.js';

const ROOT = path.resolve(import.meta.dirname, '../..');

/** A running server process. */
export interface ServerProcess {
  /** e.g. http://127.0.0.1:41234; the same after a restart. */
  url: string;
  adminEmail: string;
  adminPassword: string;
  dataDir: string;
  /** The current child process (a new one after each restart). */
  readonly child: ChildProcess;
  /** Ends the process with SIGKILL, as a crash would: no shutdown, nothing flushed or closed. */
  kill(): Promise<void>;
  /** Starts the server again on the same port and data, after {@link kill} or `stop({ keepData })`. */
  restart(): Promise<void>;
  /** Stops the process (SIGTERM) and removes its data (folder or database) unless `keepData`. */
  stop(opts?: { keepData?: boolean }): Promise<void>;
}

/** Options of {@link startServerProcess}. */
export interface ServerProcessOptions {
  dataDir?: string;
  /** `postgres` runs on a new database of `DATABASE_URL`'s server, dropped by `stop()`. */
  store?: StorageKind;
  env?: Record<string, string>;
}

/** Fails fast with a clear message when the front-ends were not built. */
export function assertBuilt(): void {
  for (const f of ['dist/widget/porthole.js', 'dist/console/index.html', 'dist/demo/components.js']) {
    if (!fs.existsSync(path.join(ROOT, f))) throw new Error(`${f} is missing: run \`npm run build\` before the end-to-end tests.`);
  }
}

/** Starts the server and resolves once it prints its address. */
export async function startServerProcess(opts: ServerProcessOptions = {}): Promise<ServerProcess> {
  assertBuilt();
  const dataDir = opts.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'porthole-e2e-'));
  const database = opts.store === 'postgres' ? await createPostgresDatabase() : null;
  const adminEmail = 'admin@e2e.local';
  const adminPassword = 'e2e-password-1';
  const env = {
    ...process.env,
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    PORTHOLE_ADMIN_EMAIL: adminEmail,
    PORTHOLE_ADMIN_PASSWORD: adminPassword,
    LOG_LEVEL: 'warn',
    DATABASE_URL: database?.url ?? '',
    REDIS_URL: '',
    ...opts.env,
  };
  let child = spawnServer({ ...env, PORT: '0' });
  const url = await listening(child);
  // Later starts take the port the first one was given, so clients reconnect to the same address.
  const port = new URL(url).port;

  return {
    url,
    adminEmail,
    adminPassword,
    dataDir,
    get child() {
      return child;
    },
    async kill() {
      await ended(child, 'SIGKILL');
    },
    async restart() {
      await ended(child, 'SIGKILL');
      child = spawnServer({ ...env, PORT: port });
      await listening(child);
    },
    async stop({ keepData = false } = {}) {
      await ended(child, 'SIGTERM');
      if (keepData) return;
      fs.rmSync(dataDir, { recursive: true, force: true });
      await database?.drop();
    },
  };
}

function spawnServer(env: NodeJS.ProcessEnv): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', 'server/index.ts'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
}

/** Resolves with the base URL once `child` prints it; rejects if it exits first. */
function listening(child: ChildProcess): Promise<string> {
  let output = '';
  return new Promise<string>((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const m = /Demo website:\s+(http:\/\/\S+?)\/\s/.exec(output);
      if (m) resolve(m[1]);
    });
    child.stderr?.on('data', (c: Buffer) => (output += c.toString()));
    child.once('exit', (code, signal) => reject(new Error(`server exited (${code ?? signal}) before listening:\n${output}`)));
  });
}

/** Sends `signal` unless the process already ended, and resolves once it has. */
async function ended(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill(signal);
  await exited;
}
