/**
 * Starts the real server shell (`server/index.ts`, as `npm start` does after building) in a child
 * process on a free port with a throw-away data folder, and stops it. End-to-end tests use it so
 * they exercise exactly what a user runs.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '../..');

/** A running server process. */
export interface ServerProcess {
  /** e.g. http://localhost:41234 */
  url: string;
  adminEmail: string;
  adminPassword: string;
  dataDir: string;
  child: ChildProcess;
  /** Stops the process (SIGTERM) and removes the data folder unless `keepData`. */
  stop(opts?: { keepData?: boolean }): Promise<void>;
}

/** Fails fast with a clear message when the front-ends were not built. */
export function assertBuilt(): void {
  for (const f of ['dist/widget/porthole.js', 'dist/console/index.html']) {
    if (!fs.existsSync(path.join(ROOT, f))) throw new Error(`${f} is missing: run \`npm run build\` before the end-to-end tests.`);
  }
}

/** Starts the server and resolves once it prints its address. */
export async function startServerProcess(opts: { dataDir?: string; env?: Record<string, string> } = {}): Promise<ServerProcess> {
  assertBuilt();
  const dataDir = opts.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'porthole-e2e-'));
  const adminEmail = 'admin@e2e.local';
  const adminPassword = 'e2e-password-1';
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/index.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      PORTHOLE_ADMIN_EMAIL: adminEmail,
      PORTHOLE_ADMIN_PASSWORD: adminPassword,
      LOG_LEVEL: 'warn',
      DATABASE_URL: '',
      REDIS_URL: '',
      ...opts.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const m = /Demo website:\s+(http:\/\/\S+?)\/\s/.exec(output);
      if (m) resolve(m[1]);
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (c: Buffer) => (output += c.toString()));
    child.once('exit', (code) => reject(new Error(`server exited with ${code} before listening:\n${output}`)));
  });
  return {
    url,
    adminEmail,
    adminPassword,
    dataDir,
    child,
    async stop({ keepData = false } = {}) {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await exited;
      }
      if (!keepData) fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
