/**
 * Restarting the client with administrator rights when the technician asks and the visitor agrees
 * (E-13): the same program, elevated by the system's own prompt (sudo in this terminal; the UAC
 * dialog on Windows), given a fresh single-use ticket so it rejoins the session and replaces this one.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { isSea } from 'node:sea';

/**
 * Names a program to elevate with instead of sudo (e.g. `pkexec`, or `doas`), run as
 * `<program> <node> <script> ...args`. Tests point it at a stand-in for the system's prompt.
 */
export const ELEVATE_WITH_ENV = 'PORTHOLE_ELEVATE_WITH';

/** How this copy is started again: node and its script, or a single executable on its own. */
export function selfCommand(execPath: string, script: string | undefined, singleExecutable: boolean): string[] {
  return singleExecutable || !script ? [execPath] : [execPath, script];
}

/** The command that runs `self ...args` elevated on `platform` (`self`: from {@link selfCommand}). */
export function elevatedCommand(
  platform: NodeJS.Platform,
  self: string[],
  args: string[],
  elevateWith: string | undefined = undefined,
): { file: string; args: string[] } {
  if (elevateWith) return { file: elevateWith, args: [...self, ...args] };
  if (platform === 'win32') {
    const quote = (a: string) => `'${a.replace(/'/g, "''")}'`;
    const [file, ...rest] = self;
    const list = [...rest, ...args].map(quote).join(',');
    return {
      file: 'powershell.exe',
      args: ['-NoProfile', '-Command', `Start-Process -Verb RunAs -FilePath ${quote(file)} -ArgumentList ${list}`],
    };
  }
  return { file: 'sudo', args: [...self, ...args] };
}

/** The arguments of this run, without an earlier ticket, plus the server and the new ticket. */
export function restartArgs(current: string[], server: string, ticket: string): string[] {
  const kept: string[] = [];
  for (let i = 0; i < current.length; i++) {
    const a = current[i];
    if (a === '--ticket' || a === '--code' || a === '--server') i++;
    else if (!a.startsWith('--ticket=') && !a.startsWith('--code=') && !a.startsWith('--server=')) kept.push(a);
  }
  return [...kept, '--server', server, '--allow-other-server', '--ticket', ticket];
}

/** Starts the elevated copy, sharing this terminal. */
export function restartElevated(server: string, ticket: string): ChildProcess {
  const { file, args } = elevatedCommand(
    process.platform,
    selfCommand(process.execPath, process.argv[1], isSea()),
    restartArgs(process.argv.slice(2), server, ticket),
    process.env[ELEVATE_WITH_ENV] || undefined,
  );
  return spawn(file, args, { stdio: 'inherit' });
}
