/**
 * The privileged side of {@link ./elevation-launcher.mjs}: a Unix socket where the launcher (run by
 * a standard user's support client) hands over the command line to elevate. The broker starts it as
 * this test's user (root on the test machine) with piped stdio, so the test reads and types into the
 * elevated copy as it would into a new administrator window, and answers its exit code.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { watchSupportClient, type SupportClientProcess } from './support-client-process.js';

/** The launcher to put in `PORTHOLE_ELEVATE_WITH`. */
export const ELEVATION_LAUNCHER = path.join(import.meta.dirname, 'elevation-launcher.mjs');

/** A listening broker. */
export interface ElevationBroker {
  /** The environment a client needs to elevate through this broker. */
  env: Record<string, string>;
  /** Resolves with the elevated copy once a launcher asked for one. */
  elevated(): Promise<SupportClientProcess>;
  close(): Promise<void>;
}

/** Listens in `dir` (which standard users must be able to enter). */
export async function startElevationBroker(dir: string, childEnv: Record<string, string> = {}): Promise<ElevationBroker> {
  const socketPath = path.join(dir, 'elevation.sock');
  const started: SupportClientProcess[] = [];
  let resolveFirst: (p: SupportClientProcess) => void = () => undefined;
  const first = new Promise<SupportClientProcess>((resolve) => (resolveFirst = resolve));
  const server = net.createServer((conn) => {
    let line = '';
    conn.on('data', (b) => {
      line += b.toString('utf8');
      if (!line.includes('\n')) return;
      const [file, ...args] = JSON.parse(line) as string[];
      const child = spawn(file, args, { stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1', ...childEnv } });
      const proc = watchSupportClient(child);
      started.push(proc);
      child.once('exit', (code) => conn.end(String(code ?? 1)));
      resolveFirst(proc);
    });
  });
  await new Promise<void>((resolve) => server.listen(socketPath, resolve));
  // A copy in `dir`: the checkout may sit in a folder the standard user cannot enter (mktemp's 0700).
  const launcher = path.join(dir, path.basename(ELEVATION_LAUNCHER));
  fs.copyFileSync(ELEVATION_LAUNCHER, launcher);
  fs.chmodSync(launcher, 0o755);
  // Connecting to a Unix socket needs write permission on it.
  fs.chmodSync(socketPath, 0o777);
  return {
    env: { PORTHOLE_ELEVATE_WITH: launcher, PORTHOLE_TEST_ELEVATION_BROKER: socketPath },
    elevated: () =>
      Promise.race([
        first,
        new Promise<never>((_, reject) => {
          const timer = setTimeout(() => reject(new Error('No elevated copy was asked for within 10 s.')), 10_000);
          void first.then(() => clearTimeout(timer));
        }),
      ]),
    async close() {
      for (const p of started) p.kill();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
