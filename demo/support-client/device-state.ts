/**
 * The identity of an unattended device (U-3): the id and secret the server gave it, kept in a small
 * JSON file so that a restart of the client (or of the machine) comes back as the same device.
 * Readable by this user only, since the secret lets a client speak as the device.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

/** What the state file holds, per server. */
export interface DeviceState {
  server: string;
  deviceId: string;
  secret: string;
}

/** The user's configuration folder: %APPDATA%, ~/Library/Application Support, or $XDG_CONFIG_HOME. */
export function configDir(platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env): string {
  if (platform === 'win32') return env.APPDATA ?? path.join(os.homedir(), 'AppData', 'Roaming');
  if (platform === 'darwin') return path.join(os.homedir(), 'Library', 'Application Support');
  return env.XDG_CONFIG_HOME || path.join(os.homedir(), '.config');
}

/** Where the state is kept unless `--state` says otherwise. */
export function defaultStatePath(): string {
  return path.join(configDir(), 'porthole', 'device.json');
}

/** The device's identity with `server`, or null when there is none (or it is unreadable). */
export async function loadDeviceState(file: string, server: string): Promise<DeviceState | null> {
  try {
    const parsed = JSON.parse(await fs.readFile(file, 'utf8')) as Partial<DeviceState>;
    if (parsed.server !== server || typeof parsed.deviceId !== 'string' || typeof parsed.secret !== 'string') return null;
    return { server, deviceId: parsed.deviceId, secret: parsed.secret };
  } catch {
    return null;
  }
}

/** Writes the identity atomically (a rename), readable by this user only. */
export async function saveDeviceState(file: string, state: DeviceState): Promise<void> {
  await fs.mkdir(path.dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  await fs.writeFile(temp, `${JSON.stringify(state, null, 2)}\n`, { mode: 0o600 });
  await fs.rename(temp, file);
}

/** U-9: forgets the identity of a device the console removed, so the next start registers anew. */
export async function forgetDeviceState(file: string): Promise<void> {
  await fs.rm(file, { force: true });
}
