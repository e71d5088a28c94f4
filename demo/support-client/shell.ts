/**
 * The command shell the technician types into (E-7): a real PTY through node-pty where it loads
 * (an optional dependency with a native part, so a copied single file usually runs without it),
 * else the system shell over plain pipes with a small line discipline: local echo, Backspace, Enter.
 */
import { spawn } from 'node:child_process';
import os from 'node:os';
import type * as NodePty from 'node-pty';

/** A running shell. */
export interface Shell {
  /** True for a real PTY. */
  readonly pty: boolean;
  write(data: string): void;
  resize(cols: number, rows: number): void;
  kill(): void;
}

/** Callbacks of a shell. */
export interface ShellEvents {
  data(text: string): void;
  exit(code: number | null): void;
}

type PtyModule = typeof NodePty;

let ptyModule: Promise<PtyModule | null> | null = null;

/** node-pty, or null when it is not installed or its native part does not load here. */
export function loadPty(): Promise<PtyModule | null> {
  ptyModule ??= import('node-pty').then(
    (m) => (m as { default?: PtyModule }).default ?? m,
    () => null,
  );
  return ptyModule;
}

const shellCommand = (): { file: string; args: string[] } =>
  process.platform === 'win32' ? { file: process.env.ComSpec ?? 'cmd.exe', args: [] } : { file: process.env.SHELL ?? '/bin/sh', args: [] };

/** Starts a shell in the visitor's home folder. */
export async function openShell(cols: number, rows: number, events: ShellEvents, usePty = true): Promise<Shell> {
  const { file, args } = shellCommand();
  const pty = usePty ? await loadPty() : null;
  if (pty) {
    const p = pty.spawn(file, args, {
      name: 'xterm-256color',
      cols,
      rows,
      cwd: os.homedir(),
      env: { ...process.env, TERM: 'xterm-256color' },
    });
    p.onData((d) => events.data(d));
    p.onExit(({ exitCode }) => events.exit(exitCode));
    return { pty: true, write: (d) => p.write(d), resize: (c, r) => p.resize(c, r), kill: () => p.kill() };
  }
  return pipeShell(events);
}

/** The fallback: the shell over pipes, with echo and line editing done here since no TTY does it. */
function pipeShell(events: ShellEvents): Shell {
  const { file } = shellCommand();
  const args = process.platform === 'win32' ? [] : ['-i'];
  const child = spawn(file, args, {
    cwd: os.homedir(),
    env: { ...process.env, TERM: 'dumb', PS1: '$ ' },
    stdio: 'pipe',
    windowsHide: true,
  });
  const toTerminal = (b: Buffer) => events.data(b.toString('utf8').replace(/\r?\n/g, '\r\n'));
  child.stdout.on('data', toTerminal);
  child.stderr.on('data', toTerminal);
  child.on('exit', (code) => events.exit(code));
  child.on('error', (e) => events.data(`\r\nCould not start ${file}: ${e.message}\r\n`));
  let line = '';
  return {
    pty: false,
    write(data) {
      for (const ch of data) {
        if (ch === '\r' || ch === '\n') {
          events.data('\r\n');
          child.stdin.write(`${line}\n`);
          line = '';
        } else if (ch === '\x7f' || ch === '\b') {
          if (line) events.data('\b \b');
          line = line.slice(0, -1);
        } else if (ch === '\x03') {
          line = '';
          events.data('^C\r\n');
        } else if (ch >= ' ') {
          line += ch;
          events.data(ch);
        }
      }
    },
    resize: () => undefined,
    // An interactive shell ignores SIGTERM; a hang-up ends it as closing its terminal would.
    kill: () => child.kill(process.platform === 'win32' ? undefined : 'SIGHUP'),
  };
}
