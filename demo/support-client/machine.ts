/**
 * What the client knows about the machine it runs on: the OS family, administrator rights, and the
 * system information it sends only after the visitor allowed it (E-6). Also what a standard user
 * cannot do, said plainly at start (E-12).
 */
import { spawnSync } from 'node:child_process';
import os from 'node:os';
import type { SystemInfo } from '../../src/protocol/index.js';

/** The OS family as the protocol names it. */
export function osFamily(platform: NodeJS.Platform = process.platform): SystemInfo['os'] {
  if (platform === 'win32') return 'windows';
  if (platform === 'darwin') return 'macos';
  if (platform === 'linux') return 'linux';
  return 'other';
}

/** Whether the client runs with administrator rights (root; on Windows, an elevated token). */
export function isElevated(): boolean {
  if (process.platform === 'win32') {
    // `net session` needs an elevated token; it is the usual check without a native module.
    return spawnSync('net', ['session'], { stdio: 'ignore', windowsHide: true }).status === 0;
  }
  return process.getuid?.() === 0;
}

/** E-12: what the technician cannot do through a client without administrator rights. */
export function standardUserLimits(family: SystemInfo['os']): string[] {
  const common = [
    'change system-wide settings, install or remove software for all users, or start and stop services',
    "read or change other users' files",
  ];
  if (family === 'windows') {
    return [...common, 'see or answer administrator prompts (UAC) on your screen', 'send Ctrl+Alt+Del'];
  }
  if (family === 'macos') return [...common, 'answer administrator password prompts'];
  return [...common, 'use sudo without your password'];
}

/** The machine's details, for `system:report`. */
export function systemInfo(pty: boolean, elevated: boolean): SystemInfo {
  let user = '';
  try {
    user = os.userInfo().username;
  } catch {
    user = process.env.USER ?? process.env.USERNAME ?? '';
  }
  return {
    os: osFamily(),
    platform: process.platform,
    release: os.release().slice(0, 80),
    arch: process.arch,
    hostname: os.hostname().slice(0, 255),
    user: user.slice(0, 255),
    elevated,
    cpus: os.cpus().length,
    memoryMb: Math.round(os.totalmem() / 1024 / 1024),
    node: process.version,
    pty,
  };
}
