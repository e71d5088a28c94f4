/**
 * The reference support client as a separate process, as a visitor runs it: `node` on the built
 * single file, its terminal being this test's pipes. Tests wait for what it prints (with a deadline,
 * never a sleep) and type answers on its stdin.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '../..');

/** The built client. */
export const SUPPORT_CLIENT_FILE = path.join(ROOT, 'dist/support-client/porthole-support.mjs');

/** A running client. */
export interface SupportClientProcess {
  readonly child: ChildProcess;
  /** Everything it printed so far (stdout and stderr). */
  output(): string;
  /** Resolves once the output after `from` (a length of {@link output}) matches `pattern`. */
  waitFor(pattern: RegExp, from?: number, timeoutMs?: number): Promise<string>;
  /** Types a line, as the visitor would. */
  type(line: string): void;
  /** Resolves with the exit code once it ends. */
  exited(): Promise<number | null>;
  /** Ends it if still running. */
  kill(): void;
}

/** How to start the client. */
export interface SupportClientStart {
  /** Runs it as this user (a test running as root starts a standard user's client). */
  user?: { uid: number; gid: number };
  env?: Record<string, string>;
}

/** Starts `node <file> ...args`, or the executable `file` (a single-executable build) itself. */
export function startSupportClient(args: string[], file = SUPPORT_CLIENT_FILE, start: SupportClientStart = {}): SupportClientProcess {
  if (!fs.existsSync(file)) throw new Error(`${file} is missing: run \`npm run build\` first.`);
  const script = /\.[cm]?js$/.test(file);
  const child = spawn(script ? process.execPath : file, script ? [file, ...args] : args, {
    stdio: ['pipe', 'pipe', 'pipe'],
    env: { ...process.env, NO_COLOR: '1', ...start.env },
    ...start.user,
  });
  return watchSupportClient(child);
}

/** Follows a client process started elsewhere (e.g. its elevated copy). */
export function watchSupportClient(child: ChildProcess): SupportClientProcess {
  if (!child.stdout || !child.stderr || !child.stdin) throw new Error('The support client needs piped stdio.');
  let out = '';
  const waiters = new Set<() => void>();
  const append = (b: Buffer) => {
    out += b.toString('utf8');
    for (const w of waiters) w();
  };
  child.stdout.on('data', append);
  child.stderr.on('data', append);
  const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return {
    child,
    output: () => out,
    waitFor(pattern, from = 0, timeoutMs = 10_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const m = pattern.exec(out.slice(from));
          if (!m) return false;
          waiters.delete(check);
          clearTimeout(timer);
          resolve(m[0]);
          return true;
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`The support client did not print ${pattern} within ${timeoutMs} ms. It printed:\n${out}`));
        }, timeoutMs);
        waiters.add(check);
        check();
      });
    },
    type(line) {
      child.stdin?.write(`${line}\n`);
    },
    exited: () => exit,
    kill() {
      if (child.exitCode === null) child.kill();
    },
  };
}
