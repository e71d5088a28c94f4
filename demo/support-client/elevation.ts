/**
 * Restarting the client with administrator rights when the technician asks and the visitor agrees
 * (E-13): the same program, elevated by the system's own prompt (sudo in this terminal; the UAC
 * dialog on Windows), given a fresh single-use ticket so it rejoins the session and replaces this one.
 */
import { spawn, type ChildProcess } from 'node:child_process';

/** The command that runs `node script ...args` elevated on `platform`. */
export function elevatedCommand(platform: NodeJS.Platform, node: string, script: string, args: string[]): { file: string; args: string[] } {
  if (platform === 'win32') {
    const quote = (a: string) => `'${a.replace(/'/g, "''")}'`;
    const list = [script, ...args].map(quote).join(',');
    return {
      file: 'powershell.exe',
      args: ['-NoProfile', '-Command', `Start-Process -Verb RunAs -FilePath ${quote(node)} -ArgumentList ${list}`],
    };
  }
  return { file: 'sudo', args: [node, script, ...args] };
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
    process.execPath,
    process.argv[1],
    restartArgs(process.argv.slice(2), server, ticket),
  );
  return spawn(file, args, { stdio: 'inherit' });
}
